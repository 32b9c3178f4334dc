"""BibTeX export that LaTeX users can trust.

- Citation keys are the ones stored in the library (assigned once, Better BibTeX style, see ``citekey``).
- ``encoding="latex"`` (classic bibtex): LaTeX specials escaped and every non-ASCII character written as a LaTeX
  accent command in the ``{\\'e}`` form the BibTeX FAQ recommends; ``encoding="utf8"`` (biber): specials escaped,
  Unicode kept.
- Titles: words with inherent capitals (acronyms such as NMDA or IL-6, mixed case such as pH or McGill, capitals
  after the first letter) are braced, so sentence-case styles cannot lowercase them; other words are left alone.
- Group authors are braced (``{{Ketamine Study Group}}``), so BibTeX does not split them into first and last names.
- Nothing in a record can unbalance an entry or end a field early: every special character is escaped, braces
  as ``\\textbraceleft{}``/``\\textbraceright{}`` (bibtex and pybtex count ``\\{`` and ``\\}`` as braces, so an
  escaped lone brace would still end the field), so the only braces in a field are the ones this module writes.
  Control characters, escape sequences and bidi controls are dropped and line breaks folded to spaces
  (``safetext.one_line``): they break pdflatex and have no place in a citation. Names are braced where bibtex
  would otherwise split or drop them (a comma, the word "and", "others", a lone hyphen). A stored citation key is
  written with only the characters a key may hold, and made unique; a month out of range is left out. TeX's
  ligatures (``--`` for a dash, doubled quotes for curly ones) are left to LaTeX: typography, not structure.
"""

from __future__ import annotations

import re
import unicodedata

from pylatexenc.latexencode import UnicodeToLatexEncoder

