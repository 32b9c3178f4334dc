"""Normalise an extracted claim into the proposition the evidence engine checks, from the claim's own words.

For each claim: its kind (efficacy, onset, duration, safety, side_effect, mechanism, dependence, comparative,
dosing, history), routes, regimen (single | infusion | repeated), population (setting ids), outcomes (outcome ids),
direction (the engine's: improves, causes, does_not_cause, less_harm, better, faster, slower, onset, lasts, fades,
transient, states), polarity, comparator, severity (any | serious), exposure (therapeutic | supervised), a
quantity with both ends (onset in minutes or duration in days: "within 20-40 minutes", "weeks or months"), the
words to search for, and a one-line assertion. Every field keeps the rule (and words) that set it, in ``reasons``.

Routes, outcomes and populations come from the tagging vocabulary (the claim read as a title), then from the page:
a claim that names no route takes the page's (an infusion page's claims are about intravenous ketamine), and an
effect claim that names no population takes the page's condition. The cue words are in ``data/claim_text.toml``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from ..records import new_record
from ..tagging.tagger import default_tagger, default_vocabulary
from .extract import Candidate, rules

EFFECT_KINDS = ("efficacy", "onset", "duration", "comparative", "dosing")
HARM_KINDS = ("safety", "side_effect", "dependence")
_STOP = set(
    "a an and are as at be been by can could do does for from has have how in into is it its may might more most "
    "of on or our over than that the their them these they this those through to was were what when which while "
    "who will with within without you your ketamine also some many often other such very well just only not no "
    "being being because after before during even each there here then so".split()
)


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    n = rules()["normalise"]

    def rx(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)

    out: dict[str, Any] = {k: rx(v) for k, v in n.items() if isinstance(v, list)}
    out["regimen"] = [(k, rx(v)) for k, v in n["regimen"].items()]
    out["routes"] = [(k, rx(v)) for k, v in n["routes"].items()]
    out["outcome_words"] = [(k, rx(v)) for k, v in n["outcome_words"].items()]
    out["comparator"] = [(k, rx(v)) for k, v in n["comparator"].items()]
    out["onset_words"] = sorted(n["onset_words"].items(), key=lambda kv: -len(kv[0]))
    out["duration_words"] = sorted(n["duration_words"].items(), key=lambda kv: -len(kv[0]))
    return out


@dataclass
class Quantity:
    name: str  # onset_minutes | duration_days
    low: float
    high: float


@dataclass
class Normalised:
    """A claim's proposition, with the reason for every field."""

    kind: str
    routes: list[str]
    regimen: str | None
    population: list[str]
    outcomes: list[str]
    direction: str
    polarity: str
    comparator: str | None
    severity: str | None
    exposure: str | None
    quantity: Quantity | None
    terms: str
    assertion: str
    checkable: bool = True
    indirect_only: bool = False  # no study in a pain library measures what the claim names
    reasons: dict[str, str] = field(default_factory=dict)

    def catalogue_fields(self) -> dict[str, Any]:
        """The claim's fields as the catalogue (claims.toml) stores them."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "routes": self.routes,
            "outcomes": self.outcomes,
            "settings": self.population,
            "assertion": self.assertion,
            "polarity": self.polarity,
            "direction": self.direction,
            "terms": self.terms,
        }
        for key in ("regimen", "comparator", "severity", "exposure"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.quantity:
            out["measure"] = {"quantity": self.quantity.name, "min": self.quantity.low, "max": self.quantity.high}
        if not self.checkable:
            out["checkable"] = False
        if self.indirect_only:
            out["indirect_only"] = True
        return out

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["quantity"] = asdict(self.quantity) if self.quantity else None
        return d


@dataclass
class PageContext:
    """What a page is about, for claims that do not say it themselves."""

    routes: list[str] = field(default_factory=list)
    population: list[str] = field(default_factory=list)


def _tags(text: str) -> dict[str, list[str]]:
    return default_tagger().tag(new_record(title=text)).tags


_COMPARATOR_LEAD = re.compile(
    r"\b(?:than|unlike|compared (?:to|with)|versus|vs\.?|instead of|from)\s+(?:\w+\s+)?$", re.I
)


def routes_named(text: str) -> tuple[list[str], list[str]]:
    """The routes a text gives ketamine by (not those after "than", "unlike", "compared with": the comparator's),
    with the words that named them."""
    routes: list[str] = []
    words: list[str] = []
    for name, rx in _cues()["routes"]:
        for m in rx.finditer(text):
            word = m.group(0)
            if _COMPARATOR_LEAD.search(text[: m.start()]):
                continue
            if name not in routes:
                routes.append(name)
                words.append(repr(word))
            break
    return routes, words


def page_context(text: str) -> PageContext:
    """The route a page is about (the one it names most often for ketamine) and its condition (from its title)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = " ".join(lines[:2]) if lines else ""
    vocab = default_vocabulary()
    counts: dict[str, int] = {}
    for td in vocab.tags["route"]:
        n = sum(len(rx.regex.findall(text)) for rx in td.regexes)
        if n:
            counts[td.id] = n
    routes = [max(counts, key=lambda k: counts[k])] if counts and max(counts.values()) >= 2 else []
    population = [s for s in _tags(title).get("setting", []) if s not in ("trauma", "postoperative")]
    return PageContext(routes=routes, population=population)


def _first(rx: re.Pattern[str], text: str) -> str | None:
    m = rx.search(text)
    return m.group(0) if m else None


def guess_kind(text: str, quote: str | None = None) -> tuple[str, str]:
    """(kind, reason). ``text`` is the claim with its lead-in; ``quote`` the claim's own words."""
    c = _cues()
    own = quote or text
    w = _first(c["contraindication"], text)
    if w:
        return "safety", f"contraindication: {w!r}"
    w = _first(c["history"], own)
    if w and not _first(c["history_unless"], own):
        return "history", f"history: {w!r}"
    w = _first(c["onset_time"], own)
    if (
        w
        and re.search(r"\d|minutes|hours|seconds|days|surprisingly|after|day of", own, re.I)
        and not _first(c["dosing"], own)
    ):
        return "onset", f"onset: {w!r}"
    w = _first(c["dependence"], text)
    if w:
        return "dependence", f"dependence: {w!r}"
    w = _first(c["safe"], own)
    if w:
        return "safety", f"safety: {w!r}"
    for kind, where in (("duration", own), ("dosing", text)):
        w = _first(c[kind], where)
        if w:
            return kind, f"{kind}: {w!r}"
    w = _first(c["safety"], own)
    if w and not re.search(r"\bside effects? include\b", own, re.I):
        return "safety", f"safety: {w!r}"
    w = _first(c["mechanism_strong"], own)
    if w and not re.search(r"\bside effects?\b|\badverse\b", text, re.I):
        return "mechanism", f"mechanism: {w!r}"
    w = _first(c["side_effect"], text)
    if w:
        if _first(c["comparative"], own):
            return "comparative", f"comparative: {_first(c['comparative'], own)!r}"
        return "side_effect", f"side effect: {w!r}"
    w = _first(c["onset_time"], own)
    if w:
        return "onset", f"onset: {w!r}"
    w = _first(c["comparative"], own)
    if w:
        return "comparative", f"comparative: {w!r}"
    w = _first(c["mechanism_weak"], own)
    if w and not _first(c["clinical_outcome"], own):
        return "mechanism", f"mechanism: {w!r}"
    return "efficacy", "an effect on a condition or symptom (no more specific cue)"


def _number(s: str) -> float:
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "several": 3, "a few": 2}
    return float(words.get(s.lower(), s)) if s.lower() in words else float(s)


