"""Curating records by hand: remove records (with their user data) and edit bibliographic fields.

An edited field is remembered in the record's ``edits``: later imports and fetches of the same paper never undo it.
A removed record is logged (identifiers, title, provenance, reason) so the PRISMA counts still account for it.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import BadInput
from .formats.abstract import split_sections
from .library import Library
from .lookup import find_record
from .records import (
    BIB_FIELDS,
    MONTHS,
    Author,
    Record,
    author,
    identity,
    normalize_doi,
    normalize_pmcid,
    normalize_pmid,
    now_iso,
)

NOT_EDITABLE = ("publication_types", "mesh", "retracted", "retraction_notices", "kind", "abstract_complete", "extra")
# Bibliographic fields a person may correct by hand (the others are PubMed's indexing, or kept as imported).
EDITABLE = tuple(f for f in BIB_FIELDS if f not in NOT_EDITABLE)
ALIASES = {"shortjournal": "journal_iso", "number": "issue", "author": "authors", "booktitle": "book_title"}


def _parse_authors(value: str) -> list[Author]:
    """'Carr, Daniel B; {World Health Organization}' or BibTeX's 'Carr, Daniel B and Smith, J'."""
    out = []
    for name in re.split(r"\s*;\s*|\s+and\s+", value.strip()):
        if not name:
            continue
        if name.startswith("{") and name.endswith("}"):
            out.append(author(collective=name[1:-1]))
        elif "," in name:
            family, given = (p.strip() for p in name.split(",", 1))
            out.append(author(family=family, given=given))
        else:
            out.append(author(family=name))
    return out


def parse_value(field: str, value: str) -> Any:
    """A field's value from the text after ``field=``; BadInput saying what is wrong."""
    v = value.strip()
    if field == "year":
        if not v:
            return None
        if not re.fullmatch(r"\d{4}", v) or not 1500 <= int(v) <= 2100:
            raise BadInput(f"year={value!r}: write a four-digit year")
        return int(v)
    if field == "month":
        if not v:
            return None
        if v.isdigit() and 1 <= int(v) <= 12:
            return int(v)
        if v[:3].lower() in MONTHS:
            return MONTHS[v[:3].lower()]
        raise BadInput(f"month={value!r}: write 1-12 or a month name")
    if field == "doi":
        if not v:
            return None
        doi = normalize_doi(v)
        if doi is None:
            raise BadInput(f"doi={value!r} is not a DOI (10.xxxx/...)")
        return doi
    if field == "pmid":
        if v and not v.isdigit():
            raise BadInput(f"pmid={value!r}: a PMID is digits only")
        return normalize_pmid(v) if v else None
    if field == "pmcid":
        return normalize_pmcid(v) if v else None
    if field == "authors":
        return _parse_authors(v)
    if field == "keywords":
        return [k.strip() for k in re.split(r"[;,]", v) if k.strip()]
    if field == "abstract":
        return split_sections(v)
    return v


def edit_record(lib: Library, ident: str, assignments: list[str]) -> tuple[Record, dict[str, Any]]:
    """Set fields from ``field=value`` assignments; re-tags the record. Returns the record and what changed."""
    from .tagging.tagger import default_tagger

    if not assignments:
        raise BadInput("give at least one field=value, e.g. year=2021")
    changes: dict[str, Any] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        field = ALIASES.get(name.strip().lower(), name.strip().lower())
        if not sep or field not in EDITABLE:
            raise BadInput(f"{item!r}: write field=value with field one of {', '.join(EDITABLE)}")
        changes[field] = parse_value(field, value)
    with lib.transaction():
        rec = find_record(lib, ident)
        for f in ("pmid", "doi"):
            if changes.get(f):
                other = lib.find(str(changes[f]))
                if other is not None and other["_id"] != rec["_id"]:
                    raise BadInput(f"{f}={changes[f]} belongs to another record ({identity(other)})")
        rec.update(changes)
        rec["edits"] = {**(rec.get("edits") or {}), **changes}
        doc_id = rec.pop("_id")
        lib.put(doc_id, default_tagger().apply(rec))
        return lib.record(doc_id), changes


def remove_records(lib: Library, idents: list[str], reason: str = "") -> list[Record]:
    """Remove records and everything attached to them (notes, screening decisions). All or nothing: an unknown
    identifier removes nothing."""
    from .screening import forget
    from .userfields import forget_notes

    with lib.transaction():
        found: dict[int, Record] = {}
        for ident in idents:
            rec = find_record(lib, ident, then="; nothing removed")
            found[rec["_id"]] = rec
        forget(lib, list(found))
        forget_notes(lib, list(found))
        log = lib.table("removed")
        for doc_id, rec in found.items():
            lib.remove(doc_id)
            log.insert(
                {
                    "pmid": rec.get("pmid"),
                    "doi": rec.get("doi"),
                    "citekey": rec.get("citekey"),
                    "title": rec.get("title") or "",
                    "provenance": rec.get("provenance") or [],
                    "merged_provenance": [m.get("provenance") or [] for m in rec.get("merged") or []],
                    "reason": reason,
                    "at": now_iso(),
                }
            )
        return list(found.values())
