"""Weigh the records' stances into a verdict, by what kind of claim it is (GRADE-like, one rule per kind).

Each record counts with its design's weight (``vocabulary.toml``: meta-analysis and systematic review 4, RCT 3,
cohort 2, case series 1, ...), halved when it is indirect (another population, regimen, exposure, or a
pharmacokinetic or secondary analysis); retracted records are shown and never counted. Support for a benefit
that compares patients only with themselves before treatment counts as an observational study, and a review
that rates its own evidence as weak as a single trial, whatever their design.

- **effects** (relief, onset, duration, comparisons): the direct evidence decides; evidence on another population,
  route or regimen can only leave the question open. `supported` needs a minimum of evidence, two concordant
  studies by different groups or one systematic review or meta-analysis, with an RCT or better among them, and
  nothing credible of comparable weight against; `contradicted` needs credible evidence against and none for;
  credible evidence on both sides is `mixed`, unless a consistent body at the top tier faces a single record.
  Direct evidence that is all weak (uncontrolled series, narrative reviews) leaves a benefit `insufficient`, whatever
  it and the indirect evidence show (series against one emergency dose for an infusion claim are not an open question).
  Duration claims are checked at both ends: relief shown only well short of the claimed maximum is `mixed`.
  Comparative claims count head-to-head evidence only. A claim of a large or certain benefit ("clearly helps")
  is at best `mixed` when anything credible is against it or a review rates the evidence weak, and so is a claim
  of a lasting change ("resets the nervous system", "rather than masking the pain"); a claim that some patients
  benefit ("in some cases") is shown by reports of patients who did, and is never contradicted by averages
  (``data/weighing.toml``), and one that the response or its duration differs between people ("people respond in
  different ways") by evidence both ways, which would make the benefit itself mixed. An onset claim that names what
  ketamine is faster than is weighed as a comparison. A benefit that lists several routes or outcomes needs direct,
  controlled evidence on each. A receptor claim that names what binds to the receptor, other than glutamate ("the
  receptors stress hormones attach to"), needs cited sentences that name it too (``data/weighing.toml`` [receptor]).
- **one named condition** (benefit, onset and duration claims; ``data/weighing.toml`` [condition]): a claim about
  one condition ("- Phantom limb pain", "CRPS: a chronic pain disorder of the arms or legs") is weighed on the
  direct records about it (its name or a synonym in their title, abstract or keywords, or its population tag);
  records on other pain conditions, or indirect on other grounds, are not counted, so they cannot make it supported
  or mixed. A review that pools several conditions is read from its sentences about this one. No record about it
  among the closest is `no_evidence`, unless records on the wider condition it belongs to report findings ("diabetic
  neuropathy" with trials of neuropathic pain): then, as when records about it report nothing for or against, or
  too little, it is `insufficient`, and the explanation names them. A psychiatric diagnosis ("- Depression",
  "OCD/PTSD") is a population of its own: it is weighed for its own outcomes (mood), never for relief of pain, and
  its records on patients in pain or around surgery are indirect too.
- **a route the claim names** (``data/weighing.toml`` [route]; not mechanism or history claims): a claim about
  ketamine by mouth, under the tongue or up the nose is divided or contradicted only by credible records that state
  that route (a record that states none is read as about ketamine given into a vein); when the credible evidence
  that divides it, or stands against it, is all in records of other routes, it is `insufficient`, and the
  explanation names the route, the records that state it and the records indirect for it (``off_route``). It is
  `supported` only when the records for it that state that route (and no more than one other) meet the minimum on
  their own (``on_route_support``, for the kinds [route] support_kinds names, a history claim among them: a use of a
  route the claim's own words name is not recorded by records of another): support in records of another route, or
  of none stated, does not show it.
- **a claim about the evidence** (``data/weighing.toml`` [strength] evidence_unanimous, evidence_strong): "every study
  agrees" is contradicted by any direct record against or mixed; "strong evidence shows", "large trials prove" need
  nothing credible against (else mixed) and a direct review for it that does not rate its evidence weak (else
  insufficient): never supported merely because the effect is (``evidence_claim``).
- **what no record names** (all kinds but textbook ones): a claim whose reading carries concept words (a condition
  the vocabulary has no population for, "Lupus") has `no_evidence` when none of its records' titles, abstracts or
  keywords names them: trials of pain in general do not bear on lupus. A mechanism is stated in other words. A
  benefit for such a condition is weighed, like a named one, on the records that name it only (``unplaced``).
- **never more than was checked** (``unshown_parts``, all kinds): a claim that makes a comparison its reading names
  no comparator for ("began sooner with the under-the-tongue route"), or gives a figure no cited sentence states
  ("76% of the patients"), or lists parts that nothing direct shows, is at best `insufficient`, whatever the
  evidence for the weaker proposition; the explanation says what was not checked. Evidence on ketamine alone does
  not refute such a comparison either (``unnamed_comparison``: not `contradicted`, nor `mixed` for how long relief
  lasts), unless the claim also denies a harm outright or states a time.
- **every part** (``data/weighing.toml`` [parts]): a claim is supported only if each part of it is. A benefit of
  several outcomes or measures ("better sleep, mood and energy, along with lower pain levels") needs, for each, a
  direct finding that speaks for it (``shown_parts``; a mixed record's finding against a part shows nothing of it;
  a measure narrower than the vocabulary's outcome, sleep or energy, must be named); the explanation names the part
  not shown, and the records that show each of the others. A statement of mechanism that also claims a benefit
  ("halts chronic pain by blocking the NMDA receptor", "this can relieve migraine pain": a verb of relief and a pain
  condition in one clause, either voice) is at best `mixed`: the benefit is not weighed. So is one that claims any
  other effect on patients: a measure other than pain improved ("improves memory by acting on NMDA receptors",
  "better sleep": [parts] improve_verb, improve_measure), safety, sparing dependence, protecting an organ, speed
  ([parts] mechanism_effect), or all patients ("causes memory loss in every patient": [parts] every_patient), or
  whatever else the half of the claim joined to the mechanism by "by", "because", ", which is why", ", so" says when
  it names nothing a mechanism or pain statement is about ("lowers blood sugar by blocking NMDA receptors": [parts]
  consequence_*, ``unchecked_consequence``); a span of time ("sedates patients for several days": [textbook]
  lasting) needs cited sentences that say it lasts; one that sets ketamine against every other drug ("the only
  drug that blocks NMDA receptors": [parts] mechanism_compared) is at best `mixed` too. The explanation quotes the
  words. Each action a mechanism
  claim's grammar states ("raises the amount of glutamate": ``data/weighing.toml`` [textbook.actions]) needs cited
  sentences that state that verb on that object; a shared noun ("glutamate-related pathways") is not. A harm said to
  happen to most patients needs cited sentences stating a majority: a minority stated too makes it `mixed`.
- **a harm exists** ("can cause liver damage"): shown by observational evidence too; one strong or two weaker
  records reporting it with ketamine suffice; only reports that it did not occur can contradict it. A claim that
  also says how the harm goes ("are temporary", "tend to be mild", "depend on the dose") is at best `mixed`: the
  records show that it happens, and the explanation says what was not checked. Set against
  another drug's harm, it is a comparison: only records comparing ketamine with an active drug count.
- **a harm is absent** ("no respiratory depression", "non-addictive"): an absolute claim, that the harm never happens
  ("no X", "does not cause X", "will not damage your liver", "nor any adverse effects", "without lowering breathing",
  "zero risk of X", "a 0% chance of X", "risk-free": ``data/weighing.toml`` [harm] absolute; ``normalise`` reads the
  risk or chance denied as the harm denied, ``data/claim_text.toml`` risk_denied), is contradicted by credible reports
  that X occurs with ketamine (an RCT-level record or two of any clinical design, case series and cohorts included),
  from any population, regimen or exposure when its own words name none (not another route, nor adverse events in
  general for a named harm); for serious or lasting harms ("without serious side effects", "no long-term side
  effects") only serious ones count. "No more frequent than with placebo" does not count for it: the harm happened in
  both groups. The explanation names the words and quotes an occurrence (``absolute_contradiction``). A hedged or
  scoped claim ("usually", "rarely", "close to zero", "at the doses we use", "like opioids": [harm] absolute_hedge) is
  contradicted by credible occurrence at the claimed exposure; occurrence only at other exposures (sedation,
  recreational use) makes it `mixed`.
- **safe** ("strong safety profile", "minimal risk"): capped at `mixed` by credible serious harms.
- **a caution** (an item of a list of the conditions in which ketamine must not be given: "Some conditions may rule
  out ketamine. Among these conditions are: - High blood pressure"; ``normalise.caution_item``): that ketamine harms
  people who have the condition is shown only by studies of it in them, which ketalit cannot tell from studies of
  patients not chosen for it; records that report on the harm (a rise in blood pressure with ketamine) are indirect
  for them, and the claim is at best `insufficient`, with the records named.
- **use** ("has been used for neuropathic pain", "doctors commonly use IV ketamine for refractory pain"): a claimed
  benefit whose own sentence says only that ketamine is used for something (``data/weighing.toml`` [use]) is shown by
  direct records that report it given to such patients, whatever they found (one review or guideline, or two
  groups); the explanation says that use, not efficacy, was checked. A word of success or safety ("used with success",
  "used safely"), a list's lead-in or a heading makes it a claim of benefit again, weighed as one.
- **textbook** (mechanism, history, dosing): reviews and preclinical work count; two groups, or one systematic
  review, meta-analysis or guideline, before `supported` (one narrative review is one voice); for a fact of
  history, what one meta-analysis says in passing is one voice too. A history claim is weighed part by part
  (``data/weighing.toml`` [[textbook.parts]]): what ketamine was used as ("as an anaesthetic"), since when or for how
  long ("for more than 50 years", "for a long time": a date or span of use old enough, or a word of age with no
  figure; "developed in the 1960s", "since 1985": a record giving that decade or year), and every other word it
  says (a setting, a condition, an agent, an event); each needs two groups or a guideline stating it, and the
  explanation names them. A history claim about what a regulator approved, scheduled or listed ("FDA approval",
  "Schedule III") is at best `insufficient`. How ketamine is given (a dosing claim that names a route, regimen or
  figure and no effect: ``how_given``) needs a review or guideline stating it, or what the patients of studies by
  two research groups received (their methods); that is never evidence that a regimen works, and no other claim
  reads a methods sentence. A mechanism claim left `mixed` by trials of an effect it would explain (hyperalgesia,
  pain, mood) that point both ways, with no record stating the opposite of the mechanism, is decided by the records
  that state it: `supported` when two groups or one systematic review, meta-analysis or guideline do, `insufficient`
  otherwise (those trials are indirect for what a mechanism is).
- **what a mechanism claim says** (``normalise``): its negation is its own only in what it says ketamine does. A
  detail denied after its verb ("blocks NMDA receptors without competing for their binding site") or a consequence
  with a negation (", so the brain does not read them as pain") is not read as denying the mechanism, so the records
  that state it support the claim; nothing reads that detail or consequence, so the claim is at best `insufficient`
  (a detail) or `mixed` (a consequence, as a benefit drawn from the mechanism), and the explanation names the words
  (``set_aside``). A mechanism said to bring on a harm ("it sedates", "can bring on sleepiness") is weighed as a harm
  that happens: more of it with ketamine supports it. Outcomes the claim names only as what its target does in the
  body ("a neurotransmitter linked to both pain and mood", "receptors involved in memory") are not weighed: trials of
  mood or memory do not test a mechanism, which is decided by the sentences that state it. A second predicate joined
  to the mechanism by ", and it ..." or ", and this ..." that names no part, receptor or transmitter ("blocks NMDA
  receptors, and it rebuilds the brain") is claimed too, as one joined by "and" to a part it names is
  (``stance._joined_rest``): a sentence states the claim only if it names what that predicate says
  (``weighing.joined_subject_rest``), and the explanation quotes the words it did not name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..tagging.patterns import either
from ..tagging.tagger import default_vocabulary, lower_same_length
from .catalogue import STANCE_TURNED, TEXTBOOK_KINDS, VERDICT_TURNED, Claim, Proposition, affirmed
from .coverage import cap, names_in_claim, unchecked
from .text import GIVEN_FIGURE, NUMBER_WORDS
from .weighing import (
    ACTION_VERBS,
    TARGET_SAID,
    Condition,
    absolute_words,
    action_parts,
    action_stated,
    action_words,
    aside_spans,
    conditions,
    general_words,
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

if TYPE_CHECKING:
    from .stance import Share

STRONG = 3.0  # an RCT or better
REVIEWS = ("meta_analysis", "systematic_review")
TEXTBOOK_WEIGHT = {"preclinical": 1.0, "narrative_review": 1.5, "guideline": 2.0}


# How a stance names a statement of how ketamine is given read from what a study's patients received (stance.py)
GIVEN = "states how it is given, in what its patients received"
ACTIVE = "active:"  # what ketamine was compared with, when another drug: "active:<drug>" (a finding's vs)


def how_given(claim: Claim) -> bool:
    """A dosing claim that says only how ketamine is given (``data/weighing.toml`` [dosing]): it names a route in its
    own words, a regimen or a figure, no outcome, says nothing but the drug, route, dose, regimen and timing
    ([dosing] may_say: not what the regimen does, "starts working within hours", "is the optimal dose"), and sets no
    routes against each other (which is the standard, which acts sooner: what each study's patients received does
    not compare them)."""
    prop = claim.proposition
    if claim.kind != "dosing" or prop.direction != "states" or claim.polarity == "negative" or prop.outcomes:
        return False
    if said_beyond(claim.quote, "dosing", _named_spans(claim.quote, conditions_too=False), numbers=True):
        return False
    from .normalise import route_contrast  # loaded with the engine; imported here, where it is used

    if route_contrast(claim.quote) is not None:
        return False  # routes set against each other ("but IV remains the standard"): a comparison of routes
    text, low = claim.text, lower_same_length(claim.text)
    route = any(rx.search(text, low) for td in default_vocabulary().tags["route"] for rx in td.regexes)
    return bool(prop.regimen or route or GIVEN_FIGURE.search(text))


_WORD = re.compile(r"\d+(?:[.,]\d+)*s?\b|[^\W\d_]+")
_YEAR = re.compile(r"\d{4}s?")


@cache
def _may_say(section: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The single words, and one pattern for the phrases, that [says_only] words and ``[section] may_say`` allow."""
    entries = [*weighing()["says_only"]["words"], *weighing()[section]["may_say"]]
    words = frozenset(w.lower() for w in entries if " " not in w)
    phrases = [r"\b" + r"[\W_]+".join(map(re.escape, w.lower().split())) + r"\b" for w in entries if " " in w]
    return words, (re.compile("|".join(phrases), re.I) if phrases else None)


def _named_spans(text: str, conditions_too: bool) -> list[tuple[int, int]]:
    """Where ``text`` names the drug or a route (the vocabulary's), and with ``conditions_too`` a named condition
    (``data/weighing.toml`` [condition]) or a vocabulary setting (the patients a drug is used for)."""
    vocab, low = default_vocabulary(), lower_same_length(text)
    axes = ("route", "setting") if conditions_too else ("route",)
    spans = [m.span() for m in vocab.ketamine.finditer(text)]
    spans += [m.span() for axis in axes for td in vocab.tags[axis] for rx in td.regexes for m in rx.finditer(text, low)]
    if conditions_too:
        spans += [m.span() for c in conditions() for m in c.words.finditer(text)]
    return spans


def said_beyond(text: str, section: str, cleared: list[tuple[int, int]], numbers: bool) -> list[str]:
    """The words of ``text`` that say something beyond what a claim of ``[section]`` (use, dosing) may say: none of
    [says_only] words nor ``[section] may_say``, outside the ``cleared`` spans (the claim's own words of use, the
    drug, a route, a condition); numbers are allowed with ``numbers`` (figures, in digits or words), else only years
    ("since the 1990s"). [] if it says nothing else."""
    words, phrases = _may_say(section)
    keep = list(text)
    for a, b in [*cleared, *((m.span() for m in phrases.finditer(text)) if phrases else ())]:
        keep[a:b] = " " * (b - a)
    out = []
    for m in _WORD.finditer("".join(keep)):
        w = m.group(0).lower()
        if w in words or (w[0].isdigit() and (numbers or _YEAR.fullmatch(w))) or (numbers and w in NUMBER_WORDS):
            continue
        out.append(w)
    return out


def threshold(key: str) -> float:
    """One of the aggregation thresholds of ``data/weighing.toml`` [verdict] (how each was chosen is said there)."""
    return float(weighing()["verdict"][key])


def strength_words(claim: Claim, kind: str) -> str:
    """The words with which a claim asserts a large or certain benefit ("clearly help": kind "strong"), or only
    that some patients benefit ("in some cases": kind "some"); "" if it does neither."""
    if claim.proposition.direction not in EFFECT_DIRECTIONS or claim.kind in TEXTBOOK_KINDS:
        return ""
    m = pattern("strength", kind).search(claim.text)
    return m.group(0) if m else ""


def varies_words(claim: Claim) -> str:
    """The words with which a claimed benefit, or its duration, is said to differ between people ("respond to their
    first infusion in different ways", "how long relief lasts can vary": ``data/weighing.toml`` [strength] varies);
    "" if it is not."""
    if claim.proposition.direction not in EFFECT_DIRECTIONS or claim.kind in TEXTBOOK_KINDS:
        return ""
    m = pattern("strength", "varies").search(claim.quote)
    return m.group(0) if m else ""


