"""The Python API: every `ketalit` command as a function over a ``Library``. The command line only parses options,
calls one of these and prints what it returns; scripts and tests call them directly.

    from ketalit import api

    lib = api.open_library("library")
    hits = api.search(lib, "route:intranasal outcome:onset design:rct")
    api.note(lib, hits[0]["pmid"], "read in full")
    print(api.export(lib, "bibtex", query="route:intranasal design:rct"))

Errors are ``ketalit.errors`` kinds (NotFound, BadInput, LibraryBusy, DamagedLibrary, LibraryWriteError,
PubMedError), each with a message for people that names this API's parameters, never a command-line flag.

Start-up matters (every command imports this module when it runs): everything beyond the library itself is
imported inside the function that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, cast

from .duplicates import find_duplicates as duplicates
from .duplicates import merge_records as merge
from .errors import BadInput, utf8_text
from .library import DB_NAME, Library, default_library_path
from .lookup import find_record
from .records import Record
from .screening import agreement, conflicts, resolve, screen
from .screening import reasons as screening_reasons

if TYPE_CHECKING:
    from .build import RebuildReport
    from .claims.check import CheckResult
    from .claims.extract import Candidate
    from .claims.findings import Reading
    from .claims.normalise import Normalised
    from .claims.pages import Page
    from .claims.review import ClaimReview
    from .importer import ImportReport
    from .pubmed.eutils import EUtilsClient
    from .pubmed.fetch import FetchReport, Progress
    from .report.render import ReportFiles
    from .userfields import Note

__all__ = [
    "EXPORT_FORMATS",
    "ClaimRow",
    "LinkSummary",
    "SearchHit",
    "accept_claim",
    "add_claim",
    "adopt_catalogue",
    "agreement",
    "check",
    "claim",
    "claims",
    "conflicts",
    "duplicates",
    "edit",
    "edit_claim",
    "export",
    "extract_claims",
    "fetch",
    "findings",
    "import_files",
    "index",
    "init",
    "key",
    "link_claims",
    "merge",
    "note",
    "notes",
    "open_library",
    "pages",
    "parse_duration",
    "prisma",
    "read_pmids",
    "rebuild",
    "records",
    "remove",
    "remove_claim",
    "report",
    "resolve",
    "screen",
    "screen_next",
    "screening_reasons",
    "search",
    "search_table",
    "select_records",
    "set_stance",
    "set_verdict",
    "show",
    "stats",
    "tag",
    "tag_all",
    "write_file",
]

EXPORT_FORMATS = ("jsonl", "bibtex", "ris", "csljson")
SORTS = ("relevance", "year")


class SearchHit(TypedDict):
    """One search result: the record's identifiers and what a result list shows, with its rank and BM25 score."""

    _id: int
    pmid: str | None
    doi: str | None
    year: int
    title: str
    first_author: str
    tags: dict[str, list[str]]
    citekey: str | None
    retracted: bool
    rank: int
    score: float


class ClaimRow(TypedDict, total=False):
    """A linked claim: where it is (page, quote, offsets), what it asserts (kind, tags, proposition), its verdict
    with the explanation and evidence, and whether a person reviewed or edited it."""

    id: str  # 005-03: page 005, claim 3
    document: str
    file: str
    quote: str
    start: int
    end: int
    lead_in: str
    lead_start: int | None
    lead_end: int | None
    kind: str
    routes: list[str]
    outcomes: list[str]
    settings: list[str]
    assertion: str
    polarity: str
    measure: dict[str, Any] | None
    topic: str
    checkable: bool
    proposition: dict[str, Any]
    verdict: str  # one of claims.VERDICTS: a reviewer's when there is one
    machine_verdict: str
    explanation: str
    evidence: list[dict[str, Any]]  # each record cited: claims.verdict.Evidence.as_dict, and a reviewer's stance
    reviewed: bool
    edited: bool
    review: dict[str, Any]


