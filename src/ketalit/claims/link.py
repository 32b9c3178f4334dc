"""Link claims to evidence: retrieve relevant records, decide each record's stance, weigh them into a verdict.

Everything here is rules over the records' own words, and every stance keeps the sentence it came from:

1. **Retrieval**: BM25 over the claim's words (assertion, quote, lead-in, extra terms), plus the tags the claim
   shares with a record (a claim about a route only considers records tagged with that route).
2. **Stance**: in the record's title and result/conclusion sentences that speak to the claim's outcome, cue
   phrases (``data/stance.toml``) decide supports / contradicts / neutral, with the direction the claim needs:
   "no significant difference vs placebo" contradicts an efficacy claim; observed apnoea contradicts "no
   respiratory depression"; a measured onset of 5 minutes contradicts "20-40 minutes" (the claim is too slow).
3. **Verdict**: stances weighted by design (meta-analysis / systematic review > RCT > non-randomised / cohort >
   case series / report > narrative review; preclinical only for mechanism claims). Retracted records are shown,
   flagged, and never counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .._compat import tomllib
from ..library import Library
from ..records import Record
from ..search import SearchIndex, tokenize
from ..tagging.tagger import default_vocabulary
from .catalogue import Claim

TOP_K = 12
DESIGN_WEIGHT = {
    "meta_analysis": 4.0,
    "systematic_review": 4.0,
    "rct": 3.0,
    "non_randomized_trial": 2.0,
    "cohort": 2.0,
    "case_control": 2.0,
    "cross_sectional": 1.5,
    "case_series": 1.0,
    "case_report": 0.5,
    "narrative_review": 0.5,
    "guideline": 1.0,
    "preclinical": 0.0,
    "other": 0.5,
}
DESIGN_LABEL = {
    "meta_analysis": "meta-analysis",
    "systematic_review": "systematic review",
    "rct": "RCT",
    "non_randomized_trial": "non-randomised trial",
    "cohort": "cohort",
    "case_control": "case-control",
    "cross_sectional": "cross-sectional",
    "case_series": "case series",
    "case_report": "case report",
    "narrative_review": "narrative review",
    "guideline": "guideline",
    "preclinical": "preclinical",
    "other": "other",
}
STRONG = 3.0  # an RCT or better
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")
_TIME = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:±\s*\d+(?:\.\d+)?\s*)?(?:(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*)?"
    r"(min(?:ute)?s?|h(?:ours?|rs?)?|days?|weeks?|wk|months?|years?)\b",
    re.I,
)
_TIME_UNIT_FIRST = re.compile(r"\b(day|week|month|year)\s+(\d+(?:\.\d+)?)\b", re.I)  # "in week 12"
_UNIT_DAYS = {"min": 1 / 1440, "h": 1 / 24, "day": 1, "week": 7, "wk": 7, "month": 30, "year": 365}


@dataclass
class Cues:
    result_sections: list[str]
    positive: re.Pattern[str]
    null: re.Pattern[str]
    occurrence: re.Pattern[str]
    absence: re.Pattern[str]
    placebo: re.Pattern[str]
    active: re.Pattern[str]
    lost: re.Pattern[str]
    maintained: re.Pattern[str]
    background: re.Pattern[str]
    reduced_harm: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = tomllib.loads(resources.files("ketalit").joinpath("data/stance.toml").read_text(encoding="utf-8"))

    def rx(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.I)

    return Cues(
        data["result_sections"],
        rx("positive"),
        rx("null"),
        rx("occurrence"),
        rx("absence"),
        rx("placebo"),
        rx("active"),
        rx("lost"),
        rx("maintained"),
        rx("background"),
        rx("reduced_harm"),
    )


@dataclass
class Evidence:
    doc_id: int
    pmid: str | None
    doi: str | None
    citekey: str | None
    title: str
    year: int | None
    first_author: str
    design: str
    stance: str  # supports | contradicts | neutral
    rationale: list[str] = field(default_factory=list)
    why: str = ""
    retracted: bool = False
    relevance: float = 0.0
    measured: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "pmid": self.pmid,
            "doi": self.doi,
            "citekey": self.citekey,
            "title": self.title,
            "year": self.year,
            "first_author": self.first_author,
            "design": self.design,
            "stance": self.stance,
            "rationale": self.rationale,
            "why": self.why,
            "retracted": self.retracted,
            "relevance": round(self.relevance, 3),
            "measured": self.measured,
        }


# -- retrieval ---------------------------------------------------------------------------------------------------------


def claim_query_tokens(claim: Claim) -> list[str]:
    return tokenize(" ".join([claim.assertion, claim.text, claim.terms]))


def retrieve(index: SearchIndex, claim: Claim, k: int = TOP_K) -> list[tuple[int, float]]:
    """(index position, relevance) of the records most relevant to a claim."""
    tokens = [t for t in claim_query_tokens(claim) if t in index.vocab and t != "ketamine"]
    if not tokens:
        return []
    bm25 = np.asarray(index.retriever.get_scores(tokens), dtype=np.float64)
    if bm25.max() <= 0:
        return []
    score = bm25 / bm25.max()
    mask = bm25 > 0
    for axis, tags in (("route", claim.routes), ("setting", claim.settings)):
        if not tags:
            continue
        tag_mask = np.zeros(index.n, dtype=bool)
        for t in tags:
            tag_mask |= index.tag_mask(axis, t)
        # a claim about a route or a condition is checked against records about it (when the library has some)
        if axis == "route" or (mask & tag_mask).sum() >= 3:
            mask &= tag_mask
    for axis, tags, bonus in (
        ("outcome", claim.outcomes, 0.25),
        ("setting", claim.settings, 0.15),
        ("route", claim.routes, 0.1),
    ):
        for t in tags:
            score = score + bonus * index.tag_mask(axis, t)
    score = np.where(mask, score, -1.0)
    top = np.argsort(-score, kind="stable")[:k]
    return [(int(i), float(score[i])) for i in top if score[i] > 0.15]


# -- stance ------------------------------------------------------------------------------------------------------------


def sentences(rec: Record, results_only: bool) -> list[tuple[str, str]]:
    """(where, sentence) pairs: the title and the result/conclusion sentences (all sentences if unstructured)."""
    out = [("title", rec.get("title") or "")]
    sections = rec.get("abstract") or []
    structured = any(s.get("label") for s in sections)
    wanted = cues().result_sections
    for sec in sections:
        label = (sec.get("label") or sec.get("category") or "").upper()
        if results_only and structured and not any(w in label for w in wanted):
            continue
        for s in _SENT.split(sec.get("text") or ""):
            if s.strip():
                out.append((label or "abstract", s.strip()))
    return out


def focus_patterns(claim: Claim) -> list[re.Pattern[str]]:
    """What a sentence must speak about to bear on the claim: its outcomes' vocabulary (pain for efficacy claims
    without another outcome)."""
    vocab = default_vocabulary()
    pats: list[re.Pattern[str]] = []
    outcomes = claim.outcomes or (["pain_intensity"] if claim.kind in ("efficacy", "comparative") else [])
    for outcome in outcomes:
        for td in vocab.tags.get("outcome", []):
            if td.id == outcome:
                pats.extend(m.regex for m in td.regexes if not m.case_sensitive)
    if "pain_intensity" in outcomes or claim.kind == "duration":
        pats.append(re.compile(r"\b(?:analges\w+|pain\w*|relief)\b", re.I))
    if claim.kind == "efficacy" and "pain_intensity" in outcomes:  # results that say "efficacy", not "pain"
        pats.append(re.compile(r"\b(?:efficacy|effective\w*|benefit\w*|positive outcomes?|response rates?)\b", re.I))
    return pats


def _term_words(claim: Claim) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w-]+", claim.terms) if len(w) > 2]


def _speaks_to(sentence: str, pats: list[re.Pattern[str]], terms: list[str] | None = None) -> bool:
    low = sentence.lower()
    if terms:  # mechanism and history claims: enough of the claim's own key words
        need = min(2, len(terms))
        return sum(1 for t in set(terms) if t in low) >= need
    return any(p.search(low) for p in pats)


def _to_days(value: float, unit: str) -> float:
    u = unit.lower()
    for key, days in _UNIT_DAYS.items():
        if u.startswith(key):
            return value * days
    return value


def _times(sentence: str) -> list[float]:
    """Every time value in a sentence, in days."""
    out = []
    for m in _TIME.finditer(sentence):
        out.append(_to_days(float(m.group(2) or m.group(1)), m.group(3)))
    for m in _TIME_UNIT_FIRST.finditer(sentence):
        out.append(_to_days(float(m.group(2)), m.group(1)))
    return out


COMPARISON = re.compile(
    r"\b(?:than|compared|versus|vs\.?|faster|slower|superior|inferior|similar|comparable|"
    r"non-?inferior|equivalent|differ\w*)\b",
    re.I,
)


def stance_of(claim: Claim, rec: Record) -> tuple[str, list[str], str, float | None]:
    """(stance, rationale sentences, why, measured value) of one record on one claim."""
    c = cues()
    textbook = claim.kind in ("mechanism", "history")
    pats = focus_patterns(claim)
    terms = _term_words(claim) if (textbook or not pats) else None
    if not pats and not terms:
        return "neutral", [], "the claim names nothing to look for", None
    candidates = [
        (w, s)
        for w, s in sentences(rec, results_only=not textbook)
        if _speaks_to(s, pats, terms) and (textbook or w == "title" or not c.background.search(s))
    ]
    if not candidates:
        return "neutral", [], "does not report on this", None
    record_text = " ".join(s for _, s in sentences(rec, False))
    vs_placebo = bool(c.placebo.search(record_text))
    vs_active = bool(c.active.search(rec.get("title") or "")) and not vs_placebo
    if claim.measure:
        return _measure_stance(claim, candidates)
    negative_claim = claim.polarity == "negative"
    harm_claim = claim.kind in ("side_effect", "safety", "dependence")
    for where, s in candidates:
        if harm_claim:
            opioid_effect = re.search(
                r"opioid-induced|remifentanil|fentanyl-induced|morphine-induced|"
                r"opioid (?:tolerance|withdrawal|dependence|use disorder)",
                s,
                re.I,
            )
            if claim.kind == "dependence" and (opioid_effect or not re.search(r"ketamine", s, re.I)):
                continue  # dependence on opioids is not dependence on ketamine
            if c.absence.search(s):
                if negative_claim:
                    return "supports", [s], "reports the harm did not occur", None
                if vs_placebo and not opioid_effect:
                    return "contradicts", [s], "reports no excess of this effect over placebo", None
                continue
            if c.reduced_harm.search(s):
                if negative_claim:
                    return "supports", [s], "reports the harm less often with ketamine", None
                return "contradicts", [s], "reports this effect less often with ketamine than without", None
            if c.occurrence.search(s) and not c.null.search(s):
                if negative_claim:
                    return "contradicts", [s], "reports the harm occurring", None
                return "supports", [s], "reports this effect occurring", None
            continue
        if claim.kind == "comparative" and not COMPARISON.search(s):
            continue  # a comparative claim needs a comparison
        if textbook:
            if where == "title" or not re.search(r"ketamine|\bit\b", s, re.I):
                continue
            if negative_claim:
                return "contradicts", [s], "states what the claim denies", None
            if c.null.search(s):
                return "contradicts", [s], "reports no such effect", None
            return "supports", [s], "states this", None
        positive = c.positive.search(c.null.sub(" ", s))  # "no additional improvement" is not "improvement"
        if c.null.search(s) and positive and not c.placebo.search(s):
            continue  # an effect at one time point and none at another: look further
        if c.null.search(s):
            if claim.kind == "comparative":
                return "contradicts", [s], "no advantage over the comparator", None
            if vs_active and not c.placebo.search(s):
                return "supports", [s], "as effective as an active comparator", None
            return "contradicts", [s], "no effect found" + (" against placebo" if vs_placebo else ""), None
        if positive:
            if claim.kind == "comparative" and re.search(r"\bcomparable\b|\bsimilar\b|non-?inferior", s, re.I):
                return "contradicts", [s], "comparable, not better, than the comparator", None
            return "supports", [s], "reports the effect", None
    return "neutral", [candidates[0][1]], "mentions the topic without a result either way", None


def _measure_stance(claim: Claim, candidates: list[tuple[str, str]]) -> tuple[str, list[str], str, float | None]:
    c = cues()
    lo, hi = float(claim.measure["min"]), float(claim.measure["max"])
    quantity = claim.measure["quantity"]
    if quantity == "onset_minutes":
        best: tuple[float, str] | None = None
        pk: tuple[str, str] | None = None
        for _, s in candidates:
            if c.null.search(s) or not (
                re.search(r"onset|time to|within|after|at \d|by \d|tmax|peak", s, re.I)
                and (c.positive.search(s) or re.search(r"onset|time to|tmax|peak|lower|decreas|reduc|relie", s, re.I))
            ):
                continue
            peak = re.search(
                r"(?:peak|tmax|maximum)[^.;]{0,80}?\b(\d+(?:\.\d+)?)\s*(min(?:ute)?s?|h(?:ours?|rs?)?)\b", s, re.I
            )
            if re.search(r"plasma|concentration", s, re.I):
                if peak:
                    v = _to_days(float(peak.group(1)), peak.group(2)) * 1440
                    pk = (s, f"pharmacokinetics only: peak plasma level at {v:g} min; no onset of relief measured")
                continue  # a plasma level is not relief
            else:
                mins = [t * 1440 for t in _times(s) if t * 1440 <= 720]
            if mins and (best is None or min(mins) < best[0]):
                best = (min(mins), s)
        if best is None:
            if pk:
                return "neutral", [pk[0]], pk[1], None
            return "neutral", [candidates[0][1]], "reports no onset time", None
        v, s = best
        if v < lo * 0.8:
            return (
                "contradicts",
                [s],
                f"relief measured at {v:g} min, faster than the claimed {lo:g}-{hi:g} min: "
                "the claim understates the speed",
                v,
            )
        if v > hi * 1.2:
            return "contradicts", [s], f"onset measured at {v:g} min, slower than the claimed {lo:g}-{hi:g} min", v
        return "supports", [s], f"onset measured at {v:g} min, within the claimed {lo:g}-{hi:g} min", v
    # duration_days
    for _, s in candidates:
        days = [d for d in _times(s) if d >= 0.04]
        if not days:
            continue
        t = max(days)
        if c.lost.search(s) or c.null.search(s):
            if t < lo * 1.5:
                return (
                    "contradicts",
                    [s],
                    f"relief gone by {_fmt_days(t)}: the claimed {_fmt_days(lo)} to "
                    f"{_fmt_days(hi)} is not reached or barely",
                    t,
                )
            return "supports", [s], f"relief lasted until about {_fmt_days(t)}, within the claimed range", t
        if c.maintained.search(s) or c.positive.search(s):
            if t >= lo:
                return "supports", [s], f"relief still present at {_fmt_days(t)} (claimed {_fmt_days(lo)}+)", t
            return "neutral", [s], f"relief reported at {_fmt_days(t)}, before the claimed {_fmt_days(lo)}", t
    return "neutral", [candidates[0][1]], "reports no duration of relief", None


def _fmt_days(d: float) -> str:
    if d < 1:
        return f"{round(d * 24, 1):g} h"
    if d < 14:
        return f"{round(d, 1):g} days"
    if d < 60 or (d <= 182 and d % 7 == 0):
        return f"{round(d / 7, 1):g} weeks"
    if d < 365:
        return f"{round(d / 30, 1):g} months"
    return f"{round(d / 365, 1):g} years"


# -- verdict -----------------------------------------------------------------------------------------------------------


def design_weight(claim: Claim, design: str) -> float:
    if claim.kind in ("mechanism", "history"):
        return {"preclinical": 1.0, "narrative_review": 1.5, "guideline": 2.0}.get(design, DESIGN_WEIGHT[design])
    if claim.kind == "dosing" and design == "guideline":
        return 3.0
    return DESIGN_WEIGHT.get(design, 0.5)


def _counts(items: list[Evidence]) -> str:
    c = Counter(DESIGN_LABEL.get(e.design, e.design) for e in items)
    return ", ".join(f"{n} {d}" + ("s" if n > 1 and not d.endswith("s") else "") for d, n in c.most_common())


def cite(e: Evidence) -> str:
    return f"{e.first_author or 'Anon'} {e.year or 'n.d.'} ({DESIGN_LABEL.get(e.design, e.design)})"


def verdict(claim: Claim, evidence: list[Evidence]) -> tuple[str, str]:
    if not claim.checkable:
        return "not_checkable", "Not an empirical statement: nothing to test against the literature."
    counted = [e for e in evidence if not e.retracted]
    retracted = [e for e in evidence if e.retracted]
    note = f" {len(retracted)} retracted record(s) shown but not counted." if retracted else ""
    if not counted:
        return "no_evidence", "No evidence found in this library for this claim." + note
    sup = [e for e in counted if e.stance == "supports" and design_weight(claim, e.design) > 0]
    con = [e for e in counted if e.stance == "contradicts" and design_weight(claim, e.design) > 0]
    ws = sum(design_weight(claim, e.design) for e in sup)
    wc = sum(design_weight(claim, e.design) for e in con)
    strong = STRONG if claim.kind not in ("mechanism", "history") else 1.5
    if not sup and not con:
        speaking = [e for e in counted if e.rationale]
        if not speaking:
            return "no_evidence", (
                f"No evidence found in this library: the {len(counted)} closest records do not "
                f"speak to this claim.{note}"
            )
        return "insufficient", (
            f"{len(speaking)} related record(s) ({_counts(speaking)}) mention the topic, but "
            f"none reports a result for or against this claim.{note}"
        )
    parts = []
    if sup:
        parts.append(f"{len(sup)} support ({_counts(sup)})")
    if con:
        parts.append(f"{len(con)} contradict ({_counts(con)})")
    best = sorted(sup + con, key=lambda e: (-design_weight(claim, e.design), -e.relevance))
    strongest = "; ".join(f"{cite(e)} {e.stance}: {e.why}" for e in best[:2])
    summary = ", ".join(parts) + f". Strongest: {strongest}.{note}"
    if max(design_weight(claim, e.design) for e in sup + con) < strong:
        return "insufficient", "Only weak evidence: " + summary
    if ws >= 2 * wc:
        return "supported", summary
    if wc >= 2 * ws:
        return "contradicted", summary
    return "mixed", summary


def _first_author(rec: Record) -> str:
    authors = rec.get("authors") or []
    if not authors:
        return ""
    return authors[0].get("collective") or authors[0].get("family") or ""


def link_claim(claim: Claim, index: SearchIndex, lib: Library) -> tuple[list[Evidence], str, str]:
    evidence = []
    if claim.checkable:
        for pos, rel in retrieve(index, claim):
            doc_id = int(index.ids[pos])
            rec = lib.record(doc_id)
            stance, rationale, why, measured = stance_of(claim, rec)
            design = (rec.get("tags") or {}).get("design", ["other"])
            evidence.append(
                Evidence(
                    doc_id=doc_id,
                    pmid=rec.get("pmid"),
                    doi=rec.get("doi"),
                    citekey=rec.get("citekey"),
                    title=rec.get("title") or "",
                    year=rec.get("year"),
                    first_author=_first_author(rec),
                    design=(design or ["other"])[0],
                    stance=stance,
                    rationale=rationale,
                    why=why,
                    retracted=bool(rec.get("retracted")),
                    relevance=rel,
                    measured=measured,
                )
            )
    v, explanation = verdict(claim, evidence)
    return evidence, v, explanation


# -- contradictions between documents ----------------------------------------------------------------------------------


def contradictions(claims: list[Claim]) -> list[dict[str, Any]]:
    """Pairs of claims from different documents that cannot both be true."""
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.document == b.document:
                continue
            if a.topic and a.topic == b.topic and a.polarity != b.polarity:
                out.append(
                    {
                        "claims": [a.id, b.id],
                        "topic": a.topic,
                        "reason": f"{a.id} says {a.assertion!r}; {b.id} says {b.assertion!r}",
                    }
                )
            elif (
                a.measure
                and b.measure
                and a.measure["quantity"] == b.measure["quantity"]
                and (not a.routes or not b.routes or set(a.routes) & set(b.routes))
                and a.topic
                and a.topic == b.topic
                and (a.measure["max"] < b.measure["min"] or b.measure["max"] < a.measure["min"])
            ):
                unit = "min" if a.measure["quantity"] == "onset_minutes" else "days"
                out.append(
                    {
                        "claims": [a.id, b.id],
                        "topic": a.topic,
                        "reason": f"{a.id} claims {a.measure['min']}-{a.measure['max']} {unit}, "
                        f"{b.id} claims {b.measure['min']}-{b.measure['max']} {unit}",
                    }
                )
    return out
