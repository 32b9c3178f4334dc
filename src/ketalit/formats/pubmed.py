"""PubMed XML (EFetch / PubMed's XML download) and MEDLINE text (.nbib) -> records, through Biopython."""

from __future__ import annotations

import functools
import gc
import io
import os
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlparse

from Bio import Medline
from Bio.Entrez.Parser import CorruptedXMLError, DataHandler, NotXMLError, ValidationError

from ..errors import ImportFormatError, KetalitError
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
)

# -- reading NCBI XML without the network ---------------------------------------------------------------------------

_PUBMED_DTD = re.compile(r"pubmed_(\d{6})\.dtd")
_ROOT = re.compile(rb"<(PubmedArticleSet|PubmedArticle|PubmedBookArticle|eSearchResult)[\s/>]")
_BOM = b"\xef\xbb\xbf"


class ForeignEntityError(Exception):
    """The XML refers to an external file that is not one of the DTDs on this machine."""


@functools.cache
def _newest_pubmed_dtd() -> str:
    names = [n for n in os.listdir(DataHandler.global_dtd_dir) if _PUBMED_DTD.fullmatch(n)]
    return max(names, key=lambda n: _PUBMED_DTD.fullmatch(n).group(1))  # type: ignore[union-attr]


class _OfflineHandler(DataHandler):
    """Biopython's Entrez parser, with DTDs read from disk only.

    Biopython downloads any DTD it does not ship (and refuses the http:// DTD addresses of older PubMed files).
    Here a DTD reference is resolved by its file name among the DTDs Biopython ships or has cached; a PubMed DTD
    it does not have (a newer one) is replaced by the newest it has, read without validation, so elements that
    DTD does not know are skipped rather than refused. Any other external reference is an error: the parser
    never opens a URL or a file the document names.
    """

    def externalEntityRefHandler(self, context: Any, base: Any, system_id: Any, public_id: Any) -> int:
        name = os.path.basename(urlparse(system_id or "").path)
        handle = self.open_dtd_file(name) if name else None
        if handle is None and _PUBMED_DTD.fullmatch(name):
            handle = self.open_dtd_file(_newest_pubmed_dtd())
            self.validating = False
        if handle is None:
            raise ForeignEntityError(f"refers to the external file {system_id!r}, which ketalit does not open")
        with handle:
            parser = self.parser.ExternalEntityParserCreate(context)
            parser.ElementDeclHandler = self.elementDecl
            parser.ParseFile(handle)
        self.parser.StartElementHandler = self.startElementHandler
        return 1


def _completed(data: bytes) -> tuple[bytes, bool]:
    """The document with the XML declaration and DOCTYPE Biopython needs (see ``read_entrez_xml``), and whether it
    is to be validated (not when its DTD had to be guessed)."""
    bom = _BOM if data.startswith(_BOM) else b""
    body = data[len(bom) :]
    validate = True
    root = _ROOT.search(body)
    if root and b"<!DOCTYPE" not in body[: root.start()]:
        name = root.group(1).decode()
        dtd = "esearch.dtd" if name == "eSearchResult" else _newest_pubmed_dtd()
        body = body[: root.start()] + f'<!DOCTYPE {name} SYSTEM "{dtd}">'.encode() + body[root.start() :]
        validate = False
    if not body.startswith(b"<?xml"):
        body = b'<?xml version="1.0" encoding="UTF-8"?>' + body
    return bom + body, validate


def read_entrez_xml(data: bytes) -> Any:
    """``Bio.Entrez.read`` on NCBI XML (EFetch PubMed XML, ESearch), without ever touching the network.

    PubMed XML saved by other tools may lack the XML declaration or the DOCTYPE, both of which Biopython needs:
    they are added (on the same line, so error positions still match the file), and a document whose DTD had to be
    guessed is read without validation.
    """
    body, validate = _completed(data)
    handler = _OfflineHandler(validate, False, False)
    try:
        return handler.read(io.BytesIO(body))
    finally:
        # The handler keeps the document too, and it is in reference cycles (with its parser and its own bound
        # methods): left there, the whole tree (about 120 objects an article) is freed only by the garbage collector.
        vars(handler).pop("record", None)


