"""Normalise an extracted claim into the proposition the evidence engine checks, from the claim's own words.

For each claim: its kind (efficacy, onset, duration, safety, side_effect, mechanism, dependence, comparative,
dosing, history), routes, regimen (single | infusion | repeated), population (setting ids), outcomes (outcome ids),
direction (the engine's: improves, causes, does_not_cause, less_harm, better, faster, slower, onset, lasts, fades,
transient, states), polarity, comparator, severity (any | serious), exposure (therapeutic | supervised), a
quantity with both ends (onset in minutes or duration in days: "within 20-40 minutes", "weeks or months"), the
words to search for, and a one-line assertion. Every field keeps the rule (and words) that set it, in ``reasons``.

Routes, outcomes and populations come from the tagging vocabulary (the claim read as a title) and the words pages
use for them, then from the claim's place on the page: a claim that names no route takes the one its section's
heading or the sentence before it names, else the page's (an infusion clinic's page, or a page that names no other
route in two sentences or more, is about intravenous ketamine; one sentence about a nasal spray is not); a list
that points back ("in these scenarios") takes the population of the sentence before it, and an effect claim that
names none takes the condition of the page's title. An item of a list of conditions it treats is an efficacy claim
for that condition; one the vocabulary has no population for ("Lupus") must be named by the findings that settle it
(its concepts). An effect claim that names no outcome takes relief of pain only when it names a condition or an
effect ("it works"), or points back to a sentence (or sits under a heading) that names pain; one that names none of
these has no outcome and is not checkable, never the page's "relieves pain". Words the
vocabulary would misread in a page ("dissociative anaesthetic", "inflammatory pain") are masked before outcomes are
read. The kind is decided on the claim's own words, its main clause for mechanism and duration ("By targeting pain
pathways, ketamine offers hope to..." is efficacy); the conventions: fewer opioids and relief of opioid-induced
hyperalgesia are efficacy, receptor and channel action is mechanism, less tolerance or addiction than opioids is
dependence, each item of a list of effects is a side effect, a remedy for the side effects (a dose change, a sedative
given with it) is a claim about the remedy (ketamine with it against ketamine without it), "safe", a harm said not to
happen and side effects said to be minimal are safety, what a dose or schedule does is dosing, how fast it acts is
onset (even against a comparator), routes set against each other are a comparison with the route they are set against
(not relief), and a condition named and defined in a list is one it helps (its symptoms are neither side effects nor
outcomes, and its description adds no population). A leading "Besides ...," or "Apart from ...," sets aside what the
page claimed before, and an opinion frame ("In my view", "we think that") is left out: kind and outcomes are read in the
rest. What a phrase does in the sentence decides, not a word anywhere in it: a time span attached to relief that holds,
remains or continues (or patients still better at a follow-up) is a duration, a figure of relief with "immediate" and no
clock time is how much relief, and a harm named as what ends ("complications ... cleared up within 24 hours") is a
short-lived side effect; a harm with a comparative of its risk set against another drug ("a lower risk of respiratory
depression than opioid drugs") is safety with that drug as comparator, whose words add no outcome; a list of the drug's
properties ("sedative and analgesic effects") is a statement with one part per property; the drug as the object of
"used" or "its use" as a subject is history, whatever purpose follows; "the higher the dose ..., the better" is dosing.
The cue words are in ``data/claim_text.toml``.

Each claim is also put on a topic (``topic_of``), for contradictions between pages: a named harm said to happen or
not, relief given a figure for one regimen and population, relief said to last or to be only temporary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..records import new_record
from ..tagging.patterns import either
from ..tagging.tagger import default_tagger, default_vocabulary
from .catalogue import COMPARED_DIRECTIONS
from .extract import Candidate, lists_conditions, lists_previous, rules, sentences
from .findings import lexicon
from .text import NUMBER_WORDS
from .weighing import conditions, pattern, psychiatric_words, weighing

EFFECT_KINDS = ("efficacy", "onset", "duration", "comparative", "dosing")
HARM_KINDS = ("safety", "side_effect", "dependence")
# the reason a claim is read as fewer opioids (efficacy), whatever harms it names
OPIOIDS_SPARED = "fewer opioids or less opioid hyperalgesia"
DOSE_UNRELATED = "a harm said not to depend on the dose"  # how the rules' reason for such a dosing claim begins
HARM_DENIED = "a harm said not to happen (or rarely)"  # how the rules' reason for such a safety claim begins
CONDITIONS_HELPED = "conditions it helps"  # named in the rules' reasons for an item of a list of what it treats
# why a sentence on how fast the body clears the drug is a mechanism, as a reason says it ([normalise] clearance)
CLEARED = "how fast the body clears the drug (its pharmacokinetics, not relief's time)"
_STOP = set(
    "a an and are as at be been by can could do does for from has have how in into is it its may might more most "
    "of on or our over than that the their them these they this those through to was were what when which while "
    "who will with within without you your ketamine also some many often other such very well just only not no "
    "being being because after before during even each there here then so".split()
)


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    n = rules()["normalise"]
    out: dict[str, Any] = {k: either(v) for k, v in n.items() if isinstance(v, list)}
    # the harms named more finely than their outcome (blood pressure, heart rate: data/weighing.toml [harm.named], their
    # one home, in every spelling) are harms and side effects a claim names
    named = [w for spec in weighing()["harm"].get("named", {}).values() for w in spec["words"]]
    out["harm"] = either([*n["harm"], *named])
    out["side_effect"] = either([*n["side_effect"], *named])
    out["regimen"] = [(k, either(v)) for k, v in n["regimen"].items()]
    out["routes"] = [(k, either(v)) for k, v in n["routes"].items()]
    out["outcome_words"] = [
        (k, either([*v, *n["condition_relapse"]] if k == "duration_of_relief" else v))
        for k, v in n["outcome_words"].items()
    ]
    out["population_words"] = [(k, either(v)) for k, v in n["population_words"].items()]
    # the condition coming back (its one home, [normalise] condition_relapse) is relief that fades (how long relief
    # lasts), and no dependence (normalise: not read by the vocabulary's words for dependence)
    out["fades"] = either([*n["fades"], *n["condition_relapse"]])
    out["outcome_not"] = either([p for v in n["outcome_not"].values() for p in v])
    out["condition_relapse"] = either(n["condition_relapse"])
    out["population_not"] = either([p for v in n["population_not"].values() for p in v])
    out["comparator"] = [(k, either(v)) for k, v in n["comparator"].items()]
    out["onset_words"] = sorted(n["onset_words"].items(), key=lambda kv: -len(kv[0]))
    out["duration_words"] = sorted(n["duration_words"].items(), key=lambda kv: -len(kv[0]))
    out["topics"] = n["topics"]
    out["property_words"] = n["property_words"]
    # conditions that are not pain: a claim about one is about mood, not pain relief, and not in the page's
    # population; their words live with the other named conditions (data/weighing.toml [condition])
    out["psychiatric"] = psychiatric_words()
    return out


@dataclass
class Quantity:
    name: str  # onset_minutes | duration_days
    low: float
    high: float
    # "upper" when the claim's words set only the upper end ("within hours", "up to 3 months"), with those words;
    # "" when the claim is read at both ends
    ends: str = ""
    ends_words: str = ""


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
    topic: str = ""
    checkable: bool = True
    indirect_only: bool = False  # no study in a pain library measures what the claim names
    concepts: list[list[str]] = field(default_factory=list)  # words a finding's sentence must name, one per group
    condition: str | None = None  # the named condition taken from the sentence or question before ([condition] id)
    reasons: dict[str, str] = field(default_factory=dict)
    # a sentence that makes several claims: each part as the catalogue keeps it (``parts.part_entry``)
    parts: list[dict[str, Any]] = field(default_factory=list)

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
        for key in ("regimen", "comparator", "severity", "exposure", "topic"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.quantity:
            out["measure"] = {"quantity": self.quantity.name, "min": self.quantity.low, "max": self.quantity.high}
            if self.quantity.ends:
                out["measure"] |= {"ends": self.quantity.ends, "ends_words": self.quantity.ends_words}
        if not self.checkable:
            out["checkable"] = False
        if self.indirect_only:
            out["indirect_only"] = True
        if self.concepts:
            out["concepts"] = self.concepts
        if self.condition:
            out["condition"] = self.condition
        if self.parts:
            out["parts"] = self.parts
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
    comparator: str | None = None  # what its title compares ketamine with ("Ketamine vs. Opioids")
    regimen: str | None = None  # the regimen its title names ("Ketamine Infusion"), or the only one it ever names


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


def page_context(text: str, title: str = "", url: str = "", clinic: str = "") -> PageContext:
    """What the page is about: the route its title, address or clinic's name gives ("Ketamine Infusion",
    ".../ketamine-infusion", "... Infusion Therapies") or the only route it ever names (a page that discusses
    several routes, an article about ketamine in general, is about none), the condition its title names (the
    narrowest, when it names a condition and the kind of pain it is), and what its title compares ketamine with
    ("Ketamine vs. Opioids"). The title is the page's first line when none is given."""
    title = title or next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    names = " ".join((title, re.sub(r"[-_/.]+", " ", url), clinic))
    said: list[str] | None = None  # the page's sentences, split once and only if needed

    def only_one(cues: list[tuple[str, re.Pattern[str]]]) -> str | None:
        """The one name of ``cues`` the page ever gives, in two sentences or more (one sentence naming a nasal spray,
        however often, is not what the page is about)."""
        nonlocal said
        if said is None:
            said = [s.text for ln in text.splitlines() for s in sentences(ln, 0)]
        counts = {name: sum(bool(rx.search(s)) for s in said) for name, rx in cues}
        named = [name for name, n in counts.items() if n]
        return named[0] if len(named) == 1 and counts[named[0]] >= 2 else None

    routes, _ = routes_named(names)
    if not routes:
        # a page that only ever names one route is about it: "Ketamine Infusions" in every answer
        routes = [r] if (r := only_one(_cues()["routes"])) else []
    # as for the route: the regimen its title names, or the only one it names ("infusions" throughout)
    regimen = next((name for name, rx in _cues()["regimen"] if rx.search(names)), None) or only_one(_cues()["regimen"])
    population = [s for s in _tags(title).get("setting", []) if s not in ("trauma", "postoperative")]
    # a title that names a condition and the kind of pain it is ("... for CRPS: An Option for Refractory Pain") is
    # about the condition
    vocab = default_vocabulary()
    population = [s for s in population if not any(o != s and o in vocab.descendants("setting", s) for o in population)]
    compared = _named_comparator(title) if _VERSUS.search(title) else None
    comparator = compared[0] if compared else None
    return PageContext(routes=routes[:1], population=population, comparator=comparator, regimen=regimen)


def _first(rx: re.Pattern[str], text: str) -> str | None:
    m = rx.search(text)
    return m.group(0) if m else None


def _blank(rx: re.Pattern[str], text: str) -> str:
    """``text`` with what ``rx`` matches blanked out by spaces, so that the offsets of the rest stay the same."""
    return rx.sub(lambda m: " " * len(m.group(0)), text)


_CONSEQUENCE = re.compile(
    r",?\s+(?:which|allowing|making|helping|improving|reducing|lowering|leading|so that|while|whereas|because)\b.*$"
    # and a trailing concession ("Ketamine does bring a risk of addiction, although its pattern is not the same as that
    # of opioids"): what the sentence grants besides its claim (not "though" as a turn between clauses, "Here is the
    # twist, though – ketamine has ...")
    r"|,\s*(?:even )?(?:although|though)\b(?!\s*[-\u2013\u2014,;:])\s.*$",
    re.I | re.S,
)
# what a sentence says of its subject between commas before its verb ("Ketamine, first brought into use in the 1960s,
# is ...", "Ketamine, which has served as an anesthetic since the 1970s, has shown ...")
_SUBJECT_ASIDE = re.compile(
    r"^(\W*(?:ketamine|esketamine|it|the drug|this drug))\s*,\s*"
    r"(?:which|first|originally|initially|long|once)\b[^,;:]{3,90},\s*",
    re.I,
)
_LEADING_CLAUSE = re.compile(r"^(?:by|because|since|as|although|though|while|when)\b[^,]{3,},\s*", re.I)
# what a sentence grants before its claim ("Although plenty of evidence points to ketamine being effective and safe,
# many clinicians still hold back ..., because it carries a risk of habituation"): not what it says of ketamine's safety
# (not "While medicine looks for safer alternatives without addiction risk ..., ketamine has drawn interest": a "while"
# sets the scene as often as it concedes)
_LEADING_CONCESSION = re.compile(r"^\W*(?:although|though|even though|despite)\b[^,]{3,},\s*", re.I)


def safety_doubted(text: str) -> str | None:
    """The words with which a sentence puts ketamine's safety in doubt ("There are concerns about the long-term safety
    of ketamine", "which raises worries over whether it is safe": ``data/claim_text.toml`` safety_doubted), or None."""
    return _first(_cues()["safety_doubted"], text)


def names_harm(text: str) -> bool:
    """Whether ``text`` names a harm: a side effect, dependence, harm in general or grave harm, or a harm named more
    finely than its outcome ("the heart rate", "blood pressure": ``data/weighing.toml`` [harm.named]), as the claim
    grammar reads them (``data/claim_text.toml`` harm, side_effect, dependence, harm_general, harm_grave)."""
    c = _cues()
    return any(_first(c[key], text) for key in ("harm", "side_effect", "dependence", "harm_general", "harm_grave"))


def mechanism_negation(own: str) -> tuple[str, list[tuple[str, str]]]:
    """A mechanism claim's words with those its polarity is not read from blanked out (``data/weighing.toml``
    [textbook] negation_outside, denied_detail, denied_consequence: an answer word, a turn of phrase, a denied detail
    of how, a consequence), and the blanked words that hold a negation, each with its key. What the claim says
    ketamine does is read as stated: "Ketamine blocks NMDA receptors without competing for their binding site" is not
    a claim that it does not block them."""
    negation, kept, aside = _cues()["negation"], own, []
    for key in ("negation_outside", "denied_detail", "denied_consequence"):
        rx = pattern("textbook", key)
        aside += [(key, m.group(0).strip(" ,.;:")) for m in rx.finditer(kept) if negation.search(m.group(0))]
        kept = _blank(rx, kept)
    return kept, aside


def main_clause(text: str) -> str:
    """A sentence without its leading adverbial clause ("By targeting the brain's pain pathways, ...") and its
    trailing consequence ("..., which may explain longer-lasting relief"): what it mainly asserts."""
    main = _CONSEQUENCE.sub("", _LEADING_CLAUSE.sub("", text.strip()))
    return main if len(main.split()) >= 3 else text


# a list item that only names something ("Cyclic vomiting", "Chronic Lyme disease"): no sentence, a few words
_BARE_ITEM = re.compile(r"^\W*[^\W\d][^.:;!?]{0,50}$")
# an item of a list that is no sentence (under a lead-in that says what the items are): a phrase, a name or several
_LISTED_ITEM = re.compile(r"^\W*[^\W\d][^.:;!?]{0,120}$")
# an item that is only a condition's name ("Chronic Lyme disease", "Treatment-resistant depression")
_CONDITION_NAME = re.compile(r"^\W*[A-Za-z][A-Za-z'’ -]{1,40}$")


_NAMES_DRUG = re.compile(r"\b(?:ketamine|it|the drug|this drug|the medicine|infusions?|treatment|doses?)\b", re.I)
_CLAUSE_START = re.compile(
    r"^\W*(?:in|after|before|if|when|while|during|for|with|stop|reduce|use|avoid|give|take)\b", re.I
)


def caution_item(own: str, lead_in: str) -> str | None:
    """The lead-in's words of caution when ``own`` is an item of a list of the conditions in which the drug must not be
    given or is given with caution ("Ketamine must not be given to people with the conditions below: - raised pressure
    inside the eye"): the item names a condition of the patient (no verb of the drug's, no sentence of advice), and the
    claim is that the drug would harm people who have it, never that it treats or causes it. None otherwise."""
    if not lead_in or not lead_in.rstrip().endswith(":"):
        return None
    w = _first(_cues()["lead_in_contraindication"], lead_in)
    if not w or len(own.split()) > 15 or _NAMES_DRUG.search(own) or _CLAUSE_START.match(own):
        return None
    return w


# a harm named as a label, then what is said of it after a colon or a dash ("Nausea – rare", "Breathing problems: none",
# "Bladder damage: not a risk with medical ketamine"): a label of a few words, then its qualifier
_LABEL = re.compile(
    r"^\W*(?P<label>[A-Za-z][\w'’ /()-]{1,50}?)\s*(?::|\s[-–—]\s|\s?[–—]\s?)\s*(?P<qualifier>\w.*)$", re.S
)
_OWN_SUBJECT = re.compile(
    r"^(?:ketamine|esketamine|it|this|they|we|you|patients|people|the (?:drug|medicine))\b"
    r"|\b(?:ketamine|esketamine|it|they|we|you|patients|people)\s+(?:is|are|was|were|can|could|may|might|will|would|does"
    r"|do|did|has|have|had|helps?|works?|causes?|makes?|gives?)\b",
    re.I,
)
_NONE = re.compile(r"^none\b\s*", re.I)