def harm_qualifier(claim: Claim) -> str:
    """The words with which a claim that ketamine causes a harm says how the harm goes ("are temporary", "tend to be
    mild", "depend on the dose": ``data/weighing.toml`` [harm] qualifiers); "" if it says only that it happens."""
    if claim.proposition.direction != "causes":
        return ""
    m = pattern("harm", "qualifiers").search(claim.text)
    return m.group(0) if m else ""


_GLUTAMATE_RECEPTOR = re.compile(r"\bnmda\b|\bn-methyl|\bglutamate\b", re.I)


@cache
def _ligand() -> re.Pattern[str]:
    words = "|".join(weighing()["receptor"]["ligands"])
    before = rf"\b(?P<before>{words})\b(?=(?:\W+\w+){{0,2}}\W+receptors?\b)"
    after = rf"\breceptors?\b(?:\W+\w+){{0,5}}?\W+(?P<after>{words})\b"
    return re.compile(f"{before}|{after}", re.I)


def receptor_ligand(claim: Claim) -> str:
    """What binds to the receptor a claim names, when it is not glutamate ("stress hormones" in "blocks the receptors to
    which those stress hormones attach": ``data/weighing.toml`` [receptor] ligands); "" if it names none."""
    if _GLUTAMATE_RECEPTOR.search(claim.text):  # the NMDA receptor named: what else it names is not the receptor's
        return ""
    m = _ligand().search(claim.text)
    return (m.group("before") or m.group("after")) if m else ""


def interaction_partner(claim: Claim) -> str:
    """The other drug of an interaction a claim states ("theophylline" in "Ketamine interacts with theophylline":
    ``data/weighing.toml`` [interaction] partner); "" if it states none, or if it is a mechanism claim (what ketamine
    acts on)."""
    if claim.kind == "mechanism":
        return ""
    m = pattern("interaction", "partner").search(claim.text)
    return m.group("partner") if m else ""


def harm_unread(claim: Claim) -> bool:
    """Whether a claim read as ketamine causing adverse events names no harm and no word of one being absent or rare
    ("Ketamine puts patients back in control of their lives", read as a side effect by its kind): its harm (adverse
    events in general) and its direction (the harm occurs) are both what a reading gives when it finds none, so
    records of side effects cannot show what it says."""
    from .normalise import HARM_KINDS, harm_read_from

    prop = claim.proposition
    if claim.kind not in HARM_KINDS or prop.direction != "causes" or set(prop.outcomes) != {"adverse_events"}:
        return False
    return harm_read_from(claim.text) is None


def use_words(claim: Claim) -> str:
    """The words with which a claimed benefit's own sentence, or the lead-in of its list, says only that ketamine is, or
    has been, used for something (``data/weighing.toml`` [use] claim: "has been used as well for", "doctors commonly
    use", "is at times offered as a treatment for", "Lately it has been used to treat conditions including:"); "" if
    it does not, if it says anything else (``said_beyond``: any word but the drug, its route, the conditions or
    patients, [use] frames and may_say, as in "used with success to treat", "because it relieves ..."), if the words
    are a heading (each word capitalised: "Conditions Ketamine Infusion Is Used For ...", or a lead-in without a
    colon) or a list's lead-in that is no record of use ([use] record: "is now used under medical supervision for:"
    lists what it is for; "has been used to treat conditions including:" says it was used for each), or if it says
    how widely or in what place it is used ([textbook] use_scope: "by most pain doctors", "the standard of care",
    "first-line"), which no record of its use shows."""
    prop = claim.proposition
    if claim.kind in TEXTBOOK_KINDS or prop.direction != "improves" or prop.comparator:
        return ""
    text = claim.text  # a list's item with its lead-in ("Lately it has been used to treat conditions including: ...")
    uses = list(pattern("use", "claim").finditer(text))
    if not uses or any(all(w[:1].isupper() for w in u.group(0).split()) for u in uses):
        return ""
    for u in uses:  # words of use in a list's lead-in: a heading, or a lead-in in the present, lists what it is for
        colon = ":" in text[u.end() :]
        if (colon or (claim.lead_in and u.end() <= len(claim.lead_in))) and not (
            colon and pattern("use", "record").search(u.group(0))
        ):
            return ""
    frames = pattern("use", "frames")
    own = [m.span() for m in frames.finditer(text)]
    outside = frames.sub(lambda m: " " * len(m.group(0)), text)  # the frames blanked out
    if pattern("textbook", "use_scope").search(outside):
        return ""  # "used by most pain doctors", "the standard of care": its scope, not its use, is what it claims
    for u in uses:  # the words between a prescriber and the verb are read like the rest ("doctors with success use")
        gap = u.span("gap") if u.groupdict().get("gap") is not None else (u.end(), u.end())
        own += [(u.start(), gap[0]), (gap[1], u.end())]
    if said_beyond(text, "use", own + _named_spans(text, conditions_too=True), numbers=False):
        return ""  # a further clause or predicate: "because it relieves ...", "and provides lasting relief"
    return uses[0].group(0)


def _use_documented(t: Tally) -> list[Evidence]:
    """The direct records that report ketamine given to the claim's patients, whatever they found (clinical studies and
    reviews, not preclinical work), if they meet the minimum of any claim: one systematic review, meta-analysis or
    guideline, or records by two groups; [] otherwise."""
    given = [e for e in t.sup + t.con + t.mixed if not e.indirect and e.design != "preclinical"]
    if any(e.design in (*REVIEWS, "guideline") for e in given) or len(_groups(given)) >= 2:
        return given
    return []


def asserted_direction(prop: Proposition) -> str:
    """What the claim asserts, for weighing: an onset claim that names what it is faster than ("its rapid action sets
    it apart from other therapies") is a comparison, shown only head to head."""
    return "faster" if prop.direction == "onset" and prop.comparator else prop.direction


def lasting_words(claim: Claim) -> str:
    """The words with which a claim says that ketamine changes the nervous system for good ("resets the way the
    brain handles pain"), ``data/weighing.toml`` [strength] lasting; "" if it does not."""
    if claim.proposition.direction not in EFFECT_DIRECTIONS:
        return ""
    m = pattern("strength", "lasting").search(claim.text)
    return m.group(0) if m else ""


def design_weight(design: str, textbook: bool = False) -> float:
    """How much one record of this design counts (vocabulary.toml), textbook claims counting reviews more."""
    if textbook and design in TEXTBOOK_WEIGHT:
        return TEXTBOOK_WEIGHT[design]
    td = default_vocabulary().tag("design", design)
    return float(td.weight) if td is not None and td.weight is not None else 0.5


def design_label(design: str) -> str:
    """How a citation names the design (vocabulary.toml's ``short``): 'RCT', 'cohort'."""
    td = default_vocabulary().tag("design", design)
    return td.short if td is not None else design


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
    stance: str  # supports | contradicts | mixed | neutral
    rationale: list[str] = field(default_factory=list)
    why: str = ""
    retracted: bool = False
    relevance: float = 0.0
    measured: float | None = None
    indirect: list[str] = field(default_factory=list)
    finding: list[dict[str, Any]] = field(default_factory=list)  # the deciding findings, each with its reason
    where: list[str] = field(default_factory=list)  # the role of each rationale sentence
    focus: list[str] = field(default_factory=list)
    related: int = 0  # findings on the claim's outcome, whatever their direction
    size: int | None = None  # how many people the study enrolled (largest count in the abstract)
    controlled: bool | None = None  # the deciding findings compare ketamine with a control (None: not known)
    certainty: str = ""  # the record's own words rating its evidence as weak ("only weak evidence")
    routes: list[str] = field(default_factory=list)  # the record's routes (vocabulary tags)
    settings: list[str] = field(default_factory=list)  # the record's populations (vocabulary setting tags)
    # whether the record's title, abstract or keywords name the claim's concept words (None: the claim has none)
    names_concepts: bool | None = None
    # for a claim about one named condition: why the record is about it ("title names 'phantom limb'"); "" if not
    about_condition: str = ""
    regimen: str = ""  # how the record gave ketamine, where it says (single | infusion | repeated; "" if not)

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
            "where": self.where,
            "why": self.why,
            "indirect": self.indirect,
            "finding": self.finding,
            "retracted": self.retracted,
            "relevance": round(self.relevance, 3),
            "measured": self.measured,
            "size": self.size,
            "controlled": self.controlled,
            "certainty": self.certainty,
            "routes": self.routes,
            "settings": self.settings,
            **({"about_condition": self.about_condition} if self.about_condition else {}),
            **({"regimen": self.regimen} if self.regimen else {}),
        }


# A claimed benefit: support from a before-after change with no control group shows it only as well as an
# observational study does, whatever the design of the report (a meta-analysis pooling before-after changes); a
# review that rates its own evidence as of low certainty counts as much as a single trial. Harms against the claim
# are shown by observation too, so only support is weighed down for want of a control group.
EFFECT_DIRECTIONS = ("improves", "lasts")
# counts as this design, at this tier
DOWNGRADE = {"no control group": ("cohort", 1), "low certainty": ("rct", 2), "inconclusive": ("cohort", 1)}
COUNTED_AS = {"cohort": "an observational study", "rct": "a single trial"}  # how an explanation names those designs


# What a claim about one named condition is weighed for: a benefit, its onset or how long it lasts.
CONDITION_DIRECTIONS = ("improves", "lasts", "onset")


def claim_condition(claim: Claim) -> Condition | None:
    """The one named condition (``data/weighing.toml`` [condition]) a claimed benefit is about ("- Phantom limb
    pain", "CRPS: a chronic pain disorder of the arms or legs"); None for a claim that names none, or more than one
    pain condition (a list, checked part by part), or another pain condition besides ("neuropathic pain or CRPS").
    Psychiatric diagnoses named together and nothing else ("OCD/PTSD") are one condition, about any of them. What a
    history or dosing claim states is not held to one condition's records, nor is a mechanism, but one said to work in
    the condition (``mechanism_condition``: "reduces inflammation in arthritis"). A claim that names none takes
    the one the sentence or question before it named, as a reader does (``Claim.condition``, set by
    normalise.topic_before)."""
    if claim.kind == "mechanism":
        return mechanism_condition(claim.quote)
    if claim.kind in TEXTBOOK_KINDS or claim.proposition.direction not in CONDITION_DIRECTIONS:
        return None
    named = _condition_named(claim.quote)
    if named is None and claim.condition and not any(c.named_in(claim.quote) for c in conditions()):
        return next((c for c in conditions() if c.id == claim.condition), None)
    return named


# where a clause ends, for the clause a mechanism's verb and the condition it is said to work in share
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|whereas|while|although|though|which|that|who|where|because)\b", re.I)


def mechanism_condition(quote: str) -> Condition | None:
    """The one named condition a mechanism is said to work in ("reduces central sensitization in migraine",
    "reverses central sensitization, the root cause of fibromyalgia pain"), by ``data/weighing.toml`` [condition]
    mechanism_in, mechanism_cause and mechanism_subject; None for a condition named elsewhere in the sentence (the
    page's account of the condition, "a receptor that takes part in the development of phantom limb pain")."""
    place = mechanism_place(quote)
    return place[0] if place is not None else None


@lru_cache(maxsize=4096)
def mechanism_place(quote: str) -> tuple[Condition, int, int] | None:
    """``mechanism_condition``'s condition and where the claim says the mechanism works in it (the offsets of "in
    chronic back pain", ", the root cause of fibromyalgia pain"): words that say where, not what ketamine does."""
    named = _condition_named(quote)
    if named is None or named.psychiatric:
        return None
    for m in named.words.finditer(quote):
        before = quote[: m.start()]
        cause = pattern("condition", "mechanism_cause").search(before)
        if cause is not None:
            return named, cause.start(), m.end()
        place = pattern("condition", "mechanism_in").search(before)
        if place is None:
            continue
        start = max([b.end() for b in _CLAUSE_BREAK.finditer(before, 0, place.start())], default=0)
        clause = before[start : place.start()]
        subject = pattern("condition", "mechanism_subject").search(clause)
        if subject and action_words().search(clause, subject.end()):
            return named, place.start(), m.end()
    return None


def claim_condition_in(text: str) -> Condition | None:
    """The one named condition ``text`` is about, read as a claim's own words are (``claim_condition``)."""
    return _condition_named(text)


@lru_cache(maxsize=4096)
def _condition_named(quote: str) -> Condition | None:
    named = [c for c in conditions() if c.named_in(quote)]
    pain = [c for c in named if not c.psychiatric]
    if pain:  # a pain condition, even beside a psychiatric one ("fibromyalgia, with its depression")
        return pain[0] if len(pain) == 1 and not names_another(pain[0], quote) else None
    if not named or any(names_another(c, quote) for c in named):
        return None
    if len(named) == 1:
        return named[0]
    words = re.compile("|".join(f"(?:{c.words.pattern})" for c in named), re.I)
    outcomes = tuple(dict.fromkeys(o for c in named for o in c.outcomes))
    label = " or ".join(c.label for c in named)
    return Condition("+".join(c.id for c in named), label, words, None, frozenset(), outcomes, psychiatric=True)


def unplaced(claim: Claim) -> bool:
    """Whether a claimed benefit is for what its reading's concept words name, a condition the vocabulary has no
    population for and [condition] does not name (an item "Lupus" of a list of conditions, or a reviewer's concept
    words): it is judged only on the records that name it."""
    prop = claim.proposition
    return (
        bool(prop.concepts)
        and claim.kind not in TEXTBOOK_KINDS
        and prop.direction in CONDITION_DIRECTIONS
        and claim_condition(claim) is None
    )


def condition_outcomes(claim: Claim) -> tuple[str, ...]:
    """What a claimed benefit for a named condition is weighed on: what its reading names, and relief of the
    condition's pain however it is measured (``data/weighing.toml`` [condition] pain: "phantom limb pain" reads as
    persistent postsurgical pain, a list of conditions "that fall under central sensitization" as hyperalgesia). For a
    psychiatric diagnosis, its own outcomes (mood), never relief of pain."""
    prop = claim.proposition
    condition = claim_condition(claim)
    pain = set(weighing()["condition"]["pain"])
    own = tuple(o for o in prop.outcomes if not (condition is not None and condition.psychiatric and o in pain))
    if prop.direction != "improves" or claim.kind == "mechanism":
        return own  # an onset or a duration is what the claim says of the relief; a mechanism, what it acts on
    return tuple(dict.fromkeys((*own, *(condition.outcomes if condition is not None else pain))))


@lru_cache(maxsize=8192)
def names_another(condition: Condition, text: str) -> bool:
    """Whether ``text`` names a pain condition besides ``condition`` and the broader ones it belongs to: another named
    pain condition, pain itself beside a psychiatric diagnosis (``data/weighing.toml`` [condition] pain_words), or a
    vocabulary setting of pain that has lasted months (``data/weighing.toml`` [population] chronic) and the conditions
    under it."""
    rest = condition.words.sub(lambda m: " " * len(m.group(0)), text)
    if any(c.named_in(rest) for c in conditions() if c is not condition and not c.psychiatric):
        return True
    if condition.psychiatric and pattern("condition", "pain_words").search(rest):
        return True  # "eases depression, and is in wide use as a pain treatment": a claim about pain too
    low = lower_same_length(rest)
    vocab = default_vocabulary()
    chronic = set().union(*(vocab.descendants("setting", s) for s in weighing()["population"]["chronic"]))
    for tag in chronic - condition.broader - {condition.setting}:
        td = vocab.tag("setting", tag)
        if td is not None and any(rx.search(rest, low) for rx in td.regexes):
            return True
    return False


def downgraded(claim: Claim, e: Evidence) -> tuple[str, str] | None:
    """(kind, why) when a record counts for less than its design on a claimed benefit: "no control group" (an
    observational study), "low certainty" (a single trial), "inconclusive" (no effect found in a report that rates
    its evidence as weak: an observational study); None when it counts in full."""
    if claim.proposition.direction not in EFFECT_DIRECTIONS or claim.kind in TEXTBOOK_KINDS:
        return None  # what a mechanism is, reviews state
    if e.controlled is False and e.stance == "supports":
        return "no control group", "no control group"
    if e.certainty and e.stance == "contradicts":
        # no effect found where the report itself says nothing can be concluded: an open question, not a refutation
        return "inconclusive", f"finds no effect but rates its evidence as weak: '{e.certainty}'"
    if e.certainty:
        return "low certainty", f"the report rates its evidence as weak: '{e.certainty}'"
    return None


def weight(claim: Claim, e: Evidence) -> float:
    textbook = claim.proposition.direction == "states"
    w = design_weight(e.design, textbook)
    down = downgraded(claim, e)
    if down:
        w = min(w, design_weight(DOWNGRADE[down[0]][0]))
    if e.indirect:
        w *= threshold("indirect_factor")
    return w


def cite(e: Evidence) -> str:
    return f"{e.first_author or 'Anon'} {e.year or 'n.d.'} ({design_label(e.design)})"


def _counts(items: list[Evidence]) -> str:
    c = Counter(design_label(e.design) for e in items)
    return ", ".join(f"{n} {d}" + ("s" if n > 1 and not d.endswith("s") else "") for d, n in c.most_common())


