"""Negation and uncertainty with scope (NegEx / ConText triggers from ``data/negation.toml``).

``Context(sentence)`` finds every trigger once; ``negated(start, end)`` and ``possible(start, end)`` then say
whether a span of the sentence is denied ("no patient reported hallucinations") or only hypothesised ("may
cause hallucinations"), with the trigger that decided it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .._compat import tomllib


@dataclass(frozen=True)
class Triggers:
    preceding: re.Pattern[str]
    following: re.Pattern[str]
    termination: re.Pattern[str]
    pseudo: re.Pattern[str]
    possible: re.Pattern[str]
    scope_words: int
    clause: re.Pattern[str]
    clause_end: re.Pattern[str]
    subject: re.Pattern[str]
    subject_end: re.Pattern[str]


def _alternation(literals: list[str], regexes: list[str]) -> re.Pattern[str]:
    """One pattern for all triggers, each matched as whole words (a regex that starts or ends with punctuation
    brings its own boundary). Triggers with word characters at both ends share one boundary check: a
    look-behind in every alternative makes the pattern several times slower."""
    words: set[str] = set()
    other: set[str] = set()
    for p, text in [(re.escape(x), x) for x in literals] + [(r, r.replace("\\", "")) for r in regexes]:
        if text[:1].isalnum() and text[-1:].isalnum():
            words.add(p)
        else:
            head = r"(?<![\w-])" if text[:1].isalnum() else ""
            tail = r"(?![\w-])" if text[-1:].isalnum() else ""
            other.add(f"{head}(?:{p}){tail}")
    parts = []
    if words:
        parts.append(r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])")
    parts.extend(sorted(other, key=len, reverse=True))
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(parts), re.I)


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    data = tomllib.loads(resources.files("ketalit").joinpath("data/negation.toml").read_text(encoding="utf-8"))
    neg, med, own = data["negspacy"], data["medspacy"], data["ketalit"]
    ignore = {x.lower() for x in own.get("ignore", [])}

    def keep(xs: list[str]) -> list[str]:
        return [x for x in xs if x.lower() not in ignore]

    return Triggers(
        preceding=_alternation(keep(neg["preceding"] + med["negated_forward"]), own["preceding"]),
        following=_alternation(keep(neg["following"] + med["negated_backward"]), own["following"]),
        termination=_alternation(
            keep(neg["termination"] + med["negated_terminate"] + med["hypothetical_terminate"]), own["termination"]
        ),
        pseudo=_alternation(keep(neg["pseudo"]), own.get("pseudo", [])),
        possible=_alternation(keep(med["possible_forward"] + med["hypothetical_forward"]), own["possible"]),
        scope_words=int(data.get("scope_words", 8)),
        clause=_alternation([], own["clause"]),
        clause_end=re.compile("|".join(own["clause_end"]), re.I),
        subject=_alternation([], own["subject"]),
        subject_end=re.compile("|".join(own["clause_end"] + own["subject_end"]), re.I),
    )


_WORD = re.compile(r"\w[\w'-]*")


class Context:
    """The negation and uncertainty triggers of one sentence."""

    def __init__(self, sentence: str) -> None:
        t = triggers()
        self.text = sentence
        pseudo = [(m.start(), m.end()) for m in t.pseudo.finditer(sentence)]

        def spans(rx: re.Pattern[str]) -> list[tuple[int, int, str]]:
            return [
                (m.start(), m.end(), m.group(0))
                for m in rx.finditer(sentence)
                if not any(s <= m.start() < e or s < m.end() <= e for s, e in pseudo)
            ]

        self.preceding = spans(t.preceding)
        self.following = spans(t.following)
        self.possible_triggers = spans(t.possible)
        self.terminations = [(m.start(), m.end()) for m in t.termination.finditer(sentence)]
        self.scope = t.scope_words
        self.clause = spans(t.clause)
        self.clause_end = t.clause_end
        self.subject = spans(t.subject)
        self.subject_end = t.subject_end

    def _in_scope(self, a: int, b: int) -> bool:
        """Whether the stretch of text between a and b is short enough and has no termination term."""
        if b < a:
            return False
        gap = self.text[a:b]
        if len(_WORD.findall(gap)) > self.scope or ";" in gap or ":" in gap:
            return False
        return not any(a <= s and e <= b for s, e in self.terminations)

    def negation(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The trigger (start, end, words) that denies the span [start, end), or None."""
        for s, e, words in reversed(self.preceding):
            if e <= start and self._in_scope(e, start):
                return s, e, words
            if s <= start < e:  # the trigger contains the span's start ("no nausea" as one trigger)
                return s, e, words
        for s, e, words in self.following:
            if s >= end and self._in_scope(end, s):
                return s, e, words
        # a hypothesis or a finding denied as a whole ("refuted the hypothesis that ketamine provided pain relief ...
        # and cognitive-emotional benefit"), then a denied subject ("No patients receiving either fentanyl or ketamine
        # had significant sedation"): everything after the trigger up to where its reach ends
        for triggers, reach_end in ((self.clause, self.clause_end), (self.subject, self.subject_end)):
            for s, e, words in reversed(triggers):
                if e <= start and not reach_end.search(self.text, e, start):
                    return s, e, words
        return None

    def negated(self, start: int, end: int) -> str | None:
        """The words of the trigger that denies the span [start, end), or None."""
        trig = self.negation(start, end)
        return trig[2] if trig else None

    def possible(self, start: int, end: int) -> str | None:
        """The trigger that makes the span a possibility or hypothesis ("may cause", "risk of"), or None."""
        for _s, e, words in reversed(self.possible_triggers):
            if e <= start and self._in_scope(e, start):
                return words
        return None
