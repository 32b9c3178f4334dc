"""Labelled abstract sections to and from the flat 'LABEL: text' form used by CSL-JSON, RIS and MEDLINE."""

from __future__ import annotations

import re

from ..records import clean_text

# An upper-case label (1-6 words) followed by a colon, at the start or after a sentence end.
_LABEL_RE = re.compile(r"(?:^|(?<=[.?!)\]]\s))([A-Z][A-Z0-9&/,\- ]{1,60}[A-Z]):\s+")


def split_sections(text: str) -> list[dict[str, str]]:
    text = clean_text(text)
    if not text:
        return []
    matches = list(_LABEL_RE.finditer(text))
    if not matches:
        return [{"label": "", "category": "", "text": text}]
    sections = []
    if matches[0].start() > 0:
        sections.append({"label": "", "category": "", "text": text[: matches[0].start()].strip()})
    for m, nxt in zip(matches, matches[1:] + [None], strict=True):
        body = text[m.end() : nxt.start() if nxt else len(text)].strip()
        sections.append({"label": m.group(1).strip(), "category": "", "text": body})
    return [s for s in sections if s["text"]]


def join_sections(sections: list[dict[str, str]]) -> str:
    return " ".join(f"{s['label'].upper()}: {s['text']}" if s.get("label") else s["text"] for s in sections)
