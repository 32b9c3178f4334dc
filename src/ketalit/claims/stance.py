"""A record's stance on a claim, from all of the record's findings (``findings.py``), not its first sentence.

Each finding on the claim's outcome votes, by one rule per claim direction (``VOTERS``): a lower pain score with
ketamine than with placebo supports "ketamine relieves pain"; no difference from placebo contradicts it; no
difference from morphine supports it only as "as effective as an active drug". A finding must be about ketamine
(the arm the sentence names, or the study's ketamine arm when it names none); a finding about the comparator arm
is read from ketamine's side ("nausea was higher in the morphine group" is less nausea with ketamine). Votes from
conclusions weigh more than from results, hedged or cut sentences less. The record supports, contradicts, is
mixed, or is neutral; it is indirect when its population, regimen, exposure or study focus is not the claim's.
The rationale is the 1-3 result or conclusion sentences of the deciding findings, never a title or methods.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from ..kept import Kept
from ..records import Record, record_text
from ..tagging.tagger import default_vocabulary, lower_same_length
from .catalogue import Claim, Proposition
from .findings import Finding, Reading, lexicon
from .negation import Context
from .text import DOSE_UNIT, GIVEN_UNIT, expand, fmt_days
from .text import NUMBER_WORDS as NUMBERS_IN_WORDS
from .verdict import (
    ACTIVE,
    GIVEN,
    absolute_denial,
    asserted_direction,
    claim_condition,
    condition_outcomes,
    effect_of_mechanism,
    how_given,
    mechanism_place,
    names_another,
)
from .weighing import (
    JOINED,
    Condition,
    NamedHarm,
    TextbookPart,
    action_parts,
    claim_names,
    claim_relation,
    effect_on_patients,
    general_words,
    harm_synonyms,
    harms_named,
    joined_subject_rest,
    joined_to_part,
    named_harms,
    names_missing,
    part_names,
    part_relation,
    pattern,
    read_by_parts,
    rest_named,
    rest_needed,
    serious_harm,
    textbook_parts,
    textbook_rest,
    unparted_words,
    weighing,
)

SUPPORTS, CONTRADICTS, MIXED, NEUTRAL = "supports", "contradicts", "mixed", "neutral"
ROLE_WEIGHT = {"conclusions": 1.5, "results": 1.0}
OPIOIDS = re.compile(
    r"opioid|opiate|morphine|fentanyl|sufentanil|remifentanil|hydromorphone|oxycodone|tramadol|pethidine|"
    r"meperidine|methadone|buprenorphine|nalbuphine|piritramide",
    re.I,
)
_SIMILAR = re.compile(r"\b(?:similar|comparable|equivalent)\b", re.I)
TEXTBOOK_ROLES = ("background", "results", "conclusions")
REVIEW_DESIGNS = ("meta_analysis", "systematic_review", "narrative_review", "guideline")
# Outcomes an active comparator (morphine, ketorolac, memantine) is given for: being as good as it shows relief.
ANALGESIC_OUTCOMES = ("pain_intensity", "onset", "duration_of_relief")


@dataclass
class Vote:
    finding: Finding | None
    sentence: int
    side: int  # +1 supports, -1 contradicts, 0 neither
    weight: float
    reason: str
    measured: float | None = None  # a time in days (onset, duration)
    vs: str = ""  # what ketamine was compared with: placebo, active:<drug>, baseline, none ("" not known)


@dataclass
class Stance:
    stance: str
    why: str
    rationale: list[int] = field(default_factory=list)  # sentence indices
    votes: list[Vote] = field(default_factory=list)  # the deciding votes
    indirect: list[str] = field(default_factory=list)  # why the record is not squarely about the claim
    measured: float | None = None
    related: int = 0  # findings or statements on the claim's outcome, whatever they say
    # whether the deciding findings compare ketamine with a control (placebo or another treatment); False when
    # they only compare patients with themselves before treatment, or state a result with no comparison
    controlled: bool | None = None


# -- reading one finding from ketamine's side --------------------------------------------------------------------------


@dataclass
class Effect:
    """A finding as ketamine's effect: direction on the outcome, against what, how sure."""

    direction: str  # lower, higher, better, worse, same, occurred, absent
    vs: str  # placebo, baseline, active:<drug>, none
    significant: bool | None
    finding: Finding


def _vs_class(vs: str | None, reading: Reading, role: str) -> str:
    if vs is None:
        study = reading.study
        if study.placebo:
            return "placebo"
        others = [d for d in study.comparators if d not in study.add_on]
        if others:
            return f"{ACTIVE}{others[0]}"
        return "placebo" if study.add_on else "none"
    if vs in ("placebo", "baseline") or vs in reading.study.placebo_drugs:
        return "placebo" if vs != "baseline" else vs
    if vs in reading.study.add_on:
        return "placebo"  # ketamine added to the drug, compared with the drug alone
    return f"{ACTIVE}{vs}"


_FLIP = {"lower": "higher", "higher": "lower", "better": "worse", "worse": "better"}


def effect_of(f: Finding, reading: Reading) -> Effect | None:
    """The finding as ketamine's effect, or None when it is about another drug only."""
    role = reading.sentences[f.s].role
    if f.direction is None:
        return None
    between_ketamine_arms = (f.arm == "ketamine" and f.vs == "ketamine") or (
        f.arm in ("ketamine", None) and reading.study.in_all_arms and f.vs in (None, "ketamine", "baseline")
    )
    if between_ketamine_arms:
        # every arm got ketamine: a difference between arms is not ketamine's effect, but a harm seen in one of
        # them did happen with ketamine
        if f.outcome in lexicon().harms and f.direction in ("higher", "lower", "worse", "occurred"):
            return Effect("occurred", "none", f.significant, f)
        change = re.match(r"(lower|better) cue negated", f.rule)
        if change and f.vs == "baseline" and _SIMILAR.search(f.cue) and f.outcome not in lexicon().harms:
            # "the decrease from baseline was similar across groups", every group on ketamine: each decreased
            return Effect(change.group(1), "baseline", None, f)
        return None
    if f.arm == "ketamine" or (f.arm is None and reading.study.ketamine and f.vs != "ketamine"):
        direction = f.direction
        if f.outcome in lexicon().harms and lexicon().falls_are_harm.search(f.words):
            direction = _FLIP.get(direction, direction)  # "oxygen saturation decreased": more respiratory harm
        if direction in ("lower", "better") and f.significant is False:
            direction = "same"  # "lower but not significantly" is no difference
        return Effect(direction, _vs_class(f.vs, reading, role), f.significant, f)
    if f.vs == "ketamine" and f.arm in reading.study.placebo_drugs:
        return Effect(_FLIP.get(f.direction, f.direction), "placebo", f.significant, f)
    if f.vs == "ketamine" and f.arm not in (None, "placebo", "baseline"):
        direction = _FLIP.get(f.direction, f.direction)
        if f.direction in ("occurred", "absent"):
            return None  # "nausea occurred in the morphine group": says nothing of ketamine
        return Effect(direction, f"{ACTIVE}{f.arm}", f.significant, f)
    if f.arm == "placebo" and f.vs == "ketamine":
        return Effect(_FLIP.get(f.direction, f.direction), "placebo", f.significant, f)
    return None


def _better_for(outcome: str, direction: str, words: str = "") -> bool | None:
    """Whether a direction is good for this outcome (True), bad (False) or no change (None). Relief is the
    opposite of pain: "more pain relief" is good."""
    lex = lexicon()
    if direction == "better":
        return True
    if direction == "worse":
        return False
    if direction in ("lower", "higher"):
        relief = outcome == "pain_intensity" and bool(words and lex.relief_words.search(words))
        up = outcome in lex.higher_is_better or relief
        return (direction == "higher") == up
    return None


# -- which findings speak to the claim ---------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _related_settings(population: tuple[str, ...]) -> frozenset[str]:
    """The claim's populations, those under them and those they belong to."""
    vocab = default_vocabulary()
    wanted = set().union(*(vocab.descendants("setting", s) for s in population))
    broader = {t.id for t in vocab.tags["setting"] if wanted & vocab.descendants("setting", t.id)}
    return frozenset(wanted | broader)


def _population_ok(prop: Proposition, f: Finding) -> bool:
    """A sentence that names its population must name the claim's (or one under it, or one it belongs to)."""
    if not prop.population or not f.population:
        return True
    named = set(f.population) - {"pediatric", "trauma", "emergency_department", "prehospital"} or set(f.population)
    return bool(named & _related_settings(prop.population))


# Relief read at a time point tells onset and duration: these claims read pain findings too.
TIME_OUTCOMES = ("pain_intensity", "onset", "duration_of_relief")


def concept_match(prop: Proposition, text: str, title: str = "") -> str | None:
    """Whether a sentence (or, for a condition, the record's title) names what the claim names: "direct", or
    "indirect" when only a word marked ~ in the catalogue matches (vital signs for heart rate); None if not."""
    if not prop.concepts:
        return "direct"
    low, tlow = text.lower(), title.lower()
    kinds = []
    for group in prop.concepts:
        direct = tuple(w for w in group if not w.startswith("~"))
        near = tuple(w[1:] for w in group if w.startswith("~"))
        if direct and (_group_rx(tuple(direct)).search(low) or _group_rx(tuple(direct)).search(tlow)):
            kinds.append("direct")
        elif near and (_group_rx(tuple(near)).search(low) or _group_rx(tuple(near)).search(tlow)):
            kinds.append("indirect")
        else:
            return None
    return "indirect" if "indirect" in kinds else "direct"


@lru_cache(maxsize=8192)
def _routes_named(text: str) -> frozenset[str]:
    low = lower_same_length(text)
    return frozenset(
        td.id for td in default_vocabulary().tags["route"] if any(rx.search(text, low) for rx in td.regexes)
    )


def _routes_implied(text: str) -> frozenset[str]:
    """The routes a text names, or those an "injection" can be when it names none."""
    named = _routes_named(text)
    if not named and lexicon().parenteral.search(text):
        return lexicon().parenteral_routes
    return named


def record_routes(rec: Record) -> tuple[frozenset[str], bool]:
    """The routes ketamine was given by in a record (its route tags, else what its words imply) and whether that
    is only implied ("injection")."""
    tagged = frozenset((rec.get("tags") or {}).get("route") or [])
    if tagged:
        return tagged, False
    text = " ".join([rec.get("title") or ""] + [sec.get("text") or "" for sec in rec.get("abstract") or []])
    return _routes_implied(text), True


def _route_ok(prop: Proposition, text: str, title: str, routes: frozenset[str] = frozenset()) -> bool:
    """For a claim about one route (how fast IM ketamine acts), a finding must be about that route: the sentence
    names it, or else the record gives ketamine by it (its route tags, which leave out a comparator's route, or
    an injection for an injected route). A record that says nothing of the route says nothing of its speed."""
    named = _routes_implied(text)
    if named:
        return bool(named & set(prop.routes))
    return bool(routes & set(prop.routes))


def on_claim_outcome(prop: Proposition, f: Finding, kind: str = "") -> bool:
    """Whether a finding is on the claim's outcome: one of its outcomes, a time to onset or duration of relief for a
    claim about time, or pain for a claim about persistent postsurgical pain."""
    timed = (
        prop.direction in ("onset", "lasts", "faster", "slower")
        or "onset" in prop.outcomes
        or kind in ("onset", "duration")
    )
    if f.outcome in prop.outcomes or (timed and f.outcome in TIME_OUTCOMES):
        return True
    return f.outcome == "pain_intensity" and "persistent_postsurgical_pain" in prop.outcomes


def _relevant(
    prop: Proposition, f: Finding, text: str, kind: str = "", title: str = "", routes: frozenset[str] = frozenset()
) -> bool:
    if kind != "mechanism" and not _population_ok(prop, f):
        return False
    if kind == "onset" and prop.routes and not _route_ok(prop, text, title, routes):
        return False
    if prop.general_safety and f.outcome in weighing()["harm"]["serious_outcomes"]:
        return True  # a serious harm speaks to a claim that ketamine is safe, whatever words it uses
    if not on_claim_outcome(prop, f, kind):
        return False
    if prop.concepts and kind != "mechanism":  # the sentence must name what the claim names ("heart rate")
        return concept_match(prop, text, title) is not None
    if prop.terms and set(prop.outcomes) <= {"adverse_events"}:
        low = text.lower()
        # a term, or a word of the same harm ([harm] synonyms: "dizziness" for "light-headedness")
        return any(t in low for t in prop.terms) or any(g.search(text) for g in _term_synonyms(prop.terms))
    return True


