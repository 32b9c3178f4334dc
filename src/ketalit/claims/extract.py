"""Find the claims of a marketing page: sentences and list items that assert something testable about ketamine.

A page is read as lines: headings (short lines without a full stop, and questions), list items and paragraphs,
which are cut into sentences. A sentence or list item is a claim when it refers to ketamine (by name, by the words
a page uses for it once it is about ketamine, "it", "the infusions", or by what patients feel or get from it)
and asserts an effect, a property, a harm, a time or a regimen, and no rule says it is something else: a call to
action, logistics of the visit, the clinic's positioning, generic advice, a goal or disclaimer, talk about the page
or the literature, puffery, or a statement about another drug or the disease only. The rules are regular
expressions in ``data/claim_text.toml``; every candidate keeps the rule that let it in and the words that matched.

A list item is reported with its lead-in (the sentence ending in ":" before the list, or the heading above it; an
anaphoric "These include:" takes the sentence before it). A sentence that only makes sense with the one before it
("Our own statistics clearly show otherwise.") is reported together with it, as one claim over both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .._compat import tomllib

_BULLET = re.compile(r"^[ \t]*(?:[•\-*–·▪◦]|\d{1,2}[.)])[ \t]+")
# A sentence ends at . ! or ? followed by space and a capital, a quote or a bracket; not after an abbreviation.
_SENT_END = re.compile(r"([.!?][\"”’)]?)\s+(?=[A-Z“\"(\[‘'])")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|Dr|Mr|Mrs|Ms|Prof|St|No|approx|etc|al|Fig|U\.S|[A-Z])\.)$")
_LEAD_TAIL = re.compile(
    r"[,;]?\s*(?:but|and|while)?\s*[^,;:]*\b(?:include|includes|including|are|is|such as|the following|"
    r"examples?|below|for|who|on|ways?|are as follows)\s*:\s*$",
    re.I,
)
_ANAPHORIC_LEAD = re.compile(r"^(?:these|they|examples|this|those|some)\b[^.:]{0,40}:$", re.I)
_CARRIED_BY_PREVIOUS = re.compile(
    r"\b(?:show|shows|showed|prove|proves|proved|suggest|suggests|indicate|indicates)\s+(?:clearly\s+)?"
    r"(?:otherwise|the opposite|the contrary)\b|\bclearly show otherwise\b",
    re.I,
)


# A sentence whose subject is "it" or that compares with other treatments is about ketamine, not about them.
_COMPARED = re.compile(
    r"^(?:it|its)\b|\b(?:than|from|unlike|compared (?:to|with)|instead of|versus)\s+(?:\w+\s+){0,2}"
    r"(?:other|conventional|standard|traditional|usual|opioids?|nsaids)\b",
    re.I,
)


_ABOUT = re.compile(r"\b(?:it|its|relief|patients?|you)\b", re.I)
# Fewer opioids is an effect of ketamine, not a statement about opioids.
_SPARING = re.compile(
    r"\b(?:cut|stop|reduc\w*|taper\w*|wean\w*|lower\w*|come off|need (?:fewer|less))\b[^.]{0,40}\bopioid", re.I
)


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    text = resources.files("ketalit").joinpath("data/claim_text.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    ex = rules()["extract"]
    return {
        "ketamine": _rx(ex["ketamine"]),
        "ketamine_named": _rx(ex["ketamine_named"]),
        "patient_effect": _rx(ex["patient_effect"]),
        "effect": _rx(ex["effect"]),
        "not_claim": {name: _rx(pats) for name, pats in ex["not_claim"].items()},
        "history": _rx(rules()["normalise"]["history"]),
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
    why: str = ""

    @property
    def text(self) -> str:
        return f"{self.lead_in} {self.quote}".strip() if self.lead_in else self.quote

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "lead_in": self.lead_in,
            "lead_start": self.lead_start,
            "lead_end": self.lead_end,
            "heading": self.heading,
            "why": self.why,
        }


@dataclass
class _Span:
    start: int
    end: int
    text: str
    before: str = ""  # for a lead-in: the sentence before it, which may say what the list is about


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
    if stripped.endswith("?"):
        return len(sentences(stripped, 0)) == 1 and len(stripped.split()) <= 25
    if stripped.endswith((".", "!", ":", ";", ",")) or stripped.endswith(('."', ".”")):
        return False
    return len(stripped.split()) <= 20


def not_claim_reason(text: str, list_item: bool = False, context: str = "") -> str | None:
    """The name of the rule that says a sentence (or a list item, which may be a single word) is not a claim."""
    t = text.strip()
    if t.rstrip("\"”’' ").endswith("?"):
        return "question"
    if len(re.findall(r"[A-Za-z]{2,}", t)) < (1 if list_item else 3):
        return "too short"
    if t.isupper() and len(t) > 20:
        return "notice in capitals"
    c = _compiled()
    for name, rx in c["not_claim"].items():
        m = rx.search(t)
        if m and name == "other_subject":
            first = _ABOUT.search(t)
            if (
                c["ketamine_named"].search(t)
                or (list_item and c["ketamine"].search(context))
                or _COMPARED.search(t)
                or _SPARING.search(t)
            ):
                continue
            if first and first.start() < m.start():
                continue  # ketamine (or the relief patients get) comes first: the other drug is a comparison
        if m:
            if name in ("positioning", "puffery") and c["history"].search(t):
                continue  # "Doctors have been using ketamine as an anaesthetic for decades" is history
            return name
    return None


def claim_reason(text: str, context: str = "", headings: tuple[str, ...] = ()) -> str | None:
    """Why ``text`` (with its lead-in as ``context``, under ``headings``) is a claim, or None when it is not one."""
    c = _compiled()
    effect = c["effect"].search(text) or (context and c["effect"].search(context))
    if not effect:
        return None
    for where in (text, context, *headings):
        ref = where and c["ketamine"].search(where)
        if ref:
            return f"refers to ketamine ({ref.group(0)!r}) and asserts {effect.group(0)!r}"
    pe = c["patient_effect"].search(f"{context} {text}".strip())
    if pe:
        return f"says what patients get from it ({pe.group(0)!r}) and asserts {effect.group(0)!r}"
    return None


def _lead_is_claim(lead: str) -> bool:
    """A lead-in that makes a claim of its own before its list: "It is generally well tolerated, but possible side
    effects include:"."""
    head = _LEAD_TAIL.sub("", lead).strip(" ,;:")
    if head == lead.strip(" :") or len(head.split()) < 4:
        return False
    return (
        not_claim_reason(head) is None and claim_reason(head) is not None and bool(_compiled()["ketamine"].search(head))
    )


