"""Find the claims of a marketing page: sentences and list items that assert something testable about ketamine.

A page is read as lines: headings (questions, and lines without a full stop that are short or in title case;
"1. Acute Phase" between paragraphs is a numbered heading), list items and paragraphs, which are cut into
sentences. A sentence or list item is a claim when it refers to ketamine (by name, by the words a page uses for it
once it is about ketamine, "it", "the infusions", by what patients feel or get from it, or by how a condition
responds) and asserts an effect, a property, a harm, a time or a regimen, and no rule says it is something else: a
call to action, logistics of the visit, the clinic's positioning, generic advice, a goal or disclaimer, talk about
the page or the research agenda, a protocol with no effect said of it, variability with nothing said of how,
puffery (promise or hope counts as a claim when it is for a condition or a group of patients), or a statement about
another drug, the disease or the body's physiology only ("it" after a sentence about the disease is the disease; a
sentence that does not name ketamine, in a paragraph whose last sentence naming a drug named another, is about that
drug). Whom a sentence is about is read from its grammatical subject: an "it", "its", "this" or "these" is ketamine
only when the subject before it (of the sentence before, of a list's lead-in, or the heading over the section) is
ketamine, and an "it" after a subject that is the disease, the body or a study is that ("Shingles results when ...,
and it usually shows up"); a sentence whose "these" points back to other drugs is about them, whatever the heading;
a bare "treatment" is ketamine only in a section that names ketamine; the items of a lead-in whose subject is the
disease ("Chronic pain involves:", "Symptoms include:") are the disease's; and under a heading that names ketamine
and the conditions it treats, a condition line followed by its own bullets is an item (its bullets are subtypes).
A short yes under a question heading about ketamine ("Put simply, yes.") is a claim of what the question asks; a
heading that is itself a sentence whose subject is ketamine ("Ketamine strongly suppresses mast cells") is a claim as
well as a heading; and "Such conditions may include ...", "These include ..." after a claim is a claim of what it
lists. A heading refers to ketamine only by naming it, a form it is given in, or what the clinic treats ("Conditions We
Treat"), and a sentence that only its heading makes about ketamine is a claim only when it says what patients get
(under "How Ketamine Helps Fibromyalgia", "Central sensitization is the main mechanism" is the disease; a sentence
whose subject "This ..." points back to one naming ketamine is about ketamine). A sentence led by a concessive
clause ("While it has shown promise in relieving pain, it is essential to ...", "Research is still under way, but
several studies back its efficacy"), a variability frame ("Some patients ..., while for others ..."), or a phrase
that names the setting ("given in a monitored and controlled setting,") is a claim when one of its clauses is; a veto
that matches only the other clause or the phrase does not reach it. The rules are regular expressions in
``data/claim_text.toml``; every candidate keeps the rule that let it in and the words that matched (and where: the
sentence, the lead-in, the heading).

A list item is reported with its lead-in (the sentence ending in ":" before the list, a claim about ketamine ending
in a full stop straight above a list of phrases, or the heading above it, a
question heading only when it asks what ketamine treats: "Which Pain Conditions Can Ketamine Treat?"; an
anaphoric "These include:", "Among these conditions are:" takes the sentence before it, and both when they
share a paragraph), and is read with that lead-in and its own section's
heading only; a lead-in that is a research agenda, a call to action or logistics says its list is not claims. A
list item of several sentences that are each a claim is one claim per sentence (sentences among them that are not
claims are left out; one that points back to the sentence before stays with it). A
sentence that only makes sense with the one before it ("Our own statistics clearly show otherwise."; a short
"Ketamine interrupts this cycle." after the sentence describing the cycle; "Doctors first used it decades ago."
after "Ketamine is not a new drug."; "That covers fibromyalgia, CRPS and migraines." after a claim) is reported
together with it, as one claim over both; one that only extends the sentence before it is no claim after a sentence
that is none. Each claim keeps the
sentence before it in its section, which the normaliser reads for a route the claim does not name.
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .._compat import tomllib
from ..tagging.patterns import either
from .text import with_lead_in

# list markers, the check marks and arrows of clinic pages among them ("✓ Fast relief", "✅ No opioids")
_BULLET = re.compile(r"^[ \t]*(?:[•\-*–·▪◦✓✔✅☑►▶→»○●■□◆◇★]\ufe0f?|\d{1,2}[.)])[ \t]+")
_NUMBERED = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+")
# Rules whose sentence may still be a claim in its other clause ("While it shows promise, it carries risks").
_CONCEDES = (
    "advice",
    "call_to_action",
    "puffery",
    "promise",
    "goal_or_disclaimer",
    "meta",
    "logistics",
    "protocol",
    "question",
    "variability",
    "clinic_practice",
    "delivery",
    "coverage",
)
# Rules of what the clinic does, how the drug is delivered and who pays: a sentence they match is still a claim when it
# states an outcome of ketamine (outside its conditions and what is assessed).
_PRACTICE = ("clinic_practice", "delivery", "coverage")
# Rules of a clause that may stand beside a claim in one sentence ("Ketamine is safe; call us today to book your
# infusion", "Our friendly staff will guide you, and ketamine relieves nerve pain within hours"): each clause is read
# alone, and one that names ketamine and is a claim by itself is the claim.
_BESIDE_A_CLAIM = (*_PRACTICE, "logistics", "call_to_action")
# A sentence ends at . ! or ? (with a closing quote or bracket, and a reference mark in square brackets after it: "...
# in 5-10 minutes.[3] By the IM route ...", "[2,3]", "[4-6]", or a bare reference number after a word's stop, a
# superscript flattened: "... adds to suffering and illness.22 Beyond its ...") followed by space and a capital, a quote
# or a bracket; not after an abbreviation.
_SENT_END = re.compile(
    r"([.!?][\"”’)]?(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|(?<=[a-z][.!?])\d{1,3}(?:[,–-]\d{1,3})*)?)\s+(?=[A-Z“\"(\[‘'])"
)
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|Dr|Mr|Mrs|Ms|Prof|St|No|approx|etc|al|Fig|U\.S|[A-Z])\.)$")
_LEAD_TAIL = re.compile(
    r"[,;]?\s*(?:but|and|while)?\s*[^,;:]*\b(?:include|includes|including|are|is|such as|the following|"
    r"examples?|below|for|who|on|ways?|are as follows)\s*:\s*$",
    re.I,
)
_ANAPHORIC_LEAD = re.compile(r"^(?:(?:among|of) )?(?:these|they|examples|this|those|some)\b[^.:]{0,40}:$", re.I)
_CARRIED_BY_PREVIOUS = re.compile(
    r"\b(?:show|shows|showed|prove|proves|proved|suggest|suggests|indicate|indicates)\s+(?:clearly\s+)?"
    r"(?:otherwise|the opposite|the contrary)\b|\bclearly show otherwise\b",
    re.I,
)


# "This inhibits ...", "These changes lead to ...": a subject that points back to the sentence before
_DEMONSTRATIVE_SUBJECT = re.compile(r"^(?:this|these)\b(?:\s+\w+){0,2}?\s+(?:\w+s|can|may|will|helps?|leads?)\b", re.I)
# "That can lessen how much pain is perceived": "that" as the subject, followed by what it does (not "That matters")
_THAT_DOES = re.compile(
    r"^that\s+(?:(?:in turn|then|alone|effect|action|blockade|change)\s+)?(?:can|may|could|will|might|helps?|leads?|"
    r"reduces?|lessens?|eases?|lowers?|allows?|lets?)\b",
    re.I,
)
# "Put simply, yes.": a short answer to the question heading above it, which says what is answered
_YES = re.compile(
    r"^(?:(?:put simply|simply put|in short|in a word|the (?:short|simple) answer is)[,:]?\s+)?"
    r"(?:yes|absolutely|definitely|certainly)\b[\s,.!:;]*$",
    re.I,
)
# ketamine referred to near the start of a sentence, by a pronoun or "this drug"
_PRONOUN = re.compile(r"\b(?:it|its|this (?:drug|medication|medicine))\b", re.I)
# "While <one clause>, <other clause>": a sentence led by a concessive clause, cut at its first comma.
_CONCESSIVE = re.compile(r"^((?:while|although|though|even though|whilst)\b[^,]{8,}),\s*(.{8,})$", re.I | re.S)
# "<one clause>, but <other clause>": the concession first, the claim after it (or, before a visit's logistics, the
# claim first: "Ketamine is usually well tolerated, but should side effects occur, our staff will ...").
_CONCEDED_BUT = re.compile(r"^([^,]{8,}),\s*(?:but|yet)\s+(.{8,})$", re.I | re.S)
# "Some patients ..., while for others <claim>": that patients differ, and what the others get from the treatment.
_WHILE_OTHERS = re.compile(r"^(.{8,}?),\s*(?:while|whereas)\s+(?:for\s+)?others\b,?\s*(.{8,})$", re.I | re.S)
# "If it is given in a clinic, <main clause>", "Given in a monitored setting, <main clause>": a leading conditional or
# participial phrase, and one set off by commas inside the sentence ("Studies show that, given in a monitored and
# controlled setting, ketamine has ..."); the main clause is the sentence without it.
_LEADING_PHRASE = re.compile(
    r"^(?:(?:yes|no)\b[\s:,.!-]+)?((?:if|when|once|given|used|administered|delivered|taken|provided|before|after|during)"
    r"\b[^,;]{4,60}),\s*(.{8,})$",
    re.I | re.S,
)
_INNER_PHRASE = re.compile(
    r"^(.{4,}?),\s*((?:if|when|once|given|used|administered|delivered|taken|provided)\b[^,;]{4,60}),\s*(.{8,})$",
    re.I | re.S,
)
# "ketamine has no addictive potential and can be given regularly": a claim and a second predicate that says how it is
# given
_AND_PREDICATE = re.compile(r"^(.{8,}?)\s+and\s+(?:can|may|will|is|are|should|must)\b\s*(.{8,})$", re.I | re.S)
# "<logistics>, because <claim>": "you need a companion to drive you home, because the ketamine will make you tired"
_BECAUSE = re.compile(r"^(.{8,}?),?\s+(?:because|since)\s+(.{8,})$", re.I | re.S)
# "<claim>, and we monitor you throughout", "<claim>; we give it as a slow drip", "<coverage>, though <claim>": two
# clauses, either of which may be the claim when the other is the clinic's practice, delivery or coverage
_TWO_CLAUSES = re.compile(
    r"^(.{8,}?)(?:,\s*(?:and|so(?!\s+that\b)|though|although|while)\s+|;\s*)(.{8,})$", re.I | re.S
)
# "because ketamine can raise it": a clause whose object is a pronoun for what the clause before it names
_OBJECT_PRONOUN = re.compile(r"\b\w+\s+(?:it|them)\s*[.!]?\s*$", re.I)


# A sentence whose subject is "it" or that compares with other treatments is about ketamine, not about them.
_COMPARED = re.compile(
    r"^(?:it|its)\b|\b(?:than|from|unlike|compared (?:to|with)|instead of|versus)\s+(?:\w+\s+){0,2}"
    r"(?:other|conventional|standard|traditional|usual|opioids?|nsaids)\b",
    re.I,
)


_ABOUT = re.compile(r"\b(?:it|its|relief|patients?|you)\b", re.I)
# "For patients with chronic migraine, standard medications ...": a leading clause that names who, not what they get
_FOR_WHOM = re.compile(r"^for (?:patients|people|those|individuals|sufferers)\b[^,]{0,60},\s*", re.I)


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    text = resources.files("ketalit").joinpath("data/claim_text.toml").read_text(encoding="utf-8")
    data = with_fragments(tomllib.loads(text))
    n = data["normalise"]
    for name in n["rarity_in"]:  # the words of rarity, one home, joined to each list that reads them
        n[name] = [*n[name], *n["rarity"]]
    for name in n["risk_denied_in"]:  # a harm's risk or chance denied ("zero risk"), one home, joined likewise
        n[name] = [*n[name], *n["risk_denied"]]
    # an amount of the drug is a word of dosing (the kind rule that reads it alone keeps its own list)
    n["dosing_schedule"] = list(n["dosing"])
    n["dosing"] = [*n["dosing"], *n["dose_amount"]]
    # a lead-in of contraindications is one of cautions too: one home for the lead-ins both read
    n["lead_in_caution"] = [*n["lead_in_caution"], *n["lead_in_contraindication"]]
    return data


# "(?&sparing_verb)" in a pattern stands for the [fragments] entry of that name: PCRE's call of a named pattern, which
# Python's re does not have, so it cannot be read as anything else
_FRAGMENT = re.compile(r"\(\?&(\w+)\)")


def with_fragments(data: dict[str, Any]) -> dict[str, Any]:
    """The rules with each "(?&name)" replaced by the [fragments] pattern of that name, as a group: words that several
    rules share (the verbs of cutting down on opioids) have one home. A name with no fragment is an error."""
    fragments: dict[str, str] = data.pop("fragments", {})

    def fill(pattern: str) -> str:
        def one(m: re.Match[str]) -> str:
            if m.group(1) not in fragments:
                raise ValueError(f"data/claim_text.toml: no [fragments] entry {m.group(1)!r} for {pattern!r}")
            return f"(?:{fragments[m.group(1)]})"

        return _FRAGMENT.sub(one, pattern)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return fill(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return dict(walk(data))


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return either(patterns)


# The short names a page gives ketamine ("subdissociative-dose ketamine (SDK)", "low-dose ketamine (LDK)"): while a
# page is read, a sentence that names one ("SDK relieved pain more than morphine did") names ketamine. Set by
# `extract_claims` for the page it reads.
_ABBREVIATIONS: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("ketamine_abbreviations", default=())
# ketamine, or a form of it, with a short name in brackets after it that has a K in it (not a route's: "(IV)")
_ABBREVIATION_DEFINED = re.compile(
    r"\b(?:es)?ketamine(?:\s+(?:infusions?|infusion therapy|therapy|treatment))?"
    r"\s*\(\s*(?P<short>(?=[A-Z]*K)[A-Z]{2,5})\s*\)"
)


def abbreviations(text: str) -> tuple[str, ...]:
    """The short names ``text`` defines for ketamine ("subdissociative-dose ketamine (SDK)" -> "SDK")."""
    return tuple(sorted({m.group("short") for m in _ABBREVIATION_DEFINED.finditer(text)}))


def _compiled() -> dict[str, Any]:
    """The extraction patterns (``_rules_compiled``), with the short names the page being read gives ketamine
    (``_ABBREVIATIONS``) among its references to ketamine."""
    return _with_abbreviations(_ABBREVIATIONS.get())


@lru_cache(maxsize=16)
def _with_abbreviations(short: tuple[str, ...]) -> dict[str, Any]:
    base = _rules_compiled()
    if not short:
        return base
    names = r"\b(?:" + "|".join(map(re.escape, short)) + r")\b"
    out = dict(base)
    for key in ("ketamine", "ketamine_named"):
        out[key] = re.compile(f"{names}|{base[key].pattern}", base[key].flags)
    return out


@lru_cache(maxsize=1)
def _rules_compiled() -> dict[str, Any]:
    ex = rules()["extract"]
    return {
        "ketamine": _rx(ex["ketamine"]),
        "ketamine_named": _rx(ex["ketamine_named"]),
        "ketamine_form": _rx(ex["ketamine_form"]),
        "treats_heading": _rx(ex["treats_heading"]),
        "conditions_heading": _rx([*ex["conditions_heading"], *ex["conditions_heading_formulary"]]),
        "drug_described": _rx(ex["drug_described"]),
        "treatment_response": _rx(ex["treatment_response"]),
        "promise_for": _rx(ex["promise_for"]),
        "sparing_opioid": _rx(ex["sparing_opioid"]),
        "protocol_effect": _rx(ex["outcome"] + ex["protocol_effect"]),
        "practice_outcome": _rx(ex["outcome"] + ex["practice_outcome"]),
        "practice_condition": _rx(ex["practice_condition"]),
        "practice_assessed": _rx(ex["practice_assessed"]),
        "delivery_right": _rx(ex["delivery_right"]),
        "points_back": _rx(ex["points_back"]),
        "extends_previous": _rx(ex["extends_previous"]),
        "lists_previous": _rx(ex["lists_previous"]),
        "heading_claim": _rx(ex["heading_claim"]),
        "about_treatment": _rx(ex["about_treatment"]),
        "defined_item": _rx(ex["defined_item"]),
        "list_not_claims": set(ex["list_not_claims"]),
        "patient_effect": _rx(ex["patient_effect"]),
        "effect": _rx(ex["effect"] + rules()["normalise"]["history"]),  # its past and standing assert too
        "not_claim": {
            name: _rx(pats + ex["other_drug"] if name == "other_subject" else pats)
            for name, pats in ex["not_claim"].items()
        },
        "not_claim_unless_finding": {name: _rx(pats) for name, pats in ex["not_claim_unless_finding"].items()},
        "finding_reported": _rx(ex["finding_reported"]),
        "finding_stated": _rx(ex["finding_stated"] + ex["outcome"]),
        "other_drug": _rx(ex["other_drug"]),
        "another_treatment": _rx(ex["another_treatment"]),
        "history": _rx(rules()["normalise"]["history"]),
        "subject_opener": _rx(ex["subject_opener"]),
        "subject_conjunction": _rx(ex["subject_conjunction"]),
        "subject_end": _rx(ex["subject_end"]),
        "subject_person": _rx(ex["subject_person"]),
        "subject_points_back": _rx(ex["subject_points_back"]),
        "subject_other": _rx(ex["disease_subject"] + ex["subject_other"]),
        "disease_subject": _rx(ex["disease_subject"]),
    }


@dataclass
class Candidate:
    """One extracted claim: the exact quote with its offsets, the lead-in of a list item, the heading it sits
    under, and why it was taken."""

    document: str
    quote: str
    start: int
    end: int
    lead_in: str = ""
    lead_start: int | None = None
    lead_end: int | None = None
    heading: str = ""
    section: str = ""  # the heading above that one
    why: str = ""
    clause: str = ""  # the clause that makes the claim, when the rest of the sentence is advice or framing
    previous: str = ""  # the sentence before it in its section (for a list item, the one before its lead-in)

    @property
    def text(self) -> str:
        return with_lead_in(self.lead_in, self.quote)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class _Span:
    start: int
    end: int
    text: str
    before: str = ""  # for a lead-in: the sentence before it, which may say what the list is about
    blocked: str | None = None  # for a lead-in: the rule that says its list is not claims
    is_heading: bool = False
    # whom it is about: whether its subject is ketamine (or the treatment), directly or through a pronoun; whether
    # its own "it"/"its" may be ketamine; for a lead-in, whether its subject is the disease
    about_ketamine: bool = False
    antecedent: bool = True  # whether the subject before it is ketamine
    pronoun_ok: bool = True
    disease: bool = False


_PRONOUNS = frozenset({"it", "its", "it's", "it’s"})
# a reference that points back to what the sentence before named ("this treatment", "the drug", "that therapy")
_POINTING_BACK = re.compile(r"^(?:this|that|the|such)\s+\w+$", re.I)
# "treatment" or "therapy" with nothing to say whose: ketamine's only in a section that names ketamine
_GENERIC = re.compile(r"(?:the\s+)?(?:treatments?|therapy|therapies)", re.I)
_SUBORDINATE = re.compile(
    r"^(?:when|whenever|while|whilst|although|though|even though|because|if|once|since(?! then)|as|unless|until|after|"
    r"before|put|given|[a-z]+ing)\b",
    re.I,
)
# words after which one ending in -s or -ed is a noun, not the verb ("these effects", "most patients", "side effects")
_DETERMINERS = frozenset(
    "the a an these those this that its his her their our your my other many most some several such all both few "
    "side common possible potential".split()
)
# a later clause of the sentence whose subject is ketamine or "it" ("The FDA approved ketamine in 1970, and its first
# use was ...")
_LATER_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|so|as)|;)\s+", re.I)


def _named_ref(text: str, generic: bool = True) -> re.Match[str] | None:
    """The first reference to ketamine in ``text`` that is not a pronoun (nor, unless ``generic``, a bare
    "treatment" or "therapy")."""
    return next(
        (
            m
            for m in _compiled()["ketamine"].finditer(text)
            if m.group(0).lower() not in _PRONOUNS and (generic or not _GENERIC.fullmatch(m.group(0)))
        ),
        None,
    )


def _pronoun_ref(text: str) -> re.Match[str] | None:
    return next((m for m in _compiled()["ketamine"].finditer(text) if m.group(0).lower() in _PRONOUNS), None)


def _subject(text: str) -> tuple[int, int, str]:
    """Where a sentence's grammatical subject is (start and end offsets) and the verb that ends it: the main clause
    starts after a leading phrase up to its comma ("In essence,", "When pain is severe,") or a leading conjunction,
    and its subject ends at the first auxiliary or modal verb or word ending in -s or -ed after its first word, at
    most five words in."""
    c = _compiled()
    off = 0
    for _ in range(3):
        m = c["subject_opener"].match(text[off:])
        if m and c["subject_end"].search(m.group(0)) and not _SUBORDINATE.match(m.group(0)):
            m = None  # "For many years ketamine has been used as ...,": the main clause itself, not a leading phrase
        m = m or c["subject_conjunction"].match(text[off:])
        if not m or off + m.end() >= len(text):
            break
        off += m.end()
    found = list(re.finditer(r"[\w’'-]+", text[off:]))[:7]
    words = [w.group(0) for w in found]
    for i, word in enumerate(words[:6]):
        following = words[i + 1] if i + 1 < len(words) else ""
        noun = (
            i == 0 or words[i - 1].lower() in _DETERMINERS or following == "of" or c["subject_end"].fullmatch(following)
        )
        if i == 5 or c["subject_end"].fullmatch(word) or (not noun and re.fullmatch(r"[a-z]{2,}(?:s|ed)", word)):
            return off, off + found[i].start(), word if i < 5 else ""
    return off, len(text), ""


def about_other(text: str, antecedent: bool) -> str | None:
    """Whether a sentence's subject is something other than ketamine: "points back" for a "this", "these" or "it"
    whose antecedent is not ketamine ("Yet these do not give every patient adequate relief" after a sentence on other
    drugs), "other" for the disease ("Shingles results when ..."), else None. (A study's report under a heading that
    names ketamine is still read as about it.)"""
    c = _compiled()
    start, end, verb = _subject(text)
    subject = text[start:end]
    if _named_ref(subject):
        return None
    if _pronoun_ref(subject) or c["subject_points_back"].match(subject):
        return None if antecedent else "points back"
    if c["subject_person"].search(f"{subject} {verb}"):
        return None
    head = re.split(r"\b(?:at|of|in|on|for|with|from|to|by)\b", subject, maxsplit=1)[0]
    return "other" if any(m.start() < start + len(head) for m in c["disease_subject"].finditer(text, start)) else None


def whom(text: str, antecedent: bool) -> tuple[bool, bool]:
    """Whom a sentence is about, given whether the subject of the sentence before it (or of its list's lead-in, or
    the heading above) is ketamine: (whether its own subject is ketamine or the treatment, whether an "it" or "its" in
    it may be ketamine). A pronoun in the subject, or after a subject that cannot be "it" (people, a plural), takes
    the antecedent; one after a subject that is some other single thing ("Shingles results when ..., and it usually
    shows up") is that thing."""
    c = _compiled()
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 4:
        return antecedent, antecedent  # a label ("Physiology:") says nothing of whom the next sentence is about
    if c["drug_described"].match(text):
        return True, True  # "An anaesthetic drug which ... serves as a painkiller": the drug, its subject left out
    start, end, verb = _subject(text)
    subject = text[start:end]
    pronoun = _pronoun_ref(text)
    named = _named_ref(text)
    if named and pronoun and named.start() < min(start, pronoun.start()):
        antecedent = True  # "While ketamine shows real potential, it also carries risks"
    in_subject = bool(_named_ref(subject))
    points_back = bool(_pronoun_ref(subject) or c["subject_points_back"].match(subject))
    person = bool(c["subject_person"].search(f"{subject} {verb}"))
    # a subject that is the disease, the body or a study is what a later "it" is ("your brain ... treat it as normal")
    other = bool(c["subject_other"].search(subject))
    bound_here = bool(pronoun and pronoun.start() >= end and other and not (in_subject or points_back or person))
    pronoun_ok = antecedent and not bound_here
    if in_subject:
        return True, pronoun_ok
    if points_back:
        return antecedent, pronoun_ok
    if other and not person:
        later = any(
            _named_ref(text[m.end() : m.end() + 30]) or _pronoun_ref(text[m.end() : m.end() + 12])
            for m in _LATER_CLAUSE.finditer(text)
        )
        return bool(later and (named or pronoun_ok)), pronoun_ok
    return bool(named) or (bool(pronoun) and pronoun_ok), pronoun_ok


def disease_lead(text: str, pronoun_ok: bool) -> bool:
    """A lead-in whose subject is the disease, its signs or its causes ("Chronic pain involves ...:", "Other
    characteristics of phantom limb pain include:"), and which refers to ketamine neither by name nor by an "it" that
    may be ketamine: its items are the disease's."""
    c = _compiled()
    start, end, verb = _subject(text)
    subject = text[start:end]
    if _named_ref(text) or (pronoun_ok and _pronoun_ref(text)) or c["subject_person"].search(f"{subject} {verb}"):
        return False
    return bool(c["disease_subject"].search(subject))


def sentences(line: str, offset: int) -> list[_Span]:
    """The sentences of one line of text, with their offsets in the page."""
    out: list[_Span] = []
    start = 0
    for m in _SENT_END.finditer(line):
        piece = line[start : m.end(1)]
        if _ABBREV.search(piece.rstrip()) or not piece.strip():
            continue
        out.append(_Span(offset + start, offset + start + len(piece.rstrip()), piece.rstrip()))
        start = m.end()
    rest = line[start:].rstrip()
    if rest.strip():
        out.append(_Span(offset + start, offset + start + len(rest), rest))
    return out


def _is_heading(stripped: str) -> bool:
    """A question on its own line, or a line without closing punctuation that is short or in title case (a longer
    line in sentence case is a sentence whose full stop is missing)."""
    if stripped.endswith("?"):
        return len(sentences(stripped, 0)) == 1 and len(stripped.split()) <= 25
    if stripped.endswith((".", "!", ":", ";", ",")) or stripped.endswith(('."', ".”")):
        return False
    words = stripped.split()
    if len(words) <= 12:
        return True
    long_words = [w for w in words if len(w) > 3]
    return len(words) <= 20 and sum(w[0].isupper() for w in long_words) * 2 > len(long_words)


def _main_clause(text: str) -> str | None:
    """The sentence without a leading or inner conditional or participial phrase ("Given in a monitored setting,
    ketamine has ..." -> "ketamine has ...", after an answer's "Yes:" too; "Studies show that, given in a monitored and
    controlled setting, ketamine has ..." -> "Studies show that ketamine has ..."), or None: a veto that matched only in
    that phrase ("controlled setting") does not reach the main clause."""
    m = _LEADING_PHRASE.match(text.strip())
    if m:
        return m.group(2).strip()
    m = _INNER_PHRASE.match(text.strip())
    if m:
        return f"{m.group(1).strip()} {m.group(3).strip()}"
    return None


def not_claim_reason(text: str, list_item: bool = False, context: str = "") -> str | None:
    """The name of the rule that says a sentence (or a list item, which may be a single word) is not a claim.
    ``context`` is what a list item is read with (its lead-in and the sentence before it)."""
    found = not_claim_match(text, list_item, context)
    return found[0] if found else None


def states_outcome(text: str) -> re.Match[str] | None:
    """The words by which a sentence states an outcome of the treatment, read without its conditions and what it
    says is assessed ("if you respond well, we advise ...", "we will judge how well it is working"), or None."""
    c = _compiled()
    said = c["practice_assessed"].sub(" ", c["practice_condition"].sub(" ", text))
    return c["practice_outcome"].search(said)


# A question the sentence asks or says is asked, to its clause's end or a "that": anywhere, "whether ..." and "how ..."
# ("whether ketamine could help prevent PTSD", "How ketamine eases pain has not been worked out", "want to know whether
# it works should know that 70% respond"); right after a rule's words, "which", "what" or "who" too ("don't know yet
# which patients ketamine will help", "have examined what long-term use of ketamine may risk", "starting to ask what
# part ketamine can play in relieving pain"): what it names is not stated. (Not "why": "Doctors do not know why ketamine
# relief outlasts the drug by weeks" states that it does.) A time counted from an event ("within 30 days of their
# surgery") is when patients were given it, not how fast it acts.
_CLAUSE_REST = r"[^,;.]*?(?=[,;.]|\s+(?:and|but|so|though|yet|while|that)\b|$)"
_ASKED = re.compile(r"\b(?:whether|how)\b" + _CLAUSE_REST, re.I)
_ASKED_LAST = re.compile(r"\b(?:whether|if|how|which|what|who|when)\s*$", re.I)
_ASKED_NEXT = re.compile(
    r"^\s*(?:(?:yet|really|fully|exactly|still|just|now)\s+)?(?:whether|if|how|which|what|who)\b" + _CLAUSE_REST, re.I
)
_FROM_EVENT = re.compile(
    r"\b(?:within|after|before) \d+ (?:minutes|hours|days|weeks|months|years) of (?:their|the|his|her|your) \w+", re.I
)


def states_finding(text: str, ruled: re.Match[str]) -> re.Match[str] | None:
    """The words by which a sentence states a finding of the treatment outside the words ``ruled`` that a rule of
    `not_claim_unless_finding` matched, or None: a study or the clinic reporting what it saw ("saw pain fall",
    "point to a 30% reduction"), read in the whole sentence, or a result, harm or action stated ("55% of patients
    did", "can raise blood pressure", "relieves pain within hours"), read without the sentence's conditions and the
    questions it asks ("studying whether ketamine could help prevent PTSD", "counts as a success if pain falls by
    half")."""
    c = _compiled()
    before, after = text[: ruled.start()], text[ruled.end() :]
    reported = c["finding_reported"].search(f"{before} {after}")
    if reported:
        return reported
    # the question or condition the rule's words end on ("testing whether", "counts as successful when") goes on
    last = _ASKED_LAST.search(ruled.group(0))
    after = _ASKED_NEXT.sub(" ", f"{last.group(0) if last else ''}{after}", count=1)
    rest = " ".join(f"{before} {after}".split())
    said = _ASKED.sub(" ", _FROM_EVENT.sub(" ", rest))
    said = c["practice_assessed"].sub(" ", c["practice_condition"].sub(" ", said))
    return c["finding_stated"].search(said)


# a heading asked without its question mark ("How it works:", "What to expect:", "Why choose ketamine:"): it says what
# follows, and asserts nothing itself
_ASKED_HEADING = re.compile(r"^\W*(?:how|what|why|when|where|who|which)\b[^.?!:;]{0,50}:\s*$", re.I)
# a label of one to three words with a colon ("2. Indications:", "Side effects:", "Scope:"), numbered as a list item or
# not: it names what follows, and asserts nothing itself
_LABEL_HEADING = re.compile(r"^\W*(?:\d+[.)]\s*)?[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:\s*$")


def not_claim_match(text: str, list_item: bool = False, context: str = "") -> tuple[str, str] | None:
    """The rule that says a sentence is not a claim and the words it matched (empty for a question or a sentence too
    short), or None: what `not_claim_reason` names, with its words, for a reader of why a sentence was left out."""
    t = text.strip()
    if t.rstrip("\"”’' ").endswith("?") or _ASKED_HEADING.match(t):
        return "question", ""
    if len(re.findall(r"[A-Za-z]{2,}", t)) < (1 if list_item else 3):
        return "too short", ""
    if t.isupper() and len(t) > 20:
        return "notice in capitals", ""
    c = _compiled()
    for name, rx in c["not_claim"].items():
        m = rx.search(t)
        unless = c["not_claim_unless_finding"].get(name)
        if not m and unless is not None:
            # a rule that holds only where the sentence states no finding of the treatment (`states_finding`)
            m = unless.search(t)
            if m and states_finding(t, m):
                m = None
        if m and name == "other_subject":
            lead = _FOR_WHOM.match(t)
            # ketamine or the relief patients get, in the other drug's own clause ("We monitor you throughout, and
            # gabapentin causes drowsiness": "you" is the clinic's, the harm gabapentin's)
            since = max((b.end() for b in _LATER_CLAUSE.finditer(t, 0, m.start())), default=lead.end() if lead else 0)
            first = _ABOUT.search(t, since)
            if (
                c["ketamine_named"].search(t)
                or (list_item and (c["ketamine"].search(context) or c["treats_heading"].search(context)))
                or _COMPARED.search(t)
                or c["sparing_opioid"].search(t)
                or c["treatment_response"].search(t)
            ):
                continue
            if first and first.start() < m.start():
                continue  # ketamine (or the relief patients get) comes first: the other drug is a comparison
        if m and name == "promise" and c["promise_for"].search(t):
            continue  # "offers hope to those living with persistent pain": a claim that it helps them
        if m and name == "protocol" and c["protocol_effect"].search(t):
            continue  # "a low, sub-anesthetic dose is given so that it is absorbed gradually" says what the dose does
        if m and name in _PRACTICE and states_outcome(t):
            continue  # "we see most patients improve within days": the clinic's voice, stating an outcome
        main = _main_clause(t) if m and name in _PRACTICE else None
        if main is not None and not rx.search(main):
            continue  # "Given as a continuous infusion into a vein, this medicine may block ...": only the phrase
        if m and name == "delivery" and c["delivery_right"].search(c["practice_condition"].sub(" ", t)):
            continue  # "a low, sub-anesthetic dose is given over 40 minutes": a dose stated, a claim of dosing
        if m:
            if name in ("positioning", "puffery") and c["history"].search(t):
                continue  # "Doctors have been using ketamine as an anaesthetic for decades" is history
            return name, m.group(0).strip()
    if _LABEL_HEADING.match(t):  # (after the rules: "Ongoing research explores:" is the state of research)
        return "heading", ""
    return None


def left_out(text: str, quotes: list[str]) -> list[tuple[str, str, str]]:
    """The sentences of a page that no claim covers, each with the rule that says it is not a claim and the words it
    matched (read as the sentence stands alone; empty when no rule matched and the sentence was left out for want of
    a reference to ketamine or of an effect): what a reader of a check needs to see why a sentence is missing."""
    out: list[tuple[str, str, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = _BULLET.sub("", line.rstrip("\n"))
        for span in sentences(body, offset):
            sentence = span.text.strip()
            if sentence and not any(sentence in q or q in sentence for q in quotes):
                found = not_claim_match(sentence)
                out.append((sentence, *(found or ("", ""))))
        offset += len(line)
    return out


def lists_conditions(heading: str) -> str | None:
    """The words by which a heading says the list under it is of conditions the treatment helps ("Which Pain
    Conditions Can Ketamine Treat?", "What can it help with?"), or None."""
    m = _compiled()["conditions_heading"].search(heading)
    return m.group(0) if m else None


def _in_heading(heading: str) -> str | None:
    """The words by which a heading names ketamine: its name, a form it is given in ("Intravenous (IV) infusion"), or
    what the clinic treats with it ("Conditions We Treat", "What can it help with?"). A pronoun in a heading ("Why It
    Persists") has nothing to refer to."""
    c = _compiled()
    m = (
        c["ketamine_named"].search(heading)
        or c["ketamine_form"].search(heading)
        or c["treats_heading"].search(heading)
        or c["conditions_heading"].search(heading)
    )
    return m.group(0) if m else None


def claim_reason(
    text: str,
    context: str = "",
    headings: tuple[str, ...] = (),
    context_is_heading: bool = False,
    list_item: bool = True,
    pronoun_ok: bool = True,
    lead_pronoun_ok: bool = True,
    generic_ok: bool = True,
) -> str | None:
    """Why ``text`` (with its lead-in as ``context``, under ``headings``) is a claim, or None when it is not one.
    A heading (or a lead-in that is a heading) refers to ketamine only by naming it or a form it is given in, and
    a sentence (not a list item) that only its heading makes about ketamine must say what patients get. An "it" or
    "its" refers to ketamine only where ``pronoun_ok`` (``lead_pronoun_ok`` in the lead-in) says the subject before
    it is ketamine (`whom`)."""
    c = _compiled()
    effect = c["effect"].search(text) or (context and c["effect"].search(context))
    if not effect:
        return None
    for where, words, ok in (
        ("the sentence", text, pronoun_ok),
        ("the lead-in", "" if context_is_heading else context, lead_pronoun_ok),
    ):
        named = words and _named_ref(words, generic_ok)
        ref = named or (words and ok and _pronoun_ref(words))
        if ref:
            how = "" if named else ", after a subject that is ketamine"
            return f"refers to ketamine ({ref.group(0)!r} in {where}{how}) and asserts {effect.group(0)!r}"
    for heading in headings:
        ref_words = _in_heading(heading)
        if not ref_words:
            continue
        if not list_item:
            # a sentence that names nothing of the treatment is about it only when it says what patients get from
            # it; "Central sensitization is the main mechanism" under "How Ketamine Helps Fibromyalgia" is the disease
            about = c["about_treatment"].search(text)
            if not about:
                break
            return (
                f"under the heading {heading!r}, which names it ({ref_words!r}), says what patients get "
                f"({about.group(0)!r}) and asserts {effect.group(0)!r}"
            )
        return f"under the heading {heading!r}, which names it ({ref_words!r}), asserts {effect.group(0)!r}"
    pe = c["patient_effect"].search(f"{context} {text}".strip())
    if pe:
        return f"says what patients get from it ({pe.group(0)!r}) and asserts {effect.group(0)!r}"
    responds = c["treatment_response"].search(text)
    if responds:
        return f"says how a condition responds to it ({responds.group(0)!r})"
    return None


def _before(text: str, part: str, antecedent: bool) -> bool:
    """The antecedent of a clause of ``text``: ketamine when the sentence names it before the clause ("While ketamine
    shows real potential, it also carries risks"), else the sentence's own."""
    at = text.find(part)
    return antecedent or (at > 0 and _named_ref(text[:at]) is not None)


def _concessive_claim(text: str, headings: tuple[str, ...], antecedent: bool = True) -> tuple[str, str] | None:
    """ "While ketamine has shown promise in relieving pain, it is essential to ...", "Research is still under way,
    but several studies back its efficacy", "Ketamine is usually well tolerated, but should side effects occur, our
    staff will ...", "You need a companion to drive you home, because the ketamine will make you tired", "Some
    patients get long-term relief ..., while for others ...", "Studies show that, given in a monitored and controlled
    setting, ketamine has no addictive potential and can be given regularly": a sentence whose one clause (or phrase,
    or second predicate) is advice, framing, logistics, protocol or variability and whose other clause is a claim is a
    claim. (The clause, and why it is one.)"""
    m = _CONCESSIVE.match(text)
    parts: tuple[str, ...] = (m.group(1), m.group(2)) if m else ()
    m = _CONCEDED_BUT.match(text)
    if m and not parts:
        parts = (m.group(2), m.group(1))
    m = _WHILE_OTHERS.match(text)
    if m and not parts:
        # what the others get from the treatment, read with what the first patients get: the claim is both halves
        # (the clause the proposition is read from is what the first patients get, when that is a claim itself)
        first, others = m.group(1), m.group(2)
        ok = whom(others, _before(text, others, antecedent))[1]
        refers = (_named_ref(others) or (ok and _pronoun_ref(others))) and not_claim_reason(others) is None
        why = claim_reason(others, first, headings, pronoun_ok=ok) if refers else None
        if why:
            ok = whom(first, antecedent)[1]
            own = claim_reason(first, "", headings, pronoun_ok=ok) if not_claim_reason(first) is None else None
            clause = first.strip() if own else text.strip()
            return clause, f"the clause after 'others', {others.strip()!r}, {why}"
    m = _BECAUSE.match(text)
    if m and not parts:
        parts = (m.group(2),)
        if _OBJECT_PRONOUN.search(m.group(2)) and _named_ref(m.group(2)) and not_claim_reason(m.group(2)) is None:
            # "We check your blood pressure because ketamine can raise it": "it" is what the first clause names
            why = claim_reason(m.group(2), m.group(1), headings, pronoun_ok=False)
            if why:
                # the whole sentence is the claim's quote: "ketamine can raise it" alone says nothing of what it raises
                return text.strip(), f"the clause {m.group(2).strip()!r}, read with {m.group(1).strip()!r}, {why}"
        if not _named_ref(m.group(2)) and not_claim_reason(m.group(1)) == "advice":
            # "We suggest putting together a playlist to hear while the infusion runs, since it helps you feel calm":
            # the reason for advice is the advice's, and its "it" is what is advised, not the drug
            parts = ()
    m = _TWO_CLAUSES.match(text)
    stop = not_claim_reason(text)
    if m and not parts and stop in _BESIDE_A_CLAIM:
        # each clause read alone, and a claim only of ketamine: named (not "the treatment", "several infusions"),
        # "it" after it ("..., and it lowers ..."), or what patients get from it ("Call us today to book; relief
        # lasts for years")
        parts = tuple(
            p
            for p in (m.group(1), m.group(2))
            if _compiled()["ketamine_named"].search(p)
            or (whom(p, _before(text, p, antecedent))[1] and _pronoun_ref(p))
            or _compiled()["patient_effect"].match(p.strip())
        )
        if stop not in _PRACTICE and (len(parts) != 1 or not_claim_reason(text.replace(parts[0], " ")) != stop):
            parts = ()  # a call or the visit's logistics stands beside a claim only in a clause of its own
    main = _main_clause(text)
    lead = _LEADING_PHRASE.match(text.strip())
    if lead and _compiled()["not_claim"]["clinic_practice"].search(lead.group(1)):
        main = None  # "During each session our nurses monitor your breathing, ...": a clause of practice, no phrase
    if main is not None and not parts:
        parts = (main,)
    m = _AND_PREDICATE.match(text)
    if m and not parts and not_claim_reason(text) == "protocol":
        parts = (m.group(1),)
    for part in parts:
        stop = not_claim_reason(part)
        if stop is None:
            why = claim_reason(part, "", headings, pronoun_ok=whom(part, _before(text, part, antecedent))[1])
            if why:
                return part.strip(), f"the clause {part.strip()!r} {why}"
        elif stop in _CONCEDES and len(part) < len(text):
            found = _concessive_claim(part, headings, antecedent)
            if found is not None:
                return found
    return None


# ", but possible side effects include:": the list turns from what the lead-in said before it
_TURNS = re.compile(r"^[,;]?\s*(?:but|while|although|though|however|yet)\b", re.I)


def _lead_is_claim(lead: str) -> bool:
    """A lead-in that makes a claim of its own before a list that turns from it: "It is generally well tolerated, but
    possible side effects include:". (One that only introduces its items, "ketamine is effective in a range of
    conditions, including:", says what they say.)"""
    tail = _LEAD_TAIL.search(lead)
    head = lead[: tail.start()].strip(" ,;:") if tail else lead.strip(" :")
    if not tail or len(head.split()) < 4 or not _TURNS.match(tail.group(0)):
        return False
    return (
        not_claim_reason(head) is None and claim_reason(head) is not None and bool(_compiled()["ketamine"].search(head))
    )


def _two_level(lines: list[str], i: int) -> bool:
    """Whether the next line with text after line ``i`` is a line without a full stop that is not a list item and
    is itself followed by list items: the first condition line of a two-level list."""
    rest = [j for j in range(i + 1, len(lines)) if lines[j].strip()][:2]
    if len(rest) < 2:
        return False
    line, nxt = lines[rest[0]], lines[rest[1]]
    return (
        not _BULLET.match(line)
        and _is_heading(line.strip())
        and not line.strip().endswith("?")
        and bool(_BULLET.match(nxt))
        and not _NUMBERED.match(nxt)
    )


def _leads_list(lines: list[str], i: int, last: _Span) -> bool:
    """Whether the paragraph on line ``i``, whose last sentence is ``last`` (a claim, ending in a full stop, not a
    colon), introduces the bulleted list straight after it ("Ketamine has looked promising for a range of chronic
    pain conditions." over "- CRPS", "- Phantom limb pain"): the sentence is about ketamine, and the list is bulleted
    (a numbered one there is more often references or section headings) and of phrases, not sentences (a list of
    sentences after one is a list of its own: "Please dress in loose clothes.", "Bring a blanket.")."""
    items: list[str] = []
    for ln in lines[i + 1 :]:
        if not ln.strip():
            continue
        if not _BULLET.match(ln) or _NUMBERED.match(ln):
            break
        items.append(ln.strip())
    return bool(items) and last.about_ketamine and not any(it.endswith((".", "!", "?")) for it in items)


def _numbered_heading(lines: list[str], i: int) -> bool:
    """ "1. Acute Phase" between two paragraphs: a numbered section heading, not a one-item list."""
    m = _NUMBERED.match(lines[i])
    if not m:
        return False
    item = lines[i][m.end() :].strip()
    if len(item.split()) > 6 or item.endswith((".", "!", ":", ";", ",")):
        return False
    neighbours = [next((ln for ln in rng if ln.strip()), "") for rng in (reversed(lines[:i]), lines[i + 1 :])]
    return not any(_BULLET.match(ln) for ln in neighbours)


def extract_claims(text: str, document: str = "") -> list[Candidate]:
    """The claims of a page's text, in order, each with its exact quote and offsets (and lead-in for list items). A
    short name the page gives ketamine ("subdissociative-dose ketamine (SDK)") names ketamine wherever it is used."""
    token = _ABBREVIATIONS.set(abbreviations(text))
    try:
        return _extract_claims(text, document)
    finally:
        _ABBREVIATIONS.reset(token)


def _extract_claims(text: str, document: str) -> list[Candidate]:
    out: list[Candidate] = []
    headings: tuple[str, ...] = ()  # the last two headings: a section and its sub-heading
    lead: _Span | None = None  # the lead-in of the list being read
    pending_heading: _Span | None = None  # a heading directly above what follows
    question: _Span | None = None  # a question heading directly above what follows
    last_sentence: _Span | None = None  # the last sentence of the previous paragraph
    section: list[str] = []  # the sentences read since the last heading
    # whether the subject of the last sentence read (or the heading above) is ketamine; before anything is read,
    # nothing says an "it" is something else ("Doctors first used it decades ago." checked on its own)
    about = True
    parent: _Span | None = None  # a heading naming ketamine over a list of conditions, each a line with its own bullets
    sub_items = False  # reading the bullets of one of those condition lines: subtypes, not claims

    def consider(span: _Span, context: _Span | None, is_item: bool, previous: str, antecedent: bool) -> None:
        """A sentence or list item under the headings above it, with the sentences read so far in its section."""
        _consider(out, document, span, context, headings, is_item, previous=previous, antecedent=antecedent,
                  section=" ".join(section))  # fmt: skip

    lines = text.split("\n")
    pos = 0
    for i, raw in enumerate(lines):
        start = pos
        pos += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        if _compiled()["not_claim"]["caption"].match(stripped) and len(sentences(stripped, 0)) == 1:
            continue  # a picture's caption on its own line: not read, and no break between a heading and its list
        offset = start + raw.index(stripped)
        bullet = _BULLET.match(raw)
        numbered_heading = bullet is not None and _numbered_heading(lines, i)
        if bullet and not numbered_heading:
            if sub_items:
                continue
            q_start = start + bullet.end()
            quote = raw[bullet.end() :].rstrip()
            item = _Span(q_start, q_start + len(quote), quote)
            context = lead or pending_heading or (question if question and lists_conditions(question.text) else None)
            told = context.before if context and not context.is_heading else ""
            if context is None:
                antecedent = about
            else:
                antecedent = context.about_ketamine if not context.is_heading else _in_heading(context.text) is not None
            for part in _item_claims(item, context, headings):
                consider(part, context, True, told, antecedent)
            continue
        lead = None
        sub_items = False
        if numbered_heading or _is_heading(stripped):
            if bullet:
                stripped = raw[bullet.end() :].strip()
                offset = start + raw.index(stripped)
            here = _Span(offset, offset + len(stripped), stripped, is_heading=True)
            if parent is not None and _two_level(lines, i - 1) and _compiled()["ketamine"].search(stripped) is None:
                # "Fibromyalgia" followed by its own bullets under "Types of Chronic Pain Ketamine Can Treat": an
                # item of that heading (a condition it is said to treat); its bullets are its subtypes
                _consider(out, document, here, parent, headings, True)
                sub_items = True
                continue
            if not stripped.endswith("?") and _compiled()["heading_claim"].match(stripped):
                # "Ketamine strongly suppresses mast cells": a heading that is a sentence about ketamine is a claim too
                _consider(out, document, here, None, headings, False)
            headings = (stripped, *headings[:1])
            section = []
            about = _in_heading(stripped) is not None
            parent = (
                here if about and lists_conditions(stripped) and _named_ref(stripped) and _two_level(lines, i) else None
            )
            pending_heading, question = (None, here) if stripped.endswith("?") else (here, None)
            continue
        parent = None
        pending_heading = None
        answered, question = question, None
        spans = sentences(stripped, offset)
        for span in spans:
            span.antecedent = about
            span.about_ketamine, span.pronoun_ok = whom(span.text, about)
            about = span.about_ketamine
        if stripped.endswith(":"):
            last = spans.pop()
            lead = last
            last.disease = disease_lead(last.text, last.pronoun_ok)
            before = spans[-1] if spans else last_sentence
            if _ANAPHORIC_LEAD.match(last.text.strip()) and before is not None:
                lead = before
                if spans and spans[-1] is before:
                    # in the same paragraph, the lead-in is both sentences ("Some conditions may rule out ketamine.
                    # Among these conditions are:"): what the list is, and that the list follows
                    lead = replace(before, end=last.end, text=text[before.start : last.end])
            elif before is not None:
                lead.before = before.text
            blocked = not_claim_reason(last.text)
            conceded = blocked in _CONCEDES and _concessive_claim(last.text.rstrip(": "), headings) is not None
            if blocked in _compiled()["list_not_claims"] and not conceded:
                lead.blocked = blocked
            if conceded or _lead_is_claim(last.text):
                prior = before.text if before else ""
                consider(last, None, False, prior, last.antecedent)
        previous: _Span | None = None
        other_drug = False  # the paragraph is on another drug: its last sentence naming a drug named that one
        for span in spans:
            yes = _answers(span, answered) if answered is not None and previous is None else ""
            if yes:
                _consider(out, document, span, answered, headings, False, force=yes)
                section.append(span.text)
                previous = span
                continue
            joined_why = _reads_with_previous(span, previous) if previous is not None else None
            named = _compiled()["ketamine_named"].search(span.text)
            if previous is not None and _about_previous_subject(span, previous):
                pass  # "Fibromyalgia affects millions. It causes widespread pain.": "it" is the disease
            elif other_drug and not named:
                pass  # "Opioids act on opioid receptors. ... Yet long-term use can bring tolerance": still opioids
            elif previous is not None and joined_why:
                joined = _Span(previous.start, span.end, text[previous.start : span.end])
                if out and out[-1].start == previous.start and out[-1].end == previous.end:
                    out.pop()
                ahead = section[-2] if len(section) > 1 else ""
                _consider(out, document, joined, None, headings, False, force=joined_why, previous=ahead)
            elif previous is not None and _compiled()["extends_previous"].match(span.text):
                pass  # "This covers patients with ..." after a sentence that is no claim extends no claim
            else:
                prior = section[-1] if section else ""
                consider(span, None, False, prior, span.antecedent)
            section.append(span.text)
            previous = span
            if named:
                other_drug = False
            elif _compiled()["other_drug"].search(span.text):
                other_drug = True
        if stripped.endswith(":"):
            section.append(last.text)
        elif spans and out and out[-1].end == spans[-1].end and _leads_list(lines, i, spans[-1]):
            # "Ketamine can be used to treat mental illness, chronic pain and neuropathic pain." straight above
            # "- Fibromyalgia", "- Phantom limb pain": a claim of its own, and the lead-in of the list it introduces
            lead = replace(spans[-1], before=spans[-2].text if len(spans) > 1 else "")
            lead.disease = disease_lead(lead.text, lead.pronoun_ok)
        last_sentence = spans[-1] if spans else last_sentence
    return out


def _item_claims(item: _Span, context: _Span | None, headings: tuple[str, ...]) -> list[_Span]:
    """A list item of several sentences: "Protocol: Regimens differ. Protocols in common use include ..." drops the
    sentences that are not claims, wherever they stand ("Every patient is different." between two claims); "Smith et
    al. ran a trial in which ... Functional gains in that trial were, however, limited." is two claims, each a claim on
    its own. A sentence that points back to the one before ("Nerves become hypersensitive. Ketamine may help reduce
    that sensitization.") stays with it. In an item that names a condition and defines it ("Neuropathic pain: this
    pain arises from injured nerves. It is often hard to treat."), a later sentence that refers to ketamine only by
    "it" is about the condition, and is left out."""
    parts = sentences(item.text, item.start)
    if len(parts) < 2:
        return [item]
    c = _compiled()
    if c["defined_item"].match(parts[0].text):
        parts = parts[:1] + [p for p in parts[1:] if not _only_pronoun(p.text)]
        if len(parts) == 1:
            return parts
    read_with = f"{context.before} {context.text}".strip() if context else ""
    lead_heads = headings[:1] if context is not None else headings

    def stands_alone(p: _Span) -> bool:
        stop = not_claim_reason(p.text, True, read_with)
        return stop is None and claim_reason(p.text, read_with, lead_heads) is not None

    def points_back(p: _Span) -> bool:
        return bool(c["points_back"].search(p.text) or _DEMONSTRATIVE_SUBJECT.match(p.text))

    kept = [
        p
        for i, p in enumerate(parts)
        if not_claim_reason(p.text, True, read_with) is None or (i + 1 < len(parts) and points_back(parts[i + 1]))
    ]
    parts = kept or parts[-1:]
    if len(parts) == 1:
        return parts
    if not any(points_back(p) for p in parts[1:]) and all(stands_alone(p) for p in parts):
        return parts
    return [_Span(parts[0].start, parts[-1].end, item.text[parts[0].start - item.start : parts[-1].end - item.start])]


def _answers(span: _Span, question: _Span) -> str:
    """ "Put simply, yes." under "Do ketamine infusions truly help with severe depression ...?": a yes that makes the
    question a claim, when the question is one about ketamine (why, or empty)."""
    asked = question.text.rstrip("? ")
    if not _YES.match(span.text.strip()) or not_claim_reason(asked) is not None:
        return ""
    why = claim_reason(asked, list_item=False)
    return f"a yes to the question above it, which {why}" if why else ""


def _points_back_to_ketamine(text: str, previous: str, antecedent: bool) -> bool:
    """ "Ketamine prevents glutamate from binding. This inhibits neurons from transmitting pain signals.": a sentence
    whose subject is "this" or "these" says more of what the sentence before said ketamine does, when that sentence's
    subject is ketamine (``antecedent``: "this medicine may block pain receptors. That may help ...")."""
    c = _compiled()
    return bool(
        (_DEMONSTRATIVE_SUBJECT.match(text) or _THAT_DOES.match(text))
        and c["effect"].search(text)
        and (antecedent or c["ketamine_named"].search(previous))
        and not_claim_reason(previous) in (None, "hearsay")
    )


def lists_previous(text: str) -> str | None:
    """The words by which a sentence says it lists what the sentence before it named ("Such conditions may include",
    "These include", "Conditions treated include"), or None."""
    m = _compiled()["lists_previous"].match(text.strip())
    return m.group(0) if m else None


def _lists_previous(text: str, previous: str) -> str | None:
    """ "Ketamine can lessen chronic pain in certain conditions. Such conditions may include diabetic neuropathy, ...";
    "The side effects are small. They can include nausea, ...": a sentence that lists what the claim before it says
    ketamine treats or causes, and says something itself (a condition, a harm), is a claim of its own when the sentence
    before is a claim about ketamine (why, or None)."""
    c = _compiled()
    lists = c["lists_previous"].match(text)
    effect = c["effect"].search(text) or c["effect"].search(previous)  # what it lists, the effect said before
    if not (lists and effect) or not_claim_reason(previous) is not None or not_claim_reason(text) is not None:
        return None
    before = claim_reason(previous, list_item=False)
    # the sentence before is about ketamine: it names it, or says what patients get from it ("The side effects are
    # small and do not last."), its subject not the disease or another drug
    if not before or about_other(previous, True) or c["other_drug"].search(previous) or c["other_drug"].search(text):
        return None
    return (
        f"lists ({lists.group(0)!r}) what the sentence before says of it, a claim ({before}), and asserts "
        f"{effect.group(0)!r}"
    )


def _only_pronoun(text: str) -> bool:
    """Whether a sentence refers to ketamine only by "it" or "its"."""
    refs = [m.group(0).lower() for m in _compiled()["ketamine"].finditer(text)]
    return bool(refs) and all(r in ("it", "its", "it's", "it’s") for r in refs)


def _only_reference_back(text: str) -> bool:
    """Whether a sentence refers to ketamine only by words that point back ("it", "this treatment", "the drug")."""
    refs = [m.group(0).lower() for m in _compiled()["ketamine"].finditer(text)]
    return bool(refs) and all(r in _PRONOUNS or _POINTING_BACK.match(r) for r in refs)


def _about_previous_subject(span: _Span, previous: _Span) -> bool:
    """A sentence that refers to ketamine only by "it" or "its", after a sentence about another drug or the disease:
    the pronoun is that subject's, wherever it stands ("Chronic pain wears people down. Caring for patients who live
    with it is hard."). So is one that names its subject only as "this treatment", "the drug" or "it" after a sentence
    that brings in another remedy without naming ketamine ("We also offer magnesium infusions. This treatment relieves
    CRPS pain.")."""
    if _only_pronoun(span.text) and not_claim_reason(previous.text) in ("other_subject", "definition", "plight"):
        return True
    c = _compiled()
    return (
        _only_reference_back(span.text)
        and not c["ketamine_named"].search(previous.text)
        and bool(c["another_treatment"].search(previous.text))
    )


def _reads_with_previous(span: _Span, previous: _Span) -> str | None:
    """Why a sentence is one claim with the sentence before it, or None. "Our own statistics clearly show
    otherwise." turns on the sentence before; "Ketamine interrupts this cycle." points back to the cycle the sentence
    before describes; "Ketamine is not a new drug. Doctors first used it decades ago." names ketamine in a sentence
    that asserts nothing, which the next refers to."""
    c = _compiled()
    if _CARRIED_BY_PREVIOUS.search(span.text):
        return "a sentence and the one that turns on it, read as one claim"
    extends = c["extends_previous"].match(span.text)
    if extends and not_claim_reason(previous.text) is None and claim_reason(previous.text):
        return f"a sentence that extends the claim before it ({extends.group(0)!r}), read with it"
    short = len(span.text.split()) <= 8
    back = c["points_back"].search(span.text)
    if short and back:
        joined = f"{previous.text} {span.text}"
        if not_claim_reason(span.text) is None and claim_reason(joined):
            return f"a short sentence that points back to the one before it ({back.group(0)!r}), read with it"
    named = c["ketamine_named"].search(previous.text)
    if (
        named
        and len(previous.text.split()) <= 8
        and claim_reason(previous.text) is None
        and _PRONOUN.search(span.text[:50])
        and not_claim_reason(span.text) is None
        and claim_reason(span.text)
    ):
        return f"a sentence about what the one before it names ({named.group(0)!r}) but does not assert, read with it"
    return None


def _consider(
    out: list[Candidate],
    document: str,
    span: _Span,
    context: _Span | None,
    headings: tuple[str, ...],
    is_item: bool,
    force: str = "",
    previous: str = "",
    antecedent: bool = True,
    section: str = "",
) -> None:
    pronoun_ok = whom(span.text, antecedent)[1]
    lead = context.text if context else ""
    read_with = f"{context.before} {lead}".strip() if context else ""
    # a bare "treatment" is ketamine's only where the section (its heading, what was read under it, the lead-in) names
    # ketamine ("Either way, treatment is much the same" in a section on the disease is not)
    named_here = " ".join((*headings[:1], section, span.text, read_with))
    generic_ok = bool(_compiled()["ketamine_named"].search(named_here))
    # an "it" in the lead-in counts only when it is the lead-in's own and may be ketamine (not one in the sentence
    # before it)
    lead_ok = bool(context and not context.is_heading and context.pronoun_ok and _pronoun_ref(context.text))
    clause = ""
    all_headings = headings
    if is_item and context is not None:
        headings = headings[:1]  # a list is about what its lead-in says, under its own section's heading only
    why: str | None
    if force:
        why = force
        if context is not None and context.text.endswith("?"):
            clause = context.text.rstrip("? ")  # a yes asserts what the question asks
    else:
        if is_item and context is not None and context.blocked:
            return  # the lead-in says the list is not claims ("Ongoing research explores:")
        if is_item and context is not None and context.disease and _named_ref(span.text) is None:
            return  # the lead-in's subject is the disease ("Chronic pain involves:"): its items are the disease's
        stop = not_claim_reason(span.text, list_item=is_item and context is not None, context=read_with)
        if stop is not None:
            found = _concessive_claim(span.text, headings, antecedent) if stop in _CONCEDES else None
            if found is None:
                return
            clause, why = found
            two = _TWO_CLAUSES.match(span.text) if stop in ("logistics", "call_to_action") else None
            if two and clause in (two.group(1).strip(), two.group(2).strip()):
                # the claim's own clause is quoted, not the visit's or the call's beside it
                at = span.text.find(clause)
                span = _Span(span.start + at, span.start + at + len(clause), clause)
                clause = ""
        else:
            # "Such conditions may include ...": what the claim before it says ketamine treats or causes
            listed = None if is_item else _lists_previous(span.text, previous)
            not_other = listed or _named_ref(span.text, generic_ok)
            other = None if is_item or not_other else about_other(span.text, antecedent)
            if other == "points back":
                return  # "Yet these do not give every patient adequate relief": about what "these" points back to
            if other:
                headings = ()  # "Shingles results when ...": the disease, whatever the heading
            if listed:
                why = listed
            elif context is not None and context.is_heading:
                why = claim_reason(
                    span.text,
                    read_with,
                    headings,
                    context_is_heading=True,
                    pronoun_ok=pronoun_ok,
                    generic_ok=generic_ok,
                )
            else:
                why = claim_reason(
                    span.text,
                    read_with,
                    headings,
                    list_item=is_item,
                    pronoun_ok=pronoun_ok,
                    lead_pronoun_ok=lead_ok,
                    generic_ok=generic_ok,
                )
            if why is None and not is_item and _points_back_to_ketamine(span.text, previous, antecedent):
                why = f"its subject points back to the sentence before, which is about ketamine ({previous[:60]!r})"
            if why is None:
                return
        if is_item and context is None and len(span.text.split()) < 4:
            return  # a bare list item with nothing to say what the list is about
    out.append(
        Candidate(
            document=document,
            quote=span.text,
            start=span.start,
            end=span.end,
            lead_in=context.text if context else "",
            lead_start=context.start if context else None,
            lead_end=context.end if context else None,
            heading=all_headings[0] if all_headings else "",
            section=all_headings[1] if len(all_headings) > 1 else "",
            why=why or "",
            clause=clause,
            previous=previous,
        )
    )