def _attr(value: Any, name: str, default: str = "") -> str:
    return getattr(value, "attributes", {}).get(name, default)


def _date_from(pubdate: Any) -> tuple[int | None, int | None]:
    if not pubdate:
        return None, None
    if "MedlineDate" in pubdate:
        return parse_date(pubdate["MedlineDate"])
    year = pubdate.get("Year")
    month_text = pubdate.get("Month") or pubdate.get("Season") or ""
    y = int(year) if year and str(year).isdigit() else None
    _, m = parse_date(f"{y or 2000} {month_text}") if month_text else (None, None)
    if month_text and str(month_text).isdigit() and 1 <= int(month_text) <= 12:
        m = int(month_text)
    return y, m


def _authors(author_list: Any) -> list[Author]:
    out = []
    for a in author_list or []:
        if _attr(a, "ValidYN", "Y") == "N":
            continue
        if "CollectiveName" in a:
            out.append(author(collective=clean_text(a["CollectiveName"])))
        else:
            out.append(
                author(
                    family=clean_text(a.get("LastName")),
                    given=clean_text(a.get("ForeName")),
                    initials=clean_text(a.get("Initials")),
                )
            )
    return out


def _abstract(abstract: Any) -> list[dict[str, str]]:
    if not abstract:
        return []
    sections = []
    for part in abstract.get("AbstractText", []):
        text = clean_text(part)
        if text:
            sections.append({"label": _attr(part, "Label"), "category": _attr(part, "NlmCategory"), "text": text})
    return sections


def _ids(article_ids: Any) -> dict[str, str]:
    return {_attr(i, "IdType"): str(i) for i in article_ids or []}


def _retraction(citation: Any, pub_types: list[str]) -> tuple[bool, list[str]]:
    notices = []
    for cc in citation.get("CommentsCorrectionsList", []) or []:
        if _attr(cc, "RefType") == "RetractionIn":
            notices.append(str(cc.get("PMID") or cc.get("RefSource") or ""))
    return ("Retracted Publication" in pub_types or bool(notices)), notices


def _mesh(citation: Any) -> list[dict[str, Any]]:
    out = []
    for h in citation.get("MeshHeadingList", []) or []:
        d = h["DescriptorName"]
        out.append(
            {
                "descriptor": str(d),
                "ui": _attr(d, "UI"),
                "major": _attr(d, "MajorTopicYN") == "Y",
                "qualifiers": [
                    {"name": str(q), "major": _attr(q, "MajorTopicYN") == "Y"} for q in h.get("QualifierName", [])
                ],
            }
        )
    return out


def _keywords(citation: Any) -> list[str]:
    return [clean_text(k) for kl in citation.get("KeywordList", []) or [] for k in kl if clean_text(k)]


def _journal_abbreviation(journal: Any, citation: Any) -> str:
    """The journal's ISO abbreviation; else NLM's title abbreviation (MedlineTA), unless that only repeats the title
    (as in a file assembled from web pages): a name given once says nothing about which form it is."""
    iso = clean_text(journal.get("ISOAbbreviation"))
    medline_ta = clean_text(citation.get("MedlineJournalInfo", {}).get("MedlineTA"))
    return iso or (medline_ta if medline_ta != clean_text(journal.get("Title")) else "")


