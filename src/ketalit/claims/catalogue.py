"""The claims catalogue: a reviewed TOML data file of claims with exact quotes and offsets into their sources.

Each claim is read into a **proposition**: what it says about ketamine (route, regimen), in whom (population), on
what outcome, in which direction, against what comparator, for safety claims how serious a harm and at what
exposure, and any quantity with both of its ends. The catalogue is validated when it is loaded: a tag id that is
not in the vocabulary, an unknown kind or direction, or a quote that is not where it says is an error naming the
claim and its line, never a silent "no evidence".
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .._compat import tomllib
from ..errors import BadInput
from .text import with_lead_in

KINDS = (
    "efficacy",
    "onset",
    "duration",
    "safety",
    "side_effect",
    "mechanism",
    "dependence",
    "comparative",
    "dosing",
    "history",
)
# The kinds of claim that state what ketamine is, does or how it is given, as reviews and guidelines state it
# ("textbook" claims): retrieved among reviews and guidelines (retrieve.py), weighed on statements of the claim's own
# words (stance.py, verdict.py), and never capped for how widely the drug is used (coverage.py).
TEXTBOOK_KINDS = ("mechanism", "history", "dosing")
# What the claim asserts about the outcome.
DIRECTIONS = (
    "improves",  # ketamine makes the outcome better (less pain, fewer opioids, better function)
    "causes",  # the harm happens with ketamine
    "does_not_cause",  # the harm does not happen (or is rare): "no respiratory depression", "safe", "non-addictive"
    "less_harm",  # less of the harm than with the comparator ("lower risk of dependence than opioids")
    "no_effect",  # ketamine does not improve the outcome ("did not reduce opioid use"): the effect denied
    "better",  # better than the comparator on the outcome
    "as_good",  # as good as the comparator on the outcome (no worse: "as effective as morphine", "not inferior to")
    "faster",  # acts faster than the comparator
    "slower",  # acts slower than the comparator
    "onset",  # relief starts within the claimed range (measure onset_minutes)
    "lasts",  # relief lasts as long as claimed (measure duration_days), or outlasts the treatment
    "fades",  # relief is temporary: it does not cure, it wears off
    "transient",  # the side effects are short-lived and resolve
    "states",  # a textbook statement: mechanism, history, dosing
)
# The directions that set ketamine against something: a claim of one names what it is compared with.
COMPARED_DIRECTIONS = ("better", "as_good", "faster", "slower", "less_harm")
REGIMENS = ("single", "infusion", "repeated")
SEVERITIES = ("any", "serious")
EXPOSURES = ("therapeutic", "supervised", "any")
QUANTITIES = ("onset_minutes", "duration_days")
CATALOGUE = "claims.toml"
_DEFAULT_DIRECTION = {
    ("efficacy", "positive"): "improves",
    ("side_effect", "positive"): "causes",
    ("side_effect", "negative"): "does_not_cause",
    ("safety", "negative"): "does_not_cause",
    ("safety", "positive"): "causes",
    ("dependence", "negative"): "does_not_cause",
    ("dependence", "positive"): "causes",
    ("comparative", "positive"): "better",
    ("onset", "positive"): "onset",
    ("duration", "positive"): "lasts",
}


@dataclass(frozen=True)
class Proposition:
    """What a claim asserts, in the terms the evidence is read in."""

    subject: str
    routes: tuple[str, ...]
    regimen: str | None
    population: tuple[str, ...]
    outcomes: tuple[str, ...]
    direction: str
    comparator: str | None
    severity: str | None
    exposure: str | None
    quantity: tuple[str, float, float] | None  # (onset_minutes | duration_days, low end, high end)
    terms: tuple[str, ...] = ()
    concepts: tuple[tuple[str, ...], ...] = ()  # a sentence on the claim names one word of each group
    indirect_only: bool = False  # no study measures what the claim names: evidence can only be indirect
    all_settings: bool = False  # the population is all of the settings at once, not any of them
    # the quantity's words set only its upper end ("within hours", "up to 3 months"): (ends, the words), or ("", "")
    quantity_ends: tuple[str, str] = ("", "")

    @property
    def general_safety(self) -> bool:
        """A claim that ketamine is safe in general ("safe", "a strong safety profile", "minimal risk"): that it causes
        no adverse events, naming no harm of its own."""
        return self.direction == "does_not_cause" and set(self.outcomes) <= {"adverse_events"}

    def as_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "routes": list(self.routes),
            "regimen": self.regimen,
            "population": list(self.population),
            "outcomes": list(self.outcomes),
            "direction": self.direction,
            "comparator": self.comparator,
            "severity": self.severity,
            "exposure": self.exposure,
            "quantity": {"name": self.quantity[0], "min": self.quantity[1], "max": self.quantity[2]}
            if self.quantity
            else None,
            "indirect_only": self.indirect_only,
            "all_settings": self.all_settings,
        }


@dataclass
class Claim:
    id: str
    document: str
    file: str
    quote: str
    start: int
    end: int
    kind: str
    routes: list[str]
    outcomes: list[str]
    settings: list[str]
    assertion: str
    polarity: str = "positive"
    lead_in: str = ""
    lead_start: int | None = None
    lead_end: int | None = None
    measure: dict[str, Any] | None = None
    topic: str = ""
    terms: str = ""
    checkable: bool = True
    direction: str | None = None
    comparator: str | None = None
    regimen: str | None = None
    severity: str | None = None
    exposure: str | None = None
    concepts: list[list[str]] = field(default_factory=list)
    indirect_only: bool = False
    all_settings: bool = False
    # the named condition ([condition] id of data/weighing.toml) a claim that names none takes from the sentence or
    # question before it ("Ketamine relieves migraine. The benefit lasts for weeks."): it is judged on its records
    condition: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # a sentence that makes several claims ("works within minutes, has no respiratory depression and relief lasts for
    # months"): each part a claim of its own, linked on its own; the sentence holds as far as every part does
    parts: list[Claim] = field(default_factory=list)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name != "proposition":
            self.__dict__.pop("proposition", None)  # a reviewer's edit changes what the claim asserts

    @property
    def text(self) -> str:
        """The claim as a reader understands it: a list item together with its lead-in."""
        return with_lead_in(self.lead_in, self.quote)

    @property
    def listed(self) -> bool:
        """Whether the claim's parts are the items of a list inside its sentence ("may bring on serious side effects,
        such as sedation, ... and vomiting"; claims/parts.py list_items): the first is read with the words before the
        list as its lead-in, where a sentence cut at a new predicate begins with its own words."""
        return bool(self.parts) and bool(self.parts[0].lead_in)

    @cached_property
    def proposition(self) -> Proposition:
        if self.direction:
            direction = self.direction
        elif self.kind == "mechanism" and self.outcomes:
            direction = "improves"  # "decreases inflammation": read from findings on the outcome, and statements
        elif self.kind in ("mechanism", "history", "dosing"):
            direction = "states"
        else:
            direction = _DEFAULT_DIRECTION.get((self.kind, self.polarity), "improves")
        quantity = None
        if self.measure:
            quantity = (self.measure["quantity"], float(self.measure["min"]), float(self.measure["max"]))
        return Proposition(
            subject="ketamine",
            routes=tuple(self.routes),
            regimen=self.regimen,
            population=tuple(self.settings),
            outcomes=tuple(self.outcomes),
            direction=direction,
            comparator=self.comparator,
            severity=self.severity,
            exposure=self.exposure,
            quantity=quantity,
            terms=tuple(w for w in re.findall(r"[\w-]+", self.terms.lower()) if len(w) > 2),
            concepts=tuple(tuple(w.lower() for w in group) for group in self.concepts),
            indirect_only=self.indirect_only,
            all_settings=self.all_settings,
            quantity_ends=(str(self.measure.get("ends", "")), str(self.measure.get("ends_words", "")))
            if self.measure
            else ("", ""),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "file": self.file,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "lead_in": self.lead_in,
            "lead_start": self.lead_start,
            "lead_end": self.lead_end,
            "kind": self.kind,
            "routes": self.routes,
            "outcomes": self.outcomes,
            "settings": self.settings,
            "assertion": self.assertion,
            "polarity": self.polarity,
            "measure": self.measure,
            "topic": self.topic,
            "checkable": self.checkable,
            "proposition": self.proposition_dict(),
            **({"condition": self.condition} if self.condition else {}),
            **({"parts": [p.as_dict() for p in self.parts]} if self.parts else {}),
        }

    def proposition_dict(self) -> dict[str, Any]:
        """The proposition as ``claims list --json`` shows it, with how much of the claim's words it represents."""
        from .coverage import coverage

        return {**self.proposition.as_dict(), "coverage": coverage(self).as_dict()}


