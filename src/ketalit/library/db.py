"""The library: one folder holding a tinydb database of records, tags, saved searches, claims and links.

Reads need no lock: the database file is only ever replaced whole (see ``storage``). Every write happens in a
``transaction()``: it takes the folder's lock (see ``lock``), reloads the file (so work written meanwhile by another
ketalit process is kept), applies the changes in memory and writes the file once, atomically. An exception inside
the transaction discards all of its changes. A read-only library file is refused before any work is done.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.table import Document

from ..errors import KetalitError, NotFound
from ..records import Record, merge, new_record, no_gc, normalize_doi, title_key, titles_match
from .citekey import assign_key, check_key
from .lock import LibraryLock
from .storage import AtomicJSONStorage, LibraryWriteError, atomic_write_bytes

SCHEMA_VERSION = 1
DB_NAME = "ketalit.json"
LOCK_NAME = ".ketalit.lock"
STATE_NAME = ".ketalit.state"
# Stored as one JSON string each: they are many small objects that only `show`, exports and claim linking read, and
# parsing them as strings halves the time to open a 50,000-record library (1.35 s -> 0.81 s for orjson alone).
BLOB_FIELDS = ("tag_reasons", "comparator_routes", "findings")


def _encode(rec: Record) -> Record:
    if all(not isinstance(rec.get(f), (list, dict)) for f in BLOB_FIELDS):
        return rec
    out = dict(rec)
    for f in BLOB_FIELDS:
        if isinstance(out.get(f), (list, dict)):
            out[f] = orjson.dumps(out[f]).decode()
    return out


def _decode(rec: Record) -> Record:
    out = dict(rec)
    for f in BLOB_FIELDS:
        if isinstance(out.get(f), str):
            out[f] = orjson.loads(out[f])
    return out  # records version and count, so readers can check caches without parsing the library


LOCK_TIMEOUT = 120.0


def lock_timeout() -> float:
    """Seconds a write waits for another process's lock: $KETALIT_LOCK_TIMEOUT, else LOCK_TIMEOUT."""
    raw = os.environ.get("KETALIT_LOCK_TIMEOUT", "").strip()
    if not raw:
        return LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise KetalitError(f"KETALIT_LOCK_TIMEOUT must be a number of seconds, not {raw!r}")
    return value


def default_library_path() -> Path:
    return Path(os.environ.get("KETALIT_LIBRARY") or "library")


