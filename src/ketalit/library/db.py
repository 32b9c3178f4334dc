"""The library: one folder of tinydb files holding records, user data, saved searches, claims and links.

What a command costs follows what it touches, not the size of the library. Records live in files of SHARD_SIZE ids
each (records/0000.json holds ids 1-1000); the id map (ids/*.json) finds a record's file from its PMID, DOI, PMCID,
citation key or title. What people did lives in user.json: notes, screening decisions, claim reviews, saved
searches, removals, and each record's user fields (notes and screening summaries, manual tags, hand edits, a
pinned citation key), which the library lays over the record when it is read. Linked claims live in claims.json.
Every file is read only when needed, and a write rewrites only the files it changed.

Reads need no lock (see ``files``). Every write happens in a ``transaction()``: it takes the folder's lock (see
``lock``), reads the files it needs as they are now (so work written meanwhile by another ketalit process is kept),
applies the changes in memory and commits every changed file at once, atomically. An exception inside the
transaction discards all of its changes. A read-only library file is refused before any work is done, and so is a
folder that takes no new file when the transaction does its work without the lock (an import's parse). After a
commit that changed records, the search index is brought up to date for those records (see ``search.index``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.table import Document, Table

from ..errors import BadInput, KetalitError, LibraryChanged, LibraryWriteError, NotFound
from ..records import Record, merge, new_record, no_gc, normalize_doi, titles_match
from .citekey import assign_key, check_key
from .files import MANIFEST, RECORDS_DIR, FileSet
from .idmap import IdMap
from .lock import LibraryLock
from .storage import BufferedStorage, damaged, describe, table_problem, write_temp

SCHEMA_VERSION = 2  # 1: everything in ketalit.json (converted on first open, see ``migrate``)
DB_NAME = MANIFEST
LOCK_NAME = ".ketalit.lock"
USER_DB = "user.json"
CLAIMS_DB = "claims.json"
SHARD_SIZE = 1000  # records per file: a single-record command reads and writes about 5 MB
CLAIM_TABLES = ("claims", "claims_meta")
USER_FIELDS_TABLE = "user_fields"  # in user.json: each record's user fields, by record id
# Stored as one JSON string each: they are many small objects that only `show`, exports and claim linking read, and
# parsing them as strings halves the time to open a 50,000-record library (1.35 s -> 0.81 s for orjson alone).
BLOB_FIELDS = ("tag_reasons", "comparator_routes", "findings")
# A record's fields that people set, kept in user.json (with ``citekey`` when it is pinned): writing a note or a
# screening decision rewrites user.json, not the file of records.
OVERLAY_FIELDS = ("notes", "screening", "manual_tags", "edits", "citekey_pinned")


def _user_defaults() -> Record:
    return {"notes": "", "manual_tags": {"add": [], "remove": []}, "screening": None}


def encode_blobs(rec: Record) -> Record:
    """``rec`` with its BLOB_FIELDS as JSON strings (a copy if any was not)."""
    if all(not isinstance(rec.get(f), (list, dict)) for f in BLOB_FIELDS):
        return rec
    out = dict(rec)
    for f in BLOB_FIELDS:
        if isinstance(out.get(f), (list, dict)):
            out[f] = orjson.dumps(out[f]).decode()
    return out


def _decode(rec: Record) -> Record:
    for f in BLOB_FIELDS:
        if isinstance(rec.get(f), str):
            rec[f] = orjson.loads(rec[f])
    return rec


def split(rec: Record) -> tuple[Record, Record]:
    """A record as stored: (its row in a file of records, its user fields in user.json). Empty user fields are not
    stored; reading lays them back with their defaults."""
    pinned = bool(rec.get("citekey_pinned"))
    row = {k: v for k, v in rec.items() if not (k in OVERLAY_FIELDS or (k == "citekey" and pinned)) and k != "_id"}
    return encode_blobs(row), user_part(rec)


def user_part(rec: Record) -> Record:
    """``split(rec)[1]``, without making the row: a record's user fields as user.json stores them."""
    pinned = bool(rec.get("citekey_pinned"))
    return {
        k: v
        for k, v in rec.items()
        if (k in OVERLAY_FIELDS or (k == "citekey" and pinned))
        and not (
            (k == "notes" and v == "")
            or (k == "screening" and v is None)
            or (k == "manual_tags" and v == {"add": [], "remove": []})
        )
    }


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
        raise BadInput(f"KETALIT_LOCK_TIMEOUT must be a number of seconds, not {raw!r}")
    return value