def harm_label(own: str) -> tuple[str, str] | None:
    """(the sentence it abbreviates, the qualifier) of a harm named as a label and qualified after a colon or a dash
    ("Nausea – rare": "Nausea is rare"; "Breathing problems: none": "There is no breathing problems"; "High blood
    pressure: not an issue": "High blood pressure is not an issue"), so that the rules of rarity, negation and
    reassurance read the qualifier as the predicate it is; None unless the label (six words at most) names a harm and
    the qualifier names none (a list of harms, "Side effects: nausea, dizziness", is no qualifier) and has no subject
    of its own ("Avoiding tolerance: In controlled settings, ketamine is less prone to ...": a sentence)."""
    c = _cues()
    m = _LABEL.match(own.strip())
    if m is None:
        return None
    label, qualifier = m.group("label").strip(), m.group("qualifier").strip()
    if len(label.split()) > 6 or _OWN_SUBJECT.search(qualifier):
        return None
    if not any(_first(c[name], label) for name in ("harm", "side_effect", "dependence")):
        return None
    if any(_first(c[name], qualifier) for name in ("harm", "side_effect")):
        return None
    none = _NONE.match(qualifier)
    if none:
        return f"There is no {label[:1].lower()}{label[1:]} {qualifier[none.end() :]}".strip(), qualifier
    plural = label.lower().endswith("s") and not label.lower().endswith(("ss", "is", "us"))
    return f"{label} {'are' if plural else 'is'} {qualifier}", qualifier


def guess_kind(text: str, quote: str | None = None, lead_in: str = "", previous: str = "") -> tuple[str, str]:
    """(kind, reason). ``text`` is the claim with its lead-in; ``quote`` the claim's own words (the clause that makes
    the claim, when the rest is advice); ``lead_in`` the lead-in of a list item; ``previous`` the sentence before it,
    whose harm a claim that points back ("This is rare") is about. An item of a list (not one of effects) that names
    a condition and then describes it ("Migraine: a type of headache marked by intense pain together with nausea and
    vomiting") says that ketamine helps that condition: the symptoms of its description are the disease's, not side
    effects."""
    caution = caution_item(quote or text, lead_in)
    if caution:
        return "safety", f"an item of a list of cautions, a condition in which the drug must not be given: {caution!r}"
    advice = _first(_cues()["dose_advice"], quote or text)
    if advice and not remedy_for_harm(quote or text):
        return "dosing", f"advice to change the dose: {advice!r}"
    kind, why = _guess_kind(text, quote, lead_in, previous)
    head = condition_head(quote or text, lead_in) if kind in HARM_KINDS else None
    if head and not _first(_cues()["side_effect_list"], lead_in):
        return "efficacy", f"a condition named in a list and described: {head!r} (not {kind}: {why})"
    return kind, why


# what a claim about a remedy for the side effects compares: ketamine given with the remedy against ketamine without it
REMEDY_COMPARATOR = "ketamine without the remedy"
# what an onset set against the weeks other treatments take compares with, when the sentences name none
OTHER_TREATMENTS = "other treatments"


def _harm_word(text: str) -> str | None:
    """The first words of ``text`` that name a harm, or else a side effect (``data/claim_text.toml`` harm,
    side_effect), or None."""
    c = _cues()
    return _first(c["harm"], text) or _first(c["side_effect"], text)


def remedy_for_harm(own: str) -> str | None:
    """The words of a remedy (a dose change, a drug given with it) said to prevent or lessen a harm the sentence names
    ("Changing the dose will help with these side effects"), or None."""
    c = _cues()
    w = _first(c["remedy"], own)
    return w if w and (_harm_word(own) or _first(c["dependence"], own)) else None


_GENERIC_EFFECTS = re.compile(r"(?:these|such|additional) effects|the experience|sensations?", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:but|while|whereas|although|though|and then)\b", re.I)


def action_effects(own: str, lead_in: str = "", previous: str = "") -> str | None:
    """The words "effects", "its effects" when a claim names them with no side or adverse word and no harm (in its own
    words or its lead-in), and says only how soon, how strongly or how long they are felt ("its effects are immediate
    and profound", "the effects last for weeks"): the drug's action, not a harm (``data/claim_text.toml``
    action_effects). None when the claim names a harm, says what the effects do ("the effects may increase pain
    sensitivity"), or its effects point back to a sentence that names a harm ("These effects pass quickly")."""
    c = _cues()
    w = _first(c["action_effects"], own)
    if not w:
        return None
    for text in (own, lead_in):
        if text and any(_first(c[key], text) for key in ("harm", "side_effect", "action_effects_harm")):
            return None
    if previous and _first(c["action_effects_back"], own):
        if any(_first(c[key], previous) for key in ("harm", "side_effect", "action_effects_harm")):
            return None
    return w


def harm_passes(own: str) -> str | None:
    """The words of a harm said to end ("Whatever hallucinogenic complications the patients had cleared up within 24
    hours", "any nausea settles quickly"), or None: a harm or side effect named, then a verb of ending within its
    clause. A time span there is how long the harm lasts, not how soon relief comes."""
    c = _cues()
    for found in (c["harm"], c["side_effect"]):
        for m in found.finditer(own):
            if _GENERIC_EFFECTS.fullmatch(m.group(0)):
                continue  # "these effects" names no harm: the drug's effects, relief among them
            end = c["harm_ends"].search(own, m.end())
            if end and end.start() - m.end() <= 60 and not _CLAUSE_BREAK.search(own, m.end(), end.start()):
                return f"{m.group(0)} ... {end.group(0)}"
    return None


# words between a verb of lessening and a harm that make the harm another verb's object ("stops the drug causing
# nausea"), or start another clause
_NOT_PREVENTED = re.compile(
    r"[,;:]|\b(?:and|but|or|while|whereas|caus\w*|lead\w*|trigger\w*|produc\w*|induc\w*|result\w*)\b", re.I
)


def harm_compared(own: str) -> tuple[str, bool, str] | None:
    """A harm set against another treatment's: (the words, whether ketamine's is said to be less, what it is compared
    with), or None. The sentence must name a harm, a comparative of its risk, likelihood or amount before it ("a lower
    risk of respiratory depression", "less likely to suppress breathing", "fewer side effects") and a comparison word
    with what follows it ("than opioid drugs do", "compared with morphine")."""
    c = _cues()
    than = c["compared_with"].search(own)
    if not than:
        return None
    for found in (c["harm"], c["side_effect"], dict(c["outcome_words"])["respiratory"]):
        for h in found.finditer(own):
            if than.start() <= h.start() < than.end():
                continue  # the comparator's own words ("than opioids' breathing problems")
            gap = own[h.end() : than.start()]
            if h.end() <= than.start() and (len(gap) > 40 or re.search(r"[,;:]|\band\b|\bbut\b", gap)):
                continue  # another clause's comparison ("fewer side effects and relieves pain better than")
            before = own[max(0, h.start() - 60) : h.start()]
            more = [m for m in c["harm_more_or_less"].finditer(before) if not _CLAUSE_BREAK.search(before, m.end())]
            if more:
                words = f"{more[-1].group(0).strip()} {h.group(0)} {than.group(0)}"
                return words, bool(c["less_words"].match(more[-1].group(0))), than.group(1)
    return None


# the treatment a sentence sets ketamine against, for a comparative of harm that names none of its own ("as effective
# as morphine for acute pain and far safer")
_ELIDED_COMPARATOR = re.compile(
    r"\b(?:as \w+ as|than|compared (?:to|with)|versus|vs\.?)\s+(?:an?\s+|the\s+)?"
    r"(?!(?:ketamine|it|that|this|those|what|ever|before|usual|other|others|many|most|any)\b)([a-z]{4,})\b",
    re.I,
)


def harm_compared_named(own: str) -> str | None:
    """The words of the harm a sentence sets against another treatment's ("dizziness" in "less dizziness than
    morphine"), or None when it sets none (``harm_compared``)."""
    compared = harm_compared(own)
    if compared is None:
        return None
    than = _cues()["compared_with"].search(own)
    before = own[: than.start()] if than else own
    for found in (_cues()["harm"], _cues()["side_effect"]):
        hits = list(found.finditer(before))
        if hits:
            return hits[-1].group(0)
    return None


_OBJECT_GAP = re.compile(r"^(?:\s+(?!(?:and|or|but|then|while|whereas)\b)[\w'’-]+){0,4}?\s+$", re.I)


def _unnamed_harm(own: str, lead_in: str | None) -> list[str]:
    """The words (stems of seven letters at most) of a listed harm under a lead-in that names a harm of its own ("the
    ways it could affect breathing"), when the item names none of the vocabulary's outcomes and no word of harm, side
    effect or outcome the claim grammar knows ("Too much saliva in the mouth": saliva, mouth); [] when the item names
    one ("Nausea"), when the lead-in names side effects in general ("Side effects include:", whose items "Paranoia",
    "Headache" are read as side effects), or for a claim that is no list item."""
    c = _cues()
    if not lead_in or not any(_first(rx, lead_in) for name, rx in c["outcome_words"] if name != "adverse_events"):
        return []
    if _tags(own).get("outcome") or any(_first(c[k], own) for k in ("harm", "side_effect", "harm_general")):
        return []
    if any(_first(rx, own) for _name, rx in c["outcome_words"]):
        return []
    return [w.lower()[:7] for w in re.findall(r"[A-Za-z]{5,}", own) if w.lower() not in _STOP]


def harm_reassured(text: str) -> str | None:
    """The words with which a sentence reassures (``data/claim_text.toml`` harm_reassured): a harm or the patient said
    to stay as they were ("blood pressure stays normal", "patients remain conscious and in control"; staying awake or
    conscious alone is none), a harm said to be gone or
    unheard of, or mild every time; None if there are none, or if a hedge comes before the state ("you may feel calm":
    harm_reassured_unless), which makes it an effect that may occur."""
    c = _cues()
    main = main_clause(text)
    w = _first(c["harm_reassured"], main)
    if w is None or _first(c["harm_reassured_unless"], main):
        return None
    return w.strip()


def harm_read_from(own: str, named_only: bool = False) -> str | None:
    """The words from which a sentence's harm or its direction are read: a harm, a side effect, harm in general words
    ("carries some risks") or an outcome named, or a harm said to be absent, rare or kept off ("No flashbacks", "This
    is rare"); None if both would be defaults. With ``named_only``, only the words that name a harm or an outcome: a
    negation alone ("No, it is not an opioid") names none."""
    c = _cues()
    said = () if named_only else (c["negation"], c["harm_absent"], c["harm_rare"], c["harm_unlikely"])
    for rx in (c["harm"], c["side_effect"], c["harm_general"], *said):
        w = _first(rx, own)
        if w:
            return w
    for _name, rx in c["outcome_words"]:
        w = _first(rx, own)
        if w:
            return w
    tagged = _tags(own).get("outcome")
    return tagged[0] if tagged else harm_reassured(own)


def harm_level_with(text: str) -> tuple[str, str] | None:
    """A harm set level with another treatment's ("as safe as a placebo", "the same side effects as saline": ``data/
    claim_text.toml`` harm_level_with): (the words, the treatment named), or None."""
    m = _cues()["harm_level_with"].search(main_clause(text))
    if m is None:
        return None
    return m.group(0), next((g for g in m.groups() if g), "")


def outcomes_named(text: str) -> set[str]:
    """The outcomes ``text`` names: the tagging vocabulary's, and those the words pages use name
    (``data/claim_text.toml`` [normalise.outcome_words])."""
    return set(_tags(text).get("outcome", [])) | {o for o, rx in _cues()["outcome_words"] if rx.search(text)}


