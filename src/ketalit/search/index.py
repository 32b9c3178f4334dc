"""Searching: a query (see ``query``) evaluated over the index (see ``store``) into masks over the indexed records,
ranked with BM25.

BM25 is computed when searching, from the live postings of the query's words, exactly as bm25s computes it when it
builds an index (Lucene's variant, k1 = 1.5, b = 0.75, scores summed in float32), so results rank as they did when
bm25s held the index. Positions are the indexed records in id order; ``ids`` maps a position to its record id.
"""

from __future__ import annotations

import math
import re
import sqlite3
from typing import Any

import numpy as np
import orjson

from ..errors import BadInput, LibraryWriteError
from ..library import Library
from ..library.db import lock_timeout
from ..records import abstract_text, normalize_doi
from .query import SCREEN_FIELDS, TAG_AXES, Node, parse_query, positive_terms
from .store import FILE, connect, sync
from .text import fold, tokenize

K1, B = 1.5, 0.75
RESULT_COLUMNS = ("doc_id", "pmid", "doi", "year", "title", "first_author", "journal", "tags", "citekey", "retracted")


def _has_sequence(words: list[str], seq: list[str], prefix_last: bool) -> bool:
    """``seq`` appears contiguously in ``words`` (its last word as a prefix if ``prefix_last``)."""
    n = len(seq)
    if n == 0:
        return True
    for i in range(len(words) - n + 1):
        if words[i : i + n - 1] == seq[:-1] and (
            words[i + n - 1].startswith(seq[-1]) if prefix_last else words[i + n - 1] == seq[-1]
        ):
            return True
    return False


