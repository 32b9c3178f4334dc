"""A tinydb Storage that is fast (orjson), buffered (one write per transaction) and crash-safe (atomic rename).

tinydb's default JSONStorage rewrites the whole file on every insert and writes in place, so a process killed
mid-write leaves a truncated file. Here the data lives in memory between ``read`` and ``flush``; ``flush`` writes
a temporary file in the same folder, fsyncs it, renames it over the library file and fsyncs the folder. A reader
therefore always sees either the old file or the new one, never a mix.

A library file that is not what ketalit wrote (empty, ``null``, not JSON, tables of the wrong type) is an error,
never an empty library: reading it raises ``CorruptLibraryError`` and nothing writes over it. Only a library being
created (``create=True``) may start from an absent file.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from ..errors import DamagedLibrary, KetalitError, LibraryWriteError, NotFound
from ..records import no_gc
from .lock import HOST, pid_alive

CorruptLibraryError = DamagedLibrary  # the name this module used before the typed errors


def damaged(path: Path, why: str) -> CorruptLibraryError:
    return CorruptLibraryError(
        f"{path}: damaged library file ({why}); nothing was changed and no command will write over it: "
        "restore the file from your backup or version control"
    )


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str], create: bool = False) -> None:
        self.path = Path(path)
        self.create = create
        self._data: dict[str, Any] | None = None
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = load_library_file(self.path, self.create)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def reload(self) -> None:
        """Forget the in-memory copy: the next read comes from disk."""
        self._data = None
        self.dirty = False

    def flush(self) -> None:
        if not self.dirty or self._data is None:
            return
        try:
            atomic_write_bytes(self.path, orjson.dumps(self._data))
        except OSError as exc:
            raise LibraryWriteError(
                f"{self.path}: cannot write the library ({describe(exc)}); nothing was changed"
            ) from exc
        self.dirty = False

    def close(self) -> None:
        pass


def describe(exc: OSError) -> str:
    """An OSError in words, with what to do for the common ones."""
    what = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return f"{what}: free some space and run the command again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}: the folder or file is read-only"
    return what


def load_library_file(path: Path, create: bool = False) -> dict[str, Any] | None:
    """The library's tables, checked. ``None`` (an empty library) only for an absent file when ``create``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if create:
            return None
        raise NotFound(f"no ketalit library at {path.parent}/ ({path.name} is missing)") from None
    except OSError as exc:
        raise KetalitError(f"{path}: cannot read the library ({describe(exc)})") from exc
    if not raw.strip():
        raise damaged(path, "the file is empty")
    try:
        with no_gc():  # millions of small objects, none of them garbage: the collector only slows this down
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise damaged(path, f"not valid JSON: {exc}") from exc
    why = shape_problem(data)
    if why:
        raise damaged(path, why)
    return data


def shape_problem(data: Any) -> str | None:
    """What is wrong with the shape of a library's data (None if nothing): tables of rows keyed by number."""
    if not isinstance(data, dict):
        return f"expected an object of tables, found {_kind(data)}"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is {_kind(table)}, not an object of rows"
        for key, row in table.items():
            if not key.isdigit():
                return f"table {name!r} has a row keyed {key[:40]!r}, not a number"
            if not isinstance(row, dict):
                return f"row {key} of table {name!r} is {_kind(row)}, not an object"
    meta = next(iter((data.get("meta") or {}).values()), {})
    if meta.get("schema_version") is None:
        return "no schema version: not a ketalit library"
    for key in ("schema_version", "records_version"):
        value = meta.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{key.replace('_', ' ')} {value!r} is not a number"
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(type(value), "a number")


# -- atomic writes -------------------------------------------------------------------------------------------------

# A temporary file's name says who writes it: .NAME.HOST.PID.RANDOM.tmp
_TMP_HOST = HOST.replace(".", "_").replace("/", "_")


def _tmp_prefix(path: Path) -> str:
    return f".{path.name}.{_TMP_HOST}.{os.getpid()}."


def remove_stale_tmp_files(path: Path) -> None:
    """Delete the temporary files earlier writes of ``path`` left behind when they were killed: only those written
    on this host by a process that no longer exists (a live writer's file is never touched)."""
    start = f".{path.name}.{_TMP_HOST}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(start) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(start) :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temporary file, fsync, rename). The folder must exist; an existing
    file keeps its permissions. Raises OSError, leaving the previous file and no temporary file behind."""
    remove_stale_tmp_files(path)
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # mkstemp makes 0600; a new file is as readable as any other file
    fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