def target_roles(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The words with which a mechanism claim says what its target does in the body and that name an outcome
    (``data/claim_text.toml`` target_role: "a neurotransmitter linked to both pain and mood", "which are involved in
    pain perception, memory, arousal and awareness"), each with the outcomes they name: the target's outcomes, not ones
    ketamine is said to act on."""
    out = []
    for m in _cues()["target_role"].finditer(text):
        named = outcomes_named(m.group(0))
        if named:
            out.append((m.group(0).strip(" ,"), frozenset(named)))
    return tuple(out)


def target_described(text: str) -> list[str]:
    """The words of ``target_roles``."""
    return [words for words, _ in target_roles(text)]


def harm_brought_on(text: str, outcomes: list[str]) -> str | None:
    """The words with which a mechanism claim says ketamine brings on what it names ("sedates", "causes short-lived
    memory loss", "can bring on feelings of lethargy and sleepiness"): a word that says so by itself
    (``data/claim_text.toml`` harm_done) or a verb of bringing on (harm_brought_on) with one of the claim's outcomes
    within a few words after it, when every outcome of the claim is a harm (``data/findings.toml`` [outcomes] harms)
    and no verb lessens one (``harm_lessened``). None otherwise ("improves memory", "reduces hallucinations")."""
    if not outcomes or not set(outcomes) <= lexicon().harms or harm_lessened(text, outcomes):
        return None
    c = _cues()
    itself = c["harm_done"].search(text)
    if itself:
        return itself.group(0)
    words = dict(c["outcome_words"])
    for m in c["harm_brought_on"].finditer(text):
        after = text[m.end() : m.end() + 60]
        named = set(_tags(after).get("outcome", [])) | {o for o in outcomes if o in words and words[o].search(after)}
        if named & set(outcomes):
            return f"{m.group(0)}{after[: after.find(' ', 20) if ' ' in after[20:] else len(after)]}".strip()
    return None


def harm_lessened(own: str, outcomes: list[str]) -> str | None:
    """The words of a verb that lessens, prevents or keeps off a harm ("reduces the risk of addiction", "prevents
    dependence", "keeps blood pressure stable", "calms hallucinations"), or None: the verb (``data/claim_text.toml``
    harm_lessened), then within four words of its clause a harm, a side effect or one of the claim's outcomes. What
    such a claim says is that ketamine gives less of the harm, or none: never that it causes it."""
    c = _cues()
    words = dict(c["outcome_words"])
    main = main_clause(own)
    for m in c["harm_made_less"].finditer(main):
        # "makes nausea less likely": the harm is the verb's object, the adjective says there is less of it
        for found in [c["harm"], c["side_effect"]] + [words[o] for o in outcomes if o in words]:
            h = found.search(m.group(0))
            if h and not _GENERIC_EFFECTS.fullmatch(h.group(0)) and not _NOT_PREVENTED.search(m.group(0), 0, h.start()):
                return m.group(0)
    for m in c["harm_lessened"].finditer(main):
        rest = main[m.end() :]
        risk = c["risk_object"].match(rest)
        if risk:
            return f"{m.group(0)}{risk.group(0)}"  # "lowers the risk of psychosis": a risk lessened is a harm lessened
        for found in [c["harm"], c["side_effect"]] + [words[o] for o in outcomes if o in words]:
            h = found.search(rest)
            if h is None or _GENERIC_EFFECTS.fullmatch(h.group(0)):
                continue
            gap = rest[: h.start()] or " "
            if _OBJECT_GAP.match(gap) and not _NOT_PREVENTED.search(gap):
                return f"{m.group(0)} ... {h.group(0)}"
    return None


# a list's lead-in that sets ketamine apart from what the items are said of ("Unlike ketamine, opioids cause:")
# ("Opioids, unlike ketamine, cause:", "Compared with IV ketamine, opioids cause:"), anywhere in the lead-in
_SET_APART = re.compile(
    r"\b(?:unlike|in contrast (?:to|with)|as opposed to|compared (?:to|with)|in comparison (?:to|with)|versus|vs\.?)"
    r"\s+(?:(?!(?:and|or|but)\b)[\w-]+\s+){0,2}?(?:ketamine|it)\b",
    re.I,
)


def lead_governs(lead_in: str, own: str) -> str:
    """The words of a list's lead-in that govern a bare item ("Ketamine never causes:" for "- Nausea"; "Patients
    rarely experience:"; "without the risks of:"): its last clause, whose verb takes the item as its object, so that
    its negation, hedge or absolute is the item's too. "" when the item says something of its own (a sentence) or
    there is no lead-in."""
    if not lead_in or not _BARE_ITEM.match(own):
        return ""
    if _first(_cues()["lead_in_caution"], lead_in):
        return ""  # "is not recommended for people with:": the items are where it is avoided, not harms it is denied
    lead = lead_in.strip().rstrip(":").strip()
    parts = re.split(r"[,;]\s*|\s+(?:but|while|whereas)\s+", lead)
    return parts[-1] if parts else lead


_SECOND_CLAUSE = re.compile(r";|,?\s+(?:and|but|while|whereas)\s+(?:it|ketamine|the drug|this drug)\b", re.I)
_PROPERTY_SUFFIX = re.compile(r"(?:ives?|ing|ics?|ory|ants?|ion|al)$")


def property_parts(own: str) -> tuple[str, list[list[str]]] | None:
    """The properties a sentence lists for the drug ("has sedative (it induces sleep) and analgesic (it relieves pain)
    effects"), each as the words that name it, with the list's words; None unless it lists two or more."""
    plain = re.sub(r"\s*\([^)]*\)", "", own)
    m = _cues()["property_list"].search(plain)
    if not m or _SECOND_CLAUSE.search(plain, m.end()):
        return None  # "..., and it acts by blocking NMDA receptors": the sentence claims more than the list
    names = [w for w in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+", m.group(1)) if w]
    if len(names) < 2:
        return None
    groups: list[list[str]] = list(_cues()["property_words"].values())
    parts = []
    for name in names:
        word = name.lower()
        group = next((g for g in groups if any(word.startswith(w) for w in g)), None)
        parts.append(list(group) if group else [_PROPERTY_SUFFIX.sub("", word) if len(word) > 7 else word])
    return m.group(0), parts


def relief_figure_not_onset(own: str) -> str | None:
    """The figure of relief in a claim whose speed word names a phase ("the immediate pain relief typically lies
    between 53% and 84%"): a percentage and no clock time, so the claim is about how much relief, not when it starts.
    None when a time governs the start ("70% feel relief within 40 minutes")."""
    c = _cues()
    w = _first(c["relief_amount"], own)
    return w if w and not _first(c["clock_time"], own) else None


def risk_unread(own: str) -> tuple[str, list[str]] | None:
    """(the words, the condition's word) of a risk of a condition said to be lowered ("lowers the risk of dementia",
    "cuts the chance of stroke": [normalise] risk_lowered) whose condition names no harm, no dependence, no pain and
    nothing the tagging vocabulary has an outcome or a condition for; None otherwise ("reduces the risk of addiction",
    "lowers the risk of chronic pain after surgery", "reduces the risk of respiratory depression"). Whichever kind
    the claim is read as (relief, or safety: the condition as a harm kept off), a record must name the condition."""
    c = _cues()
    m = c["risk_lowered"].search(own)
    if m is None:
        return None
    what = m.group("what")
    if any(_first(c[cue], what) for cue in ("harm", "dependence", "side_effect", "safety")) or re.search(
        r"\bpain", what, re.I
    ):
        return None
    tags = _tags(what)
    if tags.get("outcome") or tags.get("setting"):
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", what)]
    words = [w for w in words if w not in _STOP and not c["condition_generic"].fullmatch(w)]
    if not words:
        return None
    first = words[0][:-1] if re.search(r"[^siu]s$", words[0]) and len(words[0]) > 4 else words[0]  # "strokes"
    return m.group(0), [first]


def condition_head(own: str, lead_in: str) -> str | None:
    """The condition a list item names before describing it ("Migraine: a type of headache ..."), or None: the head
    of the item must be a population and say no improvement ("Opioid-induced hyperalgesia relief: ..." is a benefit)."""
    c = _cues()
    if not lead_in or not c["condition_item"].match(own):
        return None
    head = re.sub(r"^\W+", "", own.split(":", 1)[0])
    return head if _population(head) and not _first(c["improvement"], head) else None


@lru_cache(maxsize=1)
def _as_good_after_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    n = rules()["normalise"]
    return re.compile(n["as_good_between"], re.I), re.compile(n["as_good_after"], re.I)


def as_good_as(text: str) -> tuple[str, str] | None:
    """(the drug, the words) when a claim says ketamine works as well as another active drug ("relieved pain as well
    as morphine did", "not inferior to morphine", "as effective as opioids"): [normalise] as_good, then a drug of the
    findings' comparators (``data/findings.toml``) and the end of the comparison. "Opioid(s)" and "opiates" are the
    opioids. None when no drug is named there ("treats pain as well as depression"), or when the sentence also says
    ketamine did more or less than that drug ("relieved pain more than morphine did, and ... similar to that of
    morphine": a comparison with a difference, not one of equals)."""
    between, after = _as_good_after_words()
    drugs = lexicon().comparators
    for m in _cues()["as_good"].finditer(text):
        gap = between.match(text, m.end())
        at = gap.end() if gap else m.end()
        drug = drugs.match(text, at)
        if drug and after.match(text, drug.end()):
            if _BEATS.search(text.replace(drug.group(0), "\0")):
                return None  # "relieved pain more than morphine did, and its efficacy was similar to that of morphine"
            name = drug.group(0).lower()
            name = "opioids" if re.match(r"opi(?:oid|ate)", name) else name
            return name, text[m.start() : drug.end()]
    return None


# the same drug said to be beaten or to beat ketamine elsewhere in the sentence: not a claim of relief as good as its
_BEATS = re.compile(
    r"\b(?:more|better|faster|quicker|greater|longer|less|worse|slower)\b[^.;]{0,30}?\bthan\s+(?:\w+\s+){0,2}?\x00",
    re.I,
)


_DENIAL_BEFORE = re.compile(r"\b(?:no|not|never|nobody|none|neither|nor|without)\b|n't\b", re.I)


def effect_denied(text: str) -> str | None:
    """The words by which a claim denies ketamine its effect ("did not reduce opioid use", "fails to ease cancer pain",
    "fared no differently from placebo"), in the sentence's main clause, when it is ketamine's effect that is denied:
    not another treatment's ("Other medicines did not help"), nor the response of only some patients ("does not
    always reduce pain", "may not work for everyone"), nor when a negation before it denies the denial ("No trial has
    ever found that ketamine fails to relieve CRPS pain"). None otherwise."""
    c = _cues()
    main = main_clause(text)
    # (a relative clause has a subject of its own: "conditions that standard approaches have failed to help")
    bounds = r"[,;:]|\b(?:but|while|whereas|when|if|although|though|because|that|which|who|whom|whose|where)\b"
    for m in c["effect_denied"].finditer(main):
        before = re.split(bounds, main[: m.start()])[-1]
        clause = before + re.split(bounds, main[m.start() :])[0]
        if c["effect_denied_other"].search(before) or c["effect_denied_partial"].match(main, m.end()):
            continue
        if _DENIAL_BEFORE.search(main[: m.start()]):
            return None  # "No trial has ever found that ketamine fails to relieve CRPS pain": a denial of a denial
        if _NAMES_DRUG.search(clause):
            return m.group(0)
    return None


def listed_item_rare(text: str) -> str | None:
    """The words that make one item of a list of side effects rare ("Side effects include ..., and, rarely, liver
    disorder"), when that is the sentence's only negation: the list says the side effects happen. None otherwise."""
    c = _cues()
    head = c["side_effects_listed"].search(text)
    rare = c["listed_item_rare"].search(text, head.end()) if head else None
    if not head or not rare:
        return None
    if c["negation"].search(text[: rare.start()] + " " + text[rare.end() :]) or re.search(
        r"\b(?:nothing|none|no|little|minimal|few)\b", text[head.end() : rare.start()], re.I
    ):
        return None  # a denial or reassurance besides ("Side effects include nothing serious and, rarely, ...")
    return rare.group(0)


def _denials(text: str) -> Iterator[tuple[re.Match[str], str | None, str | None]]:
    """Each negation ([normalise] negation) that a harm, a named side effect or a dependence follows closely, in its
    clause (within eight words: "without serious side effects", "with no side effects at all", "without causing notable
    dissociative effects", "has not led to addiction"), with that harm and dependence; not one whose clause names
    neither ("chronic pain that will not yield to treatment, ... chemical dependency": the negation is of something
    else)."""
    c = _cues()
    for m in c["negation"].finditer(text):
        after = re.split(r"[,;:()]", text[m.end() :], maxsplit=1)[0]
        window = " ".join(after.split()[:8])
        harm, dep = _harm_word(window), _first(c["dependence"], window)
        if harm or dep:
            yield m, harm, dep


def _denied_harm(text: str) -> tuple[str | None, str | None, str | None]:
    """(negation, harm, dependence) for the first of ``_denials``; (None, None, None) if there is none."""
    for m, harm, dep in _denials(text):
        return m.group(0), harm, dep
    return None, None, None


def harms_given(own: str) -> list[str]:
    """The harms a sentence says ketamine brings before the negation of the harm it denies ("gives pain relief and
    sedation without much depression of breathing": 'sedation'): what it gives is not what it says does not happen.
    Only where a harm closely follows a negation (``_denials``); relief is no harm and is left."""
    c = _cues()
    m = next((m for m, harm, _ in _denials(own) if harm), None)
    if m is None:
        return []
    before = own[: m.start()]
    words = [
        hit.group(0) for name, rx in c["outcome_words"] if name not in _RELIEF_OUTCOMES for hit in rx.finditer(before)
    ]
    return list(dict.fromkeys(words + [hit.group(0) for hit in c["harm"].finditer(before)]))


def _guess_kind(text: str, quote: str | None, lead_in: str, previous: str) -> tuple[str, str]:
    c = _cues()
    own = quote or text
    main = main_clause(own)
    sign = c["sign_relieved"].search(own)
    if sign:
        return "efficacy", f"a sign other than pain said to be relieved: {sign.group(0)!r}"
    listing = lists_previous(own)
    if listing and not _first(c["harm"], own):
        # "Such conditions may include diabetic neuropathy, ...", "These include CRPS, ..." (after the sentence that
        # says ketamine treats them): the conditions it treats, whatever their own names say (addiction, sensitization)
        return "efficacy", f"a list of the conditions the sentence before says it treats: {listing!r}"
    if lead_in and _first(c["side_effect_list"], lead_in) and not _first(c["improvement"], own):
        return "side_effect", f"an item of a list of effects: {_first(c['side_effect_list'], lead_in)!r}"
    if lead_in and _first(c["conditions_list"], lead_in) and _first(c["condition_item"], own):
        return "efficacy", f"an item of a list of {CONDITIONS_HELPED}: {_first(c['conditions_list'], lead_in)!r}"
    if (
        lead_in
        and _first(c["conditions_list"], lead_in)
        and _LISTED_ITEM.match(own)
        and not _first(c["harm"], own)
        and not _first(c["mechanism_strong"], own)
    ):
        # "ketamine has found use in treating conditions such as: - ... addiction disorders": a condition it treats,
        # whatever its name says (an addiction treated, not one ketamine causes); an item in the words of a mechanism
        # ("Reversing pain that is linked to a sensitised nervous system") is read as one, below
        return "efficacy", f"a condition in a list of {CONDITIONS_HELPED}: {_first(c['conditions_list'], lead_in)!r}"
    heading = lists_conditions(lead_in) if lead_in else None
    if heading and _BARE_ITEM.match(own):
        return "efficacy", f"a condition in a list under a heading of {CONDITIONS_HELPED}: {heading!r}"
    listed = property_parts(own)
    if listed:
        return "mechanism", f"a list of the drug's properties, one part each: {listed[0]!r}"
    w = _first(c["contraindication"], text)
    if w:
        return "safety", f"contraindication: {w!r}"
    w = _first(c["effects_pass"], own)
    if w and not _first(c["effects_pass_unless"], own):
        return "side_effect", f"the drug's effects said to pass: {w!r}"
    # a harm said to be rare (safety) or to pass (a side effect), named in the claim or in the sentence it points to
    for cue, harm_kind, said in (
        ("harm_unlikely", "safety", "rare or unlikely"),
        ("transient", "side_effect", "passing"),
    ):
        passes = harm_passes(own) if cue == "transient" else None
        w = _first(c[cue], own) or passes
        harm = _first(c["harm"], own) or passes if w else None
        if w and not harm and previous and _first(c["points_back_to_harm"], own):
            # the harm the sentence before names ("Potential side effects:"), or that sentence's own "this is rare"
            harm = _first(c["harm"], previous) or _first(c["harm_unlikely"], previous)
        if harm:
            return harm_kind, f"a harm said to be {said}: {harm!r} {w!r}"
    w = remedy_for_harm(own)
    if w:
        if _first(c["dependence"], own) and not _harm_word(own):
            return "dependence", f"a remedy for dependence (what the remedy does, not that it happens): {w!r}"
        return "side_effect", f"a remedy for its side effects (what the remedy does, not that they happen): {w!r}"
    w = _first(c["prescriptive"], own)
    if w and _first(c["dosing"], w):
        return "dosing", f"how the dose ought to be given: {w!r}"
    compared = harm_compared(own)
    if compared and not _first(c["names_effect"], own):
        # (a sentence that also claims a benefit, "promising results in lifting mood and in causing fewer side effects
        # than other treatments", compares the treatment as a whole: comparative)
        return "safety", f"a harm set against another treatment's: {compared[0]!r}"
    w = _first(c["efficacy_first"], own)
    if w:
        return "efficacy", f"{OPIOIDS_SPARED}: {w!r}"
    w = _first(c["safe"], _blank(_LEADING_CONCESSION, own))
    if w:
        # safe for want of a risk of dependence is a dependence claim; safer than something, no harm named, a comparison
        # (a dependence on opioids the sentence sets the scene with is not ketamine's: "with opioid misuse and
        # dependence rampant, ketamine might serve as a safe option")
        dep = _first(c["dependence"], without_opioid_dependence(own))
        if dep:
            return "dependence", f"safe for a low risk of dependence: {dep!r} ({w!r})"
        than = _first(c["safer_than"], own)
        if than and not _first(c["harm"], own):
            return "comparative", f"safer than something else, no harm named: {than!r}"
        return "safety", f"safety: {w!r}"
    w = _first(c["ranking"], own)
    if w:
        return "comparative", f"ranked among other treatments: {w!r}"
    regulator = c["regulator_role"].search(own)
    if regulator and not _first(c["history_unless"], own[: regulator.start()] + " " + own[regulator.end() :]):
        # "The FDA has not cleared it to treat mood disorders or to relieve chronic pain": what a regulator approved it
        # for is what the decision was about, not an effect the sentence claims
        return "history", f"a regulator's decision, what it was for read as its purpose: {regulator.group(0)!r}"
    # a history set aside after the subject ("Ketamine, which has served as an anesthetic since the 1970s, has shown
    # itself to be a useful drug for controlling chronic pain"): the clause it interrupts is what the sentence claims
    # (unless that clause speaks of its use too: "..., is turning up more and more in private clinics")
    aside = _SUBJECT_ASIDE.match(own)
    rest = own[aside.end() :] if aside else ""
    kept = aside is not None and len(rest.split()) >= 4 and not _first(c["use_said"], rest)
    bare = f"{aside.group(1)} {rest}" if aside is not None and kept else own
    w = _first(c["history"], bare)
    if w and not _first(c["history_unless"], c["others_failed"].sub(" ", own)):
        negated, harm, dep = _denied_harm(main)
        if negated and (harm or dep) and not _first(c["dependence_treated"], own):
            # "People have received it for decades without serious side effects": the time is how long it has been
            # given without the harm, and what the claim says is that the harm does not happen
            if dep:
                return "dependence", f"dependence: {dep!r} denied ({negated!r}) over the time it names, {w!r}"
            return "safety", f"{HARM_DENIED}: {negated!r} {harm!r} (over the time it names, {w!r})"
        return "history", f"history: {w!r}"
    used = c["usage_role"].search(bare)  # (not in a history set aside after the subject, as above)
    if used and re.search(r"\b(?:when|if|while|once|unless|as long as)\b[^,;]*$", bare[: used.start()], re.I):
        used = None  # a clause of condition ("when it is used in controlled settings"): the rest asserts
    if used and not _first(c["mechanism_strong"], own):
        # the effect words of what it was used to do ("used to help with depression") are its purpose, not a claim;
        # an effect said outside it ("has been demonstrated to ease depression, and it is in wide use") is one
        rest = c["others_failed"].sub(" ", bare[: used.start()] + " " + bare[used.end() :])
        if not _first(c["history_unless"], rest):
            return "history", f"its use, by the role of 'use' in the sentence: {used.group(0)!r}"
    w = _first(c["dosing_agent"], own)
    if w:
        return "dosing", f"what a dose or schedule does: {w!r}"
    w = _first(c["clearance"], own)
    if w and not _first(c["clearance_unless"], own):
        return "mechanism", f"{CLEARED}: {w!r}"
    figure = relief_figure_not_onset(own)
    w = _first(c["onset_time"], own)
    if w and figure:
        return "efficacy", f"how much relief ({figure!r}); {w!r} names the phase, no time is given for its start"
    timed = _first(c["onset_effect"], f"{lead_in} {own}")  # the time is relief's, the drug's action's or an effect's
    if (
        w
        and timed
        and re.search(r"\d|minutes|hours|seconds|days|surprisingly|after|day of", own, re.I)
        and not _first(c["dosing"], own)
    ):
        if timed_harm := _first(c["side_effect_timed"], own):
            return "side_effect", f"when its side effects come and go: {timed_harm!r} ({w!r})"
        return "onset", f"onset: {w!r}"
    w = _first(c["dependence_treated"], own)
    if w:
        return "efficacy", f"a dependence on another substance said to be treated (not one ketamine causes): {w!r}"
    w = _first(c["dependence"], without_opioids_addictive(text))  # (not opioids' addictiveness the sentence names)
    if w:
        return "dependence", f"dependence: {w!r}"
    unrelated = _first(c["dose_independent"], own)
    if unrelated and _harm_word(own):
        # "How often side effects happen has nothing to do with the total amount taken per day", "the risk of side
        # effects does not depend on the dose": what the dose does to a harm, said to be nothing (a claim of dosing),
        # neither that ketamine causes the harm nor that it does not
        return "dosing", f"{DOSE_UNRELATED}: {unrelated!r}"
    harm, negated = _first(c["harm"], own), _first(c["negation"], own)
    if harm and negated:
        # "I wouldn't say it replaces narcotics, but it lowers the quantity given, and so it reduces their side
        # effects": the negation is in a clause that names no harm, so no harm is said not to happen
        negated = harm_negation(own, negated)[0]
    if harm and negated:
        rare_item = listed_item_rare(own)
        if rare_item:
            return "side_effect", f"a list of its side effects, one item said to be rare: {rare_item!r}"
        denied, denied_harm, _ = _denied_harm(own)
        if denied and denied_harm:
            negated, harm = denied, denied_harm  # the harm the negation is of, not one the sentence says it gives
        return "safety", f"{HARM_DENIED}: {negated!r} {harm!r}"
    paced = _first(c["dose_paced"], own)
    if paced:
        # "building the dose up slowly may possibly reduce them": how fast the dose is raised or lowered is how
        # ketamine is given, not how fast it acts
        return "dosing", f"how the dose is raised or lowered: {paced!r}"
    w = _first(c["speed"], own)
    if w and figure:
        return "efficacy", f"how much relief ({figure!r}); {w!r} names the phase, no time is given for its start"
    if w and not _first(c["mechanism_strong"], own):
        good_for = _first(c["speed_for"], own)
        if _first(c["onset_explicit"], own) or not good_for:
            return "onset", f"how fast it acts: {w!r}"
        return "efficacy", f"what its speed ({w!r}) is good for: {good_for!r}"
    w = _first(c["duration_persists"], main)
    if w:
        return "duration", f"a time span attached to relief that persists: {w!r}"
    w = _first(c["duration"], main)
    if w:
        return "duration", f"duration: {w!r}"
    w = _first(c["dosing"], text)
    chosen = w and (_first(c["dosing_schedule"], text) or _first(c["dose_chosen"], text))
    effect = _first(c["dose_effect"], own) if w and not chosen else None
    if w and effect:
        # "ketamine at a low dose can ease pain": an amount of the drug, and what it does at that amount; the effect
        # is the claim (read by the rules below), not the dose
        pass
    elif w:
        return "dosing", f"dosing: {w!r}"
    w = _first(c["safety"], own)
    if w and not re.search(r"\bside[- ]effects? include\b", own, re.I):
        if _first(c["side_effect"], own) and not re.search(r"\b(?:minimi|reduc|low|rare|manag|safe)", own, re.I):
            return "side_effect", f"side effect: {_first(c['side_effect'], own)!r} ({w!r})"
        return "safety", f"safety: {w!r}"
    w = _first(c["sets_apart"], own)
    if w:
        return "comparative", f"what sets it apart from other treatments: {w!r}"
    equal = as_good_as(own)
    if equal:
        return "comparative", f"as good as another drug: {equal[1]!r}"
    w = _first(c["mechanism_strong"], main)
    if w and not re.search(r"\bside[- ]effects?\b|\badverse\b", text, re.I):
        if _first(c["clinical_outcome"], own):
            return "efficacy", f"a mechanism ({w!r}) that improves a condition: {_first(c['clinical_outcome'], own)!r}"
        return "mechanism", f"mechanism: {w!r}"
    w = _first(c["side_effect"], text) or _first(c["side_effect_caused"], text)
    if w:
        if _first(c["comparative"], own):
            return "comparative", f"comparative: {_first(c['comparative'], own)!r}"
        return "side_effect", f"side effect: {w!r}"
    w = _first(c["onset_time"], own)
    if w and timed:
        return "onset", f"onset: {w!r}"
    w = _first(c["comparative"], own)
    if w:
        return "comparative", f"comparative: {w!r}"
    w = _first(c["mechanism_weak"], main)
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
# "others in the first 24 hours": any time from the start up to the figure
_IN_THE_FIRST = re.compile(r"\b(?:in|within|during) the first (\d+) (minutes?|hours?|days?)\b", re.I)


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


# "a few weeks", "several months", "a day or two", "a month": from one of the unit to one of the next unit up (a few
# weeks is up to a month, a few months up to a year), "a day or two" to two, "a month" exactly one.
_VAGUE = re.compile(
    r"\b(?:(a few|several|a couple of|many)|(an?|one))\s+(hours?|days?|weeks?|months?|years?)\b(\s+or\s+two\b)?", re.I
)
_NEXT_UNIT_DAYS = {"hour": 1.0, "day": 7.0, "week": 30.0, "month": 365.0, "year": 3650.0}
# times that are the length of a session, not of relief ("sessions of up to six hours", "a 40-minute infusion")
_SESSION_TIME = re.compile(
    r"\b(?:sessions?|infusions?|treatments?|appointments?)\s+(?:of|lasting|that last)\s+(?:up to\s+|about\s+)?[\w.–-]+"
    r"\s+(?:minutes?|hours?)|\b\d+[- ](?:minute|hour)\s+(?:infusion|session|treatment)s?\b",
    re.I,
)


# a time the claim denies ("weeks, not years", "months rather than years"): not one it states
_DENIED_TIME = re.compile(
    r"(?:\b(?:not|never|rather than|instead of|as opposed to)\s+(?:for\s+|even\s+|up\s+to\s+)?)"
    r"(?:(?:\d+(?:\.\d+)?|several|many|a few|an?|one)\s+)?(?:days?|weeks?|months?|years?)\b",
    re.I,
)


def _duration_spans(text: str) -> tuple[float, float, str] | None:
    """Every relief time a text states, numbers and words, as one range from the lowest to the highest end ("for
    several days to a few weeks, ... up to a month or more" is 1-30 days); bare "weeks", "months" by the table; a
    time the text denies ("weeks, not years") is not stated."""
    text = _blank(_SESSION_TIME, text)
    text = _blank(_DENIED_TIME, text)
    lows, highs, words, taken = [], [], [], []
    for m in _RANGE.finditer(text):
        factor = _unit_key(m.group(3), _UNIT_DAYS)
        if factor is not None:
            lows.append(_number(m.group(1)) * factor)
            highs.append(float(m.group(2)) * factor if m.group(2) else lows[-1])
            words.append(repr(m.group(0)))
            taken.append(m.span())
    for m in _VAGUE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        unit = m.group(3).lower().rstrip("s")
        factor = _UNIT_DAYS[unit]
        lows.append(factor)
        highs.append(_NEXT_UNIT_DAYS[unit] if m.group(1) else factor * (2 if m.group(4) else 1))
        words.append(repr(m.group(0)))
        taken.append(m.span())
    low_text = text.lower()
    for phrase, (lo, hi) in _cues()["duration_words"]:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", low_text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                lows.append(float(lo))
                highs.append(float(hi))
                words.append(f"{phrase!r} read as {lo}-{hi} days")
                taken.append(m.span())
    return (min(lows), max(highs), ", ".join(words)) if lows else None


def _times(text: str) -> list[tuple[re.Match[str], str]]:
    """Each time a text states in the forms of relief_time, with whose it is: "relief", "pain" (how long the pain has
    lasted: "pain that has lasted for decades", "suffer for years") or "use" (how long the drug has been used)."""
    c = _cues()
    out = []
    for m in c["relief_time"].finditer(text):
        before = text[: m.start()]
        if c["pain_time"].search(before):
            out.append((m, "pain"))
        elif c["use_time"].search(before) or c["relief_time_after_not"].match(text[m.end() :]):
            out.append((m, "use"))
        else:
            out.append((m, "relief"))
    return out


def _the_only_time(text: str, m: re.Match[str] | None, cues: tuple[str, ...] = ()) -> str | None:
    """The words of ``m`` when the rest of ``text`` states no onset, duration or time of relief besides them (nor a
    word of the [normalise] ``cues``); else None."""
    if m is None:
        return None
    rest = text[: m.start()] + " " + text[m.end() :]
    if any(_quantity(rest, k)[0] is not None for k in ("onset", "duration")) or relief_time(rest):
        return None
    if any(_first(_cues()[cue], rest) for cue in cues):
        return None
    return m.group(0)


def clause_beside_clearance(own: str) -> str | None:
    """The clause of a sentence that says relief lasts ([normalise] clearance_unless) when another of its clauses says
    how fast the body clears the drug ([normalise] clearance): "..., yet its therapeutic benefits can last a long
    time", "Relief can last for weeks" (before ", long after the drug has left the body"); None when the sentence has
    no such pair."""
    c = _cues()
    cleared, lasts = c["clearance"].search(own), c["clearance_unless"].search(own)
    if cleared is None or lasts is None:
        return None
    # the clauses are what lies between the breaks the harm rules read (_CLAUSE_BREAK)
    breaks = list(_CLAUSE_BREAK.finditer(own))
    starts, ends = [0, *(m.end() for m in breaks)], [*(m.start() for m in breaks), len(own)]
    spans = [(a, b) for a, b in zip(starts, ends, strict=True) if b > a]
    at = next(((a, b) for a, b in spans if a <= lasts.start() < b), None)
    if at is None or at[0] <= cleared.start() < at[1]:
        return None  # one clause says both
    return own[at[0] : at[1]].strip() or None


def _past_period_only(text: str) -> str | None:
    """The period up to now a text names ("over the last ten years": data/claim_text.toml past_period) when it is the
    only time the text states (none of onset or duration besides it); else None."""
    return _the_only_time(text, _cues()["past_period"].search(text))


# side effects named as such, and any word of a benefit: a sentence with the first and none of the second says only
# that side effects happen (the trained kind model's efficacy is not taken for it)
_SIDE_EFFECTS_NAMED = re.compile(r"\b(?:side[- ]effects?|adverse (?:effects?|events?|reactions?))\b", re.I)
# ketamine named as a sedative, or sedation as what it is given for ("the safest sedative choice", "for procedural
# sedation"; not "its sedative effects", a harm)
_SEDATIVE_ROLE = re.compile(
    r"\bsedatives?\b(?!\s+(?:and \w+ )?(?:effects?|propert\w+|actions?|qualities)\b)"
    r"|\bfor (?:procedural |short )?sedation\b|\bto sedate\b",
    re.I,
)
# a harm said to happen more often ("were more frequent with ketamine", "a higher incidence of nausea")
_MORE_OFTEN = re.compile(
    r"\bmore (?:frequent(?:ly)?|common(?:ly)?|often|likely)\b"
    r"|\b(?:higher|increased|greater) (?:incidence|rates?|risk|odds)\b",
    re.I,
)
# what says another drug is the subject of a verb of causing ("opioids and sedatives, which frequently cause ...")
_OTHER_SUBJECT = re.compile(
    r"\b(?:which|that|they|these|those|opioids?|sedatives?|narcotics?)\s+(?:\w+\s+){0,2}\Z", re.I
)


def _harm_it_causes(own: str) -> bool:
    """Whether a sentence names a harm with a verb of causing ([harm] caused_harm: "it can bring on tachyarrhythmias")
    whose subject is not another drug ("opioids and sedatives, which frequently cause troublesome respiratory
    depression")."""
    m = pattern("harm", "caused_harm").search(own)
    return m is not None and not _OTHER_SUBJECT.search(own[: m.start()])


_ANY_BENEFIT = re.compile(
    r"\b(?:help|eas(?:e|es|ed|ing)|relie|lower|reduc|improv|treat|benefi|manag|pain|effective)\w*", re.I
)


# a dependence on opioids, named as such ("opioid misuse and dependence", "abuse of and addiction to opioids"), or
# opioids called addictive ("addictive opioids", "opioids are highly addictive")
_OPIOID_DEPENDENCE = re.compile(
    r"\bopioids?\s+(?:misuse|abuse|dependence|addiction|use disorders?)"
    r"(?:\s+and\s+(?:misuse|abuse|dependence|addiction))?"
    r"|\b(?:misuse|abuse|dependence|addiction)\s+(?:of|to|on)\s+(?:and\s+(?:misuse|abuse|dependence|addiction)\s+(?:of|to|on)\s+)?"
    r"(?:prescription\s+)?opioids?\b",
    re.I,
)
# opioids called addictive ("addictive opioids", "opioids are highly addictive", "rely less on addictive painkillers
# such as morphine"), or named and then called addictive by a word that points back to them ("pain relief without
# opioids, an alternative to these addictive drugs")
_OPIOIDS_ADDICTIVE = re.compile(
    r"\b(?:highly\s+|very\s+)?(?:addictive|habit-forming)\s+(?:prescription\s+)?"
    r"(?:opioids?|opiates?|narcotics?|pain\s*killers?|pain\s+(?:medications?|medicines|relievers?))\b"
    r"|\b(?:opioids?|opiates?|narcotics?)\s+(?:are|is|can be|remain)\s+(?:highly\s+|very\s+|so\s+)?"
    r"(?:addictive|habit-forming)\b",
    re.I,
)
_THESE_ADDICTIVE = re.compile(
    r"\b(?:these|those|such)\s+(?:highly\s+|very\s+)?(?:addictive|habit-forming)\s+"
    r"(?:drugs|medications|medicines|substances|painkillers|pain\s*killers)\b",
    re.I,
)
_OPIOIDS_NAMED = re.compile(r"\b(?:opioids?|opiates?|narcotics?)\b", re.I)


def without_opioids_addictive(text: str) -> str:
    """``text`` with the words that call opioids addictive blanked out, lengths kept: their addictiveness is not
    ketamine's."""
    text = _blank(_OPIOIDS_ADDICTIVE, text)
    return _blank(_THESE_ADDICTIVE, text) if _OPIOIDS_NAMED.search(text) else text


def without_opioid_dependence(text: str) -> str:
    """``text`` with the words that speak of a dependence on opioids, or call opioids addictive, blanked out, lengths
    kept (the scene a sentence sets, not ketamine's dependence)."""
    return without_opioids_addictive(_blank(_OPIOID_DEPENDENCE, text))


def harm_time_only(text: str) -> str | None:
    """The words of how long a harm lasts ("fewer long-term side effects", ``[normalise] harm_time``) when they are the
    only time words of the text (no onset, duration or time of relief besides them); else None."""
    return _the_only_time(text, _cues()["harm_time"].search(text), ("duration", "duration_persists"))


def relief_time(text: str) -> str | None:
    """The time of relief a text states, whatever its verb ("helps CRPS pain for months", "improved for a year", "months
    of relief"): not a time the pain has lasted nor one of the drug's use ("pain that has lasted for decades")."""
    return next((m.group(0) for m, whose in _times(text) if whose == "relief"), None)


def pain_times(text: str) -> list[str]:
    """The times a text states that the pain has lasted ("pain that has lasted for decades", "suffer for years")."""
    return [m.group(0) for m, whose in _times(text) if whose == "pain"]


def without_times_not(text: str) -> str:
    """The text with the times that are not of relief blanked (the pain's, the drug's use)."""
    for m, whose in reversed(_times(text)):
        if whose != "relief":
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


def quantity(text: str, kind: str) -> tuple[Quantity | None, str]:
    """The time a claim states: onset in minutes or duration in days, both ends; vague words by the table. Words of
    speed alone ("fast", "rapid") or of length alone ("long-lasting") give no figure. Words that set only the upper
    end ("within hours", "up to 3 months": data/claim_text.toml onset_upper_end, duration_upper_end) are kept with
    it, so that the claim is read at that end only."""
    q, why = _quantity(text, kind)
    if q is None:
        return q, why
    m = _cues()[f"{'onset' if kind == 'onset' else 'duration'}_upper_end"].search(text)
    if m:
        q.ends, q.ends_words = "upper", m.group(0)
        why += f"; {m.group(0)!r} sets only the upper end"
    return q, why


def _quantity(text: str, kind: str) -> tuple[Quantity | None, str]:
    c = _cues()
    text = _blank(c["regimen_length"], text)  # how long the infusions run: no time of relief
    low_text = text.lower()
    if kind == "onset":
        m = _TO_HOUR.search(text)
        if m:
            hi = 60.0 * float(m.group(3) or 1)
            return Quantity("onset_minutes", float(m.group(1)), hi), f"stated: {m.group(0)!r}"
        if re.search(r"minutes to an hour", low_text):
            return Quantity("onset_minutes", 1, 60), "stated: 'minutes to an hour'"
        m = _IN_THE_FIRST.search(text)
        if m:
            hi = float(m.group(1)) * (_unit_key(m.group(2), _UNIT) or 1.0)
            return Quantity("onset_minutes", 0.0, hi), f"stated: {m.group(0)!r} (from the start)"
        found = _spans(text, _UNIT)
        if found:
            return Quantity("onset_minutes", found[0], found[1]), f"stated: {found[2]}"
        for words, (lo, hi) in c["onset_words"]:
            if re.search(rf"\b{re.escape(words)}\b", low_text):
                return Quantity("onset_minutes", float(lo), float(hi)), f"vague time {words!r} read as {lo}-{hi} min"
        return None, ""
    if kind == "duration":
        found = _duration_spans(text)
        if found:
            return Quantity("duration_days", found[0], found[1]), f"stated: {found[2]}"
    return None, ""


# a claim that points back to the sentence before it ("a worthwhile treatment choice for it")
_PRONOUN = re.compile(r"\b(?:it|its|this|these|those|they|them)\b", re.I)
# a schedule said to keep relief going: its outcome is how long relief lasts
_EXTENDS = re.compile(r"\b(?:extend|sustain|prolong|maintain|longer|continued|support)\w*", re.I)
# The outcomes of relief: what a claim of benefit is about, never the harm a claim of safety speaks of.
_RELIEF_OUTCOMES = ("pain_intensity", "onset", "duration_of_relief", "opioid_consumption")
# a claim that speaks of relief or of the drug's effect (not its side effects): "Its effect wears off quickly"
_RELIEF_SAID = re.compile(
    r"\b(?:relie(?:f|ve|ves|ved)|benefits?|improvements?|results?|(?<!side )(?<!side-)(?<!adverse )effects?)\b", re.I
)


def _outcomes(kind: str, tagged: list[str], text: str, own: str = "") -> list[str]:
    """The outcomes a claim is about: the vocabulary's, the words pages use for them, then what the kind implies.
    A history claim states a fact about the drug's use (no outcome); an onset or duration claim is about when relief
    comes or how long it lasts, not how much (pain intensity only when it says how much); a listed side effect is
    itself the outcome (adverse events only when it speaks of side effects or names none), and how long it lasts or
    how soon it comes is the harm's, not how long relief lasts or how soon it comes, unless the claim speaks of relief
    or of the drug's effect ("Its effect wears off quickly", whatever its kind was read as)."""
    c = _cues()
    own = own or text
    if kind == "history":
        return []
    out = list(tagged)
    for name, rx in c["outcome_words"]:
        if rx.search(text) and name not in out:
            out.append(name)
    if kind in ("onset", "duration") and not c["pain_amount"].search(own):
        out = [o for o in out if o != "pain_intensity"]
    sparing = dict(c["outcome_words"])["opioid_consumption"]
    if "opioid_consumption" in out and not sparing.search(text):
        out.remove("opioid_consumption")  # opioids named (as a cause, a comparator), not fewer of them
    # "cut down on their pain medication", "helps chronic pain patients reduce opioids": the drugs cut down, and the
    # patients they are cut down for, are not pain relieved; a claim of sparing claims relief too only in its own words
    if "opioid_consumption" in out:
        pain = c["relief_with_sparing"].search(c["analgesic_drugs"].sub(" ", text))
    else:
        pain = c["pain"].search(text)
    if kind == "efficacy" and pain and "pain_intensity" not in out:
        out.insert(0, "pain_intensity")
    if kind == "efficacy" and "hyperalgesia" in out and not c["pain_amount"].search(own):
        out = [o for o in out if o != "pain_intensity"]  # relief of hyperalgesia or sensitization
    implied = {"onset": "onset", "duration": "duration_of_relief", "dependence": "abuse_dependence"}
    if kind in implied and implied[kind] not in out:
        out.insert(0, implied[kind])
    if kind == "side_effect":
        out = [o for o in out if o not in ("pain_intensity", "adverse_events", "function_quality_of_life")]
        if not _RELIEF_SAID.search(own):
            # how long a harm lasts or how soon it comes ("dizziness that lasts for weeks") is the harm's, not relief's
            out = [o for o in out if o not in ("duration_of_relief", "onset")]
        if not out or re.search(r"side[- ]effects?|adverse", own, re.I):
            out.append("adverse_events")
    given = _first(c["effects_given"], own) if kind == "safety" else None
    if given and c["pain"].search(given) and not _first(c["effects_given_not"], given):
        # "safe to use in children, where it provides pain relief, sedation and amnesia": what ketamine is said to
        # give, pain relief among it, is what it is given for; the sedation it gives is no harm that safety denies
        named = outcomes_named(own.replace(given, " "))
        out = [o for o in out if o in named or not c["effects_given_outcomes"].fullmatch(o)]
    if kind == "safety" and out and c["benefit_done"].search(text):
        # "it induces sleep, ... lifts depression and relieves pain, all with a safe profile of use": the mood lifted
        # and the sleep brought on are benefits the sentence names, not harms its safety denies; an outcome named only
        # inside such words is left out (one named elsewhere too, "lifts mood and causes no depression", stays)
        left = outcomes_named(c["benefit_done"].sub(" ", text))
        out = [o for o in out if o in left or o not in outcomes_named(text)]
    if kind == "safety" and out and all(o in _RELIEF_OUTCOMES for o in out):
        # "After being developed as a safer substitute for phencyclidine, it turned out to produce deep pain relief":
        # relief is not a harm, so a safety claim is not about it; the harm a claim of safety speaks of is side effects
        # in general (weighed as pain not being caused, trials of relief would support it and one with more pain would
        # refute it)
        out = []
    if kind == "safety" and not out:
        out.append("adverse_events")
    if kind == "comparative" and not out:
        # what is compared: harm ("safer", "lower risk") or relief ("relieved pain to a similar degree", "cuts its
        # effectiveness")
        if c["compared_harm"].search(own):
            out.append("adverse_events")
        elif pain or c["compared_relief"].search(own):
            out.append("pain_intensity")
    if kind == "dosing" and _EXTENDS.search(own) and "duration_of_relief" not in out:
        out.insert(0, "duration_of_relief")  # what a schedule does for how long relief lasts
    if kind == "dosing" and not out and re.search(r"relie|pain|results?\b|outcomes?\b|effective|help", text, re.I):
        out.append("pain_intensity")
    if not out and re.search(r"\brisks?\b", own, re.I) and kind in ("dosing", "safety", "side_effect"):
        out.append("adverse_events")
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
        "no_effect": "does not improve",
        "as_good": "works as well on",
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
        text += f" as {n.comparator}" if n.direction == "as_good" else f" than {n.comparator}"
    if n.quantity:
        unit = "min" if n.quantity.name == "onset_minutes" else "days"
        text += f" ({n.quantity.low:g}-{n.quantity.high:g} {unit})"
    return text


def _terms(text: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)
    seen = dict.fromkeys(w.lower() for w in words if w.lower() not in _STOP)
    return " ".join(list(seen)[:12])


# "in these scenarios", "in these cases": the population is the one the sentence before described
_POINTS_BACK = re.compile(r"\b(?:these|such|those) (?:scenarios|cases|situations|conditions|patients|settings)\b", re.I)


def _population(text: str) -> list[str]:
    """The settings a text names: the vocabulary's, then the words pages use for them. Surgery named as where the
    anaesthetic is used ("developed as an anesthetic for surgical procedures") is not a population in pain, nor are
    the words of `population_not` (chronic musculoskeletal pain is not trauma, nor is PTSD)."""
    c = _cues()
    anaesthetic = c["anaesthetic_use"].search(text)
    masked = _blank(c["population_not"], text)
    out = [s for s in _tags(masked).get("setting", []) if not (s == "postoperative" and anaesthetic)]
    for name, rx in c["population_words"]:
        if rx.search(text) and name not in out:
            out.append(name)
    return out


# the kinds of claim that take the condition named before them: how long relief lasts ("Relief lasts for weeks."
# after a sentence on migraine). Not a benefit that names none ("Not everyone responds." after a CRPS sentence, "an
# excellent analgesic" under a heading on another condition): carried into efficacy claims, the condition cost right
# verdicts on the folds; nor how fast relief comes (measured in acute and emergency trials whatever the page's
# condition)
_TOPIC_KINDS = ("duration",)


def topic_before(candidate: Candidate, text: str, kind: str) -> tuple[list[str], str | None, str] | None:
    """The condition a claim of benefit takes from what a reader has just read, when its own words name none ("Ketamine
    relieves migraine. The benefit lasts for weeks."; "Does ketamine help sickle cell pain? Yes, the relief continues
    for several weeks."): the settings (and the one named condition of ``data/weighing.toml`` [condition], if one)
    that the sentence before it names, else its heading (an FAQ's question is the heading of its answer), with where
    they were read. None when the claim names a condition or a psychiatric diagnosis of its own, when the place it
    would take one from is about a psychiatric diagnosis (relief that names none is not weighed on it) or only a
    setting of acute care (surgery, the emergency department), or when neither place names one. Several conditions
    named there are each a setting of the claim, and no one of them its condition."""
    from .verdict import claim_condition_in  # the verdict holds a claim to its condition; it reads this module's kinds

    if kind not in _TOPIC_KINDS or _cues()["psychiatric"].search(text) or any(x.named_in(text) for x in conditions()):
        return None
    vocab = default_vocabulary()
    for place, words in (("the sentence before", candidate.previous), ("the heading", candidate.heading)):
        if not words:
            continue
        population = _population(words)
        named = claim_condition_in(words)
        if named is not None and named.psychiatric:
            return None  # a diagnosis of mood is the topic there: relief that names no condition is not weighed on it
        # where ketamine is given for acute pain (around surgery, in emergency care) is a setting of care, not the
        # patients' condition: it is the topic there, and nothing is taken from it
        acute = set().union(*(vocab.descendants("setting", a) for a in weighing()["population"]["acute"]))
        if population and not named and set(population) <= acute:
            return None
        if population or named is not None:
            said = f"named in {place}, which it follows: {words!r}"
            return [s for s in population if s not in acute], named.id if named is not None else None, said
    return None


# an effect word of a lead-in that names the list rather than governs its items ("Benefits of ketamine therapy:",
# "Results:"): each item is one benefit, not relief of pain unless it says so
_LIST_NAME = re.compile(r"benefits|results|advantages", re.I)


def _implied_outcome(
    candidate: Candidate, text: str, population: list[str], concepts: list[list[str]], reasons: dict[str, str]
) -> tuple[list[str], str | None]:
    """The outcome of an effect claim whose own words name none: relief of pain when it names a condition (an item
    of a list of conditions, "helps patients with CRPS") or an effect ("it works", "lasting results"), or when its
    heading or, for a sentence that points back ("a worthwhile treatment choice for it"), the sentence before it
    names pain. Otherwise none, and the reason why the claim cannot be weighed: a sentence that names no outcome,
    effect or condition of its own ("Ketamine infusions have allowed us to save countless lives") must not inherit
    the page's topic. A psychiatric condition named keeps what the vocabulary read (no relief of pain added)."""
    c = _cues()
    if population or concepts:
        reasons["outcomes"] = "relief of pain in the condition it names"
        return ["pain_intensity"], None
    if c["psychiatric"].search(text):
        return [], None
    # the item's own words, or a lead-in whose verb takes the item as its object ("can help with: - Endometriosis"); a
    # lead-in that only names the list ("Benefits of ketamine therapy:") says each item is a benefit, not that it is
    # relief of pain ("- Calm, comfortable infusions" names none)
    own = candidate.clause or candidate.quote
    w = _first(c["names_effect"], own)
    if w is None and candidate.lead_in:
        said = [m.group(0) for m in c["names_effect"].finditer(candidate.lead_in)]
        w = next((x for x in said if not _LIST_NAME.fullmatch(x)), None)
    elif w is None:
        w = _first(c["names_effect"], text)
    if w:
        reasons["outcomes"] = f"an effect ({w!r}) with no outcome named: relief of pain"
        return ["pain_intensity"], None
    places = [("its heading", candidate.heading)]
    if _PRONOUN.search(candidate.clause or candidate.quote):
        places.append(("the sentence it points back to", candidate.previous))
    for place, words in places:
        w = _first(c["pain"], words) if words else None
        if w:
            reasons["outcomes"] = f"relief of pain, named in {place} {words!r} ({w!r})"
            return ["pain_intensity"], None
    return [], "names no outcome, effect or condition of its own: nothing to weigh the evidence on"


# A negation written as a contraction ("isn't", "doesn't", "won't", "can't", "shouldn't", with ' or ’): the verb
# and "not" written out, so that every cue that reads a negation reads it as it reads the words in full.
_CONTRACTED = re.compile(r"\b([A-Za-z]+)n[\x27’‘`]t\b", re.I)
_CONTRACTED_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}


# Where a contraction may negate what the sentence asserts: in its first clause, after that clause's subject. Not after
# a clause boundary ("..., so it isn't for everyone", "hallucinations that don't last long", "If you don't respond,
# ..."), nor first in the sentence (an imperative: "Don't worry: ketamine can cause mild nausea"); a leading phrase of
# circumstance ("At the doses we use, ketamine isn't addictive", "Even taken every day, it won't become a habit") is
# not a clause of its own.
_LEADING_PHRASE_COMMA = re.compile(
    r"^\W*(?:even\s+)?(?:at|in|with|for|during|after|before|unlike|like|compared (?:to|with)|as with|on|under|over|"
    r"taken|given|used|administered|infused|dosed)\b"
    r"[^,;:.]{0,60},\s*",
    re.I,
)
_DRUG_SUBJECT = re.compile(
    r"(?:ketamine|esketamine|it|this (?:drug|medicine|medication|treatment|therapy)|the (?:drug|medicine|medication))"
    r"(?: (?:infusions?|therapy|treatment))?",
    re.I,
)
# where a sentence's coordinated clauses meet (", and", ", but", ", while", "; ")
_COORDINATION = re.compile(r",\s*(?:and|but|while|whereas|yet)\b|;", re.I)
_HARM_CUES = ("harm", "side_effect", "dependence", "safety", "harm_absent", "harm_general", "harm_unnamed")


def _names_harm(text: str) -> bool:
    """Whether ``text`` names a harm (a particular one or harm in general: "no serious health problems"), a dependence,
    a side effect or safety, in the words of the cues or as an outcome the vocabulary counts among the harms."""
    c = _cues()
    if any(_first(c[cue], text) for cue in _HARM_CUES):
        return True
    return bool(set(_tags(text).get("outcome", [])) & lexicon().harms)


def negation_elsewhere(text: str, negated: str) -> str | None:
    """The clause holding the negation ``negated`` when it is not the harm's: a sentence of coordinated clauses whose
    clause with the negation names no harm, no side effect and no safety, while another clause does ("as safe as IV
    ketamine ..., and to its being a handy option that needs no needle": 'no' denies the needle, not a harm). None
    when the negation is in the clause that names the harm, or the sentence has one clause."""
    bounds = [0, *(m.end() for m in _COORDINATION.finditer(text)), len(text) + 1]
    if len(bounds) < 3:
        return None
    clauses = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    held = [cl for cl in clauses if re.search(rf"(?<!\w){re.escape(negated)}(?!\w)", cl, re.I)]
    if len(held) != 1 or _names_harm(held[0]):
        return None
    if not any(_names_harm(cl) for cl in clauses if cl is not held[0]):
        return None
    return held[0].strip(" ,;")


def harm_negation(text: str, negated: str) -> tuple[str | None, str | None]:
    """(the negation that is the harm's, the clause a negation was set apart in): ``negated`` itself when it is in the
    clause that names the harm; a later denial of the harm when ``negated`` is another clause's ("We can't say how long
    relief lasts, but ketamine does not cause respiratory depression": 'does not'); else None, with the clause that
    holds ``negated`` and names no harm ("..., and to its being a handy option that needs no needle")."""
    apart = negation_elsewhere(text, negated)
    if apart is None:
        return negated, None
    denied = _denied_harm(text)[0]
    return (denied, None) if denied else (None, apart)


# a clause that gives the reason for what the main clause says, with the drug as its subject (", as it can bring on
# hallucinations", "because ketamine may raise blood pressure")
_REASON_CLAUSE = re.compile(
    r",?\s+\b(?:as|because|since)\s+(?=(?:ketamine|esketamine|it|they|this (?:drug|medicine)|the (?:drug|medicine))\b)",
    re.I,
)
# advice not to do something with the drug, for a reason given after it ("Do not mix ketamine with other substances
# that alter mood or perception, because the combination can be toxic"): the reason, not a denial of the harm
_ADVICE_REASON = re.compile(
    r"^\W*(?:do not|don[\u2019']t|never)\s+(?:mix|combine|take|use|drink|drive|operate|share)\b"
    r"[^.]*?,?\s+\b(?:as|because|since)\s+",
    re.I,
)
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|so|that|which|who|whom|whose|if|when|whenever|because|although|though|while|"
    r"unless|until|once|since|and|or)\b",
    re.I,
)


def affirmed_out(text: str) -> str:
    """``text`` with a double negative that affirms what follows blanked out ("Even so, there is no denying that it
    works well as an anesthetic": the claim is that it works; [normalise] affirmed), so that no cue reads its "no"
    as a negation of the claim."""
    return _blank(_cues()["affirmed"], text)


def written_out(text: str) -> str:
    """``text`` with the contracted negation of its first clause written out ("Ketamine doesn't cause nausea" ->
    "Ketamine does not cause nausea", "Patients won't hallucinate" -> "Patients will not hallucinate"), so that every
    cue that reads a negation reads it as it reads the words in full; a contraction in another clause or opening the
    sentence is left as it is (it does not negate what the sentence asserts)."""
    lead = _LEADING_PHRASE_COMMA.match(text)
    start = lead.end() if lead else 0

    def negates(m: re.Match[str]) -> bool:
        if (
            m.start() >= start
            and text[start : m.start()].strip()
            and not _CLAUSE_BOUNDARY.search(text, start, m.start())
        ):
            return True  # the first clause, after its subject
        # a clause of its own after a semicolon whose subject is the drug ("...; it isn't addictive either")
        semi = text.rfind(";", 0, m.start())
        return semi >= 0 and bool(_DRUG_SUBJECT.fullmatch(text[semi + 1 : m.start()].strip()))

    def full(m: re.Match[str]) -> str:
        if not negates(m):
            return m.group(0)
        stem = m.group(1)
        verb = _CONTRACTED_STEMS.get(stem.lower())
        if verb is None:
            verb = stem
        elif stem[:1].isupper():
            verb = verb.capitalize()
        return f"{verb} not"

    return _CONTRACTED.sub(full, text)


# A count in words ("twenty-six", "forty eight", "a hundred and eighty", "one thousand", "two hundred"), read whole:
# the last word alone ("six" of "twenty-six") is another figure. Fractions of a unit ("a quarter of a year", "half a
# year", "three quarters of a year", "a year and a half") are read as the share of one unit.
# The single number words are text.NUMBER_WORDS's (their one home), without its articles and vague counts ("a",
# "an", "several") and its compounds.
_WHOLE_WORDS = {w: int(n) for w, n in NUMBER_WORDS.items() if re.fullmatch(r"[a-z]{3,}", w) and w != "several"}
_UNITS_IN_WORDS = {"zero": 0, **{w: n for w, n in _WHOLE_WORDS.items() if n < 20}}
_TENS_IN_WORDS = {w: n for w, n in _WHOLE_WORDS.items() if n >= 20}
_SCALES_IN_WORDS = {"hundred": 100, "thousand": 1000}
_COUNT_WORD = "|".join(sorted([*_UNITS_IN_WORDS, *_TENS_IN_WORDS, *_SCALES_IN_WORDS], key=len, reverse=True))
_TIME_UNIT_WORD = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
# a count of words (with "a"/"one" before a scale, "and" inside it) just before a unit of time
_SPELT_COUNT = re.compile(
    rf"\b(?P<count>(?:(?:an?|one)[\s-]+(?=(?:hundred|thousand)\b))?(?:{_COUNT_WORD})"
    rf"(?:(?:[\s-]+|\s+and\s+)(?:{_COUNT_WORD}))*)(?P<gap>[\s-]+){_TIME_UNIT_WORD}",
    re.I,
)
_FRACTIONS_IN_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_SPELT_FRACTION = re.compile(
    r"\b(?:(?P<many>an?|one|two|three)\s+)?(?P<part>half|quarters?|thirds?)\s+(?:of\s+)?an?\s+"
    rf"(?P<unit>{_TIME_UNIT_WORD})",
    re.I,
)
_AND_A_HALF = re.compile(rf"\b(?P<count>an?|one|\d+)\s+(?P<unit>{_TIME_UNIT_WORD})\s+and\s+a\s+half\b", re.I)
# a footnote or reference mark on a word ("pain¹", "years²", "relief†", "relief[3]"): no part of what is said
_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z.,;:])(?:[\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021\u00a7]+|\[\d{1,3}\])")


def count_in_words(words: str) -> int | None:
    """A whole number written in words ("twenty-six" 26, "a hundred and eighty" 180, "two thousand" 2000); None if
    the words are not one number ("six twenty", "hundred hundred")."""
    parts = [w for w in re.split(r"[\s-]+", words.lower().strip()) if w and w != "and"]
    total, current, last = 0, 0, ""
    for i, w in enumerate(parts):
        if w in ("a", "an", "one") and i + 1 < len(parts) and parts[i + 1] in _SCALES_IN_WORDS:
            current, last = 1, "unit"
        elif w in _UNITS_IN_WORDS:
            if last in ("unit", "teen"):
                return None
            current, last = current + _UNITS_IN_WORDS[w], "teen" if _UNITS_IN_WORDS[w] >= 10 else "unit"
        elif w in _TENS_IN_WORDS:
            if last in ("unit", "teen", "tens"):
                return None
            current, last = current + _TENS_IN_WORDS[w], "tens"
        elif w in _SCALES_IN_WORDS:
            scale = _SCALES_IN_WORDS[w]
            if last in ("", "scale") and not current:
                return None
            if scale == 100:
                if current >= 100:
                    return None
                current *= 100
            else:
                total, current = total + (current or 1) * scale, 0
            last = "scale"
        else:
            return None
    return total + current if parts else None


def spelt_figures(text: str) -> str:
    """``text`` with its footnote marks dropped and each time it spells out in words written in figures ("twenty-six
    weeks" -> "26 weeks", "a hundred and eighty days" -> "180 days", "a quarter of a year" -> "0.25 year", "a year
    and a half" -> "1.5 years"), so that every cue and every reading of a time reads the number whole, as it reads
    digits; a lone "a", "an" or "one" before a unit ("a year", "one month") is left as it is."""
    text = _FOOTNOTE_MARK.sub("", text)

    def fraction(m: re.Match[str]) -> str:
        many = m.group("many")
        n = {"two": 2, "three": 3}.get((many or "").lower(), 1)
        part = _FRACTIONS_IN_WORDS[m.group("part").lower().rstrip("s")]
        return f"{n * part:.2f}".rstrip("0").rstrip(".") + f" {m.group('unit')}"

    def and_a_half(m: re.Match[str]) -> str:
        count = m.group("count")
        n = float(count) if count[0].isdigit() else 1.0
        return f"{n + 0.5:g} {m.group('unit').rstrip('s')}s"

    def count(m: re.Match[str]) -> str:
        words = m.group("count")
        if words.lower() in ("a", "an", "one"):
            return m.group(0)
        n = count_in_words(words)
        if "-" in m.group("gap") and len(re.split(r"[\s-]+", words.strip())) > 1:
            return m.group(0)  # "twenty four-hour infusions": twenty infusions of four hours
        return m.group(0) if n is None else f"{n}{m.group('gap')}{m.group(0)[m.end('gap') - m.start() :]}"

    text = _SPELT_FRACTION.sub(fraction, text)
    text = _AND_A_HALF.sub(and_a_half, text)
    return _SPELT_COUNT.sub(count, text)


def normalise(
    candidate: Candidate, page_text: str = "", context: PageContext | None = None, learned: bool = True
) -> Normalised:
    """The proposition of one extracted claim (see the module's docstring). With ``learned``, the trained kind model
    (`kind_model`) reads the claim after the rules, and its kind replaces theirs where they differ, except where the
    rules read what the evidence is weighed against from the sentence (routes set against each other, a remedy for
    the side effects)."""
    c = _cues()
    context = context or (page_context(page_text) if page_text else PageContext())
    as_written = candidate  # what the trained kind model reads: the page's own words
    candidate = replace(
        candidate,
        quote=spelt_figures(written_out(affirmed_out(candidate.quote))),
        clause=spelt_figures(written_out(affirmed_out(candidate.clause))),
        lead_in=written_out(candidate.lead_in),
        heading=written_out(candidate.heading),
        previous=written_out(candidate.previous),
    )
    own = whole = candidate.clause or candidate.quote
    reasons: dict[str, str] = {}
    labelled = harm_label(own)
    if labelled:
        # "Nausea – rare": the qualifier is the label's predicate, read as the sentence the item abbreviates
        own = labelled[0]
        reasons["asserts"] = f"a harm named as a label and qualified, read as the sentence it abbreviates: {own!r}"
    section = c["section_label"].match(own)
    if section and len(own[section.end() :].split()) >= 3:
        # "Background: Ketamine at sub-anesthetic doses is effective ...": the label is no word of the claim
        own = own[section.end() :]
        unlabelled = [c["section_label"].sub("", t, count=1) for t in (as_written.quote, as_written.clause)]
        as_written = replace(as_written, quote=unlabelled[0], clause=unlabelled[1])  # the model reads the page's words
        reasons["asserts"] = f"the sentence after the section label {section.group(0).strip()!r}"
    belief = c["belief_set_aside"].match(own)
    if belief and len(own[belief.end() :].split()) >= 3:
        # "Young people may believe that ... do no harm, but ketamine is both dangerous and addictive": the belief is
        # reported to be set aside; the claim is what follows it
        own = own[belief.end() :]
        reasons["asserts"] = f"the sentence after the belief it reports and sets aside ({belief.group(0).strip()!r})"
    aside = c["aside"].match(own)
    if aside and len(own[aside.end() :].split()) >= 3:
        # "Besides acting on pain perception, ketamine also has ...": what the phrase sets aside is not this claim
        own = own[aside.end() :]
        reasons["asserts"] = f"the sentence after {aside.group(0).strip()!r}, which sets aside what was claimed before"
    frame = c["opinion_frame"].match(own)
    if frame and len(own[frame.end() :].split()) >= 3:
        # "In my view ketamine could be ...", "we think that the higher the dose ...": the clause the frame embeds
        lead = re.match(r"^[\W]*", own)
        own = (lead.group(0) if lead else "") + own[frame.end() :]
        said = re.sub(r"^\W+|\W+$", "", frame.group(0))
        reasons["asserts"] = f"the clause the opinion frame {said!r} embeds"
    relief_clause = clause_beside_clearance(own)
    if relief_clause:
        # "The drug clears out of the body very fast, mostly inside 12 hours, yet its therapeutic benefits can last a
        # long time": the time and the speed are the drug's; the claim on relief is the other clause
        own = relief_clause
        reasons["asserts"] = f"the clause on relief, not the one on how fast the body clears the drug: {own!r}"
    text = f"{candidate.lead_in} {own}".strip()
    kind, reasons["kind"] = guess_kind(text, own, candidate.lead_in, candidate.previous)
    # routes set against each other in the whole sentence ("nasal sprays ..., but IV infusion is the most effective")
    contrast = route_contrast(candidate.quote)
    if contrast and kind in ("efficacy", "safety"):
        kind, reasons["kind"] = "comparative", f"routes set against each other: {contrast[1]} (not {kind})"
    # a reading of what the sentence does that sets what the evidence is weighed against (routes set against each
    # other; a remedy for the side effects against ketamine without it) is the rules' to keep
    # a dependence on another substance said to be treated is the rules' too: the model reads "addiction" as a harm
    # (and so is an addiction named as an item of a list of the conditions it helps: "a way of treating a range of
    # illnesses, among them chronic pain, depression and addiction")
    listed_treated = CONDITIONS_HELPED in reasons["kind"] and _first(c["dependence"], own)
    treated = (_first(c["dependence_treated"], own) or listed_treated) if kind == "efficacy" else None
    # an item of a list of cautions is the rules' too: the model reads "reduced lung function" as a benefit
    caution = caution_item(own, candidate.lead_in) if kind == "safety" else None
    # so is a sign other than pain said to be relieved: the model reads "fatigue" as a harm
    sign = c["sign_relieved"].search(own) if kind == "efficacy" else None
    remedy = kind == "side_effect" and remedy_for_harm(own)
    # and so is a harm named as a label and qualified: the model reads the label's words, not the sentence they shorten
    labelled_harm = bool(labelled) and kind in HARM_KINDS
    # and so is advice to change the dose: the model reads the condition it names as a harm
    advice = kind == "dosing" and reasons["kind"].startswith("advice to change the dose")
    # and so are fewer opioids: the model reads the opioids' side effects a sentence names as the harm it is about
    # ("it lowers the quantity of narcotics given, and so it reduces the narcotics' side effects, namely nausea ...")
    spared = kind == "efficacy" and reasons["kind"].startswith(OPIOIDS_SPARED)
    # and so is relief said not to last or the condition to come back: the model reads "cannot" and "relapse" as a harm
    # denied ("the effect cannot be guaranteed, and some patients may relapse even after repeated treatments")
    fading = kind == "efficacy" and bool(_first(c["fades"], own))
    weighed_against = (
        kind == "comparative" and contrast or remedy or treated or caution or sign or advice or spared or fading
    ) or labelled_harm
    # a harm said not to happen, whichever rule read the kind ("There is zero risk of addiction": dependence; "carries
    # zero risk of respiratory depression": a side effect), keeps its harm kind against the model (below)
    denied_harm = kind in HARM_KINDS and (reasons["kind"].startswith(HARM_DENIED) or bool(_denied_harm(own)[0]))
    if learned and not weighed_against:
        from .kind_model import read_kind

        reading = read_kind(as_written.quote, as_written.lead_in, as_written.heading, kind)
        action = action_effects(own, candidate.lead_in, candidate.previous) if reading else None
        if reading and reading.kind != kind and reading.kind in HARM_KINDS and kind not in HARM_KINDS and action:
            reasons["kind"] += (
                f" (not the trained kind model's {reading.kind}: {action!r} with no side or adverse word and no harm "
                "named is the drug's action)"
            )
        elif (
            reading
            and reading.kind in HARM_KINDS
            and kind not in HARM_KINDS
            and reading.probability < 0.5
            and not candidate.lead_in
            and not harm_read_from(own, named_only=True)
        ):
            # a harm kind for a sentence that names no harm takes its harm (adverse events) and its direction (the
            # harm occurs) by default: the whole proposition would be the model's, so it must be the more likely
            # reading than all the others together ("Ketamine is not a controlled substance" at 0.26 is not; nor is
            # "No, it is not an opioid": a negation names no harm). An item of a list is read with its lead-in
            # ("Ketamine should not be given to people with: - delirium")
            reasons["kind"] += (
                f" (not the trained kind model's {reading.kind} at probability {reading.probability:.2f}: the sentence "
                "names no harm, and a reading below even odds does not make one up)"
            )
        elif reading and reading.kind != kind and denied_harm and reading.kind not in HARM_KINDS:
            # "does not cause hallucinations", "will not damage your liver": a harm said not to happen is a claim about
            # safety, whatever the sentence's heading; weighed as a mechanism or an effect, records of the harm
            # occurring would not be read against it
            reasons["kind"] += (
                f" (not the trained kind model's {reading.kind} at probability {reading.probability:.2f}: a harm said "
                f"not to happen is {'safety' if kind == 'safety' else f'a {kind} claim'})"
            )
        elif reading and reading.kind in ("onset", "duration") and kind != reading.kind and _past_period_only(own):
            # "Over the last ten years, many reports have described ketamine being given ...": the period is when
            # something happened, and the sentence states no other time for relief to start or last
            reasons["kind"] += (
                f" (not the trained kind model's {reading.kind} at probability {reading.probability:.2f}: its only "
                f"time, {_past_period_only(own)!r}, is a period up to now, not a time of relief)"
            )
        elif (
            reading
            and reading.kind == "efficacy"
            and kind in ("side_effect", "dosing")
            and (
                _SIDE_EFFECTS_NAMED.search(own)
                or (kind == "side_effect" and (_MORE_OFTEN.search(own) or _harm_it_causes(own)))
            )
            and not _first(c["improvement"], own)
            and not _ANY_BENEFIT.search(own)
        ):
            # "ketamine's adverse effects generally rise with the dose", "psychedelic effects were more frequent with
            # ketamine than with placebo", "Since it can bring on tachyarrhythmias, high blood pressure and
            # psychomimetic effects, continuous ketamine infusion was ... kept to intensive care": side effects said to
            # happen, a harm said to be more frequent, or harms it is said to cause, with no word of anything getting
            # better, are no effect on a condition (read as one, the harm would be weighed as relief)
            reasons["kind"] += (
                f" (not the trained kind model's efficacy at probability {reading.probability:.2f}: the sentence names "
                f"side effects ({_first(c['side_effect'], own)!r}) and nothing that improves)"
            )
        elif (
            reading
            and reading.kind == "safety"
            and kind == "side_effect"
            and reading.probability < 0.5
            and not _first(c["safety"], own)
        ):
            # "psychedelic effects were more frequent with ketamine than with placebo (ratio of risks 5.35)": a harm
            # the rules read from the sentence, which has no word of safety ("ratio of risks" is a statistic's name);
            # a reading below even odds does not make it a claim that ketamine is safe
            reasons["kind"] += (
                f" (not the trained kind model's safety at probability {reading.probability:.2f}: the sentence names a "
                f"harm ({_first(c['side_effect'], own)!r}) and no word of safety)"
            )
        elif reading and reading.kind != kind and reasons["kind"].startswith(DOSE_UNRELATED):
            # "The risk of side effects does not depend on the dose": the claim is what the dose does to the harm;
            # read as the harm (its negation taken for a denial of it), records of the harm would be weighed on it
            reasons["kind"] += (
                f" (not the trained kind model's {reading.kind} at probability {reading.probability:.2f}: the claim "
                "is what the dose does to a harm)"
            )
        elif reading and reading.kind != kind and reasons["kind"].startswith(CLEARED):
            # "Ketamine leaves the body within a few hours", "Ketamine's half-life is 80-180 minutes": how the drug
            # behaves in the body, its time the drug's (not a time of relief, nor a dose)
            reasons["kind"] += (
                f" (not the trained kind model's {reading.kind} at probability {reading.probability:.2f}: it says how "
                "fast the drug goes, and its time is the drug's)"
            )
        elif reading and reading.kind == "duration" and kind != "duration" and harm_time_only(own):
            # "it can bring relief where conventional therapies have not worked, frequently with fewer long-term side
            # effects": the time is how long side effects last, not relief
            reasons["kind"] += (
                f" (not the trained kind model's duration at probability {reading.probability:.2f}: its only time, "
                f"{harm_time_only(own)!r}, is how long a harm lasts, not relief)"
            )
        elif (
            reading
            and reading.kind == "dosing"
            and kind == "side_effect"
            and _first(c["side_effect"], own)
            and not _first(c["improvement"], own)
            and not _first(c["how_given"], own)
        ):
            # "As opioids do, ketamine can leave people sedated (calm and drowsy)": a side effect the sentence names,
            # with no word of a dose, of how it is given or of anything getting better, is no statement of how ketamine
            # is given (read as one, it is weighed on no record of the harm)
            reasons["kind"] += (
                f" (not the trained kind model's dosing at probability {reading.probability:.2f}: the sentence names a "
                f"side effect ({_first(c['side_effect'], own)!r}) and no dose, no way of giving it, nothing that "
                "improves)"
            )
        elif reading and reading.kind != kind:
            kind, reasons["kind"] = reading.kind, f"{reading.reason} ({kind}: {reasons['kind']})"
    denied = _first(c["end_denied"], main_clause(own)) if kind in ("duration", "efficacy") else None
    if denied:
        # "ketamine's pain relief does not wear off", "its benefits are not temporary": relief said never to end
        was = f"; not {kind}" if kind != "duration" else ""
        kind, reasons["kind"] = "duration", f"relief said never to end: {denied!r} (how long it lasts{was})"
    # a claim of effect that states a time of relief, whatever its verb ("helps CRPS pain for months", "patients
    # improved for a year"), or an item under a lead-in that states one ("Ketamine gives months of relief for: - CRPS"),
    # is about how long relief lasts: the time is checked at both ends, never dropped for plain efficacy
    timed = relief_time(own) if kind == "efficacy" and not c["usage_role"].search(own) else None
    timed_lead = relief_time(candidate.lead_in) if kind == "efficacy" and not timed and candidate.lead_in else None
    if timed or timed_lead:
        where_said = f"{timed!r}" if timed else f"{timed_lead!r} in the lead-in {candidate.lead_in.strip()!r}"
        kind, reasons["kind"] = "duration", f"a time of relief: {where_said} (how long it lasts; not efficacy)"
    routes, words = routes_named(text)
    where = ""  # the words outside the claim that named its route (the regimen is read there too)
    holder = pattern("textbook", "holds_ketamine").search(text) if kind in ("mechanism", "history") else None
    if routes and holder and not routes_named(text[: holder.start()] + " " + text[holder.end() :])[0]:
        # "The lozenges hold ketamine, a drug that has traditionally served as an anaesthetic": the route is the
        # page's product's, not one the history or mechanism of ketamine is claimed by (round 186)
        reasons["routes"] = f"named only in what the claim says holds ketamine ({holder.group(0).strip()!r}): none"
        routes = []
    elif routes:
        reasons["routes"] = f"named in the claim: {', '.join(words)}"
    elif kind not in ("mechanism", "history"):
        # the claim's section: its heading, else the sentence before it (a list's, the one before its lead-in)
        for place, words_there in (("the heading", candidate.heading), ("the sentence before", candidate.previous)):
            routes, words = routes_named(words_there) if words_there else ([], [])
            if routes and (len(routes) >= 3 or _first(c["routes_listed"], words_there)):
                # "It has been given by many routes: into a vein, ..., by mouth, ... under the tongue": the ways it can
                # be given, none of them the one the claim after it is about
                reasons["routes"] = f"{place} lists the ways it is given ({', '.join(words)}): no route of the claim's"
                routes = []
                break
            if routes:
                where = words_there
                reasons["routes"] = f"named in {place} {words_there!r}: {', '.join(words)}"
                break
        if not routes and context.routes:
            routes = list(context.routes)
            reasons["routes"] = "the route the page is about (its title, address or clinic)"
    # a list item that names its own condition ("- Fibromyalgia" under "Ketamine can be used to treat chronic pain and
    # neuropathic pain.") is about that one, not every one its lead-in names
    population = _population(own) if candidate.lead_in and _population(own) else _population(text)
    # an item of a list of conditions that names one the vocabulary has no population for ("Lupus"): a finding must
    # name that condition, or evidence on pain in general would settle a claim about it
    concepts: list[list[str]] = []
    if candidate.lead_in and _CONDITION_NAME.match(own) and not _population(own):
        sentence = candidate.lead_in.rstrip().endswith(".") and _first(c["conditions_sentence"], candidate.lead_in)
        if lists_conditions(candidate.lead_in) or _first(c["conditions_list"], candidate.lead_in) or sentence:
            concepts = [
                [w.lower()] for w in re.findall(r"[A-Za-z]{3,}", own) if not c["condition_generic"].fullmatch(w)
            ]
            if concepts:
                reasons["concepts"] = f"a condition the vocabulary has no population for: {own.strip()!r}"
    if caution:
        # "raised pressure inside the eye": a record must name the condition, or evidence on harms in general would
        # settle whether the drug harms people who have it
        concepts = [
            [w.lower()]
            for w in re.findall(r"[A-Za-z]{3,}", own)
            if w.lower() not in _STOP and not c["condition_generic"].fullmatch(w)
        ]
        if concepts:
            reasons["concepts"] = f"the condition the list of cautions names: {own.strip()!r}"
    if sign and not concepts:
        # "It also reduces swelling and skin changes": a record must name the sign, or pain relief would settle it
        concepts = [[sign.group(1).lower()[:7]]]
        reasons["concepts"] = f"a sign other than pain said to be relieved: {sign.group(0)!r}"
    other_harm = c["harm_of_other_drug"].search(own) if kind in HARM_KINDS and not concepts else None
    if other_harm:
        # "lowers the risk of opioid overdose": a record must name that harm, or ketamine's own safety would settle it
        concepts = [[other_harm.group(1).lower()[:7]]]
        reasons["concepts"] = f"a harm of another drug: {other_harm.group(0)!r}"
    own_harm = _unnamed_harm(own, candidate.lead_in) if kind in HARM_KINDS and not concepts else []
    if own_harm:
        # "- Too much saliva in the mouth" under "the ways it could affect breathing": a harm of its own that no outcome
        # or harm word names, which a record must name, or records of the lead-in's harm would settle it
        concepts = [[w] for w in own_harm]
        reasons["concepts"] = f"a harm the item names that no outcome of the vocabulary is: {own.strip()!r}"
    risk = risk_unread(own) if kind in ("efficacy", "safety") and not concepts else None
    if risk:
        # "lowers the risk of dementia": a condition a record must name, or records on pain relief (read as efficacy)
        # or on adverse events in general (read as safety) would settle it
        concepts = [risk[1]]
        reasons["concepts"] = f"the condition whose risk it is said to lower: {risk[0]!r}"
    listed = property_parts(own) if kind == "mechanism" else None
    if listed:
        concepts = listed[1]
        reasons["concepts"] = f"one part per property listed: {listed[0]!r}"
    carried = None  # the named condition a claim that names none takes from the sentence or question before
    topic = None
    if population:
        reasons["population"] = "named in the claim"
    elif candidate.previous and _POINTS_BACK.search(text) and _population(candidate.previous):
        population = _population(candidate.previous)
        reasons["population"] = f"named in the sentence it points back to: {candidate.previous!r}"
    elif topic := topic_before(candidate, text, kind):
        population, carried, reasons["population"] = topic
        if carried:
            reasons["condition"] = reasons["population"]
    elif kind in EFFECT_KINDS and context.population and not _cues()["psychiatric"].search(text):
        population = list(context.population)
        reasons["population"] = "the condition the page is about"
    masked = _blank(c["outcome_not"], text)
    described = target_described(masked) if kind == "mechanism" else []
    if described:
        # "glutamate, a neurotransmitter linked to both pain and mood": what the target does, not what ketamine acts on
        masked = _blank(c["target_role"], masked)
        reasons["outcomes"] = f"not those of what its target does: {described[0]!r}"
    if kind == "safety" and (cured := _first(c["safe_for_condition"], masked)):
        # "a safe way to treat pain and mood disorders": the conditions it treats are not a harm it is said not to cause
        masked = _blank(c["safe_for_condition"], masked)
        reasons["outcomes"] = f"not the conditions it is said to treat: {cured!r}"
    if kind in HARM_KINDS and harm_compared(own):
        # "than opioid drugs do": what the harm is set against adds no outcome (not fewer opioids)
        masked = _blank(c["compared_with"], masked)
    if kind in ("safety", "side_effect"):
        # "With abuse of and addiction to opioids running out of control, ... a safe substitute": the scene the
        # sentence sets, not a harm of ketamine's
        masked = without_opioid_dependence(masked)
    elif kind == "efficacy":
        # "relief without opioids, an alternative to these addictive drugs": what is said of opioids, not an outcome
        # (an item that names a dependence on opioids, "Opioid use disorder", is the condition it is said to treat)
        masked = without_opioids_addictive(masked)
    given = harms_given(own) if kind == "safety" else []
    if given:
        # "gives pain relief and sedation without much depression of breathing": the harm denied is the claim's outcome,
        # not the ones it says ketamine gives
        masked = _blank(either([rf"\b{re.escape(w)}\b" for w in given]), masked)
        reasons["outcomes"] = (
            f"not what it says ketamine gives before the harm it denies: {', '.join(map(repr, given))}"
        )
    head = condition_head(own, candidate.lead_in) if kind == "efficacy" else None
    if head:
        # "Migraine: a type of headache marked by ... nausea and vomiting": the symptoms of the condition's description
        # are the disease's, not what ketamine acts on; the outcome is read from the condition named
        masked = head
        reasons["outcomes"] = f"read from the condition named, not its description: {head!r}"
        # and so is the population: "CRPS: a chronic pain disorder of the arms or legs" is CRPS, not chronic pain
        population = _population(head)
        reasons["population"] = f"the condition named, not its description: {head!r}"
    # "patients may relapse": the condition comes back, not drug use (the vocabulary's "relapse" is dependence)
    outcomes = _outcomes(kind, _tags(_blank(c["condition_relapse"], masked)).get("outcome", []), masked, own)
    if candidate.lead_in.rstrip().endswith(".") and masked.endswith(own):
        # an item under a lead-in that is a claim of its own ("Ketamine acts in another way: it goes after central
        # sensitization." over "- Calms inflammation"): what the item names, when it names an outcome, is its outcome
        mine = _outcomes(kind, _tags(own).get("outcome", []), own, own)
        if mine:
            outcomes = mine
            reasons["outcomes"] = "named in the item, not in the sentence over its list"
    if listed:
        outcomes = []  # what the drug is, stated part by part: no effect on an outcome to weigh as a trial's
        reasons["outcomes"] = "none: a list of properties is a statement of what the drug is"
    explained = _relief_explained(own) if kind == "mechanism" and "pain_intensity" in outcomes else ""
    if explained:
        outcomes = [o for o in outcomes if o != "pain_intensity"]  # how the relief comes about: a statement
        reasons["outcomes"] = f"not pain relief: the relief is what its mechanism explains ({explained!r})"
    if kind == "efficacy" and "onset" in outcomes and relief_figure_not_onset(own):
        outcomes.remove("onset")  # "the immediate pain relief lies between 53% and 84%": how much, not how soon
    if treated:
        # "cures alcohol addiction": relief of that use disorder, shown only by a record that names what it is on
        outcomes = ["abuse_dependence"]
        concepts = [[(_first(c["dependence_substance"], treated) or "addiction").lower()]]
        reasons["outcomes"] = f"a use disorder said to be treated: {treated!r}"
        reasons["concepts"] = f"what the dependence is on: {concepts[0][0]!r}"
    tolerance = _first(c["tolerance_lessened"], own) if kind == "efficacy" and not treated else None
    if tolerance:
        # "ketamine might lessen tolerance to opioids": less tolerance, shown only by a record that names it
        outcomes = ["opioid_consumption"]
        concepts = [["tolerance"]]
        reasons["outcomes"] = f"tolerance to a drug said to be lessened: {tolerance!r}"
        reasons["concepts"] = "what is lessened: 'tolerance'"
    unnamed = None  # why a claim that names no outcome of its own has none
    if kind == "efficacy" and not outcomes:
        # a condition the page is about, or one taken from the sentence before, is not one the claim names
        own_population = population if reasons.get("population") != "the condition the page is about" else []
        own_population = [] if topic else own_population
        outcomes, unnamed = _implied_outcome(candidate, text, own_population, concepts, reasons)
    regimen = None
    for name, rx in c["regimen"]:
        w = _first(rx, text)
        w_there = _first(rx, where) if where and not w else None
        if w or w_there:
            regimen, reasons["regimen"] = name, f"{w!r}" if w else f"{w_there!r} (where its route is named)"
            break
    if regimen is None and kind in HARM_KINDS and candidate.lead_in and context.regimen:
        # an item of a list of harms ("Common side effects include: - A rise in blood pressure") is about the
        # treatment the page is about, when the page gives it one way throughout ("Ketamine Infusion")
        regimen, reasons["regimen"] = context.regimen, "the regimen the page is about (its title or every mention)"
    comparator, why_compared = _comparator(kind, own, candidate, routes, context.comparator, contrast)
    safer = _first(c["less_harm"], own) if kind in HARM_KINDS and not comparator else None
    elided = _ELIDED_COMPARATOR.search(own) if safer else None
    if elided:
        # "as effective as morphine ... and far safer": the comparative's other term is the treatment the sentence
        # already set ketamine against, not nothing (a harm said to be absent)
        comparator = elided.group(1).lower()
        why_compared = f"{safer!r}, against {elided.group(0)!r} earlier in the sentence"
    if comparator:
        reasons["comparator"] = why_compared
    # a negation in a concessive clause ("Although it does not act as an anti-inflammatory, it...") is not the claim's,
    # nor, in a mechanism claim, one outside what it says ketamine does ("without competing for their binding site")
    scope, aside = mechanism_negation(own) if kind == "mechanism" else (own, [])
    scope_main = main_clause(_blank(c["refractory"], scope))  # "pain that does not respond to opioids": who, not what
    negated = _first(c["negation"], scope_main)
    if not negated and kind in HARM_KINDS and scope_main != scope:
        # "Ketamine infusions are chosen because they lead to neither addiction nor physical dependence": the harm and
        # its denial are in the clause the main clause gives as its reason, which is what the sentence claims
        if not any(_first(c[cue], scope_main) for cue in ("harm", "side_effect", "dependence")):
            negated = _denied_harm(scope)[0]
            if negated:
                reasons["polarity"] = f"negation {negated!r} of the harm in the clause after the main one"
    governing = lead_governs(candidate.lead_in, own)  # "Ketamine never causes:" for the item "- Nausea"
    undone = ""
    first, apart = negated, None
    if negated and kind in HARM_KINDS:
        negated, apart = harm_negation(scope_main, negated)
    if apart:
        # "... as safe as IV ketamine, and to its being a handy option that needs no needle": the negation denies
        # something in a clause of its own that names no harm; the clause that names the harm does not deny it
        undone = reasons["polarity"] = (
            f"the negation {first!r} is in a clause that names no harm ({apart!r}); the clause that names the harm "
            "does not deny it"
        )
    because = _REASON_CLAUSE.search(scope_main) if negated and kind in HARM_KINDS else None
    main_part = scope_main[: because.start()] if because else ""
    if because and not any(_first(c[cue], main_part) for cue in ("harm", "side_effect", "dependence")):
        # "it is not usually chosen as the main anaesthetic, as it can bring on hallucinations": the negation is of the
        # main clause, which names no harm; the harm is in the clause giving its reason, which does not deny it
        reason = scope_main[because.end() :]
        if _first(c["harm"], reason) and not _first(c["negation"], reason):
            undone = reasons["polarity"] = (
                f"the negation {negated!r} is of the main clause, which names no harm; the harm is in the clause of "
                f"its reason ({because.group(0).strip()!r} ...), which does not deny it"
            )
            negated = None
    advised = _ADVICE_REASON.match(scope) if negated and kind in HARM_KINDS else None
    if advised:
        why_not = scope[advised.end() :]
        stated = any(_first(c[cue], why_not) for cue in ("harm", "side_effect", "harm_general", "harm_grave"))
        if stated and not _first(c["negation"], why_not):
            undone = reasons["polarity"] = (
                f"the negation {negated!r} is advice ({advised.group(0).strip()!r}), not a denial of the harm; the "
                "harm is in the clause of its reason, which does not deny it"
            )
            negated = None
    if aside and not negated:
        undone = reasons["polarity"] = (
            f"the negation in {aside[0][1]!r} is not of what ketamine does (data/weighing.toml [textbook] "
            f"{aside[0][0]}): the mechanism is read as stated"
        )
    set_apart = _SET_APART.search(candidate.lead_in) if governing else None
    if set_apart and not negated and _first(c["negation"], governing):
        # "Unlike ketamine, opioids do not cause: - Hallucinations": the other drug is denied the item, ketamine is not;
        # the contrast and the negation undo each other, and the item is read as said of ketamine
        undone = reasons["polarity"] = (
            f"ketamine set apart ({set_apart.group(0).strip()!r}) from a negated lead-in "
            f"{candidate.lead_in.strip()!r}: the item is said of ketamine"
        )
        governing, set_apart = "", None
    if not negated and governing:
        # a bare item completes its lead-in's sentence: the lead-in's negation is the item's ("Unlike opioids,
        # ketamine does not cause: - Physical dependence"), and so is ketamine set apart from another drug's harms
        # ("Unlike ketamine, opioids cause: - Addiction": ketamine is said not to)
        negated = _first(c["negation"], governing) or (set_apart.group(0).strip() if set_apart else None)
        if negated:
            reasons["polarity"] = f"negation {negated!r} in the list's lead-in {candidate.lead_in.strip()!r}"
    if negated and not _first(c["negation_strict"], negated) and not set_apart:
        negated = None  # "minimal", "rarely" make a harm small (the direction says so), they do not deny it
    polarity = "negative" if negated and kind in HARM_KINDS + ("mechanism", "dosing") else "positive"
    if kind == "efficacy" and _first(c["fades"], own):
        negated, polarity = _first(c["fades"], own), "negative"  # "it will not cure them"
    if negated and polarity == "negative" and "polarity" not in reasons:
        reasons["polarity"] = f"negation {negated!r}"
    if caution and polarity == "negative":
        polarity = "positive"  # "high blood pressure that is not under control": the condition's own words
    if polarity == "positive":
        reasons.pop("polarity", None)
        if undone:
            reasons["polarity"] = undone
    q, why = quantity(own if kind != "onset" or re.search(r"\d|minutes|hours|days", own, re.I) else text, kind)
    if q is not None and kind == "duration" and without_times_not(own) != own:
        # a time the pain has lasted or the drug been used ("pain that has lasted for decades") is not relief's
        q, why = quantity(without_times_not(own), kind)
    if q is None and kind == "onset":
        q, why = quantity(text, kind)
    if q is None and kind == "duration" and candidate.lead_in and relief_time(candidate.lead_in):
        q, why = quantity(text, kind)  # the lead-in's time ("months of relief for:")
    if q is None and denied:
        span = rules()["normalise"]["unending_days"]
        q, why = Quantity("duration_days", float(span["low"]), float(span["high"])), f"relief never ends: {denied!r}"
    if q:
        reasons["quantity"] = why
    # a harm named as a bare list item is read with its lead-in's words ("Patients rarely experience: - Nausea")
    said = f"{governing} {own}" if governing and kind in HARM_KINDS else own
    direction = _direction(kind, said, polarity, comparator, q, reasons, outcomes)
    lasting_denied = _first(c["lasting_denied"], main_clause(own)) if kind == "duration" and q is None else None
    if lasting_denied and direction == "lasts":
        # "does not give lasting relief": relief said not to last, not relief that lasts
        direction, reasons["direction"] = "fades", f"lasting relief denied: {lasting_denied!r}"
    if caution:
        # "reduced lung function" names the patient's condition, not a harm lessened
        direction, reasons["direction"] = "causes", "harm in people who have the condition the list of cautions names"
    kept = harm_reassured(said) if direction == "does_not_cause" and kind in HARM_KINDS else None
    if kept:
        # "patients stay relaxed": the state kept is not the harm; the harm denied is what the rest of the sentence
        # names ("blood pressure" in "blood pressure stays normal"), else side effects in general
        rest = masked.replace(kept, " " * len(kept))
        outcomes = _outcomes(kind, _tags(rest).get("outcome", []), rest, own.replace(kept, " " * len(kept)))
        if not outcomes or outcomes == ["pain_intensity"]:
            outcomes = ["adverse_events"]
        reasons["outcomes"] = f"the harm denied, not the state kept ({kept!r})"
    purpose = _SEDATIVE_ROLE.search(own) if kind in HARM_KINDS and direction == "does_not_cause" else None
    if purpose and outcomes == ["sedation"]:
        # "ketamine is the safest and most effective sedative choice": sedation is what it is given for, not the harm
        # the claim says it spares; the claim is that it is safe as a sedative
        outcomes = ["adverse_events"]
        reasons["outcomes"] = f"sedation is what it is given for ({purpose.group(0)!r}), not a harm denied"
    denied_effect = effect_denied(own) if kind == "efficacy" and direction == "improves" else None
    if denied_effect:
        # "Ketamine given around surgery did not reduce opioid use": the claim is that it does not work, weighed on
        # the evidence that it does, turned round (a verdict for the effect would endorse the opposite of the claim)
        direction, polarity = "no_effect", "negative"
        reasons["direction"] = reasons["polarity"] = f"the effect is denied: {denied_effect!r}"
    if direction in COMPARED_DIRECTIONS and not comparator:
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
        terms=_terms(whole),  # every word of the claim is searched for, the phrase set aside too
        assertion="",
        concepts=concepts,
        condition=carried,
        reasons=reasons,
    )
    w = _first(c["testimonial"], own)
    if w:
        n.checkable = False
        reasons["checkable"] = f"a patient's own words ({w!r}): an anecdote the literature cannot check"
    w = _first(c["own_record"], own)
    if w:
        n.checkable = False
        reasons["checkable"] = f"the clinic's own record ({w!r}): the literature cannot check it"
    w = _first(c["prescriptive"], own)
    if w:
        n.checkable = False
        reasons["checkable"] = f"how it ought to be given ({w!r}): a rule of practice, not a finding to check"
    w = _first(c["interaction"], own)
    if w:
        n.checkable = False
        reasons["checkable"] = f"another drug said to change what ketamine does ({w!r}): an interaction the claim's"
        reasons["checkable"] += " proposition cannot name, so evidence that ketamine relieves pain would not show it"
    if unnamed:
        n.checkable = False
        reasons["checkable"] = unnamed
    if labelled and kind in HARM_KINDS and direction == "causes" and not _first(c["harm_occurs"], labelled[1]):
        # "Nausea: mild and brief", "Addiction: not a problem for our patients": no rule reads what the qualifier says
        # of the harm, and read without it the item would say ketamine causes the harm, which the page does not say
        n.checkable = False
        reasons["checkable"] = (
            f"what the label's qualifier says of the harm ({labelled[1]!r}) is not read: the item does not say that "
            "the harm happens, and no reading of it checks what it says"
        )
    level = harm_level_with(own) if kind in HARM_KINDS and polarity != "negative" and not comparator else None
    if level:
        # "as safe as ibuprofen": what ketamine is set level with is no comparator the proposition can name, and
        # without it the claim would be weighed as a harm absent with ketamine alone, which it does not say
        n.checkable = False
        reasons["checkable"] = (
            f"a harm set level with another treatment's ({level[0]!r}): {level[1]!r} is no comparator the "
            "proposition can name, and evidence on ketamine alone would not show it"
        )
    strong = pattern("strength", "strong").search(candidate.lead_in) if governing and kind == "mechanism" else None
    if strong:
        # "In every patient, ketamine eliminates: - Inflammation": the item's statement of what the drug does is
        # weighed without the lead-in's absolute, which no statement of a mechanism can show
        n.checkable = False
        reasons["checkable"] = (
            f"the list's lead-in says it absolutely ({strong.group(0)!r} in {candidate.lead_in.strip()!r}): a "
            "statement of what the drug does cannot check that"
        )
    w = _first(c["psychiatric"], text)
    if w and kind == "efficacy" and "pain_intensity" not in outcomes:
        n.indirect_only = True
        reasons["indirect_only"] = (
            f"a condition other than pain ({w!r}): a pain library can only hold indirect evidence"
        )
    n.assertion = _assertion(n)
    if caution:
        n.assertion += f" in people with {own.strip().rstrip('.')}"
    n.topic, why = topic_of(kind, direction, outcomes, q.name if q else None, severity, regimen, population)
    if n.topic:
        reasons["topic"] = why
    return n


