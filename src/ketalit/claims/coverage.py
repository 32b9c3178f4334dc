"""How much of what a claim's own words assert its proposition represents, and the guard on a partial one.

A claim's words (not its lead-in: those are the list's) are tokenised; function words and page boilerplate
(``data/coverage.toml`` [words] stop) are left out, and each remaining content word is **represented** when the
proposition accounts for it: a pattern names one of its field values (a route, the regimen, the population, an outcome
or the comparator, by ``data/claim_text.toml`` [normalise.*] and the tagging vocabulary), a cue list that reads its
kind, direction or polarity matches it, it is part of its quantity or of its concept words, or ``data/coverage.toml``
[represents] names it for the direction or outcome. The others are **unrepresented**: what the reading left out.

The guard: every effect sentence that the normaliser cannot represent falls back to the same proposition, "ketamine
[route] relieves pain [in the population]" (``generic``), and would be weighed on the pooled pain records. When that
is all the proposition says, it is **partial** if it leaves out at least ``min_share`` of the content words of the
claim's asserting clause ("The alternative is to keep this inexpensive medication in your pocket and use it as needed,
...": alternative, keep, inexpensive, pocket, needed, ...; clinic sentences are short, and the qualifier that decides
is often one or two words: "those for whom other drugs have done little"), and whatever the share when the reading
rests on something the sentence does not say (``frames``): the sentence enumerates groups of patients whose
populations the proposition unions into one ("two groups: those for whom ... and/or those who ..."), or the
proposition's population (and its route, if ``data/coverage.toml`` [frames] from_page names it) comes only from the
page (its title, address or heading): the sentence names none and refers back to nothing ("it", "those"). A
partial proposition's verdict is capped (``cap``): never supported, mixed or contradicted (evidence on pain in general
neither shows nor refutes what the claim says), but insufficient, with the words the reading left out named. A
proposition a person accepted or wrote (a reviewed claim) is that person's reading: it is measured, never capped. Every
claim's coverage is shown with its proposition (``claims list --json``, ``check --json``), capped or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .._compat import tomllib
from ..tagging.patterns import either
from ..tagging.tagger import default_vocabulary
from .catalogue import TEXTBOOK_KINDS, Claim
from .extract import rules
from .weighing import pattern

REVIEWED = "proposition_reviewed"  # Claim.extra key: a person accepted, corrected or added the claim
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NAME = re.compile(r"[A-Z][a-z][A-Za-z'’-]*")  # capitalised, not an acronym
CAPPED = ("supported", "mixed", "contradicted")
_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^]]*)\]")
_DENIED = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+)?$", re.I)  # "not the only", "isn't for everyone": denied


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """``data/coverage.toml``: its cue list names checked against ``data/claim_text.toml`` [normalise]."""
    data = tomllib.loads(resources.files("ketalit").joinpath("data/coverage.toml").read_text(encoding="utf-8"))
    known = rules()["normalise"]
    lists = [(f"{part}.{key}", names) for part, table in data["cues"].items() if isinstance(table, dict)
             for key, names in table.items()]  # fmt: skip
    for where, names in [*lists, ("frames", data["cues"]["frames"])]:
        for name in names:
            if not isinstance(known.get(name), list):
                raise ValueError(
                    f"data/coverage.toml: [cues] {where}: {name!r} is not a cue list of "
                    "data/claim_text.toml [normalise]"
                )
    for name in data["frames"]["from_page"]:
        if name not in ("population", "route"):
            raise ValueError(f"data/coverage.toml: [frames] from_page: {name!r} is not 'population' or 'route'")
    return data


def _compile(patterns: list[str] | tuple[str, ...], flags: int = re.I) -> re.Pattern[str]:
    return either(patterns, flags)


def _rx(patterns: list[str] | tuple[str, ...], flags: int = re.I) -> re.Pattern[str] | None:
    return _compile(patterns, flags) if patterns else None


@lru_cache(maxsize=1)
def _stop() -> re.Pattern[str]:
    return _compile(settings()["words"]["stop"])


@cache
def _clause(key: str) -> re.Pattern[str]:
    return _compile(settings()["clauses"][key])


@cache
def _frame(key: str) -> re.Pattern[str]:
    return _compile(settings()["frames"][key])


@cache
def _cue(name: str) -> re.Pattern[str]:
    return _compile(rules()["normalise"][name])


@cache
def _table(section: str, key: str) -> re.Pattern[str] | None:
    """A pattern of one entry of a ``data/claim_text.toml`` [normalise.section] table (None if it has none)."""
    patterns = rules()["normalise"].get(section, {}).get(key)
    return _rx(patterns) if isinstance(patterns, list) else None


@cache
def _vocabulary(axis: str, tag: str) -> tuple[re.Pattern[str], ...]:
    """The vocabulary's patterns for a tag, every tag under it and every tag above it (a claim about CRPS may name it
    as chronic pain, one about chronic pain may name CRPS)."""
    vocab = default_vocabulary()
    out: list[re.Pattern[str]] = []
    for tid in sorted(vocab.descendants(axis, tag) | vocab.ancestors(axis, tag)) if vocab.has(axis, tag) else ():
        td = vocab.tag(axis, tid)
        if td is None:
            continue
        for rx in (_rx(td.patterns), _rx(td.patterns_cs, 0)):
            if rx is not None:
                out.append(rx)
    return tuple(out)


@cache
def _represents(*path: str) -> re.Pattern[str] | None:
    table: Any = settings()["represents"]
    for key in path:
        table = table.get(key) if isinstance(table, dict) else None
    return _rx(table) if isinstance(table, list) else None


def _patterns(claim: Claim) -> list[re.Pattern[str]]:
    """Every pattern whose words the claim's proposition accounts for."""
    prop = claim.proposition
    cues = settings()["cues"]
    out: list[re.Pattern[str] | None] = list(_field_patterns(claim))
    out += [_cue(name) for name in cues["kind"].get(claim.kind, [])]
    out += [_cue(name) for name in cues["direction"].get(prop.direction, [])]
    out.append(_represents("direction", prop.direction))
    if claim.polarity == "negative":
        out += [_cue(name) for name in cues["polarity"]["negative"]]
    out += [_cue(name) for name in cues["frames"]]
    return [rx for rx in out if rx is not None]


