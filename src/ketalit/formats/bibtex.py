"""BibTeX export that LaTeX users can trust.

- Citation keys are the ones stored in the library (assigned once, Better BibTeX style, see ``citekey``).
- ``encoding="latex"`` (classic bibtex): LaTeX specials escaped and every non-ASCII character written as a LaTeX
  accent command in the ``{\\'e}`` form the BibTeX FAQ recommends; ``encoding="utf8"`` (biber): specials escaped,
  Unicode kept.
- Titles: words with inherent capitals (acronyms such as NMDA or IL-6, mixed case such as pH or McGill, capitals
  after the first letter) are braced, so sentence-case styles cannot lowercase them; other words are left alone.
- Group authors are braced (``{{Ketamine Study Group}}``), so BibTeX does not split them into first and last names.
- Nothing in a title or abstract (braces, backslashes, ``@``, ``%``) can unbalance an entry: every special
  character is escaped, so the only braces in a field are the ones this module writes.
"""

from __future__ import annotations

import re
import unicodedata

from pylatexenc.latexencode import UnicodeToLatexEncoder

from ..records import Record, bare_initials

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]")
COMBINING = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0308": '"',
    "\u0304": "=",
    "\u0306": "u",
    "\u030c": "v",
    "\u0327": "c",
    "\u0323": "d",
    "\u030a": "r",
    "\u0328": "k",
    "\u030b": "H",
}
_ENCODER = UnicodeToLatexEncoder(
    non_ascii_only=True, replacement_latex_protection="braces-all", unknown_char_policy="keep"
)


def escape_specials(text: str) -> str:
    return _SPECIAL_RE.sub(lambda m: SPECIALS[m.group(0)], text)