@lru_cache(maxsize=1024)
def _term_synonyms(terms: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The [harm] synonyms groups a claim's terms name: a sentence that names any word of one names the term."""
    return tuple(g for g in harm_synonyms() if any(g.search(t) for t in terms))


# -- one voter per claim direction -------------------------------------------------------------------------------------


def _vote_improves(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    good = _better_for(e.finding.outcome, e.direction, e.finding.words)
    what = f"{e.finding.outcome.replace('_', ' ')} {e.direction}"
    if e.direction == "same":
        if e.vs == "placebo":
            return -1, 1.0, f"{what}: no difference from placebo"
        if e.vs == "baseline":
            return -1, 0.5, f"{what}: no change from baseline"
        if e.vs.startswith(ACTIVE):
            if e.finding.outcome not in ANALGESIC_OUTCOMES:
                # the comparator is an analgesic: matching it shows relief, not an effect on anything else
                return 0, 0.0, f"{what}: no different from {_other_drug(e.vs)} (not a treatment for it)"
            return 1, 0.5, f"{what}: as effective as {_other_drug(e.vs)} (no placebo)"
        return -1, 0.5, f"{what}: no effect"
    if good is True and e.finding.rule.startswith("significant difference"):
        return 1, 0.7, f"{e.finding.outcome.replace('_', ' ')}: significant difference ({e.finding.cue})"
    if good is True:
        if e.vs == "baseline" or e.vs == "none":
            return 1, 0.6, f"{what} than before treatment (no control group)"
        if e.vs.startswith(ACTIVE):
            return 1, 1.0, f"{what} with ketamine than with {_other_drug(e.vs)}"
        return 1, 1.0, f"{what} with ketamine than with placebo"
    if good is False:
        if e.vs.startswith(ACTIVE):
            return -1, 0.5, f"{what}: {_other_drug(e.vs)} did better than ketamine (an active comparison)"
        if e.finding.outcome == "abuse_dependence" and e.vs != "placebo":
            # a claim that ketamine treats a dependence ("curbing cravings"): misuse of ketamine itself, or dependence
            # on it, with no control group, is the drug's own harm, not the dependence the claim says it treats
            return 0, 0.0, f"{what}: misuse of or dependence on ketamine itself, not a dependence it treats"
        return -1, 1.0, f"{what}: worse with ketamine"
    return 0, 0.0, ""


def _vote_causes(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    f = e.finding
    name = f.outcome.replace("_", " ")
    if e.direction in ("occurred", "higher", "worse"):
        if f.hedge and e.direction == "occurred":
            return 0, 0.0, ""
        if e.direction == "occurred":
            return 1, 1.0, f"{name} occurred with ketamine" + (f" ({f.cue})" if f.cue else "")
        return 1, 1.0, f"{name} more frequent with ketamine than with {_vs_words(e.vs)}"
    if e.direction == "absent":
        return -1, 0.7, f"{name} did not occur ({f.negation or f.cue})"
    if e.direction == "same":
        if e.vs == "placebo":
            return -1, 0.4, f"{name} no more frequent than with placebo"
        return 0, 0.0, ""
    if e.direction in ("lower", "better"):
        # rarer with ketamine than without (often because it spares opioids) does not refute that it can cause it
        return 0, 0.0, f"{name} less frequent with ketamine than with {_vs_words(e.vs)}: not evidence it never occurs"
    return 0, 0.0, ""


def _serious(f: Finding) -> bool:
    return serious_harm(f.serious, f.outcome)


def _vote_does_not_cause(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    f = e.finding
    name = f.outcome.replace("_", " ")
    if e.direction == "absent":
        return 1, 1.0, f"{name} did not occur ({f.negation or f.cue})"
    if e.direction == "same":
        if e.vs in ("placebo", "none") or e.vs.startswith(ACTIVE):
            return 1, 0.7, f"{name} no more frequent than with {_vs_words(e.vs)}"
        return 0, 0.0, ""
    if e.direction in ("lower", "better"):
        return 1, 0.8, f"{name} less frequent with ketamine than with {_vs_words(e.vs)}"
    if e.direction in ("occurred", "higher", "worse"):
        if f.hedge:
            return 0, 0.0, ""
        if prop.severity == "serious" and not _serious(f):
            return 0, 0.0, f"non-serious {name} occurred (the claim is about serious harms)"
        weight = 1.0 if _serious(f) or prop.outcomes != ("adverse_events",) else 0.6
        verb = "occurred" if e.direction == "occurred" else f"more frequent than with {_vs_words(e.vs)}"
        return -1, weight, f"{'serious ' if _serious(f) else ''}{name} {verb} with ketamine"
    return 0, 0.0, ""


def _head_to_head(prop: Proposition, e: Effect) -> bool:
    """Whether the finding compares ketamine with the claim's comparator."""
    comp = (prop.comparator or "").lower()
    if not e.vs.startswith(ACTIVE):
        return False
    other = _other_drug(e.vs)
    if other.startswith(OTHER_ROUTE):
        return _route_comparison(prop)
    if comp in ("opioids", "standard analgesics"):
        return bool(OPIOIDS.search(other)) or comp == "standard analgesics"
    return comp in other or other in comp


def _vote_less_harm(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    f = e.finding
    name = f.outcome.replace("_", " ")
    if not _head_to_head(prop, e):
        if OPIOIDS.search(f.words) and e.direction in ("lower", "better", "absent"):  # "counters opioid-induced"
            return 1, 0.8, f"ketamine lessened opioid-induced {name}"
        return 0, 0.0, f"no comparison with {prop.comparator}"
    other = _other_drug(e.vs)
    level = e.direction == "absent" and bool(_SIMILAR.search(f"{f.cue} {f.words}"))
    level = level or (e.direction == "absent" and f.rule.startswith("safety statement"))
    if e.direction in ("lower", "better", "absent") and not level:
        return 1, 1.0, f"{name} less frequent with ketamine than with {other}"
    if level:
        # "comparable safety profiles", "the apparent safety ... comparable to morphine": a statement that ketamine is
        # safe, set beside the other drug, says it is level with it at best, not that the harm is less frequent
        return -1, 0.5, f"{name}: ketamine said safe beside {other} ({f.cue or f.words!r}), not less frequent"
    if e.direction == "same":  # a null on a harm is imprecise (harms are rare): weak evidence against
        return -1, 0.5, f"{name} as frequent with ketamine as with {other}"
    if e.direction in ("higher", "worse", "occurred"):
        return -1, 1.0, f"{name} more frequent with ketamine than with {other}"
    return 0, 0.0, ""


def _vote_head_to_head(prop: Proposition, e: Effect, same: int) -> tuple[int, float, str]:
    """A claim that sets ketamine against its comparator, on a finding that compares the two: ketamine better supports
    it, worse refutes it, and no difference counts as ``same`` says (against "better than", for "as good as")."""
    if not _head_to_head(prop, e):
        return 0, 0.0, ""
    other = _other_drug(e.vs)
    good = _better_for(e.finding.outcome, e.direction, e.finding.words)
    name = e.finding.outcome.replace("_", " ")
    if e.direction == "same":
        return same, 1.0, f"{name}: {'no better than' if same < 0 else 'no different from'} {other}"
    if good is True:
        return 1, 1.0, f"{name} better with ketamine than with {other}"
    if good is False:
        return -1, 1.0, f"{name} worse with ketamine than with {other}"
    return 0, 0.0, ""


def _vote_better(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    return _vote_head_to_head(prop, e, same=-1)


def _vote_as_good(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    """A claim that ketamine works as well as the comparator: no difference, or ketamine better, supports it."""
    return _vote_head_to_head(prop, e, same=1)


def _vote_faster(prop: Proposition, e: Effect) -> tuple[int, float, str]:
    if not _head_to_head(prop, e):
        return 0, 0.0, ""
    other = _other_drug(e.vs)
    f = e.finding
    faster = (
        f.outcome == "onset" and e.direction == "lower" or bool(re.search(r"faster|earlier|more rapid", f.cue, re.I))
    )
    early = any(t[0] * 1440 <= 30 and t[2] in ("point", "within", "other") for t in f.times)
    good = _better_for(f.outcome, e.direction, f.words)
    want = 1 if prop.direction == "faster" else -1
    if faster:
        return want, 1.0, f"faster onset with ketamine than with {other}"
    if e.direction == "same" and (f.outcome == "onset" or early):
        return -1, 1.0, f"onset no faster than with {other}"
    if early and good is not None:
        side = want if good else -want
        return (
            side,
            0.8,
            f"pain {'lower' if good else 'higher'} with ketamine than with {other} in the first 30 minutes",
        )
    return 0, 0.0, ""


OTHER_ROUTE = "ketamine by another route"  # the comparator of a finding that sets two routes of ketamine apart


def _other_drug(vs: str) -> str:
    """The drug of a comparison with another drug (``ACTIVE`` and its name)."""
    return vs[len(ACTIVE) :]


def _vs_words(vs: str) -> str:
    return _other_drug(vs) if vs.startswith(ACTIVE) else {"none": "no comparator", "baseline": "baseline"}.get(vs, vs)


VOTERS: dict[str, Callable[[Proposition, Effect], tuple[int, float, str]]] = {
    "improves": _vote_improves,
    "causes": _vote_causes,
    "does_not_cause": _vote_does_not_cause,
    "less_harm": _vote_less_harm,
    "better": _vote_better,
    "as_good": _vote_as_good,
    "faster": _vote_faster,
    "slower": _vote_faster,
}


def _later_nulls_are_duration(votes: list[Vote], prop: Proposition) -> list[Vote]:
    """For an efficacy claim, "no difference at week 12" after relief at week 1 says how long relief lasts, not
    whether there is any: such a null finding, at a time later than a supporting one, does not contradict. But for
    chronic pain, relief that is gone within hours of the infusion ("restricted in duration to its
    pharmacokinetics") is not relief of the condition: the later null findings count."""
    helped = [min((t[0] for t in v.finding.times), default=0.0) for v in votes if v.side > 0 and v.finding is not None]
    if not helped:
        return votes
    longest = max(max((t[1] or t[0] for t in v.finding.times), default=0.0) for v in votes if v.side > 0 and v.finding)
    if (
        longest < 1.0
        and _chronic(prop.population)
        and any(v.side < 0 and v.finding is not None and v.finding.times for v in votes)
    ):
        return votes
    first = min(helped)
    for v in votes:
        if v.side < 0 and v.finding is not None and v.finding.direction == "same" and v.finding.times:
            if min(t[0] for t in v.finding.times) > first:
                v.side, v.weight = 0, 0.0
                v.reason = "no difference at a later time point (how long relief lasts, not whether)"
    return votes


# -- quantities: onset and duration at both ends -----------------------------------------------------------------------


QUICK = (0.0, 60.0)  # "acts quickly", with no figure: relief within the first hour


def _onset_votes(prop: Proposition, effects: list[Effect], reading: Reading) -> list[Vote]:
    """When relief starts, checked at both ends of the claimed range. Only early time points say anything about
    onset (up to twice the claimed maximum, and 12 h at most): pain first measured at 6 h after surgery says
    nothing about relief within the hour. Relief at t (against placebo, another drug or baseline) bounds the
    onset from above; no difference from placebo at an early t, with no relief yet, bounds it from below. A claim whose
    words set only the upper end ("within hours", "in under an hour") is read at that end: relief sooner is within it
    (and the reason names those words), never faster than it."""
    lo, hi = (prop.quantity[1], prop.quantity[2]) if prop.quantity else QUICK
    upper = prop.quantity_ends[1] if prop.quantity and prop.quantity_ends[0] == "upper" else ""
    if upper:
        lo = 0.0
    horizon = min(max(hi * 2, 30.0), 720.0)
    relief: list[tuple[float, Finding, str, float]] = []
    nothing: list[tuple[float, Finding, str]] = []
    for e in effects:
        f = e.finding
        if f.outcome not in ("pain_intensity", "onset"):
            continue
        mins = [(t[0] * 1440, t[2], t[3]) for t in f.times if t[2] in ("point", "within", "time_to")]
        mins = [m for m in mins if m[0] <= horizon]
        if not mins:
            continue
        measured = any(k == "time_to" for _, k, _ in mins)  # "median time to a 13 mm VAS reduction: 9.5 min"
        good = _better_for(f.outcome, e.direction, f.words) or (
            f.outcome == "onset" and e.direction in ("lower", "better")
        )
        if good or (measured and f.rule.startswith("no direction")):
            t, _kind, words = min(mins)
            relief.append((t, f, words, 1.0 if (e.vs != "none" or measured) else 0.6))
        elif e.direction == "same" and e.vs.startswith(ACTIVE):
            t, _kind, words = min(mins)
            relief.append((t, f, words, 0.5))  # as much relief as an active drug at t
        elif e.direction == "same" and e.vs == "placebo":
            t, _kind, words = max(mins)
            nothing.append((t, f, words))
    votes = []
    first = min(relief, key=lambda r: r[0], default=None)
    if first is not None:
        t, f, words, w = first
        if t < lo * 0.8:
            if w >= 1.0:  # "as good as morphine at 5 min" does not show relief already at 5 min
                why = f"relief already at {words}: faster than the claimed {lo:g}-{hi:g} min"
                votes.append(Vote(f, f.s, -1, w, why, t / 1440))
        elif t <= hi * 1.2:
            claimed = (
                f"by the claimed {hi:g} min ({upper!r} sets only the upper end)"
                if upper
                else (f"within the claimed {lo:g}-{hi:g} min")
            )
            votes.append(Vote(f, f.s, 1, w, f"relief at {words}, {claimed}", t / 1440))
    early_null = [n for n in nothing if first is None or n[0] < first[0]]
    if prop.quantity and early_null:
        t, f, words = max(early_null, key=lambda n: n[0])
        if t >= hi:
            why = f"no difference from placebo at {words}: no relief by the claimed {hi:g} min"
            votes.append(Vote(f, f.s, -1, 1.0, why, t / 1440))
    return votes


OUTLASTS = 3.0  # relief still present at more than this many times the claimed maximum is not the claimed relief


def _duration_votes(prop: Proposition, effects: list[Effect], reading: Reading) -> list[Vote]:
    """Relief read at time points gives bounds: relief still there at t (a lower bound on how long it lasts), no
    difference at t (an upper bound). The claim is checked at both ends: relief gone before the claimed minimum,
    or gone well before the claimed maximum, contradicts; relief reaching the minimum supports. A claim whose words
    set only the upper end ("up to 3 months", "as long as a year") names the longest relief can last: relief at any
    time counts for it (the claimed maximum must still be reached, or it is `mixed`: verdict._duration_verdict), and
    relief gone at a time point in a record does not refute it (the reason says so and names the words); relief only
    during the infusion, or none over a whole window, still does (no lasting relief at all)."""
    lo, hi = (prop.quantity[1], prop.quantity[2]) if prop.quantity else (1.0, None)
    upper = prop.quantity_ends[1] if prop.quantity and prop.quantity_ends[0] == "upper" else ""
    if upper:
        lo = 0.0
    lasted: list[tuple[float, Finding, str, float, str]] = []  # (days, finding, words, weight, compared with)
    gone: list[tuple[float, Finding, str, str]] = []  # (days, finding, words, how)
    outlasting: list[Finding] = []
    for e in effects:
        f = e.finding
        if f.outcome not in ("pain_intensity", "duration_of_relief", "persistent_postsurgical_pain", "hyperalgesia"):
            continue
        spans = [t for t in f.times if t[2] in ("point", "lasting", "window", "other", "within") and t[0] >= 0.04]
        good = _better_for(f.outcome, e.direction, f.words) or (
            f.outcome == "duration_of_relief" and e.direction == "higher"
        )
        # "potent analgesia during administration only"; relief "during infusion and 2 weeks after infusion
        # termination" is relief at 2 weeks, read at its times
        if f.course and (re.search(r"only", f.course) or (re.search(r"during", f.course) and not spans)):
            gone.append((0.0, f, "the infusion", "during"))
            continue
        if good:
            if spans:
                t = max(s[1] or s[0] for s in spans)
                lasted.append((t, f, spans[-1][3], 1.0 if e.vs != "none" else 0.6, e.vs))
            elif f.outcome == "duration_of_relief" and e.vs != "none":
                outlasting.append(f)
        elif e.direction == "same" and e.vs in ("placebo", "baseline", "none") and spans:
            windows = [s for s in spans if s[2] == "window"]
            if windows:  # no difference over a whole window: no relief at all within it (when the window is on the
                # claim's scale: daily pain over 35 days cannot see relief of a few hours)
                if lo is None or hi is None or (windows[0][1] or windows[0][0]) <= 10 * hi:
                    gone.append((0.0, f, windows[0][3], "over"))
            else:
                gone.append((min(s[0] for s in spans), f, spans[0][3], "at"))
    votes = []
    if prop.quantity is None:
        for t, f, _words, w, vs in lasted:
            votes.append(Vote(f, f.s, 1, w, f"relief still present at {fmt_days(t)}", t, vs))
        votes.extend(Vote(f, f.s, 1, 0.6, f"relief outlasting the treatment ({f.words})") for f in outlasting)
        for t, f, words, how in gone:
            votes.append(Vote(f, f.s, -1, 1.0, f"{_gone_how(how, words)}: relief does not last", t))
        return votes
    assert hi is not None
    # relief still present long after the claimed maximum ("a few hours to a day or two", relief at 4 weeks) is not
    # the claimed relief (another regimen or population): it neither shows nor refutes it
    beyond = [x for x in lasted if x[0] > OUTLASTS * hi]
    lasted = [x for x in lasted if x[0] <= OUTLASTS * hi]
    best = max(lasted, key=lambda x: x[0], default=None)
    # a null result after relief was shown bounds it from above; a null over a whole window means none at all
    after = [g for g in gone if best is None or g[3] in ("over", "during") or g[0] >= best[0]]
    bound = min(after, key=lambda g: g[0], default=None)
    if best is not None:
        t, f, words, w, vs = best
        if t >= lo * 0.8:
            reach = f"; the claimed {fmt_days(hi)} is not reached" if t < hi / 3 else ""
            why = f"relief still present at {fmt_days(t)}{reach}"
            if upper:
                why += f" ({upper!r}: a maximum, read at that end)"
            votes.append(Vote(f, f.s, 1, w * (0.5 if reach else 1.0), why, t, vs))
        else:
            votes.append(Vote(f, f.s, 0, 0.0, f"relief at {fmt_days(t)}, before the claimed {fmt_days(lo)}", t))
    if beyond:
        t, f, words, w, vs = max(beyond, key=lambda x: x[0])
        why = f"relief still present at {fmt_days(t)}: much longer than the claimed {fmt_days(hi)}, another relief"
        votes.append(Vote(f, f.s, 0, 0.0, why, t, vs))
    if bound is not None and (bound[0] < lo * 1.5 or bound[0] < hi / 3):
        t, f, words, how = bound
        end = f"the claimed {fmt_days(lo)}" if t < lo * 1.5 else f"the claimed {fmt_days(hi)}"
        what = _gone_how(how, words)
        if upper and how == "at":  # a maximum is what relief can reach, not what it reaches in every record
            why = f"{what}: relief shorter than the claimed maximum, which {upper!r} does not promise to all"
            votes.append(Vote(f, f.s, 0, 0.0, why, t))
            return votes
        # relief shown at a later time in the same record (after another regimen) leaves it mixed, not refuted
        later = [v.weight for v in votes if v.side > 0] if how in ("during", "over") else []
        # relief only during the infusion, or none over a whole window, is no lasting relief, which a maximum claims too
        gone_why = f"no lasting relief, which {upper!r} still claims" if upper else f"relief gone well before {end}"
        votes.append(Vote(f, f.s, -1, min(later, default=1.0), f"{what}: {gone_why}", t))
    return votes


def _gone_how(how: str, words: str) -> str:
    """How a finding says relief was gone: only during the infusion, no difference over a window or at a time."""
    return "relief only during the infusion" if how == "during" else f"no difference {how} {words}"


RESULT_AT_A_TIME = "result named by its good outcome, a share of patients at a time (result at a time rule)"


def result_at_a_time(f: Finding, text: str, reading: Reading) -> bool:
    """Whether a finding with no direction is a result named by its good outcome and stated as a share of patients
    at a time ("The pain relief event rate at the 1-3 months follow-ups was 58%", "At T2, 48% of the patients
    remained a responder"; ``data/weighing.toml`` [times]): for how soon relief comes or how long it lasts, relief in
    that share at that time. Not when the sentence says it was lost, absent or came back, nor when it names another
    arm (a placebo or control group, another drug's group: [share] other_arm), nor a result of another drug."""
    if f.direction is not None or not f.times or f.negation:
        return False
    if f.arm not in ("ketamine", None) or (f.arm is None and not reading.study.ketamine):
        return False
    if not pattern("times", "result_named").search(f.words or ""):
        return False
    if pattern("share", "other_arm").search(text):
        return False
    return bool(pattern("times", "share").search(text)) and not pattern("times", "not_kept").search(text)


def duration_varies(claim: Claim) -> str:
    """The words with which a duration claim says how long relief lasts differs between people ("how long symptom
    relief lasts can vary", "The length of relief differs between individuals"): [strength] varies in the same clause
    as words of how long relief lasts ([times] how_long, a clause ending at [times] clause_break); "" if it does not
    ("Results differ from person to person, but ... relief lasting a month or longer" says how long it lasts), nor
    when the claim names a span of time anywhere ([times] states_span: "Relief typically lasts several months, though
    how long it lasts can vary" claims months, which must be checked)."""
    if claim.kind != "duration" or pattern("times", "states_span").search(claim.quote):
        return ""
    for part in pattern("times", "clause_break").split(claim.quote):
        m = pattern("strength", "varies").search(part)
        if m and pattern("times", "how_long").search(part):
            return m.group(0)
    return ""


def _varies_votes(prop: Proposition, effects: list[Effect], reading: Reading, words: str) -> list[Vote]:
    """For a claim that how long relief lasts differs between people: relief that lasted (to any time) and relief
    that was gone or brief (after the infusion, at a later time point) are both what the claim says happens in some
    patients; every such vote supports it, its reason kept."""
    votes = _duration_votes(prop, effects, reading) + _fades_votes(prop, effects)
    for v in votes:
        if v.side:
            v.side = 1
            v.reason = f"{v.reason}: how long relief lasts differs between people ('{words}')"
    return votes


# -- textbook claims: mechanism, history, dosing -----------------------------------------------------------------------


NUMBER_WORDS = frozenset("zero one two three four five six seven eight nine ten".split())


def _is_stem(word: str) -> bool:
    # a stem of four letters or more ("dizz", "glutamat") is a prefix; shorter words, abbreviations ("AST", "CNS")
    # and number words ("four") are whole words
    return len(word) >= 5 or (len(word) == 4 and word.isalpha() and word.islower() and word not in NUMBER_WORDS)


def _stem_of(word: str) -> str:
    """The word as its pattern spells it: a plural stem names the singular too ("receptors" finds "the NMDA
    receptor")."""
    if not word.isdigit() and _is_stem(word) and len(word) >= 6 and re.search(r"[^su]s$", word):
        return word[:-1]
    return word


def _word_pattern(word: str) -> str:
    if word.isdigit():  # "196": the 1960s
        return r"(?<![\w-])" + word + r"\d*s?(?![\w-])"
    stem = _is_stem(word)
    word = _stem_of(word)
    tail = "" if stem else r"s?(?![\w-])"
    body = r"[-\s]?".join(re.escape(part) for part in re.split(r"[-\s]+", word))  # "voltage gated", "voltage-gated"
    return r"(?<![\w-])" + body + tail


@lru_cache(maxsize=8192)
def _context(sentence: str) -> Context:
    """``Context(sentence)``, kept: linking judges a record's sentences for every claim it is a candidate for (a
    Context is not changed once made). Cached here, not in ``negation``, whose code versions the stored findings."""
    return Context(sentence)


def _first_literal(word: str) -> str:
    """The text every match of ``_word_pattern(word)`` starts with (its first run of letters before a space or
    hyphen, or the digits of a number)."""
    if word.isdigit():
        return word
    return re.split(r"[-\s]+", word)[0]


class _Group:
    """One pattern for a concept group (any of its words), searched only in a text that holds the first letters of
    one of its words: a pattern that starts with a look-behind is tried at every position of a text, and most
    groups name nothing in most sentences (a link of the shipped library asks about 120,000 times). The same matches as
    the pattern alone: no text without one of those letters can match it."""

    __slots__ = ("rx", "starts")

    def __init__(self, group: tuple[str, ...]) -> None:
        words = [w.lstrip("~") for w in group]
        self.rx = re.compile("|".join(_word_pattern(w) for w in words))
        self.starts = tuple(dict.fromkeys(_first_literal(_stem_of(w)) for w in words))

    def search(self, text: str) -> re.Match[str] | None:
        for start in self.starts:
            if start in text:
                return self.rx.search(text)
        return None


@lru_cache(maxsize=1024)
def _group_rx(group: tuple[str, ...]) -> _Group:
    """One pattern for a concept group (any of its words)."""
    return _Group(group)


@lru_cache(maxsize=8192)
def _figures(text: str) -> frozenset[str]:
    """The numbers a text gives (doses, durations), years left out: "0.5 to 2 mg/kg over ~1 hour" gives 0.5, 2, 1."""
    numbers = re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", text)
    return frozenset(n for n in numbers if not re.fullmatch(r"(?:19|20)\d\d", n))


@lru_cache(maxsize=4096)
def _lay_word(word: str) -> tuple[str, ...]:
    """A claim's word with the technical words that name it in abstracts (``data/weighing.toml`` [textbook.lay_words]:
    "overactive" is named by "sensitization")."""
    lay = weighing()["textbook"]["lay_words"]
    return (word, *(w for key, same in lay.items() if word.startswith(key) for w in same))


@lru_cache(maxsize=4096)
def _general_word(word: str) -> bool:
    """A claim's word that says nothing a statement must name ("particular", "directly", "several", "quite":
    ``data/weighing.toml`` [textbook] general_words): not counted among the claim's words."""
    return bool(pattern("textbook", "general_words").fullmatch(word))


STATEMENT_QUALIFIERS = ("ranking", "dose_dependence", "use_scope")


@lru_cache(maxsize=256)
def _statement_qualifiers(text: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """What a textbook claim says beyond its topic and a statement must say too (``data/weighing.toml`` [textbook]):
    that ketamine ranks first ("the most potent"), that the effect changes with the dose ("higher doses"), or how
    widely it is used ("in every hospital", "the standard treatment")."""
    out = []
    for key in STATEMENT_QUALIFIERS:
        rx = pattern("textbook", key)
        m = rx.search(text)
        if m and key == "use_scope":  # "most hospitals" is not stated by "the standard treatment": its own words
            out.append((re.compile(r"\b" + r"\s+".join(map(re.escape, m.group(0).split())) + r"\b", re.I), m.group(0)))
        elif m:
            out.append((rx, m.group(0)))
    return tuple(out)


@lru_cache(maxsize=8192)
def _states_nothing(text: str, about_ketamine: bool) -> bool:
    """A sentence that states no textbook fact: about another drug, an aim, a method or a call for research, or (for
    a history or dosing claim) not about ketamine. Kept: a record's sentences are read for every textbook claim it
    is a candidate for."""
    lex = lexicon()
    if lex.comparators.search(text) and not lex.ketamine.search(text):
        return True  # a statement about another drug is not about ketamine
    if lex.methods_sentences.search(text) or lex.ignore.search(text) or lex.future_research.search(text):
        return True  # an aim, a method or a call for research states nothing
    return about_ketamine and not re.search(r"ketamine|\bit\b|\bits\b|\bthis drug\b", text, re.I)


# designs whose sentences on what patients received say how ketamine is given (not a review's search, an animal study)
PRIMARY_DESIGNS = frozenset(
    ("rct", "non_randomized_trial", "cohort", "case_control", "cross_sectional", "case_series", "case_report")
)
REGIMENS = ("infusion", "repeated", "single")  # a claim's regimen, named in a sentence by [dosing] regimen_*


# counts in words ("four", "twenty four", "twenty-four"); "several", "a few" and "multiple" are no exact count: each is
# read as SEVERAL, which any count of two or more of the same unit gives
SEVERAL = "several"
_VAGUE = ("several", "a few", "few", "multiple")
_COUNT_WORDS = {
    re.sub(r"[\s-]+", " ", w): str(n)
    for w, n in NUMBERS_IN_WORDS.items()
    if isinstance(n, int) and len(w) > 2 and w not in _VAGUE
} | {w: SEVERAL for w in _VAGUE}
_FIG_NUMBER = (
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(r"[\s-]+".join(map(re.escape, w.split())) for w in sorted(_COUNT_WORDS, key=len, reverse=True))
    + r")"
)
_DOSE_FIGURE = re.compile(
    rf"(?<![\w.,]){_FIG_NUMBER}(?:\s*(?:-|–|to|or)\s*{_FIG_NUMBER})?[\s-]*(?:consecutive\s+|more\s+)?"
    rf"({GIVEN_UNIT}|months?|sessions?|infusions?|treatments?)(?![a-z])",
    re.I,
)
_UNIT = {"mi": "min", "h": "h", "ho": "h", "hr": "h", "da": "day", "we": "week", "mo": "month", "se": "session",
         "in": "session", "tr": "session"}  # fmt: skip


def _figure_number(n: str) -> str:
    """A number of ``_DOSE_FIGURE`` as one string: "1,000" is 1000, "twenty four" 24, "several" SEVERAL."""
    if n[0].isdigit():
        return n.replace(",", "")
    return _COUNT_WORDS.get(re.sub(r"[\s-]+", " ", n.lower()), n)


@lru_cache(maxsize=8192)
def dose_figures(text: str) -> frozenset[tuple[str, str]]:
    """The doses, times and counts of sessions a text gives, each number (in figures or words) with its unit ("40
    minutes to 4 hours": (40, min), (4, h); "4-10 days": (4, day), (10, day); "four to six sessions": (4, session),
    (6, session); "several days": (SEVERAL, day)); a number without such a unit (a year, a count of patients) is
    none."""
    out: set[tuple[str, str]] = set()
    for m in _DOSE_FIGURE.finditer(text):
        unit = m.group(3).lower()
        key = _UNIT.get(unit[:2], _UNIT.get(unit[:1], "dose")) if not re.match(DOSE_UNIT, unit) else unit
        out.update((_figure_number(n), key) for n in (m.group(1), m.group(2)) if n)
    return frozenset(out)


def shared_figures(claimed: frozenset[tuple[str, str]], stated: frozenset[tuple[str, str]]) -> set[tuple[str, str]]:
    """The claim's figures a text gives: the same number of the same unit, or for a claim of SEVERAL of a unit
    ("several days"), two or more of it ("for 3 days", "over 7 days")."""
    out = set(claimed & stated)
    for n, unit in claimed:
        if n == SEVERAL:
            out.update((m, u) for m, u in stated if u == unit and m[0].isdigit() and float(m) >= 2)
    return out


_CLAUSE_BREAK = re.compile(
    r";|:|,?\s+(?:whereas|while|but)\s+|,\s+and\s+(?=\w+\s+(?:had|have|has|were|was|received|got)\b)", re.I
)


def _ketamine_parts(text: str) -> list[str]:
    """The parts of a sentence that say what its patients received of ketamine: in each clause (split at ";", ":",
    "whereas", "but", ", and those who ...") that names ketamine and none of ``data/weighing.toml`` [dosing]
    not_received (an exclusion criterion, a history of earlier use, a planned study), the stretches nearer to a
    mention of ketamine than to one of another drug (a comparator or a local anaesthetic other than a placebo, [dosing]
    same_regimen): "ketamine 0.5 mg/kg or midazolam 0.045 mg/kg" gives "... ketamine 0.5 mg/kg", "an intravenous
    lidocaine infusion after ketamine failed" nothing about an infusion."""
    vocab, lex = default_vocabulary(), lexicon()
    refused, placebo = pattern("dosing", "not_received"), pattern("dosing", "same_regimen")
    parts = []
    for clause in _CLAUSE_BREAK.split(text):
        if not lex.ketamine.search(clause) or refused.search(clause):
            continue
        drugs = sorted(
            [(m.start(), m.end(), True) for m in lex.ketamine.finditer(clause)]
            + [
                (m.start(), m.end(), False)
                for rx in (vocab.comparators, vocab.carriers)
                for m in rx.finditer(clause)
                if not placebo.fullmatch(m.group(0))
            ]
        )
        if all(k for _, _, k in drugs):
            parts.append(clause)
            continue
        # each stretch belongs to the nearest drug named: cut half-way between two mentions
        cuts = [0] + [(drugs[i][1] + drugs[i + 1][0]) // 2 for i in range(len(drugs) - 1)] + [len(clause)]
        parts += [clause[cuts[i] : cuts[i + 1]] for i, (_, _, k) in enumerate(drugs) if k]
    return parts


def _given_votes(claim: Claim, rec: Record, reading: Reading) -> list[Vote]:
    """For a dosing claim that says only how ketamine is given (``verdict.how_given``): the sentences of a primary
    study that say what its patients were given of ketamine (a methods sentence, or a result sentence saying what they
    received; only its parts on ketamine received, ``_ketamine_parts``) and name the claim's route or regimen, no
    other route, and a figure of the claim's when it gives figures (``data/weighing.toml`` [dosing]). A statement of
    how the drug was given, never evidence that it works."""
    design = ((rec.get("tags") or {}).get("design") or ["other"])[0]
    if design not in PRIMARY_DESIGNS:
        return []
    prop = claim.proposition
    own = _routes_named(claim.text)
    allowed = own or frozenset(prop.routes)
    figures = dose_figures(claim.text)
    regimen = pattern("dosing", f"regimen_{prop.regimen}") if prop.regimen in REGIMENS else None
    qualifiers = _statement_qualifiers(claim.text)
    lex = lexicon()
    given = pattern("dosing", "given")
    votes = []
    for i, s in enumerate(reading.sentences):
        text = reading.text(rec, i)
        if s.role != "methods" and not (s.role in ("results", "conclusions") and given.search(text)):
            continue
        if not re.search(r"ketamine", text, re.I) or lex.ignore.search(text) or lex.future_research.search(text):
            continue
        if allowed and _routes_named(text) - allowed:
            continue  # another route too ("then oral ketamine"): not the claim's way of giving it
        parts = _ketamine_parts(text)
        for part in parts:
            said = []
            if figures:
                shared = shared_figures(figures, dose_figures(part))
                if not shared:
                    continue
                said.append(", ".join(f"{n} {u}" for n, u in sorted(shared)))
            if own or regimen is not None:  # the claim's route, or its regimen ("infused over 40 min")
                named = sorted(_routes_named(part) & own)
                named += [m.group(0)] if regimen is not None and (m := regimen.search(part)) else []
                if not named:
                    continue
                said.append(", ".join(named))
            if not said or any(not rx.search(text) for rx, _ in qualifiers):
                continue
            votes.append(Vote(None, i, 1, 1.0, f"{GIVEN} ({'; '.join(said)})"))
            break
    return votes


def _textbook_votes(claim: Claim, rec: Record, reading: Reading) -> list[Vote]:
    """Sentences that state what the claim states (mechanism, history, dosing), and for a claim of how ketamine is
    given, what a study's patients were given (``_given_votes``)."""
    votes = _statement_votes(claim, rec, reading)
    if how_given(claim):
        votes += _given_votes(claim, rec, reading)
    return votes


def _joined_rest(claim: Claim, named_parts: tuple[TextbookPart, ...]) -> tuple[str, ...]:
    """The words of a second predicate joined by "and" to a clause that names a textbook part, when no part names it
    ("... and regrows damaged nerve endings"), or to a mechanism clause that names none ("works by blocking a chemical
    that produces pain and rebuilds the brain": read on its own words, a share of which the first clause alone can
    fill), unless the claim says what its mechanism does for patients (capped already:
    ``weighing.joined_besides``' ``effect_on_patients``); () otherwise."""
    if named_parts:
        second = joined_to_part(claim.text, named_parts)
    elif claim.kind == "mechanism" and not effect_on_patients(claim.quote):
        joint = JOINED.search(claim.text)
        second = claim.text[joint.end() :] if joint else ""
    else:
        second = ""
    if not second:
        return ()
    rest = textbook_rest(claim.text, claim.proposition.terms, general_words(claim.kind))
    low = second.lower()
    return tuple(w for w in rest if w.lower() in low)


def _statement_votes(claim: Claim, rec: Record, reading: Reading) -> list[Vote]:
    """Sentences that state what the claim states (mechanism, history, dosing): a result, conclusion or background
    sentence that names ketamine and one word of each of the claim's concept groups."""
    prop = claim.proposition
    terms = tuple(dict.fromkeys(prop.terms))
    place = mechanism_place(claim.quote) if claim.kind == "mechanism" and not prop.concepts else None
    if place is not None:
        # "reduces spinal cord hypersensitivity in chronic back pain": the words that say where it works are the
        # condition's records' own, and state nothing of what ketamine does there (unless the claim says them again)
        there = claim.quote[place[1] : place[2]].lower()
        besides = (claim.quote[: place[1]] + claim.quote[place[2] :]).lower()
        terms = tuple(
            w for w in terms if not re.search(rf"\b{re.escape(w)}", there) or re.search(rf"\b{re.escape(w)}", besides)
        )
    groups = prop.concepts or tuple(_lay_word(w) for w in terms if not _general_word(w))
    if not groups:
        return []
    # without concept groups, the claim's own words: two of them ("pain", "chronic") are in most abstracts, so a
    # statement must name a share of what the claim says (data/weighing.toml [textbook])
    share = weighing()["textbook"]["share_of_words"]
    need = len(groups) if prop.concepts else min(len(groups), max(2, math.ceil(share * len(groups))))
    loose = need if prop.concepts else min(2, len(groups))  # enough to say the record is on the topic
    votes = []
    roles = {
        "mechanism": TEXTBOOK_ROLES,
        "history": ("background", "results", "conclusions"),
    }.get(claim.kind, ("results", "conclusions"))
    # what a history or dosing statement says must be said of ketamine; a mechanism may be the receptor's
    about_ketamine = claim.kind != "mechanism"
    figures = _figures(claim.text) if claim.kind == "dosing" else frozenset()  # a dosing claim's own figures
    qualifiers = _statement_qualifiers(claim.text)
    texts = [reading.text(rec, i) if s.role in roles else "" for i, s in enumerate(reading.sentences)]
    parts = read_by_parts(claim.kind, claim.text, claim.proposition.terms)
    if parts:
        return _part_votes(claim, rec, reading, parts, texts)
    textbook = claim.kind in ("mechanism", "history")
    names = claim_names(claim.text) if textbook else ()
    # the parts the claim names that it says another way than they are stated (weighing.part_relation)
    named_parts = textbook_parts(claim.text, claim.kind) if claim.kind == "mechanism" else ()
    relations = {p.name: part_relation(claim.text, claim.kind, p.name) for p in named_parts}
    claim_parts = tuple(p for p in named_parts if relations[p.name] is not None)
    # a claim that names a part and joins a second predicate to it that no part says ("blocks NMDA receptors and
    # regrows damaged nerve endings"), read on its own words: a sentence must name what the joined clause adds
    # so does one that joins it with its subject said again (", and it rebuilds the brain"), with or without parts
    rest = _joined_rest(claim, named_parts) or joined_subject_rest(claim.kind, claim.text, prop.terms)
    # what a mechanism claim read on its own words says ketamine does: a sentence states it only with its verb (or
    # one of its direction) and what it acts on, not by a share of its nouns (weighing.claim_relation)
    own = claim.kind == "mechanism" and not prop.concepts and not action_parts(claim.quote) and not named_parts
    relation = claim_relation(claim.text) if own and not effect_of_mechanism(claim) else None
    whole = " ".join(texts).lower()
    if sum(1 for g in groups if _group_rx(g).search(whole)) < loose:
        return []  # the record names too little of what the claim states, in any sentence
    for i, s in enumerate(reading.sentences):
        if s.role not in roles:
            continue
        text = texts[i]
        if s.cut:  # an abstract cut short: only the clauses that end before the cut
            text = text[: max(text.rfind(";"), text.rfind(":"), 0)]
        low = text.lower()
        found = [m.group(0) for g in groups for m in [_group_rx(g).search(low)] if m]
        hits = [h.strip() for h in found]
        if len(hits) < loose or _states_nothing(text, about_ketamine):
            continue
        weight = 1.0 if s.role in ("results", "conclusions") else 0.6
        at = low.find(hits[0])
        negated = _context(text).negated(at, at + len(hits[0])) if at >= 0 else None
        side = 1 if (negated is None) == (claim.polarity != "negative") else -1
        verb = "denies it" if negated else "states it"
        if len(hits) < need:  # on the topic, but too little of what the claim says: related, not a stance
            votes.append(Vote(None, i, 0, 0.0, f"names only {', '.join(hits[:3])} of what the claim states"))
            continue
        if claim.kind == "mechanism" and (open_ := pattern("textbook", "unsettled").search(text)):
            # "remains inconclusive", "This article reviews ...": on the topic, not a statement of the mechanism
            votes.append(Vote(None, i, 0, 0.0, f"names {', '.join(hits[:3])}, but says '{open_.group(0)}'"))
            continue
        if figures and not figures & _figures(text):
            # a dose or a duration of another regimen ("0.5-2 mg/kg over an hour" against a trial's 0.15 mg/kg)
            votes.append(Vote(None, i, 0, 0.0, f"gives other figures than the claim's ({', '.join(sorted(figures))})"))
            continue
        unsaid = next((words for rx, words in qualifiers if not rx.search(text)), "")
        if unsaid:  # "the most potent", "higher doses last longer": the sentence does not say that part
            votes.append(Vote(None, i, 0, 0.0, f"names {', '.join(hits[:3])}, but not what the claim says: '{unsaid}'"))
            continue
        missing = names_missing(claim.text, text, names) if names else []
        if missing:
            # a receptor, regulator or molecule the claim names (data/weighing.toml [textbook.names]): a sentence that
            # shares the claim's other words but names another ("an NMDA receptor antagonist" for "the AMPA
            # receptor") does not state it
            votes.append(Vote(None, i, 0, 0.0, f"names {', '.join(hits[:3])}, not {', '.join(missing)}"))
            continue
        unsaid = relation.unsaid(text) if relation is not None else ""
        if unsaid:  # "pain following spinal cord injury" for "stimulates dopamine receptors in the spinal cord"
            votes.append(Vote(None, i, 0, 0.0, f"names {', '.join(hits[:3])}, but not what the claim says: '{unsaid}'"))
            continue
        if rest and len(rest_named(text, rest, claim.kind)) < rest_needed(claim.kind, rest):
            said = ", ".join(p.name for p in named_parts if p.named_in(text)) or ", ".join(hits[:3])
            votes.append(Vote(None, i, 0, 0.0, f"states {said}, not what the claim says besides: {' '.join(rest)}"))
            continue
        how = next((h for p in claim_parts if p.named_in(text) and (h := relations[p.name]) is not None), None)
        # "restores NMDA receptor function", "works by activating NMDA receptors" against "an NMDA receptor antagonist"
        words = ", ".join(hits[:3])
        votes.append(_as_the_claim_says(how, i, side, weight, f"{verb} ({words})", f"names {words}"))
    return votes


def _as_the_claim_says(how: tuple[str, str] | None, i: int, side: int, weight: float, put: str, other: str) -> Vote:
    """A sentence's vote on a mechanism claim that names a part of [[textbook.parts]], by how the claim says the part
    (``weighing.part_relation``): as the sentence states it (``put``, on the sentence's side), the opposite way (against
    it), or another way ("restores", "eliminates": no vote; ``other`` says what the sentence does name)."""
    if how is None:
        return Vote(None, i, side, weight, put)
    if how[0] == "other":
        return Vote(None, i, 0, 0.0, f"{other}, but not what the claim says: '{how[1]}'")
    return Vote(None, i, -side, weight, f"{put}, the opposite of what the claim says ('{how[1]}')")


# the tens a span of use may be said in ("for fifty years"), from the one list of number words
NUMBERS = {word: int(n) for word, n in NUMBERS_IN_WORDS.items() if n % 10 == 0 and 10 <= n <= 80}
_SPAN = re.compile(r"\b(\d{1,3}|" + "|".join(NUMBERS) + r")\+? (?:years|yr)\b|\b(decades)\b|\b(half a century)\b", re.I)


def _year_rx(before_2000: str) -> re.Pattern[str]:
    """A year from the given ones before 2000, or 2000-2029, alone or as a decade ("1960s", "1960's"): "in 1962." is a
    year, "1962.5" none."""
    return re.compile(rf"(?<![\d.])({before_2000}|20[0-2]\d)(?:'?s)?(?!\d|\.\d)")


_YEAR = _year_rx(r"19[4-9]\d")  # a record's date of ketamine's use: 1940 or later


def _span_years(m: re.Match[str]) -> int:
    if m.group(2):
        return 20  # "for decades": two at least
    if m.group(3):
        return 50  # "over half a century"
    word = m.group(1).lower()
    return NUMBERS[word] if word in NUMBERS else int(word)


# a claim's year is any from 1500 on ("since the 1930s", "invented in 1902"), and it may count centuries ("for over a
# century", "for centuries": two at least); a record's date of ketamine's use is 1940 or later (_YEAR)
_CLAIMED_YEAR = _year_rx(r"1[5-9]\d\d")
_CENTURIES = re.compile(r"\b(?:(a|one)|(two|several|many)?)\s*centur(y|ies)\b", re.I)


def _claimed_span(text: str) -> int | None:
    """How many years a history claim says ketamine has been used ("for more than 60 years": 60; "since the 1960s":
    the years since 1960; "for over a century": 100); None when it gives no span."""
    m = _SPAN.search(text)
    if m:
        return _span_years(m)
    c = _CENTURIES.search(text)
    if c:
        return 100 if c.group(3) == "y" else 200
    year = _CLAIMED_YEAR.search(text)
    return date.today().year - int(year.group(1)) if year else None


# the words before a claimed decade or year that make it the start of a use that goes on ("since the 1970s")
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|late)\s+|mid-?\s*)?$", re.I)


def _claimed_time(text: str) -> tuple[int, int, bool] | None:
    """The point in time a history claim dates ketamine's use from, when it gives one and no span: its year, how wide
    it is ("invented in 1985": 1985, 1; "since the 1960s", "in the 1990s": 1960 or 1990, 10) and whether it is when a
    use that goes on began ("in use since the 1970s", "ever since the 1960s"), not a single event ("invented in the
    1990s"): use that began a little before a decade has gone on since that decade too. None for a claim of a span
    ("for more than 50 years", "for over a century") or none."""
    if _SPAN.search(text) or _CENTURIES.search(text):
        return None
    m = _CLAIMED_YEAR.search(text)
    if not m:
        return None
    year = int(m.group(1))
    since = bool(_SINCE.search(text[: m.start()]))
    return (year, 10, since) if m.group(0).endswith("s") and year % 10 == 0 else (year, 1, since)


def _stated_time(text: str) -> int | None:
    """The earliest year a sentence names (its date of ketamine's first use: "first synthesized in 1962", "began in
    the 1960s"); a span ("for over 50 years") names none."""
    return min((int(m.group(1)) for m in _YEAR.finditer(text)), default=None)


UNDATED_SPAN = 20  # "for a long time", "for many years", "traditionally": decades
# a span of use, not an age ("for over 30 yr", "in the past 50 years", "more than 60 years"; not "aged 13 years",
# "younger than 2 years"); "for decades" is one wherever it stands
_SPAN_OF_USE = re.compile(r"(?:\bfor|\bover|\bpast|\blast|\bnearly|\balmost|\babout|\bmore than)\s+(?:the\s+)?$", re.I)
_ORDINALS = {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60}  # "for ketamine's fiftieth birthday"
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.I)
# words of age or origin that give no figure: "has long been used", "has since been used", "initially developed as"
_AGE_WORDS = re.compile(
    r"\blong (?:been )?used\b|\b(?:has|have) long been\b|\blong history\b|\bfor a long time\b|\bsince\b|"
    r"\binitially\b|\boriginally\b|\bhistory\b|"
    r"\bfirst (?:synthesi[sz]ed|used|developed|introduced|reported|described)\b",
    re.I,
)


def _span_of_other(text: str, m: re.Match[str]) -> bool:
    """A span beside words of age, follow-up or growth (``data/weighing.toml`` [textbook] not_span_before,
    not_span_after): "in patients over 65 years", "followed up over 60 years", "has grown over the last 10 years"."""
    near = int(weighing()["textbook"]["span_context"])
    before = text[max(0, m.start() - near) : m.start()]
    return bool(pattern("textbook", "not_span_before").search(before)) or bool(
        pattern("textbook", "not_span_after").search(text[m.end() :])
    )


def _stated_start(text: str, published: int | None, exact: bool = False) -> int | None:
    """The earliest year from which a sentence says ketamine was in use: a year it names ("synthesised in 1962"), or
    its publication year less a span of use it names ("used for over 50 years", "for decades", "its fiftieth
    birthday"; not an age, "children younger than 2 years"); None when it names neither. ``exact``: only a date the
    sentence fixes, for a claim dated to a decade or year; a span that is a lower bound ("over 50 years", "more than
    20 years", "50+ years", "for decades", "the past 50 years") says use began then or earlier, not when."""
    starts = [int(m.group(1)) for m in _YEAR.finditer(text)]
    if published:
        starts += [
            published - _span_years(m)
            for m in _SPAN.finditer(text)
            if (not m.group(1) or _SPAN_OF_USE.search(text[: m.start()]))
            and not _span_of_other(text, m)
            and not (exact and _lower_bound(text, m))
        ]
        starts += [published - _ORDINALS[m.group(1).lower()] for m in _ORDINAL.finditer(text)]
    return min(starts, default=None)


_LOWER_BOUND = re.compile(r"(?:\bover|\bmore than|\bat least|\bpast|\blast|\bupwards of)\s+(?:the\s+)?$", re.I)


def _lower_bound(text: str, m: re.Match[str]) -> bool:
    """Whether a span of use is a lower bound: "decades", "half a century" (said with "over"), "50+ years", "over /
    more than / at least / the past 50 years"."""
    return bool(m.group(2) or m.group(3) or "+" in m.group(0) or _LOWER_BOUND.search(text[: m.start()]))


def _part_votes(
    claim: Claim, rec: Record, reading: Reading, parts: tuple[TextbookPart, ...], texts: list[str]
) -> list[Vote]:
    """A textbook claim read part by part (``data/weighing.toml`` [[textbook.parts]]): a sentence states a part when it
    names the part's predicate and its object (or a phrase that says both), each vote naming the part it states. A
    dated part is stated by a date within the tolerance of the claim's span, and never denied."""
    span = _claimed_span(claim.text)
    point = _claimed_time(claim.text)
    tolerance = weighing()["textbook"]["dated_tolerance_years"]
    qualifiers = _statement_qualifiers(claim.text)
    rest = unparted_words(claim.kind, claim.text, claim.proposition.terms)
    votes = []
    for i, s in enumerate(reading.sentences):
        text = texts[i]
        if not text:
            continue
        if s.cut:  # an abstract cut short: only the clauses that end before the cut
            text = text[: max(text.rfind(";"), text.rfind(":"), 0)]
        if _states_nothing(text, claim.kind != "mechanism"):
            continue
        if claim.kind == "history" and pattern("textbook", "not_use").search(text):
            continue  # an exclusion criterion: who was left out of a study, not ketamine's history
        weight = 1.0 if s.role in ("results", "conclusions") else 0.6
        said = rest_named(text, rest, claim.kind) if rest else []
        if said and len(said) >= rest_needed(claim.kind, rest) and not any(not rx.search(text) for rx, _ in qualifiers):
            # what the claim says besides its parts ("in emergency departments and operating rooms")
            besides = f"states what the claim says besides its parts ({', '.join(said[:3])})"
            votes.append(Vote(None, i, 1, weight, besides))
        for part in parts:
            named = part.named_in(text)
            if named is None:
                if obj := part.object.search(text):
                    votes.append(Vote(None, i, 0, 0.0, f"names {obj.group(0)}, not that ketamine {part.name}"))
                continue
            verb, obj = named
            words = verb.group(0) if verb is obj else f"{verb.group(0)}, {obj.group(0)}"
            missing = names_missing(claim.text, text, part_names(claim.text, claim.kind, part.name))
            if missing:  # "blocks AMPA receptors" is not stated by "blocks NMDA receptors"
                votes.append(Vote(None, i, 0, 0.0, f"states {words}, not {', '.join(missing)}"))
                continue
            unsaid = next((q for rx, q in qualifiers if not rx.search(text)), "")
            if unsaid:  # "the most potent": a sentence that states the part but not the ranking
                votes.append(Vote(None, i, 0, 0.0, f"states {words}, but not what the claim says: '{unsaid}'"))
                continue
            negated = _context(text).negated(verb.start(), verb.end())
            if part.dated:
                if negated:  # "in the past 50 years ... it is not commonly used": a date, but not of its use
                    votes.append(Vote(None, i, 0, 0.0, f"says it was not ({words})"))
                    continue
                if point is not None:
                    # a point in time ("in the 1990s", "in 1985") is stated only by a sentence giving that time (the
                    # same decade, the same year), not by one that is older or younger
                    year, width, since = point
                    first = _stated_time(text)
                    if first is None:
                        # no year named: a span of use back from the record's year ("its fiftieth birthday" in
                        # 2012: 1962; "for 50 years" in 2016: 1966), held to the same decade or year; a lower bound
                        # ("for over 50 years", "for decades") dates nothing
                        first = _stated_start(text, rec.get("year"), exact=True)
                    # a use that goes on since a decade ("in use since the 1970s") is stated by a start in it, or by
                    # one a little earlier (within the tolerance: "synthesised in 1962", "first used in 1965"); a year
                    # ("since 1970", "since 1985") still needs records giving that year
                    earlier = since and width == 10 and first is not None and year - tolerance <= first < year
                    if first is None or (first // width != year // width and not earlier):
                        when = f"from {first}" if first is not None else "no date"
                        votes.append(Vote(None, i, 0, 0.0, f"states use ({words}) {when}, not from {year}"))
                        continue
                    votes.append(Vote(None, i, 1, weight, f"states '{part.name}' ({words})"))
                    continue
                start = _stated_start(text, rec.get("year"))
                # a claim of long use that gives no figure ("for a long time", "traditionally", "first used for") is
                # a claim of decades: stated by a date or span of use that old, or by a word of age or origin with
                # no figure ("has long been used", "has since been used", "initially developed as")
                least = span if span is not None else UNDATED_SPAN
                ageless = span is None and start is None and _AGE_WORDS.search(text)
                if not ageless and (start is None or date.today().year - start < least - tolerance):
                    when = f"from {start}" if start is not None else "no date"
                    votes.append(Vote(None, i, 0, 0.0, f"states use ({words}) {when}, not for {least} years"))
                    continue
                votes.append(Vote(None, i, 1, weight, f"states '{part.name}' ({words})"))
                continue
            side = 1 if (negated is None) == (claim.polarity != "negative") else -1
            how = part_relation(claim.text, claim.kind, part.name)  # "activates NMDA receptors": the opposite
            put = f"{'denies' if negated else 'states'} '{part.name}' ({words})"
            votes.append(_as_the_claim_says(how, i, side, weight, put, f"states {words}"))
    return votes


def _partial_statements(claim: Claim, rec: Record, reading: Reading) -> int:
    """Sentences that name part of what a textbook claim states: enough to call the evidence insufficient rather
    than absent."""
    groups = claim.proposition.concepts
    need = len(groups) - 1 if len(groups) >= 3 else len(groups)
    if not groups:
        return 0
    n = 0
    for i, s in enumerate(reading.sentences):
        if s.role in TEXTBOOK_ROLES:
            low = reading.text(rec, i).lower()
            n += sum(_group_rx(g).search(low) is not None for g in groups) >= need
    return n


def _fades_votes(prop: Proposition, effects: list[Effect]) -> list[Vote]:
    """ "Relief is temporary, it does not cure": shown by relief lost at follow-up or limited to the infusion."""
    votes = []
    for e in effects:
        f = e.finding
        if f.outcome not in TIME_OUTCOMES:
            continue
        if e.direction == "same" and (
            f.times or re.search(r"lost|no longer|restricted|limited|did not persist|non-?responders?", f.cue, re.I)
        ):
            when = f" at {f.times[0][3]}" if f.times else ""
            votes.append(Vote(f, f.s, 1, 1.0, f"relief not sustained{when} ({f.cue})"))
        elif f.course and f.course.startswith("transient"):
            votes.append(Vote(f, f.s, 1, 0.8, f"relief transient ({f.course[11:]})"))
        elif e.direction in ("better", "lower") and re.search(
            r"cure|remission|resolution", f.cue + " " + f.words, re.I
        ):
            votes.append(Vote(f, f.s, -1, 1.0, f"pain resolved ({f.cue})"))
    return votes


def _transient_votes(prop: Proposition, effects: list[Effect]) -> list[Vote]:
    """ "Side effects are short-lived": shown by side effects that resolved; relief that outlasts them counts for
    claims that say so ("effects fade while relief continues")."""
    lex = lexicon()
    votes = []
    for e in effects:
        f = e.finding
        if f.outcome in lex.harms and f.course:
            kind, _, words = f.course.partition(": ")
            if kind == "transient":
                votes.append(Vote(f, f.s, 1, 1.0, f"{f.outcome.replace('_', ' ')} transient ({words})"))
            else:
                votes.append(Vote(f, f.s, -1, 1.0, f"{f.outcome.replace('_', ' ')} persisted ({words})"))
        elif f.outcome in TIME_OUTCOMES and "duration_of_relief" in prop.outcomes:
            good = _better_for(f.outcome, e.direction, f.words)
            late = [t for t in f.times if t[0] >= 1 and t[2] in ("point", "window", "lasting")]
            if good and late and e.vs != "none":
                votes.append(Vote(f, f.s, 1, 0.8, f"relief continued to {late[-1][3]}"))
    return votes


# The claim without its comparison, for records that compare nothing: indirect evidence for a comparative claim.
BASE_BY_DIRECTION = {"faster": "onset", "slower": "onset", "less_harm": "does_not_cause"}
COMPARATIVE_BASE = {
    "comparative": "improves",
    "efficacy": "improves",
    "onset": "onset",
    "duration": "lasts",
    "dependence": "does_not_cause",
    "safety": "does_not_cause",
    "side_effect": "does_not_cause",
}
_BETWEEN = re.compile(r"\bbetween\b|\bdiffer(?:ed|ence|ences)?\b", re.I)  # "no difference between IV and ..."
ROUTE_WORDS = ("route", "intravenous", "intramuscular", "intranasal", "oral", "sublingual", "nebuli", "inhaled")


def _route_comparison(prop: Proposition) -> bool:
    """Whether the claim compares routes of ketamine ("slower than IV", "the fastest route")."""
    return bool(prop.comparator) and any(w in (prop.comparator or "").lower() for w in ROUTE_WORDS)


def _compares_routes(prop: Proposition, f: Finding, text: str) -> bool:
    """Whether a finding compares the claim's route of ketamine with another route of it, head to head: the findings
    reader found two forms of ketamine compared, or the sentence sets no other comparator, names one of the claim's
    routes and one of those it is compared with (any other, when the comparator names none) and compares them ("no
    difference between the administration of IV and nebulized ketamine"). A sentence that lists results by route
    ("no significant effect ... for ketamine IV in CRPS, oral memantine in ...") or compares one route of ketamine
    with another drug ("nebulized ketamine and IV morphine") compares no routes of ketamine."""
    if f.arm != "ketamine":
        return False
    if f.vs == "ketamine":
        return True
    others = _routes_named(prop.comparator or "")
    own = set(prop.routes) - others or set(prop.routes)  # "IV rather than oral", read with both routes
    named = _routes_named(text)
    against = (named & others if others else named) - own  # another route than the one the claim is about
    if f.vs is not None or not named & own or not against:
        return False
    return bool(lexicon().comparison.search(text) or _BETWEEN.search(text))


def _votes(prop: Proposition, direction: str, effects: list[Effect], reading: Reading) -> list[Vote]:
    if direction == "onset":
        return _onset_votes(prop if direction == prop.direction else _without_quantity(prop), effects, reading)
    if direction == "lasts":
        return _duration_votes(prop, effects, reading)
    if direction == "fades":
        return _fades_votes(prop, effects)
    if direction == "transient":
        return _transient_votes(prop, effects)
    voter = VOTERS[direction]
    votes = []
    for e in effects:
        side, weight, reason = voter(prop, e)
        votes.append(Vote(e.finding, e.finding.s, side, weight, reason, vs=e.vs))
    if direction == "improves":
        votes = _later_nulls_are_duration(votes, prop)
    return votes


def _without_quantity(prop: Proposition) -> Proposition:
    return replace(prop, quantity=None) if prop.quantity and prop.quantity[0] != "onset_minutes" else prop


# -- a claimed share of patients against the shares a record states --------------------------------------------------


@dataclass(frozen=True)
class Share:
    """A share of people: a percentage, the words that state it, whether it is "more than" it ("most"), and for a
    record's share the clause of its sentence that holds it (what the share is of is read there)."""

    percent: float
    words: str
    above: bool = False
    clause: str = ""
    rate: bool = False


_SHARE_CLAUSE = re.compile(r";|,\s*and\b|\b(?:while|whereas|but)\b", re.I)


def _clause_around(text: str, at: int, end: int) -> str:
    """The clause of ``text`` that holds ``text[at:end]``: from the last break before it (";", ", and", "while",
    "whereas", "but") to the first after it."""
    start = max((m.end() for m in _SHARE_CLAUSE.finditer(text, 0, at)), default=0)
    after = _SHARE_CLAUSE.search(text, end)
    return text[start : after.start() if after else len(text)]


_NUMBER = r"(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
# a range of percentages, read by its top ("50-70%", "20% to 40%"): its bottom is an optional group before _NUMBER
_RANGE = r"(?:(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)?\s*(?:-|–|to|and)\s*)?" + _NUMBER
# counts in words: only exact ones ("several" says no number)
_COUNT_WORDS_RX = sorted(
    (w for w in NUMBERS_IN_WORDS if " " not in w and len(w) > 2 and w != "several"), key=len, reverse=True
)
_COUNT = r"(\d{1,3}|" + "|".join(_COUNT_WORDS_RX) + r")"


@lru_cache(maxsize=1)
def _share_patterns() -> dict[str, re.Pattern[str]]:
    cfg = weighing()["share"]
    people = cfg["people"]
    return {
        "most": re.compile(cfg["most"] + people, re.I),
        "upper": re.compile(cfg["upper"], re.I),
        "no_result": re.compile(cfg["no_result"], re.I),
        "good_result": re.compile(cfg["good_result"], re.I),
        "other_arm": re.compile(cfg["other_arm"], re.I),
        "no_result_here": re.compile(cfg["no_result_here"], re.I),
        "not_a_count": re.compile(cfg["not_a_count"], re.I),
    }


# How a share form's match is read: "top" (and "rate", a rate's) the largest percentage it holds (one, or a range's
# two), "count" its percentage when it gives one, else its first count out of its second, "last" its percentage
# after a count, "fraction" the fraction word it starts with, a number the share a claim's words of nearly everyone
# say at least
_Reader = str


@lru_cache(maxsize=1)
def _share_forms() -> dict[str, list[tuple[re.Pattern[str], _Reader]]]:
    """The forms of a share, each with how it is read: a record's ("stated") and a claim's ("claimed")."""
    cfg = weighing()["share"]
    people = cfg["people"]
    words = r"(?:[\w-]+\s+){0,2}?"  # "of the 61 [adult] patients"
    fractions = "|".join(sorted((re.escape(w) for w in cfg["words"]), key=len, reverse=True))
    between = r"(?:\s*\([^()]{0,24}\))?\s+of\s+(?:the\s+|all\s+|these\s+|our\s+)?(?:\d+\s+)?" + words + people
    # a count's own percentage, closing its brackets ("(20%)", "(22.5%, 95% CI ...)"), not another figure ("(20% male)")
    pct = r"\s*\(\s*" + _NUMBER + r"\s*(?:\)|[,;])"
    pct_after = r"(?:" + pct + r")?"  # "8 of 40 patients (20%)"
    rate = cfg["rate"]

    def rx(text: str) -> re.Pattern[str]:
        return re.compile(text, re.I)

    common = [
        # "37 % of infusions", "4% (9/210) of patients", "Forty-eight (77%) of the 61 patients"
        (rx(r"\(?" + _NUMBER + r"\)?" + between), "top"),
        # "half of the patients", "two thirds of people"
        (rx(r"\b(?:" + fractions + r")\b" + between), "fraction"),
        # "22/44 (50 percent)", "12/30 patients responded"
        (rx(r"\b(\d{1,4})\s*/\s*(\d{1,4})(?:\s*\(\s*" + _NUMBER + r"\s*\)|\s+" + words + people + r")"), "count"),
        # "8 of 40 patients (20%)", "two out of three patients"
        (
            rx(
                r"\b"
                + _COUNT
                + r"\s+(?:out\s+of|of|in)\s+(?:the\s+|all\s+)?"
                + _COUNT
                + r"\s+"
                + words
                + people
                + pct_after
            ),
            "count",
        ),
        # "a 70% success rate", "an 80% overall response rate"
        (rx(_NUMBER + r"\s+" + words + rate), "rate"),
        # "a response rate of 80%", "the response rate at 24 hours was 30%", "response rates ranged from 20% to 40%"
        (rx(rate + r"\s+(?:[\w-]+\s+){0,5}?" + _RANGE), "rate"),
    ]
    return {
        # a record's: the common forms and a count of people with its percentage ("nine patients (22.5%)")
        "stated": common + [(rx(r"\b" + _COUNT + r"\s+" + words + people + pct), "last")],
        # a claim's: the common forms and a share with a verb ("41 per cent reported")
        "claimed": common
        + [
            (rx(_NUMBER + r"\s+(?:reported|report|had|have|get|got|see|saw|experienced|experience|respond"
                r"|responded|stayed|stay|achieve|achieved|feel|felt|notice|noticed)\b"), "top"),
        ]
        + [(rx(form["words"].replace("{people}", people)), str(form["percent"])) for form in cfg["nearly_all"]],
    }  # fmt: skip


def _count(word: str) -> float:
    return float(word) if word.isdigit() else float(NUMBERS_IN_WORDS.get(word.lower(), 0))


def _percent(m: re.Match[str], reader: _Reader) -> float | None:
    """The percentage a share form's match states, read as its form says (see _share_forms)."""
    numbers = [g for g in m.groups() if g is not None]
    if reader in ("top", "rate"):
        return max(float(n) for n in numbers) if numbers else None
    if reader == "count":  # "22/44 (50 percent)", "8 of 40 patients (20%)": the percentage; "12/30": the counts
        if len(numbers) == 3:
            return float(numbers[2])
        whole = _count(numbers[1]) if len(numbers) == 2 else 0.0
        return 100.0 * _count(numbers[0]) / whole if whole else None
    if reader == "last":  # "nine patients (22.5%)": the percentage, not the count
        return float(numbers[-1]) if numbers else None
    if reader == "fraction":
        lead = m.group(0).lower()
        words = weighing()["share"]["words"]
        for w in sorted(words, key=len, reverse=True):
            if lead.startswith(w):
                return float(words[w])
        return None
    return float(reader)  # a claim's words of nearly everyone: the share they say at least


@lru_cache(maxsize=8192)
def _matches(text: str, kind: str) -> tuple[tuple[re.Match[str], _Reader], ...]:
    """Every share of ``text`` in the forms of ``kind``, first first; of overlapping ones the one starting first (the
    longer when they start together). Kept: a claim's words are read for each record it is weighed against, and a
    record's sentences for each claim that states a share."""
    not_a_count = _share_patterns()["not_a_count"]
    found = [
        (m, r)
        for p, r in _share_forms()[kind]
        for m in p.finditer(text)
        # a count form whose first figure ends a change or is a score ("from 8 to 4 in 5 patients"): no share
        if not (r == "count" and not_a_count.search(text[: m.start(1)]))
    ]
    found.sort(key=lambda mr: (mr[0].start(), -mr[0].end()))
    out: list[tuple[re.Match[str], _Reader]] = []
    for m, r in found:
        if out and m.start() < out[-1][0].end():
            continue
        out.append((m, r))
    return tuple(out)


def claimed_share(quote: str) -> Share | None:
    """The share of patients a claim says get its result, if it says one: "more than 70% of patients", "roughly two
    out of three patients", "most patients" (more than half). Not a share that bounds it from above ("under 1%") or
    a share of no result ("20-30% of patients have no response")."""
    pats = _share_patterns()
    for m, reader in _matches(quote, "claimed"):
        # a bound from above is read just before the share's first figure ("a success rate of less than 10%")
        figures = [m.start(g) for g in range(1, (m.lastindex or 0) + 1) if m.group(g) is not None]
        begins = min(figures, default=m.start())
        if pats["upper"].search(quote[:begins]) or pats["no_result"].search(quote[m.end() :]):
            continue
        value = _percent(m, reader)
        if value is not None and 0 < value <= 100:
            return Share(value, m.group(0).strip())
    most = pats["most"].search(quote)
    if most and not pats["no_result"].search(quote[most.end() :]):
        return Share(50.0, most.group(0).strip(), above=True)
    return None


def stated_shares(text: str) -> list[Share]:
    """The shares of people a record's sentence states, leaving out a share of another arm ("21% of placebo group
    patients", "In the morphine group, 75% of patients ...": in the share's words, just after them or anywhere in its
    clause) and a sentence that gives several arms' shares in turn ("10%, 20%, and 35% ... respectively")."""
    pats = _share_patterns()
    if pats["other_arm"].search(text) and re.search(r"\brespectively\b", text, re.I):
        return []
    out = []
    for m, reader in _matches(text, "stated"):
        if pats["other_arm"].search(m.group(0)) or pats["other_arm"].search(text[m.end() : m.end() + 30]):
            continue
        clause = _clause_around(text, m.start(), m.end())
        if pats["other_arm"].search(clause):
            continue
        value = _percent(m, reader)
        if value is not None and 0 <= value <= 100:
            out.append(Share(value, m.group(0).strip(), clause=clause, rate=reader == "rate"))
    return out


def share_vote(
    claim: Claim, prop: Proposition, rec: Record, reading: Reading, only: frozenset[int] | None = None
) -> Vote | None:
    """Against a claim that states a share of patients, the record's result or conclusion sentence stating the
    largest share of its patients with the claim's outcome (with words of a good result, for a claim of benefit),
    when even that share is clearly smaller than the claim's (``data/weighing.toml`` [share])."""
    cfg = weighing()["share"]
    if prop.direction not in cfg["directions"]:
        return None
    claimed = claimed_share(claim.quote)
    if claimed is None:
        return None
    pats = _share_patterns()
    best: tuple[float, Finding, Share] | None = None
    for f in reading.findings:
        if only is not None and f.s not in only:
            continue
        if reading.sentences[f.s].role not in ("results", "conclusions"):
            continue
        text = reading.text(rec, f.s)
        if not _population_ok(prop, f) or not on_claim_outcome(prop, f, claim.kind):
            continue
        for share in stated_shares(text):
            # a share counts for what its own clause says: "80% were non-responders, and 20% had a greater than 30%
            # reduction" states 20% with the result
            if prop.direction != "causes" and (
                not pats["good_result"].search(share.clause) or pats["no_result_here"].search(share.clause)
            ):
                continue
            if (
                share.rate
                and f.words.lower() in share.words.lower()
                and not pats["good_result"].search(share.clause.replace(share.words, " "))
            ):
                continue  # a rate that alone names the result: "Response rate was 67%" may be a survey's
            if best is None or share.percent > best[0]:
                best = (share.percent, f, share)
    if best is None:
        return None
    top, f, share = best
    smaller = top <= claimed.percent if claimed.above else top < claimed.percent * cfg["clearly_smaller"]
    if not smaller:
        return None
    where = reading.sentences[f.s].role
    why = (
        f"the claim's '{claimed.words}' against the record's largest share, '{share.words}' ({where}): "
        f"clearly smaller (claimed share rule)"
    )
    return Vote(f, f.s, -1, 1.0, why)


# -- putting it together -----------------------------------------------------------------------------------------------


def _family(ids: list[str]) -> set[str]:
    vocab = default_vocabulary()
    return set().union(*(vocab.descendants("setting", s) for s in ids)) if ids else set()


def _is_review(rec: Record) -> bool:
    """A review covers several populations; its sentences say which one a result is about."""
    design = ((rec.get("tags") or {}).get("design") or [""])[0]
    return design in REVIEW_DESIGNS


def _chronic(population: tuple[str, ...]) -> bool:
    """Whether a claim is about chronic pain (or one chronic condition) only."""
    wanted = _family(list(population))
    return bool(wanted) and wanted <= _family(weighing()["population"]["chronic"])


def _acute_for_chronic(population: tuple[str, ...], have: set[str]) -> list[str]:
    """The acute-pain settings of a record (surgery, emergency care) when the claim is about chronic pain only and
    names none of them: such a study treats or prevents acute pain, which is indirect for chronic pain. A condition
    whose attacks are treated in emergency care (migraine) is the same condition there."""
    rules = weighing()["population"]
    if not _chronic(population) or set(population) & _family(rules["episodic"]):
        return []
    return sorted((have & _family(rules["acute"])) - _family(list(population)))


@lru_cache(maxsize=1024)
def _refractory_claim(text: str) -> re.Match[str] | None:
    """Where a claim's text names pain that other treatments have not eased (``data/weighing.toml`` [course]
    refractory), or None; kept, as a claim is read against each of its candidates."""
    return pattern("course", "refractory").search(text)


def _a_course_of_treatment(claim: Claim) -> str:
    """What a claim says is treated with a course of ketamine rather than one dose, as an explanation names it:
    infusion therapy or repeated treatment (its regimen), or pain that other treatments have not eased
    (``data/weighing.toml`` [course] refractory); "" if neither."""
    prop = claim.proposition
    if prop.regimen in ("infusion", "repeated"):
        return prop.regimen
    m = _refractory_claim(claim.text)
    return f"a course of treatment for pain others have not eased ({m.group(0)!r})" if m else ""


def _duration_indirect(claim: Claim, rec: Record, reading: Reading, have: set[str]) -> list[str]:
    """Why a record cannot say how long the claimed relief lasts (``data/weighing.toml`` [duration]): relief that
    outlasts the pain of an operation or an injury (time to the first rescue dose) when the claim names no population
    and a relief of days or more, or of no stated length ("lasts a long time"); a review pooling regimens (multi-day
    infusions among them) when the claim is about one infusion in so many words."""
    prop = claim.proposition
    rules = weighing()["duration"]
    out = []
    acute = have & _family(weighing()["population"]["acute"])
    long_claim = not prop.quantity or prop.quantity[1] >= rules["acute_indirect_from_days"]
    if not prop.population and long_claim and acute and (not _is_review(rec) or acute == have):
        out.append(f"population: {', '.join(sorted(acute))} (acute pain), not pain that persists")
    if _is_review(rec) and _one_infusion(claim.text) and (reading.study.regimen or ("",))[0] != "single":
        out.append("regimen: a review pooling regimens, not one infusion")
    return out


@lru_cache(maxsize=256)
def _one_infusion(text: str) -> bool:
    return bool(pattern("duration", "one_infusion").search(text))


def _refractory_patients(rec: Record) -> bool:
    """Whether a record's patients had pain other treatments had not eased (``data/weighing.toml`` [course]
    refractory_record, in its title, abstract or keywords)."""
    return bool(pattern("course", "refractory_record").search(record_text(rec)))


def _indirect(claim: Claim, rec: Record, reading: Reading) -> list[str]:
    prop = claim.proposition
    vocab = default_vocabulary()
    tags = rec.get("tags") or {}
    out = []
    have = set(tags.get("setting") or [])
    if prop.population and have and claim.kind != "mechanism":
        if prop.all_settings:  # "postoperative pain in opioid-tolerant patients": every part must be there
            missing = [s for s in prop.population if not have & vocab.descendants("setting", s)]
            if missing:
                out.append(f"population: {', '.join(sorted(have))}, not {' and '.join(prop.population)}")
        else:
            wanted = set().union(*(vocab.descendants("setting", s) for s in prop.population))
            if not have & wanted:
                out.append(f"population: {', '.join(sorted(have))}, not {', '.join(prop.population)}")
            elif not _is_review(rec) and (acute := _acute_for_chronic(prop.population, have)):
                about = ", ".join(prop.population)
                out.append(f"population: {', '.join(acute)} (acute pain), the claim is about {about}")
    if prop.direction == "lasts":
        out += _duration_indirect(claim, rec, reading, have)
    # how ketamine works, or how long it has been used, is the same whatever route a record studied
    any_route = claim.kind in ("mechanism", "history")
    if prop.routes and not any_route and tags.get("route") and not set(tags["route"]) & set(prop.routes):
        out.append(f"route: {', '.join(tags['route'])}, not {', '.join(prop.routes)}")
    elif prop.routes and not tags.get("route") and (claim.kind == "onset" or prop.direction == "onset"):
        routes, implied = record_routes(rec)
        if implied and len(routes) > 1:  # "injection": one of several routes, each with its own speed
            out.append(f"route: an injection, not said which; the claim is about {', '.join(prop.routes)}")
    regimen = reading.study.regimen
    if prop.regimen and regimen and regimen[0] != prop.regimen:
        if not (prop.regimen == "infusion" and regimen[0] == "repeated"):
            out.append(f"regimen: {regimen[0]} ({regimen[1]}), not {prop.regimen}")
    elif not _is_review(rec) and (treatment := _a_course_of_treatment(claim)):
        # an emergency-care trial gives one dose for one attack, whether or not its abstract states the dose
        single = sorted(have & _family(weighing()["population"]["single_dose"]))
        if regimen and regimen[0] == "single":
            out.append(f"regimen: single ({regimen[1]}), not {treatment}")
        elif single and not regimen:
            out.append(f"regimen: a single dose (population tagged {', '.join(single)}), not {treatment}")
    textbook = claim.kind in ("mechanism", "history")
    refractory = None if textbook else _refractory_claim(claim.text)
    if refractory and not _refractory_patients(rec):
        # "for whom other pain drugs have done little": trials of patients not said to be refractory are another
        # population, whatever their setting
        out.append(f"population: not said to be refractory to other treatments ('{refractory.group(0)}' in the claim)")
    exposure = reading.study.exposure
    if prop.exposure in ("therapeutic", "supervised") and exposure and exposure[0] in ("recreational", "sedation"):
        if not (prop.exposure == "supervised" and exposure[0] == "sedation"):
            out.append(f"exposure: {exposure[0]} ({exposure[1]}), not {prop.exposure} use")
    for focus, words in reading.study.focus:
        out.append(f"study focus: {focus.replace('_', ' ')} ({words})")
    return out


@lru_cache(maxsize=256)
def _concepts_name_outcomes(prop: Proposition) -> bool:
    """Whether a mechanism claim's words name its outcomes ("sedation, memory loss and pain relief") rather than a
    cause of them ("brain penetration due to lipid solubility")."""
    vocab = default_vocabulary()
    text = " ".join(
        (t.label + " " + " ".join(rx.regex.pattern for rx in t.regexes)).lower()
        for t in vocab.tags["outcome"]
        if t.id in prop.outcomes
    )
    return any(w.lstrip("~") in text for g in prop.concepts for w in g)


@lru_cache(maxsize=256)
def _named_harm(quote: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per word of the harm an item names: a group of [harm] synonyms it names counts as one word, found
    by any of the group's words ("Light-headedness" is named by "dizziness"); each other word by its own stem."""
    general = pattern("harm", "general_words")
    groups = []
    for group in harm_synonyms():
        if group.search(quote):
            groups.append(group)
            quote = group.sub(" ", quote)
    words = dict.fromkeys(w for w in re.findall(r"[a-z]{4,}", quote.lower()) if not general.fullmatch(w))
    # a word in its inflected forms only ("rash", "rashes"; "numb", "numbness"), never a longer word it begins
    # ("numb" is not "number")
    return (*groups, *(re.compile(rf"\b{re.escape(_stem(w))}{_INFLECTED}\b", re.I) for w in words))


_INFLECTED = "(?:s|es|ed|ing|ness|iness|y|ly)?"


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _names(harm: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether a sentence names the harm: half of its words (one at least)."""
    return sum(1 for rx in harm if rx.search(text)) >= max(1, math.ceil(len(harm) / 2))


def named_harm(claim: Claim) -> tuple[re.Pattern[str], ...]:
    """Patterns for the words of the harm a list item names under a lead-in ("possible side effects include: Increased
    secretions"), or a sentence after its verb of causing ("may cause blurred vision"), when the vocabulary has no
    outcome for it (the claim's only outcome is adverse events in general):
    findings on adverse events in general are indirect for it, only a sentence that names it is direct. Empty when
    the claim names no such harm."""
    prop = claim.proposition
    if prop.direction == "less_harm" and set(prop.outcomes) == {"adverse_events"}:
        # "less dizziness than morphine": the harm set against the comparator's, when the vocabulary has no outcome
        # for it, is what a finding must name; adverse events in general, fewer or comparable, are not it
        from .normalise import harm_compared_named

        said = harm_compared_named(claim.quote)
        return _named_harm(said) if said else ()
    if prop.direction != "causes" or set(prop.outcomes) != {"adverse_events"}:
        return ()
    if claim.lead_in:
        return _named_harm(claim.quote)
    # a sentence of its own ("Ketamine may cause blurred vision"): the harm is what its verb of causing is followed
    # by ([harm] caused_harm); side effects in general name none
    m = pattern("harm", "caused_harm").search(claim.quote) if claim.kind == "side_effect" else None
    return _named_harm(m.group("harm")) if m else ()


HARM_DIRECTIONS = ("causes", "does_not_cause", "less_harm")


def claimed_harms(claim: Claim) -> tuple[NamedHarm, ...]:
    """The harms of ``data/weighing.toml`` [harm.named] a harm claim's own words name ("A rise in blood pressure"), on
    one of its outcomes; empty for any other claim, or one that names none."""
    prop = claim.proposition
    if prop.direction not in HARM_DIRECTIONS:
        return ()
    return tuple(h for h in harms_named(claim.quote) if h.outcome in prop.outcomes)


def another_harm(claimed: tuple[NamedHarm, ...], outcome: str | None, sentence: str) -> str:
    """For a claim that names a harm finely, why a finding on ``outcome`` is not evidence on it: its sentence names
    another harm of that outcome and none the claim names ("heart rate" for a rise in blood pressure); "" if it
    counts (it names the claimed harm, or none of the outcome's, speaking of the outcome as a whole)."""
    mine = [h for h in claimed if h.outcome == outcome]
    if not mine or any(h.words.search(sentence) for h in mine):
        return ""
    others = [h for h in named_harms() if h.outcome == outcome and h not in mine and h.words.search(sentence)]
    if not others:
        return ""
    said = ", ".join(h.id.replace("_", " ") for h in others)
    return f"names {said}, not the harm the claim names ({', '.join(h.id.replace('_', ' ') for h in mine)})"


def other_change(claimed: tuple[NamedHarm, ...], claim_text: str, outcome: str | None, sentence: str) -> str:
    """For a claim that a harm goes one way ("usually does not drop blood pressure by much", "may raise your heart
    rate"), why a finding on its outcome is not evidence on it: its sentence says the harm goes only the other way
    ("mean blood pressure increased"); "" if it counts (the same way, both ways or neither: the harm as a whole)."""
    for h in claimed:
        said = h.change(claim_text) if h.outcome == outcome else ""
        seen = h.change(sentence) if said else ""
        if seen and seen != said:
            return f"names a {seen} in {h.id.replace('_', ' ')}, not the {said} the claim names"
    return ""


def _expanded(sentence: str, abbrevs: dict[str, str]) -> str:
    """``text.expand``, kept for the process: a record's finding sentences are expanded for each claim about a named
    condition that it is a candidate for (keyed on the sentence and the record's abbreviations, in their order)."""
    if not abbrevs:
        return sentence
    key = (sentence, tuple(abbrevs.items()))
    text = _EXPANDED.get(key)
    if text is None:
        text = _EXPANDED.keep(key, expand(sentence, abbrevs))
    return text


_EXPANDED: Kept[tuple[str, tuple[tuple[str, str], ...]], str] = Kept(16384)


def condition_sentences(condition: Condition, rec: Record, reading: Reading) -> frozenset[int] | None:
    """For a claim about one named condition, the finding sentences that speak of it, in a record that reports on it
    among other conditions ("significantly reduced pain in postamputation pain ... no significant effect in CRPS"):
    its title does not name the condition, some of its finding sentences do (abbreviations expanded), those that
    name no other condition if there are any. None when the whole record counts: its title names the condition, or
    no finding sentence does."""
    if condition.named_in(rec.get("title") or ""):
        return None
    naming = {}
    for f in reading.findings:
        text = _expanded(reading.text(rec, f.s), reading.abbreviations)
        if f.s not in naming and condition.named_in(text):
            naming[f.s] = names_another(condition, text)
    alone = frozenset(s for s, another in naming.items() if not another)
    return alone or frozenset(naming) or None


def stance_of(claim: Claim, rec: Record, reading: Reading) -> Stance:
    """The record's stance on the claim, with the deciding findings and their sentences. For a claim about one named
    condition, a record that reports on it among others is read from the sentences about it."""
    prop = claim.proposition
    if asserted_direction(prop) != prop.direction:  # "rapid action sets it apart from other therapies"
        prop = replace(prop, direction=asserted_direction(prop))
    effects: list[Effect] = []
    related = 0
    title = rec.get("title") or ""
    indirect_words = False
    by_route = _route_comparison(prop)
    # only an onset claim about a route needs the record's routes (how fast depends on the route)
    routes = record_routes(rec)[0] if claim.kind == "onset" and prop.routes else frozenset()
    condition = claim_condition(claim)
    only = None
    if condition is not None:
        only = condition_sentences(condition, rec, reading)
        prop = replace(prop, outcomes=condition_outcomes(claim))
    varies = duration_varies(claim) if prop.direction == "lasts" else ""
    if varies:
        prop = replace(prop, quantity=None)  # its figures illustrate the range; none is checked
    claimed, elsewhere = claimed_harms(claim), ""
    # which way the harm goes counts for a claim that says it goes one way, not for an absolute denial: "won't slow your
    # heart rate" is read as leaving the heart rate alone, and a rise refutes it as a fall would
    one_way = claimed if claimed and not absolute_denial(claim) else ()
    for f in reading.findings:
        if only is not None and f.s not in only:
            continue
        text = reading.text(rec, f.s)
        if f.outcome in prop.outcomes:
            related += 1  # on the claim's outcome, even if not on exactly what the claim names
        if not _relevant(prop, f, text, claim.kind, title, routes):
            continue
        other = another_harm(claimed, f.outcome, text) if claimed else ""
        other = other or (other_change(one_way, claim.text, f.outcome, text) if one_way else "")
        if other:
            elsewhere = elsewhere or other
            continue  # heart rate for a claim about blood pressure: another harm of the same outcome
        indirect_words = indirect_words or concept_match(prop, text, title) == "indirect"
        if by_route and f.direction and _compares_routes(prop, f, text):
            effects.append(Effect(f.direction, f"{ACTIVE}{OTHER_ROUTE}", f.significant, f))
            continue
        e = effect_of(f, reading)
        if e is None and prop.direction in ("lasts", "onset") and result_at_a_time(f, text, reading):
            e = Effect("better", "none", f.significant, replace(f, direction="better", rule=RESULT_AT_A_TIME))
        if e is not None:
            effects.append(e)
    fallback = ""
    if prop.direction == "states":
        votes = _textbook_votes(claim, rec, reading)
        related += _partial_statements(claim, rec, reading)
    elif varies:
        votes = _varies_votes(prop, effects, reading, varies)
    else:
        votes = _votes(prop, prop.direction, effects, reading)
        if claim.kind == "mechanism":  # and what the abstract states about the mechanism
            votes += _textbook_votes(claim, rec, reading)
            related += _partial_statements(claim, rec, reading)
        base = (BASE_BY_DIRECTION.get(prop.direction) or COMPARATIVE_BASE.get(claim.kind)) if prop.comparator else None
        if base and not any(v.side for v in votes):
            # no head-to-head comparison: what the record shows of ketamine alone is indirect evidence
            votes = _votes(prop, base, effects, reading)
            fallback = f"no comparison with {prop.comparator}: evidence on ketamine alone"
    related += len(votes)
    for v in votes:
        if v.finding is not None and v.finding.rule == RESULT_AT_A_TIME and v.side:
            v.reason = f"{v.reason} ({RESULT_AT_A_TIME})"
        s = reading.sentences[v.sentence]
        v.weight *= ROLE_WEIGHT.get(s.role, 0.6) * (0.5 if s.cut else 1.0)
        if v.finding is not None and v.finding.hedge:
            v.weight *= 0.5
    indirect = _indirect(claim, rec, reading) + ([fallback] if fallback else [])
    if indirect_words and not any(
        v.side
        for v in votes
        if v.finding is not None and concept_match(prop, reading.text(rec, v.sentence), title) == "direct"
    ):
        indirect.append(
            "names a related measure, not the claim's own ("
            + ", ".join(w[1:] for g in prop.concepts for w in g if w.startswith("~"))
            + ")"
        )
    named = named_harm(claim)
    if named and not any(
        v.side and _names(named, reading.text(rec, v.sentence)) for v in votes if v.finding is not None
    ):
        indirect.append(f"adverse events in general, not the harm the claim names ({claim.quote[:60]})")
    if (
        prop.direction == "less_harm"
        and votes
        and all(v.finding is not None and v.finding.direction == "same" for v in votes if v.side < 0)
        and not any(v.side > 0 for v in votes)
        and any(v.side < 0 for v in votes)
    ):
        indirect.append("a null result on a harm: too imprecise to show it is as frequent")
    if (
        claim.kind == "mechanism"
        and prop.concepts
        and not _concepts_name_outcomes(prop)
        and not any(
            v.side for v in votes if v.finding is None or concept_match(prop, reading.text(rec, v.sentence)) is not None
        )
    ):
        # faster relief is what "it reaches the brain fast" would explain, not a sign that it does
        indirect.append("shows the effect, not the mechanism")
    sup = [v for v in votes if v.side > 0 and v.weight > 0]
    con = [v for v in votes if v.side < 0 and v.weight > 0]
    ws, wc = sum(v.weight for v in sup), sum(v.weight for v in con)
    if not sup and not con:
        spoke = [v for v in votes if v.reason]
        why = spoke[0].reason if spoke else elsewhere or "reports no finding on this claim"
        return Stance(NEUTRAL, why, [], [], indirect, related=related)
    share = share_vote(claim, prop, rec, reading, only) if ws >= 2 * wc else None
    if share is not None:
        # the record shows the effect but in a clearly smaller share of its patients than the claim says: it does
        # not support the claim's figure (at most mixed, never turned against the effect it shows)
        stance, deciding = MIXED, sorted(sup, key=lambda v: -v.weight)[:2] + [share]
    elif ws >= 2 * wc:
        stance, deciding = SUPPORTS, sorted(sup, key=lambda v: -v.weight)
    elif wc >= 2 * ws:
        stance, deciding = CONTRADICTS, sorted(con, key=lambda v: -v.weight)
    else:
        stance = MIXED
        deciding = sorted(sup, key=lambda v: -v.weight)[:2] + sorted(con, key=lambda v: -v.weight)[:2]
    rationale: list[int] = []
    for v in deciding:
        if v.sentence not in rationale:
            rationale.append(v.sentence)
        if len(rationale) == 3:
            break
    reasons = list(dict.fromkeys(v.reason for v in deciding))
    measured = next((v.measured for v in deciding if v.measured is not None), None)
    compared = [v.vs for v in deciding if v.vs]
    controlled = any(vs == "placebo" or vs.startswith(ACTIVE) for vs in compared) if compared else None
    return Stance(stance, "; ".join(reasons[:3]), sorted(rationale), deciding, indirect, measured, related, controlled)
