"""Tag records by route, outcome, study design and setting, keeping the reason for every tag.

The tagger is a pure function of a record and the vocabulary (``data/vocabulary.toml``): ``tag_record`` returns
the tags and, for each tag, where it came from (field, matched words, character offsets). Live PubMed records
carry MeSH headings and publication types, used first; the snapshot has neither, so titles and abstracts are read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._compat import tomllib
from ..records import Record

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
    keys: frozenset[str] | None = None  # first three letters of every word a match can start with (None: unknown)
    not_after: tuple[str, ...] = ()  # leading (?<!...) lookbehinds, also checked by hand
    needle: str = ""  # case-sensitive patterns: literal text every match contains

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        target = text if self.case_sensitive else lowered
        if self.needle and self.needle not in target:
            return
        for m in self.regex.finditer(target):
            s = m.start()
            if self.leading_boundary and s > 0 and (target[s - 1].isalnum() or target[s - 1] == "_"):
                continue
            if self.not_after and any(target[max(0, s - len(w)) : s] == w for w in self.not_after):
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


def _leading_letters(p: str) -> str:
    """The literal letters a pattern starts with, up to the first one that is optional or not a plain letter."""
    out = []
    for i, c in enumerate(p):
        if not ("a" <= c <= "z"):
            break
        nxt = p[i + 1] if i + 1 < len(p) else ""
        if nxt in "?*{":
            break
        out.append(c)
        if nxt == "+":
            break
    return "".join(out)


def _split_alternatives(group: str) -> list[str] | None:
    alts, depth, cur, i = [], 0, "", 0
    while i < len(group):
        c = group[i]
        if c == "\\":
            cur += group[i : i + 2]
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    alts.append(cur)
    return alts


def prefilter_keys(pattern: str) -> frozenset[str] | None:
    """For a lower-cased pattern that starts at a word boundary: the 3-letter word starts a match needs.

    A match of ``\\bintravenous`` starts a word beginning "int"; a record with no such word cannot match, and the
    pattern is not run on it. None when the start of the pattern is not plain letters (then it always runs).
    """
    if not pattern.startswith("\\b"):
        return None
    body = pattern[2:]
    if body.startswith("(?:"):
        depth = 0
        for j, c in enumerate(body):
            if c == "(" and (j == 0 or body[j - 1] != "\\"):
                depth += 1
            elif c == ")" and body[j - 1] != "\\":
                depth -= 1
                if depth == 0:
                    break
        if body[j + 1 : j + 2] in ("?", "*", "{"):
            return None
        alts = _split_alternatives(body[3:j]) or []
    elif "|" in body.replace("\\|", "") and _split_alternatives(body) != [body]:
        return None
    else:
        alts = [body]
    keys = set()
    for alt in alts:
        lead = _leading_letters(alt)
        if len(lead) < 3:
            return None
        keys.add(lead[:3])
    return frozenset(keys)


_LOOKBEHIND = re.compile(r"\(\?<!([^()\\]*)\)")


def _matchers(patterns: list[str], case_sensitive: bool) -> list[Matcher]:
    out = []
    for p in patterns:
        if case_sensitive:
            needle = p[2:] if p.startswith("\\b") else ""
            needle = re.match(r"[A-Za-z]*", needle).group(0) if needle else ""
            out.append(Matcher(re.compile(p), True, False, needle=needle if len(needle) >= 2 else ""))
            continue
        q = _lower_pattern(p)
        # Leading lookbehinds, like a leading \\b, would stop the regex engine's fast literal scan: check them by hand.
        not_after = []
        while (m := _LOOKBEHIND.match(q)) is not None:
            not_after.append(m.group(1))
            q = q[m.end() :]
        boundary = q.startswith("\\b")
        out.append(Matcher(re.compile(q[2:] if boundary else q), False, boundary, prefilter_keys(q), tuple(not_after)))
    return out


_WORD = re.compile(r"[a-z0-9]+")


def word_starts(lowered: str) -> set[str]:
    return {w[:3] for w in _WORD.findall(lowered)}


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
    self_regexes: list[Matcher]
    mesh: frozenset[str]
    pubtypes: frozenset[str]
    parents: tuple[str, ...] = ()
    weight: float | None = None
    title_only: bool = False


@dataclass
class Vocabulary:
    tags: dict[str, list[TagDef]]
    axes: dict[str, dict[str, Any]]
    ketamine: re.Pattern[str]
    comparators: re.Pattern[str]
    carriers: re.Pattern[str]
    carrier_routes: frozenset[str]
    source: str = ""
    _descendants: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)

    def ids(self, axis: str) -> list[str]:
        return [t.id for t in self.tags[axis]]

    def label(self, axis: str, tag: str) -> str:
        for t in self.tags.get(axis, []):
            if t.id == tag:
                return t.label
        return tag

    def has(self, axis: str, tag: str) -> bool:
        return axis in self.tags and any(t.id == tag for t in self.tags[axis])

    def tag(self, axis: str, tag: str) -> TagDef | None:
        return next((t for t in self.tags.get(axis, []) if t.id == tag), None)

    def descendants(self, axis: str, tag: str) -> frozenset[str]:
        """The tag and every tag under it (``parents`` in the vocabulary): chronic_noncancer -> crps, neuropathic..."""
        key = (axis, tag)
        if key not in self._descendants:
            self._descendants[key] = frozenset(self._below(axis, tag))
        return self._descendants[key]

    def _below(self, axis: str, tag: str) -> set[str]:
        out = {tag}
        grew = True
        while grew:
            grew = False
            for t in self.tags.get(axis, []):
                if t.id not in out and out & set(t.parents):
                    out.add(t.id)
                    grew = True
        return out


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    if path is None:
        raw = resources.files("ketalit").joinpath("data/vocabulary.toml").read_bytes()
        source = "ketalit/data/vocabulary.toml"
    else:
        raw = Path(path).read_bytes()
        source = str(path)
    data = tomllib.loads(raw.decode("utf-8"))
    tags: dict[str, list[TagDef]] = {}
    for axis in (*AXES, "focus"):  # "focus" qualifies a design; claims read it, records are not tagged with it
        defs = []
        for tag_id, spec in data.get(axis, {}).items():
            defs.append(
                TagDef(
                    axis=axis,
                    id=tag_id,
                    label=spec.get("label", tag_id),
                    regexes=_matchers(spec.get("patterns", []), False) + _matchers(spec.get("patterns_cs", []), True),
                    title_regexes=_matchers(spec.get("title_patterns", []), False),
                    self_regexes=_matchers(spec.get("self_patterns", []), False),
                    mesh=frozenset(m.lower() for m in spec.get("mesh", [])),
                    pubtypes=frozenset(p.lower() for p in spec.get("pubtypes", [])),
                    parents=tuple(spec.get("parents", [])),
                    weight=spec.get("weight"),
                    title_only=bool(spec.get("title_only", False)),
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


# Between fields: a full stop stops patterns such as [^.;]{0,80} from running from one field into the next.
_SEP = "\n.\n"


def _join(fields: list[Field]) -> tuple[str, list[int]]:
    starts, pos = [], 0
    for f in fields:
        starts.append(pos)
        pos += len(f[2]) + len(_SEP)
    return _SEP.join(f[2] for f in fields), starts


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
    def __init__(self, vocab: Vocabulary, prefilter: bool = True) -> None:
        self.vocab = vocab
        self.prefilter = prefilter
        self.skip_sections = {s.upper() for s in vocab.axes.get("outcome", {}).get("skip_sections", [])}
        self.fallback_observational = _matchers(vocab.axes.get("design", {}).get("fallback_observational", []), False)

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
            # One reason per tag, the first found (MeSH and publication types before text, then text order):
            # enough to explain the tag, and it keeps a 50,000-record library small enough to open quickly.
            if tag not in result.tags[axis]:
                result.tags[axis].append(tag)
                result.reasons.append({"axis": axis, "tag": tag, "source": "auto", **reason})

        # All fields are scanned as one text (one regex pass per pattern, not one per pattern and field); each
        # match is then mapped back to its field and offsets.
        joined, starts = _join(fields)
        joined_low = _SEP.join(f[3] for f in fields)
        present = word_starts(joined_low) if self.prefilter else None
        for axis in ("route", "outcome", "setting"):
            for td in self.vocab.tags[axis]:
                for key in td.mesh & mesh.keys():
                    add(axis, td.id, {"field": "mesh", "match": mesh[key], "start": None, "end": None})
                hit = self._first_hit(axis, td, fields, joined, joined_low, starts, present, result)
                if hit:
                    add(axis, td.id, hit)
        self._design(rec, fields, mesh, pubtypes, add)
        return result

    def _first_hit(
        self,
        axis: str,
        td: TagDef,
        fields: list[Field],
        joined: str,
        joined_low: str,
        starts: list[int],
        present: set[str] | None,
        result: TagResult,
    ) -> dict[str, Any] | None:
        """The first match of a tag in the record's text (for routes: the first that belongs to ketamine)."""
        for rx in td.regexes:
            if present is not None and rx.keys is not None and rx.keys.isdisjoint(present):
                continue
            for m in rx.finditer(joined, joined_low):
                k = bisect_right(starts, m.start()) - 1
                fname, label, text, _ = fields[k]
                if axis == "outcome" and label in self.skip_sections:
                    continue
                s0, e0 = m.start() - starts[k], m.end() - starts[k]
                reason = {"field": fname, "match": text[s0:e0], "start": s0, "end": e0}
                if axis != "route":
                    return reason
                owner, drug = _route_owner(self.vocab, text, s0, e0, td.id)
                if owner == "ketamine":
                    return dict(reason, drug=drug or "(ketamine, by context)")
                if not any(c["route"] == td.id and c["drug"].lower() == drug.lower() for c in result.comparator_routes):
                    result.comparator_routes.append({"route": td.id, "drug": drug, **reason})
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

        def first(regex_sets: list[tuple[TagDef, list[Matcher]]], where: list[Field]) -> tuple[TagDef, dict] | None:
            for td, matchers in regex_sets:
                for fname, _label, text, lowered in where:
                    for rx in matchers:
                        m = rx.search(text, lowered)
                        if m:
                            return td, {
                                "field": fname,
                                "match": text[m.start() : m.end()],
                                "start": m.start(),
                                "end": m.end(),
                            }
            return None

        title, abstract = fields[:1], fields[1:]
        # 1. The title usually names the design ...
        hit = first([(td, td.title_regexes + td.regexes) for td in defs], title)
        if hit and hit[0].id in ("narrative_review", "systematic_review"):
            # ... but a "review" whose abstract says it pooled data or searched systematically is that.
            stronger = [td for td in defs if td.id in ("meta_analysis", "systematic_review") and td.id != hit[0].id]
            upgrade = first([(td, td.self_regexes + td.regexes) for td in stronger], abstract)
            if upgrade and (hit[0].id == "narrative_review" or upgrade[0].id == "meta_analysis"):
                hit = upgrade
        if hit and hit[0].id == "non_randomized_trial":
            # A "pilot study" or "open-label" title over an abstract that randomised its patients is a trial.
            rct = next(td for td in defs if td.id == "rct")
            randomised = first([(rct, rct.self_regexes)], abstract)
            if randomised:
                hit = randomised
        # 2. A paper describing itself ("this review", "this open study") outranks the studies it mentions.
        hit = hit or first([(td, td.self_regexes) for td in defs], abstract)
        # 3. Then design words in the abstract, strongest design first.
        hit = hit or first([(td, td.regexes) for td in defs], abstract)
        if hit:
            add("design", hit[0].id, hit[1])
            return
        if not abstract:
            add(
                "design",
                "other",
                {
                    "field": "",
                    "match": "",
                    "start": None,
                    "end": None,
                    "note": "no design words in the title and no abstract",
                },
            )
            return
        counted = first([(defs[0], self.fallback_observational)], abstract)
        if counted:
            add("design", "cohort", dict(counted[1], note="no design words; the abstract reports on counted patients"))
        else:
            add(
                "design",
                "narrative_review",
                {
                    "field": "",
                    "match": "",
                    "start": None,
                    "end": None,
                    "note": "no design words and no patient counts in the abstract",
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


def pretag(records: list[Record]) -> list[Record]:
    """Tag freshly parsed records (in an import's worker processes); the library re-tags any it merges."""
    out = []
    for r in records:
        tagged = default_tagger().apply(r)
        tagged["_pretagged"] = True
        out.append(tagged)
    return out


TAG_INPUT = ("title", "abstract", "keywords", "mesh", "publication_types", "manual_tags")
TAG_OUTPUT = ("tags", "tag_reasons", "comparator_routes")


def _tag_chunk(chunk: list[Record]) -> list[dict[str, Any]]:
    tagger = default_tagger()
    return [{k: tagged[k] for k in TAG_OUTPUT} for tagged in map(tagger.apply, chunk)]


PARALLEL_THRESHOLD = 4000  # below this, starting worker processes costs more than it saves


def tag_many(records: list[Record], workers: int | None = None) -> list[Record]:
    """Tag many records, on every core for large batches (tagging is CPU-bound pure Python).

    Workers get only the fields the tagger reads and send back only the tags, to keep the pickling small.
    """
    import os

    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(records) < PARALLEL_THRESHOLD:
        return [default_tagger().apply(r) for r in records]
    from concurrent.futures import ProcessPoolExecutor

    size = max(200, len(records) // (workers * 8))
    slim = [{k: r.get(k) for k in TAG_INPUT} for r in records]
    chunks = [slim[i : i + size] for i in range(0, len(slim), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = [t for part in pool.map(_tag_chunk, chunks) for t in part]
    return [{**r, **t} for r, t in zip(records, results, strict=True)]
