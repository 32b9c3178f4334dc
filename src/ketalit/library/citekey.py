"""Citation keys in the manner of Better BibTeX's default: family name + year + first significant title word.

A key is assigned once, when the record enters the library, and stored with it; it never changes afterwards,
whatever is exported or re-imported. Clashes get a, b, c... in the order records arrived.
"""

from __future__ import annotations

import re
from collections.abc import Container

from ..records import Record, clean_text, fold_ascii

# Function words skipped when choosing the title word (Better BibTeX skips a similar list).
STOP_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with without into onto upon over under about after "
    "before between during through vs versus via as is are was were be been being do does did its it this "
    "that these those their his her our your my not no".split()
)


_NOT_WORD = re.compile(r"[^A-Za-z0-9]")
_TITLE_SPLIT = re.compile(r"[\s\-–—/:]+")


def _ascii_word(text: str) -> str:
    return _NOT_WORD.sub("", fold_ascii(text))


def base_key(rec: Record) -> str:
    authors = rec.get("authors") or []
    name = ""
    if authors:
        first = authors[0]
        name = first.get("family") or first.get("collective") or ""
        if first.get("collective"):
            name = (name.split() or [""])[0]
    name = _ascii_word(name).lower() or "anon"
    year = str(rec.get("year") or "")
    word = ""
    for token in _TITLE_SPLIT.split(clean_text(rec.get("title") or "")):
        w = _ascii_word(token)
        if w and w.lower() not in STOP_WORDS:
            word = w.lower()
            break
    return f"{name}{year}{word}"


# Characters BibTeX or biber cannot take in a key (space , { } " # ' ( ) = % ~ \\, control characters).
_BAD_KEY = re.compile(r"[\s,{}\"#'()=%~\\\x00-\x1f\x7f]")


def check_key(key: str) -> str | None:
    """Why ``key`` cannot be a citation key, or None if it can."""
    if not key:
        return "a citation key cannot be empty"
    m = _BAD_KEY.search(key)
    if m:
        return f"citation key {key!r} contains {m.group(0)!r}, which BibTeX or biber cannot read"
    if not key.isascii():
        return f"citation key {key!r} is not ASCII (classic BibTeX cannot read it)"
    return None


def clean_key(key: str) -> str:
    """``key`` without the characters ``check_key`` refuses (for a key stored before keys were checked)."""
    return "".join(c for c in _BAD_KEY.sub("", key) if c.isascii())


def assign_key(rec: Record, taken: Container[str], hints: dict[str, int] | None = None) -> str:
    """The record's key: its base key, else with the first free suffix a, b, ... z, aa, ab ... ``hints``: for each
    base, how many suffixes were found taken by an earlier call (valid while keys are only added to ``taken``), so
    that many records with one base do not each try every suffix again."""
    base = base_key(rec)
    if base not in taken:
        return base
    for i in range(hints.get(base, 0) if hints is not None else 0, 26 * 27):
        suffix = chr(ord("a") + i % 26) if i < 26 else chr(ord("a") + i // 26 - 1) + chr(ord("a") + i % 26)
        if base + suffix not in taken:
            if hints is not None:
                hints[base] = i
            return base + suffix
    raise RuntimeError(f"cannot find a free citation key for {base}")