class _Vocab:
    """The words of the indexed records (``word in index.vocab``)."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and len(self.index._live(token)[0]) > 0


class SearchIndex:
    """The index of a library as of one moment (a read transaction of its database): masks over its records, and
    BM25 scores."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("BEGIN")  # one snapshot for this object's whole life; writers carry on (WAL)
        rows = conn.execute("SELECT doc_id, seg, dl, year FROM docs ORDER BY doc_id").fetchall()
        table = np.array(rows, dtype=np.int64).reshape(-1, 4)
        self.ids = table[:, 0].copy()  # record id of each position
        self._segs = table[:, 1].copy()
        self._dls = table[:, 2].copy()
        self.years = table[:, 3].astype(np.int32)
        self.n = len(self.ids)
        self._avgdl = self._dls.mean() if self.n else np.float64(1.0)
        self.vocab = _Vocab(self)
        self._live_cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._tag_masks: dict[tuple[str, str], np.ndarray] = {}
        self._axes_built: set[str] = set()
        self._columns: dict[str, list[Any]] = {}
        self._texts: dict[int, tuple[list[str], int, int]] = {}
        self._vectors: np.ndarray | None = None
        self.user_status: dict[int, dict[str, Any]] | None = None  # screening, for screen: stage: reviewer:

    def close(self) -> None:
        self.conn.close()

    # -- opening --
    @classmethod
    def for_library(cls, lib: Library, rebuild: bool = False) -> SearchIndex:
        """The library's index, brought up to date first (only the records that changed since it was last written
        are read). ``rebuild`` starts from nothing. A library whose index cannot be written is indexed in memory."""
        folder = lib.root / ".index"
        if rebuild:
            for suffix in ("", "-wal", "-shm"):
                try:
                    (folder / (FILE + suffix)).unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    break
        conn = connect(folder)
        if conn is not None:
            try:
                sync(conn, lib)
                return cls(conn)
            except sqlite3.Error:
                conn.close()
        conn = connect(None)
        if conn is None:
            raise LibraryWriteError(f"{lib.root}: cannot make a search index, even in memory")
        sync(conn, lib)
        return cls(conn)

    # -- postings and scores --
    def _live(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        """(positions, term frequencies) of the records that have ``token`` now."""
        hit = self._live_cache.get(token)
        if hit is None:
            pos_parts, tf_parts = [], []
            for seg, docs, tfs in self.conn.execute("SELECT seg, docs, tfs FROM postings WHERE token = ?", (token,)):
                d = np.frombuffer(docs, dtype=np.int32)
                pos = np.minimum(np.searchsorted(self.ids, d), max(self.n - 1, 0))
                ok = (self.ids[pos] == d) & (self._segs[pos] == seg) if self.n else np.zeros(len(d), dtype=bool)
                pos_parts.append(pos[ok])
                tf_parts.append(np.frombuffer(tfs, dtype=np.uint16)[ok])
            if pos_parts:
                hit = (np.concatenate(pos_parts), np.concatenate(tf_parts))
            else:
                hit = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint16))
            self._live_cache[token] = hit
        return hit

    def postings(self, token: str) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        mask[self._live(token)[0]] = True
        return mask

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every indexed record for these tokens, each counted as often as it is given (as bm25s's
        ``get_scores``)."""
        out = np.zeros(self.n, dtype=np.float32)
        for token in tokens:
            pos, tf = self._live(token)
            df = len(pos)
            if not df:
                continue
            idf = np.float32(math.log(1 + (self.n - df + 0.5) / (df + 0.5)))
            tf64 = tf.astype(np.float64)
            tfc = tf64 / (K1 * ((1 - B) + B * self._dls[pos] / self._avgdl) + tf64)
            out[pos] += (np.float64(idf) * tfc).astype(np.float32)
        return out

    def bm25(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every indexed record for these tokens (already tokenised; each counted once)."""
        return self.scores(list(dict.fromkeys(tokens))).astype(np.float64)

    def expand(self, prefix: str, limit: int | None = 200) -> list[str]:
        """The indexed words that start with ``prefix``, in alphabetical order (truncation: ketamin* -> ketamine,
        ketamines...)."""
        out = []
        for (token,) in self.conn.execute(
            "SELECT DISTINCT token FROM postings WHERE token >= ? AND token < ? ORDER BY token",
            (prefix, prefix + "\U0010ffff"),
        ):
            if token.startswith(prefix) and token in self.vocab:
                out.append(token)
                if limit is not None and len(out) >= limit:
                    break
        return out

    def tokens_starting_with(self, prefix: str) -> list[str]:
        """Index tokens that begin with ``prefix`` (a stem such as "hallucinat")."""
        return self.expand(prefix, None)

    # -- embeddings, for callers that rank records themselves (claims retrieval) --
    def similarity(self, text: str, lib: Library) -> np.ndarray:
        """Cosine similarity between ``text`` and every indexed record (title and abstract), from a small embedding
        model shipped inside the wordllama package. Word-level semantics only: blind to negation, so it is for
        finding candidates, never for judging them."""
        return self.similarities([text], lib)[:, 0]

    def similarities(self, texts: list[str], lib: Library) -> np.ndarray:
        """``similarity`` for several texts at once (one column each): the record vectors are read once."""
        from ..semantic import embed

        if self._vectors is None:  # stored as float16 (half the size); multiplied as float32 (BLAS)
            self._vectors = self._embeddings(lib).astype(np.float32)
        return self._vectors @ embed(texts).T

    def _embeddings(self, lib: Library) -> np.ndarray:
        """Every indexed record's vector, in position order: those kept in the index for the record's current words
        are read, the others made from ``lib`` and kept (unless the index cannot be written)."""
        from ..semantic import MAX_CHARS, MODEL, embed

        model = f"{MODEL}|{MAX_CHARS}"
        sql = (
            "SELECT d.doc_id, d.fp_text, v.vec FROM docs d LEFT JOIN vectors v "
            "ON v.doc_id = d.doc_id AND v.fp_text = d.fp_text AND v.model = ? ORDER BY d.doc_id"
        )
        rows = self.conn.execute(sql, (model,)).fetchall()
        missing = [(pos, doc_id, fp) for pos, (doc_id, fp, vec) in enumerate(rows) if vec is None]
        texts = []
        for _, doc_id, _ in missing:
            rec = lib.stored(doc_id) or {}
            texts.append(f"{rec.get('title') or ''} {abstract_text(rec)}")
        made = embed(texts).astype(np.float16)
        out = np.zeros((self.n, made.shape[1]), dtype=np.float16)
        kept = [(pos, vec) for pos, (_, _, vec) in enumerate(rows) if vec is not None]
        if kept:
            out[[p for p, _ in kept]] = np.frombuffer(b"".join(v for _, v in kept), dtype=np.float16).reshape(
                len(kept), -1
            )
        if missing:
            out[[p for p, _, _ in missing]] = made
            self._keep_vectors(
                [(doc_id, fp, model, v.tobytes()) for (_, doc_id, fp), v in zip(missing, made, strict=True)]
            )
        return out

    def _keep_vectors(self, rows: list[tuple[int, bytes, str, bytes]]) -> None:
        """Write record vectors into the index (a cache: if it cannot be written, they are made again next time)."""
        path = self.conn.execute("PRAGMA database_list").fetchone()[2]
        try:
            conn = sqlite3.connect(path, timeout=lock_timeout(), isolation_level=None) if path else self.conn
        except sqlite3.Error:
            return
        try:
            if path:
                conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM vectors WHERE doc_id NOT IN (SELECT doc_id FROM docs)")
            conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
            if path:
                conn.execute("COMMIT")
        except sqlite3.Error:
            if path and conn.in_transaction:
                conn.execute("ROLLBACK")
        finally:
            if path:
                conn.close()

    # -- columns of the records --
    def _positions(self, sql: str, params: tuple[Any, ...] = ()) -> np.ndarray:
        """A mask of the records whose ids ``sql`` selects."""
        ids = np.array([r[0] for r in self.conn.execute(sql, params)], dtype=np.int64)
        mask = np.zeros(self.n, dtype=bool)
        if len(ids):
            mask[np.searchsorted(self.ids, ids)] = True
        return mask

    def _column(self, name: str) -> list[Any]:
        """One JSON column of every record, in position order."""
        if name not in self._columns:
            rows = self.conn.execute(f"SELECT {name} FROM docs ORDER BY doc_id")
            self._columns[name] = [orjson.loads(r[0]) for r in rows]
        return self._columns[name]

    def _words(self, positions: np.ndarray) -> dict[int, tuple[list[str], int, int]]:
        """(words, title length, title+abstract length) of the records at ``positions``."""
        want = [int(self.ids[p]) for p in positions if int(p) not in self._texts]
        for start in range(0, len(want), 900):
            chunk = want[start : start + 900]
            sql = f"SELECT doc_id, text, n_ti, n_tiab FROM docs WHERE doc_id IN ({','.join('?' * len(chunk))})"
            for doc_id, text, n_ti, n_tiab in self.conn.execute(sql, chunk):
                self._texts[int(np.searchsorted(self.ids, doc_id))] = (text.split(), n_ti, n_tiab)
        return {int(p): self._texts[int(p)] for p in positions}

    def tag_mask(self, axis: str, tag: str) -> np.ndarray:
        """Which records carry the tag. The first question about an axis builds the masks of all its tags."""
        key = (axis, tag)
        if key not in self._tag_masks and axis not in self._axes_built and axis in TAG_AXES:
            self._axes_built.add(axis)
            where: dict[str, list[int]] = {}
            for pos, (value,) in enumerate(self.conn.execute(f"SELECT {axis} FROM docs ORDER BY doc_id")):
                for t in value.strip("|").split("|"):
                    if t:
                        where.setdefault(t, []).append(pos)
            for t, positions in where.items():
                mask = np.zeros(self.n, dtype=bool)
                mask[positions] = True
                self._tag_masks[(axis, t)] = mask
        if key not in self._tag_masks:
            self._tag_masks[key] = np.zeros(self.n, dtype=bool)
        return self._tag_masks[key]

    # -- evaluation --
    def evaluate(self, node: Node) -> np.ndarray:
        if node.kind == "and":
            return self.evaluate(node.args[0]) & self.evaluate(node.args[1])
        if node.kind == "or":
            return self.evaluate(node.args[0]) | self.evaluate(node.args[1])
        if node.kind == "not":
            return ~self.evaluate(node.args[0])
        if node.kind == "word":
            tokens = tokenize(node.args[0])
            mask = np.ones(self.n, dtype=bool)  # a stop word alone matches everything
            for t in tokens:
                mask &= self.postings(t)
            return mask
        if node.kind == "phrase":
            tokens = tokenize(node.args[0])
            mask = np.ones(self.n, dtype=bool)
            for t in tokens:
                mask &= self.postings(t)
            if len(tokens) > 1:
                needle = " " + " ".join(tokens) + " "
                for i, (words, _, _) in self._words(np.flatnonzero(mask)).items():
                    if needle not in f" {' '.join(words)} ":
                        mask[i] = False
            return mask
        if node.kind == "prefix":
            mask = np.zeros(self.n, dtype=bool)
            for token in self.expand(node.args[0]):
                mask |= self.postings(token)
            return mask
        if node.kind == "part":
            return self.part_mask(*node.args)
        if node.kind == "pubmed":
            return self.pubmed_mask(*node.args)
        name, value = node.args
        if name in SCREEN_FIELDS:
            return self.screen_mask(name, value)
        if name == "year":
            lo, hi = value
            return (self.years >= lo) & (self.years <= hi)
        if name in TAG_AXES:  # a query names few tags: SQLite finds them (claim retrieval asks many: ``tag_mask``)
            return self._positions(f"SELECT doc_id FROM docs WHERE instr({name}, ?) > 0", (f"|{value}|",))
        if name == "pmid":
            return self._positions("SELECT doc_id FROM docs WHERE pmid = ?", (value,))
        if name == "doi":
            return self._positions("SELECT doc_id FROM docs WHERE doi = ?", (normalize_doi(value) or value.lower(),))
        column = {"title": "title_fold", "author": "authors", "journal": "journal", "citekey": "citekey_fold"}[name]
        return self._positions(f"SELECT doc_id FROM docs WHERE instr({column}, ?) > 0", (fold(value),))

    def part_mask(self, part: str, text: str) -> np.ndarray:
        """Words or a phrase inside the title (``ti``) or the title and abstract (``tiab``) only."""
        prefix = text.rstrip().endswith("*")
        tokens = tokenize(text.rstrip("* "))
        if prefix and tokens:
            tokens[-1] = fold(re.findall(r"\w+", text)[-1])
        mask = np.ones(self.n, dtype=bool)
        for t in tokens[:-1] if prefix else tokens:
            mask &= self.postings(t)
        for i, (words, n_ti, n_tiab) in self._words(np.flatnonzero(mask)).items():
            mask[i] = _has_sequence(words[: n_ti if part == "ti" else n_tiab], tokens, prefix)
        return mask

    def pubmed_mask(self, tag: str, value: str) -> np.ndarray:
        if tag == "au":
            family, _, initials = value.partition(" ")
            initials = initials.replace(" ", "")
            names = self._column("au")
            return np.array([any(f == family and i.startswith(initials) for f, i in d) for d in names], dtype=bool)
        if tag in ("mh", "majr"):
            want, star = value.rstrip("*"), value.endswith("*")

            def heading(h: str, major: bool) -> bool:
                return (h.startswith(want) if star else h == want) and (major or tag == "mh")

            return np.array([any(heading(h, major) for h, major in d) for d in self._column("mh")], dtype=bool)
        return np.array([value in d for d in self._column("pt")], dtype=bool)  # pt

    def screen_mask(self, name: str, value: str) -> np.ndarray:
        status = self.user_status or {}
        want = value.lower()

        def hit(doc_id: int) -> bool:
            s = status.get(doc_id)
            if name == "screen":
                return (s is None and want == "unscreened") or (s is not None and s["decision"] == want)
            if s is None:
                return False
            if name == "stage":
                return s["stage"] == want
            return want in (r.lower() for r in s["reviewers"])

        return np.array([hit(int(i)) for i in self.ids], dtype=bool)

    def rows(self, positions: list[int]) -> list[dict[str, Any]]:
        """The result-list columns of the records at ``positions``, in that order."""
        found: dict[int, dict[str, Any]] = {}
        ids = [int(self.ids[p]) for p in positions]
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            sql = f"SELECT {', '.join(RESULT_COLUMNS)} FROM docs WHERE doc_id IN ({','.join('?' * len(chunk))})"
            for row in self.conn.execute(sql, chunk):
                d = dict(zip(RESULT_COLUMNS, row, strict=True))
                found[d["doc_id"]] = {
                    "_id": d["doc_id"],
                    **{k: d[k] for k in ("pmid", "doi", "year", "title", "first_author", "journal")},
                    "tags": orjson.loads(d["tags"]),
                    "citekey": d["citekey"],
                    "retracted": bool(d["retracted"]),
                }
        return [found[i] for i in ids]

    def search(
        self,
        query: str,
        limit: int | None = 20,
        sort: str = "relevance",
        known_tags: dict[str, list[str]] | None = None,
    ) -> list[dict[str, Any]]:
        node = parse_query(query, known_tags)
        mask = self.evaluate(node)
        hits = np.flatnonzero(mask)
        terms = []
        for t in positive_terms(node):
            terms.extend(self.expand(t[:-1], 20) if t.endswith("*") else [t] if t in self.vocab else [])
        scores = np.zeros(self.n, dtype=np.float32)
        if terms and len(hits):
            scores = self.scores(terms)
        if sort == "year":
            order = sorted(hits, key=lambda i: (-int(self.years[i]), -float(scores[i])))
        else:
            order = sorted(hits, key=lambda i: (-float(scores[i]), -int(self.years[i]), i))
        if limit:
            order = order[:limit]
        out = self.rows([int(i) for i in order])
        for rank, (row, i) in enumerate(zip(out, order, strict=True), start=1):
            row["rank"], row["score"] = rank, round(float(scores[i]), 4)
        return out


def search_library(lib: Library, query: str, limit: int | None = 20, sort: str = "relevance") -> list[dict[str, Any]]:
    from ..tagging.tagger import default_vocabulary

    vocab = default_vocabulary()
    known = {axis: vocab.ids(axis) for axis in TAG_AXES}
    if sort not in ("relevance", "year"):
        raise BadInput(f"sort must be relevance or year, not {sort!r}", options=("sort",))
    index = SearchIndex.for_library(lib)
    try:
        if any(f"{f}:" in query for f in SCREEN_FIELDS):
            from ..screening import statuses

            index.user_status = statuses(lib)
        return index.search(query, limit=limit, sort=sort, known_tags=known)
    finally:
        index.close()