def article_to_record(item: Any, source: str) -> Record:
    cit = item["MedlineCitation"]
    art = cit["Article"]
    journal = art.get("Journal", {})
    issue = journal.get("JournalIssue", {})
    year, month = _date_from(issue.get("PubDate"))
    if year is None and art.get("ArticleDate"):
        year, month = _date_from(art["ArticleDate"][0])
    pub_types = [str(p) for p in art.get("PublicationTypeList", [])]
    ids = _ids(item.get("PubmedData", {}).get("ArticleIdList"))
    doi = None
    for loc in art.get("ELocationID", []):
        if _attr(loc, "EIdType") == "doi":
            doi = normalize_doi(str(loc))
    doi = doi or normalize_doi(ids.get("doi"))
    retracted, notices = _retraction(cit, pub_types)
    pagination = art.get("Pagination", {}) or {}
    pages = pagination.get("MedlinePgn") or ""
    if not pages and pagination.get("StartPage"):
        pages = "-".join(x for x in (pagination.get("StartPage"), pagination.get("EndPage")) if x)
    return new_record(
        pmid=normalize_pmid(cit.get("PMID")),
        doi=doi,
        pmcid=normalize_pmcid(ids.get("pmc")),
        title=clean_text(art.get("ArticleTitle")) or clean_text(art.get("VernacularTitle")),
        authors=_authors(art.get("AuthorList")),
        journal=clean_text(journal.get("Title")),
        journal_iso=_journal_abbreviation(journal, cit),
        year=year,
        month=month,
        volume=clean_text(issue.get("Volume")),
        issue=clean_text(issue.get("Issue")),
        pages=clean_text(pages),
        abstract=_abstract(art.get("Abstract")),
        language=", ".join(art.get("Language", [])),
        publication_types=pub_types,
        mesh=_mesh(cit),
        keywords=_keywords(cit),
        retracted=retracted,
        retraction_notices=notices,
        kind="article",
    )


def book_to_record(item: Any, source: str) -> Record:
    doc = item["BookDocument"]
    book = doc.get("Book", {})
    ids = _ids(doc.get("ArticleIdList")) | _ids(item.get("PubmedBookData", {}).get("ArticleIdList"))
    year, month = _date_from(book.get("PubDate"))
    authors = []
    for al in doc.get("AuthorList", []) or book.get("AuthorList", []) or []:
        authors.extend(_authors(al))
    title = clean_text(doc.get("ArticleTitle")) or clean_text(book.get("BookTitle"))
    publisher = book.get("Publisher", {}) or {}
    return new_record(
        pmid=normalize_pmid(doc.get("PMID")),
        doi=normalize_doi(ids.get("doi")),
        pmcid=None,
        title=title,
        authors=authors,
        journal="",
        year=year,
        month=month,
        abstract=_abstract(doc.get("Abstract")),
        language=", ".join(doc.get("Language", [])),
        publication_types=[str(p) for p in doc.get("PublicationType", [])],
        keywords=_keywords(doc),
        kind="book",
        book_title=clean_text(book.get("BookTitle")),
        publisher=clean_text(publisher.get("PublisherName")),
    )


def _where(exc: Exception) -> str:
    """' at line L, column C' for an XML error, from the expat message when it has one."""
    m = re.search(r"line (\d+), column (\d+)", str(exc))
    if m:
        return f" at line {m.group(1)}, column {m.group(2)}"
    return ""


PARALLEL_BYTES = 8 * 1024 * 1024  # files larger than this are parsed on every core
PART_BYTES = 2 * 1024 * 1024  # ... in parts of about this size (about 700 articles)
_ITEM_START = re.compile(rb"<(?:PubmedArticle|PubmedBookArticle)[\s>]")
_SET_END = b"</PubmedArticleSet>"


def _split(data: bytes, parts: int) -> list[tuple[int, int, int]] | None:
    """Where to cut the document between articles into about ``parts`` runs of articles of about the same size
    (None if it cannot be): for each, (end of the document's head, start, end) in ``data`` (see ``_PartReader``).
    Each cut is the first article to start after an even share of the bytes left, found by looking there, not by
    reading the whole document."""
    first = _ITEM_START.search(data)
    end = data.rfind(_SET_END)
    if first is None or end < first.start() or _ITEM_START.search(data, end):
        return None  # truncated: the serial parser reports exactly where it broke
    cuts = [first.start()]
    for k in range(1, parts):
        share = (end - cuts[-1]) // (parts - k + 1)  # of what is left (an article may be longer than a share)
        m = _ITEM_START.search(data, cuts[-1] + max(share, 1), end)
        if m is None:
            break
        cuts.append(m.start())
    if len(cuts) < 2:
        return None  # one article, or a few large ones: one part
    return [(cuts[0], a, b) for a, b in zip(cuts, [*cuts[1:], end], strict=True)]


