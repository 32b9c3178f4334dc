"""Errors meant for people: each says what was wrong, where, and what to do, and never names a command-line flag
(the command line maps each kind to its one-line message and exit status).

A message about a parameter names it as the Python API does (``max_records must be 1 or more``) and lists it in
``options``; the command line puts its own flag in that word's place (``--max must be 1 or more``).

    KetalitError
    ├── NotFound          a record, claim, page or library that is not there
    ├── BadInput          a value or file that cannot be used (ImportFormatError, QueryError)
    ├── LibraryBusy       another process holds the library's lock
    │   └── LibraryChanged another process changed the library while a command was reading it
    ├── DamagedLibrary    a library file that is damaged or is not a ketalit library (left as it is)
    ├── LibraryWriteError the library could not be written (read-only, full disk); the previous state is intact
    └── PubMedError       NCBI's E-utilities answered with an error or kept failing
"""

from __future__ import annotations

from typing import Any


class KetalitError(Exception):
    """An error the CLI prints as one line (no traceback) before exiting non-zero."""

    multiline = False  # True: the message has lines of its own to keep (a query with a caret under the problem)

    def __init__(self, message: str = "", *, options: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.options = options  # the API parameters the message names, each as a word of the message


class NotFound(KetalitError):
    """Something asked for by name or identifier is not there."""


class BadInput(KetalitError):
    """A value, option or file that cannot be used as given."""


class ImportFormatError(BadInput):
    """A file that cannot be imported: names the file and where it broke."""


class LibraryBusy(KetalitError):
    """Another process held the library's lock for the whole timeout."""


class LibraryChanged(LibraryBusy):
    """Another process changed part of the library that a command had already read: run the command again."""


class DamagedLibrary(KetalitError):
    """A library file is damaged or is not a ketalit library; it is left exactly as it is."""


class LibraryWriteError(KetalitError):
    """The library could not be written (read-only, full disk...); the previous state is intact."""


class PubMedError(KetalitError):
    """NCBI's E-utilities answered with an error, or kept failing after every retry."""


# -- what error messages say about a value -------------------------------------------------------------------------


def json_kind(value: Any) -> str:
    """The JSON type of a value as a message says it: "an object", "a list", "a string", "a boolean", "a number",
    "null"."""
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(type(value), "a number")


def utf8_text(data: bytes, where: str, error: type[BadInput] = BadInput, hint: str = "") -> str:
    """The bytes of a file as text (a byte-order mark dropped), or ``error`` naming the file and the line of the first
    byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(f"{where}: not UTF-8 text (invalid byte at line {line}){hint}") from None