def extract_claims(text: str, document: str = "") -> list[Candidate]:
    """The claims of a page's text, in order, each with its exact quote and offsets (and lead-in for list items)."""
    out: list[Candidate] = []
    headings: tuple[str, ...] = ()  # the last two headings: a section and its sub-heading
    lead: _Span | None = None  # the lead-in of the list being read
    pending_heading: _Span | None = None  # a heading directly above what follows
    previous: _Span | None = None  # the previous sentence of the paragraph being read
    last_sentence: _Span | None = None  # the last sentence of the previous paragraph
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        offset = start + raw.index(stripped)
        bullet = _BULLET.match(raw)
        if bullet:
            q_start = start + bullet.end()
            quote = raw[bullet.end() :].rstrip()
            item = _Span(q_start, q_start + len(quote), quote)
            context = lead or pending_heading
            _consider(out, document, item, context, headings, is_item=True)
            continue
        lead = None
        if _is_heading(stripped):
            headings = (stripped, *headings[:1])
            pending_heading = _Span(offset, offset + len(stripped), stripped) if not stripped.endswith("?") else None
            previous = None
            continue
        pending_heading = None
        spans = sentences(stripped, offset)
        if stripped.endswith(":"):
            last = spans.pop()
            lead = last
            before = spans[-1] if spans else last_sentence
            if _ANAPHORIC_LEAD.match(last.text.strip()) and before is not None:
                lead = before
            elif before is not None:
                lead.before = before.text
            if _lead_is_claim(last.text):
                _consider(out, document, last, None, headings, is_item=False)
        previous = None
        for span in spans:
            if previous is not None and _CARRIED_BY_PREVIOUS.search(span.text):
                joined = _Span(previous.start, span.end, text[previous.start : span.end])
                if out and out[-1].start == previous.start and out[-1].end == previous.end:
                    out.pop()
                _consider(out, document, joined, None, headings, is_item=False, force=True)
                previous = span
                continue
            _consider(out, document, span, None, headings, is_item=False)
            previous = span
        last_sentence = spans[-1] if spans else last_sentence
    return out


def _consider(
    out: list[Candidate],
    document: str,
    span: _Span,
    context: _Span | None,
    headings: tuple[str, ...],
    is_item: bool,
    force: bool = False,
) -> None:
    lead = context.text if context else ""
    if not force:
        stop = not_claim_reason(span.text, list_item=is_item and context is not None, context=lead)
        if stop is not None:
            return
        why = claim_reason(span.text, f"{context.before} {lead}".strip() if context else "", headings)
        if why is None:
            return
        if is_item and context is None and len(span.text.split()) < 4:
            return  # a bare list item with nothing to say what the list is about
    else:
        why = "a sentence and the one that turns on it, read as one claim"
    out.append(
        Candidate(
            document=document,
            quote=span.text,
            start=span.start,
            end=span.end,
            lead_in=context.text if context else "",
            lead_start=context.start if context else None,
            lead_end=context.end if context else None,
            heading=headings[0] if headings else "",
            why=why or "",
        )
    )