class LinkSummary(TypedDict):
    claims: int
    verdicts: dict[str, int]  # how many claims have each verdict
    contradictions: list[dict[str, Any]]  # pairs of claims from different pages that cannot both be true


# -- the library ---------------------------------------------------------------------------------------------------


def open_library(path: str | Path | None = None, validate: bool = True) -> Library:
    """The library at ``path`` (default ``$KETALIT_LIBRARY``, else ``./library``); NotFound if there is none."""
    return Library.open(Path(path) if path is not None else default_library_path(), validate=validate)


def init(path: str | Path | None = None) -> tuple[Library, bool]:
    """Create an empty library (or check the one there). Returns it and whether it was created."""
    root = Path(path) if path is not None else default_library_path()
    existed = (root / DB_NAME).exists()
    return Library.init(root), not existed


def import_files(lib: Library, paths: Iterable[str | Path], fmt: str | None = None) -> ImportReport:
    """Import files (format detected from their content unless ``fmt``), all or nothing; ``"-"`` reads stdin."""
    from .importer import import_files as run

    return run(lib, paths, fmt)


def rebuild(lib: Library, force: bool = False) -> RebuildReport:
    """Rebuild the library's records from its ``snapshot/`` folder, keeping what people did (see ``build``)."""
    from .build import rebuild as run

    return run(lib.root, force=force)


def records(lib: Library, idents: Sequence[str]) -> list[Record]:
    """The records these identifiers name (PMID, DOI, PMCID or citation key); NotFound for the first unknown one."""
    return [find_record(lib, ident) for ident in idents]


def show(lib: Library, ident: str) -> Record:
    """One record, with its tags and the reason for each tag."""
    return find_record(lib, ident)


def findings(lib: Library, ident: str) -> Reading:
    """What a record's abstract states: each sentence's role and the findings read from it (as stored, or read now
    when the record or the reader changed since)."""
    from .claims.findings import reading_of

    return reading_of(find_record(lib, ident))


def stats(lib: Library) -> dict[str, Any]:
    """Counts: records, with PMID / DOI / abstract, year range, tags, screening."""
    from .stats import library_stats

    return library_stats(lib)


# -- PubMed ----------------------------------------------------------------------------------------------------------


