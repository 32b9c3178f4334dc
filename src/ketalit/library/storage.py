"""The library's files on disk: how each is written (deterministic JSON, atomically), read back and checked.

Every file of a library is JSON that ketalit wrote and that diffs well: tables by name, rows in id order, each row's
keys sorted and indented, so that changing one note changes a few lines (``dump_tables``). ``BufferedStorage`` is
the tinydb Storage over one such file: tinydb reads and writes it in memory, and the library commits every changed
file of a transaction together (see ``files``).

A file that is not what ketalit wrote (empty, ``null``, not JSON, tables of the wrong type) is an error, never an
empty library: reading it raises ``DamagedLibrary`` and nothing writes over it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from ..errors import DamagedLibrary, json_kind
from ..records import no_gc
from .lock import HOST, pid_alive

CorruptLibraryError = DamagedLibrary  # the name this module used before the typed errors

ROW_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def damaged(path: Path, why: str) -> CorruptLibraryError:
    return CorruptLibraryError(
        f"{path}: damaged library file ({why}); nothing was changed and no command will write over it: "
        "restore the file from your backup or version control"
    )


def dump_tables(data: dict[str, dict[str, Any]]) -> bytes:
    """tinydb's data as JSON that reads and diffs well: tables by name, rows by number, each row indented with its
    keys sorted. The same data always gives the same bytes; one changed field changes one line."""
    out = [b"{"]
    names = sorted(data)
    for ti, name in enumerate(names):
        rows = data[name]
        comma = b"," if ti < len(names) - 1 else b""
        head = b"  " + orjson.dumps(name) + b": {"
        if not rows:
            out.append(head + b"}" + comma)
            continue
        out.append(head)
        keys = sorted(rows, key=int)
        last = len(keys) - 1
        for ri, key in enumerate(keys):
            row = orjson.dumps(rows[key], option=ROW_OPTIONS).replace(b"\n", b"\n    ")
            out.append(b'    "' + key.encode() + b'": ' + row + (b"," if ri < last else b""))
        out.append(b"  }" + comma)
    out.append(b"}")
    return b"\n".join(out) + b"\n"


class BufferedStorage(Storage):
    """A tinydb Storage over one library file, kept in memory: ``read`` loads it (checked) through ``load``, ``write``
    only marks it changed; the library writes every changed file of a transaction at once."""

    def __init__(self, load: Callable[[], dict[str, Any] | None]) -> None:
        self._load = load
        self._data: dict[str, Any] | None = None
        self._loaded = False
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            self._data = self._load()
            self._loaded = True
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._loaded = True
        self.dirty = True

    def dump(self) -> bytes:
        return dump_tables(self._data or {})

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


def parse_json(path: Path, raw: bytes) -> Any:
    if not raw or raw.isspace():  # (strip would copy a file of records to find out)
        raise damaged(path, "the file is empty")
    try:
        with no_gc():  # many small objects, none of them garbage: the collector only slows this down
            return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise damaged(path, f"not valid JSON: {exc}") from exc


def table_problem(data: Any, tables: tuple[str, ...] | None = None) -> str | None:
    """What is wrong with a tinydb file's data (None if nothing): tables of rows keyed by number (only ``tables``,
    if given)."""
    if not isinstance(data, dict):
        return f"expected an object of tables, found {json_kind(data)}"
    for name, table in data.items():
        if tables is not None and name not in tables:
            return f"unexpected table {name[:40]!r} (this file holds {', '.join(tables)})"
        if not isinstance(table, dict):
            return f"table {name!r} is {json_kind(table)}, not an object of rows"
        for key, row in table.items():
            if not key.isdigit():
                return f"table {name!r} has a row keyed {key[:40]!r}, not a number"
            if not isinstance(row, dict):
                return f"row {key} of table {name!r} is {json_kind(row)}, not an object"
    return None


def shape_problem(data: Any) -> str | None:
    """What is wrong with a library's main file, ketalit.json (None if nothing): tinydb tables, and a schema
    version and records version that are numbers."""
    why = table_problem(data)
    if why:
        return why
    meta: dict[str, Any] = next(iter((data.get("meta") or {}).values()), {})
    if meta.get("schema_version") is None:
        return "no schema version: not a ketalit library"
    for key in ("schema_version", "records_version"):
        value = meta.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{key.replace('_', ' ')} {value!r} is not a number"
    return None


# -- atomic writes -------------------------------------------------------------------------------------------------

# A temporary file's name says who writes it: .NAME.HOST.PID.RANDOM.tmp
_TMP_HOST = HOST.replace(".", "_").replace("/", "_")


def _tmp_prefix(path: Path) -> str:
    return f".{path.name}.{_TMP_HOST}.{os.getpid()}."


def _stale(name: str, start: str) -> bool:
    pid = name[len(start) :].split(".", 1)[0]
    return pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid))


def remove_stale_tmp_files(path: Path) -> None:
    """Delete the temporary files earlier writes of ``path`` left behind when they were killed: only those written
    on this host by a process that no longer exists (a live writer's file is never touched)."""
    start = f".{path.name}.{_TMP_HOST}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(start) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        if _stale(name, start):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def remove_stale_tmp_in(folder: Path, names: set[str]) -> None:
    """``remove_stale_tmp_files`` for every file of ``names`` in ``folder`` at once (one listing of the folder)."""
    try:
        found = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]
    except OSError:
        return
    for tmp in found:
        for name in names:
            start = f".{name}.{_TMP_HOST}."
            if tmp.startswith(start):
                if _stale(tmp, start):
                    try:
                        os.unlink(folder / tmp)
                    except OSError:
                        pass
                break


def new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask  # mkstemp makes 0600; a new file is as readable as any other file


def write_temp(path: Path, data: bytes, sync: bool = True) -> Path:
    """``data`` in a new temporary file beside ``path``, fsynced unless ``sync`` is false, with ``path``'s
    permissions (or a new file's). Raises OSError, leaving no temporary file behind."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = new_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def fsync_dir(folder: Path) -> None:
    """Make renames and new names in ``folder`` durable (where the system allows it)."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def atomic_write_bytes(path: Path, data: bytes, sync: bool = True, tidy: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (temporary file, fsync, rename). The folder must exist; an existing
    file keeps its permissions. Raises OSError, leaving the previous file and no temporary file behind.
    ``sync=False``: replaced as atomically (a reader sees the old file or the new one) but not forced to disk, for
    files that are made again whenever they are needed (a report's hundreds of evidence files). ``tidy=False``: the
    caller has removed the temporary files killed writers left (``remove_stale_tmp_in``, one listing of the folder
    for many files, instead of one listing for each file written)."""
    if tidy:
        remove_stale_tmp_files(path)
    tmp = write_temp(path, data, sync)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if sync:
        fsync_dir(path.parent)