def id_order(cid: str) -> tuple[str, int]:
    """A claim id's place: by page, then by number (000-09, 000-10, 000-100; not 000-10, 000-100, 000-11)."""
    doc, _, number = cid.partition("-")
    return doc, int(number) if number.isdigit() else -1


def _lines_of_ids(text: str) -> dict[str, int]:
    """The line of each claim's ``id = "..."`` in the catalogue's text (the first, where an id is used twice)."""
    lines: dict[str, int] = {}
    line, at = 1, 0
    for m in re.finditer(r'^id\s*=\s*"([^"\n]*)"', text, re.M):
        line += text.count("\n", at, m.start())
        at = m.start()
        lines.setdefault(m.group(1), line)
    return lines


@lru_cache(maxsize=8)
def _parsed(text: str) -> bytes:
    return pickle.dumps(tomllib.loads(text), protocol=pickle.HIGHEST_PROTOCOL)


def parse_catalogue(text: str) -> dict[str, Any]:
    """The catalogue's TOML text as data: parsed once per text in a process (a command reads its library's catalogue
    several times: linking, checking and the report each do), each caller given its own copy to change."""
    return pickle.loads(_parsed(text))


def _check(item: dict[str, Any], where: str) -> None:
    """Every field of one catalogue entry against the vocabulary and the allowed values."""
    from ..tagging.tagger import default_vocabulary

    vocab = default_vocabulary()
    if item.get("kind") not in KINDS:
        raise BadInput(f"{where}: kind {item.get('kind')!r} is not one of {', '.join(KINDS)}")
    for key in ("quote", "start", "end"):
        if key not in item:
            raise BadInput(f"{where}: {key} is missing")
    for axis, key in (("route", "routes"), ("outcome", "outcomes"), ("setting", "settings")):
        value = item.get(key, [])
        if not isinstance(value, list):
            raise BadInput(f"{where}: {key} must be a list of {axis} ids")
        for tag in value:
            if not vocab.has(axis, tag):
                article = "an" if axis[0] in "aeiou" else "a"
                raise BadInput(
                    f"{where}: {key}: {tag!r} is not {article} {axis} in the vocabulary "
                    f"(known: {', '.join(vocab.ids(axis))})"
                )
    if item.get("polarity", "positive") not in ("positive", "negative"):
        raise BadInput(f"{where}: polarity must be positive or negative, not {item['polarity']!r}")
    for key, allowed in (
        ("direction", DIRECTIONS),
        ("regimen", REGIMENS),
        ("severity", SEVERITIES),
        ("exposure", EXPOSURES),
    ):
        if key in item and item[key] not in allowed:
            raise BadInput(f"{where}: {key} {item[key]!r} is not one of {', '.join(allowed)}")
    concepts = item.get("concepts", [])
    if not isinstance(concepts, list) or not all(
        isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g) for g in concepts
    ):
        raise BadInput(f'{where}: concepts must be a list of word lists, e.g. [["nmda"], ["block", "antagon"]]')
    if "comparator" in item and not (isinstance(item["comparator"], str) and item["comparator"].strip()):
        raise BadInput(f"{where}: comparator must be a word such as opioids, placebo or intravenous")
    measure = item.get("measure")
    if measure is not None:
        if not isinstance(measure, dict) or measure.get("quantity") not in QUANTITIES:
            raise BadInput(f"{where}: measure.quantity must be one of {', '.join(QUANTITIES)}")
        lo, hi = measure.get("min"), measure.get("max")
        if not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)) or lo > hi or lo < 0:
            raise BadInput(f"{where}: measure needs both ends, min <= max (got min={lo!r}, max={hi!r})")
        if measure.get("ends", "") not in ("", "upper"):
            raise BadInput(f"{where}: measure.ends must be 'upper' (only the upper end is claimed) or absent")
    if "condition" in item:
        from .weighing import conditions

        known = [c.id for c in conditions()]
        if item["condition"] not in known:
            raise BadInput(f"{where}: condition {item['condition']!r} is not one of {', '.join(known)}")
    if item.get("direction") in COMPARED_DIRECTIONS and not item.get("comparator"):
        raise BadInput(f"{where}: direction {item['direction']!r} needs a comparator")