class Library:
    """A ketalit library folder. Open one with ``Library.open(path)`` or create it with ``Library.init(path)``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.db_path = self.root / DB_NAME
        self._lock = LibraryLock(self.root / LOCK_NAME, self.root)
        self._create = False  # only `init` may start from an absent database file
        self._db: TinyDB | None = None
        self._records: dict[int, Record] | None = None
        self._dirty: set[int] = set()
        self._removed: set[int] = set()
        self._content_changed = False  # a change other than derived data (findings): the records version moves
        self._index: dict[str, dict[str, int]] | None = None
        self._next_id: int | None = None
        self._in_tx = False

    # -- opening -------------------------------------------------------------------------------------------
    @classmethod
    def init(cls, root: str | os.PathLike[str]) -> Library:
        """Create a library folder, or check the one already there (an existing file is never written over)."""
        lib = cls(Path(root))
        if lib.db_path.exists():
            lib.schema_version()
            return lib
        try:
            lib.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KetalitError(f"{lib.root}: cannot create the library folder ({exc.strerror})") from exc
        lib._create = True
        try:
            with lib.transaction():
                meta = lib.db.table("meta")
                if not meta.all():
                    meta.insert({"schema_version": SCHEMA_VERSION})
        finally:
            lib._create = False
        return lib

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None, validate: bool = True) -> Library:
        """Open a library folder. ``validate=False`` defers reading the database until something needs it
        (a search answered from its index never does)."""
        path = Path(root) if root is not None else default_library_path()
        lib = cls(path)
        if not lib.db_path.exists():
            raise NotFound(f"no ketalit library at {path}/ (run `ketalit init {path}` to create one)")
        if validate:
            lib.schema_version()  # validates the file
        return lib

    def _write_state(self) -> None:
        """Describe the database file as just written (a cache: one that cannot be written is simply not used)."""
        try:
            st = self.db_path.stat()
            state = {
                "db_size": st.st_size,
                "db_mtime_ns": st.st_mtime_ns,
                "records_version": self.records_version(),
                "records": len(self._load()) if self._records is not None else len(self.db.table("records")),
            }
            atomic_write_bytes(self.root / STATE_NAME, orjson.dumps(state))
        except OSError:
            pass

    def fast_state(self) -> dict[str, int] | None:
        """The state file, if it describes the database file as it is now (else None: read the library)."""
        try:
            state = orjson.loads((self.root / STATE_NAME).read_bytes())
            st = self.db_path.stat()
        except (OSError, orjson.JSONDecodeError):
            return None
        if state.get("db_size") != st.st_size or state.get("db_mtime_ns") != st.st_mtime_ns:
            return None
        return state

    @property
    def db(self) -> TinyDB:
        if self._db is None:
            self._db = TinyDB(self.db_path, storage=AtomicJSONStorage, create=self._create)
        return self._db

    def records_version(self) -> int:
        """A counter bumped by every transaction that changes records (not by claims or saved searches)."""
        meta = self.db.table("meta").all()
        return int(meta[0].get("records_version", 0)) if meta else 0

    def schema_version(self) -> int:
        meta = self.db.table("meta").all()
        version = meta[0].get("schema_version", 0) if meta else 0
        if version > SCHEMA_VERSION:
            raise KetalitError(
                f"{self.db_path} has schema version {version}; this ketalit reads up to {SCHEMA_VERSION} (upgrade)"
            )
        return version

    # -- transactions ------------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Library]:
        if self._in_tx:
            yield self
            return
        if not self.root.is_dir():
            raise NotFound(f"no ketalit library at {self.root}/ (run `ketalit init {self.root}` to create one)")
        self._lock.acquire(lock_timeout())
        try:
            self._refuse_read_only()
            self._reset()
            self._in_tx = True
            yield self
            self._write_back()
            if self.db.storage.dirty:
                self._lock.verify()
                self.db.storage.flush()
                self._write_state()
        except BaseException:
            self._reset()
            raise
        finally:
            self._in_tx = False
            self._lock.release()

    def _refuse_read_only(self) -> None:
        try:
            st = self.db_path.stat()
        except FileNotFoundError:
            return  # being created by `init`; otherwise reading it says it is missing
        if not st.st_mode & 0o222 or not os.access(self.db_path, os.W_OK):
            raise LibraryWriteError(
                f"{self.db_path}: the library file is read-only, so nothing was changed "
                f"(to change the library, make it writable: chmod u+w {self.db_path})"
            )

    def take_records(self) -> dict[int, Record]:
        """Every record, handed over: the library forgets its copy (outside a transaction), so a caller that
        consumes the records one by one frees their memory as it goes."""
        records = self._load()
        if not self._in_tx:
            self._reset()
        return records

    def release(self) -> None:
        """Drop the in-memory copy of the database (outside a transaction): the next read comes from disk."""
        if not self._in_tx:
            self._reset()

    def _reset(self) -> None:
        self._db = None
        self._records = None
        self._index = None
        self._next_id = None
        self._dirty = set()
        self._removed = set()
        self._content_changed = False

    def _write_back(self) -> None:
        if not (self._dirty or self._removed) or self._records is None:
            return
        table = self.db.table("records")
        meta = self.db.table("meta")
        rows = meta.all()
        first = rows[0] if rows else None
        if first is None:
            meta.insert({"schema_version": SCHEMA_VERSION, "records_version": 1})
        elif self._content_changed:  # what derived data (the search index) keys on: every change to the records
            meta.update({"records_version": first.get("records_version", 0) + 1}, doc_ids=[first.doc_id])
        existing = [i for i in self._dirty | self._removed if table.contains(doc_id=i)]
        if existing:
            table.remove(doc_ids=existing)
        table.insert_multiple(Document(_encode(self._records[i]), doc_id=i) for i in sorted(self._dirty))
        self._dirty = set()
        self._removed = set()
        self._content_changed = False

    # -- records: reading ----------------------------------------------------------------------------------------
    def _load(self) -> dict[int, Record]:
        if self._records is None:
            with no_gc():
                self._records = {doc.doc_id: doc for doc in self.db.table("records").all()}
        return self._records

    def records(self) -> list[Record]:
        """Every record, in the order they entered the library. Each carries its ``_id``."""
        return [dict(_decode(rec), _id=i) for i, rec in self._load().items()]

    def iter_records(self) -> Iterator[tuple[int, Record]]:
        """(id, record) pairs without copying, for read-only use. Tag reasons and comparator routes may still be
        JSON strings here (see BLOB_FIELDS): use ``record()`` for a full record."""
        yield from self._load().items()

    def __len__(self) -> int:
        return len(self._load())

    def record(self, doc_id: int) -> Record:
        return dict(_decode(self._load()[doc_id]), _id=doc_id)

    def _indexes(self) -> dict[str, dict[str, int]]:
        if self._index is None:
            idx: dict[str, dict[str, int]] = {"pmid": {}, "doi": {}, "title": {}, "citekey": {}}
            for i, rec in self._load().items():
                self._index_record(idx, i, rec)
            self._index = idx
        return self._index

    @staticmethod
    def _index_record(idx: dict[str, dict[str, int]], i: int, rec: Record) -> None:
        if rec.get("pmid"):
            idx["pmid"][rec["pmid"]] = i
        if rec.get("doi"):
            idx["doi"].setdefault(rec["doi"], i)
        tk = title_key(rec.get("title") or "", rec.get("year"))
        if tk:
            idx["title"].setdefault(tk, i)
        if rec.get("citekey"):
            idx["citekey"][rec["citekey"]] = i
        for other in rec.get("merged") or []:  # a merged near-duplicate's identifiers still lead here
            if other.get("pmid"):
                idx["pmid"].setdefault(other["pmid"], i)
            if other.get("doi"):
                idx["doi"].setdefault(other["doi"], i)

    def find(self, ident: str) -> Record | None:
        """A record by PMID, DOI (any form), PMCID or citation key."""
        ident = ident.strip()
        idx = self._indexes()
        if ident.isdigit() and ident in idx["pmid"]:
            return self.record(idx["pmid"][ident])
        if ident.lower().startswith("pmid:") and ident[5:].strip() in idx["pmid"]:
            return self.record(idx["pmid"][ident[5:].strip()])
        doi = normalize_doi(ident)
        if doi and doi in idx["doi"]:
            return self.record(idx["doi"][doi])
        if ident in idx["citekey"]:
            return self.record(idx["citekey"][ident])
        if ident.upper().startswith("PMC"):
            for i, rec in self._load().items():
                if rec.get("pmcid") == ident.upper():
                    return self.record(i)
        return None

    def match(self, rec: Record) -> int | None:
        """The id of the stored record that is the same paper as ``rec``: by PMID, else DOI, else title+year."""
        idx = self._indexes()
        stored = self._load()
        pmid, doi = rec.get("pmid"), rec.get("doi")
        if pmid and pmid in idx["pmid"]:
            return idx["pmid"][pmid]
        if doi and doi in idx["doi"]:
            i = idx["doi"][doi]
            other = stored[i]
            if (not pmid or not other.get("pmid")) and titles_match(rec.get("title", ""), other.get("title", "")):
                return i
        tk = title_key(rec.get("title") or "", rec.get("year"))
        if tk and tk in idx["title"]:
            i = idx["title"][tk]
            other = stored[i]
            if pmid and other.get("pmid") and other["pmid"] != pmid:
                return None
            if doi and other.get("doi") and other["doi"] != doi:
                return None
            return i
        return None

    # -- records: writing (inside a transaction) ---------------------------------------------------------------------
    def _require_tx(self) -> None:
        if not self._in_tx:
            raise RuntimeError("library writes must happen inside Library.transaction()")

    def upsert(self, rec: Record) -> tuple[int, str]:
        """Insert ``rec`` or merge it into the same paper already stored. Returns (id, 'added'|'updated')."""
        self._require_tx()
        stored = self._load()
        idx = self._indexes()
        i = self.match(rec)
        if i is None:
            if self._next_id is None:
                self._next_id = max(stored, default=0) + 1
            i = self._next_id
            self._next_id += 1
            out = new_record()
            out.update({k: v for k, v in rec.items() if not k.startswith("_")})
            own = rec.get("citekey")  # a key the file carries (BibTeX, CSL-JSON): kept if it is usable and free
            if own and check_key(own) is None and own not in idx["citekey"]:
                out["citekey_pinned"] = True
            else:
                out["citekey"] = assign_key(out, idx["citekey"])
            action = "added"
        else:
            out = merge(stored[i], rec)
            action = "updated"
        stored[i] = out
        self._dirty.add(i)
        self._content_changed = True
        self._index_record(idx, i, out)
        return i, action

    def clear_records(self) -> None:
        """Remove every record. Records added afterwards get ids none of them had (a rebuild imports the papers
        again, then gives each its old id back with ``renumber``)."""
        self._require_tx()
        stored = self._load()
        self._next_id = max(stored, default=0) + 1
        self._removed |= set(stored)
        self._dirty = set()
        self._content_changed = True
        stored.clear()
        self._index = None

    def renumber(self, doc_id: int, new_id: int) -> None:
        """Move a record to another id, which must be free."""
        self._require_tx()
        stored = self._load()
        if new_id in stored:
            raise ValueError(f"record id {new_id} is in use")
        stored[new_id] = stored.pop(doc_id)
        self._dirty.discard(doc_id)
        self._removed.add(doc_id)
        self._dirty.add(new_id)
        self._content_changed = True
        self._index = None

    def put(self, doc_id: int, rec: Record) -> None:
        """Replace a stored record (e.g. after tagging or a user edit)."""
        self._require_tx()
        stored = self._load()
        if doc_id not in stored:
            raise KeyError(doc_id)
        stored[doc_id] = {k: v for k, v in rec.items() if k != "_id"}
        self._dirty.add(doc_id)
        self._content_changed = True
        self._index_record(self._indexes(), doc_id, stored[doc_id])

    def remove(self, doc_id: int) -> Record:
        """Remove a stored record (its user data in other tables is the caller's to remove)."""
        self._require_tx()
        rec = self._load().pop(doc_id)
        self._dirty.discard(doc_id)
        self._removed.add(doc_id)
        self._content_changed = True
        self._index = None
        return rec

    def put_derived(self, doc_id: int, field: str, value: Any) -> None:
        """Store data derived from a record (its findings) without counting as a change to the record: caches
        keyed on the records version (the search index) stay valid."""
        self._require_tx()
        stored = self._load()
        if doc_id not in stored:
            raise KeyError(doc_id)
        stored[doc_id] = {**stored[doc_id], field: value}
        self._dirty.add(doc_id)

    # -- other tables --------------------------------------------------------------------------------------------
    def table(self, name: str) -> Any:
        return self.db.table(name)
