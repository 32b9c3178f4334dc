"""Record text made safe to show: no control characters, no terminal escape sequences, no bidi overrides.

Records come from files and servers nobody vetted. A title can carry an ESC sequence that clears the screen or
makes a terminal hyperlink, C0/C1 control characters that break LaTeX, or bidi override marks that display text
in another order than it is stored. ``printable`` removes them; every place that shows or writes record text as
text (the terminal, BibTeX, RIS, the report) goes through it. JSON output keeps every character, with the
dangerous ones written as ``\\uXXXX`` escapes (``dumps_json``). Both also replace the NCBI API key and e-mail
address in use, wherever they appear, by REDACTED (``credentials.hide``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .credentials import hide

# Whole escape sequences (ECMA-48), so that no parameter text ("[2J", "]8;;http://...") is left behind: OSC and
# the other string commands up to their terminator, CSI with its parameters, then any other ESC + final byte; the
# same with 8-bit C1 introducers. An unterminated string command loses only its introducer.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)"
    r"|\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)"
    r"|[\x90\x98\x9e\x9f][^\x1b\x9c]*\x9c"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# Line breaks in all their forms (what str.splitlines splits on).
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# What is left to remove: C0 controls but tab and newline, DEL, C1 controls, lone surrogates, and the bidi
# embedding/override/isolate controls and direction marks (U+061C, U+200E-F, U+202A-E, U+2066-9).
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters valid in a JSON string that a terminal or editor may act on or display misleadingly.
_JSON_ESCAPE = re.compile(r"[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def printable(text: Any, newlines: bool = False) -> str:
    """``text`` without control characters, escape sequences or bidi controls.

    Line breaks become spaces (``newlines=False``: for one-line output such as a table cell or an id per line) or
    ``\\n`` (``newlines=True``: for multi-line text such as an abstract); tabs become spaces unless ``newlines``.
    Everything else, accents, scripts and emoji included, is kept as it is, but the API key and e-mail address.
    """
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    if s.isprintable():  # the common case: nothing to do
        return hide(s)
    s = _ESCAPE_SEQUENCE.sub("", s)
    s = _LINE_BREAK.sub("\n" if newlines else " ", s)
    if not newlines:
        s = s.replace("\t", " ")
    return hide(_INVISIBLE.sub("", s))


def one_line(text: Any) -> str:
    """``printable`` text on one line, every run of whitespace folded to a single space, trimmed."""
    return " ".join(printable(text).split())


def dumps_json(data: Any, **kwargs: Any) -> str:
    """``json.dumps`` with Unicode kept readable, but C1 controls, bidi controls, line separators and lone
    surrogates written as ``\\uXXXX`` escapes: the text round-trips unchanged (the API key and e-mail address
    aside) and cannot act on a terminal."""
    text = hide(json.dumps(data, ensure_ascii=False, **kwargs))
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
