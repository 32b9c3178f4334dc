"""Find candidate claims in marketing text: sentences and list items that assert something testable about ketamine.

The output is a starting point for the reviewed catalogue (``claims.toml``), not the catalogue itself: every
candidate carries its exact quote and character offsets, a guessed kind, and the routes, outcomes and settings the
tagger finds in it. Calls to action, contact details, questions and generic advice are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..records import new_record
from ..tagging.tagger import default_tagger

_BULLET = re.compile(r"^[ \t]*(?:[•\-*–]|\d+[.)])[ \t]+")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")

# Not claims: calls to action, contact details, site furniture, generic advice.
EXCLUDE = re.compile(
    r"\b(?:call|text|whatsapp|visit|contact us|subscribe|sign up|newsletter|share this|click|schedule|book|"
    r"learn more|reach out|terms and conditions|related posts|read more|also read|our (?:team|center|programming)|"
    r"talk to your doctor|consult|speak with|ask your|healthcare provider (?:evaluates|determines)|admissions)\b|"
    r"📞|💬|🌐|https?://|www\.|\.com\b|\+\d",
    re.I,
)
TOPIC = re.compile(
    r"\b(?:ketamine|it|its|this (?:medication|treatment|drug|method|therapy|mechanism|phase|effect|process)|"
    r"infusions?|these (?:effects|side effects|forms|receptors|options)|relief|dose|doses|phase|"
    r"patients|administration|ketamine’s)\b",
    re.I,
)
ASSERT = re.compile(
    r"\b(?:is|are|was|were|has|have|can|may|will|does|do|acts?|works?|blocks?|reduces?|relieves?|provides?|"
    r"produces?|offers?|lasts?|lasting|causes?|increases?|decreases?|helps?|shows?|begins?|appears?|include|"
    r"includes|takes?|leads?|allows?|stimulates?|supports?|disrupts?|restores?|encourages?|influences?|"
    r"approved|used|developed|classified|felt|persists?|minimized|suppress)\b",
    re.I,
)

KIND_RULES = [
    ("history", r"\b(?:FDA|approved|19\d\d|decades|first used|originally|military|Vietnam|developed as|history)\b"),
    (
        "onset",
        r"\b(?:within \d|minutes|onset|fast(?:er|est)?|quick(?:ly)?|rapid(?:ly)?|begins?|starts working|"
        r"takes? longer|act within|hours or less)\b",
    ),
    (
        "duration",
        r"\b(?:lasts?|lasting|duration|weeks|months|years|sustain\w*|long-term|persists?|phase|"
        r"after treatment ends|wears? off)\b",
    ),
    ("dependence", r"\b(?:addict\w*|dependence|abuse|misuse|tolerance|non-addictive|habit)\b"),
    (
        "side_effect",
        r"\b(?:side effects?|nausea|vomiting|dizziness|dissociat\w*|hallucinat\w*|heart rate|"
        r"blood pressure|perception|psychedelic|secretions|liver|breathing problems)\b",
    ),
    ("safety", r"\b(?:safe\w*|risk|respiratory|breathing|monitor\w*|supervis\w*|tolerated)\b"),
    (
        "mechanism",
        r"\b(?:NMDA|receptors?|glutamate|BDNF|neuroplasticity|plasticity|sensitization|inflammat\w*|"
        r"pathways?|circuits|signal\w*|neural|GABA|channels?|mechanism)\b",
    ),
    ("comparative", r"\b(?:than|unlike|compared|versus|instead of|alongside)\b"),
    ("dosing", r"\b(?:mg/kg|doses?|dosage|sessions?|infusion session|maintenance|booster)\b"),
]


@dataclass
class Candidate:
    document: str
    quote: str
    start: int
    end: int
    kind: str
    lead_in: str = ""
    lead_start: int | None = None
    lead_end: int | None = None
    tags: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "lead_in": self.lead_in,
            "lead_start": self.lead_start,
            "lead_end": self.lead_end,
            "routes": self.tags.get("route", []),
            "outcomes": self.tags.get("outcome", []),
            "settings": self.tags.get("setting", []),
        }


def guess_kind(text: str) -> str:
    for kind, pattern in KIND_RULES:
        if re.search(pattern, text, re.I):
            return kind
    return "efficacy"


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def is_claim(text: str) -> bool:
    t = text.strip()
    if len(t) < 8 or t.endswith("?") or EXCLUDE.search(t):
        return False
    return bool(TOPIC.search(t) or ASSERT.search(t)) and len(t.split()) >= 2


_ABOUT_KETAMINE = re.compile(
    r"\bketamine|\bit\b|\bits\b|\bthis\b|\bthese\b|\binfusions?\b|\brelief\b|\bdoses?\b|\badministration\b|"
    r"\bdelivery\b|\bIV\b|\bIM\b|\bnasal\b|\boral\b|\bsublingual\b|\bintravenous\b",
    re.I,
)


def _sentences(line: str, offset: int) -> list[tuple[int, str]]:
    out, pos = [], 0
    for sentence in _SENT.split(line):
        idx = line.index(sentence, pos)
        pos = idx + len(sentence)
        out.append((offset + idx, sentence))
    return out


def extract_claims(text: str, document: str = "") -> list[Candidate]:
    """Candidate claims of a text, in order, each with its exact quote and offsets (and lead-in for list items)."""
    tagger = default_tagger()
    out: list[Candidate] = []
    lead: tuple[int, int, str] | None = None
    previous_heading: tuple[int, int, str] | None = None
    for start, _end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            q_start = start + bullet.end()
            quote = line[bullet.end() :].rstrip()
            context = lead or previous_heading
            if not EXCLUDE.search(quote) and (is_claim(quote) or (context and is_claim(context[2]))):
                out.append(_candidate(tagger, document, quote, q_start, context))
            continue
        lead = None
        offset = start + line.index(stripped)
        sentences = _sentences(stripped, offset)
        if len(stripped.split()) < 7 and not stripped.endswith((".", ":")):
            previous_heading = (offset, offset + len(stripped), stripped)  # a heading can introduce a list
            continue
        previous_heading = None
        if stripped.endswith(":"):
            last_start, last = sentences.pop()
            lead = (last_start, last_start + len(last), last)  # reported with its list items
        for s_start, sentence in sentences:
            if is_claim(sentence) and _ABOUT_KETAMINE.search(sentence):
                out.append(_candidate(tagger, document, sentence, s_start, None))
    return out


def _candidate(tagger: Any, document: str, quote: str, start: int, lead: tuple[int, int, str] | None) -> Candidate:
    text = f"{lead[2]} {quote}" if lead else quote
    tags = tagger.tag(new_record(title=text)).tags
    return Candidate(
        document=document,
        quote=quote,
        start=start,
        end=start + len(quote),
        kind=guess_kind(text),
        lead_in=lead[2] if lead else "",
        lead_start=lead[0] if lead else None,
        lead_end=lead[1] if lead else None,
        tags={k: v for k, v in tags.items() if k in ("route", "outcome", "setting")},
    )
