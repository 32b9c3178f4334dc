"""BibTeX / BibLaTeX import (bibtexparser v2), as Zotero + Better BibTeX, JabRef and hand-written .bib files have it.

- Every entry keeps its citation key (it is what the user's ``\\cite{}`` commands use).
- LaTeX is decoded to Unicode (``{\\"u}`` -> ü, ``{NMDA}`` -> NMDA, ``\\&`` -> &); month macros (``mar``) and
  ``@string`` abbreviations are resolved; ``and``-separated names are split into family and given names, and a
  name in its own braces (``{World Health Organization}``) is a group author.
- ``pmid``, ``pmcid``, ``doi``, ``eprint`` with ``eprinttype = {pubmed}``, ``keywords`` and ``abstract`` map to their
  record fields; every other field (``file``, ``url``, ``issn``, ``shorttitle``, ...) is kept as written, decoded,
  in the record's ``extra`` and written back on BibTeX export.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ImportFormatError
from ..records import (
    MONTHS,
    Author,
    Record,
    author,
    clean_text,
    new_record,
    normalize_doi,
    normalize_pmcid,
    normalize_pmid,
    parse_date,
)
from .abstract import split_sections

# Fields read into record fields; anything else goes to ``extra``.
MAPPED = {
    "author",
    "title",
    "journal",
    "journaltitle",
    "shortjournal",
    "journalabbreviation",
    "booktitle",
    "publisher",
    "year",
    "date",
    "month",
    "volume",
    "number",
    "issue",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "eprint",
    "eprinttype",
    "abstract",
    "keywords",
    "language",
    "langid",
}
BOOK_TYPES = {"book", "inbook", "incollection", "inproceedings", "collection", "proceedings"}
VERBATIM = {"url", "file", "doi", "eprint"}  # written without LaTeX decoding (paths and addresses)


def _decoder() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    # The brace commands ketalit's BibTeX export writes; ^ for \textasciicircum (pylatexenc's default is U+02C6).
    macros = [("textbraceleft", "{"), ("textbraceright", "}"), ("textasciicircum", "^")]
    context = get_default_latex_context_db()
    context.add_context_category("text-symbols", macros=[MacroTextSpec(*m) for m in macros], prepend=True)
    return LatexNodes2Text(math_mode="text", keep_comments=False, latex_context=context).latex_to_text


def _names(raw: str, decode: Any) -> list[Author]:
    from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

    out = []
    for name in split_multiple_persons_names(raw):
        name = name.strip()
        if not name or name.lower() == "others":
            continue
        if name.startswith("{") and name.endswith("}") and _balanced(name[1:-1]):
            out.append(author(collective=clean_text(decode(name[1:-1]))))
            continue
        parts = parse_single_name_into_parts(name, strict=False)
        family = " ".join([*parts.von, *parts.last])
        given = " ".join(parts.first)
        if parts.jr:
            family = f"{family} {' '.join(parts.jr)}"
        out.append(author(family=clean_text(decode(family)), given=clean_text(decode(given))))
    return out


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def _month(value: str) -> int | None:
    v = value.strip().lower()
    if v.isdigit() and 1 <= int(v) <= 12:
        return int(v)
    return MONTHS.get(v[:3])


def entry_to_record(entry: Any, source: str, decode: Any) -> Record:
    raw = {f.key.lower(): str(f.value) for f in entry.fields}

    def text(name: str) -> str:
        return clean_text(decode(raw[name])) if raw.get(name) else ""

    year, month = parse_date(raw.get("year") or raw.get("date"))
    if raw.get("month"):
        month = _month(raw["month"]) or month
    pmid = raw.get("pmid") or (raw.get("eprint") if raw.get("eprinttype", "").lower() == "pubmed" else None)
    note = text("note")
    if not pmid:
        m = re.search(r"PMID:\s*(\d+)", note)
        pmid = m.group(1) if m else None
    kind = "book" if entry.entry_type.lower() in BOOK_TYPES else "article"
    title = text("title")
    kw = text("keywords")
    extra = {}
    for name, value in raw.items():
        if name in MAPPED:
            continue
        extra[name] = value.strip() if name in VERBATIM else clean_text(decode(value))
    rec = new_record(
        pmid=normalize_pmid(pmid),
        doi=normalize_doi(raw.get("doi")),
        pmcid=normalize_pmcid(raw.get("pmcid")),
        title=title,
        authors=_names(raw.get("author", ""), decode),
        journal=text("journal") or text("journaltitle"),
        journal_iso=text("shortjournal") or text("journalabbreviation"),
        year=year,
        month=month,
        volume=text("volume"),
        issue=text("number") or text("issue"),
        pages=text("pages").replace("--", "-").replace("–", "-"),
        abstract=split_sections(text("abstract")),
        language=text("langid") or text("language"),
        keywords=[k.strip() for k in kw.split("," if "," in kw else ";") if k.strip()],
        kind=kind,
        book_title=text("booktitle") if kind == "book" else "",
        publisher=text("publisher"),
    )
    rec["citekey"] = entry.key
    if extra:
        rec["extra"] = extra
    return rec


def parse_bibtex(text: str, source: str) -> tuple[list[Record], list[str]]:
    """Records, and the reasons for entries that were skipped. A syntax error anywhere fails the whole file."""
    import logging

    import bibtexparser

    log = logging.getLogger("bibtexparser")
    level, log.level = log.level, logging.CRITICAL  # its own messages would duplicate ours on the terminal
    try:
        library = bibtexparser.parse_string(text)
    finally:
        log.setLevel(level)
    if library.failed_blocks:
        block = library.failed_blocks[0]
        if type(block).__name__ == "DuplicateBlockKeyBlock":
            raise ImportFormatError(
                f"{source}: citation key {getattr(block, 'key', '?')!r} is used twice "
                f"(line {(block.start_line or 0) + 1}); keys must be unique"
            )
        why = str(getattr(getattr(block, "error", None), "abort_reason", "") or "")
        why = " ".join(why.split())[:200]  # it quotes the file, line breaks included: one line
        raise ImportFormatError(
            f"{source}: BibTeX syntax error in the entry starting at line {(block.start_line or 0) + 1}"
            + (f" ({why})" if why else "")
            + "; fix the file and import it again"
        )
    decode = _decoder()
    records, skipped = [], []
    for entry in library.entries:
        rec = entry_to_record(entry, source, decode)
        if not (rec["title"] or rec["doi"] or rec["pmid"]):
            where = f"entry {entry.key!r} (line {(entry.start_line or 0) + 1})"
            skipped.append(f"{source}: {where} skipped: no title, DOI or PMID")
            continue
        records.append(rec)
    if not records and not skipped:
        raise ImportFormatError(f"{source}: no BibTeX entries found")
    return records, skipped