@dataclass
class Tally:
    claim: Claim
    sup: list[Evidence]
    con: list[Evidence]
    mixed: list[Evidence]

    @property
    def ws(self) -> float:
        return sum(weight(self.claim, e) for e in self.sup) + 0.5 * sum(weight(self.claim, e) for e in self.mixed)

    @property
    def wc(self) -> float:
        return sum(weight(self.claim, e) for e in self.con) + 0.5 * sum(weight(self.claim, e) for e in self.mixed)

    def direct(self) -> Tally:
        """The same tally without indirect evidence."""

        def keep(side: list[Evidence]) -> list[Evidence]:
            return [e for e in side if not e.indirect]

        return Tally(self.claim, keep(self.sup), keep(self.con), keep(self.mixed))

    def credible_weight(self) -> tuple[float, float]:
        """The weight for and against among records that can settle a claim (RCT-level or better, tier 2 or 3): the
        evidence whose weight a verdict compares (a mixed record half on each side)."""

        def w(side: list[Evidence]) -> float:
            return sum(weight(self.claim, e) for e in side if tier(self.claim, e) >= 2)

        return w(self.sup) + 0.5 * w(self.mixed), w(self.con) + 0.5 * w(self.mixed)

    def at_tier(self, level: int) -> tuple[float, float]:
        """The weight for and against among the records of one tier (a mixed record half on each side)."""

        def w(side: list[Evidence]) -> float:
            return sum(weight(self.claim, e) for e in side if tier(self.claim, e) == level)

        return w(self.sup) + 0.5 * w(self.mixed), w(self.con) + 0.5 * w(self.mixed)

    def enough(self, side: list[Evidence]) -> bool:
        """The minimum before a verdict leans on a side: one review, or two concordant studies by different groups
        (first authors) with an RCT-level record among them (for textbook claims: two groups, or one systematic review,
        meta-analysis or guideline; for a fact of history, two groups or a guideline: what a review says of the drug's
        history is its background, not what it pooled, so it is one voice like a narrative review)."""
        direct = [e for e in side if not e.indirect]
        if self.claim.proposition.direction == "states":
            return statements_enough(side, self.claim.kind)
        if any(e.design in REVIEWS and not downgraded(self.claim, e) for e in direct):
            return True
        # two studies from one group are one finding repeated, not a replication
        return len(_groups(direct)) >= 2 and max(weight(self.claim, e) for e in direct) >= STRONG

    def credible(self, side: list[Evidence]) -> bool:
        """Evidence a reader cannot dismiss: an RCT-level record, or two records of any clinical design."""
        return bool(side) and (
            max(weight(self.claim, e) for e in side) >= STRONG * threshold("indirect_factor") or len(side) >= 2
        )


# The rule a cited finding carries when its sentence states what a textbook claim says (``link`` marks it so), rather
# than reporting a finding on an outcome.
STATEMENT_RULE = "textbook statement"


def states_claim(e: Evidence) -> bool:
    """Whether a record is cited for a statement (a textbook sentence that says what the claim says), not for a
    finding on an outcome."""
    return any(f.get("rule") == STATEMENT_RULE for f in e.finding)


def statements_enough(side: list[Evidence], kind: str) -> bool:
    """The textbook minimum: records stating a claim by two groups, or one systematic review, meta-analysis or
    guideline among them (for a fact of history, a guideline: what a review says of the drug's history is its
    background, not what it pooled). One author's narrative review is one voice: a mechanism it alone states is not
    established."""
    voices = ("guideline",) if kind == "history" else (*REVIEWS, "guideline")
    return len(_groups(side)) >= 2 or any(e.design in voices for e in side)


def _groups(items: list[Evidence]) -> set[str]:
    """The research groups (first authors) behind some records."""
    return {(e.first_author or e.title).lower() for e in items}


def tier(claim: Claim, e: Evidence) -> int:
    """How much a record can settle on its own: 3 a review with pooled data or a large RCT, 2 an RCT, 1 other
    clinical designs, 0 the rest; a downgraded record (no control group, low certainty) at most its tier, indirect
    evidence one tier lower."""
    if e.design in REVIEWS or (e.design == "rct" and (e.size or 0) >= threshold("large_trial")):
        t = 3
    elif e.design == "rct":
        t = 2
    elif design_weight(e.design, claim.proposition.direction == "states") >= 1.0:
        t = 1
    else:
        t = 0
    down = downgraded(claim, e)
    if down:
        t = min(t, DOWNGRADE[down[0]][1])
    return max(0, t - 1) if e.indirect else t


def _top(t: Tally, side: list[Evidence]) -> int:
    return max((tier(t.claim, e) for e in side), default=-1)


def _effect_verdict(t: Tally) -> str:
    """The direct evidence decides (GRADE's indirectness): supported when the evidence for meets the minimum and
    nothing of comparable weight says otherwise; mixed when credible evidence points both ways (a meta-analysis
    for, a large RCT against). When the direct evidence is too thin to decide, evidence on another population,
    route or regimen can show that the question is open (mixed, also when it points against the little direct
    evidence there is), never settle it."""
    if not [e for e in t.sup + t.con + t.mixed if not e.indirect]:
        return "insufficient"  # only evidence on another population, route, regimen or measure
    direct = t.direct()
    v = _weigh(direct)
    weak = t.claim.proposition.direction != "states" and not any(
        tier(t.claim, e) >= 2 for e in direct.sup + direct.con + direct.mixed
    )
    if weak and v in ("mixed", "insufficient"):
        # only weak direct evidence (uncontrolled series, narrative reviews): reports that point both ways, or trials
        # in other populations or of other regimens, do not make it an open question; no trial has asked it yet
        return "insufficient"
    if v != "insufficient":
        return v
    # the little direct evidence there is against what the rest shows, or the whole evidence divided: an open
    # question (mixed); otherwise what other populations show does not settle this one
    overall = _weigh(t)
    if overall == "mixed" or (overall == "supported" and direct.con) or (overall == "contradicted" and direct.sup):
        return "mixed"
    return "insufficient"


def _weigh(t: Tally) -> str:
    top_s, top_c = _top(t, t.sup + t.mixed), _top(t, t.con + t.mixed)
    # a higher tier outweighs a lower one (a meta-analysis over a single trial) unless the lower holds credible
    # evidence (RCT-level or better) of at least the same weight; contradicted means that the credible evidence
    # says the opposite, so credible evidence for the claim leaves it mixed at worst
    cws, cwc = t.credible_weight()
    if t.enough(t.sup) and top_s > top_c and (top_c < 2 or cws >= cwc):
        return "supported"
    if t.enough(t.con) and top_c > top_s and top_s < 2:
        return "contradicted"  # only when nothing credible (RCT-level, direct) shows the benefit
    if top_s >= 2 and top_c >= 2:
        # credible evidence on both sides: where both have evidence of the same (highest) tier, a consistent body
        # is not made mixed by a single record against it
        if top_s == top_c:
            ws, wc = t.at_tier(top_s)
            if t.enough(t.sup) and ws >= threshold("consistent_body") * wc:
                return "supported"
            if t.enough(t.con) and wc >= threshold("consistent_body") * ws:
                return "contradicted"
        return "mixed"
    if t.credible(t.sup + t.mixed) and t.credible(t.con + t.mixed):
        return "mixed"
    outweighs = threshold("outweighs")
    if t.enough(t.sup) and t.ws >= outweighs * t.wc:
        return "supported"
    if t.enough(t.con) and t.wc >= outweighs * t.ws:
        return "contradicted"
    return "insufficient"


def _against_a_strong_claim(t: Tally) -> list[Evidence]:
    """What stops a claim of a large or certain benefit from being supported: credible direct evidence against it
    (RCT-level or better, against or mixed), and direct reviews that rate their evidence as weak."""
    claim = t.claim
    against = [e for e in t.con + t.mixed if not e.indirect and tier(claim, e) >= 2]
    weak = [e for e in t.sup + t.con + t.mixed if not e.indirect and e.design in REVIEWS and e.certainty]
    return against + [e for e in weak if e not in against]


def evidence_claim(t: Tally, v: str) -> tuple[str, str]:
    """A claim about the evidence for an effect, not only the effect (``data/weighing.toml`` [strength]
    evidence_unanimous, evidence_strong): (the verdict it can have, a note saying why). That every study agrees is
    false wherever a record weighed directly for the claim disagrees (contradicted, naming it); that the evidence is
    strong ("Strong evidence shows", "Large trials prove", "The science is settled") needs nothing credible against it
    (``_against_a_strong_claim``: else mixed) and a direct review or meta-analysis for it that does not rate its own
    evidence as weak (else insufficient). Never supported merely because the effect is."""
    claim = t.claim
    if v not in ("supported", "mixed") or claim.kind in TEXTBOOK_KINDS:
        return v, ""
    if claim.proposition.direction not in EFFECT_DIRECTIONS:
        return v, ""
    unanimous = pattern("strength", "evidence_unanimous").search(claim.text)
    strong = unanimous or pattern("strength", "evidence_strong").search(claim.text)
    if not strong:
        return v, ""
    words = strong.group(0)
    disagree = [e for e in t.con + t.mixed if not e.indirect]
    if unanimous and disagree:
        named = ", ".join(f"{cite(e)} {e.stance}" for e in _strongest(disagree, 2))
        return "contradicted", (
            f" The claim says every study agrees ('{words}'): {len(disagree)} record(s) weighed directly for it "
            f"disagree (e.g. {named})."
        )
    if v != "supported":
        return v, ""
    doubts = _against_a_strong_claim(t)
    if doubts:
        return "mixed", (
            f" The claim says the evidence is strong ('{words}'): credible records are against it or rate it weak "
            f"(e.g. {', '.join(cite(e) for e in _strongest(doubts, 2))})."
        )
    reviews = [e for e in t.sup if not e.indirect and e.design in REVIEWS and not downgraded(claim, e)]
    if not reviews:
        return "insufficient", (
            f" The claim says the evidence is strong ('{words}'): no direct systematic review or meta-analysis here "
            "supports it without rating its evidence as weak, so the strength of the evidence is not shown."
        )
    return v, (
        f" The claim says the evidence is strong ('{words}'): nothing credible is against it and "
        f"{', '.join(cite(e) for e in _strongest(reviews, 2))} support it."
    )


def _benefit_reported(t: Tally) -> list[Evidence]:
    """Direct clinical reports of patients who benefited, when at least two groups (first authors) report it."""
    clinical = [
        e for e in t.sup + t.mixed if not e.indirect and e.design not in ("preclinical", "narrative_review", "other")
    ]
    return clinical if len(_groups(clinical)) >= 2 else []


# parts of an hour in words, and the count words a figure may be written in ("two in every three", "about two hours")
_HOUR_PARTS = {
    "half an hour": "30 minutes",
    "a quarter of an hour": "15 minutes",
    "three quarters of an hour": "45 minutes",
}
_COUNT_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True)
                       if w not in ("a", "an", "half an", "several", "a few")) + r")\b", re.I
)  # fmt: skip
# a count out of a count: "2 in 3", "2 patients in every 3", "2 out of 3", "2 of 3", "2/3"
_OUT_OF = re.compile(
    r"(?<![\d.])(\d+)(?: [a-z]+)? (?:in|out of|of) (?:every |the )?(\d+)(?![\d.])|(?<![\d.])(\d+)/(\d+)(?![\d.])"
)


def in_digits(text: str) -> str:
    """A text with its figures in words written in digits: "two patients in every three" is "2 patients in every 3",
    "a quarter of an hour" is "15 minutes"."""
    for words, figure in _HOUR_PARTS.items():
        text = re.sub(rf"\b{words}\b", figure, text, flags=re.I)
    return _COUNT_WORDS.sub(lambda m: f"{NUMBER_WORDS[m.group(1).lower()]:g}", text)


def _share_of(m: re.Match[str]) -> float | None:
    part, whole = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return 100 * int(part) / int(whole) if int(whole) and int(part) <= int(whole) else None


def _states_figure(said: str, sentence: str) -> bool:
    """Whether a sentence states a claim's figure: the same number of the same unit (1% is not 1 week; 7 minutes are
    neither 7.2 points nor day 7, but "at 7, 15 and 30 minutes" states them), in digits or in words ("about two
    hours", "a quarter of an hour"). A count out of a count ("two patients in every three") is stated by a share of
    people the sentence states (``stance.stated_shares``, within five points): a figure of one of its numbers alone,
    a confidence interval or a count of days, trials or animals is not."""
    said, sentence = in_digits(said), in_digits(sentence)
    share = _OUT_OF.search(said)
    if share and (claimed := _share_of(share)) is not None:
        from .stance import stated_shares  # (stance imports this module)

        # a share of people the sentence states (not a confidence interval, a difference between arms, another
        # arm's share or a count of days, trials or animals: "95% CI", "9 of 10 mice")
        return any(abs(s.percent - claimed) <= 5 for s in stated_shares(sentence))
    unit = re.search(r"%|per ?cent|min|hour|day|week|month", said)
    then = ""
    if unit:
        word = r"(?:%|per ?cent)" if unit.group(0) in ("%", "percent", "per cent") else unit.group(0)
        then = r"(?:[\s,–-]*(?:\d+|and|or|to))*\s*" + word  # "7, 15 and 30 minutes"
    # a percentage of a range ("50-90%") is stated by a sentence that states each end; a confidence level ("90%
    # confidence interval", "95% CI") states no result
    numbers = re.findall(r"\d[\d.,]*", said)
    ends = numbers[:2] if unit and word.startswith("(?:%") else numbers[:1]
    level = r"(?!\s*(?:confidence|credib\w*|CI\b))"
    return all(
        re.search(r"(?<![\d.])" + re.escape(n.rstrip(".,")) + r"(?!\d|[.,]\d)" + then + level, sentence, re.I)
        for n in ends
    )


_CURE_KINDS = ("efficacy", "onset", "duration", "comparative", "dosing")  # claims of what the drug does, and how given


def _claimed_share(claim: Claim) -> Share | None:
    """The share of patients a claim of benefit says get it ("most of our patients", "half of patients", "a success
    rate of 85%"), if it says one (``stance.claimed_share``); None for other claims."""
    from .stance import claimed_share  # (stance imports this module)

    if claim.kind not in _CURE_KINDS or claim.polarity == "negative":
        return None
    if claim.proposition.direction not in ("improves", "lasts", "onset", "states"):
        return None
    return claimed_share(claim.quote)