def _field_patterns(claim: Claim) -> list[re.Pattern[str]]:
    """The patterns of what the claim's proposition names (its routes, regimen, population, outcomes, comparator,
    quantity and concept words), not of how it reads the claim's kind, direction or polarity (its verbs)."""
    prop = claim.proposition
    out: list[re.Pattern[str] | None] = []
    for route in prop.routes:
        out += [_table("routes", route), *_vocabulary("route", route)]
    if prop.regimen:
        out.append(_table("regimen", prop.regimen))
    for setting in prop.population:
        out += [_table("population_words", setting), *_vocabulary("setting", setting)]
    for outcome in prop.outcomes:
        out += [_table("outcome_words", outcome), *_vocabulary("outcome", outcome), _represents("outcome", outcome)]
    if prop.comparator:
        out.append(_table("comparator", prop.comparator))  # "than opioids"; a route compared with ("oral route")
        out += [rx for route in default_vocabulary().ids("route") if route in prop.comparator
                for rx in (_table("routes", route), *_vocabulary("route", route))]  # fmt: skip
        out.append(_rx([rf"\b{re.escape(w)}\w*" for w in re.findall(r"[a-z]{3,}", prop.comparator.lower())]))
    if prop.quantity:
        out.append(_represents("quantity"))
    for group in prop.concepts:
        out.append(_rx([rf"\b{re.escape(w)}\w*" for w in group]))
    return [rx for rx in out if rx is not None]


def names_in_claim(claim: Claim, axis: str, tag: str) -> bool:
    """Whether the claim's own words (its quote and its list's lead-in) name this route or population."""
    table = "routes" if axis == "route" else "population_words"
    patterns = [_table(table, tag), *_vocabulary(axis, tag)]
    return any(rx.search(claim.text) for rx in patterns if rx is not None)


