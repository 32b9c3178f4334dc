"""Vocabulary patterns compiled for speed: each ``Matcher`` finds a pattern's matches in a text and its
lower-cased twin, with the checks that keep the regex engine on its fast literal scan done by hand."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import ahocorasick_rs

from .._compat import sre_constants as sre_c  # a pattern's parse tree, read for the literals its matches contain
from .._compat import sre_parse


@dataclass
class Matcher:
    """One vocabulary pattern, compiled for speed.

    Case-insensitive patterns run on lower-cased text without re.IGNORECASE and without their leading ``\\b``
    (checked by hand instead): both defeat the regex engine's literal-prefix scan, and with them tagging is about
    fifteen times slower (measured on the snapshot: 12 ms vs 0.8 ms a record).
    """

    regex: re.Pattern[str]
    case_sensitive: bool
    leading_boundary: bool
    keys: frozenset[str] | None = None  # first three letters of every word a match can start with (None: unknown)
    not_after: tuple[str, ...] = ()  # leading (?<!...) lookbehinds, also checked by hand
    needles: tuple[str, ...] = ()  # every match contains one of these (see ``required_literals``); () if unknown
    ids: frozenset[int] | None = None  # the needles' numbers (see ``LiteralIndex``); None if it has none

    def finditer(self, text: str, lowered: str, found: frozenset[int] | None = None) -> Iterator[re.Match[str]]:
        """Matches in ``text`` (or ``lowered``); ``found``: the needles in the text, as found by a ``LiteralIndex``
        that holds this matcher's."""
        if found is not None and self.ids is not None:
            if self.ids.isdisjoint(found):
                return iter(())  # cannot match here: the regex is not run
        elif self.needles:
            target = text if self.case_sensitive else lowered
            if not any(n in target for n in self.needles):
                return iter(())
        return self._matches(text if self.case_sensitive else lowered)

    def _matches(self, target: str) -> Iterator[re.Match[str]]:
        for m in self.regex.finditer(target):
            s = m.start()
            if self.leading_boundary and s > 0 and (target[s - 1].isalnum() or target[s - 1] == "_"):
                continue
            if self.not_after and any(target[max(0, s - len(w)) : s] == w for w in self.not_after):
                continue
            yield m

    def search(self, text: str, lowered: str, found: frozenset[int] | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, lowered, found), None)


class LiteralIndex:
    """The needles of many matchers in one Aho-Corasick automaton (two: for lower-cased text and as written), so that
    one pass over a text tells which of them could match there (``found``)."""

    def __init__(self, matchers: list[Matcher]) -> None:
        self._automata = []
        for case_sensitive in (False, True):
            needles = sorted({n for m in matchers if m.case_sensitive == case_sensitive for n in m.needles})
            ids = [_NEEDLE_IDS[case_sensitive, n] for n in needles]
            self._automata.append((ahocorasick_rs.AhoCorasick(needles), ids) if needles else None)

    def found(self, text: str, lowered: str) -> frozenset[int]:
        out: set[int] = set()
        for automaton, target in zip(self._automata, (lowered, text), strict=True):
            if automaton is not None:
                ac, ids = automaton
                # each needle once (a common one is found dozens of times), then its number
                out.update(map(ids.__getitem__, set(map(_FIRST, ac.find_matches_as_indexes(target, overlapping=True)))))
        return frozenset(out)


_FIRST = itemgetter(0)
_NEEDLE_IDS: dict[tuple[bool, str], int] = {}  # (case-sensitive, needle) -> its number, the same in every index


