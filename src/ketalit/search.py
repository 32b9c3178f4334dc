"""Search: a small query language over the library, ranked with BM25 (bm25s).

Query language (case matters only for the operators):

    ketamine "respiratory depression"          words and quoted phrases (all must match)
    intranasal OR nebulized                    OR, AND (implicit between terms), NOT, parentheses
    ketamine -intranasal -design:rct           a '-' before a term excludes it, like NOT (s-ketamine is one word)
    title:onset author:motov journal:"annals"  field filters (substring, case-insensitive)
    pmid:25817884 doi:10.1016/... year:2015 year:2015..2020 year:..2010
    route:intranasal outcome:onset design:rct setting:emergency_department   tag filters (vocabulary ids)
    screen:include stage:full_text reviewer:alice                            screening (see ``screening``)
    ketamin* pain[tiab] "acute pain"[ti] smith j[au] analgesics[mh] randomized controlled trial[pt] 2015:2020[dp]
                                                                             PubMed's own syntax (see PUBMED_TAGS)

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

from .errors import BadInput, KetalitError
from .library import Library
from .library.storage import atomic_write_bytes
from .records import Record, abstract_text, fold_ascii, no_gc

INDEX_VERSION = 3
TAG_AXES = ("route", "outcome", "design", "setting")
SCREEN_FIELDS = ("screen", "stage", "reviewer")
FIELDS = ("title", "author", "journal", "pmid", "doi", "year", "citekey", *TAG_AXES, *SCREEN_FIELDS)
# PubMed field tags the local search understands, and what each searches here. Any other tag is refused by name.
PUBMED_TAGS = {
    "tiab": "title and abstract words",
    "ti": "title words",
    "tw": "text words (title, abstract, keywords, MeSH)",
    "all": "all fields (as free text)",
    "au": "author: family name, optionally with initials (smith j[au])",
    "mh": "MeSH heading (exact heading; narrower headings are not exploded)",
    "majr": "MeSH heading that is a major topic",
    "pt": "publication type",
    "dp": "publication year or range (2015[dp], 2015:2020[dp], 2015/01/01:2020/12/31[dp])",
}
SCREEN_VALUES = ("include", "exclude", "maybe", "conflict", "unscreened")
_TAGGED = re.compile(r"(.*?)\[([A-Za-z ]+)\]$", re.S)
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or such that the their then there "
    "these they this to was were which will with".split()
)
_WORD = re.compile(r"\w\w+|\d")


class QueryError(BadInput):
    """A malformed query: the message points at the problem, with a caret under it on a third line."""

    multiline = True  # the CLI prints the query and the caret on lines of their own

    def __init__(self, query: str, pos: int, message: str) -> None:
        self.query, self.pos = query, pos
        shown = re.sub(r"\s", " ", query)  # one character for one, so the caret stays under the problem
        super().__init__(f"bad query at column {pos + 1}: {message}\n  {shown}\n  {' ' * pos}^")


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
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<minus>-(?=[\w"(]))|(?P<phrase>"[^"]*"(?:\[[A-Za-z ]+\])?)|'
    r'(?P<field>[A-Za-z_]+):(?P<fval>"[^"]*"|[^\s()"]+)|(?P<word>[^\s()"]+))'
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
        elif m.group("minus"):  # "-term" at the start of a term excludes it, as in a web search box
            tokens.append(("op", "NOT", "", start))
        elif m.group("rp"):
            tokens.append(("rp", ")", "", start))
        elif m.group("phrase"):
            text, tag = m.group("phrase"), ""
            if not text.endswith('"'):
                text, tag = text[: text.rindex('"') + 1], text[text.rindex('"') + 2 : -1]
            tokens.append(("phrase", text[1:-1], tag, start))
        elif m.group("field"):
            tokens.append(("field", m.group("field").lower(), m.group("fval"), start))
        else:
            word = m.group("word")
            if '"' in word:
                raise QueryError(query, start + word.index('"'), "unbalanced quote")
            tm = _TAGGED.fullmatch(word)
            initials = tm and tm.group(2).lower() == "au" and re.fullmatch(r"[A-Za-z]{1,3}", tm.group(1))
            if initials and tokens and tokens[-1][0] == "word" and not tokens[-1][2]:
                # "smith j[au]": PubMed reads the name before the tag as one author term
                prev = tokens.pop()
                tokens.append(("word", f"{prev[1]} {tm.group(1)}", "au", prev[3]))
            elif tm and tm.group(2).lower().strip() in ("pt", "mh", "majr"):
                # headings and publication types have several words: randomized controlled trial[pt]
                words, first = [tm.group(1)], start
                while tokens and tokens[-1][0] == "word" and not tokens[-1][2]:
                    prev = tokens.pop()
                    words.insert(0, prev[1])
                    first = prev[3]
                tokens.append(("word", " ".join(words), tm.group(2).lower().strip(), first))
            elif tm:
                tokens.append(("word", tm.group(1), tm.group(2).lower().strip(), start))
            else:
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
            return self.pubmed_node(value, extra, pos) if extra else Node("phrase", [value], pos)
        if kind == "field":
            return self.field_node(value, extra, pos)
        if extra:
            return self.pubmed_node(value, extra, pos)
        if value.endswith("*"):
            return self.prefix_node(value, pos)
        if not any(ch.isalnum() for ch in value):  # "-" or "&" would match every record
            raise QueryError(self.query, pos, f"{value!r} has no letters or digits to search for (exclude: NOT term)")
        return Node("word", [value], pos)

    def prefix_node(self, value: str, pos: int) -> Node:
        stem_ = fold(value.rstrip("*"))
        if len(stem_) < 3 or not re.fullmatch(r"\w+", stem_):
            raise QueryError(self.query, pos, f"{value!r}: truncate a word of at least 3 letters (ketamin*)")
        return Node("prefix", [stem_], pos)

    def pubmed_node(self, value: str, tag: str, pos: int) -> Node:
        """A PubMed-style tagged term: term[tiab], "phrase"[ti], smith j[au], heading[mh], type[pt], 2015:2020[dp]."""
        tag = tag.lower().strip()
        if tag not in PUBMED_TAGS:
            raise QueryError(
                self.query,
                pos,
                f"PubMed field tag [{tag}] is not searched locally; tags understood here: "
                + ", ".join(f"[{t}]" for t in PUBMED_TAGS),
            )
        value = value.strip()
        if not value:
            raise QueryError(self.query, pos, f"[{tag}] needs a term before it")
        if tag in ("tw", "all"):
            if value.endswith("*") and " " not in value:
                return self.prefix_node(value, pos)
            return Node("phrase" if " " in value else "word", [value], pos)
        if tag in ("tiab", "ti"):
            if not tokenize(value.rstrip("*")):
                raise QueryError(self.query, pos, f"{value!r}[{tag}] has no word to search")
            return Node("part", [tag, value], pos)
        if tag == "dp":
            m = re.fullmatch(r"(\d{4})(?:/\d{1,2}(?:/\d{1,2})?)?(?::(\d{4})(?:/\d{1,2}(?:/\d{1,2})?)?)?", value)
            if not m:
                raise QueryError(self.query, pos, f"bad date {value!r}[dp]: write 2015[dp] or 2015:2020[dp]")
            lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
            if lo > hi:
                raise QueryError(self.query, pos, f"bad date range {value!r}[dp]: {lo} is after {hi}")
            return Node("field", ["year", (lo, hi)], pos)
        return Node("pubmed", [tag, fold(value).strip()], pos)

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
        if name == "screen" and value not in SCREEN_VALUES:
            raise QueryError(self.query, pos, f"screen:{value}: use one of {', '.join(SCREEN_VALUES)}")
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
    if node.kind == "part" and not negated:
        return tokenize(node.args[1])
    if node.kind == "prefix" and not negated:
        return [node.args[0] + "*"]
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
        [[fold(a.get("family") or a.get("collective") or ""), (a.get("initials") or "").lower()] for a in authors],
        [[fold(h.get("descriptor", "")), bool(h.get("major"))] for h in rec.get("mesh") or []],
        [fold(t) for t in rec.get("publication_types") or []],
        len(tokenize(rec.get("title") or "")),
        len(tokenize(rec.get("title") or "")) + len(tokenize(abstract_text(rec))),
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
    "au",
    "mh",
    "pt",
    "n_ti",
    "n_tiab",
)
_COL = {name: i for i, name in enumerate(META_FIELDS)}
HIDDEN_META = ("authors", "au", "mh", "pt", "n_ti", "n_tiab")  # for filtering, not shown in results


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
        self.retriever = retriever  # None for an empty library (bm25s cannot index nothing)
        self.vocab: dict[str, int] = retriever.vocab_dict if retriever is not None else {}
        self._docs = docs
        self._texts = texts
        self._years: np.ndarray | None = None
        self.n = len(ids)
        self._tag_masks: dict[tuple[str, str], np.ndarray] = {}
        self._axes_built: set[str] = set()
        self._records: dict[int, Record] | None = None
        self.user_status: dict[int, dict[str, Any]] | None = None  # screening, for screen: stage: reviewer:
        self._vectors: np.ndarray | None = None
        self._vectors32: np.ndarray | None = None
        self._prefixes: list[str] | None = None

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
        if not docs:
            return cls(folder, ids, None, docs, texts)  # nothing to rank and nothing worth caching
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

    # -- ranking, for callers that rank records themselves (claims retrieval) --
    def bm25(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every indexed record for these tokens (already tokenised; unknown tokens are ignored)."""
        known = [t for t in dict.fromkeys(tokens) if t in self.vocab]
        if not known:
            return np.zeros(self.n, dtype=np.float64)
        return np.asarray(self.retriever.get_scores(known), dtype=np.float64)

    def tokens_starting_with(self, prefix: str) -> list[str]:
        """Index tokens that begin with ``prefix`` (a stem such as "hallucinat")."""
        if self._prefixes is None:
            self._prefixes = sorted(self.vocab)
        from bisect import bisect_left

        i = bisect_left(self._prefixes, prefix)
        out = []
        while i < len(self._prefixes) and self._prefixes[i].startswith(prefix):
            out.append(self._prefixes[i])
            i += 1
        return out

    def similarity(self, text: str, lib: Library) -> np.ndarray:
        """Cosine similarity between ``text`` and every indexed record (title and abstract), from a small embedding
        model shipped inside the wordllama package. Word-level semantics only: blind to negation, so it is for
        finding candidates, never for judging them. Record embeddings are computed once and cached."""
        return self.similarities([text], lib)[:, 0]

    def similarities(self, texts: list[str], lib: Library) -> np.ndarray:
        """``similarity`` for several texts at once (one column each): the record vectors are read once."""
        from .semantic import embed

        if self._vectors32 is None:  # stored as float16 (half the size); multiplied as float32 (BLAS)
            self._vectors32 = self._embeddings(lib).astype(np.float32)
        return self._vectors32 @ embed(texts).T

    def _embeddings(self, lib: Library) -> np.ndarray:
        if self._vectors is not None:
            return self._vectors
        from .semantic import MAX_CHARS, MODEL, embed

        path, sig_path = self.folder / "embeddings.npy", self.folder / "embeddings.sig"
        index_sig = (self.folder / "signature").read_text() if (self.folder / "signature").exists() else ""
        sig = f"{MODEL}|{MAX_CHARS}|{self.n}|{index_sig}"
        if path.exists() and sig_path.exists() and sig_path.read_text() == sig:
            self._vectors = np.load(path)
            return self._vectors
        texts = []
        for doc_id in self.ids:
            rec = lib.record(int(doc_id)) if self._records is None else self._records[int(doc_id)]
            texts.append(f"{rec.get('title') or ''} {abstract_text(rec)}")
        self._vectors = embed(texts).astype(np.float16)
        try:
            np.save(path, self._vectors)
            atomic_write_bytes(sig_path, sig.encode())
        except OSError:
            pass  # a read-only library is searched, just not cached
        return self._vectors

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
        """Which records carry the tag. The first question about an axis builds the masks of all its tags in one
        pass over the records."""
        key = (axis, tag)
        if key not in self._tag_masks and axis not in self._axes_built:
            self._axes_built.add(axis)
            if self._records is not None and self._docs is None:
                tags = [(self._records[int(i)].get("tags") or {}).get(axis) or [] for i in self.ids]
            else:
                tags = [d[8].get(axis) or [] for d in self.docs]
            positions: dict[str, list[int]] = {}
            for pos, values in enumerate(tags):
                for value in values:
                    positions.setdefault(value, []).append(pos)
            for value, where in positions.items():
                mask = np.zeros(self.n, dtype=bool)
                mask[where] = True
                self._tag_masks[(axis, value)] = mask
        if key not in self._tag_masks:
            self._tag_masks[key] = np.zeros(self.n, dtype=bool)
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

    def expand(self, prefix: str, limit: int = 200) -> list[str]:
        """The indexed words that start with ``prefix`` (truncation: ketamin* -> ketamine, ketamine-induced...)."""
        return [w for w in self.vocab if w.startswith(prefix)][:limit]

    def part_mask(self, part: str, text: str) -> np.ndarray:
        """Words or a phrase inside the title (``ti``) or the title and abstract (``tiab``) only."""
        prefix = text.rstrip().endswith("*")
        tokens = tokenize(text.rstrip("* "))
        if prefix and tokens:
            tokens[-1] = fold(re.findall(r"\w+", text)[-1])
        mask = np.ones(self.n, dtype=bool)
        for t in tokens[:-1] if prefix else tokens:
            mask &= self.postings(t)
        limit_col = _COL["n_ti"] if part == "ti" else _COL["n_tiab"]
        texts, docs = self.texts, self.docs
        for i in np.flatnonzero(mask):
            words = texts[i].split()[: docs[i][limit_col]]
            mask[i] = _has_sequence(words, tokens, prefix)
        return mask

    def pubmed_mask(self, tag: str, value: str) -> np.ndarray:
        if tag == "au":
            family, _, initials = value.partition(" ")
            initials = initials.replace(" ", "")
            col = _COL["au"]
            return np.array([any(f == family and i.startswith(initials) for f, i in d[col]) for d in self.docs], bool)
        if tag in ("mh", "majr"):
            want, star, col = value.rstrip("*"), value.endswith("*"), _COL["mh"]

            def heading(h: str, major: bool) -> bool:
                return (h.startswith(want) if star else h == want) and (major or tag == "mh")

            return np.array([any(heading(h, major) for h, major in d[col]) for d in self.docs], dtype=bool)
        return np.array([value in d[_COL["pt"]] for d in self.docs], dtype=bool)  # pt

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
            for f in HIDDEN_META:
                row.pop(f)
            row["rank"], row["score"] = rank, round(float(scores[i]), 4)
            out.append(row)
        return out


def search_library(lib: Library, query: str, limit: int | None = 20, sort: str = "relevance") -> list[dict[str, Any]]:
    from .tagging.tagger import default_vocabulary

    vocab = default_vocabulary()
    known = {axis: vocab.ids(axis) for axis in TAG_AXES}
    if sort not in ("relevance", "year"):
        raise KetalitError(f"--sort must be relevance or year, not {sort!r}")
    index = SearchIndex.for_library(lib)
    if any(f"{f}:" in query for f in SCREEN_FIELDS):
        from .screening import statuses

        index.user_status = statuses(lib)
    return index.search(query, limit=limit, sort=sort, known_tags=known)


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