_MARK_TARGET = "ketalit-part-end"
_MARK = f"<?{_MARK_TARGET}?>".encode()


class _PartReader:
    """(In a worker process.) One parser for every part a worker is given: it reads the document's head once, and
    with it the DTDs (the element types, and the attribute defaults the records are read with; 7-8 ms, where the
    articles of a part take about 400), then each part's articles in turn, as if they followed one another in one
    document, as they do in the file.

    Each part is followed by a processing instruction, which counts only if the parser reports it outside every
    article: a part that leaves an element, a comment or a section open (a cut in the wrong place) is refused, and
    the file is then parsed serially, which says where it breaks."""

    def __init__(self, head: bytes) -> None:
        body, validate = _completed(head)
        self.handler = _OfflineHandler(validate, False, False)
        self.parser = self.handler.parser
        self.parser.Parse(body, False)
        self.root = self.handler.record
        if self.root.tag != "PubmedArticleSet" or self.handler.element is not self.root:
            raise ValueError("the document's head does not end inside its PubmedArticleSet")
        self.root["PubmedArticle"], self.root["PubmedBookArticle"] = [], []
        self.parser.ProcessingInstructionHandler = self._mark
        self.marked = False

    def _mark(self, target: str, data: str) -> None:
        self.marked = target == _MARK_TARGET and not data and self.handler.element is self.root

    def read(self, articles: bytes) -> tuple[list[Any], list[Any]]:
        """The PubmedArticle and PubmedBookArticle elements of one part (the parser keeps none of them)."""
        root = self.root
        self.marked = False
        try:
            self.parser.Parse(articles, False)
            self.parser.Parse(_MARK, False)
        finally:
            got = root["PubmedArticle"], root["PubmedBookArticle"]
            root["PubmedArticle"], root["PubmedBookArticle"] = [], []
        if not self.marked:
            raise ValueError("the part does not end between two articles")
        return got


_DOCUMENT = b""  # (in a worker process) the document being parsed, given to the worker as it starts
_READER: _PartReader | None = None  # (in a worker process) the parser of its parts, made with its first part


def _start_worker(data: bytes) -> None:
    """(Starts each worker process.) The garbage collector off, and the whole document kept: a process started by
    ``fork`` shares it with its parent, so each part is sent as three numbers, not copied through a pipe."""
    global _DOCUMENT, _READER
    gc.disable()
    _DOCUMENT, _READER = data, None


def _read_part(cut: tuple[int, int, int], source: str) -> list[Record]:
    global _READER
    head, a, b = cut
    try:
        if _READER is None:
            _READER = _PartReader(_DOCUMENT[:head])
        articles, books = _READER.read(_DOCUMENT[a:b])
    except Exception as exc:  # expat's errors, Biopython's, ours: the file is parsed serially for the message
        raise ImportFormatError(f"{source}: a part of the file could not be read") from exc
    out = [_convert(article_to_record, x, n, source) for n, x in enumerate(articles, 1)]
    out += [_convert(book_to_record, x, n, source) for n, x in enumerate(books, 1)]
    return out


def _parse_part(args: tuple[tuple[int, int, int], str, Callable[[list[Record]], list[Record]] | None]) -> list[Record]:
    """(In a worker process, whose garbage collector is off: see ``iter_pubmed_xml``.)"""
    cut, source, postprocess = args
    # What the parts before left in reference cycles (little: see ``read_entrez_xml``) is collected now, when no
    # record is alive, and what is alive then (modules, the tagger, the parser) is set aside for good: the collector
    # never walks a part's records, which are handed back and dropped.
    gc.collect()
    gc.freeze()
    records = _read_part(cut, source)
    return postprocess(records) if postprocess else records