def default_library_path() -> Path:
    return Path(os.environ.get("KETALIT_LIBRARY") or "library")


def shard_name(k: int) -> str:
    return f"{RECORDS_DIR}/{k:04d}.json"


def _buffer(db: TinyDB) -> BufferedStorage:
    """A library file's storage (every tinydb of the library is opened over a BufferedStorage)."""
    storage = db.storage
    assert isinstance(storage, BufferedStorage)
    return storage


class Library:
    """A ketalit library folder. Open one with ``Library.open(path)`` or create it with ``Library.init(path)``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.db_path = self.root / DB_NAME
        self._lock = LibraryLock(self.root / LOCK_NAME, self.root)
        self.files = FileSet(self.root, self._lock, lock_timeout, SCHEMA_VERSION)
        self._in_tx = False
        self._reset()

    # -- opening -------------------------------------------------------------------------------------------
    @classmethod
    def init(cls, root: str | os.PathLike[str], shard_size: int = SHARD_SIZE) -> Library:
        """Create a library folder, or check the one already there (an existing file is never written over).
        ``shard_size``: how many record ids each file of records holds."""
        lib = cls(Path(root))
        if lib.db_path.exists() or lib.db_path.is_symlink():
            lib.schema_version()
            return lib
        try:
            lib.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryWriteError(f"{lib.root}: cannot create the library folder ({exc.strerror})") from exc
        lib.files.create = {"shard_size": shard_size, "next_id": 1, "records": 0, "records_version": 0}
        try:
            with lib.transaction():
                pass  # writes the manifest of an empty library
        finally:
            lib.files.create = None
        return lib

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None, validate: bool = True) -> Library:
        """Open a library folder. ``validate=False`` defers reading it until something needs it (a search answered
        from its index reads only the manifest)."""
        path = Path(root) if root is not None else default_library_path()
        lib = cls(path)
        if not lib.db_path.exists():
            raise NotFound(f"no ketalit library at {path}/ (run `ketalit init {path}` to create one)")
        if validate:
            lib.schema_version()  # validates the manifest (and converts a library of the older layout)
        return lib

    def _meta(self) -> dict[str, Any]:
        """The manifest's row (schema version, counters, files) as of this library's view."""
        view = self.files.manifest()
        version = view.meta["schema_version"]
        if version > SCHEMA_VERSION:
            raise KetalitError(
                f"{self.db_path} has schema version {version}; this ketalit reads up to {SCHEMA_VERSION} (upgrade)"
            )
        if version < SCHEMA_VERSION:
            from .migrate import upgrade

            upgrade(self)
            view = self.files.manifest()
        return view.meta

    def schema_version(self) -> int:
        return int(self._meta()["schema_version"])

    def records_version(self) -> int:
        """A counter bumped by every commit that changes records (not by notes, screening, claims, searches or the
        findings stored with a record, see ``put_derived``)."""
        return int(self._meta().get("records_version", 0))

    def shard_generations(self) -> dict[str, int]:
        """Each file of records with the generation (commit number) that last wrote it: what caches of the records
        (the search index) compare to know what changed."""
        return {n: g for n, g in self._meta()["files"].items() if n.startswith(RECORDS_DIR + "/")}

    @property
    def shard_size(self) -> int:
        return int(self._meta().get("shard_size", SHARD_SIZE))

    def shard_of(self, doc_id: int) -> int:
        return (doc_id - 1) // self.shard_size

    # -- transactions ------------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self, unlocked: bool = False) -> Iterator[Library]:
        """Make changes and commit them together (see the module's docstring).

        ``unlocked``: the changes are made without the lock, on the library as it is when the transaction begins (an
        import parses a large file meanwhile, and other writers need not wait for it); the lock is taken to commit
        them. If another process committed in between, nothing is written and ``LibraryChanged`` is raised: the
        caller makes its changes again, in a transaction that holds the lock throughout."""
        if self._in_tx:
            yield self
            return
        if not self.root.is_dir():
            raise NotFound(f"no ketalit library at {self.root}/ (run `ketalit init {self.root}` to create one)")
        locked = False
        try:
            if not unlocked:
                self._lock.acquire(lock_timeout())
                locked = self.files.locked = True
                self.files.recover()
            # a library of the older layout converted in memory (it could not be written when it was read) is
            # converted again now, for this transaction to write or refuse: a commit writes only what it changed
            self.files.virtual = None
            self._reset()
            self._meta()  # the library as it is now (converted first if it has the older layout)
            # the folder is asked now, not at the commit after all the work (a locked transaction has made its lock
            # file in the folder: it takes new files)
            self.refuse_read_only(folder=unlocked)
            base = self.files.manifest().raw
            self._in_tx = True
            yield self
            if not locked:
                self._lock.acquire(lock_timeout())
                locked = self.files.locked = True
                self.files.recover()
                if self.files.changed_since(base):
                    raise LibraryChanged(
                        f"{self.root}: another ketalit committed while this one prepared its changes; "
                        "nothing was written"
                    )
            changes = self._commit()
            if changes is not None:
                self._after_commit(changes)
        except BaseException:
            self._reset()
            raise
        finally:
            self._in_tx = False
            self.files.locked = False
            if locked:
                self._lock.release()

    def refuse_read_only(self, folder: bool = True) -> None:
        """Raise ``LibraryWriteError`` (one line: which file or folder, and the chmod that makes it writable) if a
        file of the library is read-only or, with ``folder``, if its folder takes no new file. A commit writes each
        file beside itself and renames it over, so the folder is asked by writing (and removing) an empty temporary
        file there: the answer the commit would get, for root too."""
        paths = [self.db_path] + [self.root / n for n in self.files.manifest().files]
        for path in paths:
            try:
                st = path.stat()
            except FileNotFoundError:
                continue  # being created by `init`; otherwise reading it says it is missing
            if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
                raise LibraryWriteError(
                    f"{path}: the library file is read-only, so nothing was changed "
                    f"(to change the library, make it writable: chmod u+w {path})"
                )
        if not folder:
            return
        try:
            write_temp(self.db_path, b"", sync=False).unlink()
        except OSError as exc:
            raise LibraryWriteError(
                f"{self.db_path}: cannot write beside it ({describe(exc)}), so nothing was changed "
                f"(to change the library, make its folder writable: chmod u+w {self.root})"
            ) from exc

    def release(self) -> None:
        """Drop what was read (outside a transaction): the next read comes from disk, as the library is then."""
        if not self._in_tx:
            self._reset()

    def _reset(self) -> None:
        self.files.reset()
        self._dbs: dict[str, TinyDB] = {}
        self._shards: dict[int, TinyDB] = {}
        self._rows: dict[int, dict[int, Record]] = {}  # shard -> id -> the row as read (never changed in place)
        self._recs: dict[int, Record] = {}  # id -> the record (row and user fields), for the shards read
        self._ids: IdMap | None = None
        self._dirty: set[int] = set()
        self._removed: set[int] = set()
        self._count = 0  # records added minus records removed in this transaction
        self._content_changed = False  # a change other than derived data (findings): the records version moves
        self._next_id: int | None = None
        self._prepared: dict[int, Any] = {}  # id -> what the search index needs, prepared while importing
        self._key_hints: dict[str, int] = {}  # see ``assign_key``: forgotten when a citation key is given up

    # -- reading the files ---------------------------------------------------------------------------------------------
    def _tinydb(self, name: str, tables: tuple[str, ...] | None = None) -> TinyDB:
        if name not in self._dbs:
            # The loader holds the library's files, not the library: a library that held itself (through its
            # tinydbs, their storages and this loader) would be freed only by the cyclic garbage collector, which
            # would walk every record and claim it had loaded (each command opens libraries, and tests many).
            files, root = self.files, self.root

            def load() -> dict[str, Any] | None:
                data = files.read(name)
                why = None if data is None else table_problem(data, tables)
                if why:
                    raise damaged(root / name, why)
                return data

            self._dbs[name] = TinyDB(storage=BufferedStorage, load=load)
        return self._dbs[name]

    def _user_fields(self) -> dict[str, Record]:
        """Each record's user fields as stored, by record id (as text)."""
        return (self._tinydb(USER_DB).storage.read() or {}).get(USER_FIELDS_TABLE, {})

    def _load_shard(self, k: int) -> dict[int, Record]:
        if k not in self._rows:
            name = shard_name(k)
            files, root = self.files, self.root  # not the library: see _tinydb

            def load() -> dict[str, Any] | None:
                data = files.read(name)
                why = None if data is None else table_problem(data, ("records",))
                if why:
                    raise damaged(root / name, why)
                return data

            db = TinyDB(storage=BufferedStorage, load=load)
            with no_gc():
                rows: dict[int, dict[str, Any]] = {doc.doc_id: doc for doc in db.table("records").all()}
            user = self._user_fields()
            self._shards[k] = db
            self._rows[k] = rows
            lo, hi = k * self.shard_size, (k + 1) * self.shard_size
            for i, row in rows.items():
                if not lo < i <= hi:
                    raise damaged(self.root / name, f"record {i} belongs in {shard_name(self.shard_of(i))}")
                if i not in self._removed and i not in self._dirty:
                    extra = user.get(str(i))
                    self._recs[i] = {**row, **extra} if extra else row
        return self._rows[k]

    def _shard_numbers(self) -> list[int]:
        return sorted(int(n[len(RECORDS_DIR) + 1 : -5]) for n in self.shard_generations())

    def _load_all(self) -> None:
        for k in self._shard_numbers():
            self._load_shard(k)

    def _get(self, doc_id: int) -> Record | None:
        if doc_id not in self._recs and doc_id not in self._removed:
            self._load_shard(self.shard_of(doc_id))
        return self._recs.get(doc_id)

    def _idmap(self) -> IdMap:
        if self._ids is None:
            self._ids = IdMap(self.root, self.files.read)
        return self._ids

    # -- records: reading ----------------------------------------------------------------------------------------
    def _full(self, doc_id: int, rec: Record) -> Record:
        """A record as callers get it: a copy of its own, blobs parsed, user fields with their defaults."""
        out = _user_defaults()
        out.update(orjson.loads(orjson.dumps(rec)))
        out["_id"] = doc_id
        return _decode(out)

    def records(self) -> list[Record]:
        """Every record, in id order. Each is a copy and carries its ``_id``."""
        self._load_all()
        return [self._full(i, self._recs[i]) for i in sorted(self._recs)]

    def iter_records(self) -> Iterator[tuple[int, Record]]:
        """(id, record) pairs in id order, without copying, for read-only use. Tag reasons and comparator routes may
        still be JSON strings here (see BLOB_FIELDS), and user fields left empty are absent: use ``record()`` for a
        full record."""
        self._load_all()
        for i in sorted(self._recs):
            yield i, self._recs[i]

    def __len__(self) -> int:
        return int(self._meta().get("records", 0)) + self._count

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, int) and self._get(doc_id) is not None

    def record(self, doc_id: int) -> Record:
        rec = self._get(doc_id)
        if rec is None:
            raise KeyError(doc_id)
        return self._full(doc_id, rec)

    def stored(self, doc_id: int) -> Record | None:
        """A record as stored, without copying (for read-only use, as ``iter_records``), or None."""
        return self._get(doc_id)

    def shard_records(self, k: int) -> dict[int, Record]:
        """The records of one file of records (see ``shard_generations``), as stored, without copying."""
        self._load_shard(k)
        lo = k * self.shard_size
        return {i: self._recs[i] for i in range(lo + 1, lo + self.shard_size + 1) if i in self._recs}

    def user_fields(self) -> dict[int, Record]:
        """The user fields of every record that has some (notes and screening summaries, manual tags, hand edits, a
        pinned citation key), by record id, read from user.json alone (not from the records). For read-only use."""
        out = {int(k): v for k, v in self._user_fields().items()}
        for i in self._removed:
            out.pop(i, None)
        for i in self._dirty:
            own = user_part(self._recs[i])  # (not ``split``: the row, and its blobs encoded, is not needed)
            if own:
                out[i] = own
            else:
                out.pop(i, None)
        return dict(sorted(out.items()))

    def user_fields_of(self, doc_id: int) -> Record | None:
        """``user_fields().get(doc_id)``: one record's user fields, without gathering every record's."""
        if doc_id in self._removed:
            return None
        if doc_id in self._dirty:
            return user_part(self._recs[doc_id]) or None
        return self._user_fields().get(str(doc_id))

    def lookup(self, kind: str, value: str) -> int | None:
        """The id of the record with this identifier (kind: pmid, doi, pmcid, citekey or title), or None."""
        return self._idmap().get(kind, value)

    def citekeys(self) -> set[str]:
        """Every citation key in use."""
        return set(self._idmap().keys("citekey"))

    def find(self, ident: str) -> Record | None:
        """A record by PMID, DOI (any form), PMCID or citation key."""
        ident = ident.strip()
        ids = self._idmap()
        found = None
        if ident.isdigit():
            found = ids.get("pmid", ident)
        elif ident.lower().startswith("pmid:"):
            found = ids.get("pmid", ident[5:].strip())
        if found is None:
            doi = normalize_doi(ident)
            if doi:
                found = ids.get("doi", doi)
        if found is None:
            found = ids.get("citekey", ident)
        if found is None and ident.upper().startswith("PMC"):
            found = ids.get("pmcid", ident.upper())
        return None if found is None else self.record(found)

    def match(self, rec: Record) -> int | None:
        """The id of the stored record that is the same paper as ``rec``: by PMID, else DOI, else title+year."""
        from ..records import title_key

        ids = self._idmap()
        pmid, doi = rec.get("pmid"), rec.get("doi")
        if pmid and (i := ids.get("pmid", pmid)) is not None:
            return i
        if doi and (i := ids.get("doi", doi)) is not None:
            other = self._get(i) or {}
            if (not pmid or not other.get("pmid")) and titles_match(rec.get("title", ""), other.get("title", "")):
                return i
        tk = title_key(rec.get("title") or "", rec.get("year"))
        if tk and (i := ids.get("title", tk)) is not None:
            other = self._get(i) or {}
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

    def _set(self, doc_id: int, rec: Record, derived: bool = False) -> None:
        if not derived:
            self._content_changed = True
        self._prepared.pop(doc_id, None)
        old = self._get(doc_id)
        if old is None:
            self._count += 1
        self._recs[doc_id] = {k: v for k, v in rec.items() if k != "_id"}
        self._removed.discard(doc_id)
        self._dirty.add(doc_id)
        if old is not None and old.get("citekey") != rec.get("citekey"):
            self._key_hints.clear()
        self._idmap().update(doc_id, old, self._recs[doc_id])

    def upsert(self, rec: Record) -> tuple[int, str]:
        """Insert ``rec`` or merge it into the same paper already stored. Returns (id, 'added'|'updated').

        ``rec["_index"]``, if given, is what the search index needs of the record (see ``search.store.entry``),
        prepared by an import's worker processes: it is used for an added record that nothing changes afterwards."""
        self._require_tx()
        i = self.match(rec)
        if i is None:
            if self._next_id is None:
                self._next_id = int(self._meta().get("next_id", 1))
            i = self._next_id
            self._next_id += 1
            taken = self._idmap().keys("citekey")
            out = new_record()
            out.update({k: v for k, v in rec.items() if not k.startswith("_")})
            own = rec.get("citekey")  # a key the file carries (BibTeX, CSL-JSON): kept if it is usable and free
            if own and check_key(own) is None and own not in taken:
                out["citekey_pinned"] = True
            else:
                out["citekey"] = assign_key(out, taken, self._key_hints)
            action = "added"
        else:
            stored = self._get(i)
            assert stored is not None  # matched: it is there
            out = merge(stored, rec)
            action = "updated"
        self._set(i, out)
        if action == "added" and "_index" in rec:
            self._prepared[i] = rec["_index"]
        return i, action

    def clear_records(self) -> None:
        """Remove every record. Records added afterwards get ids none of them had (a rebuild imports the papers
        again, then gives each its old id back with ``renumber``)."""
        self._require_tx()
        self._load_all()
        for i in list(self._recs):
            self.remove(i)

    def renumber(self, doc_id: int, new_id: int) -> None:
        """Move a record to another id, which must be free."""
        self._require_tx()
        if self._get(new_id) is not None:
            raise ValueError(f"record id {new_id} is in use")
        rec = self.remove(doc_id)
        self._set(new_id, rec)

    def put(self, doc_id: int, rec: Record) -> None:
        """Replace a stored record (e.g. after tagging or a user edit)."""
        self._require_tx()
        if self._get(doc_id) is None:
            raise KeyError(doc_id)
        self._set(doc_id, rec)

    def put_derived(self, doc_id: int, field: str, value: Any) -> None:
        """Store data derived from a record (its findings) without counting as a change to the record: the records
        version stays, and the search index, which compares each record's indexed fields, stays as it is."""
        self._require_tx()
        rec = self._get(doc_id)
        if rec is None:
            raise KeyError(doc_id)
        self._set(doc_id, {**rec, field: value}, derived=True)

    def remove(self, doc_id: int) -> Record:
        """Remove a stored record (its user data in other tables is the caller's to remove)."""
        self._require_tx()
        rec = self._get(doc_id)
        if rec is None:
            raise KeyError(doc_id)
        self._idmap().update(doc_id, rec, None)
        self._key_hints.clear()
        self._prepared.pop(doc_id, None)
        del self._recs[doc_id]
        self._dirty.discard(doc_id)
        self._removed.add(doc_id)
        self._count -= 1
        self._content_changed = True
        return rec

    # -- other tables --------------------------------------------------------------------------------------------
    def table(self, name: str) -> Table:
        """A table of user.json (notes, screening, claim_reviews, searches, removed...) or of claims.json (claims,
        claims_meta), as a tinydb Table. Records are read and written through the methods above."""
        if name in ("records", "meta", USER_FIELDS_TABLE):
            raise ValueError(f"table {name!r} is the library's own: use the record methods")
        if name in CLAIM_TABLES:
            return self._tinydb(CLAIMS_DB, CLAIM_TABLES).table(name)
        return self._tinydb(USER_DB).table(name)

    # -- committing ------------------------------------------------------------------------------------------------
    def _commit(self) -> dict[str, Any] | None:
        """Write every file this transaction changed, at once. Returns what changed for the search index (None if
        nothing was written)."""
        meta = dict(self._meta())
        before = self.shard_generations()
        writes: dict[str, Any] = {}  # file name -> its bytes, or the function that makes them
        changed_rows: set[int] = set()
        touched = self._dirty | self._removed
        user = self._user_fields() if touched else {}
        by_shard: dict[int, list[int]] = {}
        for i in sorted(touched):
            by_shard.setdefault(self.shard_of(i), []).append(i)
        # Which rows change is known before the rows are made (a record new to its file changes it, whatever it
        # holds), so that the search index can start on them sooner (see ``index_beside``); the others are compared.
        made: dict[int, tuple[Record | None, Record | None]] = {}  # id -> (its row, its user fields) as stored
        for k, ids in by_shard.items():
            rows = self._load_shard(k)
            for i in ids:
                rec = self._recs.get(i)
                if rec is not None and i not in rows:
                    changed_rows.add(i)
                    continue
                made[i] = split(rec) if rec is not None else (None, None)
                if made[i][0] != rows.get(i):
                    changed_rows.add(i)
        changes = None
        finish = None
        if changed_rows:
            prepared = {i: p for i, p in self._prepared.items() if i in changed_rows}
            names = [shard_name(k) for k, ids in by_shard.items() if not changed_rows.isdisjoint(ids)]
            written = self.files.generations_after(names)
            after = {n: g for n, g in written.items() if n.startswith(RECORDS_DIR + "/")}
            changes = {"changed": changed_rows, "before": before, "prepared": prepared, "after": after}
            from ..search.store import index_beside

            finish = index_beside(self, changes)  # a large change is indexed on another core while it is written
        committed = False
        try:
            gone, given = [], []
            shards: list[tuple[int, list[int], list[Document]]] = []  # each file of records: rows to remove, to put
            for k, ids in by_shard.items():
                rows = self._rows[k]
                out, put = [], []
                for i in ids:
                    row, own = made[i] if i in made else split(self._recs[i])
                    if i in changed_rows:
                        if i in rows:
                            out.append(i)
                        if row is not None:
                            put.append(Document(row, doc_id=i))
                    if (own or None) != user.get(str(i)):
                        if str(i) in user:
                            gone.append(i)
                        if own:
                            given.append(Document(own, doc_id=i))
                if out or put:
                    shards.append((k, out, put))
            for k, out, put in shards:
                table = self._shards[k].table("records")
                if out:
                    table.remove(doc_ids=out)
                if put:
                    table.insert_multiple(put)
                writes[shard_name(k)] = _buffer(self._shards[k]).dump
            if gone or given:
                fields = self._tinydb(USER_DB).table(USER_FIELDS_TABLE)
                if gone:
                    fields.remove(doc_ids=gone)
                if given:
                    fields.insert_multiple(given)
            for name, db in self._dbs.items():
                if _buffer(db).dirty:
                    writes[name] = _buffer(db).dump
            if self._ids is not None:
                writes.update(self._ids.dumps())
            if not writes and self.files.manifest().raw:
                return None
            if changed_rows and self._content_changed:
                meta["records_version"] = meta.get("records_version", 0) + 1
            meta.update(
                schema_version=SCHEMA_VERSION,
                records=len(self),
                next_id=max(self._next_id or 0, int(meta.get("next_id", 1)), max(touched, default=0) + 1),
                shard_size=self.shard_size,
                records_version=meta.get("records_version", 0),
            )
            try:
                self.files.commit(writes, meta)
            except OSError as exc:
                where = exc.filename if isinstance(exc.filename, str) else ""
                raise LibraryWriteError(
                    f"{self.db_path}: cannot write the library ({where + ': ' if where else ''}{describe(exc)}); "
                    "nothing was changed"
                ) from exc
            committed = True
        finally:
            if finish is not None:
                finish(committed)
        for db in [*self._dbs.values(), *self._shards.values()]:
            _buffer(db).dirty = False
        if self._ids is not None:
            self._ids.changed = set()
        self._dirty, self._removed, self._count, self._content_changed = set(), set(), 0, False
        self._prepared = {}
        return changes

    def _after_commit(self, changes: dict[str, Any]) -> None:
        """Bring the search index up to date with the records this commit changed (a cache: if it cannot be written,
        the next search catches up)."""
        from ..search.store import update_index

        update_index(self, changes)
