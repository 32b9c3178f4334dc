"""Recognise an input file's format from its content, and read it into records."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImportFormatError, utf8_text
from ..inputs import STDIN, open_input
from ..records import Record, stamp
from .bibtex_import import parse_bibtex
from .csljson import parse_csljson
from .pubmed import iter_pubmed_xml, parse_medline
from .ris import parse_ris

FORMATS = ("pubmed-xml", "medline", "ris", "csljson", "bibtex")
SNIFF_BYTES = 64 * 1024


@dataclass
class ParsedFile:
    path: Path
    format: str
    records: list[Record]
    skipped: list[str] = field(default_factory=list)


def sniff(head: bytes, source: str) -> str:
    """The format of a file from its first bytes; ImportFormatError with the reason if it is none we read."""
    if not head.strip():
        raise ImportFormatError(f"{source}: empty file")
    if b"\x00" in head[:8192]:
        raise ImportFormatError(f"{source}: binary data (NUL bytes at the start), not a bibliography file")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a multi-byte character cut by the sniff window is fine
            raise ImportFormatError(
                f"{source}: not UTF-8 text (invalid byte at offset {exc.start}); binary file or wrong encoding"
            ) from exc
        text = head[: exc.start].decode("utf-8")
    text = text.lstrip("\ufeff").lstrip()
    if text.startswith("<"):
        if re.search(r"<(PubmedArticleSet|PubmedArticle|PubmedBookArticle)\b", text):
            return "pubmed-xml"
        root = re.search(r"<([A-Za-z][\w.-]*)", re.sub(r"<\?.*?\?>|<!.*?>", "", text, flags=re.S))
        name = root.group(1) if root else "?"
        raise ImportFormatError(
            f"{source}: XML, but not PubMed XML (root element <{name}>, expected <PubmedArticleSet>)"
        )
    if text[:1] in "[{":
        return "csljson"
    if re.search(r"^TY  - ", text[:8192], re.M):
        return "ris"
    if re.search(r"^PMID- ", text[:8192], re.M):
        return "medline"
    if re.search(r"^\s*@[A-Za-z]+\s*[{(]", text[:SNIFF_BYTES], re.M) and text[:1] in "@%\n":
        return "bibtex"
    raise ImportFormatError(
        f"{source}: unrecognised format (expected PubMed XML, MEDLINE/.nbib, RIS, CSL-JSON or BibTeX; "
        "force one with fmt)",
        options=("fmt",),
    )


def read_file(
    path: str | Path,
    fmt: str | None = None,
    postprocess: Callable[[list[Record]], list[Record]] | None = None,
    label: str | None = None,
) -> ParsedFile:
    """Parse one file completely. Raises ImportFormatError (naming the file and the place) if it cannot.

    Every record's provenance names the file (or ``label``, e.g. a path relative to the library). ``postprocess``
    (a module-level function over a list of records) may run in parallel worker processes for large PubMed XML
    files; callers must not rely on it having run.
    """
    parsed, batches = open_file(path, fmt, postprocess, label)
    parsed.records = [r for batch in batches for r in batch]
    return parsed


def open_file(
    path: str | Path,
    fmt: str | None = None,
    postprocess: Callable[[list[Record]], list[Record]] | None = None,
    label: str | None = None,
) -> tuple[ParsedFile, Iterator[list[Record]]]:
    """``read_file``, with the records handed over in batches as they are parsed (a large PubMed XML file is parsed
    in worker processes while the caller works on the batches before): the file (its ``records`` left empty) and
    the batches. The file is read and its format recognised at once; an error in its content may be raised by the
    batches."""
    path = Path(path)
    source = str(path)
    if fmt is not None and fmt not in FORMATS:
        raise ImportFormatError(
            f"{source}: fmt {fmt!r} is not a format ketalit reads (choose from {', '.join(FORMATS)})", options=("fmt",)
        )
    if source == STDIN:
        source = "<stdin>"
    with open_input(path, source, "pipe it into `ketalit import -`", ImportFormatError) as fh:
        try:
            head = fh.read(SNIFF_BYTES)  # a file of some other kind is refused before the rest is read
            detected = sniff(head, source) if fmt is None else fmt
            if fh.seekable():  # read whole, not joined to the head (a copy of the file: 0.1 s at 150 MB)
                fh.seek(-len(head), os.SEEK_CUR)
                data = fh.read()
            else:
                data = head + fh.read()
        except OSError as exc:
            raise ImportFormatError(f"{source}: cannot read ({exc.strerror})") from exc
    if not data or data.isspace():  # (``strip`` would copy the file)
        raise ImportFormatError(f"{source}: empty file")
    parsed = ParsedFile(path, detected, [])
    where = label or source
    if detected == "pubmed-xml":
        batches = iter_pubmed_xml(data, source, postprocess=postprocess)
        return parsed, (stamp(batch, "file", where, detected) for batch in batches)
    text = utf8_text(data, source, ImportFormatError)
    if detected == "medline":
        records = parse_medline(text, source)
    elif detected == "ris":
        records, parsed.skipped = parse_ris(text, source)
    elif detected == "bibtex":
        records, parsed.skipped = parse_bibtex(text, source)
    else:
        records, parsed.skipped = parse_csljson(text, source)
    return parsed, iter([stamp(records, "file", where, detected)])
