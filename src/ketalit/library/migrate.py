"""Converting a library of the older layout (schema 1: every table in ketalit.json) to the current one, on first
open.

The conversion takes the lock, copies the old ketalit.json to BACKUP, and writes the new files in one commit (see
``files``): killed at any moment, it leaves either the old library or the new one. Every record, user field, table
row and claim carries over unchanged; only where each is kept changes. A library that cannot be written (a
read-only file or folder) is converted in memory on every open instead, and read as it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ..errors import KetalitError, LibraryBusy, LibraryWriteError
from .db import (
    CLAIM_TABLES,
    CLAIMS_DB,
    SCHEMA_VERSION,
    SHARD_SIZE,
    USER_DB,
    USER_FIELDS_TABLE,
    Library,
    lock_timeout,
    shard_name,
    split,
)
from .idmap import IdMap
from .storage import atomic_write_bytes, describe, dump_tables

BACKUP = "ketalit.json.schema1.bak"
OLD_CACHES = (
    ".ketalit.state",
    ".index/bm25",
    ".index/docs.json",
    ".index/texts.json",
    ".index/ids.npy",
    ".index/signature",
    ".index/embeddings.npy",
    ".index/embeddings.sig",
)


def layout(data: dict[str, Any]) -> tuple[dict[str, bytes], dict[str, Any]]:
    """The files of the current layout holding the tables of an old ketalit.json, and the manifest's row."""
    old_meta: dict[str, Any] = next(iter((data.get("meta") or {}).values()), {})
    records = data.get("records") or {}
    shards: dict[int, dict[str, Any]] = {}
    user_fields: dict[str, Any] = {}
    ids = IdMap(Path("."), lambda name: None)
    for key in sorted(records, key=int):
        doc_id, rec = int(key), records[key]
        row, own = split(rec)
        shards.setdefault((doc_id - 1) // SHARD_SIZE, {})[key] = row
        if own:
            user_fields[key] = own
        ids.update(doc_id, None, rec)
    user = {name: rows for name, rows in data.items() if name not in ("meta", "records", *CLAIM_TABLES)}
    user[USER_FIELDS_TABLE] = user_fields
    claims = {name: data[name] for name in CLAIM_TABLES if name in data}
    writes = {shard_name(k): dump_tables({"records": rows}) for k, rows in sorted(shards.items())}
    writes[USER_DB] = dump_tables(user)
    writes.update(ids.dumps())
    if claims:
        writes[CLAIMS_DB] = dump_tables(claims)
    meta = {
        "schema_version": SCHEMA_VERSION,
        "records_version": int(old_meta.get("records_version", 0)),
        "next_id": max((int(k) for k in records), default=0) + 1,
        "records": len(records),
        "shard_size": SHARD_SIZE,
    }
    return writes, meta


def upgrade(lib: Library) -> None:
    """Convert ``lib`` if its manifest is of the older layout (taking the lock unless the caller holds it). A library
    that cannot be written is converted in memory; a transaction, which holds the lock to change the library, is
    refused instead, as it refuses a library of the current layout that cannot be written."""
    if lib.files.locked:
        _convert(lib, refuse=True)
        return
    try:
        lib.files.lock.acquire(lock_timeout())
    except LibraryBusy:
        raise
    except KetalitError:  # no lock file can be made: the folder is read-only
        _convert(lib, in_memory=True)
        return
    try:
        lib.files.locked = True
        lib.files.recover()
        lib.files.reset()
        _convert(lib)
    finally:
        lib.files.locked = False
        lib.files.lock.release()


def _convert(lib: Library, in_memory: bool = False, refuse: bool = False) -> None:
    view = lib.files.manifest()
    if view.meta["schema_version"] >= SCHEMA_VERSION:
        return  # converted meanwhile by another process
    writes, meta = layout(view.data)
    if not in_memory:
        try:
            lib.refuse_read_only()  # asked as a transaction asks it: by writing a file in the folder
        except LibraryWriteError:
            if refuse:
                raise
            in_memory = True
    if in_memory:
        lib.files.stage(writes, meta)
        return
    try:
        atomic_write_bytes(lib.root / BACKUP, view.raw)
        lib.files.commit(writes, meta)
    except PermissionError:
        lib.files.stage(writes, meta)
        return
    except OSError as exc:
        raise LibraryWriteError(
            f"{lib.db_path}: cannot convert the library to the current layout ({describe(exc)}); nothing was changed"
        ) from exc
    for name in OLD_CACHES:  # caches of the older layout
        path = lib.root / name
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