_UNIT = {"second": 1 / 60, "minute": 1.0, "min": 1.0, "hour": 60.0, "hr": 60.0, "day": 1440.0, "week": 10080.0}
_UNIT_DAYS = {"hour": 1 / 24, "hr": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}
_RANGE = re.compile(
    r"(\d+(?:\.\d+)?|one|two|three|four|five|six|ten)\s*(?:(?:-|–|to|or)\s*(\d+(?:\.\d+)?)\s*)?"
    r"(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b",
    re.I,
)
_TO_HOUR = re.compile(r"(\d+)\s*(minutes?|mins?)\s*to\s*(?:an?|one|(\d+))\s*(hours?)", re.I)


def _unit_key(unit: str, table: dict[str, float]) -> float | None:
    u = unit.lower()
    for key, value in table.items():
        if u.startswith(key):
            return value
    return None


def _spans(text: str, units: dict[str, float]) -> tuple[float, float, str] | None:
    """Every time a text states (in the table's unit), as one range from the lowest to the highest end: "relief for
    one month, or it may last up to 11 months" is 30-330 days."""
    lows, highs, words = [], [], []
    for m in _RANGE.finditer(text):
        factor = _unit_key(m.group(3), units)
        if factor is None:
            continue
        lo = _number(m.group(1)) * factor
        lows.append(lo)
        highs.append(float(m.group(2)) * factor if m.group(2) else lo)
        words.append(repr(m.group(0)))
    return (min(lows), max(highs), ", ".join(words)) if lows else None


