"""A tinydb Storage that is fast (orjson), buffered (one write per transaction) and crash-safe (atomic rename).

tinydb's default JSONStorage rewrites the whole file on every insert and writes in place, so a process killed
mid-write leaves a truncated file. Here the data lives in memory between ``read`` and ``flush``; ``flush`` writes
a temporary file in the same folder, fsyncs it, renames it over the library file and fsyncs the folder. A reader
therefore always sees either the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from ..records import no_gc


class CorruptLibraryError(Exception):
    pass


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = load_json_file(self.path)
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
        atomic_write_bytes(self.path, orjson.dumps(self._data))
        self.dirty = False

    def close(self) -> None:
        pass


def load_json_file(path: Path) -> dict[str, Any] | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    if not raw.strip():
        return None
    try:
        with no_gc():  # millions of small objects, none of them garbage: the collector only slows this down
            return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptLibraryError(
            f"{path}: not valid JSON ({exc}); restore it from version control or a backup"
        ) from exc


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; a library file is as readable as any other file
        with os.fdopen(fd, "wb") as fh:
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
