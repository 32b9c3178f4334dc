"""Search: a small query language over the library, ranked with BM25 (bm25s).

Query language (case matters only for the operators):

    ketamine "respiratory depression"          words and quoted phrases (all must match)
    intranasal OR nebulized                    OR, AND (implicit between terms), NOT, parentheses
    title:onset author:motov journal:"annals"  field filters (substring, case-insensitive)
    pmid:25817884 doi:10.1016/... year:2015 year:2015..2020 year:..2010
    route:intranasal outcome:onset design:rct setting:emergency_department   tag filters (vocabulary ids)

Free words and phrases are matched against title, abstract, keywords and MeSH headings; they also give the BM25
score that ranks the results. The index is kept beside the library in ``.index/`` and rebuilt when the library
file changes.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from .errors import KetalitError
from .library import Library
from .library.storage import atomic_write_bytes
from .records import Record, abstract_text, fold_ascii, no_gc

INDEX_VERSION = 2
TAG_AXES = ("route", "outcome", "design", "setting")
FIELDS = ("title", "author", "journal", "pmid", "doi", "year", "citekey", *TAG_AXES)
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or such that the their then there "
    "these they this to was were which will with".split()
)
_WORD = re.compile(r"\w\w+|\d")


class QueryError(KetalitError):
    """A malformed query: the message points at the problem."""

    def __init__(self, query: str, pos: int, message: str) -> None:
        self.query, self.pos = query, pos
        super().__init__(f"bad query at column {pos + 1}: {message}\n  {query}\n  {' ' * pos}^")


def fold(text: str) -> str:
    return fold_ascii(text).lower()


_BRITISH = [(re.compile(r"(?<=[a-z])(?:ae|oe)(?=[a-z])"), "e"), (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1")]


def stem(word: str) -> str:
    """Light normalisation, the same for documents and queries: plurals (infusions -> infusion, therapies ->
    therapy) and British spellings (apnoea -> apnea, anaesthesia -> anesthesia, nebulised -> nebulized)."""
    for rx, repl in _BRITISH:
        word = rx.sub(repl, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOPWORDS]


# -- query parsing ----------------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<phrase>"[^"]*")|(?P<field>[A-Za-z_]+):(?P<fval>"[^"]*"|[^\s()"]+)|'
    r'(?P<word>[^\s()"]+))'
)


@dataclass
class Node:
    kind: str  # and, or, not, word, phrase, field
    args: list[Any] = field(default_factory=list)
    pos: int = 0


def parse_query(query: str, known_tags: dict[str, list[str]] | None = None) -> Node:
    tokens: list[tuple[str, str, str, int]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            if query[pos:].lstrip().startswith('"'):
                raise QueryError(query, query.index('"', pos), "unbalanced quote")
            raise QueryError(query, pos, "cannot read the query here")
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if m.group("lp"):
            tokens.append(("lp", "(", "", start))
        elif m.group("rp"):
            tokens.append(("rp", ")", "", start))
        elif m.group("phrase"):
            tokens.append(("phrase", m.group("phrase")[1:-1], "", start))
        elif m.group("field"):
            tokens.append(("field", m.group("field").lower(), m.group("fval"), start))
        else:
            word = m.group("word")
            if '"' in word:
                raise QueryError(query, start + word.index('"'), "unbalanced quote")
            tokens.append(("op" if word in ("AND", "OR", "NOT") else "word", word, "", start))
        pos = m.end()
    if query.count('"') % 2:
        raise QueryError(query, query.rindex('"'), "unbalanced quote")
    if not tokens:
        raise QueryError(query, 0, "empty query")
    parser = _Parser(query, tokens, known_tags or {})
    node = parser.parse_or()
    if parser.i < len(tokens):
        tok = tokens[parser.i]
        raise QueryError(query, tok[3], "unbalanced parenthesis" if tok[0] == "rp" else f"unexpected {tok[1]!r}")
    return node


class _Parser:
    def __init__(self, query: str, tokens: list[tuple[str, str, str, int]], known: dict[str, list[str]]) -> None:
        self.query, self.tokens, self.known, self.i = query, tokens, known, 0

    def peek(self) -> tuple[str, str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse_or(self) -> Node:
        left = self.parse_and()
        while (t := self.peek()) and t[0] == "op" and t[1] == "OR":
            self.i += 1
            left = Node("or", [left, self.parse_and()], t[3])
        return left

    def parse_and(self) -> Node:
        left = self.parse_not()
        while (t := self.peek()) and not (t[0] == "op" and t[1] == "OR") and t[0] != "rp":
            if t[0] == "op" and t[1] == "AND":
                self.i += 1
            left = Node("and", [left, self.parse_not()], t[3])
        return left

    def parse_not(self) -> Node:
        t = self.peek()
        if t and t[0] == "op" and t[1] == "NOT":
            self.i += 1
            return Node("not", [self.parse_not()], t[3])
        return self.parse_atom()

    def parse_atom(self) -> Node:
        t = self.peek()
        if t is None:
            raise QueryError(self.query, len(self.query), "the query ends where a term is expected")
        kind, value, extra, pos = t
        self.i += 1
        if kind == "lp":
            node = self.parse_or()
            close = self.peek()
            if close is None or close[0] != "rp":
                raise QueryError(self.query, pos, "unbalanced parenthesis: '(' is never closed")
            self.i += 1
            return node
        if kind == "rp":
            raise QueryError(self.query, pos, "unbalanced parenthesis: ')' without '('")
        if kind == "op":
            raise QueryError(self.query, pos, f"{value} needs a term on each side")
        if kind == "phrase":
            if not tokenize(value):
                raise QueryError(self.query, pos, "empty phrase")
            return Node("phrase", [value], pos)
        if kind == "field":
            return self.field_node(value, extra, pos)
        return Node("word", [value], pos)

    def field_node(self, name: str, raw: str, pos: int) -> Node:
        value = raw[1:-1] if raw.startswith('"') else raw
        if name not in FIELDS:
            raise QueryError(self.query, pos, f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
        if name == "year":
            m = re.fullmatch(r"(\d{4})?(\.\.)?(\d{4})?", value)
            if not m or not (m.group(1) or m.group(3)) or (m.group(2) is None and m.group(3)):
                raise QueryError(
                    self.query, pos, f"bad year {value!r}: write year:2015, year:2015..2020 or year:..2010"
                )
            lo = int(m.group(1)) if m.group(1) else 0
            hi = int(m.group(3)) if m.group(3) else (9999 if m.group(2) else lo)
            if lo > hi:
                raise QueryError(self.query, pos, f"bad year range {value!r}: {lo} is after {hi}")
            return Node("field", ["year", (lo, hi)], pos)
        if name in TAG_AXES and self.known and value not in self.known.get(name, []):
            raise QueryError(self.query, pos, f"unknown {name} tag {value!r} (known: {', '.join(self.known[name])})")
        if not value:
            raise QueryError(self.query, pos, f"{name}: needs a value")
        return Node("field", [name, value], pos)


def positive_terms(node: Node, negated: bool = False) -> list[str]:
    """Words and phrase words that rank results (those not under a NOT)."""
    if node.kind == "not":
        return positive_terms(node.args[0], not negated)
    if node.kind in ("and", "or"):
        return [t for a in node.args for t in positive_terms(a, negated)]
    if node.kind in ("word", "phrase") and not negated:
        return tokenize(node.args[0])
    if node.kind == "field" and node.args[0] == "title" and not negated:
        return tokenize(node.args[1])
    return []


# -- the index ---------------------------------------------------------------------------------------------------------


def _doc_text(rec: Record) -> str:
    mesh = " ".join(h.get("descriptor", "") for h in rec.get("mesh") or [])
    return " ".join([rec.get("title") or "", abstract_text(rec), " ".join(rec.get("keywords") or []), mesh])


def _meta(doc_id: int, rec: Record) -> list[Any]:
    authors = rec.get("authors") or []
    first = ""
    if authors:
        a = authors[0]
        first = a.get("collective") or a.get("family") or ""
    names = " | ".join(fold(a.get("collective") or f"{a.get('family', '')} {a.get('given', '')}") for a in authors)
    return [
        doc_id,
        rec.get("pmid"),
        rec.get("doi"),
        rec.get("year") or 0,
        rec.get("title") or "",
        first,
        names,
        fold(f"{rec.get('journal') or ''} | {rec.get('journal_iso') or ''}"),
        rec.get("tags") or {},
        rec.get("citekey"),
        bool(rec.get("retracted")),
    ]


META_FIELDS = (
    "_id",
    "pmid",
    "doi",
    "year",
    "title",
    "first_author",
    "authors",
    "journal",
    "tags",
    "citekey",
    "retracted",
)


class SearchIndex:
    """BM25 over the library's text plus the small per-record table that filters need, cached in ``.index/``."""

    def __init__(
        self,
        folder: Path,
        ids: np.ndarray,
        retriever: Any,
        docs: list[list[Any]] | None = None,
        texts: list[str] | None = None,
    ) -> None:
        self.folder = folder
        self.ids = ids  # library record id of each index position
        self.retriever = retriever
        self.vocab: dict[str, int] = retriever.vocab_dict
        self._docs = docs
        self._texts = texts
        self._years: np.ndarray | None = None
        self.n = len(ids)
        self._tag_masks: dict[tuple[str, str], np.ndarray] = {}
        self._records: dict[int, Record] | None = None

    @property
    def docs(self) -> list[list[Any]]:
        """The per-record table (PMID, year, title, authors, tags...), loaded on first use."""
        if self._docs is None:
            with no_gc():
                self._docs = orjson.loads((self.folder / "docs.json").read_bytes())
        return self._docs

    @property
    def years(self) -> np.ndarray:
        if self._years is None:
            self._years = np.array([d[3] for d in self.docs], dtype=np.int32)
        return self._years

    def use_records(self, lib: Library) -> None:
        """Take tags from records already in memory instead of loading the index's own table (saves memory)."""
        self._records = dict(lib.iter_records())

    # -- building and caching --
    @staticmethod
    def signature(lib: Library) -> str:
        """Changes when the records change (not when claims are linked or searches saved)."""
        state = lib.fast_state()
        if state is None:  # no trustworthy state file: read the library itself
            state = {"records_version": lib.records_version(), "records": len(lib)}
        return f"{INDEX_VERSION}-{state['records_version']}-{state['records']}"

    @classmethod
    def for_library(cls, lib: Library, rebuild: bool = False) -> SearchIndex:
        import bm25s

        folder = lib.root / ".index"
        sig = cls.signature(lib)
        sig_file = folder / "signature"
        if not rebuild and sig_file.exists() and sig_file.read_text() == sig and (folder / "ids.npy").exists():
            retriever = bm25s.BM25.load(str(folder / "bm25"), mmap=True, show_progress=False, verbosity=0)
            return cls(folder, np.load(folder / "ids.npy"), retriever)
        return cls.build(lib, folder, sig)

    @classmethod
    def build(cls, lib: Library, folder: Path, sig: str) -> SearchIndex:
        import bm25s

        docs, texts, corpus = [], [], []
        records = lib.take_records()  # consumed as it goes: the index is built in the memory the records free
        for doc_id in list(records):
            rec = records.pop(doc_id)
            text = _doc_text(rec)
            docs.append(_meta(doc_id, rec))
            tokens = [sys.intern(t) for t in tokenize(text)]  # one string object per distinct word: less memory
            texts.append(" ".join(tokens))
            corpus.append(tokens or [""])
        ids = np.array([d[0] for d in docs], dtype=np.int64)
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)
        del corpus
        try:
            folder.mkdir(parents=True, exist_ok=True)
            retriever.save(str(folder / "bm25"), show_progress=False)
            atomic_write_bytes(folder / "docs.json", orjson.dumps(docs))
            atomic_write_bytes(folder / "texts.json", orjson.dumps(texts))
            np.save(folder / "ids.npy", ids)
            atomic_write_bytes(folder / "signature", sig.encode())
        except OSError:
            return cls(folder, ids, retriever, docs, texts)  # a read-only library is searched, just not cached
        return cls(folder, ids, retriever)  # the tables are on disk: loaded again only if a search needs them

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            with no_gc():
                self._texts = orjson.loads((self.folder / "texts.json").read_bytes())
        return self._texts

    # -- evaluation --
    def postings(self, token: str) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        col = self.vocab.get(token)
        if col is None:
            return mask
        s = self.retriever.scores
        mask[np.asarray(s["indices"][s["indptr"][col] : s["indptr"][col + 1]])] = True
        return mask

    def tag_mask(self, axis: str, tag: str) -> np.ndarray:
        key = (axis, tag)
        if key not in self._tag_masks:
            if self._records is not None and self._docs is None:
                tags = [(self._records[int(i)].get("tags") or {}).get(axis) or [] for i in self.ids]
            else:
                tags = [d[8].get(axis) or [] for d in self.docs]
            self._tag_masks[key] = np.array([tag in t for t in tags], dtype=bool)
        return self._tag_masks[key]

    def evaluate(self, node: Node) -> np.ndarray:
        if node.kind == "and":
            return self.evaluate(node.args[0]) & self.evaluate(node.args[1])
        if node.kind == "or":
            return self.evaluate(node.args[0]) | self.evaluate(node.args[1])
        if node.kind == "not":
            return ~self.evaluate(node.args[0])
        if node.kind == "word":
            tokens = tokenize(node.args[0])
            if not tokens:  # a stop word alone matches everything
                return np.ones(self.n, dtype=bool)
            mask = np.ones(self.n, dtype=bool)
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
                texts = self.texts
                for i in np.flatnonzero(mask):
                    if needle not in f" {texts[i]} ":
                        mask[i] = False
            return mask
        name, value = node.args
        if name == "year":
            lo, hi = value
            return (self.years >= lo) & (self.years <= hi)
        if name in TAG_AXES:
            return self.tag_mask(name, value)
        col = {"pmid": 1, "doi": 2, "title": 4, "author": 6, "journal": 7, "citekey": 9}[name]
        if name == "pmid":
            return np.array([d[1] == value for d in self.docs], dtype=bool)
        if name == "doi":
            from .records import normalize_doi

            want = normalize_doi(value) or value.lower()
            return np.array([d[2] == want for d in self.docs], dtype=bool)
        needle = fold(value)
        if name == "title":
            return np.array([needle in fold(d[4]) for d in self.docs], dtype=bool)
        return np.array([needle in (d[col] or "").lower() for d in self.docs], dtype=bool)

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
        terms = [t for t in positive_terms(node) if t in self.vocab]
        scores = np.zeros(self.n, dtype=np.float32)
        if terms and len(hits):
            scores = self.retriever.get_scores(terms)
        if sort == "year":
            order = sorted(hits, key=lambda i: (-int(self.years[i]), -float(scores[i])))
        else:
            order = sorted(hits, key=lambda i: (-float(scores[i]), -int(self.years[i]), i))
        if limit:
            order = order[:limit]
        out = []
        for rank, i in enumerate(order, start=1):
            d = self.docs[i]
            row = dict(zip(META_FIELDS, d, strict=True))
            row.pop("authors")
            row["rank"], row["score"] = rank, round(float(scores[i]), 4)
            out.append(row)
        return out


def search_library(lib: Library, query: str, limit: int | None = 20, sort: str = "relevance") -> list[dict[str, Any]]:
    from .tagging.tagger import default_vocabulary

    vocab = default_vocabulary()
    known = {axis: vocab.ids(axis) for axis in TAG_AXES}
    if sort not in ("relevance", "year"):
        raise KetalitError(f"--sort must be relevance or year, not {sort!r}")
    return SearchIndex.for_library(lib).search(query, limit=limit, sort=sort, known_tags=known)


def highlight_terms(query: str) -> list[str]:
    """Words to highlight in results: the query's free words and phrases, as typed."""
    try:
        node = parse_query(query)
    except QueryError:
        return []
    words: list[str] = []

    def walk(n: Node, neg: bool = False) -> None:
        if n.kind == "not":
            walk(n.args[0], not neg)
        elif n.kind in ("and", "or"):
            for a in n.args:
                walk(a, neg)
        elif n.kind in ("word", "phrase") and not neg:
            words.extend(w for w in re.findall(r"\w+", n.args[0]) if w.lower() not in STOPWORDS and len(w) > 1)
        elif n.kind == "field" and n.args[0] == "title" and not neg:
            words.extend(re.findall(r"\w+", n.args[1]))

    walk(node)
    return words
