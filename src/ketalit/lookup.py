"""Finding a record by what a person types: PMID, DOI, PMCID or citation key."""

from __future__ import annotations

from .errors import NotFound
from .library import Library
from .records import Record


def find_record(lib: Library, ident: str, then: str = "") -> Record:
    """The record ``ident`` names; NotFound saying where it was looked for (and ``then``: what did not happen)."""
    rec = lib.find(ident)
    if rec is None:
        raise NotFound(f"no record {ident!r} in {lib.root}/{then} (try `ketalit search {ident}`)")
    return rec
