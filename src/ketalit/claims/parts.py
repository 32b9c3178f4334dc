"""A sentence that makes several claims, checked part by part.

"IV ketamine works within minutes, has no respiratory depression and relief lasts for months" asserts three things,
and a reader wants to know which of them hold up: read whole, the sentence would be one proposition (the first cue
wins: an onset claim) and the rest would go unchecked. So a sentence whose subject is ketamine is cut where, after a
comma, "and", "but" or a semicolon, a part opens with a verb whose subject is the sentence's (", has no respiratory
depression") or with a subject that is ketamine or its effect again ("and relief lasts for months"): the ``[parts]``
patterns of data/claim_text.toml. Each part is quoted in the page's own words (its offsets inside the sentence's); a
part that leaves the subject out is read with the sentence up to the end of its subject as its lead-in ("IV ketamine"
... "has no respiratory depression").

The sentence stays one claim in the catalogue, with its parts under it (``parts_of``, ``part_entry``): each part is
linked on its own, and the sentence holds only as far as every part does (``verdict.conjunction``). The cut is kept
only where it gives claims the sentence alone does not: every part, read on its own, is a checkable claim, no two
parts are read alike (the same kind about the same outcomes, in the same direction and polarity), and none is a
mechanism: "works by calming overactive pain signals and rewires the spinal cord" stays one mechanism claim, which the
evidence must state in each of the parts it names (``weighing.read_by_parts``), and a mechanism joined to an effect on
patients ("blocks NMDA receptors and works within seconds") stays one too, its verdict capped with the words it does
not check named. Each part's ``why`` says which sentence it was cut from and where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..tagging.patterns import either
from .extract import Candidate, _compiled, _subject, rules
from .normalise import Normalised

Reader = Callable[[Candidate], Normalised]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    p = rules()["parts"]
    predicate = either(p["predicate"]).pattern
    again = either(p["subject_again"]).pattern
    return {
        "subordinate": either(p["subordinate"]),
        "relative": re.compile(rf"(?:{either(p['relative']).pattern})\W*$", re.I),
        "joint": either(p["joint"]),
        "predicate": re.compile(rf"(?:{predicate})", re.I),
        "again": re.compile(rf"(?:{again})\s+(?:{predicate})", re.I),
    }


def _inside_brackets(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def _is_ketamine(subject: str) -> bool:
    """Whether a sentence's subject is ketamine: it names it ("IV ketamine", "Ketamine infusions") or is "it" alone
    (not "That effect" or "Its distinctive profile", which the extraction may take as pointing to ketamine)."""
    return bool(_compiled()["ketamine_named"].search(subject)) or subject.strip().lower() == "it"


def cuts(text: str) -> tuple[tuple[int, int], list[tuple[int, int, bool]]]:
    """Where ``text`` (a sentence) may be cut: (the subject's span, [(part start, part end, whether the part has a
    subject of its own)]); no parts when the subject is not ketamine or there is no place to cut."""
    start, end, verb = _subject(text)
    subject = text[start:end]
    pats = _patterns()
    if not verb or not _is_ketamine(subject) or pats["relative"].search(subject):
        # (a subject that opens a relative clause, "Ketamine, which was approved in 1970, is safe": its main verb
        # comes after the clause, and a cut there would make the clause a claim)
        return (start, end), []
    points: list[tuple[int, int, bool]] = []  # (joint start, part start, own subject)
    for m in pats["joint"].finditer(text, end + len(verb)):
        if _inside_brackets(text, m.start()) or (points and m.start() < points[-1][1]):
            continue
        rest = text[m.end() :]
        if pats["again"].match(rest):
            points.append((m.start(), m.end(), True))
        elif pats["predicate"].match(rest) and not pats["subordinate"].search(text, end, m.start()):
            # (a verb after a clause of reason, time or relation is that clause's: "works well because it sedates,
            # causes memory loss, and relieves pain" is one claim with its reasons)
            points.append((m.start(), m.end(), False))
    if not points:
        return (start, end), []
    parts: list[tuple[int, int, bool]] = []
    begin, own = 0, True
    for joint, nxt, has_subject in points:
        parts.append((begin, joint, own))
        begin, own = nxt, has_subject
    parts.append((begin, len(text.rstrip(" .;!")), own))
    if len(text[: parts[0][1]].split()) < 3 or any(len(text[a:b].split()) < 2 for a, b, _ in parts[1:]):
        return (start, end), []
    return (start, end), parts


def parts_of(candidate: Candidate, read: Reader, whole: Normalised) -> list[tuple[Candidate, Normalised]]:
    """The parts of a sentence that makes several claims, each with its reading (``read``), where the cut gives claims
    of their own (see the module's docstring); [] when the sentence is one claim (``whole`` its reading)."""
    if candidate.lead_in or candidate.clause or not whole.checkable:
        return []
    (_, s1), parts = cuts(candidate.quote)
    if not parts:
        return []
    # what a part without a subject is read with: the sentence up to the end of its subject, any opening phrase
    # with it ("At those doses, ketamine" ... "gives deep analgesia")
    subject = candidate.quote[:s1].rstrip()
    out: list[tuple[Candidate, Normalised]] = []
    for i, (a, b, own_subject) in enumerate(parts):
        where = f"part {i + 1} of {len(parts)} of the sentence {candidate.quote[:60]!r}"
        part = replace(
            candidate,
            quote=candidate.quote[a:b],
            start=candidate.start + a,
            end=candidate.start + b,
            why=f"{candidate.why}; {where}" if candidate.why else where,
        )
        if not own_subject:
            part = replace(part, lead_in=subject, lead_start=candidate.start, lead_end=candidate.start + len(subject))
        out.append((part, read(part)))
    readings = [(n.kind, tuple(sorted(n.outcomes)), n.direction, n.polarity) for _, n in out]
    mechanism = any(n.kind == "mechanism" for _, n in out)
    if not all(n.checkable for _, n in out) or len(set(readings)) < len(readings) or mechanism:
        return []
    return out


def part_entry(candidate: Candidate, reading: Normalised) -> dict[str, Any]:
    """One part as the catalogue keeps it under its sentence's claim: its words with their offsets (and the lead-in it
    is read with) and its reading."""
    entry: dict[str, Any] = {"quote": candidate.quote, "start": candidate.start, "end": candidate.end}
    if candidate.lead_in:
        entry.update(lead_in=candidate.lead_in, lead_start=candidate.lead_start, lead_end=candidate.lead_end)
    entry.update(reading.catalogue_fields())
    return {k: v for k, v in entry.items() if v is not None}