def parse_duration(value: str, option: str) -> float:
    """'90', '90s', '30m', '4h' -> seconds; BadInput naming ``option`` (the parameter it is for) otherwise."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|min|h)?\s*", value)
    if not m or float(m[1]) <= 0:
        raise BadInput(
            f"{option} {value!r} is not a duration: give seconds (120), minutes (30m) or hours (4h)", options=(option,)
        )
    return float(m[1]) * {None: 1, "s": 1, "m": 60, "min": 60, "h": 3600}[m[2]]


def read_pmids(path: str | Path) -> list[str]:
    """The PMIDs in a text file (one a line, or separated by commas or spaces; ``"-"`` reads stdin); BadInput naming
    the file and line of anything that is not a PMID."""
    from .inputs import STDIN, read_input
    from .pubmed.fetch import parse_pmids

    where = "stdin" if str(path) == STDIN else str(path)
    data = read_input(path, where, "give - to read it from stdin")
    return parse_pmids(utf8_text(data, where, hint="; save it as plain text"), where)


def fetch(
    lib: Library,
    query: str | None = None,
    *,
    pmids: Sequence[str] = (),
    update: bool = False,
    max_records: int | None = None,
    mindate: str | None = None,
    maxdate: str | None = None,
    datetype: str = "pdat",
    batch_size: int | None = None,
    client: EUtilsClient | None = None,
    progress: Progress | None = None,
) -> list[FetchReport]:
    """Fetch from PubMed: every record matching ``query``, or the given ``pmids``, or (``update``) what entered
    PubMed since each saved search last ran. One report per search."""
    from .pubmed.fetch import DEFAULT_BATCH, check_limits, fetch_pmids, fetch_query, update_searches

    check_limits(max_records, mindate, maxdate)
    batch = batch_size or DEFAULT_BATCH
    if update:
        return update_searches(lib, client=client, progress=progress, batch_size=batch)
    if pmids:
        return [fetch_pmids(lib, list(pmids), batch_size=batch, client=client, progress=progress)]
    if query:
        return [
            fetch_query(
                lib,
                query,
                max_records=max_records,
                mindate=mindate,
                maxdate=maxdate,
                datetype=datetype,
                batch_size=batch,
                client=client,
                progress=progress,
            )
        ]
    raise BadInput("give a query, PMIDs, or update", options=("pmids", "update"))


# -- searching and exporting -----------------------------------------------------------------------------------------


def search(lib: Library, query: str, limit: int | None = 20, sort: str = "relevance") -> list[SearchHit]:
    """Records matching ``query`` (the search language of the README), best first (``sort="year"``: newest first);
    ``limit=None`` for all."""
    from .search import search_library

    if sort not in SORTS:
        raise BadInput(f"sort must be {' or '.join(SORTS)}, not {sort!r}", options=("sort",))
    hits: list[SearchHit] = search_library(lib, query, limit=limit, sort=sort)  # type: ignore[assignment]
    return hits


def index(lib: Library, rebuild: bool = False) -> int:
    """Bring the search index up to date with the records (every write keeps it so; a command killed after writing
    may leave it behind), or recreate it (``rebuild``). Returns how many records it holds."""
    from .search import SearchIndex

    idx = SearchIndex.for_library(lib, rebuild=rebuild)
    try:
        return idx.n
    finally:
        idx.close()


def search_table(lib: Library, hits: list[SearchHit], columns: Sequence[str]) -> list[list[str]]:
    """The hits as rows of one-line, tab-free cells in ``columns`` (``formats.tsv.FIELDS``), like EDirect's xtract."""
    from .formats.tsv import rows

    return rows(lib, hits, columns)


def select_records(lib: Library, query: str | None = None, claim: str | None = None) -> list[Record]:
    """The records an export covers: all, those matching ``query``, or the evidence cited for ``claim``."""
    if query is not None and claim is not None:
        raise BadInput("give a query or a claim, not both (a claim's export is the evidence cited for it)")
    if query is not None and query.strip() == "-":
        raise BadInput(
            "'-' is not a query: an export is returned (or written to output, when given)", options=("output",)
        )
    if claim is not None:
        from .claims.store import evidence_records

        return evidence_records(lib, claim)
    if query is None:
        return lib.records()
    return [lib.record(h["_id"]) for h in search(lib, query, limit=None)]


def export(
    lib: Library,
    fmt: str,
    query: str | None = None,
    claim: str | None = None,
    *,
    encoding: str = "latex",
    abstract: bool = False,
    keywords: bool = False,
    biblatex: bool = False,
    output: str | Path | None = None,
) -> str:
    """The records (all, a query's or a claim's evidence) as ``fmt`` (jsonl, bibtex, ris, csljson); written to
    ``output`` too when given. ``encoding``, ``abstract``, ``keywords`` and ``biblatex`` are BibTeX's options."""
    if fmt not in EXPORT_FORMATS:
        raise BadInput(f"fmt must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}", options=("fmt",))
    if output is not None:
        _check_output_file(Path(output))
    if fmt == "jsonl":
        text = _jsonl(lib, select_records(lib, query, claim))
    elif fmt == "bibtex":
        from .formats.bibtex import dump_bibtex

        enc = {"utf-8": "utf8", "utf_8": "utf8", "unicode": "utf8", "ascii": "latex"}.get(encoding.lower())
        enc = enc or encoding.lower()
        if enc not in ("latex", "utf8"):
            raise BadInput(f"encoding must be latex or utf8 (utf-8), not {encoding!r}", options=("encoding",))
        text = dump_bibtex(select_records(lib, query, claim), enc, abstract, keywords, biblatex)
    elif fmt == "ris":
        from .formats.ris import dump_ris

        text = dump_ris(select_records(lib, query, claim))
    else:
        from .formats.csljson import dump_csljson

        text = dump_csljson(select_records(lib, query, claim))
    if output is not None:
        write_file(Path(output), text)
    return text