def _share_shown(t: Tally, claimed: Share) -> bool:
    """Whether the shares of patients with a good result that the sentences cited for the claim state (of records
    for it or mixed on it; ``data/weighing.toml`` [share] good_result, not a share of no result) are, taken together
    (their median), at least as large as the claim's ("most": more than half). A claimed rate is a typical result:
    one small series in which every patient improved does not show it against trials with fewer responders."""
    from .stance import stated_shares

    good = re.compile(weighing()["share"]["good_result"], re.I)
    none = re.compile(weighing()["share"]["no_result_here"], re.I)
    shares = sorted(
        s.percent
        for e in t.sup + t.mixed
        for sentence in e.rationale
        for s in stated_shares(sentence)
        if good.search(s.clause or sentence) and not none.search(s.clause or sentence)
    )
    if not shares:
        return False
    n = len(shares)
    median = shares[n // 2] if n % 2 else (shares[n // 2 - 1] + shares[n // 2]) / 2
    return median > claimed.percent if claimed.above else median >= claimed.percent


def unnamed_comparison(claim: Claim) -> str:
    """Why evidence on ketamine alone neither shows nor refutes a claim that compares it with something its reading
    does not name ("can last a fair while longer than when it is given for depression", ``data/weighing.toml`` [scope]
    comparison); "" when it makes no such comparison."""
    prop = claim.proposition
    compares = pattern("scope", "comparison").search(claim.quote) if prop.direction != "states" else None
    if not compares or prop.comparator:
        return ""
    words = " ".join([compares.group(0), *claim.quote[compares.end() :].split()[:4]]).rstrip(".,;:!? ")
    return (
        f"the claim makes a comparison ('{words}') with something its reading does not name: the records were read "
        "for ketamine alone, and no record in this library is read as comparing the two"
    )


def unshown_parts(t: Tally, benefit_parts: bool = True) -> list[str]:
    """What a claim says beyond what the evidence for it was checked for, each with its reason; a supported verdict
    needs none. Evidence for a weaker, more general proposition does not show the specific claim:

    - a comparison ("began sooner with the under-the-tongue route", "side effects more often", ``data/weighing.toml``
      [scope] comparison) when the claim's reading names no comparator: its records were read for ketamine alone
      (with a comparator, ``_comparative_verdict`` already counts head-to-head evidence only);
    - the clinic's own patients or results ("One of our patients was still having ...", "our results so far",
      [scope] own_case): its own practice, which no published record tells;
    - where an effect has been had ("Several countries beyond the United States have used Ketamine with success",
      [scope] where_used): in which countries it is used, which the abstracts do not record;
    - a harm said to last ("flashbacks years after the infusions", "long-lasting", [scope] harm_lasting) in a claim of a
      side effect, safety or mechanism, unless a sentence cited for it states a lasting harm too;
    - a figure ("76% of the patients", "under 1%", "over within 30 - 60 minutes", [scope] figure) that the reading
      does not carry as a quantity, unless a sentence cited for the claim states the same number;
    - a share of patients a claim of benefit gives ("most of our patients", "a success rate of 85%", ``stance.
      claimed_share``): the clinic's own patients' share never, any other unless the shares of patients with a good
      result the cited sentences state are, by their median, at least as large (``_share_shown``); a range of figures
      is stated only with both its ends, and a confidence level states no result;
    - a claim that the drug does away with the pain or the condition ("resolves CRPS", "pain-free", "lasting
      remission", [scope] cure) in a claim of an effect or a dosing, unless a sentence cited for it states one too;
    - the parts of a claimed benefit that names several routes, outcomes or populations ("CRPS may respond to
      intravenous, topical or epidural ketamine"; "better sleep, mood and energy"; "fibromyalgia, CRPS and
      migraine") that no direct, controlled record for it shows: each part of such a list is a claim of its own, and
      evidence on one part does not show another. For a claim that some patients benefit, reports of patients who
      did show a part too; for a claim of use ("has been used for CRPS, fibromyalgia and migraine"), a direct record
      that reports ketamine given for the part, whatever it found (not with ``benefit_parts`` False: only the
      comparison and the figure)."""
    claim, prop = t.claim, t.claim.proposition
    out = []
    compares = unnamed_comparison(claim)
    if compares:
        out.append(compares)
    share = _claimed_share(claim) if not prop.quantity else None
    own = pattern("share", "own").search(claim.quote) if share is not None else None
    case = pattern("scope", "own_case").search(claim.quote)
    if case and not (share is not None and own):
        out.append(
            f"the claim tells of the clinic's own patients or results ('{case.group(0)}'): its own practice, which no "
            "published record tells"
        )
    from .normalise import EFFECT_KINDS  # the kinds of a claim about an effect (dosing among them, left out here)

    where = (
        pattern("scope", "where_used").search(claim.quote)
        if claim.kind in EFFECT_KINDS and claim.kind != "dosing"
        else None
    )
    if where:
        out.append(
            f"the claim says where the effect has been had ('{where.group(0)}'): the records tell how patients did, "
            "not in which countries ketamine is used with success"
        )
    lasting = (
        pattern("scope", "harm_lasting").search(claim.quote)
        if claim.kind in ("side_effect", "safety", "mechanism")
        else None
    )
    if lasting and not any(pattern("scope", "harm_lasting_stated").search(s) for e in t.sup for s in e.rationale):
        out.append(
            f"the claim says the harm lasts ('{lasting.group(0)}'), which no sentence cited for it states: the records "
            "show how often it happens, not that it lasts"
        )
    change = lasting_words(claim)
    if change and not any(
        pattern("textbook", "lasting_said").search(s) for e in t.sup if not e.indirect for s in e.rationale
    ):
        out.append(
            f"the claim says ketamine changes the nervous system for good ('{change}'), which no sentence cited for it "
            "states: the records show an effect while the drug acts"
        )
    if share is not None and own:
        out.append(
            f"the claim gives a share of the clinic's own patients ('{share.words}'): a figure of its own practice, "
            "which no published record states"
        )
    elif share is not None and not _share_shown(t, share):
        out.append(
            f"the claim gives a share of patients ('{share.words}') that no sentence cited for it states, at least "
            "as large, of patients with a good result: the records were read for the effect, not for how many had it"
        )
    figure = pattern("scope", "figure").search(claim.quote) if not prop.quantity else None
    if figure and not any(_states_figure(figure.group(0), s) for e in t.sup for s in e.rationale):
        out.append(
            f"the claim gives a figure ('{figure.group(0)}') that no sentence cited for it states: the records were "
            "read for the effect, not for the figure"
        )
    cures = pattern("scope", "cure")
    # not of a claim about some patients ("even getting rid of the pain in some people"): [strength] some
    cure = cures.search(claim.quote) if claim.kind in _CURE_KINDS and claim.polarity != "negative" else None
    cure = None if strength_words(claim, "some") else cure
    joined = [p for p in unchecked(claim) if p.startswith("joined clause")] if cure else []  # named when capped
    stated = cure is not None and any(cures.search(s) for e in t.sup for s in e.rationale)
    if cure and not stated and not any(cure.group(0) in p for p in joined):
        out.append(
            f"the claim says the pain or the condition is done away with ('{cure.group(0)}'), which no sentence cited "
            "for it states: the records show it lessened"
        )
    if prop.direction not in EFFECT_DIRECTIONS or not benefit_parts:
        return out
    some = bool(strength_words(claim, "some"))
    shown = [e for e in t.sup + t.mixed if not e.indirect and (some or e.controlled is not False)]
    if use_words(claim):  # a claim of use: a part is shown by a direct record that gives ketamine for it, whatever
        shown = [e for e in t.sup + t.con + t.mixed if not e.indirect and e.design != "preclinical"]
    parts = []
    if len(prop.routes) >= 2:
        parts += [f"route {r}" for r in prop.routes if not any(r in e.routes for e in shown)]
    if len(prop.population) >= 2 and not prop.all_settings:  # "fibromyalgia, CRPS and migraine": each condition
        vocab = default_vocabulary()
        parts += [
            f"population {p}"
            for p in prop.population
            if not any(set(e.settings) & vocab.descendants("setting", p) for e in shown)
        ]
    named = shown_parts(t)
    parts += [p for p, records in named.items() if not records]
    if parts:
        have = "; ".join(f"{p}: {', '.join(map(cite, records[:2]))}" for p, records in named.items() if records)
        out.append(
            f"the claim names several parts, and each needs its own direct evidence; nothing direct shows "
            f"{', '.join(parts)}" + (f" (shown: {have})" if have else "")
        )
    return out


def parts_stated(t: Tally) -> list[tuple[str, list[Evidence]]]:
    """The parts of a mechanism or history statement (``data/weighing.toml`` [[textbook.parts]]), each with the
    supporting records that state it in a sentence cited for them; what a claim read by its parts says besides them
    ("in emergency departments and operating rooms", "to treat depression") is a part too (``weighing.unparted_words``,
    ``rest_named``). A dated part ("for more than fifty years") is stated by a record whose date or span of
    use the stance rule found old enough, not by any sentence that names a year."""
    claim = t.claim
    if claim.kind not in ("mechanism", "history"):
        return []
    by_parts = read_by_parts(claim.kind, claim.text, claim.proposition.terms)
    out: list[tuple[str, list[Evidence]]] = []
    for part in textbook_parts(claim.text, claim.kind):
        if part.only_by_parts and not by_parts:
            continue  # the claim's own words name it, and the sentences that state the claim name them
        how = part_relation(claim.text, claim.kind, part.name)
        if how is not None:
            # the claim says it another way than its sentences state it ("activates NMDA receptors", "eliminates
            # inflammation"): no sentence that states the part states the claim
            out.append((f"'{part.name}' as the claim says it ('{how[1]}')", []))
            continue
        if part.dated and by_parts:
            stating = [e for e in t.sup if f"states '{part.name}'" in e.why]
        else:
            # a claim read on its own words was stated by these sentences: they need only name what the part is about
            stating = [
                e
                for e in t.sup
                if any(part.named_in(s) or (not by_parts and part.object.search(s)) for s in e.rationale)
            ]
        out.append((f"'{part.name}'", stating))
    rest = unparted_words(claim.kind, claim.text, claim.proposition.terms)
    if rest:  # what the claim says besides its parts is a part too ("in emergency departments and operating rooms")
        need = rest_needed(claim.kind, rest)
        stating = [e for e in t.sup if any(len(rest_named(s, rest, claim.kind)) >= need for s in e.rationale)]
        which = f"'{' '.join(rest)}'" if need == len(rest) else f"{need} of '{' '.join(rest)}'"
        out.append((f"what it says besides them ({which})", stating))
    return out


def unstated_parts(t: Tally, stated: list[tuple[str, list[Evidence]]] | None = None) -> list[str]:
    """The parts of a mechanism or history statement (``parts_stated``, or ``stated`` when the caller has read them
    already) that the supporting records do not establish, each with the records that state it: every part needs
    enough records of its own ("acting on NMDA receptors, the drug helps rewire the brain" is not shown by many
    records of the first part and one narrative review of the second; "developed in the 1960s as an anaesthetic"
    needs two groups dating its use and two saying it is an anaesthetic)."""
    out = [
        f"{name} ({', '.join(map(cite, stating[:2])) + ' only' if stating else 'no record'})"
        for name, stating in (parts_stated(t) if stated is None else stated)
        if not t.enough(stating)
    ]
    if t.claim.kind == "mechanism":
        # that the change lasts ("permanently", "for months") or does away with what it acts on ("cures", "eliminates"):
        # a sentence that states the mechanism, or an effect while the drug acts, does not say that (a benefit drawn
        # from the mechanism, "giving lasting relief", is a claim of its own: effect_of_mechanism); each with the words
        # just before it that make it something else (a span of use, "relied on for a long time", is not of the change)
        beyond = (
            ()
            if effect_of_mechanism(t.claim)
            else (
                (
                    pattern("textbook", "lasting"),
                    pattern("textbook", "lasting_said"),
                    "that the change lasts",
                    pattern("textbook", "use_span"),
                ),
                (absolute_words(), absolute_words(), "that it does away with it", None),
            )
        )
        for claimed, said, what, not_after in beyond:
            m = claimed.search(t.claim.text)
            if m is None or (not_after is not None and not_after.search(t.claim.text[: m.start()])):
                continue
            stating = [e for e in t.sup if not e.indirect and any(said.search(s) for s in e.rationale)]
            if not t.enough(stating):
                who = f"stated by {', '.join(map(cite, stating[:2]))} only" if stating else "no cited sentence says so"
                out.append(f"'{m.group(0)}' ({what}: {who})")
        # what the claim says the mechanism does (a verb and what it acts on): a sentence that shares the object's noun
        # only ("glutamate-related pathways" for "raises the amount of glutamate") does not state it
        for action in action_parts(t.claim.quote):
            stating = [e for e in t.sup if not e.indirect and any(action_stated(action, s) for s in e.rationale)]
            if not t.enough(stating):
                who = f"stated by {', '.join(map(cite, stating[:2]))} only" if stating else "no cited sentence says so"
                what = f"{ACTION_WORDS[action.direction]}{' an amount of' if action.amount else ''}"
                out.append(f"'{action.name}' ({what} {', '.join(action.words)}: {who})")
    return out


# how an explanation names the direction of a claimed action
ACTION_WORDS = ACTION_VERBS


def measures_named(claim: Claim) -> list[str]:
    """The measures a benefit claim names that are narrower than the vocabulary's outcomes ("better sleep, mood and
    energy": sleep, energy; ``data/weighing.toml`` [parts.measures])."""
    if claim.proposition.direction not in EFFECT_DIRECTIONS:
        return []
    return [m for m in weighing()["parts"]["measures"] if _measure(m).search(claim.quote)]


@cache
def _measure(name: str) -> re.Pattern[str]:
    return either(weighing()["parts"]["measures"][name])


def shown_parts(t: Tally) -> dict[str, list[Evidence]]:
    """For a claimed benefit of several parts (its outcomes, and the measures it names: "better sleep, mood and energy,
    along with lower pain levels"), the direct records that show each: a finding on that outcome that speaks for the
    claim (a mixed record's finding against it shows nothing), or a supporting sentence that names the measure. {} for
    a claim of one part. Evidence on one part does not show another: the weakest part decides."""
    claim, prop = t.claim, t.claim.proposition
    measures = measures_named(claim)
    # for a claim about a named condition, its pain however measured is one part (named by the first of its pain
    # outcomes): relief of the condition
    condition = claim_condition(claim)
    pain = set(condition.outcomes) if condition is not None else set()
    outcomes = condition_outcomes(claim) if condition is not None and condition.psychiatric else prop.outcomes
    parts = {o.replace("_", " "): {o} for o in outcomes if o not in pain}
    first = next((o for o in outcomes if o in pain), None)
    if first:
        parts[first.replace("_", " ")] = pain
    relief = first or ("pain_intensity" if "pain_intensity" in outcomes else None)
    if relief and "duration_of_relief" in outcomes:
        # "reduces pain in patients with CRPS for weeks": how long relief lasts is the pain's lessening at a later
        # time, one part (shown by a finding on the pain at that time; the time itself is the duration rule's)
        parts["duration of relief"] = {"duration_of_relief"} | parts.pop(relief.replace("_", " "))
    if prop.direction not in EFFECT_DIRECTIONS or len(parts) + len(measures) < 2:
        return {}
    some = bool(strength_words(claim, "some"))
    shown = [e for e in t.sup + t.mixed if not e.indirect and (some or e.controlled is not False)]

    def speaks_for(f: dict[str, Any], e: Evidence) -> bool:
        side = f.get("side")  # evidence stored before the side was kept: the record's stance
        return side > 0 if side is not None else e.stance == "supports"

    shown.sort(key=lambda e: -weight(claim, e))
    out = {
        part: [e for e in shown if any(f.get("outcome") in outs and speaks_for(f, e) for f in e.finding)]
        for part, outs in parts.items()
    }
    for m in measures:
        out[m] = [e for e in shown if e.stance == "supports" and any(_measure(m).search(s) for s in e.rationale)]
    return out


# a share of the patients stated as a percentage: not a confidence level ("95% CI") nor a change ("fell by 28%")
_SHARE = re.compile(r"(?<!by )(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%(?!\s*(?:CI\b|confidence))", re.I)


def majority_part(t: Tally) -> tuple[str, str] | None:
    """(the best verdict, why) for a claim that a harm happens to most patients ("most patients dissociate",
    ``data/weighing.toml`` [parts] majority): the share its direct supporting sentences state (the largest of each,
    the arm the harm is more frequent in: "76% versus 18%") must be a majority; sentences stating a minority make it
    at best `mixed`, none stating a share `insufficient`. None when the claim says no such thing or the share is met."""
    most = pattern("parts", "majority")
    said = most.search(t.claim.quote) if t.claim.proposition.direction == "causes" else None
    if not said:
        return None
    major: list[str] = []
    minor: list[str] = []
    for e in t.sup:
        for s in e.rationale if not e.indirect else []:
            shares, word = [float(x) for x in _SHARE.findall(s)], most.search(s)
            if word or shares:  # the first sentence of the record that says how many
                share = f"'{word.group(0)}'" if word else f"{max(shares):g}%"
                (major if word or max(shares) >= 50 else minor).append(f"{share}, {cite(e)}")
                break
    if major and minor:
        return "mixed", (
            f"the claim says how many it happens to ('{said.group(0)}'): some records state a majority "
            f"({'; '.join(major[:2])}), others a minority ({'; '.join(minor[:2])})"
        )
    if not major:
        return "insufficient", (
            f"the claim says how many it happens to ('{said.group(0)}'): no sentence cited for it states a majority"
            + (f", those that state a share state a minority ({'; '.join(minor[:2])})" if minor else "")
        )
    return None


def set_aside(claim: Claim) -> tuple[str, str]:
    """What a mechanism claim says besides what ketamine does, with a negation its polarity was not read from
    (``normalise.mechanism_negation``), as (verdict it caps the claim at, words): a detail of how it does not act
    ("without competing for their binding site": insufficient, nothing reads it) or a consequence drawn from the
    mechanism (", so the brain does not read them as pain": mixed, a benefit not weighed, as ``effect_of_mechanism``);
    ("", "") if it says neither. An answer word or a turn of phrase ("No.", "no surprise") caps nothing."""
    if claim.kind != "mechanism" or claim.polarity == "negative":
        return "", ""
    from .normalise import mechanism_negation  # loaded with the engine; imported here, where it is used

    caps = {"denied_detail": "insufficient", "denied_consequence": "mixed"}
    aside = [(caps[key], words) for key, words in mechanism_negation(claim.quote)[1] if key in caps]
    return min(aside, key=lambda a: a[0] != "insufficient") if aside else ("", "")


# a detail denied after the verb, by its own verb ("without competing for their binding site": compet)
_WITHOUT = re.compile(r"\bwithout\s+([a-z]{4,}?)(?:ing)\b", re.I)


def _detail_stated(t: Tally, aside: str) -> tuple[str, list[Evidence]]:
    """For a mechanism claim's detail denied after its verb ("blocks NMDA receptors without competing for their
    binding site": ``set_aside``), the word with which enough direct supporting records state it, the detail's verb
    negated by a prefix ("non-competitive", "uncompetitive"), and those records; ("", []) when they do not."""
    m = _WITHOUT.search(aside)
    if m is None:
        return "", []
    said = re.compile(rf"\b(?:non|un)-?\s?{re.escape(m.group(1).lower())}\w*", re.I)
    words = ""
    stating = []
    for e in t.sup:
        hit = next((h for s in e.rationale if not e.indirect and (h := said.search(s))), None)
        if hit:
            words = words or hit.group(0)
            stating.append(e)
    return (words, stating) if t.enough(stating) else ("", [])


def effect_of_mechanism(claim: Claim) -> str:
    """The words with which a statement of mechanism also claims a benefit ("halts chronic pain", "makes it effective
    against chronic pain conditions", "completely safe", ``data/weighing.toml`` [parts] mechanism_effect; "improves
    memory", improve_verb and improve_measure) or a share of patients who get it ("in nearly all patients", "in 70% of
    patients": ``stance.claimed_share``; "in every patient": every_patient); "" if it states a mechanism only.
    Whatever the reading's direction: a mechanism claim read as a benefit ("reduces depression ... by blocking NMDA
    receptors", direction improves) has its records read for the mechanism and the effect together, not weighed as a
    claim of benefit is (its patients, its strength, its share)."""
    if claim.kind != "mechanism":
        return ""
    return _effect_of_mechanism(claim.quote)


@lru_cache(maxsize=4096)
def _effect_of_mechanism(quote: str) -> str:
    """``effect_of_mechanism`` of a mechanism claim's words (kept: read for each record the claim is weighed
    against)."""
    m = pattern("parts", "mechanism_effect").search(quote)
    if m:
        return m.group(0)
    # a verb of relief and a pain condition in one clause, in either voice ("this can relieve migraine pain",
    # "chronic pain can be changed or even eliminated")
    verb, condition = pattern("parts", "benefit_verb"), benefit_conditions()
    after, mechanism = pattern("parts", "benefit_after"), pattern("parts", "benefit_not_between")
    span = int(weighing()["parts"]["benefit_span"])
    for clause in pattern("parts", "benefit_clause").split(quote):
        for said in verb.finditer(clause):
            named = condition.search(clause, said.end(), said.end() + span)
            if named and not mechanism.search(clause, said.end(), named.start()):
                return clause[said.start() : named.end()].strip()  # active: the verb, then the condition it relieves
            before = list(condition.finditer(clause, 0, said.start()))
            if before and re.search(r"\b(?:be|been|is|are|was|were)\b", clause[before[-1].end() : said.start()]):
                last = list(verb.finditer(clause, said.start()))[-1]  # "can be reduced or even eliminated"
                return clause[before[-1].start() : last.end()].strip()  # passive: the condition is relieved
        for named in condition.finditer(clause):
            ends = after.search(clause[named.end() :])
            if ends:  # the condition ends or lessens ("chronic pain goes away")
                return clause[named.start() : named.end() + ends.end()].strip()
        better = _improved_measure(clause, span, mechanism)
        if better:  # a benefit on how a patient thinks, sleeps or feels ("improves memory", "memory improves")
            return better
    from .stance import claimed_share  # (stance imports this module)

    share = claimed_share(quote)  # how many patients get a result is a clinical outcome, not a mechanism
    if share is not None:
        return share.words
    every = pattern("parts", "every_patient").search(quote)  # "in every patient": all of them
    return every.group(0).strip() if every else ""


def unchecked_consequence(claim: Claim) -> str:
    """The half of a mechanism claim that says what the mechanism does for patients, when it names nothing a
    mechanism or pain statement is about ("lowers blood sugar" in "lowers blood sugar by blocking NMDA receptors", "it
    has no hangover" after "which is why": ``data/weighing.toml`` [parts] consequence_*); "" if there is none. Only
    for the verdict's cap: what the records are read for is not changed."""
    if claim.kind != "mechanism":
        return ""
    return _unchecked_consequence(claim.quote)


@lru_cache(maxsize=4096)
def _unchecked_consequence(quote: str) -> str:
    target = pattern("parts", "consequence_target")
    effect = ""
    before = pattern("parts", "consequence_before").search(quote)
    after = pattern("parts", "consequence_after").search(quote)
    if before and target.search(quote, before.end()) and not target.search(quote, 0, before.start()):
        effect = quote[: before.start()]
        if not effect.strip():  # "By blocking NMDA receptors, ketamine lowers blood sugar."
            comma = quote.find(",", before.end())
            effect = quote[comma + 1 :] if comma >= 0 else ""
        effect = pattern("parts", "consequence_piece").split(effect)[-1]  # "the belief is that ketamine acts"
    elif after and target.search(quote, 0, after.start()) and not target.search(quote, after.end()):
        effect = quote[after.end() :]
    if not effect.strip() or pattern("parts", "consequence_mechanism").search(effect):
        return ""
    rest = pattern("parts", "consequence_filler").sub(" ", re.sub(r"[^\w\s-]", " ", effect))
    return effect.strip().rstrip(".") if re.search(r"[a-z]{3,}", rest, re.I) else ""


def _improved_measure(clause: str, span: int, mechanism: re.Pattern[str]) -> str:
    """The words of one clause of a mechanism claim that say it improves a measure other than pain
    (``data/weighing.toml`` [parts] improve_verb, improve_measure): the verb then the measure within ``span``
    characters, with no mechanism noun between ("improves memory", "better sleep"), or the measure then the verb
    ("memory improves"); "" if none."""
    verb, measure = pattern("parts", "improve_verb"), pattern("parts", "improve_measure")
    for said in verb.finditer(clause):
        named = measure.search(clause, said.end(), said.end() + span)
        if named and not mechanism.search(clause, said.end(), named.start()):
            return clause[said.start() : named.end()].strip()
    for named in measure.finditer(clause):
        after = verb.match(clause, named.end() + 1) if clause[named.end() : named.end() + 1] == " " else None
        if after:
            return clause[named.start() : after.end()].strip()
    return ""


@lru_cache(maxsize=1)
def benefit_conditions() -> re.Pattern[str]:
    """The conditions a benefit is claimed for (``data/weighing.toml`` [parts] benefit_condition): its own words, every
    condition of [condition] (named pain conditions and psychiatric diagnoses) with the vocabulary settings they are
    filed under (chronic non-cancer pain, neuropathic pain), and the vocabulary outcomes of benefit_outcomes."""
    vocab = default_vocabulary()
    own = weighing()["parts"]["benefit_condition"]
    found = list(own) if isinstance(own, list) else [own]
    found += [c.words.pattern for c in conditions()]
    tags = [("setting", tag) for tag in sorted({tag for c in conditions() for tag in c.broader})]
    tags += [("outcome", tag) for tag in weighing()["parts"]["benefit_outcomes"]]
    for axis, tag in tags:
        td = vocab.tag(axis, tag)
        if td is None:
            raise ValueError(f"data/weighing.toml: [parts] benefit_outcomes: {tag!r} is not a vocabulary {axis}")
        found += td.patterns
    return either(found)


def _duration_verdict(t: Tally) -> str:
    v = _effect_verdict(t)
    prop = t.claim.proposition
    if v == "supported" and prop.quantity:
        hi = prop.quantity[2]
        reached = max((e.measured or 0.0) for e in t.sup) if t.sup else 0.0
        if reached and reached < hi / 3:
            return "mixed"  # the low end holds, the claimed maximum is not shown
    return v


def _harm_exists_verdict(t: Tally) -> str:
    """That a harm can happen is shown by observational evidence of it with ketamine: one trial or review, or two
    records of any clinical design, reporting it directly. A harm set against another drug's ("spares patients the
    addiction linked with opioids") is a comparison: only records that compare ketamine with an active drug count,
    for that it happens with ketamine says nothing of how it compares."""
    if t.claim.proposition.comparator:

        def compared(side: list[Evidence]) -> list[Evidence]:
            return [e for e in side if any(str(f.get("vs") or "").startswith(ACTIVE) for f in e.finding)]

        t = Tally(t.claim, compared(t.sup), compared(t.con), compared(t.mixed))
    clinical = [e for e in t.sup if e.design not in ("preclinical", "narrative_review", "other") and not e.indirect]
    strong = [e for e in clinical if weight(t.claim, e) >= STRONG]
    if strong or len(clinical) >= 2:
        if t.wc >= 2 * t.ws and t.enough(t.con):
            return "mixed"
        return "supported"
    # that it never happens needs reports that it did not occur; "no more frequent than with placebo" means it
    # happened in both groups
    never = [e for e in t.con if any(f.get("direction") == "absent" for f in e.finding)]
    if never and t.enough(t.con) and not clinical and not t.sup:
        return "contradicted"
    if clinical and t.con and t.credible(t.sup) and t.credible(t.con):
        return "mixed"
    return "insufficient"  # only indirect reports, or one weak one


def _same_regimen(e: Evidence, regimen: str) -> bool:
    """Whether a record gave ketamine as ``regimen`` (a course of repeated infusions is infusion treatment)."""
    return e.regimen == regimen or (regimen == "infusion" and e.regimen == "repeated")


def regimen_divided(t: Tally) -> str:
    """For a claim that a harm is usual (``data/weighing.toml`` [harm] usual: "Common side effects include:"), why the
    evidence is divided by regimen ("" if it is not, or the claim says only that it can happen): records of one regimen
    (the claim's, or when it names none any regimen the records state) credibly find no such harm, none of that regimen
    shows it, and clinical records of another regimen do ("blood pressure rises after a bolus, not during an
    infusion"). Records that state no regimen count on neither side of the division."""
    prop = t.claim.proposition
    said = pattern("harm", "usual").search(f"{t.claim.lead_in or ''} {t.claim.quote}")
    if not said:
        return ""  # that it can happen is shown by any credible report of it

    def counts(e: Evidence) -> bool:  # direct, or indirect only for its regimen
        return all(r.startswith("regimen:") for r in e.indirect)

    shown = [e for e in t.sup if e.design not in ("preclinical", "narrative_review", "other") and counts(e)]
    groups = [prop.regimen] if prop.regimen else sorted({e.regimen for e in t.con if e.regimen})
    for g in groups:
        against = [e for e in t.con if _same_regimen(e, g) and counts(e)]
        if not t.credible(against) or any(_same_regimen(e, g) for e in shown):
            continue
        elsewhere = [e for e in shown if e.regimen and not _same_regimen(e, g)]
        if t.credible(elsewhere):
            named = "the claim's regimen" if prop.regimen else "one regimen"
            others = sorted({e.regimen for e in elsewhere})
            return (
                f"the claim says the harm is usual ('{said.group(0)}'), and the evidence is divided by regimen: "
                f"records of {named} ({g}) find no such harm (e.g. "
                f"{', '.join(cite(e) for e in _strongest(against, 2))}) and none of them shows it; it is shown with "
                f"another ({', '.join(others)}: {', '.join(cite(e) for e in _strongest(elsewhere, 2))})"
            )
    return ""


def off_route(t: Tally, v: str) -> str:
    """Why a `mixed` or `contradicted` verdict is not about the route the claim names ("" when it is, or when the claim
    names none, or the usual one): ``data/weighing.toml`` [route]. Only records that state the claim's route are direct
    on it (a record that states none is read as about the usual route, into a vein); when none of them is credible
    evidence (RCT-level or better) on both sides of a divided verdict, or against the claim for a contradicted one,
    the division is in records on other routes, indirect for this one. Mechanism and history claims are the same
    whatever the route."""
    claim = t.claim
    routes = claim.proposition.routes
    if v not in ("mixed", "contradicted") or not routes or claim.kind in ("mechanism", "history"):
        return ""
    if set(routes) & set(weighing()["route"]["usual"]):
        return ""
    weighed = t.sup + t.con + t.mixed
    on = [e for e in weighed if set(e.routes) & set(routes) and not e.indirect]
    credible = [e for e in on if tier(claim, e) >= 2]
    for_it = [e for e in credible if e.stance in ("supports", "mixed")]
    against = [e for e in credible if e.stance in ("contradicts", "mixed")]
    if against and (for_it or v == "contradicted"):
        return ""  # divided, or against the claim, on its own route
    vocab = default_vocabulary()
    named = " or ".join(td.label.lower() if (td := vocab.tag("route", r)) is not None else r for r in routes)
    elsewhere = [e for e in weighed if e not in on and tier(claim, e) >= 2] or [e for e in weighed if e not in on]
    states = "states" if len(on) == 1 else "state"
    stated = f"{len(on)} {states} it ({', '.join(cite(e) for e in _strongest(on))})" if on else "none states it"
    side = "against it" if v == "contradicted" else "on both sides"
    return (
        f"the claim is about ketamine by one route ({named}): of the {len(weighed)} records weighed, {stated}, and "
        f"none of those is credible evidence (RCT-level or better) {side}; what makes the evidence "
        f"{'contradict' if v == 'contradicted' else 'divided'} is in records of another route or of none stated "
        f"(read as {', '.join(weighing()['route']['usual'])}), indirect for this one (e.g. "
        f"{', '.join(cite(e) for e in _strongest(elsewhere, 2))})"
    )


def on_route_support(t: Tally, v: str) -> str:
    """Why a `supported` verdict on an effect, on safety, a side effect or a use is not about the route the claim's own
    words name ("" when it is, or when they name none, or the usual one): ``data/weighing.toml`` [route] (its kinds
    are support_kinds). As for a divided verdict (``off_route``), only records that state the claim's route are direct
    on it: the support must meet the minimum (``Tally.enough``) in them alone, or the route the claim names ("with a
    single nasal spray", "when taken as a pill") is not what the evidence shows, however much the records of another
    route, or of none stated, support it."""
    claim = t.claim
    # the routes the claim's own words name: one the page gives (a clinic of lozenges) is how reviewers read it too
    routes = [r for r in claim.proposition.routes if names_in_claim(claim, "route", r)]
    if v != "supported" or not routes or claim.kind not in weighing()["route"]["support_kinds"]:
        return ""
    if set(routes) & set(weighing()["route"]["usual"]):
        return ""
    # a record that states many routes (a review pooling them) does not show what one of them does
    on = [e for e in t.sup if set(e.routes) & set(routes) and len(e.routes) <= 2 and not e.indirect]
    if on and t.enough(on):
        return ""
    vocab = default_vocabulary()
    named = " or ".join(td.label.lower() if (td := vocab.tag("route", r)) is not None else r for r in routes)
    stated = f"only {', '.join(cite(e) for e in _strongest(on))} state it" if on else "none states it"
    return (
        f"the claim is about ketamine by one route ({named}): of the {len(t.sup)} records that support it, {stated}, "
        f"too little to show it on that route; the rest are of another route or of none stated (read as "
        f"{', '.join(weighing()['route']['usual'])}), indirect for this one"
    )


# the reasons a record is indirect that still leave its report of the harm a report that the harm occurs with ketamine,
# for an absolute claim: another population (unless the claim's own words name one), regimen, exposure or study focus.
# Not another route (the drug reaches the body otherwise), nor a finding on adverse events in general or a related
# measure (not the harm the claim names)
_OCCURRENCE_NOT_COUNTED = ("route:", "adverse events in general", "names a related measure")


def absolute_denial(claim: Claim) -> str:
    """The words with which a claim says that a harm does not happen at all ("no respiratory depression", "has no
    side effects", "does not cause hallucinations", "nor does it have any adverse effects", "non-addictive", "without
    lowering the heart rate"): ``data/weighing.toml`` [harm] absolute, in a claim that the harm is absent (its
    direction), read in its words and its lead-in; "" when it says less than that: hedged ("usually does not",
    "rarely", "may"), scoped to a dose, setting or way of giving it ("at the doses we use", "at therapeutic doses",
    "in our clinic", "monitored": its exposure, or [harm] absolute_hedge), set beside another drug (a comparator, "like
    opioids"), saying how small the harm is ("no major", "no significant"), or denying something other than the harm
    happening ("does not last", "does not mean"), or naming no harm in the clause it denies ("without an IV line",
    "not something you can say of morphine"). A claim about serious or lasting harms ("without serious side effects",
    "no long-term side effects") is absolute about those."""
    prop = claim.proposition
    text = claim.text
    # "Unlike opioids, ketamine never affects breathing at any dose": the contrast is no comparison of degree when the
    # denial is said of every occasion ([harm] contrast_lead, absolute_always); it is read out of the claim
    contrast = pattern("harm", "contrast_lead").match(claim.quote)
    if contrast and pattern("harm", "absolute_always").search(claim.quote, contrast.end()):
        text = text.replace(contrast.group(0), " ", 1)
    else:
        contrast = None
    if prop.direction != "does_not_cause" or (prop.comparator and not contrast) or prop.exposure:
        return ""
    if pattern("harm", "absolute_hedge").search(text):
        return ""
    from .normalise import names_harm  # loaded with the engine; imported here, where it is used

    for m in pattern("harm", "absolute").finditer(text):
        clause = re.split(r"[,;:.!?()]", text[m.end() :], maxsplit=1)[0]
        before = re.split(r"[,;:.!?()]", text[: m.start()])[-1]
        if not names_harm(before + m.group(0) + clause):
            # "for cases needing induction without an IV line", "which is not something you can say of morphine",
            # "No standard protocol exists": the negation's clause denies something, but names no harm it says never
            # happens (one that does may name it first: "The chance of respiratory depression with ketamine is nil")
            continue
        # the denial with the words after it in its clause, as the explanation quotes it ("no side effects")
        return " ".join([m.group(0), *clause.split()[:4]])
    return ""


def serious_finding(f: dict[str, Any]) -> bool:
    """A finding of a serious harm: said so in its sentence ("serious", "life-threatening"), or a harm that is serious
    whatever words report it (``data/weighing.toml`` [harm] serious_outcomes: hepatotoxicity, urological), as the stance
    rule reads it when it says "serious hepatotoxicity occurred with ketamine"."""
    return serious_harm(f.get("serious"), f.get("outcome"))


def serious_reports(t: Tally) -> list[Evidence]:
    """The records against a claim that ketamine is safe, or read both ways on it ("well tolerated"; "serious
    hepatotoxicity occurred"), that report a serious harm with it (not preclinical work)."""
    return [e for e in t.con + t.mixed if e.design != "preclinical" and any(serious_finding(f) for f in e.finding)]


def _occurrences(t: Tally) -> list[Evidence]:
    """For an absolute claim that a harm never happens: the clinical records (not preclinical work, not narrative
    reviews) that report it occurring with ketamine (it occurred, or was more frequent than without), on any population,
    regimen or exposure when the claim's own words name none (``_OCCURRENCE_NOT_COUNTED``); for a claim about lasting
    harms ([harm] absolute_lasting), only serious harms (the stance already counts only those for a serious one)."""
    lasting = bool(pattern("harm", "absolute_lasting").search(t.claim.text))
    named_population = bool(t.claim.settings)

    def occurs(f: dict[str, Any]) -> bool:
        if f.get("side", 0) >= 0 or f.get("direction") not in ("occurred", "higher", "worse"):
            return False
        return not lasting or serious_finding(f)

    def counted(e: Evidence) -> bool:
        if any(r.startswith(_OCCURRENCE_NOT_COUNTED) for r in e.indirect):
            return False
        return not (named_population and any(r.startswith("population:") for r in e.indirect))

    return [
        e
        for e in t.con + t.mixed
        if e.design not in ("preclinical", "narrative_review") and counted(e) and any(map(occurs, e.finding))
    ]


def absolute_contradiction(t: Tally) -> tuple[str, list[Evidence]]:
    """(the claim's absolute words, the records reporting the harm with ketamine) when an absolute claim that a harm
    never happens (``absolute_denial``) is contradicted by credible occurrence (``Tally.credible``: an RCT-level
    record, or two of any clinical design: case series and cohorts count, for that it happens is what they show);
    ("", []) otherwise."""
    words = absolute_denial(t.claim)
    occur = _occurrences(t) if words else []
    return (words, occur) if occur and t.credible(occur) else ("", [])


def _only_no_more_frequent(e: Evidence) -> bool:
    """Whether all a record says for a claim that a harm is absent is that it was no more frequent than with placebo
    or another drug ("no difference in the incidence of respiratory adverse events"): it happened in both groups, which
    is no evidence that it never happens."""
    said = [f for f in e.finding if f.get("side", 0) > 0]
    return bool(said) and all(f.get("direction") == "same" for f in said)


def _harm_absent_verdict(t: Tally) -> str:
    """A harm is absent. An absolute claim ("no respiratory depression", ``absolute_denial``) is contradicted by
    credible reports that the harm occurs with ketamine (``absolute_contradiction``), and records that say only that it
    was no more frequent than with placebo do not count for it: it happened in both groups. A hedged or
    scoped claim ("rarely", "at the doses we use"), or one that ketamine is safe, is weighed as below: direct credible
    occurrence contradicts it, indirect occurrence makes it mixed; a claim of general safety is capped at mixed by
    serious harms. A harm said to be no more frequent than with placebo is weighed on comparisons with placebo alone
    (``_no_excess_verdict``)."""
    if no_excess_words(t.claim):
        return _no_excess_verdict(t)
    if absolute_denial(t.claim):
        if absolute_contradiction(t)[1]:
            return "contradicted"
        t = Tally(t.claim, [e for e in t.sup if not _only_no_more_frequent(e)], t.con, t.mixed)
    prop = t.claim.proposition
    occur, direct = _occurrence(t)
    if prop.general_safety:  # "safe", "strong safety profile", "minimal risk": serious harms cap it at mixed
        serious = [e for e in occur if any(serious_finding(f) for f in e.finding)] or (
            occur if prop.severity == "serious" else []
        )
        if serious and t.credible(serious):
            return "mixed" if t.sup else "contradicted"
        # a review that reports a serious harm with ketamine reports it as a case report does: two such reports (or
        # one credible record), whatever their clinical design, keep the claim from being supported; they are not
        # enough to contradict it
        reported = serious_reports(t)
        capped = "mixed" if reported and t.credible(reported) else "supported"
        if t.ws >= 2 * t.wc and t.enough(t.sup):
            return capped
        if occur and t.credible(occur):
            return "mixed"
        return "insufficient" if not t.sup else (capped if t.enough(t.sup) else "insufficient")
    if direct and t.credible(direct):
        return "mixed" if rare_harm(t.claim) else "contradicted"  # "seldom": how often, not whether
    if occur and t.credible(occur):
        return "mixed"
    if t.ws >= 2 * t.wc and t.enough(t.sup):
        return "supported"
    if occur:
        return "mixed" if t.sup else "insufficient"
    return "insufficient"


def no_excess_words(claim: Claim) -> str:
    """The words with which a claim says a harm is no more frequent with ketamine than with placebo ("are no more
    frequent than with placebo at the doses used for pain": ``data/weighing.toml`` [harm] no_excess), or "": such a
    claim is that ketamine adds none of the harm, not that the harm never happens."""
    m = pattern("harm", "no_excess").search(claim.text)
    return m.group(0) if m else ""


def _no_excess_verdict(t: Tally) -> str:
    """A harm no more frequent than with placebo (``no_excess_words``). Only comparisons with placebo speak to it:
    records that the harm was more frequent than with placebo against it, records that it was not (the same) for it;
    that it occurred with ketamine, with no comparison, says nothing of an excess. Credible records on both sides make
    it mixed."""

    def against_placebo(e: Evidence, side: int, directions: tuple[str, ...]) -> bool:
        return any(
            f.get("vs") == "placebo" and f.get("direction") in directions and f.get("side", 0) * side > 0
            for f in e.finding
        )

    more = [e for e in t.con + t.mixed if against_placebo(e, -1, ("higher", "worse"))]
    same = [e for e in t.sup + t.mixed if against_placebo(e, 1, ("same",))]
    if more and same and t.credible(more) and t.credible(same):
        return "mixed"
    if more and t.credible(more):
        return "contradicted"
    if same and t.enough(same):
        return "supported"
    return "insufficient"


def _occurrence(t: Tally) -> tuple[list[Evidence], list[Evidence]]:
    """The records against a claim that a harm is absent that report it happening (not preclinical work or a narrative
    review), and those of them that are direct on the claim."""
    occur = [e for e in t.con if e.design not in ("preclinical", "narrative_review")]
    return occur, [e for e in occur if not e.indirect]


def rare_occurrence(t: Tally) -> str:
    """The words by which a claim that a named harm does not happen says it is rare (``rare_harm``), when credible
    direct occurrence would otherwise contradict it and makes it `mixed` instead (``_harm_absent_verdict``); ""
    otherwise."""
    if set(t.claim.proposition.outcomes) <= {"adverse_events"}:
        return ""  # a claim of general safety is weighed by serious harms, not by rarity
    direct = _occurrence(t)[1]
    return rare_harm(t.claim) if direct and t.credible(direct) else ""


@cache
def _rare_words() -> re.Pattern[str]:
    from .extract import rules as text_rules  # (extract's rules join claim_text.toml's lists; one home for rarity)

    harm = weighing()["harm"]
    return either([*harm["rare"], *harm["slight"], *text_rules()["normalise"]["rarity"]])


def rare_harm(claim: Claim) -> str:
    """The words by which a claim that a harm does not happen says it is rare ("seldom", "rarely", "uncommon", "few
    patients": ``data/weighing.toml`` [harm] rare and claim_text.toml rarity) or slight ("minimal", "mild": [harm]
    slight), or "": credible occurrence makes such a claim `mixed`, not contradicted."""
    m = _rare_words().search(claim.text)
    return m.group(0) if m else ""


def history_event(claim: Claim) -> str:
    """The named event or list a history claim places ketamine in ("the Vietnam War", "List of Essential Medicines":
    ``data/weighing.toml`` [textbook] history_events); "" if it names none."""
    if claim.kind != "history":
        return ""
    m = pattern("textbook", "history_events").search(claim.quote)
    return m.group(0) if m else ""


def _names_an_event(e: Evidence) -> bool:
    """Whether a record on a history claim's topic names an event or list of [textbook] history_events (any of them,
    not only the claim's: a record that speaks of "the Vietnam War" names "in the Vietnam War"): in its title, the
    sentences cited for it, or the words of the claim it was found to name."""
    named = re.split(r",\s+not\s+", e.why)[0]  # "names first, use, not Vietnam": what follows "not" it does not name
    said = " ".join([e.title, named, *e.rationale])
    return pattern("textbook", "history_events").search(said) is not None


def history_effect(claim: Claim) -> str:
    """The words with which a history claim also says what ketamine does for or to patients, besides that it was used
    and what for ("has been used to cure chronic pain", "is used for chronic pain and gives permanent relief",
    "without any serious side effects", "leaving nine in ten patients pain-free"): the vocabularies of
    ``data/weighing.toml`` [beyond_use] read on the claim's words less those of a use and its purpose ([use] may_say:
    "used to treat", "to help manage"; [beyond_use] purpose: "for pain relief"), or a share of patients
    (``stance.claimed_share``). "" if it says only the use, its purpose, when and where."""
    if claim.kind != "history":
        return ""
    from .stance import claimed_share  # (stance imports this module)

    share = claimed_share(claim.quote)
    if share is not None:
        return share.words
    words, phrases = _may_say("use")
    cleared = [*(m.span() for m in pattern("beyond_use", "purpose").finditer(claim.quote))]
    cleared += [m.span() for m in phrases.finditer(claim.quote)] if phrases else []
    cleared += [m.span() for m in _WORD.finditer(claim.quote) if m.group(0).lower() in words]
    # a word of effect said only within the use's own words is its purpose ("used to treat", "for pain relief"); one
    # that reaches beyond them is not ("gives permanent relief")
    found = [
        m
        for rx in _beyond_use()
        for m in rx.finditer(claim.quote)
        if not any(a <= m.start() and m.end() <= b for a, b in cleared)
    ]
    return min(found, key=lambda m: m.start()).group(0) if found else ""


@lru_cache(maxsize=1)
def _beyond_use() -> tuple[re.Pattern[str], ...]:
    """The patterns of ``data/weighing.toml`` [beyond_use]: its own sections' keys, and its cue lists of
    ``data/claim_text.toml`` [normalise] and [normalise.outcome_words]."""
    from .extract import rules

    cfg, n = weighing()["beyond_use"], rules()["normalise"]
    out = [pattern(*key.split(".")) for key in cfg["weighing"]]
    out += [either(n[key]) for key in cfg["cues"]]
    out += [either(n["outcome_words"][key]) for key in cfg["outcomes"]]
    return tuple(out)


def treated_diagnosis(claim: Claim) -> str:
    """The words naming the psychiatric diagnosis a claim that ketamine is safe says it is given for ("safe and
    effective in depression", "for mood and anxiety disorders the dose is small and safe": ``data/weighing.toml``
    [harm] treated_lead), when its reading took that diagnosis's outcome (mood) for the harm; "" otherwise ("does
    not cause depression" names it as the harm, and so do "does not result in depression", "is not linked with
    depression": a negated verb before the lead word makes the word the verb's, [harm] negated_lead)."""
    prop = claim.proposition
    if prop.direction != "does_not_cause" or not prop.outcomes:
        return ""
    lead, negated = pattern("harm", "treated_lead"), pattern("harm", "negated_lead")
    for c in conditions():
        if not c.psychiatric or not set(prop.outcomes) <= set(c.outcomes):
            continue
        for m in c.words.finditer(claim.quote):
            before = claim.quote[: m.start()]
            led = lead.search(before)
            if led and not negated.search(before[: led.start()]):
                return m.group(0)
    return ""


def _comparative_verdict(t: Tally) -> str:
    """Head-to-head evidence decides; evidence on ketamine alone counts only when there is none."""
    head_to_head = [e for e in t.sup + t.con + t.mixed if not any(r.startswith("no comparison") for r in e.indirect)]
    if head_to_head:
        keep = set(map(id, head_to_head))
        t = Tally(t.claim, [e for e in t.sup if id(e) in keep], [e for e in t.con if id(e) in keep],
                  [e for e in t.mixed if id(e) in keep])  # fmt: skip
    if not (t.sup or t.con or t.mixed):
        return "insufficient"
    return _effect_verdict(t)


RULES: dict[str, Callable[[Tally], str]] = {
    "improves": _effect_verdict,
    "onset": _effect_verdict,
    "lasts": _duration_verdict,
    "better": _comparative_verdict,
    "as_good": _comparative_verdict,
    "faster": _comparative_verdict,
    "slower": _comparative_verdict,
    "less_harm": _comparative_verdict,
    "causes": _harm_exists_verdict,
    "does_not_cause": _harm_absent_verdict,
    "states": _effect_verdict,
    "fades": _effect_verdict,
    "transient": _effect_verdict,
}


def unnamed(prop: Proposition) -> str:
    """The claim's concept words as an explanation names them: 'lupus', 'lyme', 'heart rate or pulse'."""
    return " and ".join(" or ".join(f"'{w.lstrip('~')}'" for w in group) for group in prop.concepts)


def _about_list(about: list[Evidence], most: int = 4) -> str:
    """The records about a claim's condition as an explanation names them, each with why it is about it."""
    shown = _strongest(about, most)
    more = f" and {len(about) - most} more" if len(about) > most else ""
    return f"{len(about)} record(s), " + "; ".join(f"{cite(e)}, {e.about_condition}" for e in shown) + more


def _strongest(items: list[Evidence], most: int = 3) -> list[Evidence]:
    return sorted(items, key=lambda e: (-design_weight(e.design), e.first_author))[:most]


def _wider_label(broader: frozenset[str], wider: list[Evidence]) -> str:
    """The wider conditions (a condition's broader settings) that some records are about, as an explanation names
    them ("neuropathic pain")."""
    vocab = default_vocabulary()
    named = sorted({s for e in wider for s in e.settings} & broader)
    labels = [td.label if (td := vocab.tag("setting", s)) is not None else s for s in named]
    return " or ".join(w if w[:2].isupper() else w[:1].lower() + w[1:] for w in labels)


# How far each verdict establishes a claim, for a sentence that holds only as far as each of its parts does.
_ESTABLISHED = {"supported": 3, "mixed": 2, "insufficient": 1, "no_evidence": 0}


def conjunction(parts: list[tuple[str, str, str]]) -> tuple[str, str]:
    """(verdict, explanation) of a sentence that makes several claims, from each part's (words, verdict,
    explanation): a part the evidence contradicts makes the sentence contradicted (a claim joined to a false one is
    not endorsed by its true part); otherwise it is as established as its least established part ("works within
    minutes" supported and "relief lasts for months" mixed: mixed). Parts that are not empirical statements are left
    out."""
    weighed = [(w, v, why) for w, v, why in parts if v != "not_checkable"]
    if not weighed:
        return "not_checkable", "Not an empirical statement: none of its parts can be tested against the literature."
    verdicts = [v for _, v, _ in weighed]
    v = "contradicted" if "contradicted" in verdicts else min(verdicts, key=lambda x: _ESTABLISHED[x])
    listed = ", ".join(f"{i}: {pv.replace('_', ' ')}" for i, (_, pv, _) in enumerate(parts, 1))
    said = " ".join(f"Part {i}, '{w}': {why}" for i, (w, _, why) in enumerate(parts, 1))
    head = v.replace("_", " ").capitalize()
    return v, (
        f"{head}: the sentence makes {len(parts)} claims, each checked on its own, and holds only as far as each "
        f"of them does ({listed}). {said}"
    )


def items_checked(items: list[tuple[str, str]]) -> str:
    """What the explanation of a sentence that lists items says of them, from each item's (words, verdict): each is
    checked on its own (its verdict and explanation are the part's), and the sentence keeps its verdict as a whole: the
    list illustrates what its lead says ("may bring on serious side effects, such as ..."), and an item no record
    names does not make the side effects the lead speaks of less established."""
    listed = ", ".join(f"{i}: '{w}' {v.replace('_', ' ')}" for i, (w, v) in enumerate(items, 1))
    return (
        f"The sentence lists {len(items)} items, each checked on its own ({listed}); the verdict above is the "
        "sentence's as a whole."
    )


# What a claim that the evidence for an effect is weak comes to, from the engine's verdict on the effect.
_WEAK_EVIDENCE = {"supported": "mixed", "no_evidence": "no_evidence", "not_checkable": "not_checkable"}
# "no evidence that ..." ([evidence_strength] none): records on both sides refute it as much as they bear it out
_NO_EVIDENCE_SAID = {**_WEAK_EVIDENCE, "mixed": "mixed"}
# "mixed findings on whether ..." ([evidence_strength] mixed): borne out where the effect is mixed, not where the
# records go one way
_MIXED_SAID = {**_WEAK_EVIDENCE, "mixed": "supported", "contradicted": "mixed", "insufficient": "insufficient"}


def _turned(evidence: list[Evidence]) -> list[Evidence]:
    """The records' stances turned round: on an effect a claim denies, as on the effect, or back."""
    return [replace(e, stance=STANCE_TURNED.get(e.stance, e.stance)) for e in evidence]


def weak_evidence_words(claim: Claim) -> str:
    """The words with which an effect claim says the evidence for the effect is weak or unclear ("is not backed by
    strong scientific evidence", "There is no clear evidence that ketamine ... works": ``data/weighing.toml``
    [evidence_strength] weak) or the research too little ("There is little research on how well it works":
    ``research_gap``), that there is none ("no evidence backed ...": [evidence_strength] none), or that it is mixed
    ("mixed findings on whether ...": [evidence_strength] mixed, not one study's: one_study), or "". A claim of harm
    that puts its safety in doubt is read by ``harm_doubt_words``."""
    from .normalise import HARM_KINDS  # loaded with the engine; imported here, where it is used

    if claim.kind in HARM_KINDS:
        return harm_doubt_words(claim)
    if claim.kind not in ("efficacy", "comparative", "onset", "duration"):
        return ""
    m = (
        pattern("evidence_strength", "weak").search(claim.text)
        or research_gap(claim.text)
        or pattern("evidence_strength", "none").search(claim.text)
    )
    mixed = None if m else pattern("evidence_strength", "mixed").search(claim.text)
    if mixed and not pattern("evidence_strength", "one_study").search(claim.text, 0, mixed.start()):
        m = mixed  # the evidence said to be mixed, not one study's results
    return m.group(0) if m else ""


def harm_doubt_words(claim: Claim) -> str:
    """The words with which a claim of harm puts ketamine's safety in doubt ("which raises worries over whether it is
    safe": ``normalise.safety_doubted``, the claim grammar's reading, which takes it for a warning of harm)
    or says the research on it is too little or the question open ("its safety, how well it works and its potential
    for addiction are still open questions": ``research_gap``), or "". Either is a claim that its safety is
    not established, not that the harm happens or that it does not."""
    direction = claim.proposition.direction
    if direction not in ("causes", "does_not_cause"):
        return ""
    from .normalise import safety_doubted  # loaded with the engine; imported here, where it is used

    m = research_gap(claim.text, of_harm=True)
    if m is not None:
        return m.group(0)
    return (safety_doubted(claim.text) or "") if direction == "causes" else ""


def research_gap(text: str, of_harm: bool = False) -> re.Match[str] | None:
    """The words with which a sentence says the research is too little or the question open ("There is little research
    on how well it works", "are still open questions": ``data/weighing.toml`` [evidence_strength] gap), unless they open
    a concession the sentence goes past or say how it works is unclear (gap_conceded, read before them), or, in a claim
    of harm (``of_harm``), say the evidence of the harm is too little ("little evidence of lasting harm": gap_of_harm,
    a reassurance)."""
    for m in pattern("evidence_strength", "gap").finditer(text):
        before = re.split(r"[.!?]\s", text[: m.start()])[-1]
        if pattern("evidence_strength", "gap_conceded").search(before):
            continue
        if of_harm and pattern("evidence_strength", "gap_of_harm").search(text[m.end() :]):
            continue
        return m
    return None


# What a claim that not every patient responds comes to, from the engine's verdict on the effect: any credible
# evidence on it bears the claim out ([response] partial)
_PARTIAL_SAID = {"mixed": "supported", "contradicted": "supported"}


def _effect_weighed(claim: Claim, evidence: list[Evidence]) -> tuple[Claim, str, str]:
    """A claim about an effect (its evidence, who responds) as the claim of the effect itself, affirmed, and the
    engine's (verdict, explanation) on it: the records' stances turned round for an effect the claim denies."""
    twin = replace(affirmed(claim), polarity="positive")
    turned = _turned(evidence) if claim.proposition.direction == "no_effect" else evidence
    effect, why = _claim_verdict(twin, turned)
    return twin, effect, why


def partial_response_words(claim: Claim) -> str:
    """The words with which an effect claim says that not every patient responds ("does not fully work for every type
    of pain", "Not everyone responds": ``data/weighing.toml`` [response] partial), or "" (also when a contrast after
    them goes on to another claim, then_more, or they are said of another treatment)."""
    if claim.kind not in ("efficacy", "duration"):
        return ""
    m = pattern("response", "partial").search(claim.text)
    if m is None or pattern("response", "then_more").search(claim.text, m.end()):
        return ""  # "does not suit everyone, but it may be a sensible choice for ...": the claim goes on to another
    clause = re.split(r"[.;:!?]", claim.text[: m.start()])[-1]
    if _other_treatment().search(clause):
        return ""  # "Opioids don't work for everyone": another treatment's patients, not ketamine's
    return m.group(0)


@cache
def _other_treatment() -> re.Pattern[str]:
    """Another treatment as the subject of the words before a verb of effect ("Other medicines did not help", "Opioids
    don't work for everyone"): ``data/claim_text.toml`` effect_denied_other, the normaliser's own home for them."""
    from .extract import rules  # the claim grammar's patterns, loaded with the engine

    return either(rules()["normalise"]["effect_denied_other"])


def partial_response_verdict(claim: Claim, evidence: list[Evidence], words: str) -> tuple[str, str]:
    """A claim that not every patient responds (``partial_response_words``), weighed for the effect: it holds where the
    effect is supported, mixed or contradicted (no record shows every patient relieved, and records against the effect
    bear it out the more), and is insufficient or without evidence where the effect is."""
    twin, effect, why = _effect_weighed(claim, evidence)
    v = _PARTIAL_SAID.get(effect, effect)
    head = v.replace("_", " ").capitalize()
    return v, (
        f"{head}: the claim is that not every patient responds ({words!r}); weighed for the effect that "
        f"{twin.assertion}, {why[0].lower()}{why[1:]}"
    )


def weak_evidence_verdict(claim: Claim, evidence: list[Evidence], words: str) -> tuple[str, str]:
    """A claim that the evidence for an effect is weak (``weak_evidence_words``), weighed for the effect: it holds
    where the effect is mixed, insufficient or contradicted; where the effect is supported it is mixed, for the
    verdict reads no certainty grading and cannot refute a judgement of weak evidence; no evidence stays so. A claim
    that there is no evidence at all ([evidence_strength] none) is mixed where the effect is mixed as well: records on
    both sides refute "none" as much as they bear it out. One that the evidence is mixed ([evidence_strength] mixed)
    holds where the effect is mixed, is mixed where it is supported or contradicted, and insufficient where it is."""
    from .normalise import HARM_KINDS  # loaded with the engine; imported here, where it is used

    if claim.kind in HARM_KINDS:
        return harm_doubt_verdict(claim, evidence, words)
    twin, effect, why = _effect_weighed(claim, evidence)
    said_none = pattern("evidence_strength", "none").fullmatch(words) is not None
    said_mixed = pattern("evidence_strength", "mixed").fullmatch(words) is not None
    table = _NO_EVIDENCE_SAID if said_none else _MIXED_SAID if said_mixed else _WEAK_EVIDENCE
    v = table.get(effect, "supported")
    head = v.replace("_", " ").capitalize()
    return v, (
        f"{head}: the claim is about the strength of the evidence ({words!r}) that {twin.assertion}; weighed for that "
        f"effect, {why[0].lower()}{why[1:]}"
    )


def harm_doubt_verdict(claim: Claim, evidence: list[Evidence], words: str) -> tuple[str, str]:
    """A claim that ketamine's safety is in doubt or not yet researched enough (``harm_doubt_words``), weighed as a
    claim that the evidence it is free of the harm is weak: the claim that it does not cause the harm is weighed on
    the same records (their stances turned round where the claim was read as a warning of harm), and the doubt holds
    where that is mixed, insufficient or contradicted, and is mixed where it is supported (records that call it safe
    cannot refute a judgement that the research is too little); no evidence stays so. Trials that found it safe do
    not contradict a doubt, nor reports of harm a doubt that says the research is thin."""
    twin = replace(claim, direction="does_not_cause", polarity="positive")
    turned = _turned(evidence) if claim.proposition.direction == "causes" else evidence
    effect, why = _claim_verdict(twin, turned)
    v = _WEAK_EVIDENCE.get(effect, "supported")
    head = v.replace("_", " ").capitalize()
    return v, (
        f"{head}: the claim puts in doubt whether ketamine is safe ({words!r}); weighed for the claim that it does not "
        f"cause {_in_words(claim.outcomes) or 'harm'}, {why[0].lower()}{why[1:]}"
    )


def _in_words(outcomes: Iterable[str]) -> str:
    """Outcomes as the explanation names them ("adverse events, abuse dependence")."""
    return ", ".join(o.replace("_", " ") for o in outcomes)


def verdict(claim: Claim, evidence: list[Evidence]) -> tuple[str, str]:
    """(verdict, explanation naming the deciding findings) for a claim and its evidence. A mechanism claim that says
    what its target does in the body ("glutamate, a neurotransmitter linked to both pain and mood") was read without
    those outcomes (``normalise.target_roles``): its explanation says so, unless its reading holds them. A claim that
    denies ketamine an effect ("did not reduce opioid use") is weighed as the claim of the effect, on the same records
    with their stances turned round, and its verdict is turned round too: evidence that the effect is real contradicts
    the denial. A claim that the evidence for an effect is weak is weighed for the effect too
    (``weak_evidence_verdict``), and so is one that not every patient responds (``partial_response_verdict``)."""
    weak = weak_evidence_words(claim)
    if weak:
        return weak_evidence_verdict(claim, evidence, weak)
    partial = partial_response_words(claim)
    if partial:
        return partial_response_verdict(claim, evidence, partial)
    return _claim_verdict(claim, evidence)


def reported_denial(claim: Claim) -> str:
    """The words with which a claim that denies an effect reports it as one study's or one source's result ("The study
    also showed that ketamine did not lower ...", "According to Gulur": ``data/weighing.toml`` [evidence_strength]
    reported), or ""."""
    m = pattern("evidence_strength", "reported").search(claim.text)
    return m.group(0) if m else ""


def _claim_verdict(claim: Claim, evidence: list[Evidence]) -> tuple[str, str]:
    """``verdict``, the claim read as a claim of its effect."""
    if claim.proposition.direction == "no_effect":
        twin = affirmed(claim)
        v, why = _claim_verdict(twin, _turned(evidence))
        v = VERDICT_TURNED.get(v, v)
        reported = reported_denial(claim) if v == "contradicted" else ""
        if reported:
            return "mixed", (
                f"Mixed: the claim reports a study's or a source's finding ({reported!r}) that it is not so that "
                f"{twin.assertion}; the records weighed for that effect find it ({why[0].lower()}{why[1:]}), and the "
                "result reported stands beside them: the evidence is divided, the report not refuted."
            )
        return (
            v,
            f"{v.replace('_', ' ').capitalize()}: the claim denies that {twin.assertion}; "
            f"weighed for that effect, {why}",
        )
    v, why = _verdict(claim, evidence)
    if claim.kind == "mechanism":
        from .normalise import target_roles  # loaded with the engine; imported here, where it is used

        roles = target_roles(claim.quote)
        named = frozenset().union(*(outcomes for _, outcomes in roles))
        # said only where the reading left them out: a reading kept from a catalogue may hold them, and then they were
        if roles and not named & set(claim.proposition.outcomes):
            why += (
                f" The claim's '{roles[0][0]}' says what its target does in the body, not what ketamine does for "
                "patients: those outcomes are not weighed (trials of them do not test the mechanism)."
            )
        why += _read_by_parts_note(claim, evidence)
    return v, why


def _read_by_parts_note(claim: Claim, evidence: list[Evidence]) -> str:
    """What a mechanism claim's explanation adds when its words besides the parts it names were set aside
    (``weighing.mechanism_aside``: what its target is or does, an action or an effect on patients checked on its own),
    and when an action it states was stated by the records of a part that blocks what the action acts on ("modulates
    glutamate" by records stating the NMDA receptor blocked: [[textbook.parts]] acts_on); "" otherwise."""
    terms = tuple(claim.proposition.terms)
    out = ""
    aside = aside_spans(claim.text)
    if (
        read_by_parts(claim.kind, claim.text, terms)
        and len(textbook_rest(claim.text, terms, general_words("mechanism"))) >= 3
    ):
        said = "; ".join(f"'{span}' ({why})" for why, span in aside)
        out += f" Read by the parts it names; a statement of them need not say the rest: {said}."
    else:
        # a verb in what the claim says its target does ("a chemical that produces the feeling of pain") is the
        # target's, not an action of ketamine's that cited sentences must state
        acting = [span for why, span in aside if why == TARGET_SAID and action_words().search(span)]
        if acting:
            out += (
                f" The claim's '{acting[0]}' says what its target does, not what ketamine does: not read as an action."
            )
    sup = [e for e in evidence if not e.retracted and e.stance == "supports" and not e.indirect]
    for action in action_parts(claim.quote):
        if not any(action.named_in(s) for e in sup for s in e.rationale) and any(
            action_stated(action, s) for e in sup for s in e.rationale
        ):
            out += (
                f" '{action.name}' is stated by the records that state a receptor of {', '.join(action.words)} "
                "blocked (data/weighing.toml [[textbook.parts]] acts_on)."
            )
    return out


def _caution(claim: Claim) -> str | None:
    """The lead-in's words of contraindication when the claim is an item of a list of the conditions in which ketamine
    must not be given ("Some conditions may rule out ketamine. Among these conditions are: - High blood pressure");
    None otherwise (``normalise.caution_item``, one home for the reading)."""
    from .normalise import caution_item  # (normalise reads this module lazily too)

    return caution_item(claim.quote, claim.lead_in) if claim.kind == "safety" and claim.lead_in else None


def _verdict(claim: Claim, evidence: list[Evidence]) -> tuple[str, str]:
    """``verdict`` before what it adds for a mechanism claim's target."""
    if not claim.checkable:
        return "not_checkable", "Not an empirical statement: nothing to test against the literature."
    counted = [e for e in evidence if not e.retracted]
    retracted = [e for e in evidence if e.retracted]
    note = f" {len(retracted)} retracted record(s) shown but not counted." if retracted else ""
    prop: Proposition = claim.proposition
    caution = _caution(claim)
    # the records that report on the harm: with a finding for or against, or on the claim's own harm (not harms in
    # general) with none
    found: list[Evidence] = []
    if caution:
        found = [e for e in counted if e.stance != "neutral"] or [
            e for e in counted if e.related and "adverse_events" not in prop.outcomes
        ]
    if found:
        # GRADE's indirectness: that ketamine harms people who have a condition is shown by studies of it in them;
        # ketalit cannot tell those from studies of patients not chosen for it, so what the records found on the harm
        # (a rise in blood pressure with ketamine) cannot make a caution about hypertensive patients hold or fail
        examples = "; ".join(cite(e) + (f": {e.why}" if e.stance != "neutral" else "") for e in _strongest(found, 2))
        return "insufficient", (
            f"Insufficient: an item of a list of conditions in which ketamine must not be given ({caution!r}): the "
            f"claim is about people who have '{claim.quote.strip(' -•*:.')}', and ketalit cannot tell a study of "
            f"ketamine in them from one in other patients; {len(found)} of the {len(counted)} records closest to the "
            f"claim report on {' and '.join(o.replace('_', ' ') for o in prop.outcomes)} with ketamine, indirect for "
            f"them (e.g. {examples}).{note}"
        )
    if prop.concepts and claim.kind not in TEXTBOOK_KINDS and counted and not any(e.names_concepts for e in counted):
        # a condition no record here is about ("Lupus"): evidence on pain in general does not bear on it. A mechanism
        # is not held to its words: an abstract states it in others ("mu receptors" for "opioid receptor")
        return "no_evidence", (
            f"No evidence found in this library: none of the {len(counted)} records closest to the claim names "
            f"{unnamed(prop)} in its title, abstract or keywords.{note}"
        )

    condition = claim_condition(claim)
    # the condition the claim is about, as the explanation names it: a named one, or one the vocabulary cannot place
    label = condition.label if condition is not None else ""
    if unplaced(claim):  # a list item is the condition's name; another claim's condition is what its words name
        label = claim.quote.strip(" -•*:") if claim.lead_in else unnamed(prop)
    pool = counted
    if label and counted:
        about = [e for e in counted if e.about_condition]
        if not about:
            # a condition within a wider one ("diabetic neuropathy" within neuropathic pain) whose own records are
            # none: what the wider condition's records show is indirect for it, so the question is open, not unasked
            broader = condition.broader if condition is not None else frozenset()
            wider = [e for e in counted if e.stance != "neutral" and set(e.settings) & broader]
            if wider:
                return "insufficient", (
                    f"Insufficient: none of the {len(counted)} records closest to the claim is about {label} (names "
                    f"it in its title, abstract or keywords); {len(wider)} on {_wider_label(broader, wider)} report "
                    f"findings, indirect for it (e.g. {', '.join(cite(e) for e in _strongest(wider))}).{note}"
                )
            return "no_evidence", (
                f"No evidence found in this library: none of the {len(counted)} records closest to the claim is about "
                f"{label} (names it in its title, abstract or keywords).{note}"
            )
        # GRADE's indirectness: the records about the condition decide; trials of other pain conditions (and the
        # condition's records on another population, route or regimen) cannot make the claim supported or mixed.
        # A psychiatric diagnosis is a population of its own: its records on patients in pain or around surgery are
        # indirect too, and pain is never what shows a benefit for it
        psychiatric = condition is not None and condition.psychiatric
        in_pain = [e for e in about if psychiatric and e.settings and not e.indirect]
        pool = [e for e in about if not e.indirect and e not in in_pain]
        others = "on pain, not on this diagnosis" if psychiatric else "on other pain conditions"
        note = (
            f" Judged on the records about {label}: {_about_list(about)}; the other "
            f"{len(counted) - len(about)} records, {others}, are indirect and not counted"
            + (
                f", nor are {len(in_pain)} about it in patients in pain or around surgery (e.g. {cite(in_pain[0])}, "
                f"population tagged {', '.join(in_pain[0].settings)})"
                if in_pain
                else ""
            )
            + (f", nor are {rest} indirect on other grounds" if (rest := len(about) - len(pool) - len(in_pain)) else "")
            + "."
            + note
        )

    def usable(e: Evidence) -> bool:
        return weight(claim, e) > 0 and bool(e.rationale)

    t = Tally(
        claim,
        [e for e in pool if e.stance == "supports" and usable(e)],
        [e for e in pool if e.stance == "contradicts" and usable(e)],
        [e for e in pool if e.stance == "mixed" and usable(e)],
    )
    if label and counted and not (t.sup or t.con or t.mixed):
        return "insufficient", (
            f"Insufficient: no record about {label} reports a finding for or against this claim directly.{note}"
        )
    if not (t.sup or t.con or t.mixed):
        if not counted:
            return "no_evidence", "No evidence found in this library for this claim." + note
        speaking = [e for e in counted if e.related]
        if not speaking:
            return "no_evidence", (
                f"No evidence found in this library: none of the {len(counted)} closest records reports a finding "
                f"on this claim.{note}"
            )
        event = history_event(claim)
        if event and not any(_names_an_event(e) for e in speaking):
            # "It first came to wide use in the Vietnam War": the records on its topic share only its other words
            return "no_evidence", (
                f"No evidence found in this library: the claim is about '{event}', which none of the "
                f"{len(speaking)} records on its topic names; they name only its other words (e.g. "
                f"{cite(speaking[0])}: {speaking[0].why}).{note}"
            )
        regulator = pattern("textbook", "regulatory").search(claim.text) if claim.kind == "history" else None
        if regulator:  # no cited sentence names the regulator: say why none does
            said = regulator.group(0)
            note = f" The claim is about a regulator's decision ('{said}'): the abstracts here do not record it." + note
        return "insufficient", (
            f"Insufficient: {len(speaking)} related record(s) ({_counts(speaking)}) report on the topic, but none "
            f"a finding for or against this claim (e.g. {cite(speaking[0])}: {speaking[0].why}).{note}"
        )
    v = RULES[asserted_direction(prop)](t)
    absolute, occurred = absolute_contradiction(t) if v == "contradicted" else ("", [])
    if occurred:
        # a record against the claim quotes the harm occurring; a mixed one's first sentence may be its other side
        e = _strongest([x for x in occurred if x.stance == "contradicts"] or occurred, 1)[0]
        said = e.rationale[0] if e.rationale else e.why
        said = said if len(said) <= 200 else said[:197] + "..."
        harm = _in_words(prop.outcomes)
        note = (
            f" An absolute claim ('{absolute}': the harm never happens), contradicted by credible reports that it "
            f"occurs with ketamine ({harm}), from any population or regimen: {len(occurred)} record(s), e.g. "
            f"{cite(e)} '{said}'." + note
        )
    serious = serious_reports(t) if v == "mixed" and prop.general_safety else []
    if serious and t.credible(serious):
        # the deciding records may be others (airway events in sedation): say which serious harms cap the claim
        said = "; ".join(f"{cite(e)}: {e.why}" for e in _strongest(serious, 2))
        note = f" Serious harms are reported with ketamine ({said}): a claim that it is safe is mixed at best." + note
    rare = rare_occurrence(t) if v == "mixed" and asserted_direction(prop) == "does_not_cause" else ""
    if rare and not absolute_denial(claim):
        how, opposite = ("slight", "severe") if pattern("harm", "slight").fullmatch(rare) else ("rare", "common")
        note = (
            f" The claim says the harm is {how} ('{rare}'): records that it happens, or happens more often than with "
            f"placebo, do not say it is {opposite}, so they make the claim mixed, not contradicted." + note
        )
    excess = no_excess_words(claim) if asserted_direction(prop) == "does_not_cause" else ""
    if excess:
        note = (
            f" The claim is that the harm is no more frequent than with placebo ('{excess}'): only records that "
            "compare ketamine with placebo are weighed, not reports that the harm happens." + note
        )
    endorsed = v == "supported"  # before any demotion below: each reason not to endorse is said, not only the first
    divided = regimen_divided(t) if asserted_direction(prop) == "causes" and v in ("supported", "insufficient") else ""
    if divided:
        v = "mixed"  # shown with one regimen, credibly not with another (or not with the one the claim is about)
        note = f" {divided[0].upper()}{divided[1:]}." + note
    treated = treated_diagnosis(claim) if v == "supported" else ""
    if treated:
        v = "insufficient"  # the diagnosis is who is treated, not the harm: its outcome not worsening is not safety
        note = (
            f" The claim is that ketamine is safe for the patients it names ('{treated}'): the reading took their "
            f"diagnosis for the harm ({', '.join(o.replace('_', ' ') for o in prop.outcomes)}); records that it does "
            "not worsen are not evidence about ketamine's harms in them, which were not read." + note
        )
    use = use_words(claim)
    documented = _use_documented(t) if use and v != "supported" else []
    if documented:
        v = "supported"  # "has been used for": the use is what the claim asserts, and the records report it
        note = (
            f" The claim is that ketamine is used for this ('{use}'), not how well it works: {len(documented)} direct "
            f"record(s) by {len(_groups(documented))} group(s) report it given to these patients, whatever they found "
            f"(e.g. {', '.join(cite(e) for e in _strongest(documented))}); its efficacy is not what is checked." + note
        )
    strong = strength_words(claim, "strong") or lasting_words(claim)
    doubts = _against_a_strong_claim(t) if strong and v == "supported" else []
    if doubts:
        v = "mixed"  # "clearly help": a benefit is shown, but not beyond doubt
    v, said_of_evidence = evidence_claim(t, v)
    note = said_of_evidence + note
    some = strength_words(claim, "some") if prop.direction == "improves" and not strong else ""
    some = "" if strength_words(claim, "about_trials") else some
    # reports of patients who benefited stand against single trials without an average benefit, not against reviews,
    # large trials, or trials by several groups that find none (enough direct evidence to decide on its own)
    against = _top(t, t.con) >= 3 or t.enough(t.con)
    reports = _benefit_reported(t) if some and v in ("mixed", "insufficient") and not against else []
    if reports:
        v = "supported"  # "in some cases": patients who benefited are on record
        note = (
            f" The claim is that some patients benefit ('{some}'): {len(reports)} direct report(s) of patients who "
            f"did, by different groups (e.g. {cite(reports[0])}); trials without an average benefit do not refute "
            "that." + note
        )
    if some and v == "contradicted":
        # trials that find no benefit on average do not show that no patient benefits: against such a claim they
        # weigh as doubt, with reports of patients who did benefit as mixed evidence
        benefited = _benefit_reported(t)
        v = "mixed" if benefited else "insufficient"
        note = (
            f" The claim is that some patients benefit ('{some}'): the records that find no benefit on average do not "
            "show that none do, so they do not contradict it"
            + (
                f"; {len(benefited)} direct report(s) of patients who did (e.g. {cite(benefited[0])})."
                if benefited
                else "; no record reports patients who did."
            )
            + note
        )
    varies = varies_words(claim) if v == "mixed" and not strong else ""
    if varies:
        v = "supported"  # "people respond in different ways": relief in some, none in others, is what it says
        note = (
            f" The claim is that this differs between people ('{varies}'): the records show relief in some and none, "
            "or less, in others." + note
        )
    unshown = unshown_parts(t) if v == "supported" else []
    if unshown:
        v = "insufficient"  # the evidence shows a weaker claim than this one makes
        note = "".join(f" {u[0].upper()}{u[1:]}." for u in unshown) + note
    # (not a harm denied outright, "In contrast to morphine, ketamine causes neither low blood pressure nor ...", nor a
    # time the claim states beside the comparison, "acts faster than oral forms, with effects often felt within 20-40
    # minutes": what ketamine alone does refutes those whatever it is set against)
    # (nor, for how long relief lasts, divides it: "can last a fair while longer than when it is given for
    # depression" is not divided by relief that lasted in some records of ketamine and not in others)
    divided_duration = v == "mixed" and claim.kind == "duration"
    set_against = (
        unnamed_comparison(claim)
        if (v == "contradicted" or divided_duration) and prop.direction != "does_not_cause" and not prop.quantity
        else ""
    )
    if set_against:
        v = "insufficient"  # what ketamine alone does refutes no difference from what the reading does not name
        note = f" {set_against[0].upper()}{set_against[1:]}." + note
    most = majority_part(t) if v == "supported" else None
    if most:
        v = most[0]  # the harm is shown to happen; to how many, the cited sentences do not all say
        note = f" {most[1][0].upper()}{most[1][1:]}." + note
    ligand = receptor_ligand(claim) if v == "supported" else ""
    if ligand and not any(ligand.lower() in sentence.lower() for e in t.sup for sentence in e.rationale):
        v = "insufficient"  # the receptor a record states ketamine blocks is another (NMDA)
        note = (
            f" The claim names the receptors of '{ligand}'; none of the sentences cited for it names them, so the "
            "records that state ketamine blocks a receptor (the NMDA receptor) do not state this one." + note
        )
    partner = interaction_partner(claim) if v == "supported" else ""
    if partner and not any(partner.lower() in sentence.lower() for e in t.sup for sentence in e.rationale):
        v = "insufficient"  # the records show ketamine's own effects, not what it does with the other drug
        note = (
            f" The claim is about an interaction with '{partner}'; none of the sentences cited for it names that drug, "
            "so records of ketamine's own effects do not show it." + note
        )
    shown = shown_parts(t) if v == "supported" else {}
    if shown:  # which records show which part
        each = "; ".join(f"{p} ({', '.join(map(cite, records[:2]))})" for p, records in shown.items())
        note = f" Each part the claim names is shown: {each}." + note
    if v == "supported" and harm_unread(claim):
        v = "insufficient"  # a harm the claim does not name, said to happen where it says nothing happens
        note = (
            " The claim names no harm and says nothing of one happening: 'adverse events' is what the reading gives "
            "when it finds none, so records that side effects occur do not show what it says." + note
        )
    qualifier = harm_qualifier(claim) if v == "supported" else ""
    if qualifier:
        v = "mixed"  # the harm is shown to happen; what the claim says of it is not checked
        note = (
            f" The claim says how the harm goes ('{qualifier}'): the records show that it happens with ketamine, "
            "not that; that part is not checked." + note
        )
    lifted = claim.kind == "mechanism" and v == "mixed" and not lasting_words(claim)
    if lifted and t.enough(t.sup) and t.ws >= 1.2 * t.wc:
        if _top(t, t.sup + t.mixed) >= _top(t, t.con + t.mixed):
            v = "supported"  # what the abstracts state about a mechanism, against weaker null findings
            # held to what the claim says beyond any reading (a comparison, a figure); its parts are unstated_parts'
            unshown = unshown_parts(t, benefit_parts=False)
            if unshown:
                v = "insufficient"
                note = "".join(f" {u[0].upper()}{u[1:]}." for u in unshown) + note
    divided_by_effects = claim.kind == "mechanism" and v == "mixed" and not lasting_words(claim)
    if divided_by_effects and not any(states_claim(e) for e in t.con + t.mixed):
        # what a mechanism is, the abstracts state; trials of an outcome it would explain (hyperalgesia, pain, mood)
        # that point both ways are indirect for it and do not divide it: the statements decide
        stating = [e for e in t.sup if states_claim(e)]
        v = "supported" if statements_enough(stating, claim.kind) else "insufficient"
        note = (
            f" A statement of mechanism: {len(stating)} record(s) state it"
            + (f" ({', '.join(cite(e) for e in _strongest(stating))})" if stating else "")
            + "; the trials of an effect it would explain, for and against, are indirect for it and do not decide it"
            + ("." if v == "supported" else ", and what states it is not enough to establish it.")
            + note
        )
    stated = parts_stated(t) if v == "supported" else []  # read once: for what is not stated, and what is
    unstated = unstated_parts(t, stated) if v == "supported" else []
    if unstated:
        v = "insufficient"  # each part of a mechanism or history claim needs a record that states it
        note = (
            " Each part of what the claim states needs records that establish it; not established here: "
            f"{', '.join(unstated)}." + note
        )
    elif v == "supported" and claim.kind == "history" and len(stated) >= 2:
        each = "; ".join(f"{name} ({', '.join(map(cite, _strongest(records, 2)))})" for name, records in stated)
        note = f" Each part of what the claim states is stated by two groups or a guideline: {each}." + note
    capped, aside = set_aside(claim) if v == "supported" else ("", "")
    negative = _detail_stated(t, aside) if capped == "insufficient" else ("", [])
    if negative[1]:
        capped = ""  # "without competing for their binding site": stated as "non-competitive"
        note = (
            f" How it says ketamine does not act ('{aside}') is stated as '{negative[0]}' by "
            f"{', '.join(map(cite, _strongest(negative[1], 2)))}." + note
        )
    if capped:
        v = capped  # what it says ketamine does is stated; what it denies besides, nothing reads
        note = (
            " The claim also says, with a negation not read as its own, "
            + (f"how ketamine does not act ('{aside}')" if capped == "insufficient" else f"what follows ('{aside}')")
            + ": the records state what ketamine does, and were not read for that; it is not "
            + ("established here." if capped == "insufficient" else "checked.")
            + note
        )
    effect = (effect_of_mechanism(claim) or unchecked_consequence(claim)) if v == "supported" else ""
    if effect:
        v = "mixed"  # the mechanism is stated; the benefit the claim draws from it is a claim of its own
        note = (
            f" The claim also says what the mechanism does for patients ('{effect}'): the records state the mechanism, "
            "and were not read for that effect on patients (a benefit, how safe or fast, how many it reaches); that "
            "part is not checked." + note
        )
    compared = pattern("parts", "mechanism_compared").search(claim.quote) if claim.kind == "mechanism" else None
    if compared and v == "supported":
        v = "mixed"  # what ketamine does is stated; that no other drug does it is not
        note = (
            f" The claim also sets ketamine against other drugs ('{compared.group(0)}'): the records state what "
            "ketamine does, not what other drugs do; that part is not checked." + note
        )
    beyond = history_effect(claim) if endorsed else ""
    if beyond:
        if v == "supported":
            v = "insufficient"  # every part: what it says ketamine does is a claim of its own kind, not weighed here
        note = (
            f" The claim also says what ketamine does for or to patients ('{beyond}'): that is a claim of benefit, "
            "safety or how many it helps, which the records of its use were not read for; it is not established "
            "here." + note
        )
    regulator = pattern("textbook", "regulatory").search(claim.text) if claim.kind == "history" else None
    if regulator and v in ("supported", "contradicted", "mixed"):
        v = "insufficient"  # what a regulator approved or listed is not what the abstracts establish
        note = (
            f" The claim is about a regulator's decision ('{regulator.group(0)}'): the abstracts here do not record "
            "it, so it is not checked." + note
        )
    given = [e for e in t.sup if GIVEN in e.why] if claim.kind == "dosing" and how_given(claim) else []
    if claim.kind == "dosing" and v == "supported" and not any(e.design in (*REVIEWS, "guideline") for e in t.sup):
        if len(_groups(given)) >= 2:
            note = (
                f" How ketamine is given is stated by what the patients of {len(given)} studies by "
                f"{len(_groups(given))} research groups received (e.g. {', '.join(cite(e) for e in given[:2])}): "
                "that is how it is given, not evidence that it works." + note
            )
        else:
            v = "insufficient"  # how a drug is usually given is documented by guidelines and reviews, not one study
            note = (
                " How ketamine is given is documented by guidelines and reviews, or by what the patients of "
                "studies by two research groups received (a single study gives its own regimen): none of the "
                "records that state it here is a review or guideline"
                + (f", and only one group's patients received it ({cite(given[0])})" if given else "")
                + "."
                if how_given(claim)
                else " How ketamine is given is documented by guidelines and reviews (a single study gives its own "
                "regimen): none of the records that state it here is one."
            ) + note
    elsewhere = off_route(t, v) or on_route_support(t, v)
    if elsewhere:
        v = "insufficient"  # the division, the evidence against, or the support is on another route
        note = f" {elsewhere[0].upper()}{elsewhere[1:]}." + note
    if prop.indirect_only and v in ("supported", "contradicted", "mixed"):
        v = "insufficient"  # no study measures what the claim names: the evidence can only be indirect
    parts = []
    if t.sup:
        parts.append(f"{len(t.sup)} support ({_counts(t.sup)})")
    if t.con:
        parts.append(f"{len(t.con)} contradict ({_counts(t.con)})")
    if t.mixed:
        parts.append(f"{len(t.mixed)} mixed ({_counts(t.mixed)})")
    side = {"supported": documented or t.sup, "contradicted": t.con}.get(v, t.sup + t.con + t.mixed)
    deciding = sorted(side, key=lambda e: (-weight(claim, e), -e.relevance))
    if v == "supported" and documented:
        deciding = _strongest(documented)  # the records that report it given, whatever they found
    if v == "mixed":
        deciding = (
            sorted(t.sup, key=lambda e: -weight(claim, e))[:1]
            + (doubts or sorted(t.con + t.mixed, key=lambda e: -weight(claim, e)))[:1]
        )

    def qualified(e: Evidence) -> str:
        down = downgraded(claim, e)
        as_what = COUNTED_AS[DOWNGRADE[down[0]][0]] if down else ""
        return (" [indirect]" if e.indirect else "") + (f" [counted as {as_what}: {down[1]}]" if down else "")

    named = "; ".join(f"{cite(e)} {e.stance}: {e.why}{qualified(e)}" for e in deciding[:2])
    if doubts:
        d = doubts[0]
        why = f"rates its evidence as weak ('{d.certainty}')" if d.certainty and d.stance != "contradicts" else d.stance
        note = (
            f" The claim says '{strong}': a benefit is shown, but not beyond doubt ({len(doubts)} credible record(s) "
            f"against it or rating the evidence weak, e.g. {cite(d)} {why})." + note
        )
    head = {
        "supported": "Supported",
        "contradicted": "Contradicted",
        "mixed": "Mixed",
        "insufficient": "Insufficient: only weak, indirect or too little evidence",
    }[v]
    # a reading that is only "ketamine relieves pain" while the claim says much more: not what the claim says
    return cap(claim, v, f"{head}. {', '.join(parts)}. Deciding: {named}.{note}")