def frames(claim: Claim) -> list[str]:
    """What makes a generic reading partial whatever the share of words it leaves out: a reading that rests on something
    the sentence does not say (``data/coverage.toml`` [frames])."""
    prop = claim.proposition
    out = []
    if len(prop.population) > 1:
        groups = _frame("groups").search(claim.quote)
        if groups:
            out.append(
                f"the claim names groups of patients ({groups.group(0)!r}), and its reading unions them into one "
                f"({', '.join(prop.population)})"
            )
    if _frame("refers_back").search(claim.text):
        return out  # "it", "those", "these patients": the sentence may take them from the one it refers to
    fields = {"population": ("setting", prop.population), "route": ("route", prop.routes)}
    for what in settings()["frames"]["from_page"]:
        axis, tags = fields[what]
        unnamed = [t for t in tags if not names_in_claim(claim, axis, t)]
        if unnamed:
            out.append(f"its {what} ({', '.join(unnamed)}) comes from the page: the claim's words name none")
    return out


@dataclass(frozen=True)
class Coverage:
    """What a claim's own content words are, which of them its proposition represents, and whether the proposition is
    partial (``generic``, and too much left out or resting on what the sentence does not say) and so capped (unless a
    person reviewed it)."""

    represented: tuple[str, ...]
    unrepresented: tuple[str, ...]
    generic: bool  # the proposition is the fallback "ketamine relieves pain" and nothing more
    reviewed: bool  # a person accepted or wrote the proposition
    partial: bool  # generic, not reviewed, and min_share of the words left out or a frame: the verdict is capped
    reason: str
    frames: tuple[str, ...] = ()  # of a generic reading: what it rests on that the sentence does not say

    @property
    def share(self) -> float:
        """The share of the asserting clause's content words the proposition leaves out."""
        n = len(self.represented) + len(self.unrepresented)
        return len(self.unrepresented) / n if n else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "represented": list(self.represented),
            "unrepresented": list(self.unrepresented),
            "share_unrepresented": round(self.share, 2),
            "frames": list(self.frames),
            "generic": self.generic,
            "reviewed": self.reviewed,
            "partial": self.partial,
            "reason": self.reason,
        }


def generic(claim: Claim) -> bool:
    """Whether the proposition is only the fallback of every effect sentence: ketamine (by a route, in a population)
    relieves pain, with no other outcome, no comparator, no quantity and no concept words."""
    prop = claim.proposition
    return (
        claim.kind == "efficacy"
        and prop.direction == "improves"
        and prop.outcomes == ("pain_intensity",)
        and not prop.comparator
        and not prop.quantity
        and not prop.concepts
    )


def asserting_clause(claim: Claim) -> str:
    """The words of a claim that assert it: its quote without what is in brackets, a leading adverbial clause ("Given as
    a low-dose infusion into the bloodstream, ...") and a trailing consequence (", which may lower ...": ``data/
    coverage.toml`` [clauses]); of a list item that names a condition and describes it ("Fibromyalgia: a disorder
    that causes widespread pain"), the condition's name: the description is the disease's."""
    quote = claim.quote
    head = _cue("condition_item").match(quote) if claim.lead_in else None
    if head:
        return quote[: head.end()]
    main = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", quote).strip()
    main = _clause("trailing").sub("", _clause("leading").sub("", main))
    return main if len(main.split()) >= 3 else quote


def words_of(claim: Claim) -> tuple[list[str], list[str]]:
    """(represented, unrepresented): the content words of the claim's asserting clause, in order, each once."""
    quote = asserting_clause(claim)
    spans = [m.span() for rx in _patterns(claim) for m in rx.finditer(quote) if m.end() > m.start()]
    stop = _stop()
    represented: dict[str, None] = {}
    unrepresented: dict[str, None] = {}
    for m in _WORD.finditer(quote):
        word = re.sub(r"['’]s$", "", m.group(0).lower()).strip("'’-")
        if len(word) < 2 or stop.fullmatch(word):
            continue
        if any(a < m.end() and m.start() < b for a, b in spans):
            represented.setdefault(word)
        elif not (m.start() and _NAME.fullmatch(m.group(0))):  # a name inside the sentence: who said it, not what
            unrepresented.setdefault(word)
    unrepresented = {w: None for w in unrepresented if w not in represented}
    return list(represented), list(unrepresented)