def parse_pubmed_xml(
    data: bytes, source: str, parallel: bool = True, postprocess: Callable[[list[Record]], list[Record]] | None = None
) -> list[Record]:
    """Every PubmedArticle and PubmedBookArticle in an EFetch/PubMed XML document (see ``iter_pubmed_xml``)."""
    return [r for batch in iter_pubmed_xml(data, source, parallel, postprocess) for r in batch]


def iter_pubmed_xml(
    data: bytes, source: str, parallel: bool = True, postprocess: Callable[[list[Record]], list[Record]] | None = None
) -> Iterator[list[Record]]:
    """The records of an EFetch/PubMed XML document, in order, in batches.

    A large document is cut between articles and the parts parsed on every core (Biopython's parser is pure
    Python and single-threaded); ``postprocess`` (a module-level function, e.g. the tagger) then runs in the worker
    processes too (with the garbage collector off: every object a part makes is alive until it is handed back), and
    each part is handed over as soon as it and those before it are done, so that the caller can
    work on it while the rest is parsed. Any error falls back to one serial parse, which reports the exact line and
    column (the batches already handed over are not handed over again).
    """
    workers = os.cpu_count() or 1
    done = 0  # records handed over
    if parallel and workers > 1 and len(data) > PARALLEL_BYTES:
        parts = _split(data, max(workers * 4, len(data) // PART_BYTES))
        if parts:
            from concurrent.futures import ProcessPoolExecutor
            from concurrent.futures.process import BrokenProcessPool

            pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(data,))
            try:
                for batch in pool.map(_parse_part, [(cut, source, postprocess) for cut in parts]):
                    done += len(batch)
                    yield batch
                return
            except ImportFormatError:
                pass  # parse serially below for the precise message
            except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal): the import fails
                raise KetalitError(
                    f"{source}: a process parsing the file was stopped before it was done (out of memory?), so "
                    "nothing was imported; run the import again"
                ) from exc
            finally:
                pool.shutdown(cancel_futures=True)  # a caller that stopped early waits for no part not yet begun
    records = _parse_serial(data, source)[done:]
    yield postprocess(records) if postprocess else records


