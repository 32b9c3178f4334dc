"""Tag records by route, outcome, study design and setting, keeping the reason for every tag.

The tagger is a pure function of a record and the vocabulary (``data/vocabulary.toml``): ``tag_record`` returns
the tags and, for each tag, where it came from (field, matched words, character offsets). Live PubMed records
carry MeSH headings and publication types, used first; the snapshot has neither, so titles and abstracts are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..records import Record

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

AXES = ("route", "outcome", "design", "setting")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\[0-9])")


@dataclass
class Matcher:
    """One vocabulary pattern, compiled for speed.

    Case-insensitive patterns run on lower-cased text without re.IGNORECASE and without their leading ``\\b``
    (checked by hand instead): both defeat the regex engine's literal-prefix scan, and with them tagging is about
    fifteen times slower (measured on the snapshot: 12 ms vs 0.8 ms a record).
    """

    regex: re.Pattern[str]
    case_sensitive: bool
    leading_boundary: bool

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        target = text if self.case_sensitive else lowered
        for m in self.regex.finditer(target):
            s = m.start()
            if self.leading_boundary and s > 0 and (target[s - 1].isalnum() or target[s - 1] == "_"):
                continue
            yield m

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        return next(self.finditer(text, lowered), None)


def _lower_pattern(pattern: str) -> str:
    """Lower-case a regular expression's literals, leaving escapes (\\b, \\d, \\w...) as they are."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def _matchers(patterns: list[str], case_sensitive: bool) -> list[Matcher]:
    out = []
    for p in patterns:
        if case_sensitive:
            out.append(Matcher(re.compile(p), True, False))
            continue
        q = _lower_pattern(p)
        boundary = q.startswith("\\b")
        out.append(Matcher(re.compile(q[2:] if boundary else q), False, boundary))
    return out