def _jsonl(lib: Library, recs: list[Record]) -> str:
    """Every record with all fields and tags, and every screening decision, one JSON object per line."""
    from .screening import decisions
    from .stats import iter_jsonl

    by_record: dict[int, list[dict[str, Any]]] = {}
    for d in decisions(lib):
        by_record.setdefault(d["record"], []).append({k: v for k, v in d.items() if k != "record"})
    out = [dict(r, screening_decisions=by_record[r["_id"]]) if r["_id"] in by_record else r for r in recs]
    return "".join(line + "\n" for line in iter_jsonl(out))


def _check_output_file(output: Path) -> None:
    """A file can be written here: its folder exists (a typo is not a new folder) and it is not a folder."""
    folder = output.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise BadInput(f"cannot write {output}: {folder}/ {what} (create the folder first, or fix the path)")
    if output.is_dir():
        raise BadInput(f"cannot write {output}: it is a folder (give a file name, e.g. {output / 'export.bib'})")


def write_file(output: Path, text: str) -> None:
    """``text`` written to ``output`` atomically, into a folder that exists; nothing is written on failure."""
    from .errors import LibraryWriteError
    from .library.storage import atomic_write_bytes, describe

    _check_output_file(output)
    try:
        atomic_write_bytes(output, text.encode("utf-8"))
    except OSError as exc:
        raise LibraryWriteError(f"cannot write {output} ({describe(exc)}); nothing was written") from exc


# -- a record's user data and fields ---------------------------------------------------------------------------------


def tag(lib: Library, ident: str, add: Sequence[str] = (), remove: Sequence[str] = ()) -> Record:
    """Add or remove tags by hand (``axis:tag``); the record is re-tagged with them on top."""
    from .userfields import set_manual_tags

    return set_manual_tags(lib, ident, list(add), list(remove))


def tag_all(lib: Library, progress: bool = False) -> int:
    """Re-tag every record (manual tags stay on top). Returns how many."""
    from .userfields import retag_all

    return retag_all(lib, progress=progress)


def note(lib: Library, ident: str, text: str) -> list[Note]:
    """Add a dated note to a record; returns all its notes, oldest first."""
    from .userfields import add_note

    return notes(lib, add_note(lib, ident, text)["_id"])


def notes(lib: Library, ident: str | int) -> list[Note]:
    """A record's notes, oldest first."""
    from .userfields import notes as stored

    return stored(lib, ident if isinstance(ident, int) else find_record(lib, ident)["_id"])


def key(lib: Library, ident: str, new_key: str) -> tuple[str, str]:
    """Pin or rename a record's citation key. Returns (old, new)."""
    from .userfields import set_citekey

    return set_citekey(lib, ident, new_key)


def edit(lib: Library, ident: str, assignments: Sequence[str]) -> tuple[Record, dict[str, Any]]:
    """Correct bibliographic fields from ``field=value`` assignments. Returns the record and what changed."""
    from .curation import edit_record

    return edit_record(lib, ident, list(assignments))


def remove(lib: Library, idents: Sequence[str], reason: str = "") -> list[Record]:
    """Remove records with their notes and screening decisions (logged for PRISMA); all or nothing."""
    from .curation import remove_records

    return remove_records(lib, list(idents), reason)


# -- screening -------------------------------------------------------------------------------------------------------


def screen_next(
    lib: Library, stage: str = "title_abstract", reviewer: str | None = None, limit: int = 1
) -> dict[str, Any]:
    """The records ``reviewer`` has not screened at ``stage``, most likely includes first."""
    from .priority import rank
    from .screening import check_stage, default_reviewer

    check_stage(lib, stage)
    return rank(lib, stage=stage, reviewer=reviewer if reviewer is not None else default_reviewer(), limit=limit)