def _parse_serial(data: bytes, source: str) -> list[Record]:
    try:
        parsed = read_entrez_xml(data)
    except (CorruptedXMLError, NotXMLError, ValidationError, Exception) as exc:  # expat errors are plain Exceptions
        if isinstance(exc, ValidationError):
            raise ImportFormatError(f"{source}: not PubMed XML: unexpected element {exc}") from exc
        if isinstance(exc, ForeignEntityError):
            raise ImportFormatError(f"{source}: {exc} (PubMed XML needs none)") from exc
        if "neither a Document Type Definition" in str(exc):
            raise ImportFormatError(
                f"{source}: its DOCTYPE names no DTD file (PubMed XML names pubmed_YYMMDD.dtd; a file without a "
                f"DOCTYPE is read too)"
            ) from exc
        m = re.search(r"\(([^():]+)(?::\s*line \d+, column \d+)?\)", str(exc))
        why = m.group(1) if m else (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        if why == "no element found":
            why = "the file ends before the XML is complete"
        raise ImportFormatError(f"{source}: truncated or malformed XML{_where(exc)}: {why}") from exc
    if not hasattr(parsed, "get") or ("PubmedArticle" not in parsed and "PubmedBookArticle" not in parsed):
        raise ImportFormatError(f"{source}: XML, but not a PubmedArticleSet (EFetch db=pubmed retmode=xml)")
    out = [_convert(article_to_record, a, n, source) for n, a in enumerate(parsed.get("PubmedArticle", []), 1)]
    out += [_convert(book_to_record, b, n, source) for n, b in enumerate(parsed.get("PubmedBookArticle", []), 1)]
    return out


def _convert(convert: Callable[[Any, str], Record], item: Any, n: int, source: str) -> Record:
    """One article as a record; an article without an element PubMed's DTD requires refuses the file."""
    try:
        return convert(item, source)
    except KeyError as exc:
        kind = "book article" if convert is book_to_record else "article"
        raise ImportFormatError(
            f"{source}: {kind} {n} has no <{exc.args[0]}> element: not complete PubMed XML"
        ) from exc


# -- MEDLINE text ----------------------------------------------------------------------------------------------------


def _medline_doi(entry: dict[str, Any]) -> str | None:
    for field in ("LID", "AID"):
        for value in _as_list(entry.get(field)):
            if "[doi]" in value:
                return normalize_doi(value.replace("[doi]", ""))
    return None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _medline_authors(entry: dict[str, Any]) -> list[Author]:
    """FAU ('Family, Given') when present, else AU ('Family GI'); CN lines are group authors."""
    out = []
    for name in _as_list(entry.get("FAU")) or _as_list(entry.get("AU")):
        if "," in name:
            family, given = (p.strip() for p in name.split(",", 1))
            out.append(author(family=family, given=given))
        else:
            parts = name.rsplit(" ", 1)
            initials = parts[1] if len(parts) == 2 and parts[1].isupper() else ""
            out.append(author(family=parts[0] if initials else name, initials=initials))
    out.extend(author(collective=cn) for cn in _as_list(entry.get("CN")))
    return out


def _medline_mesh(entry: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for h in entry.get("MH", []):
        parts = h.split("/")
        desc = parts[0]
        out.append(
            {
                "descriptor": desc.lstrip("*"),
                "ui": "",
                "major": desc.startswith("*"),
                "qualifiers": [{"name": q.lstrip("*"), "major": q.startswith("*")} for q in parts[1:]],
            }
        )
    return out


def medline_entry_to_record(entry: dict[str, Any], source: str) -> Record:
    year, month = parse_date(entry.get("DP"))
    pub_types = list(entry.get("PT", []))
    abstract = [{"label": "", "category": "", "text": clean_text(entry["AB"])}] if entry.get("AB") else []
    return new_record(
        pmid=normalize_pmid(entry.get("PMID")),
        doi=_medline_doi(entry),
        pmcid=normalize_pmcid(entry.get("PMC")),
        title=clean_text(entry.get("TI") or entry.get("BTI") or ""),
        authors=_medline_authors(entry),
        journal=clean_text(entry.get("JT", "")),
        journal_iso=clean_text(entry.get("TA", "")),
        year=year,
        month=month,
        volume=entry.get("VI", ""),
        issue=entry.get("IP", ""),
        pages=entry.get("PG", ""),
        abstract=abstract,
        language=", ".join(entry.get("LA", [])),
        publication_types=pub_types,
        mesh=_medline_mesh(entry),
        keywords=list(entry.get("OT", [])),
        retracted="Retracted Publication" in pub_types or bool(_as_list(entry.get("RIN"))),
        retraction_notices=_as_list(entry.get("RIN")),
        kind="book" if entry.get("BTI") and not entry.get("TI") else "article",
    )


def parse_medline(text: str, source: str) -> list[Record]:
    in_record = False  # read the lines as Biopython's parser does
    for n, line in enumerate(io.StringIO(text), start=1):
        if line[:6] == "      ":
            if not in_record:  # Biopython would fail on it with a KeyError
                raise ImportFormatError(f"{source}: line {n}: a continuation line outside any record")
        else:
            in_record = line not in ("\n", "\r\n")  # a blank line ends a record
    entries = list(Medline.parse(io.StringIO(text)))
    out = []
    for n, entry in enumerate(entries, start=1):
        if not entry.get("PMID"):
            raise ImportFormatError(f"{source}: MEDLINE record {n} has no PMID line (is the file complete?)")
        out.append(medline_entry_to_record(entry, source))
    if not out:
        raise ImportFormatError(f"{source}: no MEDLINE records found")
    return out
