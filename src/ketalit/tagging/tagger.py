"""Tag records by route, outcome, study design and setting, keeping the reason for every tag.

The tagger is a pure function of a record and the vocabulary (``vocabulary``): ``Tagger.tag`` returns the tags
and, for each tag, where it came from (field, matched words, character offsets). Live PubMed records carry MeSH
headings and publication types, used first; the snapshot has neither, so titles and abstracts are read.
``tag_many`` runs the tagger on every core for a large batch.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..records import Record
from .patterns import LiteralIndex, Matcher, ascii_twin, compile_patterns, lower_same_length, word_starts
from .vocabulary import AXES, TagDef, Vocabulary, default_vocabulary, load_vocabulary

__all__ = [  # the vocabulary's names stay importable from here, where they were first
    "AXES",
    "Matcher",
    "TagDef",
    "TagResult",
    "Tagger",
    "Vocabulary",
    "default_tagger",
    "default_vocabulary",
    "load_vocabulary",
    "lower_same_length",
    "pretag",
    "tag_many",
    "word_starts",
]

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\[0-9])")


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


def _route_owner(
    drugs: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]], text: str, lowered: str, start: int, end: int
) -> tuple[str, str]:
    """Whose route this is: ('ketamine'|'comparator', drug word). Closest drug in the sentence wins. ``drugs``:
    (owner, pattern, its ASCII twin) in order (see ``Tagger._drugs``)."""
    s0, s1 = _sentence_bounds(text, start)
    sentence = text[s0:s1]
    low = lowered[s0:s1] if sentence.isascii() else None
    best: tuple[int, str, str] | None = None
    for owner, rx, twin in drugs:
        for m in twin.finditer(low) if low is not None and twin is not None else rx.finditer(sentence):
            ms, me = m.start() + s0, m.end() + s0
            # A drug named right after the route word ("intravenous morphine") binds tighter than one before it.
            dist = ms - end if ms >= end else (start - me) + 15
            if dist < 0:
                dist = 0
            if best is None or dist < best[0] or (dist == best[0] and owner == "ketamine"):
                best = (dist, owner, text[ms:me])
    if best is None:
        return "ketamine", ""
    return best[1], best[2]


class Tagger:
    def __init__(self, vocab: Vocabulary, prefilter: bool = True) -> None:
        self.vocab = vocab
        self.prefilter = prefilter
        self.skip_sections = {s.upper() for s in vocab.axes.get("outcome", {}).get("skip_sections", [])}
        self.fallback_observational = compile_patterns(
            vocab.axes.get("design", {}).get("fallback_observational", []), False
        )
        # every pattern tagging runs, whose required literals are then looked for in one pass over a record
        matchers = [m for tags in vocab.tags.values() for td in tags for m in td.regexes]
        matchers += [m for td in vocab.tags["design"] for m in (*td.title_regexes, *td.self_regexes)]
        self.literals = LiteralIndex([*matchers, *self.fallback_observational]) if prefilter else None
        # the needles of each tag's patterns, all together (None if one of them has none: the tag is always tried)
        self._needs: dict[int, frozenset[int] | None] = {}
        for tags in vocab.tags.values():
            for td in tags:
                ids = [m.ids for m in td.regexes]
                self._needs[id(td)] = None if None in ids else frozenset().union(*ids)  # type: ignore[arg-type]
        self._mesh_terms = frozenset().union(*(td.mesh for tags in vocab.tags.values() for td in tags))
        self._design_mesh = frozenset().union(*(td.mesh for td in vocab.tags["design"]))
        self._design_pubtypes = frozenset().union(*(td.pubtypes for td in vocab.tags["design"]))
        # the drugs a route word may belong to (see ``_route_owner``), with and without the carriers of local routes
        drugs = [("ketamine", vocab.ketamine), ("comparator", vocab.comparators)]
        self._drugs = [(owner, rx, ascii_twin(rx)) for owner, rx in drugs]
        self._drugs_carriers = [*self._drugs, ("comparator", vocab.carriers, ascii_twin(vocab.carriers))]

    def tag(self, rec: Record) -> TagResult:
        result = TagResult(tags={axis: [] for axis in AXES})
        fields = _fields(rec)
        mesh = {h.get("descriptor", "").lower(): h.get("descriptor", "") for h in rec.get("mesh") or []}
        for h in rec.get("mesh") or []:
            for q in h.get("qualifiers", []):
                combo = f"{h.get('descriptor', '')}/{q.get('name', '')}"
                mesh[combo.lower()] = combo
        pubtypes = {p.lower(): p for p in rec.get("publication_types") or []}
        mesh_hits = self._mesh_terms.intersection(mesh) if mesh else ()  # the headings some tag names

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
        found = self.literals.found(joined, joined_low) if self.literals is not None else None
        for axis in ("route", "outcome", "setting"):
            for td in self.vocab.tags[axis]:
                if mesh_hits and not td.mesh.isdisjoint(mesh_hits):
                    for key in [k for k in mesh if k in td.mesh]:  # the record's order: the same reason every run
                        add(axis, td.id, {"field": "mesh", "match": mesh[key], "start": None, "end": None})
                needs = self._needs[id(td)]
                if found is not None and needs is not None and needs.isdisjoint(found):
                    continue  # none of its patterns can match this record
                hit = self._first_hit(axis, td, fields, joined, joined_low, starts, found, result)
                if hit:
                    add(axis, td.id, hit)
        self._design(rec, fields, mesh, pubtypes, found, add)
        return result

    def _first_hit(
        self,
        axis: str,
        td: TagDef,
        fields: list[Field],
        joined: str,
        joined_low: str,
        starts: list[int],
        found: frozenset[int] | None,
        result: TagResult,
    ) -> dict[str, Any] | None:
        """The first match of a tag in the record's text (for routes: the first that belongs to ketamine)."""
        for rx in td.regexes:
            if found is not None and rx.ids is not None and rx.ids.isdisjoint(found):
                continue
            for m in rx.finditer(joined, joined_low, found):
                k = bisect_right(starts, m.start()) - 1
                fname, label, text, lowered = fields[k]
                if axis == "outcome" and label in self.skip_sections:
                    continue
                s0, e0 = m.start() - starts[k], m.end() - starts[k]
                reason = {"field": fname, "match": text[s0:e0], "start": s0, "end": e0}
                if axis != "route":
                    return reason
                s1 = _sentence_bounds(text, s0)[0]
                if self.vocab.set_against.search(text, max(s1, s0 - 60), s0):  # "as opposed to ... oral forms"
                    continue
                drugs = self._drugs if td.id in self.vocab.carrier_routes else self._drugs_carriers
                owner, drug = _route_owner(drugs, text, lowered, s0, e0)
                if owner == "ketamine":
                    return dict(reason, drug=drug or "(ketamine, by context)")
                if not any(c["route"] == td.id and c["drug"].lower() == drug.lower() for c in result.comparator_routes):
                    result.comparator_routes.append({"route": td.id, "drug": drug, **reason})
        return None

    def _design(
        self,
        rec: Record,
        fields: list[Field],
        mesh: dict[str, str],
        pubtypes: dict[str, str],
        found: frozenset[int] | None,
        add: Any,
    ) -> None:
        defs = self.vocab.tags["design"]
        # PublicationType, then MeSH: what PubMed indexers decided (looked for only if a design names one of them)
        for td in defs if not self._design_pubtypes.isdisjoint(pubtypes) else ():
            pubtype = next(iter(sorted(td.pubtypes & pubtypes.keys())), None)
            if pubtype:
                add(
                    "design",
                    td.id,
                    {"field": "publication_type", "match": pubtypes[pubtype], "start": None, "end": None},
                )
                return
        for td in defs if not self._design_mesh.isdisjoint(mesh) else ():
            heading = next(iter(sorted(td.mesh & mesh.keys())), None)
            if heading:
                add("design", td.id, {"field": "mesh", "match": mesh[heading], "start": None, "end": None})
                return

        def first(
            regex_sets: list[tuple[TagDef, list[Matcher]]], where: list[Field]
        ) -> tuple[TagDef, dict[str, Any]] | None:
            for td, matchers in regex_sets:
                if found is not None:  # only the patterns that can match this record
                    matchers = [rx for rx in matchers if rx.ids is None or not rx.ids.isdisjoint(found)]
                for fname, _label, text, lowered in where:
                    for rx in matchers:
                        m = rx.search(text, lowered, found)
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
def default_tagger() -> Tagger:
    return Tagger(default_vocabulary())


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