def topic_of(
    kind: str,
    direction: str,
    outcomes: list[str],
    quantity: str | None,
    severity: str | None = None,
    regimen: str | None = None,
    population: list[str] | tuple[str, ...] = (),
) -> tuple[str, str]:
    """The topic a claim is on, read from its proposition, and why (the names are in ``data/claim_text.toml``). Two
    pages' claims on one topic contradict each other when one denies what the other asserts ("no respiratory
    depression" against "breathing problems") or their figures do not overlap, so a topic is only given where that
    holds: a named harm said to happen or not (not side effects in general, nor ones said to pass: "mild dizziness"
    does not deny "well tolerated"); how long relief lasts or how soon it comes, for one regimen and population (relief
    for hours after a single dose does not deny months after a series); relief said to last or to be only temporary.
    None for a comparison (less harm than opioids does not deny that the harm happens) nor for a statement."""
    names = _cues()["topics"]
    if kind in HARM_KINDS and direction in ("causes", "does_not_cause"):
        harms = [o for o in outcomes if o != "adverse_events"]
        if harms:
            serious = severity == "serious"
            topic = names["harm"].get(harms[0], harms[0]) + ("_serious" if serious else "")
            return topic, f"the {'serious ' if serious else ''}harm it names: {harms[0]}"
    if direction in ("onset", "lasts", "fades") and quantity in names:
        topic = "/".join([names[quantity], *([regimen] if regimen else []), *sorted(population)])
        return topic, f"relief given a figure ({quantity}), for its regimen and population"
    if quantity is None and (
        direction == "fades" or (direction in ("lasts", "improves") and "duration_of_relief" in outcomes)
    ):
        return names["lasting_relief"], f"relief said to {'be only temporary' if direction == 'fades' else 'last'}"
    return "", ""