def _accented(char: str) -> str:
    """A character pylatexenc does not know (e.g. Vietnamese ễ), built from its base letter and accents."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if base.isascii() and marks and all(m in COMBINING for m in marks):
        out = base
        for m in marks:
            out = f"\\{COMBINING[m]}{{{out}}}"
        return "{" + out + "}"
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii") or "?"


def to_latex(text: str) -> str:
    """Escape LaTeX specials, then write non-ASCII characters as LaTeX commands."""
    if text.isascii():  # most text: no accents to encode (pylatexenc is slow per call)
        return escape_specials(text)
    out = _ENCODER.unicode_to_latex(escape_specials(unicodedata.normalize("NFC", text)))
    return "".join(c if c.isascii() else _accented(c) for c in out)


def encode(text: str, encoding: str) -> str:
    return to_latex(text) if encoding == "latex" else escape_specials(unicodedata.normalize("NFC", text))


def _needs_protection(word: str) -> bool:
    """Inherent case: a capital after the first letter of a word part (NMDA, IL-6, pH, McGill, BDNF), or a
    one-letter capital part of a compound (S-ketamine, T-cell). Title-case words (Out-of-Hospital) are not."""
    parts = [p for p in re.split(r"[-/]", re.sub(r"[^\w/-]", "", word)) if p]
    for part in parts:
        letters = [c for c in part if c.isalpha()]
        if any(c.isupper() for c in letters[1:]):
            return True
        if len(parts) > 1 and len(letters) == 1 and letters[0].isupper():
            return True
    return False


def protect_title(title: str, encoding: str) -> str:
    out = []
    for token in re.split(r"(\s+)", title):
        if not token or token.isspace():
            out.append(token)
            continue
        enc = encode(token, encoding)
        out.append("{" + enc + "}" if _needs_protection(token) else enc)
    return "".join(out)


def _name(author: dict[str, str], encoding: str) -> str:
    if author.get("collective"):
        return "{" + encode(author["collective"], encoding) + "}"
    family = encode(author.get("family") or "", encoding)
    if " " in family.strip():  # "De Vivo", "van der Berg": keep the family name whole
        family = "{" + family + "}"
    given = author.get("given") or ""
    initials = bare_initials(given) or ("" if given else author.get("initials") or "")
    if initials:  # "Carr, DB" would be read as the given name "DB" and printed "D. Carr": write "Carr, D. B."
        given = " ".join(f"{c}." for c in initials)
    return f"{family}, {encode(given, encoding)}" if given else family


def expand_pages(pages: str) -> str:
    """MEDLINE's abbreviated ranges (101-9) written out, with BibTeX's en dash: 101--109."""
    m = re.fullmatch(r"\s*([A-Za-z]?)(\d+)\s*[-–]+\s*([A-Za-z]?)(\d+)\s*", pages or "")
    if not m:
        return (pages or "").replace("–", "--")
    start, end = m.group(2), m.group(4)
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return f"{m.group(1)}{start}--{m.group(3) or m.group(1)}{end}"


def record_to_bibtex(
    rec: Record, encoding: str = "latex", abstract: bool = False, keywords: bool = False, biblatex: bool = False
) -> str:
    kind = "article"
    fields: list[tuple[str, str]] = []
    authors = rec.get("authors") or []
    if authors:
        fields.append(("author", " and ".join(_name(a, encoding) for a in authors)))
    fields.append(("title", protect_title(rec.get("title") or "", encoding)))
    if rec.get("kind") == "book":
        kind = "incollection" if rec.get("book_title") and rec.get("book_title") != rec.get("title") else "book"
        if kind == "incollection":
            fields.append(("booktitle", protect_title(rec["book_title"], encoding)))
        if rec.get("publisher"):
            fields.append(("publisher", encode(rec["publisher"], encoding)))
    elif rec.get("journal") or rec.get("journal_iso"):
        fields.append(("journal", encode(rec.get("journal") or rec.get("journal_iso") or "", encoding)))
    if rec.get("year"):
        fields.append(("year", str(rec["year"])))
    if rec.get("month"):
        fields.append(("month", MONTHS[rec["month"] - 1]))  # a macro: written without braces
    notes = []
    if rec.get("volume"):
        fields.append(("volume", encode(str(rec["volume"]), encoding)))
    if rec.get("issue"):
        if rec.get("volume") or encoding == "utf8":
            fields.append(("number", encode(str(rec["issue"]), encoding)))
        else:  # classic styles warn "there's a number but no volume": keep the issue, as a note
            notes.append(f"No.~{encode(str(rec['issue']), encoding)}")
    if rec.get("pages"):
        fields.append(("pages", encode(expand_pages(rec["pages"]), encoding)))
    if rec.get("doi"):
        fields.append(("doi", escape_specials(rec["doi"])))
    if rec.get("pmid"):
        fields.append(("pmid", rec["pmid"]))
        if biblatex:
            fields.append(("eprint", rec["pmid"]))
            fields.append(("eprinttype", "pubmed"))
    if rec.get("pmcid"):
        fields.append(("pmcid", rec["pmcid"]))
    if rec.get("language") and rec["language"] != "eng":
        fields.append(("language", encode(rec["language"], encoding)))
    if abstract and rec.get("abstract"):
        from .abstract import join_sections

        fields.append(("abstract", encode(join_sections(rec["abstract"]), encoding)))
    if keywords:
        tags = rec.get("tags") or {}
        kw = [t for axis in ("route", "outcome", "design", "setting") for t in tags.get(axis, [])]
        if kw:
            fields.append(("keywords", encode(", ".join(kw), encoding)))
    if rec.get("journal_iso") and rec.get("journal") and rec["journal_iso"] != rec["journal"]:
        fields.append(("shortjournal", encode(rec["journal_iso"], encoding)))  # biblatex's field for the ISO form
    written = {k for k, _ in fields}
    for name, value in (rec.get("extra") or {}).items():  # fields kept from an imported .bib (file, url, issn...)
        if name == "note":
            notes.insert(0, encode(value, encoding))
        elif name not in written and re.fullmatch(r"[a-z][a-z0-9_-]*", name):
            verbatim = name in ("url", "file") and value.count("{") == value.count("}")
            fields.append((name, value if verbatim else encode(value, encoding)))
    if rec.get("retracted"):
        notes.append("Retracted publication")
    if notes:
        fields.append(("note", ". ".join(notes)))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{rec['citekey']},\n{body}\n}}\n"


def dump_bibtex(
    records: list[Record],
    encoding: str = "latex",
    abstract: bool = False,
    keywords: bool = False,
    biblatex: bool = False,
) -> str:
    if encoding not in ("latex", "utf8"):
        raise ValueError(f"encoding must be latex or utf8, not {encoding!r}")
    head = (
        "% Exported by ketalit. Encoding: "
        + ("ASCII with LaTeX accents (bibtex)" if encoding == "latex" else "UTF-8 (biber/biblatex)")
        + "\n\n"
    )
    return head + "\n".join(record_to_bibtex(r, encoding, abstract, keywords, biblatex) for r in records)
