"""The search index on disk: SQLite beside the library (``.index/index.sqlite``), kept up to date as records change.

Tables:

    docs       one row per record: what the filters and the result list need (identifiers, year, folded title,
               authors and journal, tags, MeSH, publication types), its words (``text``, for phrases), its length
               in words (``dl``, for BM25), the segment holding its postings (``seg``) and two fingerprints of
               what it was indexed from (``fp_text``: title, abstract, keywords, MeSH; ``fp_meta``: the rest)
    postings   (token, segment) -> the ids of the records of that segment with the token, and how often it occurs
    segs       each segment's number of records when it was written
    vectors    each record's embedding (see ``semantic``), made when claim linking first needs it, with the
               ``fp_text`` and model it was made from: kept while the record's words stay the same
    meta       the index version, and the generation of each file of records as indexed (see ``library.files``)

Records changed together are indexed as a new segment; a record's postings in older segments are then dead (its
row points at the new one) and skipped. When segments pile up, the small ones are merged, and all of them once the
largest is half dead. A change that leaves a record's words as they were (tags, a citation key) only rewrites its
row. Nothing here ranks: BM25 is computed when searching (see ``index``), from the live postings.

The index is a cache. After every commit that changes records, the writer brings it up to date for those records
(``update_index``); a search that finds it behind the library (a writer killed after its commit, an index that could
not be written) catches up by reading only the files of records whose generation changed (``sync``). A commit that
changes many records (an import) has them indexed by a second process while it writes its files, committed into the
index only once the library's commit is (``index_beside``). A read-only library is indexed in memory. ``ketalit index
--rebuild`` recreates it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sqlite3
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from ..library import Library
from ..library.db import lock_timeout
from ..records import Record, abstract_text, first_author
from .query import TAG_AXES
from .text import fold, tokenize

INDEX_VERSION = 5
FILE = "index.sqlite"
MAX_SEGMENTS = 8

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS docs (doc_id INTEGER PRIMARY KEY, seg INTEGER NOT NULL, dl INTEGER NOT NULL, "
    "year INTEGER NOT NULL, pmid TEXT, doi TEXT, title TEXT NOT NULL, title_fold TEXT NOT NULL, "
    "first_author TEXT NOT NULL, authors TEXT NOT NULL, journal TEXT NOT NULL, citekey TEXT, "
    "citekey_fold TEXT NOT NULL, retracted INTEGER NOT NULL, route TEXT NOT NULL, outcome TEXT NOT NULL, "
    "design TEXT NOT NULL, setting TEXT NOT NULL, tags TEXT NOT NULL, au TEXT NOT NULL, mh TEXT NOT NULL, "
    "pt TEXT NOT NULL, n_ti INTEGER NOT NULL, n_tiab INTEGER NOT NULL, text TEXT NOT NULL, fp_text BLOB NOT NULL, "
    "fp_meta BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS docs_pmid ON docs (pmid)",
    "CREATE INDEX IF NOT EXISTS docs_doi ON docs (doi)",
    # what a search reads of every record (a scan of these indexes, not of the rows with their words)
    "CREATE INDEX IF NOT EXISTS docs_stats ON docs (doc_id, seg, dl, year)",
    "CREATE INDEX IF NOT EXISTS docs_tags ON docs (doc_id, route, outcome, design, setting)",
    "CREATE TABLE IF NOT EXISTS postings (token TEXT NOT NULL, seg INTEGER NOT NULL, docs BLOB NOT NULL, "
    "tfs BLOB NOT NULL, PRIMARY KEY (token, seg)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS segs (seg INTEGER PRIMARY KEY, docs INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS vectors (doc_id INTEGER PRIMARY KEY, fp_text BLOB NOT NULL, model TEXT NOT NULL, "
    "vec BLOB NOT NULL)",
)
TEXT_COLUMNS = ("seg", "dl", "n_ti", "n_tiab", "text", "fp_text")


# -- one record's row --------------------------------------------------------------------------------------------------


def _fp(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=12).digest()


def _year(value: Any) -> int:
    return value if type(value) is int else 0


def text_parts(rec: Record) -> tuple[str, str, str]:
    """What the words of a record are read from: its title, its abstract, its keywords and MeSH headings."""
    mesh = " ".join(h.get("descriptor", "") for h in rec.get("mesh") or [])
    return rec.get("title") or "", abstract_text(rec), " ".join([" ".join(rec.get("keywords") or []), mesh])


META_INPUTS = ("pmid", "doi", "year", "title", "authors", "journal", "journal_iso", "tags", "retracted", "mesh")


def meta_key(rec: Record) -> bytes:
    """The fingerprint of what the row's other columns are computed from, but the citation key (assigned after an
    import's workers prepared the record)."""
    return _fp(orjson.dumps([rec.get(k) for k in (*META_INPUTS, "publication_types")], option=orjson.OPT_SORT_KEYS))


