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
from collections.abc import Iterable
from typing import Any

import orjson

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
    text = _indented(data, kwargs)
    if text is None:
        text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", hide(text))


_INDENT_LINE = re.compile(r"^( +)", re.M)


def _indented(data: Any, kwargs: dict[str, Any]) -> str | None:
    """``json.dumps(data, ensure_ascii=False, indent=1 or 2[, default=...])``, the same characters, written by orjson
    (C) instead of json's encoder, which is pure Python when it indents (about 1 s for ``claims list --json`` on the
    shipped library, 8.7 MB): for data orjson writes exactly as json does (``_plain``), else None."""
    indent = kwargs.get("indent")
    if indent not in (1, 2) or set(kwargs) - {"indent", "default"}:
        return None
    try:  # refused: keys that are not strings, integers over 64 bits, lone surrogates, cycles (too deep)
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:
        return None
    if not _plain(data):
        return None
    if indent == 1:  # a line's leading spaces are its depth (a string holds no line break: it is escaped)
        text = _INDENT_LINE.sub(lambda m: " " * (len(m.group(1)) // 2), text)
    return text


_SCALARS = {str, int, bool, type(None)}


def _plain(data: Any) -> bool:
    """Whether orjson writes ``data`` (which it could write: no cycle) as json.dumps does: dicts, lists, tuples,
    strings, integers, booleans, None and finite floats that Python writes without an exponent (both write the
    shortest repr, but the exponent differently: 1e-05 against 1e-5; orjson writes NaN as null). Any other type
    (dates, paths, dataclasses, subclasses that json and orjson treat differently, what ``default`` would be asked
    about) is json's to write; a dict subclass that reads as a dict (tinydb's rows) is a dict."""
    stack: list[Iterable[Any]] = [(data,)]
    while stack:
        items = stack.pop()
        if set(map(type, items)) <= _SCALARS:
            continue
        for v in items:
            t = type(v)
            if t in _SCALARS:
                continue
            if t is float:
                if not (v == 0.0 or 1e-4 <= abs(v) < 1e16):  # (false for NaN too)
                    return False
            elif t is dict:
                stack.append(v.values())
            elif t is list or t is tuple:
                stack.append(v)
            elif isinstance(v, dict) and t.items is dict.items and t.__iter__ is dict.__iter__:
                stack.append(v.values())
            else:
                return False
    return True
