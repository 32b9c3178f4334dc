"""The tagging vocabulary (``data/vocabulary.toml``): for each axis (route, outcome, design, setting) its tags, each
with a label, patterns, MeSH headings and publication types; each study design's place in the evidence (rank, tier,
weight, short name); the study foci claim linking reads; the drug names that own a route phrase. Validated as it is
loaded: an unknown axis or key, a tag without a label, a pattern that does not compile, an ``order`` naming an
unknown tag or a design without its place in the evidence is an error naming the file and the tag."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._compat import tomllib
from ..errors import BadInput
from ..records import AXES
from .patterns import Matcher, compile_patterns

# What a tag's table may hold.
TAG_KEYS = {"label", "patterns", "patterns_cs", "title_patterns", "self_patterns", "mesh", "pubtypes", "parents"}
DESIGN_KEYS = {"evidence_rank", "tier", "weight", "short"}  # a study design's place in the evidence
FOCUS_KEYS = {"title_only"}
# "focus" qualifies a design; claims read it, records are not tagged with it.
TABLES = (*AXES, "focus")


@dataclass
class TagDef:
    """One tag. Its patterns are checked when the vocabulary is loaded and compiled for tagging when first used
    (commands that only name tags, such as a search, do not pay for compiling them)."""

    axis: str
    id: str
    label: str
    patterns: tuple[str, ...]
    patterns_cs: tuple[str, ...]
    title_patterns: tuple[str, ...]
    self_patterns: tuple[str, ...]
    mesh: frozenset[str]
    pubtypes: frozenset[str]
    parents: tuple[str, ...] = ()
    weight: float | None = None
    title_only: bool = False
    evidence_rank: int | None = None  # designs: 1 for the strongest
    tier: str | None = None  # designs: a key of ``Vocabulary.tiers``
    short: str = ""  # designs: how a citation names it ("RCT")

    @cached_property
    def regexes(self) -> list[Matcher]:
        return compile_patterns(list(self.patterns), False) + compile_patterns(list(self.patterns_cs), True)

    @cached_property
    def title_regexes(self) -> list[Matcher]:
        return compile_patterns(list(self.title_patterns), False)

    @cached_property
    def self_regexes(self) -> list[Matcher]:
        return compile_patterns(list(self.self_patterns), False)


@dataclass
class Vocabulary:
    tags: dict[str, list[TagDef]]
    axes: dict[str, dict[str, Any]]
    ketamine: re.Pattern[str]
    comparators: re.Pattern[str]
    carriers: re.Pattern[str]
    carrier_routes: frozenset[str]
    tiers: dict[str, str]  # tiers of evidence, strongest first: id -> how the report names it
    # words that set a route word aside as another form than the one studied ("as opposed to parenteral and oral forms")
    set_against: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!x)x"))
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

    def ancestors(self, axis: str, tag: str) -> frozenset[str]:
        """The tag and every tag above it (its ``parents``, theirs, ...): crps -> chronic_noncancer. A tag the
        vocabulary does not have is its own only ancestor."""
        td = self.tag(axis, tag)
        return frozenset({tag}.union(*(self.ancestors(axis, p) for p in td.parents)) if td is not None else {tag})

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

    def by_evidence(self) -> list[str]:
        """The study designs, strongest evidence first."""
        return [t.id for t in sorted(self.tags["design"], key=lambda t: t.evidence_rank or 0)]

    def tier(self, design: str) -> str | None:
        return next((t.tier for t in self.tags["design"] if t.id == design), None)

    def strong(self, design: str) -> bool:
        """Whether a design is strong evidence (its tier is one of ``strong_tiers``)."""
        return self.tier(design) in self.axes.get("design", {}).get("strong_tiers", [])


def _problem(source: str, where: str, what: str) -> BadInput:
    return BadInput(f"{source}: {where}: {what} (fix the vocabulary file)")


def _strings(source: str, where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _problem(source, where, "must be a list of strings")
    return value


def _checked(source: str, where: str, patterns: Any) -> tuple[str, ...]:
    for p in _strings(source, where, patterns):
        try:
            re.compile(p)
        except re.error as exc:
            raise _problem(source, where, f"pattern {p!r} does not compile ({exc})") from None
    return tuple(patterns)


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Read and check a vocabulary file (default: the shipped ``data/vocabulary.toml``)."""
    if path is None:
        raw = resources.files("ketalit").joinpath("data/vocabulary.toml").read_bytes()
        source = "ketalit/data/vocabulary.toml"
    else:
        raw = Path(path).read_bytes()
        source = str(path)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(f"{source}: not valid TOML ({exc})") from None
    unknown = set(data) - {"axes", "drugs", *TABLES}
    if unknown:
        raise _problem(source, ", ".join(sorted(unknown)), f"not an axis ({', '.join(TABLES)}), axes or drugs")
    axes = data.get("axes", {})
    tags: dict[str, list[TagDef]] = {}
    for axis in TABLES:
        defs = []
        for tag_id, spec in data.get(axis, {}).items():
            where = f"{axis}.{tag_id}"
            if not isinstance(spec, dict) or not isinstance(spec.get("label"), str):
                raise _problem(source, where, "needs a label")
            allowed = TAG_KEYS | {"design": DESIGN_KEYS, "focus": FOCUS_KEYS}.get(axis, set())
            if set(spec) - allowed:
                raise _problem(source, where, f"unknown keys {', '.join(sorted(set(spec) - allowed))}")
            if axis == "design" and not (
                isinstance(spec.get("evidence_rank"), int)
                and spec.get("tier") in axes["design"].get("tiers", {})
                and isinstance(spec.get("weight"), (int, float))
                and isinstance(spec.get("short"), str)
            ):
                raise _problem(
                    source,
                    where,
                    "a design needs an evidence_rank, a tier of [axes.design.tiers], a weight and a short name",
                )
            defs.append(
                TagDef(
                    axis=axis,
                    id=tag_id,
                    label=spec["label"],
                    patterns=_checked(source, where, spec.get("patterns", [])),
                    patterns_cs=_checked(source, where, spec.get("patterns_cs", [])),
                    title_patterns=_checked(source, where, spec.get("title_patterns", [])),
                    self_patterns=_checked(source, where, spec.get("self_patterns", [])),
                    mesh=frozenset(m.lower() for m in _strings(source, where, spec.get("mesh", []))),
                    pubtypes=frozenset(p.lower() for p in _strings(source, where, spec.get("pubtypes", []))),
                    parents=tuple(_strings(source, where, spec.get("parents", []))),
                    weight=spec.get("weight"),
                    title_only=bool(spec.get("title_only", False)),
                    evidence_rank=spec.get("evidence_rank"),
                    tier=spec.get("tier"),
                    short=spec.get("short", ""),
                )
            )
        order = _strings(source, f"axes.{axis}.order", axes.get(axis, {}).get("order", []))
        strays = [t for t in order if t not in {d.id for d in defs}]
        if strays:
            raise _problem(source, f"axes.{axis}.order", f"names unknown tags {', '.join(strays)}")
        if order:
            defs.sort(key=lambda d: order.index(d.id) if d.id in order else len(order))
        tags[axis] = defs
    ranks = sorted(d.evidence_rank or 0 for d in tags["design"])
    if ranks != list(range(1, len(ranks) + 1)):
        raise _problem(source, "design", f"evidence ranks must be 1 to {len(ranks)}, each once (they are {ranks})")
    drugs = data.get("drugs", {})
    return Vocabulary(
        tags=tags,
        axes=axes,
        ketamine=re.compile("|".join(drugs.get("ketamine", [r"\bketamine\b"])), re.I),
        comparators=re.compile("|".join(drugs.get("comparators", [r"(?!x)x"])), re.I),
        carriers=re.compile("|".join(drugs.get("carriers", [r"(?!x)x"])), re.I),
        carrier_routes=frozenset(drugs.get("carrier_routes", [])),
        tiers=dict(axes.get("design", {}).get("tiers", {})),
        set_against=re.compile("|".join(drugs.get("set_against", [r"(?!x)x"])), re.I),
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()