def relief_phase(text: str) -> str | None:
    """The words saying a claim's figure is for one phase of the relief ("this phase can last a few hours"), if any:
    its upper end is not how long the relief lasts."""
    m = _cues()["relief_phase"].search(text)
    return m.group(0) if m else None


def _named_comparator(text: str) -> tuple[str, str] | None:
    """The first comparator a text names, with its words."""
    for name, rx in _cues()["comparator"]:
        w = _first(rx, text)
        if w:
            return name, w
    return None


def route_contrast(own: str) -> tuple[str, str] | None:
    """What a claim that sets ketamine's routes against each other compares with, and the words: the route named
    right after "than", "against", "compared with" ("after 7 minutes, against 13 minutes when swallowed": oral); in
    "A, but B" the routes of A ("nasal sprays and oral lozenges, but IV infusion is still the most effective":
    intranasal and oral); else the other routes ("the two routes relieved pain to a similar degree"). None unless the
    claim names two routes, or one after "than", or "the two routes", with a word of comparison."""
    c = _cues()
    mentions = sorted((m.start(), name, m.group(0)) for name, rx in c["routes"] for m in rx.finditer(own))
    against = [
        (name, word)
        for at, name, word in mentions
        if c["route_against"].search(own[:at]) and not c["route_against_not"].search(own[:at])
    ]
    if against:
        names = list(dict.fromkeys(name for name, _ in against))
        return _routes_compared(names), f"{against[0][1]!r} after a comparison"
    cue = _first(c["route_contrast"], own)
    named = list(dict.fromkeys(name for _, name, _ in mentions))
    both = _first(c["routes_both"], own)
    if not cue or (len(named) < 2 and not both):
        return None
    split = c["route_split"].search(own)
    if split and len(named) >= 2:
        before = list(dict.fromkeys(n for at, n, _ in mentions if at < split.start()))
        new = list(dict.fromkeys(n for at, n, _ in mentions if at > split.start() and n not in before))
        if before and new:
            return _routes_compared(before), f"{', '.join(before)} set against {', '.join(new)} ({split.group(0)!r})"
    words = both or " and ".join(repr(w) for _, _, w in mentions)
    return "other routes", f"{words} compared ({cue!r})"