def coverage(claim: Claim, share: float | None = None) -> Coverage:
    """The claim's coverage (see the module's docstring); ``share``: the share of content words left out that makes a
    generic proposition partial (``data/coverage.toml`` [guard] min_share by default)."""
    least = float(settings()["guard"]["min_share"]) if share is None else share
    represented, unrepresented = words_of(claim)
    is_generic = generic(claim)
    reviewed = bool(claim.extra.get(REVIEWED))
    found = tuple(frames(claim)) if is_generic else ()
    n = len(represented) + len(unrepresented)
    left = f"{len(unrepresented)} of its {n} content word(s) left out"
    partial = is_generic and (bool(found) or (bool(unrepresented) and len(unrepresented) / n >= least))
    if not is_generic:
        reason = "the proposition says more than that ketamine relieves pain: the guard does not apply"
    elif not partial:
        reason = f"{left}, less than {least:.0%}: the proposition covers the claim"
    elif reviewed:
        reason = "a person accepted or wrote this reading of the claim: it is not capped"
        partial = False
    else:
        why = "; ".join(found) if found else f"{left} ({', '.join(unrepresented)})"
        reason = f"the reading is only '{claim.assertion or 'ketamine relieves pain'}': {why}"
    return Coverage(tuple(represented), tuple(unrepresented), is_generic, reviewed, partial, reason, found)


@cache
def _unchecked(key: str) -> re.Pattern[str]:
    table = settings()["unchecked"]
    if key == "universal":  # a universal of the patients or the effect, and relief for good
        return _compile([*table["universal"], *table["universal_lasting"]])
    return _compile(table[key])


def _covered(claim: Claim, quote: str) -> list[tuple[int, int]]:
    """The spans of ``quote`` the claim's proposition accounts for, less its quantity's numbers and units (a second
    time or share beside the one the proposition carries is not carried by it)."""
    skip = _represents("quantity")
    return [m.span() for rx in _patterns(claim) if rx is not skip for m in rx.finditer(quote) if m.end() > m.start()]


def _content(quote: str, start: int, end: int) -> list[re.Match[str]]:
    stop = _stop()
    words = _WORD.finditer(quote, start, end)
    return [m for m in words if len(m.group(0)) > 1 and not stop.fullmatch(m.group(0).lower())]


_MINUTES = {"second": 1 / 60, "minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43800, "year": 525600,
            "decade": 5256000, "lifetime": 1e9}  # fmt: skip


def _minutes(text: str) -> float:
    """The longest stretch of time a phrase of lasting names, in minutes ("about an hour" 60, "for months" two months;
    a figure in digits counts, a vague one, "several", "many", at two)."""
    unit = re.search(r"(second|minute|hour|day|week|month|year|decade|lifetime)(s?)\b", text, re.I)
    if not unit:
        return 0.0
    figure = re.search(r"\b(\d+(?:\.\d+)?)\s", text)
    n = float(figure.group(1)) if figure else (2.0 if unit.group(2) else 1.0)
    return n * _MINUTES[unit.group(1).lower()]