def fp_meta(key: bytes, citekey: str | None) -> bytes:
    return _fp(key + b"\0" + (citekey or "").encode())


def fp_text(rec: Record) -> bytes:
    return _fp(orjson.dumps(text_parts(rec)))


def meta_row(rec: Record) -> dict[str, Any]:
    """The columns of a record's row that filters and the result list read (but its citation key)."""
    authors = rec.get("authors") or []
    tags = rec.get("tags") or {}
    out = {
        "year": _year(rec.get("year") or 0),
        "pmid": rec.get("pmid"),
        "doi": rec.get("doi"),
        "title": rec.get("title") or "",
        "title_fold": fold(rec.get("title") or ""),
        "first_author": first_author(rec),
        "authors": " | ".join(
            fold(a.get("collective") or f"{a.get('family', '')} {a.get('given', '')}") for a in authors
        ),
        "journal": fold(f"{rec.get('journal') or ''} | {rec.get('journal_iso') or ''}"),
        "retracted": int(bool(rec.get("retracted"))),
        "tags": orjson.dumps(tags).decode(),
        "au": orjson.dumps(
            [[fold(a.get("family") or a.get("collective") or ""), (a.get("initials") or "").lower()] for a in authors]
        ).decode(),
        "mh": orjson.dumps(
            [[fold(h.get("descriptor", "")), bool(h.get("major"))] for h in rec.get("mesh") or []]
        ).decode(),
        "pt": orjson.dumps([fold(t) for t in rec.get("publication_types") or []]).decode(),
    }
    for axis in TAG_AXES:
        out[axis] = "|" + "|".join(tags.get(axis) or []) + "|"
    return out


META_ROW = (
    "year",
    "pmid",
    "doi",
    "title",
    "title_fold",
    "first_author",
    "authors",
    "journal",
    "retracted",
    "tags",
    "au",
    "mh",
    "pt",
    *TAG_AXES,
)  # the columns ``meta_row`` gives, in the order an entry keeps them


def entry(rec: Record) -> dict[str, Any]:
    """Everything the index keeps of one record but its citation key: its words (title, abstract, keywords and
    MeSH, in order), their number, how many are the title's and the title and abstract's, its other columns (as
    one JSON list: an import holds an entry for every record it adds) and the fingerprints of what they were read
    from. An import's worker processes prepare it beside the parse."""
    title, abstract, rest = (tokenize(part) for part in text_parts(rec))
    tokens = title + abstract + rest
    counts = Counter(tokens)
    tfs = list(counts.values())
    if tfs and max(tfs) > 65535:
        tfs = [min(n, 65535) for n in tfs]
    meta = meta_row(rec)
    return {
        "text": " ".join(tokens),
        "terms": " ".join(counts),  # each word once, and how often it occurs (for the postings)
        "tfs": array("H", tfs).tobytes(),
        "dl": max(1, len(tokens)),
        "n_ti": len(title),
        "n_tiab": len(title) + len(abstract),
        "fp_text": fp_text(rec),
        "meta": orjson.dumps([meta[c] for c in META_ROW]),
        "meta_key": meta_key(rec),
    }


META_COLUMNS = (*META_ROW, "citekey", "citekey_fold", "fp_meta")  # a row's columns but its words (an update)
ROW_COLUMNS = ("doc_id", *TEXT_COLUMNS, *META_COLUMNS)


def row_values(doc_id: int, seg: int, rec: Record, prepared: dict[str, Any] | None = None) -> list[Any]:
    """A record's row in the index (``ROW_COLUMNS``), from ``prepared`` (its ``entry``) if given."""
    e = prepared or entry(rec)
    key = rec.get("citekey")
    text = (seg, e["dl"], e["n_ti"], e["n_tiab"], e["text"], e["fp_text"])  # TEXT_COLUMNS
    return [doc_id, *text, *orjson.loads(e["meta"]), key, (key or "").lower(), fp_meta(e["meta_key"], key)]


# -- the database ------------------------------------------------------------------------------------------------------