def _routes_compared(names: list[str]) -> str:
    return f"{names[0]} route" if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]} routes"


def _comparator(
    kind: str,
    own: str,
    candidate: Candidate,
    routes: list[str],
    on_page: str | None = None,
    contrast: tuple[str, str] | None = None,
) -> tuple[str | None, str]:
    """What the claim compares ketamine with, and the words. A comparison word ("than", "unlike", "instead of")
    makes any claim comparative; a bare mention of another drug counts only in the kinds that compare by nature. A
    list under a heading that compares ("Ketamine versus opioids") compares with what the heading names; a route
    said to be the fastest, or to take longer, is compared with the other routes, and routes set against each other
    (``contrast``, from ``route_contrast``) with the one the others are set against. A claim that contrasts without
    naming ("by contrast", "an effective alternative", or of dependence "lowers the risk of") compares with what the
    sentence before names, else with what the page's title compares it with (``on_page``)."""
    c = _cues()
    w = remedy_for_harm(own) if kind in HARM_KINDS else None
    if w:
        return REMEDY_COMPARATOR, f"a remedy for its side effects: {w!r}"
    equal = as_good_as(own) if kind == "comparative" else None
    if equal:
        return equal[0], f"{equal[1]!r}, the drug it is said to work as well as"
    compared = harm_compared(own) if kind in HARM_KINDS else None
    if compared:
        named = _named_comparator(own)
        if named:
            return named[0], f"{named[1]!r}, what the harm is set against"
        return compared[2], f"what the harm is set against: {compared[0]!r}"
    for name, rx in c["comparator"]:
        w = _first(rx, own)
        if w and (kind in ("comparative", "dependence", "safety", "mechanism", "onset") or _COMPARES.search(w)):
            return name, f"{w!r}"
    for heading in (candidate.heading, candidate.section) if candidate.lead_in else ():
        if heading and _VERSUS.search(heading):
            for name, rx in c["comparator"]:
                w = _first(rx, heading)
                if w:
                    return name, f"{w!r} in the heading {heading!r}"
    if contrast:
        return contrast[0], f"routes set against each other: {contrast[1]}"
    w = _first(c["time_contrast"], own) if kind == "onset" else None
    if w:
        # "within hours rather than weeks": sooner than the treatments that take weeks, not only soon
        return _named_before(w, candidate) or (OTHER_TREATMENTS, f"{w!r}: set against the time other treatments take")
    w = _first(c["route_speed"], own)
    if w and routes and kind in ("onset", "comparative"):
        return "other routes", f"{w!r} said of a route"
    w = _first(c["contrast"], own) or (_first(c["lower_risk"], own) if kind == "dependence" else None)
    if w and kind != "history":
        before = _named_before(w, candidate)
        if before:
            return before
        if on_page:
            return on_page, f"{w!r}, against what the page's title compares it with"
    return None, ""


