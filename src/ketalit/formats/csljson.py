"""CSL-JSON (what Zotero and pandoc read and write): import and export."""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import ImportFormatError, json_kind
from ..records import (
    Record,
    author,
    clean_text,
    new_record,
    normalize_doi,
    normalize_pmcid,
    normalize_pmid,
    parse_date,
    valid_month,
)
from ..safetext import dumps_json
from .abstract import join_sections, split_sections

# CSL-JSON fields ketalit reads, and the JSON types they may have (numbers are read as text).
TEXT = (str, int, float)
TEXT_KEYS = (
    "title", "container-title", "container-title-short", "journalAbbreviation", "volume", "issue", "page", "DOI",
    "PMID", "PMCID", "language", "note", "abstract", "type", "publisher", "citation-key", "citationKey",
)  # fmt: skip
# A season as a month: 13-16 (citeproc) or 21-24 (EDTF) is spring, summer, autumn, winter.
SEASONS = {13: 3, 14: 6, 15: 9, 16: 12, 21: 3, 22: 6, 23: 9, 24: 12}


def check_item(item: dict[str, Any], where: str) -> None:
    """Raise ImportFormatError naming the item and the field whose JSON type ketalit cannot read."""

    def bad(field: str, value: Any, want: str) -> ImportFormatError:
        return ImportFormatError(f"{where}: {field!r} must be {want}, not {json_kind(value)}")

    for key in TEXT_KEYS:
        if item.get(key) is not None and not isinstance(item[key], TEXT):
            raise bad(key, item[key], "text")
    authors = item.get("author")
    if authors is not None:
        if not isinstance(authors, list):
            raise bad("author", authors, 'a list of names ([{"family": ..., "given": ...}])')
        for k, a in enumerate(authors, start=1):
            if not isinstance(a, dict):
                raise bad(f"author {k}", a, "an object with family and given, or literal")
            for part in ("family", "given", "literal"):
                if a.get(part) is not None and not isinstance(a[part], TEXT):
                    raise bad(f"author {k} {part}", a[part], "text")
    issued = item.get("issued")
    if issued is not None and not isinstance(issued, (dict, str)):
        raise bad("issued", issued, 'a date object ({"date-parts": [[2019, 5]]})')
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if parts is not None and not (
            isinstance(parts, list) and all(isinstance(p, list) and all(isinstance(x, TEXT) for x in p) for p in parts)
        ):
            raise bad("issued date-parts", parts, "a list of [year, month, day] lists")
        if issued.get("raw") is not None and not isinstance(issued["raw"], TEXT):
            raise bad("issued raw", issued["raw"], "text")
    if item.get("custom") is not None and not isinstance(item["custom"], dict):
        raise bad("custom", item["custom"], "an object")
    if item.get("keyword") is not None and not isinstance(item["keyword"], (str, list)):
        raise bad("keyword", item["keyword"], "text or a list")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _issued(item: dict[str, Any]) -> tuple[int | None, int | None]:
    issued = item.get("issued") or {}
    if isinstance(issued, str):  # some tools write an EDTF date string: 2019-05-01
        return parse_date(issued)
    parts = issued.get("date-parts") or [[]]
    first = parts[0] if parts else []
    year = int(first[0]) if len(first) > 0 and str(first[0]).lstrip("-").isdigit() else None
    month = int(first[1]) if len(first) > 1 and str(first[1]).isdigit() else None
    month = SEASONS.get(month, month) if month is not None else None  # an impossible month is dropped on storing
    if year is None and issued.get("raw"):
        return parse_date(_text(issued["raw"]))
    return year, month