def load_catalogue(library_root: Path, verify: bool = True) -> list[Claim]:
    """Read ``claims.toml`` of a library; with ``verify``, check every quote against its source file."""
    path = Path(library_root) / CATALOGUE
    if not path.exists():
        return []
    raw = path.read_text(encoding="utf-8")
    try:
        data = parse_catalogue(raw)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: not valid TOML ({exc})") from exc
    lines = _lines_of_ids(raw)
    docs = data.get("documents", {})
    texts: dict[str, str] = {}
    claims = []
    seen: set[str] = set()
    for item in data.get("claim", []):
        cid = str(item.get("id", ""))
        where = f"{path}:{lines.get(cid, 0)}: claim {cid}"
        if not re.fullmatch(r"\d{3}-\d{2,}", cid):
            raise BadInput(f"{path}: claim id {cid!r} is not of the form 000-01")
        if cid in seen:
            raise BadInput(
                f"{where}: the id is used twice (an earlier ketalit could write this when it checked a page"
                f" again: give one of them the page's next free number in {CATALOGUE})"
            )
        seen.add(cid)
        doc = cid.split("-")[0]
        if doc not in docs:
            raise BadInput(f'{where}: no [documents."{doc}"] entry')
        _check(item, where)
        claim = _claim_of(item, cid, doc, docs[doc]["file"])
        for k, part in enumerate(item.get("parts", []), 1):
            _check(part, f"{where}, part {k}")
            claim.parts.append(_claim_of(part, f"{cid}.{k}", doc, docs[doc]["file"]))
        if verify:
            if doc not in texts:
                texts[doc] = (Path(library_root) / docs[doc]["file"]).read_text(encoding="utf-8")
            text = texts[doc]
            if text[claim.start : claim.end] != claim.quote:
                raise BadInput(
                    f"{where}: the quote is not at {claim.start}..{claim.end} of "
                    f"{docs[doc]['file']} (was the source edited?)"
                )
            for c in (claim, *claim.parts):
                if c is not claim and text[c.start : c.end] != c.quote:
                    raise BadInput(f"{where}: the words of its part {c.id} are not at {c.start}..{c.end}")
                if c.lead_in and text[c.lead_start : c.lead_end] != c.lead_in:
                    raise BadInput(
                        f"{where}: the lead-in{'' if c is claim else ' of part ' + c.id} is not at its offsets"
                    )
        claims.append(claim)
    return claims