def _named_before(w: str, candidate: Candidate) -> tuple[str, str] | None:
    """The comparator the sentence before names, for a claim that contrasts with ``w`` and names none itself, with the
    words that say so; None if that sentence names none."""
    before = _named_comparator(candidate.previous) if candidate.previous else None
    return (before[0], f"{w!r}, against {before[1]!r} in the sentence before") if before else None


_VERSUS = re.compile(r"\b(?:versus|vs\.?|compared (?:to|with))\b", re.I)
_COMPARES = re.compile(r"\b(?:than|unlike|instead of|compared (?:to|with)|versus|vs\.?|while|whereas|from)\b", re.I)


def _relief_explained(own: str) -> str:
    """The words with which a mechanism claim says where its relief comes from, when what it comes from names a
    mechanism's target (``data/claim_text.toml`` relief_explained), or ""."""
    said = _cues()["relief_explained"].search(own)
    if said is None or not pattern("parts", "consequence_target").search(own, said.end()):
        return ""
    return said.group(0)


def _direction(
    kind: str,
    text: str,
    polarity: str,
    comparator: str | None,
    q: Quantity | None,
    reasons: dict[str, str],
    outcomes: list[str],
) -> str:
    c = _cues()
    if kind in ("history", "dosing") or (kind == "mechanism" and polarity == "negative"):
        # what a dose or schedule achieves is shown only by comparing doses or schedules, which a proposition cannot
        # name: evidence that ketamine relieves pain must not support "consecutive days give the best results"
        reasons["direction"] = "a textbook statement"
        return "states"
    if kind == "mechanism":
        brought = harm_brought_on(text, outcomes)
        if brought:
            # "it sedates", "can bring on sleepiness": more of it with ketamine is what the claim says, not a failure
            reasons["direction"] = f"a mechanism said to bring on {', '.join(outcomes)}: {brought!r}"
            return "causes"
        if outcomes:
            reasons["direction"] = f"a mechanism said to act on {', '.join(outcomes)}"
            return "improves"
        reasons["direction"] = "a mechanism statement"
        return "states"
    if kind in HARM_KINDS:
        if comparator == REMEDY_COMPARATOR:
            reasons["direction"] = "less harm with the remedy than without it"
            return "less_harm"
        level = harm_level_with(text)
        if level and comparator and polarity != "negative":
            # "as safe as a placebo", "the same side effects as morphine": no more harm than the other treatment, which
            # only a head-to-head comparison shows (a harm absent with ketamine alone does not)
            reasons["direction"] = f"a harm set level with the comparator's: {level[0]!r}"
            return "less_harm"
        compared = harm_compared(text) if comparator else None
        if compared:
            reasons["direction"] = f"{'less' if compared[1] else 'more'} harm than the comparator: {compared[0]!r}"
            return "less_harm" if compared[1] else "causes"
        w = _first(c["harm_degree_denied"], text) if comparator else None
        if w:
            reasons["direction"] = f"not the same degree of the harm as the comparator: {w!r}"
            return "less_harm"
        if comparator and polarity == "negative" and outcomes == ["respiratory"]:
            # "In contrast with opioids, ketamine does not markedly suppress breathing", "does not suppress breathing
            # like opioids": breathing kept beside the drug named is a comparison of the harm, shown by trials against
            # it, not an absolute denial that any airway event on record would refute
            reasons["direction"] = f"the harm to breathing denied beside {comparator}'s: less than with it"
            return "less_harm"
        w = harm_lessened(text, outcomes) if polarity != "negative" else None
        if w:
            # "prevents vomiting", "reduces the risk of addiction", "keeps blood pressure stable": less of the harm, or
            # none, never that ketamine causes it
            reasons["direction"] = f"the harm is lessened or kept from happening: {w!r}"
            return "less_harm" if comparator else "does_not_cause"
        w = _first(c["less_harm"], text)
        if w and comparator and polarity != "negative":
            reasons["direction"] = f"less harm than the comparator: {w!r}"
            return "less_harm"
        w = safety_doubted(text) if polarity != "negative" else None
        if w:
            # "There are concerns about the long-term safety of ketamine", "which raises alarm about how safe the drug
            # is": safety put in doubt is a warning that harm may come, never a claim that it does not
            reasons["direction"] = f"safety put in doubt, a warning of harm: {w!r}"
            return "causes"
        w = (_first(c["harm_unlikely"], text) or _first(c["harm_absent"], text)) if kind == "safety" else None
        if w:
            # "Side effects ... are minimal and go away within minutes": a safety claim that the harm is small, whatever
            # it adds about how long the harm lasts (serious harms then weigh against it)
            reasons["direction"] = f"the harm is small or absent: {w!r}"
            return "does_not_cause"
        w = _first(c["transient"], text) or _first(c["effects_pass"], text) or harm_passes(text)
        if w:
            reasons["direction"] = f"short-lived: {w!r}"
            return "transient"
        rare_item = listed_item_rare(text) if kind == "side_effect" else None
        if rare_item:
            reasons["direction"] = (
                f"a list of its side effects, one of them said to be rare ({rare_item!r}): they happen"
            )
            return "causes"
        w = _first(c["harm_absent"], _blank(_LEADING_CONCESSION, text))  # (not "Although ... safe, ...")
        if kind == "side_effect" and w and not _first(c["harm_rare"], text):
            w = None  # a side effect that "can be managed" still happens
        if polarity == "negative" or w:
            reasons["direction"] = f"the harm is absent or rare: {w or reasons.get('polarity', '')!r}"
            return "does_not_cause"
        w = _first(c["harm_suited_despite"], text)
        if w:
            # "it suits patients at risk of having their breathing suppressed": the patients' risk, which ketamine is
            # said not to add to; weighed as the harm happening, the reports of it would support the sentence
            reasons["direction"] = f"a harm named as the risk of the patients it is said to suit: {w!r}"
            return "does_not_cause"
        w = harm_reassured(text)
        if w:
            # "blood pressure stays normal", "patients remain in control", "side effects are a thing of the past": a
            # reassurance says the harm does not happen; weighed as the harm happening, the records that show it
            # would support the very sentence they refute
            reasons["direction"] = f"the harm is said not to happen, or the patient to stay as they were: {w!r}"
            return "does_not_cause"
        reasons["direction"] = "the harm occurs"
        return "causes"
    if kind == "onset":
        if comparator and _first(c["faster"], text):
            return "faster"
        if comparator and _first(c["slower"], text):
            return "slower"
        return "onset"
    if kind == "duration":
        w = _first(c["fades"], text)
        if w and q is None:
            reasons["direction"] = f"relief is temporary: {w!r}"
            return "fades"
        return "lasts"
    if kind == "comparative":
        equal = as_good_as(text)
        if equal and comparator:
            reasons["direction"] = f"as good as {comparator}: {equal[1]!r}"
            return "as_good"
        if _first(c["slower"], text):
            return "slower"
        if _first(c["faster"], text):
            return "faster"
        if _first(c["less_harm"], text):
            return "less_harm"
        return "better"
    if kind == "efficacy" and polarity == "negative":
        reasons["direction"] = f"relief that does not cure: {reasons.get('polarity', '')}"
        return "fades"
    return "improves"
