"""How much of what a claim's own words assert its proposition represents, and the guard on a partial one.

A claim's words (not its lead-in: those are the list's) are tokenised; function words and page boilerplate
(``data/coverage.toml`` [words] stop) are left out, and each remaining content word is **represented** when the
proposition accounts for it: a pattern names one of its field values (a route, the regimen, the population, an outcome
or the comparator, by ``data/claim_text.toml`` [normalise.*] and the tagging vocabulary), a cue list that reads its
kind, direction or polarity matches it, it is part of its quantity or of its concept words, or ``data/coverage.toml``
[represents] names it for the direction or outcome. The others are **unrepresented**: what the reading left out.

The guard: every effect sentence that the normaliser cannot represent falls back to the same proposition, "ketamine
[route] relieves pain [in the population]" (``generic``), and would be weighed on the pooled pain records. When that
is all the proposition says and the claim's asserting clause has at least ``min_unrepresented`` content words it does
not represent ("The alternative is to keep this inexpensive medication in your pocket and use it as needed, ...":
alternative, keep, inexpensive, pocket, needed, ...), the proposition is **partial**, and its verdict is capped
(``cap``): never supported, mixed or contradicted (evidence on pain in general neither shows nor refutes what the
claim says), but insufficient, with the words the reading left out named. A proposition a person accepted or wrote (a
reviewed claim) is that person's reading: it is measured, never capped. Every claim's coverage is shown with its
proposition (``claims list --json``, ``check --json``), capped or not.
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
from .catalogue import Claim
from .extract import rules

REVIEWED = "proposition_reviewed"  # Claim.extra key: a person accepted, corrected or added the claim
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NAME = re.compile(r"[A-Z][a-z][A-Za-z'’-]*")  # capitalised, not an acronym
CAPPED = ("supported", "mixed", "contradicted")


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
    out += [_cue(name) for name in cues["kind"].get(claim.kind, [])]
    out += [_cue(name) for name in cues["direction"].get(prop.direction, [])]
    out.append(_represents("direction", prop.direction))
    if claim.polarity == "negative":
        out += [_cue(name) for name in cues["polarity"]["negative"]]
    out += [_cue(name) for name in cues["frames"]]
    return [rx for rx in out if rx is not None]


@dataclass(frozen=True)
class Coverage:
    """What a claim's own content words are, which of them its proposition represents, and whether the proposition is
    partial (``generic`` and too much left out) and so capped (unless a person reviewed it)."""

    represented: tuple[str, ...]
    unrepresented: tuple[str, ...]
    generic: bool  # the proposition is the fallback "ketamine relieves pain" and nothing more
    reviewed: bool  # a person accepted or wrote the proposition
    partial: bool  # generic, not reviewed, and at least min_unrepresented words left out: the verdict is capped
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "represented": list(self.represented),
            "unrepresented": list(self.unrepresented),
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


def coverage(claim: Claim, least: int | None = None) -> Coverage:
    """The claim's coverage (see the module's docstring); ``least``: the number of unrepresented words that makes a
    generic proposition partial (``data/coverage.toml`` [guard] min_unrepresented by default)."""
    least = int(settings()["guard"]["min_unrepresented"]) if least is None else least
    represented, unrepresented = words_of(claim)
    is_generic = generic(claim)
    reviewed = bool(claim.extra.get(REVIEWED))
    partial = is_generic and len(unrepresented) >= least
    if not is_generic:
        reason = "the proposition says more than that ketamine relieves pain: the guard does not apply"
    elif not partial:
        reason = f"{len(unrepresented)} content word(s) left out, fewer than {least}: the proposition covers the claim"
    elif reviewed:
        reason = "a person accepted or wrote this reading of the claim: it is not capped"
        partial = False
    else:
        reason = (
            f"the reading is only '{claim.assertion or 'ketamine relieves pain'}' and leaves out "
            f"{len(unrepresented)} content words of the claim ({', '.join(unrepresented)})"
        )
    return Coverage(tuple(represented), tuple(unrepresented), is_generic, reviewed, partial, reason)


def cap(claim: Claim, verdict: str, explanation: str) -> tuple[str, str]:
    """A partial proposition's verdict: insufficient instead of supported, mixed or contradicted, with the words the
    reading left out and the verdict on the reading kept in the explanation. Any other verdict is returned as it is."""
    if verdict not in CAPPED:
        return verdict, explanation
    cov = coverage(claim)
    if not cov.partial:
        return verdict, explanation
    left_out = ", ".join(f"'{w}'" for w in cov.unrepresented)
    return "insufficient", (
        f"Insufficient: the claim says more than its reading checks. Its reading is only "
        f"'{claim.assertion or 'ketamine relieves pain'}', and the claim's words {left_out} are not represented in "
        f"it, so the evidence on pain in general does not check what the claim says (coverage guard). "
        f"On the reading alone the evidence would be {verdict}: {explanation}"
    )