def connect(folder: Path | None) -> sqlite3.Connection | None:
    """The index database in ``folder`` (created if need be), or an empty one in memory when ``folder`` is None.
    None if the folder's database cannot be opened or written (a read-only library): use one in memory."""
    for attempt in (1, 2):
        try:
            if folder is None:
                conn = sqlite3.connect(":memory:", isolation_level=None)
            else:
                folder.mkdir(exist_ok=True)
                conn = sqlite3.connect(folder / FILE, timeout=lock_timeout(), isolation_level=None)
                if conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] != "wal":
                    conn.close()
                    return None
                conn.execute("PRAGMA synchronous=NORMAL")
            _prepare(conn)
            return conn
        except sqlite3.OperationalError:  # cannot be opened or written here
            return None
        except sqlite3.DatabaseError:  # not a database, or a damaged one: it is only a cache, start again
            if folder is None or attempt == 2:
                return None
            for suffix in ("", "-wal", "-shm"):
                (folder / (FILE + suffix)).unlink(missing_ok=True)
        except OSError:
            return None
    return None


def _prepare(conn: sqlite3.Connection) -> None:
    version = None
    try:
        got = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        version = got and got[0]
    except sqlite3.OperationalError:
        pass
    if version == str(INDEX_VERSION):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("meta", "docs", "postings", "segs", "vectors"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in SCHEMA:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO meta VALUES ('version', ?), ('shards', '{}'), ('next_seg', '1')", (str(INDEX_VERSION),)
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def indexed_shards(conn: sqlite3.Connection) -> dict[str, int]:
    """Each file of records with the generation the index reflects."""
    return orjson.loads(conn.execute("SELECT value FROM meta WHERE key = 'shards'").fetchone()[0])


def _chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def sync(
    conn: sqlite3.Connection,
    lib: Library,
    changes: dict[str, Any] | None = None,
    confirm: Callable[[], bool] | None = None,
) -> bool:
    """Bring the index up to date with ``lib``: for each file of records whose generation differs from the one
    indexed, re-index its records, and forget records that are gone. ``changes``, from a commit: when the index was
    up to date before it, only the records it changed are read (and those an import prepared are taken as they are).

    ``confirm`` (see ``index_beside``): the index is written before the commit of ``changes`` and brought to the
    generations it will give (``changes["after"]``) only if the index was up to date before it; ``confirm()`` is
    asked before committing, and the index is left as it was unless it says yes. Returns whether the index is now
    up to date."""
    changed = changes["changed"] if changes else None
    before = changes["before"] if changes else None
    target = changes["after"] if confirm is not None and changes else lib.shard_generations()
    if indexed_shards(conn) == target:
        return True
    conn.execute("BEGIN IMMEDIATE")  # one writer at a time; what it read is what it writes over
    try:
        have = indexed_shards(conn)
        if confirm is not None and have != before:  # behind: catching up reads files the commit has not written yet
            conn.execute("ROLLBACK")
            return False
        items: list[tuple[int, Record]] = []
        removed: list[int] = []
        size = lib.shard_size
        by_shard: dict[int, list[int]] = {}  # the records the commit changed, by file of records
        for i in changed or ():
            by_shard.setdefault((i - 1) // size, []).append(i)
        for name in sorted(set(target) | set(have)):
            if target.get(name) == have.get(name):
                continue
            k = int(name.rsplit("/", 1)[1][:-5])
            if changed is not None and before is not None and have.get(name) == before.get(name):
                ids = sorted(by_shard.get(k, ()))
                recs = {i: r for i in ids if (r := lib.stored(i)) is not None}
                removed += [i for i in ids if i not in recs]
            else:
                recs = lib.shard_records(k) if name in target else {}
                lo, hi = k * size, (k + 1) * size
                indexed = [
                    r[0] for r in conn.execute("SELECT doc_id FROM docs WHERE doc_id > ? AND doc_id <= ?", (lo, hi))
                ]
                removed += [i for i in indexed if i not in recs]
            items += sorted(recs.items())
        _apply(conn, items, removed, changes.get("prepared") if changes else None)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'shards'", (orjson.dumps(target).decode(),))
        if confirm is not None and not confirm():
            conn.execute("ROLLBACK")
            return False
        conn.execute("COMMIT")
        return True
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _apply(
    conn: sqlite3.Connection,
    items: list[tuple[int, Record]],
    removed: list[int],
    prepared: dict[int, dict[str, Any]] | None = None,
) -> None:
    """(In a write transaction.) Index ``items`` as a new segment (those whose words changed; a record whose other
    columns changed has its row updated in place) and drop ``removed``. ``prepared``: entries already made (see
    ``entry``), by record id; each is let go of once its row is written."""
    prepared = prepared or {}
    for chunk in _chunks(removed):
        conn.execute(f"DELETE FROM docs WHERE doc_id IN ({','.join('?' * len(chunk))})", chunk)
    known: dict[int, tuple[bytes, bytes]] = {}
    ids = [i for i, _ in items if i not in prepared]  # a prepared record was just added
    for chunk in _chunks(ids):
        sql = f"SELECT doc_id, fp_text, fp_meta FROM docs WHERE doc_id IN ({','.join('?' * len(chunk))})"
        known.update((i, (ft, fm)) for i, ft, fm in conn.execute(sql, chunk))
    seg = int(conn.execute("SELECT value FROM meta WHERE key = 'next_seg'").fetchone()[0])
    todo, updates = [], []
    for doc_id, rec in items:
        old = known.get(doc_id)
        if doc_id not in prepared and old is not None and old[0] == fp_text(rec):  # the same words: other columns
            citekey = rec.get("citekey")
            fp = fp_meta(meta_key(rec), citekey)
            if old[1] != fp:
                row = {**meta_row(rec), "citekey": citekey, "citekey_fold": (citekey or "").lower(), "fp_meta": fp}
                updates.append([row[c] for c in META_COLUMNS] + [doc_id])
            continue
        todo.append((doc_id, rec))
    if updates:
        sets = ", ".join(f"{c} = ?" for c in META_COLUMNS)
        conn.executemany(f"UPDATE docs SET {sets} WHERE doc_id = ?", updates)
    if not todo:
        return
    words: list[tuple[int, str, bytes]] = []  # what the postings are made of: (id, each word once, its counts)

    def values() -> Iterable[list[Any]]:
        for doc_id, rec in todo:
            e = prepared.pop(doc_id, None) or entry(rec)
            words.append((doc_id, e["terms"], e["tfs"]))
            yield row_values(doc_id, seg, rec, e)

    conn.executemany(
        f"INSERT OR REPLACE INTO docs ({', '.join(ROW_COLUMNS)}) VALUES ({', '.join('?' * len(ROW_COLUMNS))})", values()
    )
    conn.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)", _postings(words, seg))
    conn.execute("INSERT INTO segs VALUES (?, ?)", (seg, len(todo)))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'next_seg'", (str(seg + 1),))
    _merge_if_needed(conn)


_POSTINGS_CHUNK = 2000  # records whose words are numbered together (a few MB of words at a time)


def _postings(words: list[tuple[int, str, bytes]], seg: int) -> Iterable[tuple[str, int, bytes, bytes]]:
    """The postings of the records in ``words`` (id, each word once, their counts), in id order within each word:
    (word, segment, record ids, term frequencies)."""
    import numpy as np

    vocab: dict[str, int] = {}  # each word's number, in the order the words first occur
    numbered = []
    lengths = [text.count(" ") + 1 if text else 0 for _, text, _ in words]  # each word once, one space between
    for i in range(0, len(words), _POSTINGS_CHUNK):  # many records' words at once, with loops that run in C
        terms = " ".join([text for _, text, _ in words[i : i + _POSTINGS_CHUNK]]).split()
        for term in dict.fromkeys(terms):  # the words of these records, in the order they first occur
            if term not in vocab:
                vocab[term] = len(vocab)
        numbered.append(np.fromiter(map(vocab.__getitem__, terms), dtype=np.int32, count=len(terms)))
    token_ids = np.concatenate(numbered) if numbered else np.zeros(0, dtype=np.int32)
    docs = np.repeat(np.array([doc_id for doc_id, _, _ in words], dtype=np.int32), lengths)
    tfs = np.frombuffer(b"".join(counts for _, _, counts in words), dtype=np.uint16)
    # By word, then as the rows come (in id order). A stable sort of 16-bit keys is a radix sort, several times faster.
    keys = token_ids.astype(np.uint16) if len(vocab) <= 1 << 16 else token_ids
    order = np.argsort(keys, kind="stable")
    token_ids, docs, tfs = token_ids[order], docs[order], tfs[order]
    starts = np.flatnonzero(np.diff(token_ids, prepend=-1))
    ends = np.append(starts[1:], len(token_ids))
    names = list(vocab)
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        yield names[token_ids[start]], seg, docs[start:end].tobytes(), tfs[start:end].tobytes()


def _merge_if_needed(conn: sqlite3.Connection) -> None:
    """Merge segments when there are too many (all but the largest), or all of them when the largest is half dead."""
    live = dict(conn.execute("SELECT seg, count(*) FROM docs GROUP BY seg").fetchall())
    written = dict(conn.execute("SELECT seg, docs FROM segs").fetchall())
    empty = [s for s in written if s not in live]
    if empty:
        conn.executemany("DELETE FROM postings WHERE seg = ?", [(s,) for s in empty])
        conn.executemany("DELETE FROM segs WHERE seg = ?", [(s,) for s in empty])
    if not live:
        return
    base = max(live, key=lambda s: (live[s], -s))
    if live[base] * 2 < written[base]:
        _merge(conn, sorted(live))
    elif len(live) > MAX_SEGMENTS:
        _merge(conn, sorted(s for s in live if s != base))


def _merge(conn: sqlite3.Connection, segs: list[int]) -> None:
    """Rewrite the live postings of ``segs`` as one new segment."""
    import numpy as np

    if len(segs) < 2:
        return
    new = int(conn.execute("SELECT value FROM meta WHERE key = 'next_seg'").fetchone()[0])
    marks = ",".join("?" * len(segs))
    members = np.array(conn.execute(f"SELECT doc_id, seg FROM docs WHERE seg IN ({marks})", segs).fetchall(), np.int64)
    members = members.reshape(-1, 2)
    order = np.argsort(members[:, 0])
    ids, cur = members[order, 0], members[order, 1]
    merged: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for token, seg, docs, tfs in conn.execute(
        f"SELECT token, seg, docs, tfs FROM postings WHERE seg IN ({marks}) ORDER BY token, seg", segs
    ):
        d = np.frombuffer(docs, dtype=np.int32)
        pos = np.minimum(np.searchsorted(ids, d), max(len(ids) - 1, 0))
        ok = (ids[pos] == d) & (cur[pos] == seg) if len(ids) else np.zeros(len(d), bool)
        if ok.any():
            merged.setdefault(token, []).append((d[ok], np.frombuffer(tfs, dtype=np.uint16)[ok]))
    conn.execute(f"DELETE FROM postings WHERE seg IN ({marks})", segs)
    conn.execute(f"DELETE FROM segs WHERE seg IN ({marks})", segs)
    rows = []
    for token, parts in merged.items():
        d = np.concatenate([p[0] for p in parts])
        t = np.concatenate([p[1] for p in parts])
        order = np.argsort(d, kind="stable")
        rows.append((token, new, d[order].tobytes(), t[order].tobytes()))
    conn.executemany("INSERT INTO postings VALUES (?, ?, ?, ?)", rows)
    conn.execute(f"UPDATE docs SET seg = ? WHERE seg IN ({marks})", [new, *segs])
    conn.execute("INSERT INTO segs VALUES (?, ?)", (new, len(ids)))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'next_seg'", (str(new + 1),))


def update_index(lib: Library, changes: dict[str, Any]) -> None:
    """After a commit that changed records (lock held): index them. A cache: if the index cannot be written, the
    next search catches up."""
    conn = connect(lib.root / ".index")
    if conn is None:
        return
    try:
        sync(conn, lib, changes)
    except sqlite3.Error:
        pass
    finally:
        conn.close()


BESIDE_ROWS = 2000  # a commit that changes at least this many records has them indexed beside it (``index_beside``)


def index_beside(lib: Library, changes: dict[str, Any]) -> Callable[[bool], None] | None:
    """(Lock held, as soon as a commit that changes many records knows which, before it writes them.) Index those
    records meanwhile in a forked process, on another core: it writes them into the index in a transaction that it
    commits only when told that the library's commit succeeded, and rolls back otherwise (the commit failed, or this
    process was killed: the pipe it waits on closes). Returns the function to call after the commit, with whether it
    succeeded, which waits for that process; the caller's ``update_index`` then finds the index up to date, or does
    the work itself if that process could not. None where it is not worth it or not safe (few records, no ``fork``,
    other threads running): the caller indexes after the commit as before."""
    if len(changes["changed"]) < BESIDE_ROWS or not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into the caller's code
        code = 1
        try:
            gc.disable()  # a collection would walk, and so copy, every page of the records it shares with its parent
            os.close(write)
            code = _index_before_commit(lib, changes, read)
        finally:
            os._exit(code)
    os.close(read)

    def finish(committed: bool) -> None:
        try:
            if committed:
                os.write(write, b"1")
        except OSError:
            pass
        finally:
            os.close(write)
            os.waitpid(pid, 0)

    return finish


def _index_before_commit(lib: Library, changes: dict[str, Any], told: int) -> int:
    """(In the process ``index_beside`` forks.) 0 if the index now holds the commit's changes."""
    conn = connect(lib.root / ".index")
    if conn is None:
        return 1
    try:
        return 0 if sync(conn, lib, changes, confirm=lambda: os.read(told, 1) == b"1") else 1
    except sqlite3.Error:
        return 1
    finally:
        conn.close()
