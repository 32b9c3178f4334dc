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
    Author,
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
from ..safetext import one_line
from .abstract import join_sections, split_sections


def _ris_author(name: str) -> Author:
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
    )


_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])  -(?: |$)")


def check_structure(text: str, source: str) -> None:
    """Every record opens with 'TY  -' and closes with 'ER  -'. rispy drops a record that does not, silently: a file
    cut short would lose its last record without a word."""
    start = 0  # line of the open record's TY, 0 when none is open
    for n, line in enumerate(text.splitlines(), start=1):
        m = _TAG_LINE.match(line)
        if not m:
            continue  # a continuation line, or text between records (some exports start with a header)
        tag = m.group(1)
        if tag == "TY":
            if start:
                raise ImportFormatError(
                    f"{source}: line {n}: a record starts before the record of line {start} ended with 'ER  -' "
                    "(a record is cut short)"
                )
            start = n
        elif not start:
            raise ImportFormatError(f"{source}: line {n}: '{tag}  -' outside a record (records start with 'TY  -')")
        elif tag == "ER":
            start = 0
    if start:
        raise ImportFormatError(
            f"{source}: the record of line {start} has no 'ER  -' end-of-record line: the file is cut short"
        )


def parse_ris(text: str, source: str) -> tuple[list[Record], list[str]]:
    if not re.search(r"^ER  -", text, re.M):
        raise ImportFormatError(f"{source}: RIS without any 'ER  -' end-of-record line (truncated?)")
    check_structure(text, source)
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
    """A record as a rispy entry. RIS is one tag per line, so every value is written on one line, without control
    characters (``safetext.one_line``): a line break in a value could otherwise start a forged ``ER  -`` or
    ``TY  -`` line."""
    entry: dict[str, Any] = {"type_of_reference": "BOOK" if rec.get("kind") == "book" else "JOUR"}
    names = [
        a.get("collective") or ", ".join(x for x in (one_line(a.get("family")), one_line(a.get("given"))) if x)
        if isinstance(a, dict)
        else a
        for a in rec.get("authors") or []
    ]
    entry["authors"] = [n for n in map(one_line, names) if n]
    entry["title"] = one_line(rec.get("title"))
    for key, field in (
        ("secondary_title", "journal"),
        ("alternate_title2", "journal_iso"),
        ("year", "year"),
        ("volume", "volume"),
        ("number", "issue"),
        ("doi", "doi"),
        ("language", "language"),
        ("accession_number", "pmid"),
        ("custom2", "pmcid"),
    ):
        value = one_line(rec.get(field))
        if value:
            entry[key] = value
    if entry.get("year") and valid_month(rec.get("month")):
        entry["date"] = f"{entry['year']}/{rec['month']:02d}//"
    sp, _, ep = one_line(rec.get("pages")).partition("-")
    if sp.strip():
        entry["start_page"] = sp.strip()
    if ep.strip():
        entry["end_page"] = ep.strip()
    abstract = one_line(join_sections(rec.get("abstract") or []))
    if abstract:
        entry["abstract"] = abstract
    keywords = [k for k in map(one_line, rec.get("keywords") or []) if k]
    if keywords:
        entry["keywords"] = keywords
    notes = []
    if entry.get("accession_number"):
        notes.append(f"PMID: {entry['accession_number']}")
    if rec.get("retracted"):
        notes.append("Retracted Publication")
    if notes:
        entry["notes"] = notes
    return entry


def dump_ris(records: list[Record], made: dict[int, dict[str, Any]] | None = None) -> str:
    """The records as a .ris file. ``made``: the entries of earlier calls, by ``id`` of the record, kept and reused,
    for a caller that writes the same record objects, unchanged, into many files."""
    made = {} if made is None else made
    for rec in records:
        if id(rec) not in made:
            made[id(rec)] = record_to_entry(rec)
    return rispy.dumps([made[id(rec)] for rec in records])