def prisma(lib: Library, svg: str | Path | None = None) -> dict[str, Any]:
    """PRISMA 2020 flow counts (with their arithmetic checks); the flow diagram written to ``svg`` when given."""
    from .prisma import prisma_counts, prisma_svg

    counts = prisma_counts(lib)
    if svg is not None:
        write_file(Path(svg), prisma_svg(counts))
    return counts


# -- claims ----------------------------------------------------------------------------------------------------------


def check(
    lib: Library,
    page: str | Path,
    *,
    title: str | None = None,
    url: str | None = None,
    accessed: str | None = None,
    clinic: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> CheckResult:
    """Check a marketing page (a text or HTML file, ``"-"`` for stdin) end to end: keep it, find its claims,
    normalise and link them. Checking the same page again updates it and keeps every review. ``progress`` hears
    when the long part starts (the arguments are checked by then)."""
    from .claims.check import check_page, parse_accessed

    data, name = _read_page(page)
    accessed = parse_accessed(accessed) if accessed else None
    if progress is not None:
        progress("reading the page, finding its claims and linking them to the evidence ...")
    return check_page(lib, data, name, title=title, url=url, accessed=accessed, clinic=clinic)


def _read_page(page: str | Path) -> tuple[bytes, str]:
    """A page's bytes and the name to report it by: a regular file, or ``"-"`` for stdin; never an empty one."""
    from .claims.pages import read_source

    data, name = read_source(str(page))
    if not data.strip():
        raise BadInput(f"{name}: the page is empty")
    return data, name


def extract_claims(
    page: str | Path, *, title: str | None = None, url: str | None = None, clinic: str | None = None
) -> tuple[Page, list[tuple[Candidate, Normalised]]]:
    """The page as `check` reads it (its text, title, URL and clinic: given, else the HTML's) and the claims `check`
    would find in it, each with its normalised form, without adding the page."""
    from .claims.check import page_claims
    from .claims.pages import read_page

    data, name = _read_page(page)
    read = read_page(data, name, title, url, clinic)
    return read, page_claims(read.text, read.title, read.url, read.clinic)


def link_claims(lib: Library) -> LinkSummary:
    """Recompute every claim's evidence and verdict (reviews are kept); the claims and verdict counts."""
    from collections import Counter

    from .claims.store import link_all, stored_claims

    result = link_all(lib)
    rows = stored_claims(lib)
    return {
        "claims": len(rows),
        "verdicts": dict(Counter(r["verdict"] for r in rows)),
        "contradictions": result["contradictions"],
    }


def claims(
    lib: Library, document: str | None = None, verdict: str | None = None, unreviewed: bool = False
) -> list[ClaimRow]:
    """The linked claims (of one page, with one verdict, or not yet reviewed), each with the machine's verdict
    and a reviewer's."""
    from .claims import VERDICTS
    from .claims.check import resolve_document
    from .claims.review import public
    from .claims.store import stored_claims

    if verdict and verdict not in VERDICTS:
        raise BadInput(f"verdict must be one of {', '.join(VERDICTS)}", options=("verdict",))
    rows = stored_claims(lib)
    if document:
        doc = resolve_document(lib.root, document)
        rows = [r for r in rows if r["document"] == doc]
    return [
        cast(ClaimRow, public(r))
        for r in rows
        if (not verdict or r["verdict"] == verdict) and not (unreviewed and r.get("reviewed"))
    ]


def claim(lib: Library, claim_id: str) -> ClaimRow:
    """One claim with its evidence, the machine's verdict and stances and a reviewer's."""
    from .claims.review import public
    from .claims.store import get_claim

    return cast(ClaimRow, public(get_claim(lib, claim_id)))


def pages(lib: Library) -> list[dict[str, Any]]:
    """The pages in the library: number, title, clinic, URL, date read, claims and how many are reviewed."""
    from .claims.check import pages_summary

    return pages_summary(lib)


def set_stance(
    lib: Library, claim_id: str, record: str, stance: str, note: str = "", reviewer: str | None = None
) -> ClaimReview:
    """A reviewer's stance of one record on a claim (a record the machine missed is added)."""
    from .claims.review import set_stance as decide

    return decide(lib, claim_id, record, stance, note, reviewer)


def set_verdict(lib: Library, claim_id: str, verdict: str, note: str = "", reviewer: str | None = None) -> ClaimReview:
    """Overrule (or accept) the machine's verdict on a claim; overruling needs a ``note``."""
    from .claims.review import set_verdict as decide

    return decide(lib, claim_id, verdict, note, reviewer)


def edit_claim(
    lib: Library, claim_id: str, fields: Sequence[str], note: str = "", reviewer: str | None = None
) -> ClaimReview:
    """Correct a claim's normalised form or quote from ``field=value`` items; the claim is linked again."""
    from .claims.review import edit_claim as edit_one
    from .claims.review import parse_fields

    return edit_one(lib, claim_id, parse_fields(list(fields)), note, reviewer)


def remove_claim(lib: Library, claim_id: str, note: str, reviewer: str | None = None) -> ClaimReview:
    """Mark an extracted sentence as not a claim (checking the page again does not bring it back)."""
    from .claims.review import remove_claim as remove_one

    return remove_one(lib, claim_id, note, reviewer)


def add_claim(
    lib: Library,
    document: str,
    quote: str,
    fields: Sequence[str] = (),
    lead_in: str = "",
    note: str = "",
    reviewer: str | None = None,
) -> ClaimReview:
    """Add a claim the extraction missed to a page (its number, URL or title); it is normalised and linked."""
    from .claims.check import resolve_document
    from .claims.review import add_claim as add_one
    from .claims.review import parse_fields

    doc = resolve_document(lib.root, document)
    return add_one(lib, doc, quote, lead_in, parse_fields(list(fields)), note, reviewer)


def accept_claim(lib: Library, claim_id: str, note: str = "", reviewer: str | None = None) -> ClaimReview:
    """Confirm that a claim the machine found is a claim, as the machine read it (its verdict is reviewed apart)."""
    from .claims.review import accept_claim as accept

    return accept(lib, claim_id, note, reviewer)


def adopt_catalogue(
    lib: Library, catalogue: str | Path, reviewer: str, note: str, remove_absent: bool = False
) -> dict[str, int]:
    """Take a hand-made claims catalogue over as a person's decisions on what `check` found in the same pages; a
    claim only the machine found stays the machine's, unreviewed, unless ``remove_absent``."""
    from .claims.review import adopt_catalogue as adopt

    return adopt(lib, Path(catalogue), reviewer, note, remove_absent=remove_absent)


# -- the report ------------------------------------------------------------------------------------------------------


def report(lib: Library, output: str | Path = "report", document: str | None = None) -> ReportFiles:
    """Write the evidence-gap report (report.html, report.md, gap_map.svg, each claim's evidence under evidence/) into
    the folder ``output``, of the whole library or of one page (``document``: its number, URL or title).

    The report shows the verdicts as they were stored, and ``data["link_state"]`` says when the records changed
    after the claims were linked. Claims that were never linked are linked first: the report would have no
    verdicts to show."""
    from .report.render import write_report

    out = Path(output)
    if out.exists() and not out.is_dir():
        raise BadInput(f"cannot write the report into {out}: it is a file, not a folder")
    if not out.parent.is_dir():  # the report's own folder is made; a missing parent is a typo, not a new tree
        raise BadInput(f"cannot write the report into {out}/: {out.parent}/ does not exist (create it first)")
    if not lib.table("claims").all():
        from .claims.catalogue import load_catalogue
        from .claims.store import link_all

        if load_catalogue(lib.root, verify=False):
            link_all(lib)
            lib = Library.open(lib.root)
    doc = None
    if document:
        from .claims.check import resolve_document

        doc = resolve_document(lib.root, document)
    return write_report(lib, out, document=doc)