def lower_same_length(text: str) -> str:
    """text.lower(), keeping every character's offset (a few characters lower-case to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass
class TagDef:
    axis: str
    id: str
    label: str
    regexes: list[Matcher]
    title_regexes: list[Matcher]
    mesh: frozenset[str]
    pubtypes: frozenset[str]


@dataclass
class Vocabulary:
    tags: dict[str, list[TagDef]]
    axes: dict[str, dict[str, Any]]
    ketamine: re.Pattern[str]
    comparators: re.Pattern[str]
    carriers: re.Pattern[str]
    carrier_routes: frozenset[str]
    source: str = ""

    def ids(self, axis: str) -> list[str]:
        return [t.id for t in self.tags[axis]]

    def label(self, axis: str, tag: str) -> str:
        for t in self.tags.get(axis, []):
            if t.id == tag:
                return t.label
        return tag

    def has(self, axis: str, tag: str) -> bool:
        return axis in self.tags and any(t.id == tag for t in self.tags[axis])


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    if path is None:
        raw = resources.files("ketalit").joinpath("data/vocabulary.toml").read_bytes()
        source = "ketalit/data/vocabulary.toml"
    else:
        raw = Path(path).read_bytes()
        source = str(path)
    data = tomllib.loads(raw.decode("utf-8"))
    tags: dict[str, list[TagDef]] = {}
    for axis in AXES:
        defs = []
        for tag_id, spec in data.get(axis, {}).items():
            defs.append(
                TagDef(
                    axis=axis,
                    id=tag_id,
                    label=spec.get("label", tag_id),
                    regexes=_matchers(spec.get("patterns", []), False) + _matchers(spec.get("patterns_cs", []), True),
                    title_regexes=_matchers(spec.get("title_patterns", []), False),
                    mesh=frozenset(m.lower() for m in spec.get("mesh", [])),
                    pubtypes=frozenset(p.lower() for p in spec.get("pubtypes", [])),
                )
            )
        order = data.get("axes", {}).get(axis, {}).get("order")
        if order:
            defs.sort(key=lambda d: order.index(d.id) if d.id in order else len(order))
        tags[axis] = defs
    drugs = data.get("drugs", {})
    return Vocabulary(
        tags=tags,
        axes=data.get("axes", {}),
        ketamine=re.compile("|".join(drugs.get("ketamine", [r"\bketamine\b"])), re.I),
        comparators=re.compile("|".join(drugs.get("comparators", [r"(?!x)x"])), re.I),
        carriers=re.compile("|".join(drugs.get("carriers", [r"(?!x)x"])), re.I),
        carrier_routes=frozenset(drugs.get("carrier_routes", [])),
        source=source,
    )


@dataclass
class TagResult:
    tags: dict[str, list[str]] = field(default_factory=dict)
    reasons: list[dict[str, Any]] = field(default_factory=list)
    comparator_routes: list[dict[str, Any]] = field(default_factory=list)


Field = tuple[str, str, str, str]  # (field name, section label, text, lower-cased text)


def _fields(rec: Record) -> list[Field]:
    """Every text field the tagger reads."""
    raw = [("title", "", rec.get("title") or "")]
    for k, sec in enumerate(rec.get("abstract") or []):
        raw.append((f"abstract[{k}]", (sec.get("label") or sec.get("category") or "").upper(), sec.get("text") or ""))
    if rec.get("keywords"):
        raw.append(("keywords", "", "; ".join(rec["keywords"])))
    return [(name, label, text, lower_same_length(text)) for name, label, text in raw]


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            return start, m.start()
    return start, len(text)


def _route_owner(vocab: Vocabulary, text: str, start: int, end: int, route: str) -> tuple[str, str]:
    """Whose route this is: ('ketamine'|'comparator', drug word). Closest drug in the sentence wins."""
    s0, s1 = _sentence_bounds(text, start)
    sentence = text[s0:s1]
    best: tuple[int, str, str] | None = None
    patterns = [("ketamine", vocab.ketamine), ("comparator", vocab.comparators)]
    if route not in vocab.carrier_routes:
        patterns.append(("comparator", vocab.carriers))
    for owner, rx in patterns:
        for m in rx.finditer(sentence):
            ms, me = m.start() + s0, m.end() + s0
            # A drug named right after the route word ("intravenous morphine") binds tighter than one before it.
            dist = ms - end if ms >= end else (start - me) + 15
            if dist < 0:
                dist = 0
            if best is None or dist < best[0] or (dist == best[0] and owner == "ketamine"):
                best = (dist, owner, m.group(0))
    if best is None:
        return "ketamine", ""
    return best[1], best[2]


class Tagger:
    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.skip_sections = {s.upper() for s in vocab.axes.get("outcome", {}).get("skip_sections", [])}

    def tag(self, rec: Record) -> TagResult:
        result = TagResult(tags={axis: [] for axis in AXES})
        fields = _fields(rec)
        mesh = {h.get("descriptor", "").lower(): h.get("descriptor", "") for h in rec.get("mesh") or []}
        for h in rec.get("mesh") or []:
            for q in h.get("qualifiers", []):
                combo = f"{h.get('descriptor', '')}/{q.get('name', '')}"
                mesh[combo.lower()] = combo
        pubtypes = {p.lower(): p for p in rec.get("publication_types") or []}

        def add(axis: str, tag: str, reason: dict[str, Any]) -> None:
            if tag not in result.tags[axis]:
                result.tags[axis].append(tag)
            result.reasons.append({"axis": axis, "tag": tag, "source": "auto", **reason})

        for axis in ("route", "outcome", "setting"):
            for td in self.vocab.tags[axis]:
                for key in td.mesh & mesh.keys():
                    add(axis, td.id, {"field": "mesh", "match": mesh[key], "start": None, "end": None})
                for fname, label, text, lowered in fields:
                    if axis == "outcome" and label in self.skip_sections:
                        continue
                    hit = self._first_hit(axis, td, fname, text, lowered, result)
                    if hit:
                        add(axis, td.id, hit)
        self._design(rec, fields, mesh, pubtypes, add)
        return result

    def _first_hit(
        self, axis: str, td: TagDef, fname: str, text: str, lowered: str, result: TagResult
    ) -> dict[str, Any] | None:
        """The first match of a tag in one field (for routes: the first one that belongs to ketamine)."""
        for rx in td.regexes:
            for m in rx.finditer(text, lowered):
                reason = {"field": fname, "match": text[m.start() : m.end()], "start": m.start(), "end": m.end()}
                if axis != "route":
                    return reason
                owner, drug = _route_owner(self.vocab, text, m.start(), m.end(), td.id)
                if owner == "ketamine":
                    return dict(reason, drug=drug or "(ketamine, by context)")
                entry = {"route": td.id, "drug": drug, **reason}
                if entry not in result.comparator_routes:
                    result.comparator_routes.append(entry)
        return None

    def _design(
        self, rec: Record, fields: list[Field], mesh: dict[str, str], pubtypes: dict[str, str], add: Any
    ) -> None:
        defs = self.vocab.tags["design"]
        for td in defs:  # PublicationType, then MeSH: what PubMed indexers decided
            hit = next(iter(sorted(td.pubtypes & pubtypes.keys())), None)
            if hit:
                add("design", td.id, {"field": "publication_type", "match": pubtypes[hit], "start": None, "end": None})
                return
        for td in defs:
            hit = next(iter(sorted(td.mesh & mesh.keys())), None)
            if hit:
                add("design", td.id, {"field": "mesh", "match": mesh[hit], "start": None, "end": None})
                return
        _, _, title, title_low = fields[0]
        for td in defs:  # the title usually names the design
            for rx in td.title_regexes + td.regexes:
                m = rx.search(title, title_low)
                if m:
                    add(
                        "design",
                        td.id,
                        {"field": "title", "match": title[m.start() : m.end()], "start": m.start(), "end": m.end()},
                    )
                    return
        for td in defs:
            for fname, _label, text, lowered in fields[1:]:
                for rx in td.regexes:
                    m = rx.search(text, lowered)
                    if m:
                        add(
                            "design",
                            td.id,
                            {"field": fname, "match": text[m.start() : m.end()], "start": m.start(), "end": m.end()},
                        )
                        return
        add(
            "design",
            "other",
            {
                "field": "",
                "match": "",
                "start": None,
                "end": None,
                "note": "no design words found in title or abstract",
            },
        )

    def apply(self, rec: Record) -> Record:
        """The record with automatic tags recomputed and the user's manual decisions applied on top."""
        result = self.tag(rec)
        manual = rec.get("manual_tags") or {"add": [], "remove": []}
        tags = {axis: list(v) for axis, v in result.tags.items()}
        reasons = list(result.reasons)
        for item in manual.get("remove", []):
            axis, _, tag = item.partition(":")
            if tag in tags.get(axis, []):
                tags[axis].remove(tag)
                reasons = [r for r in reasons if not (r["axis"] == axis and r["tag"] == tag)]
        for item in manual.get("add", []):
            axis, _, tag = item.partition(":")
            if tag not in tags.setdefault(axis, []):
                tags[axis].append(tag)
            if axis == "design" and len(tags[axis]) > 1:
                tags[axis] = [tag]
                reasons = [r for r in reasons if r["axis"] != "design"]
            reasons.append(
                {
                    "axis": axis,
                    "tag": tag,
                    "source": "manual",
                    "field": "manual",
                    "match": "",
                    "start": None,
                    "end": None,
                }
            )
        out = dict(rec)
        out["tags"] = tags
        out["tag_reasons"] = reasons
        out["comparator_routes"] = result.comparator_routes
        return out


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger(default_vocabulary())


def tag_record(rec: Record) -> Record:
    return default_tagger().apply(rec)