def item_to_record(item: dict[str, Any], source: str) -> Record:
    authors = []
    for a in item.get("author") or []:
        if a.get("literal"):
            authors.append(author(collective=_text(a["literal"])))
        else:
            authors.append(author(family=_text(a.get("family")), given=_text(a.get("given"))))
    year, month = _issued(item)
    custom = item.get("custom") or {}
    kw = item.get("keyword") or ""
    note = _text(item.get("note"))
    sections = custom.get("abstract_sections")
    types = custom.get("publication_types")
    rec = new_record(
        pmid=normalize_pmid(item.get("PMID")),
        doi=normalize_doi(item.get("DOI")),
        pmcid=normalize_pmcid(item.get("PMCID")),
        title=clean_text(item.get("title", "")),
        authors=authors,
        journal=clean_text(item.get("container-title", "")),
        journal_iso=clean_text(item.get("container-title-short") or item.get("journalAbbreviation") or ""),
        year=year,
        month=month,
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        pages=_text(item.get("page")),
        abstract=sections if isinstance(sections, list) else split_sections(_text(item.get("abstract"))),
        language=_text(item.get("language")),
        keywords=[k.strip() for k in kw.split(",") if k.strip()] if isinstance(kw, str) else list(kw),
        publication_types=list(types) if isinstance(types, list) else [],
        retracted=custom.get("retracted") is True,
        kind="book" if item.get("type") in ("book", "chapter") else "article",
        abstract_complete="abstract incomplete" not in note.lower(),
    )
    key = item.get("citation-key") or item.get("citationKey") or custom.get("citekey") or _note_key(item)
    if isinstance(key, (str, int)) and str(key).strip():
        rec["citekey"] = str(key).strip()
    return rec


def _note_key(item: dict[str, Any]) -> str | None:
    """Better BibTeX's pinned key: a line 'Citation Key: KEY' in Zotero's extra (CSL-JSON `note`)."""
    for field in ("note", "extra"):
        m = re.search(r"^\s*Citation Key:\s*(\S+)\s*$", str(item.get(field) or ""), re.M | re.I)
        if m:
            return m.group(1)
    return None


def parse_csljson(text: str, source: str) -> tuple[list[Record], list[str]]:
    """Records, and the reasons for items that were skipped."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})") from exc
    except RecursionError as exc:
        raise ImportFormatError(f"{source}: JSON nested too deeply to be CSL-JSON") from exc
    if isinstance(data, dict):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list):
        raise ImportFormatError(f"{source}: CSL-JSON must be a list of items")
    records, skipped = [], []
    for n, item in enumerate(data, start=1):
        if isinstance(item, dict):
            check_item(item, f"{source}: item {n}")
        if not isinstance(item, dict) or not (item.get("title") or item.get("DOI") or item.get("PMID")):
            skipped.append(f"{source}: item {n} skipped: no title, DOI or PMID")
            continue
        records.append(item_to_record(item, source))
    return records, skipped


def record_to_item(rec: Record) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": rec.get("citekey") or (f"pmid:{rec['pmid']}" if rec.get("pmid") else rec.get("doi") or ""),
        "citation-key": rec.get("citekey"),
        "type": "book" if rec.get("kind") == "book" else "article-journal",
        "title": rec.get("title", ""),
        "author": [
            {"literal": a if isinstance(a, str) else a["collective"]}
            if isinstance(a, str) or a.get("collective")
            else {k: v for k, v in (("family", a.get("family")), ("given", a.get("given"))) if v}
            for a in rec.get("authors", [])
        ],
    }
    year, month = rec.get("year"), valid_month(rec.get("month"))
    if isinstance(year, int) and not isinstance(year, bool):
        item["issued"] = {"date-parts": [[year] + ([month] if month else [])]}
    elif year:  # not a number (a record damaged on its way in): kept as CSL's literal date
        item["issued"] = {"literal": str(year)}
    for key, field in (
        ("container-title", "journal"),
        ("container-title-short", "journal_iso"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("page", "pages"),
        ("DOI", "doi"),
        ("PMID", "pmid"),
        ("PMCID", "pmcid"),
        ("language", "language"),
        ("publisher", "publisher"),
    ):
        if rec.get(field):
            item[key] = rec[field]
    if rec.get("abstract"):
        item["abstract"] = join_sections(rec["abstract"])
    if rec.get("keywords"):
        item["keyword"] = ", ".join(rec["keywords"])
    if not rec.get("abstract_complete", True):
        item["note"] = "abstract incomplete in snapshot"
    item["custom"] = {
        "citekey": rec.get("citekey"),
        "tags": rec.get("tags", {}),
        "abstract_sections": rec.get("abstract", []),
        "publication_types": rec.get("publication_types", []),
        "retracted": rec.get("retracted", False),
    }
    if rec.get("screening"):
        item["custom"]["screening"] = rec["screening"]
    return item


def dump_csljson(records: list[Record]) -> str:
    return dumps_json([record_to_item(r) for r in records], indent=1) + "\n"