def quantity(text: str, kind: str) -> tuple[Quantity | None, str]:
    """The time a claim states: onset in minutes or duration in days, both ends; vague words by the table."""
    c = _cues()
    low_text = text.lower()
    if kind == "onset":
        m = _TO_HOUR.search(text)
        if m:
            hi = 60.0 * float(m.group(3) or 1)
            return Quantity("onset_minutes", float(m.group(1)), hi), f"stated: {m.group(0)!r}"
        if re.search(r"minutes to an hour", low_text):
            return Quantity("onset_minutes", 1, 60), "stated: 'minutes to an hour'"
        found = _spans(text, _UNIT)
        if found:
            return Quantity("onset_minutes", found[0], found[1]), f"stated: {found[2]}"
        for words, (lo, hi) in c["onset_words"]:
            if re.search(rf"\b{re.escape(words)}\b", low_text):
                return Quantity("onset_minutes", float(lo), float(hi)), f"vague time {words!r} read as {lo}-{hi} min"
        return None, ""
    if kind == "duration":
        found = _spans(text, _UNIT_DAYS)
        if found:
            return Quantity("duration_days", found[0], found[1]), f"stated: {found[2]}"
        for words, (lo, hi) in c["duration_words"]:
            if re.search(rf"\b{re.escape(words)}\b", low_text):
                return Quantity("duration_days", float(lo), float(hi)), f"vague time {words!r} read as {lo}-{hi} days"
    return None, ""


def _outcomes(kind: str, tagged: list[str], text: str) -> list[str]:
    """The outcomes a claim is about: the vocabulary's, the words pages use for them, then what the kind implies."""
    c = _cues()
    out = list(tagged)
    for name, rx in c["outcome_words"]:
        if rx.search(text) and name not in out:
            out.append(name)
    psychiatric = bool(c["psychiatric"].search(text))
    pain = re.search(
        r"\bpain|relie|analges|headache|migraine|allodynia|crps|neuropath|fibromyalgia|arthritis", text, re.I
    )
    if kind == "efficacy" and (pain or not (out or psychiatric)) and "pain_intensity" not in out:
        out.insert(0, "pain_intensity")
    implied = {"onset": "onset", "duration": "duration_of_relief", "dependence": "abuse_dependence"}
    if kind in implied and implied[kind] not in out:
        out.insert(0, implied[kind])
    if (
        kind == "side_effect"
        and "adverse_events" not in out
        and (not out or re.search(r"side effects?|these effects", text, re.I))
    ):
        out.append("adverse_events")
    if kind == "safety" and not out:
        out.append("adverse_events")
    if kind == "dosing" and not out and re.search(r"relie|pain|results|effective|help", text, re.I):
        out.append("pain_intensity")
    return list(dict.fromkeys(out))


def _assertion(n: Normalised) -> str:
    vocab = default_vocabulary()
    subject = "ketamine"
    if n.routes:
        subject = f"{'/'.join(n.routes)} ketamine"
    if n.regimen:
        subject += f" ({n.regimen})"
    outcome = ", ".join(vocab.label("outcome", o).split(" (")[0].split(" /")[0].lower() for o in n.outcomes) or ""
    who = f" in {', '.join(vocab.label('setting', s).lower() for s in n.population)}" if n.population else ""
    verb = {
        "improves": "improves",
        "causes": "causes",
        "does_not_cause": "does not cause",
        "less_harm": "causes less",
        "better": "is better on",
        "faster": "acts faster on",
        "slower": "acts slower on",
        "onset": "brings",
        "lasts": "gives lasting",
        "fades": "gives only temporary",
        "transient": "causes short-lived",
        "states": "is described by:",
    }.get(n.direction, n.direction)
    if n.direction == "states":
        return f"{subject}: {n.terms}".strip()
    text = f"{subject} {verb} {outcome}{who}".strip()
    if n.comparator:
        text += f" than {n.comparator}"
    if n.quantity:
        unit = "min" if n.quantity.name == "onset_minutes" else "days"
        text += f" ({n.quantity.low:g}-{n.quantity.high:g} {unit})"
    return text


def _terms(text: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)
    seen = dict.fromkeys(w.lower() for w in words if w.lower() not in _STOP)
    return " ".join(list(seen)[:12])


