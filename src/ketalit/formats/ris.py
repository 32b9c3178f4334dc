"""RIS (EndNote, Mendeley, Zotero): import and export through rispy.

ketalit writes PMID in ``AN``, PMCID in ``C2`` and the retraction flag in ``N1``; when reading it also accepts
``PMID: 123`` in notes, as several tools write it.
"""

from __future__ import annotations

import re
from typing import Any

import rispy

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
    parse_date,
)
from .abstract import join_sections, split_sections


def _ris_author(name: str) -> dict[str, str]:
    if name.startswith("{") and name.endswith("}"):  # a braced group author, as BibTeX-minded tools write it
        return author(collective=name[1:-1])
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return author(family=family, given=given)
    return author(collective=name) if " " in name.strip() else author(family=name)


def entry_to_record(entry: dict[str, Any], source: str) -> Record:
    notes = entry.get("notes") or []
    pmid = None
    acc = str(entry.get("accession_number") or "")
    if acc.isdigit():
        pmid = acc
    for n in notes:
        m = re.search(r"PMID:\s*(\d+)", n)
        if m:
            pmid = pmid or m.group(1)
    year, month = parse_date(entry.get("year") or entry.get("publication_year") or entry.get("date"))
    _, m2 = parse_date(entry.get("date"))
    sp, ep = entry.get("start_page", ""), entry.get("end_page", "")
    authors = [_ris_author(a) for a in entry.get("authors", []) + entry.get("first_authors", [])]
    return new_record(
        pmid=normalize_pmid(pmid),
        doi=normalize_doi(entry.get("doi")),
        pmcid=normalize_pmcid(entry.get("custom2")),
        title=clean_text(entry.get("title") or entry.get("primary_title") or ""),
        authors=authors,
        journal=clean_text(
            entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title3") or ""
        ),
        journal_iso=clean_text(entry.get("alternate_title2") or entry.get("alternate_title1") or ""),
        year=year,
        month=month or m2,
        volume=str(entry.get("volume") or ""),
        issue=str(entry.get("number") or ""),
        pages=f"{sp}-{ep}" if sp and ep else str(sp or ""),
        abstract=split_sections(entry.get("abstract") or ""),
        language=entry.get("language", ""),
        keywords=list(entry.get("keywords", [])),
        retracted=any("retracted publication" in n.lower() for n in notes),
        kind="book" if entry.get("type_of_reference") in ("BOOK", "CHAP") else "article",
        provenance=[{"kind": "file", "source": source, "format": "ris", "at": now_iso()}],
        source_rank=1,
    )


def parse_ris(text: str, source: str) -> tuple[list[Record], list[str]]:
    if not re.search(r"^ER  -", text, re.M):
        raise ImportFormatError(f"{source}: RIS without any 'ER  -' end-of-record line (truncated?)")
    try:
        entries = rispy.loads(text)
    except Exception as exc:
        raise ImportFormatError(f"{source}: malformed RIS ({exc})") from exc
    records, skipped = [], []
    for n, entry in enumerate(entries, start=1):
        if not (entry.get("title") or entry.get("primary_title") or entry.get("doi")):
            skipped.append(f"{source}: RIS record {n} skipped: no title or DOI")
            continue
        records.append(entry_to_record(entry, source))
    return records, skipped


def record_to_entry(rec: Record) -> dict[str, Any]:
    entry: dict[str, Any] = {"type_of_reference": "BOOK" if rec.get("kind") == "book" else "JOUR"}
    entry["authors"] = [
        a["collective"] if a.get("collective") else ", ".join(x for x in (a.get("family"), a.get("given")) if x)
        for a in rec.get("authors", [])
    ]
    entry["title"] = rec.get("title", "")
    if rec.get("journal"):
        entry["secondary_title"] = rec["journal"]
    if rec.get("journal_iso"):
        entry["alternate_title2"] = rec["journal_iso"]
    if rec.get("year"):
        entry["year"] = str(rec["year"])
        if rec.get("month"):
            entry["date"] = f"{rec['year']}/{rec['month']:02d}//"
    for key, field in (
        ("volume", "volume"),
        ("number", "issue"),
        ("doi", "doi"),
        ("language", "language"),
        ("accession_number", "pmid"),
        ("custom2", "pmcid"),
    ):
        if rec.get(field):
            entry[key] = str(rec[field])
    pages = rec.get("pages") or ""
    if pages:
        sp, _, ep = pages.partition("-")
        entry["start_page"] = sp.strip()
        if ep:
            entry["end_page"] = ep.strip()
    if rec.get("abstract"):
        entry["abstract"] = join_sections(rec["abstract"])
    if rec.get("keywords"):
        entry["keywords"] = list(rec["keywords"])
    notes = []
    if rec.get("pmid"):
        notes.append(f"PMID: {rec['pmid']}")
    if rec.get("retracted"):
        notes.append("Retracted Publication")
    if notes:
        entry["notes"] = notes
    return entry


def dump_ris(records: list[Record]) -> str:
    return rispy.dumps([record_to_entry(r) for r in records])
