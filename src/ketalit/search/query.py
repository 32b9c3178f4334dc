"""The query language, parsed into a tree that the index evaluates (see ``index``).

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
score that ranks the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import BadInput
from ..records import AXES
from .text import STOPWORDS, fold, tokenize

TAG_AXES = AXES
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


class QueryError(BadInput):
    """A malformed query: the message points at the problem, with a caret under it on a third line."""

    multiline = True  # the CLI prints the query and the caret on lines of their own

    def __init__(self, query: str, pos: int, message: str) -> None:
        self.query, self.pos = query, pos
        shown = re.sub(r"\s", " ", query)  # one character for one, so the caret stays under the problem
        super().__init__(f"bad query at column {pos + 1}: {message}\n  {shown}\n  {' ' * pos}^")


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
            if tm and initials and tokens and tokens[-1][0] == "word" and not tokens[-1][2]:
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
