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
    """The ``[parts]`` patterns of data/claim_text.toml, compiled once: where a sentence is cut (``cuts``) and where a
    list inside it is (``list_items``)."""
    p = rules()["parts"]
    predicate = either(p["predicate"]).pattern
    again = either(p["subject_again"]).pattern
    return {
        "subordinate": either(p["subordinate"]),
        "relative": re.compile(rf"(?:{either(p['relative']).pattern})\W*$", re.I),
        "joint": either(p["joint"]),
        "predicate": re.compile(rf"(?:{predicate})", re.I),
        "again": re.compile(rf"(?:{again})(?:{p['again_relative']})?\s+(?:{predicate})", re.I),
        **{key: either(p[f"list_{key}"]) for key in ("opener", "verb", "end", "lead", "item_verb", "item_phrase")},
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


def _unbracketed(text: str) -> str:
    """``text`` with what is inside brackets blanked out (same length): a list is not cut inside them."""
    out, depth = [], 0
    for ch in text:
        depth += ch == "("
        out.append(" " if depth and ch not in "()" else ch)
        depth -= ch == ")" and depth > 0
    return "".join(out)


def list_items(text: str, after: int = 0) -> tuple[int, list[tuple[int, int]]] | None:
    """A list inside a sentence (``[parts]`` list_opener, list_verb, list_end of data/claim_text.toml): (where the words
    before it end, [(item start, item end)]), or None. "may bring on serious side effects, such as sedation,
    dissociation and vomiting" lists three side effects after "such as"; "has been used to treat depression, PTSD and
    fibromyalgia" three uses after "treat". At least three items, each short, after ``after`` (the subject's verb)."""
    pats, p = _patterns(), rules()["parts"]
    flat = _unbracketed(text)
    opener = pats["opener"].search(flat, after)
    comma = flat.find(",", after)
    by_verb = False
    if opener and (comma < 0 or opener.start() <= comma + 1 or flat.find(",", opener.end()) > 0):
        start = opener.end()
    elif comma > 0:
        by_verb = True
        verbs = list(pats["verb"].finditer(flat, after, comma))
        if not verbs:
            return None
        start = verbs[-1].end()
    else:
        return None
    end_at = pats["end"].search(flat, start)
    stop = end_at.start() if end_at else len(text.rstrip(" .!?"))
    region = flat[start:stop]
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", region)]
    spans: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(pieces):
        piece = region[a:b]
        lead_word = re.match(r"\s*(?:and|or)\s+", piece)
        if lead_word:
            a += lead_word.end()
        last_joint = list(re.finditer(r"\s+(?:and|or)\s+", region[a:b])) if k == len(pieces) - 1 else []
        if last_joint:
            j = last_joint[-1]
            spans += [(a, a + j.start()), (a + j.end(), b)]
        else:
            spans.append((a, b))
    items = []
    for a, b in spans:
        words = re.findall(r"[\w'’-]+", region[a:b])  # (what is inside brackets is blanked: not counted)
        if not words or len(words) > p["list_item_words"] or pats["item_verb"].search(region[a:b]):
            return None
        lstrip = len(region[a:b]) - len(region[a:b].lstrip())
        items.append((start + a + lstrip, start + a + len(region[a:b].rstrip())))
    if len(items) < 3 or not pats["lead"].search(text[:start]):
        return None
    first = len(re.findall(r"[\w'’-]+", flat[items[0][0] : items[0][1]]))  # (counted as every item's words are)
    if by_verb and (first > p["list_verb_first_words"] or any(pats["item_phrase"].search(text[a:b]) for a, b in items)):
        return None
    return start, items


def parts_of(candidate: Candidate, read: Reader, whole: Normalised) -> list[tuple[Candidate, Normalised]]:
    """The parts of a sentence that makes several claims, each with its reading (``read``), where the cut gives claims
    of their own (see the module's docstring); [] when the sentence is one claim (``whole`` its reading)."""
    if candidate.lead_in or candidate.clause or not whole.checkable:
        return []
    (_, s1), parts = cuts(candidate.quote)
    if not parts:
        return _items_of(candidate, read)
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


def _items_of(candidate: Candidate, read: Reader) -> list[tuple[Candidate, Normalised]]:
    """The items of a list inside the sentence (``list_items``), each a part read with the words before the list as its
    lead-in ("Ketamine may bring on serious side effects, such as" ... "a dry mouth"), as an item of a bulleted list
    is; [] when there is no list, when an item is a mechanism (a list of the drug's targets is read as one mechanism
    claim, by its parts) or when fewer than two items are claims that can be checked."""
    text = candidate.quote
    _, end, verb = _subject(text)
    listed = list_items(text, end + len(verb))
    if listed is None:
        return []
    lead_end, items = listed
    lead = text[:lead_end].rstrip()
    out: list[tuple[Candidate, Normalised]] = []
    for i, (a, b) in enumerate(items):
        where = f"item {i + 1} of {len(items)} of the list in the sentence {text[:60]!r}"
        part = replace(
            candidate,
            quote=text[a:b],
            start=candidate.start + a,
            end=candidate.start + b,
            lead_in=lead,
            lead_start=candidate.start,
            lead_end=candidate.start + len(lead),
            why=f"{candidate.why}; {where}" if candidate.why else where,
        )
        out.append((part, read(part)))
    if any(n.kind == "mechanism" for _, n in out) or sum(n.checkable for _, n in out) < 2:
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