def _spelt(abbreviation: str, reading: str, evidence: str) -> bool:
    """Whether the reading or the deciding records name an abbreviation or its expansion: the abbreviation itself, or
    (of three letters or more) words whose initials spell it ("SCI": "spinal cord injury"), in the reading or in what
    the explanation says the records are about (quoted: "title names 'spinal cord injury'", "the records about ...")."""
    letters = abbreviation[:-1] if len(abbreviation) > 2 and abbreviation.endswith("s") else abbreviation
    named = [reading, *re.findall(r"'([^']*)'", evidence), *re.findall(r"records about ([^:;.]*)", evidence)]
    if any(re.search(rf"\b{re.escape(letters)}s?\b", text) for text in named):
        return True
    if len(letters) < 3:  # two initials spell too many phrases
        return False
    expansion = r"[\s-]+(?:(?:of|and|the|to|in)\s+)?".join(rf"{re.escape(c)}\w*" for c in letters)
    return any(re.search(rf"\b{expansion}\b", text, re.I) for text in named)


def unchecked(claim: Claim, evidence: str = "") -> list[str]:
    """The parts of what a claim's own sentence asserts that its proposition does not carry, so that no verdict on the
    proposition checks them (``data/coverage.toml`` [unchecked]): a share or universal of the patients, the effect or
    its reach ("in 9 of 10 patients", "all types of pain", "for good", "in one session", "regardless of age"), the
    same relief however many infusions are given ("infusion after infusion", "as on the first"), a fraction in words
    ("by half", "two thirds"), a superlative or a ranking ("the most effective", "the last hope"), a comparison whose
    comparator the proposition lacks ("as effective as morphine"), an abbreviation the reading does not name ("MS",
    "POTS") unless ``evidence`` (the verdict's explanation, which names the deciding records) names it or its
    expansion, and a clause joined to the one read ("... and lasts up to a year", ", with no side effects") none of
    whose own content words the proposition represents, or that denies something when the claim affirms; of an onset,
    also a clause joined loosely (", lasting ...", "that lasts ...", "to give ...") and a stretch of time past its
    onset ("within minutes ... for months"). Of a claim about an effect or how the drug is given, a relation of dose
    and effect ("higher doses give better relief", "the more infusions, the longer ...", "builds with every session",
    "all you need"); of those and of harms and safety, a universal of the dose ("safe at any dose") and the drug
    likened to another ("Like lidocaine, ...", "..., as is ketamine"); and, but for a textbook claim, how widely
    ketamine is used ("in every hospital", "the standard treatment": ``data/weighing.toml`` [textbook] use_scope). Of a
    claim about an effect or its safety, a qualifier where the clause ends that names something none of whose words
    the proposition carries ("in pregnant women", "at home", "without any monitoring": ``_qualifiers``), whatever
    share of the words it is; of the joined kinds, a part joined right after what the reading carries ("relieves CRPS
    pain and swelling", "... and saves lives", "..., letting patients work again") that names something no field of
    the proposition carries, and an unhedged consequence after the main clause that does (", allowing patients to live
    normal lives", ", which prevents overdose deaths": ``_consequences``). The words of a claim a person reviewed are
    that person's reading: nothing is unchecked."""
    from .normalise import pain_times, relief_time  # (normalise does not import this module)
    from .verdict import in_digits, use_words  # verdict imports this module

    if claim.extra.get(REVIEWED):
        return []
    quote = asserting_clause(claim)
    said = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", claim.quote).strip()  # with the lead-in and consequence it drops
    spans = _covered(claim, quote)

    def shown(a: int, b: int) -> bool:
        return any(x < b and a < y for x, y in spans)

    out: list[str] = []
    table = settings()["unchecked"]
    if claim.kind in table["effect_kinds"]:
        regimen = _table("regimen", claim.proposition.regimen) if claim.proposition.regimen else None
        carried = [m.span() for m in regimen.finditer(quote)] if regimen else []  # "after a single dose": its regimen
        if claim.proposition.direction == "fades":  # "It cannot make pain go away for good": read as only temporary
            carried += [m.span() for m in _unchecked("universal_lasting").finditer(quote)]
        for key in ("universal", "fraction", "superlative"):
            out += [f"{key} {m.group(0)!r}" for m in _unchecked(key).finditer(quote)
                    if not any(x < m.end() and m.start() < y for x, y in carried)
                    and not _DENIED.search(quote, 0, m.start())]  # fmt: skip
            # what brackets add to the sentence ("relieves pain (permanently)") is said too, though the asserting
            # clause leaves the brackets out
            asides = [b.group(1) or b.group(2) or "" for b in _BRACKETED.finditer(claim.quote)]
            out += [f"{key} {m.group(0)!r} (in brackets)" for aside in asides
                    for m in _unchecked(key).finditer(aside) if not _DENIED.search(aside, 0, m.start())]  # fmt: skip
        # the same relief however many infusions are given: no regimen carries it ("with repeated treatments" says the
        # infusions were repeated, not that the last relieved as much as the first)
        out += [f"repetition {m.group(0)!r}" for m in _unchecked("repetition").finditer(quote)
                if not _DENIED.search(quote, 0, m.start())]  # fmt: skip
        shares = (m for pattern in table["share"] for m in _compile([pattern]).finditer(in_digits(quote)))
        for m in shares:  # one pattern at a time: each names its groups
            part, whole = float(m.group("part")), float(m.group("whole") or 100)
            if whole and part / whole >= float(table["least_share"]):
                out.append(f"share {m.group(0)!r}")
        if claim.proposition.quantity is None:
            # a time of relief the claim states that its reading does not carry ("patients improved for a year" read as
            # relief alone): no verdict checks it (data/claim_text.toml relief_time)
            timed = relief_time(quote)
            out += [f"time {timed!r} the reading does not carry"] if timed else []
        if not claim.proposition.comparator:
            compared = _unchecked("comparison").finditer(quote)
            out += [f"comparison {m.group(0)!r} without its comparator" for m in compared]
        letters = [c for c in quote if c.isalpha()]
        shouted = sum(c.isupper() for c in letters) > len(letters) / 2  # a heading in capitals: no abbreviation
        found = [] if shouted else _compile(table["abbreviation"], 0).finditer(quote)  # case-sensitive
        out += [f"abbreviation {m.group(0)!r}" for m in found
                if not shown(*m.span()) and not _unchecked("abbreviation_known").fullmatch(m.group(0))
                and not _spelt(m.group(0), claim.assertion, evidence)]  # fmt: skip
    # how long the pain has lasted ("works on pain that has lasted for decades"), of any kind: no reading carries it,
    # and a textbook reading would take it for how long the drug has been used (data/claim_text.toml pain_time)
    out += [f"time the pain has lasted {w!r}" for w in pain_times(quote)]
    if claim.kind in table["relation_kinds"]:
        out += [f"relation of dose and effect {m.group(0)!r}" for m in _unchecked("relation").finditer(quote)]
    if claim.kind in table["likened_kinds"]:
        out += [f"universal of the dose {m.group(0)!r}" for m in _unchecked("any_dose").finditer(said)
                if not _DENIED.search(said, 0, m.start())]  # fmt: skip
        out += [f"likened to another drug {m.group(0).strip(' ,')!r}" for m in _unchecked("likened").finditer(said)]
    if claim.kind not in TEXTBOOK_KINDS:  # those kinds' statements must say the scope themselves (claims/stance.py)
        out += [f"scope of use {m.group(0)!r}" for m in pattern("textbook", "use_scope").finditer(quote)]
    # a claim of use ("has been used for ...", "doctors have turned to it for ...") has its own rules: any word it says
    # besides its use makes it a claim of benefit (claims/verdict.py use_words), whose qualifiers are then read here
    of_use = bool(use_words(claim))
    if claim.kind in table["qualifier_kinds"] and not of_use:
        out += [f"qualifier {m.group(0).strip()!r}" for m in _qualifiers(claim, quote, evidence)]
    if claim.kind not in table["joined_kinds"]:
        return out
    loose = claim.kind in table["loose_kinds"]
    fields = _field_spans(claim, quote)
    cued = [m.span() for rx in _patterns(claim) for m in rx.finditer(quote) if m.end() > m.start()]

    def names_unread(a: int, b: int) -> bool:  # the part names something (not only a verb) and no field carries it
        objects = [m for m in _content(quote, a, b) if not any(x < m.end() and m.start() < y for x, y in cued)]
        named = [m for m in _content(quote, a, b) if any(x < m.end() and m.start() < y for x, y in fields)]
        return bool(objects) and not named

    qty = claim.proposition.quantity
    onset = qty[2] if qty is not None and qty[0] == "onset_minutes" else 0.0

    def within(a: int, b: int) -> bool:  # a clause of lasting no longer than the onset the reading carries
        spans = list(_unchecked("lasting").finditer(quote, a, b))
        return bool(spans) and all(_minutes(m.group(0)) <= onset for m in spans)

    if loose:
        lasting = _unchecked("lasting").finditer(quote)
        out += [f"duration {m.group(0)!r}" for m in lasting if _minutes(m.group(0)) > onset]
    found = [*_unchecked("joint").finditer(quote), *(_unchecked("loose_joint").finditer(quote) if loose else ())]
    objects = [m.end() for m in _unchecked("object_joint").finditer(quote) if _after(quote, m.start(), fields)]
    objects = [] if of_use else objects  # joined right after what the reading carries: "relieves pain and swelling"
    joints = sorted({m.end() for m in found} | set(objects))
    for a, b in zip(joints, [*joints[1:], len(quote)][: len(joints)], strict=True):
        if loose and within(a, b):
            continue
        words = _content(quote, a, b)
        beyond = _unchecked("beyond").search(quote, a, b)
        denies = claim.polarity != "negative" and _unchecked("denial").search(quote, a, b)
        restates = any(_cue(name).search(quote, a, b) for name in settings()["cues"]["kind"].get(claim.kind, []))
        unread = a in objects and names_unread(a, b)
        if words and (beyond or denies or unread or not (restates or any(shown(*m.span()) for m in words))):
            out.append(f"joined clause {quote[a:b].strip(' ,.;')!r}")
    out += [f"consequence {m.group(0).strip(' ,.;')!r}" for m in _unchecked("consequence").finditer(said)
            if m.group(0).strip(" ,.;") not in quote]  # fmt: skip
    if not of_use:
        out += [f"consequence {c!r}" for c in _consequences(claim, said, quote) if not any(c in o for o in out)]
    return out