from ..library.citekey import clean_key
from ..records import AXES, Record, bare_initials, valid_month
from ..safetext import one_line

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
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
    non_ascii_only=True,
    replacement_latex_protection="braces-all",
    unknown_char_policy="keep",
    unknown_char_warning=False,
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
    return escape_specials(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii").strip()) or "?"


def to_latex(text: str) -> str:
    """Escape LaTeX specials, then write non-ASCII characters as LaTeX commands."""
    if text.isascii():  # most text: no accents to encode (pylatexenc is slow per call)
        return escape_specials(text)
    out = _ENCODER.unicode_to_latex(escape_specials(unicodedata.normalize("NFC", text)))
    return "".join(c if c.isascii() else _accented(c) for c in out)


def _latex(text: str, encoding: str) -> str:
    return to_latex(text) if encoding == "latex" else escape_specials(unicodedata.normalize("NFC", text))


def encode(text: object, encoding: str) -> str:
    """Any stored value as the text of a BibTeX field: on one line, without control characters, escaped."""
    return _latex(one_line(text), encoding)


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
    for token in re.split(r"( )", one_line(title)):
        if not token or token == " ":
            out.append(token)
            continue
        enc = _latex(token, encoding)
        out.append("{" + enc + "}" if _needs_protection(token) else enc)
    return "".join(out)


# What bibtex would read as a name separator: a comma, the word "and", "others" (et al.), a part of only hyphens.
_SPLITS_NAME = re.compile(r"(?i),|(?:^|\s)and(?:\s|$)|^others$|^[\s-]+$")


def _name(author: dict[str, str], encoding: str) -> str:
    """One name as bibtex reads it ("Family, Given"); empty for an author without a name."""
    collective = _latex(one_line(author.get("collective")), encoding).strip()
    if collective:
        return "{" + collective + "}"
    family = _latex(one_line(author.get("family")), encoding).strip()
    given = one_line(author.get("given"))
    initials = bare_initials(given) or ("" if given else one_line(author.get("initials")))
    if initials:  # "Carr, DB" would be read as the given name "DB" and printed "D. Carr": write "Carr, D. B."
        given = " ".join(f"{c}." for c in initials if c.isalpha())
    given = _latex(given, encoding).strip()
    if not family:
        family, given = given, ""
    # "De Vivo", "van der Berg": the family name whole, as any part bibtex would otherwise split or drop
    out = "{" + family + "}" if " " in family or _SPLITS_NAME.search(family) else family
    if given:
        out += ", " + ("{" + given + "}" if _SPLITS_NAME.search(given) else given)
    return out


def _reads_back(value: str) -> bool:
    """Whether every BibTeX reader takes ``value`` back as written inside braces: one printable line, braces
    balanced in order, no backslash that a reader could take as escaping a brace (or the closing one)."""
    if re.search(r"\\(?=[{}]|$)", value):
        return False
    depth = 0
    for c in value:
        depth += (c == "{") - (c == "}")
        if depth < 0:
            return False
    return depth == 0 and value == one_line(value)


def expand_pages(pages: str) -> str:
    """MEDLINE's abbreviated ranges (101-9) written out, with BibTeX's en dash: 101--109."""
    m = re.fullmatch(r"\s*([A-Za-z]?)(\d+)\s*[-–]+\s*([A-Za-z]?)(\d+)\s*", pages or "")
    if not m:
        return (pages or "").replace("–", "--")
    start, end = m.group(2), m.group(4)
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return f"{m.group(1)}{start}--{m.group(3) or m.group(1)}{end}"


def export_keys(records: list[Record]) -> list[str]:
    """The key each record is exported under: its stored key without the characters a key cannot hold (a damaged
    import could store anything), made unique. A healthy library's keys come out unchanged."""
    taken: set[str] = set()
    keys = []
    for rec in records:
        pmid = clean_key(str(rec.get("pmid") or ""))
        base = clean_key(str(rec.get("citekey") or "")) or (f"pmid{pmid}" if pmid else "ref")
        key, n = base, 1
        while key in taken:
            key, n = f"{base}_{n}", n + 1
        taken.add(key)
        keys.append(key)
    return keys


def record_to_bibtex(
    rec: Record,
    encoding: str = "latex",
    abstract: bool = False,
    keywords: bool = False,
    biblatex: bool = False,
    key: str | None = None,
) -> str:
    """One entry. ``key`` defaults to the record's own (see ``export_keys``)."""
    kind = "article"
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str) -> None:
        if value:
            fields.append((name, value))

    names = [_name(a if isinstance(a, dict) else {"collective": a}, encoding) for a in rec.get("authors") or []]
    add("author", " and ".join(n for n in names if n))
    fields.append(("title", protect_title(rec.get("title") or "", encoding)))
    if rec.get("kind") == "book":
        kind = "incollection" if rec.get("book_title") and rec.get("book_title") != rec.get("title") else "book"
        if kind == "incollection":
            add("booktitle", protect_title(rec["book_title"], encoding))
        add("publisher", encode(rec.get("publisher"), encoding))
    else:
        add("journal", encode(rec.get("journal") or rec.get("journal_iso"), encoding))
    add("year", encode(rec.get("year"), encoding))
    month = valid_month(rec.get("month"))
    if month:
        fields.append(("month", MONTHS[month - 1]))  # a macro: written without braces
    notes = []
    volume, issue = encode(rec.get("volume"), encoding), encode(rec.get("issue"), encoding)
    add("volume", volume)
    if issue:
        if volume or encoding == "utf8":
            fields.append(("number", issue))
        else:  # classic styles warn "there's a number but no volume": keep the issue, as a note
            notes.append(f"No.~{issue}")
    add("pages", encode(expand_pages(one_line(rec.get("pages"))), encoding))
    add("doi", encode(rec.get("doi"), encoding))
    pmid = encode(rec.get("pmid"), encoding)
    add("pmid", pmid)
    if biblatex and pmid:
        fields.append(("eprint", pmid))
        fields.append(("eprinttype", "pubmed"))
    add("pmcid", encode(rec.get("pmcid"), encoding))
    if rec.get("language") != "eng":
        add("language", encode(rec.get("language"), encoding))
    if abstract and rec.get("abstract"):
        from .abstract import join_sections

        add("abstract", encode(join_sections(rec["abstract"]), encoding))
    if keywords:
        tags = rec.get("tags") or {}
        kw = [t for axis in AXES for t in tags.get(axis, [])]
        add("keywords", encode(", ".join(kw), encoding))
    if rec.get("journal_iso") and rec["journal_iso"] != rec.get("journal"):
        add("shortjournal", encode(rec["journal_iso"], encoding))  # biblatex's field for the ISO form
    written = {k for k, _ in fields}
    for name, value in (rec.get("extra") or {}).items():  # fields kept from an imported .bib (file, url, issn...)
        if name == "note":
            notes.insert(0, encode(value, encoding))
        elif name not in written and re.fullmatch(r"[a-z][a-z0-9_-]*", name):
            verbatim = (
                name in ("url", "file") and _reads_back(str(value)) and (encoding == "utf8" or str(value).isascii())
            )
            add(name, str(value) if verbatim else encode(value, encoding))
    if rec.get("retracted"):
        notes.append("Retracted publication")
    add("note", ". ".join(notes))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{key or export_keys([rec])[0]},\n{body}\n}}\n"


def dump_bibtex(
    records: list[Record],
    encoding: str = "latex",
    abstract: bool = False,
    keywords: bool = False,
    biblatex: bool = False,
    made: dict[tuple[int, str], str] | None = None,
) -> str:
    """The records as a .bib file. ``made``: the entries of earlier calls with the same options, by (``id`` of the
    record, key), kept and reused, for a caller that writes the same record objects, unchanged, into many files."""
    if encoding not in ("latex", "utf8"):
        raise ValueError(f"encoding must be latex or utf8, not {encoding!r}")
    head = (
        "% Exported by ketalit. Encoding: "
        + ("ASCII with LaTeX accents (bibtex)" if encoding == "latex" else "UTF-8 (biber/biblatex)")
        + "\n\n"
    )
    made = {} if made is None else made
    entries = []
    for rec, key in zip(records, export_keys(records), strict=True):
        if (id(rec), key) not in made:
            made[id(rec), key] = record_to_bibtex(rec, encoding, abstract, keywords, biblatex, key)
        entries.append(made[id(rec), key])
    return head + "\n".join(entries)