def _claim_of(item: dict[str, Any], cid: str, doc: str, file: str) -> Claim:
    """A Claim from a catalogue entry (or one part of it) that ``_check`` has read."""
    return Claim(
        id=cid,
        document=doc,
        file=file,
        quote=item["quote"],
        start=item["start"],
        end=item["end"],
        kind=item["kind"],
        routes=item.get("routes", []),
        outcomes=item.get("outcomes", []),
        settings=item.get("settings", []),
        assertion=item.get("assertion", ""),
        polarity=item.get("polarity", "positive"),
        lead_in=item.get("lead_in", ""),
        lead_start=item.get("lead_start"),
        lead_end=item.get("lead_end"),
        measure=item.get("measure"),
        topic=item.get("topic", ""),
        terms=item.get("terms", ""),
        checkable=item.get("checkable", True),
        direction=item.get("direction"),
        comparator=item.get("comparator"),
        regimen=item.get("regimen"),
        severity=item.get("severity"),
        exposure=item.get("exposure"),
        concepts=item.get("concepts", []),
        indirect_only=bool(item.get("indirect_only", False)),
        all_settings=bool(item.get("all_settings", False)),
        condition=item.get("condition"),
    )


# A claim that denies ketamine an effect is weighed on the evidence for the effect, each side turned round.
STANCE_TURNED = {"supports": "contradicts", "contradicts": "supports"}
VERDICT_TURNED = {"supported": "contradicted", "contradicted": "supported"}


def affirmed(claim: Claim) -> Claim:
    """The claim of the effect a claim denies ("did not reduce opioid use": that it reduces opioid use), which the
    records are searched and judged for; the same claim for any other."""
    if claim.proposition.direction != "no_effect":
        return claim
    return replace(
        claim,
        direction="improves",
        polarity="positive",
        assertion=claim.assertion.replace("does not improve", "improves"),
    )