_TIME = re.compile(r"(?:second|minute|min|hour|hr|day|week|month|year|decade)s?", re.I)


def _field_spans(claim: Claim, text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that name what the claim's proposition carries (``_field_patterns``)."""
    return [m.span() for rx in _field_patterns(claim) for m in rx.finditer(text) if m.end() > m.start()]


def _after(text: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the word just before ``at`` (past spaces and punctuation) is in one of ``spans``: a part joined right
    after what the reading carries ("relieves CRPS pain and swelling", "reduces opioid use after surgery, which")."""
    before = re.search(r"([A-Za-z0-9][\w'’-]*)[\s,;:)\]]*$", text[:at])
    if before is None:
        return False
    return any(x < before.end(1) and before.start(1) < y for x, y in spans)


def _qualifiers(claim: Claim, quote: str, evidence: str = "") -> list[re.Match[str]]:
    """The qualifiers of a claim's asserting clause (``data/coverage.toml`` [unchecked] qualifier: "in pregnant women",
    "at home", "after one 40-minute session") that name something, a content word or a figure, none of whose words its
    proposition carries (a figure is carried when the proposition has a quantity; an abbreviation when it is a known
    one or the reading or the deciding records spell it, as the abbreviation rule reads it: "in SCI patients", "in the
    ICU")."""
    abbreviation = _compile(settings()["unchecked"]["abbreviation"], 0)

    def spelt(w: re.Match[str]) -> bool:
        word = w.group(0)
        known = _unchecked("abbreviation_known").fullmatch(word)
        return bool(abbreviation.fullmatch(word)) and bool(known or _spelt(word, claim.assertion, evidence))

    if claim.kind == "safety" and claim.proposition.direction != "does_not_cause":
        return []  # a harm said to happen "in high doses" narrows it; "safe at home" widens what is claimed
    spans = [m.span() for rx in _patterns(claim) for m in rx.finditer(quote) if m.end() > m.start()]
    fields = _field_spans(claim, quote)
    stop = _stop()
    out = []
    for m in _unchecked("qualifier").finditer(quote):
        a, b = m.span("phrase")
        if not _unchecked("qualifier_end").match(quote, b) or _DENIED.search(quote, 0, m.start()):
            continue  # not where the clause ends; "not in every patient": denied
        if _unchecked("qualifier_narrows").search(quote, a, b):
            continue  # "in the right setting", "in selected patients": says less, not more
        if claim.kind in ("onset", "duration") and _unchecked("qualifier_reference").match(m.group(0).strip()):
            continue  # "minutes to hours after a session": what the onset or the lasting is counted from
        words = [w for w in re.finditer(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)?", quote[a:b])
                 if w.group(0)[0].isdigit() or (len(w.group(0)) > 1 and not stop.fullmatch(w.group(0).lower())
                                                and not _TIME.fullmatch(w.group(0)))]  # fmt: skip
        if not words:
            continue
        # what a qualifier of absence takes away ("without any monitoring") is carried only by a field, not by a cue
        # that reads the word where the claim has it ("requires monitoring")
        held = fields if m.group(0).lower().startswith("without") else spans
        carried = [w for w in words if any(x < a + w.end() and a + w.start() < y for x, y in held)
                   or (w.group(0)[0].isdigit() and claim.proposition.quantity) or spelt(w)]  # fmt: skip
        if not carried:
            out.append(m)
    return out


def _consequences(claim: Claim, said: str, quote: str) -> list[str]:
    """The consequences after a claim's main clause (``data/coverage.toml`` [unchecked] consequence_any: ", allowing
    patients to live normal lives", ", which prevents overdose deaths") that its asserting clause leaves out, are not
    hedged, and name something none of whose words the proposition's fields carry."""
    spans = [m.span() for rx in _patterns(claim) for m in rx.finditer(said) if m.end() > m.start()]
    fields = _field_spans(claim, said)
    out = []
    for m in _unchecked("consequence_any").finditer(said):
        part = m.group(0).strip(" ,.;")
        if part in quote or _unchecked("hedge").search(part) or not _after(said, m.start(), fields):
            continue
        words = _content(said, m.start(), m.end())
        if any(not any(x < w.end() and w.start() < y for x, y in spans) for w in words):
            out.append(part)  # it names something the proposition does not carry
    return out


def cap(claim: Claim, verdict: str, explanation: str) -> tuple[str, str]:
    """A partial proposition's verdict: insufficient instead of supported, mixed or contradicted, with the words the
    reading left out and the verdict on the reading kept in the explanation; and a claim with a part its proposition
    does not carry (``unchecked``) is never supported: insufficient, naming the part. Any other verdict is returned as
    it is."""
    if verdict not in CAPPED:
        return verdict, explanation
    cov = coverage(claim)
    parts = unchecked(claim, explanation) if verdict == "supported" and not cov.partial else []
    if parts:
        return "insufficient", (
            f"Insufficient: a part of the claim is not checked by its reading "
            f"'{claim.assertion or 'ketamine relieves pain'}': {'; '.join(parts)}. On the reading alone the evidence "
            f"would be {verdict}: {explanation}"
        )
    if not cov.partial:
        return verdict, explanation
    left_out = ", ".join(f"'{w}'" for w in cov.unrepresented)
    words = f"the claim's words {left_out} are not represented in it" if left_out else "it leaves no word out"
    rests = f" It rests on what the claim does not say: {'; '.join(cov.frames)}." if cov.frames else ""
    return "insufficient", (
        f"Insufficient: the claim says more than its reading checks. Its reading is only "
        f"'{claim.assertion or 'ketamine relieves pain'}', and {words}, so the evidence on pain in general does not "
        f"check what the claim says (coverage guard).{rests} On the reading alone the evidence would be {verdict}: "
        f"{explanation}"
    )
