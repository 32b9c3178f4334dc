"""CSL-JSON (what Zotero and pandoc read and write): import and export."""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import ImportFormatError
from ..records import (
    Record,
    author,
    clean_text,
    new_record,
    normalize_doi,
    normalize_pmcid,
    normalize_pmid,
    now_iso,
    valid_month,
)
from ..safetext import dumps_json
from .abstract import join_sections, split_sections


def _issued(item: dict[str, Any]) -> tuple[int | None, int | None]:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    first = parts[0] if parts else []
    year = int(first[0]) if len(first) > 0 and str(first[0]).lstrip("-").isdigit() else None
    month = int(first[1]) if len(first) > 1 and str(first[1]).isdigit() else None
    if year is None and (item.get("issued") or {}).get("raw"):
        from ..records import parse_date

        return parse_date(item["issued"]["raw"])
    return year, month


def item_to_record(item: dict[str, Any], source: str) -> Record:
    authors = []
    for a in item.get("author") or []:
        if a.get("literal"):
            authors.append(author(collective=a["literal"]))
        else:
            authors.append(author(family=a.get("family", ""), given=a.get("given", "")))
    year, month = _issued(item)
    custom = item.get("custom") or {}
    kw = item.get("keyword") or ""
    note = str(item.get("note") or "")
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
        volume=str(item.get("volume") or ""),
        issue=str(item.get("issue") or ""),
        pages=str(item.get("page") or ""),
        abstract=custom.get("abstract_sections") or split_sections(item.get("abstract") or ""),
        language=str(item.get("language") or ""),
        keywords=[k.strip() for k in kw.split(",") if k.strip()] if isinstance(kw, str) else list(kw),
        publication_types=list(custom.get("publication_types") or []),
        retracted=bool(custom.get("retracted")),
        kind="book" if item.get("type") in ("book", "chapter") else "article",
        abstract_complete="abstract incomplete" not in note.lower(),
        provenance=[{"kind": "file", "source": source, "format": "csljson", "at": now_iso()}],
        source_rank=1,
    )
    key = item.get("citation-key") or item.get("citationKey") or custom.get("citekey") or _note_key(item)
    if key:
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
    if isinstance(data, dict):
        data = data.get("items", [data]) if "items" in data else [data]
    if not isinstance(data, list):
        raise ImportFormatError(f"{source}: CSL-JSON must be a list of items")
    records, skipped = [], []
    for n, item in enumerate(data, start=1):
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