def normalise(candidate: Candidate, page_text: str = "", context: PageContext | None = None) -> Normalised:
    """The proposition of one extracted claim (see the module's docstring)."""
    c = _cues()
    context = context or (page_context(page_text) if page_text else PageContext())
    text = candidate.text
    own = candidate.quote
    reasons: dict[str, str] = {}
    kind, reasons["kind"] = guess_kind(text, own)
    tags = _tags(text)
    routes, words = routes_named(text)
    if routes:
        reasons["routes"] = f"named in the claim: {', '.join(words)}"
    elif candidate.heading and routes_named(candidate.heading)[0]:
        routes = routes_named(candidate.heading)[0]
        reasons["routes"] = f"named in the heading {candidate.heading!r}"
    elif kind not in ("mechanism", "history") and context.routes:
        routes = list(context.routes)
        reasons["routes"] = "the route the page is about"
    population = [s for s in tags.get("setting", [])]
    if population:
        reasons["population"] = "named in the claim"
    elif kind in EFFECT_KINDS and context.population and not _cues()["psychiatric"].search(text):
        population = list(context.population)
        reasons["population"] = "the condition the page is about"
    outcomes = _outcomes(kind, tags.get("outcome", []), text)
    regimen = None
    for name, rx in c["regimen"]:
        w = _first(rx, text)
        if w:
            regimen, reasons["regimen"] = name, f"{w!r}"
            break
    comparator = None
    for name, rx in c["comparator"]:
        w = _first(rx, own)
        if w and (kind in ("comparative", "dependence", "safety", "mechanism", "onset") or "than" in w.lower()):
            comparator, reasons["comparator"] = name, f"{w!r}"
            break
    negated = _first(c["negation"], own)
    polarity = "negative" if negated and kind in HARM_KINDS + ("mechanism", "dosing") else "positive"
    if negated and polarity == "negative":
        reasons["polarity"] = f"negation {negated!r}"
    q, why = quantity(own if kind != "onset" or re.search(r"\d|minutes|hours|days", own, re.I) else text, kind)
    if q is None and kind == "onset":
        q, why = quantity(text, kind)
    if q:
        reasons["quantity"] = why
    direction = _direction(kind, own, polarity, comparator, q, reasons)
    if direction in ("better", "faster", "slower", "less_harm") and not comparator:
        direction = {"less_harm": "does_not_cause", "better": "improves"}.get(direction, "onset")
    severity = None
    if kind in HARM_KINDS:
        w = _first(c["serious"], own)
        severity = "serious" if w else "any"
        reasons["severity"] = f"{w!r}" if w else "no word of seriousness"
    exposure = None
    for name in ("therapeutic", "supervised"):
        w = _first(c[name], text)
        if w:
            exposure, reasons["exposure"] = name, f"{w!r}"
            break
    n = Normalised(
        kind=kind,
        routes=routes,
        regimen=regimen,
        population=population,
        outcomes=outcomes,
        direction=direction,
        polarity=polarity,
        comparator=comparator,
        severity=severity,
        exposure=exposure,
        quantity=q,
        terms=_terms(own),
        assertion="",
        reasons=reasons,
    )
    w = _first(c["psychiatric"], text)
    if w and kind == "efficacy" and "pain_intensity" not in outcomes:
        n.indirect_only = True
        reasons["indirect_only"] = (
            f"a condition other than pain ({w!r}): a pain library can only hold indirect evidence"
        )
    n.assertion = _assertion(n)
    return n


def _direction(
    kind: str, text: str, polarity: str, comparator: str | None, q: Quantity | None, reasons: dict[str, str]
) -> str:
    c = _cues()
    if kind in ("history", "dosing") or (kind == "mechanism" and polarity == "negative"):
        reasons["direction"] = "a textbook statement"
        return "states"
    if kind == "mechanism":
        reasons["direction"] = "a mechanism statement"
        return "states"
    if kind in HARM_KINDS:
        w = _first(c["less_harm"], text)
        if w and comparator:
            reasons["direction"] = f"less harm than the comparator: {w!r}"
            return "less_harm"
        w = _first(c["transient"], text)
        if w:
            reasons["direction"] = f"short-lived: {w!r}"
            return "transient"
        w = _first(c["harm_absent"], text)
        if polarity == "negative" or w:
            reasons["direction"] = f"the harm is absent or rare: {w or reasons.get('polarity', '')!r}"
            return "does_not_cause"
        reasons["direction"] = "the harm occurs"
        return "causes"
    if kind == "onset":
        if comparator and re.search(r"\bfaster\b|\bquicker\b", text, re.I):
            return "faster"
        return "onset"
    if kind == "duration":
        w = _first(c["fades"], text)
        if w:
            reasons["direction"] = f"relief is temporary: {w!r}"
            return "fades"
        return "lasts"
    if kind == "comparative":
        if re.search(r"\bslower\b", text, re.I):
            return "slower"
        if re.search(r"\bfaster\b|\bquick", text, re.I):
            return "faster"
        if re.search(r"fewer side effects|less (?:risk|harm)", text, re.I):
            return "less_harm"
        return "better"
    return "improves"