def either(patterns: Iterable[str], flags: int = re.I) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does (each kept whole in its own group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _needle_ids(case_sensitive: bool, needles: tuple[str, ...]) -> frozenset[int] | None:
    for n in needles:
        _NEEDLE_IDS.setdefault((case_sensitive, n), len(_NEEDLE_IDS))
    return frozenset(_NEEDLE_IDS[case_sensitive, n] for n in needles) if needles else None


def _lower_pattern(pattern: str) -> str:
    """Lower-case a regular expression's literals, leaving escapes (\\b, \\d, \\w...) as they are."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def ascii_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern as one that finds the same matches in lower-cased ASCII text without
    re.IGNORECASE (which keeps the regex engine from scanning fast: the tagger's drug names are about 2.5 times
    slower with it); None when that cannot be read off the pattern (character classes, characters given by code,
    inline flags)."""
    p = rx.pattern
    if not rx.flags & re.IGNORECASE or not p.isascii() or "[" in p or re.search(r"\\[xuUN0-9]|\(\?[^:=!<]", p):
        return None
    return re.compile(_lower_pattern(p), rx.flags & ~re.IGNORECASE)


def _leading_letters(p: str) -> str:
    """The literal letters a pattern starts with, up to the first one that is optional or not a plain letter."""
    out = []
    for i, c in enumerate(p):
        if not ("a" <= c <= "z"):
            break
        nxt = p[i + 1] if i + 1 < len(p) else ""
        if nxt in "?*{":
            break
        out.append(c)
        if nxt == "+":
            break
    return "".join(out)


def _split_alternatives(group: str) -> list[str] | None:
    alts, depth, cur, i = [], 0, "", 0
    while i < len(group):
        c = group[i]
        if c == "\\":
            cur += group[i : i + 2]
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    alts.append(cur)
    return alts


def prefilter_keys(pattern: str) -> frozenset[str] | None:
    """For a lower-cased pattern that starts at a word boundary: the 3-letter word starts a match needs.

    A match of ``\\bintravenous`` starts a word beginning "int"; a record with no such word cannot match, and the
    pattern is not run on it. None when the start of the pattern is not plain letters (then it always runs).
    """
    if not pattern.startswith("\\b"):
        return None
    body = pattern[2:]
    if body.startswith("(?:"):
        depth = 0
        for j, c in enumerate(body):
            if c == "(" and (j == 0 or body[j - 1] != "\\"):
                depth += 1
            elif c == ")" and body[j - 1] != "\\":
                depth -= 1
                if depth == 0:
                    break
        if body[j + 1 : j + 2] in ("?", "*", "{"):
            return None
        alts = _split_alternatives(body[3:j]) or []
    elif "|" in body.replace("\\|", "") and _split_alternatives(body) != [body]:
        return None
    else:
        alts = [body]
    keys = set()
    for alt in alts:
        lead = _leading_letters(alt)
        if len(lead) < 3:
            return None
        keys.add(lead[:3])
    return frozenset(keys)


_LOOKBEHIND = re.compile(r"\(\?<!([^()\\]*)\)")


def compile_patterns(patterns: list[str], case_sensitive: bool) -> list[Matcher]:
    out = []
    for p in patterns:
        if case_sensitive:
            needles = required_literals(p)
            out.append(Matcher(re.compile(p), True, False, needles=needles, ids=_needle_ids(True, needles)))
            continue
        q = _lower_pattern(p)
        # Leading lookbehinds, like a leading \\b, would stop the regex engine's fast literal scan: check them by hand.
        not_after = []
        while (m := _LOOKBEHIND.match(q)) is not None:
            not_after.append(m.group(1))
            q = q[m.end() :]
        boundary = q.startswith("\\b")
        body = q[2:] if boundary else q
        needles = required_literals(body)
        keys = prefilter_keys(q)
        out.append(
            Matcher(re.compile(body), False, boundary, keys, tuple(not_after), needles, _needle_ids(False, needles))
        )
    return out


# -- the literals every match of a pattern contains ------------------------------------------------------------------
# A pattern is run on a text only if the text contains one of them (``str.__contains__`` is a fast scan; the regex
# engine scans fast only for a literal prefix). Read from the pattern's parse tree, as search engines extract
# literals for a prefilter: "(?:level|degree) of sedation" needs " of sedation" ... or, more selective, one of
# "level of sedation", "degree of sedation". Sets of more than _MAX_LITERALS strings are given up on.

_MAX_LITERALS = 24
Literals = set[str] | None


def _weakest(found: Literals) -> int:
    """How selective a set of literals is: the length of its shortest (0 for none, or a set holding "")."""
    return min(map(len, found)) if found else 0


def _better(a: Literals, b: Literals) -> Literals:
    return a if _weakest(a) >= _weakest(b) else b


def _sequence(items: list[tuple[object, Any]]) -> tuple[Literals, Literals]:
    """(every string the items match, if a few; else None) and the best set one of which every match contains."""
    run: set[str] = {""}  # the strings the items since the last one without a few exact strings match
    best: Literals = None
    exact = True
    for op, arg in items:
        strings, found = _node(op, arg)
        best = _better(best, found)
        if strings is not None:
            longer = {a + b for a in run for b in strings}
            if len(longer) <= _MAX_LITERALS:
                run = longer
                continue
            best, run = _better(best, run), set(strings)
        else:
            best, run = _better(best, run), {""}
        exact = False
    return (run if exact else None), _better(best, run)


def _node(op: object, arg: Any) -> tuple[Literals, Literals]:
    if op is sre_c.LITERAL:
        return {chr(arg)}, None
    if op is sre_c.IN:  # a small class of single characters, such as [sz]
        chars: set[str] = set()
        for o, a in arg:
            if o is sre_c.LITERAL:
                chars.add(chr(a))
            elif o is sre_c.RANGE and a[1] - a[0] < 4:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            else:
                return None, None
        return (chars, None) if len(chars) <= 4 else (None, None)
    if op is sre_c.SUBPATTERN:
        if arg[1] or arg[2]:
            raise ValueError("inline flags")
        return _sequence(arg[3])
    if op is sre_c.BRANCH:
        parts = [_sequence(b) for b in arg[1]]
        if all(strings is not None for strings, _ in parts):
            union = set().union(*(strings or () for strings, _ in parts))
            if len(union) <= _MAX_LITERALS:
                return union, None
        each = [_better(found, strings) for strings, found in parts]
        if all(_weakest(f) for f in each):
            union = set().union(*(f or () for f in each))
            if len(union) <= _MAX_LITERALS:
                return None, union
        return None, None
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, sub = arg
        strings, found = _sequence(sub)
        if low == 0:
            return ((strings | {""}) if high == 1 and strings is not None else None), None
        return None, _better(found, strings)
    if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):  # zero width: \b, ^, lookarounds
        return {""}, None
    return None, None


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` contains, each at least two characters long (the shortest
    of them kept: a string containing another is redundant); () when none can be told."""
    try:
        tree = sre_parse.parse(pattern)
        if tree.state.flags & ~re.UNICODE:  # (?i) and the like: literals are not what they match
            return ()
        _, found = _sequence(list(tree))
    except (ValueError, re.error):
        return ()
    if _weakest(found) < 2:
        return ()
    assert found is not None
    return tuple(sorted(s for s in found if not any(o != s and o in s for o in found)))


_WORD = re.compile(r"[a-z0-9]+")


def word_starts(lowered: str) -> set[str]:
    return {w[:3] for w in _WORD.findall(lowered)}


def lower_same_length(text: str) -> str:
    """text.lower(), keeping every character's offset (a few characters lower-case to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
