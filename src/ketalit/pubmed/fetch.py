"""Fetch PubMed records into a library: ESearch (history server) then EFetch in batches, each batch committed.

Resumable by construction: every batch is stored in its own transaction as it arrives, and a batch whose PMIDs
are all stored already is not fetched again. So an interrupted fetch keeps what it got, and running the same
command again continues where it stopped, without duplicates.

ESearch can page through only the first 10,000 records of a query; a larger query is split into publication-date
windows (bisected until each holds at most 9,999 records) and the window counts are checked against the total.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypedDict

from ..errors import BadInput
from ..importer import store_records
from ..library import Library
from ..records import Record, now_iso, provenance, stamp
from .eutils import (
    ESEARCH_MAX,
    DeadlineError,
    EFetchResult,
    ESearchResult,
    EUtilsClient,
    EUtilsError,
    History,
    SessionExpired,
)

DEFAULT_BATCH = 200  # rentrez's default chunk; NCBI recommends batches in the hundreds
DATETYPES = ("pdat", "edat")  # publication date, date the record entered PubMed
UPDATE_OVERLAP_DAYS = 3  # Entrez dates arrive late for some records: overlap windows and dedupe on PMID


class Progress(Protocol):
    def start(self, total: int, description: str) -> None: ...
    def advance(self, n: int) -> None: ...
    def note(self, text: str) -> None: ...


class NoProgress:
    def start(self, total: int, description: str) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def note(self, text: str) -> None:
        pass


class Window(TypedDict):
    """A publication-date window of a query, and how many records PubMed has in it."""

    mindate: str | None
    maxdate: str | None
    count: int


@dataclass
class FetchReport:
    query: str
    count: int = 0
    target: int = 0
    added: int = 0
    updated: int = 0
    already_stored: int = 0
    missing: list[str] = field(default_factory=list)
    not_asked_for: list[str] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _stored_pmids(lib: Library) -> set[str]:
    return {r["pmid"] for _, r in lib.iter_records() if r.get("pmid")}


def _identified(lib: Library, pmids: list[str], source: str, kind: str) -> None:
    """Stored records that this search (or PMID list) found again, without fetching them: it identified them too,
    and the PRISMA counts (records identified per source) read that from their provenance."""

    def lacking() -> list[int]:
        found = {i for i in (lib.match({"pmid": pmid}) for pmid in pmids) if i is not None}
        return sorted(i for i in found if not _from(lib.record(i), source, kind))

    if not lacking():  # the common case when a fetch resumes: nothing to write, no lock taken
        return
    entry = provenance(kind, source, "pubmed-xml")
    with lib.transaction():
        for doc_id in lacking():  # again, under the lock
            rec = lib.record(doc_id)
            rec["provenance"] = [*(rec.get("provenance") or []), dict(entry)]
            lib.put(doc_id, rec)


def _from(rec: Record, source: str, kind: str) -> bool:
    return any(p.get("source") == source and p.get("kind") == kind for p in rec.get("provenance") or [])


_DATE = re.compile(r"(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?")


def check_limits(max_records: int | None, mindate: str | None, maxdate: str | None) -> None:
    """BadInput for ``max_records`` below 1 or a date PubMed would not read as one, before anything is asked."""
    if max_records is not None and max_records < 1:
        raise BadInput(f"max_records must be 1 or more records, not {max_records}", options=("max_records",))
    for option, value in (("mindate", mindate), ("maxdate", maxdate)):
        if value is None:
            continue
        m = _DATE.fullmatch(value.strip())
        try:
            if not m:
                raise ValueError(value)
            dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            raise BadInput(
                f"{option} {value!r} is not a date: use YYYY, YYYY/MM or YYYY/MM/DD (e.g. 2015/06/30)",
                options=(option,),
            ) from None
    if mindate and maxdate and _date(mindate, dt.date.min) > _end_date(maxdate):
        raise BadInput(f"mindate {mindate} is after maxdate {maxdate}", options=("mindate", "maxdate"))


def parse_pmids(text: str, where: str) -> list[str]:
    """The PMIDs in a text (one a line, or separated by commas, semicolons or spaces); BadInput naming ``where``
    and the line of anything that is not a PMID."""
    pmids: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        tokens = [t for t in re.split(r"[\s,;]+", line) if t]
        bad = next((t for t in tokens if not t.isdigit()), None)
        if bad:
            at = f"{where}, line {n}: " if where else ""
            raise BadInput(f"{at}{bad[:40]!r} is not a PMID (PMIDs are numbers)")
        pmids += tokens
    return pmids


def _date(s: str | None, default: dt.date) -> dt.date:
    if not s:
        return default
    parts = [int(p) for p in s.replace("-", "/").split("/") if p]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _fmt(d: dt.date) -> str:
    return d.strftime("%Y/%m/%d")


def _end_date(s: str | None) -> dt.date:
    if not s:
        return dt.date.today()
    parts = [int(p) for p in s.replace("-", "/").split("/") if p]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(*parts[:3])


def plan_windows(
    client: EUtilsClient,
    query: str,
    count: int,
    mindate: str | None,
    maxdate: str | None,
    datetype: str,
    cap: int = ESEARCH_MAX,
) -> list[Window]:
    """Date windows that each hold at most ``cap`` records (ESearch's paging limit) and together cover the query."""
    if count <= cap:
        return [{"mindate": mindate, "maxdate": maxdate, "count": count}]
    todo = [(_date(mindate, dt.date(1700, 1, 1)), _end_date(maxdate))]
    out: list[Window] = []
    while todo:
        lo, hi = todo.pop(0)
        n = client.esearch(query, retmax=0, usehistory=False, mindate=_fmt(lo), maxdate=_fmt(hi), datetype=datetype)
        if n.count == 0:
            continue
        if n.count <= cap:
            out.append({"mindate": _fmt(lo), "maxdate": _fmt(hi), "count": n.count})
        elif lo == hi:
            raise BadInput(
                f"{n.count} records of {query!r} share the date {_fmt(lo)}, more than ESearch can page through "
                f"({cap}); narrow the query (e.g. add a [mesh] or [pt] term) and fetch it in parts"
            )
        else:
            mid = lo + (hi - lo) // 2
            todo[:0] = [(lo, mid), (mid + dt.timedelta(days=1), hi)]
    return out


class _Session:
    """A search's results on NCBI's history server. When the session expires the search is run again; when the
    new one expires too, the rest is fetched by PMID (``history`` is then None)."""

    def __init__(self, client: EUtilsClient, search: Callable[[], ESearchResult], progress: Progress) -> None:
        self.client, self.search, self.progress = client, search, progress
        self.found = search()
        self.expired = False

    def history(self, start: int) -> History | None:
        if self.expired or not self.found.webenv or not self.found.query_key:
            return None
        return History(self.found.webenv, self.found.query_key, start)

    def efetch(self, batch: list[str], start: int) -> EFetchResult:
        try:
            return self.client.efetch(batch, self.history(start))
        except SessionExpired:
            self.progress.note("history session expired; searching again")
            self.found = self.search()
        try:
            return self.client.efetch(batch, self.history(start))
        except SessionExpired:
            self.progress.note("the new history session failed too; fetching the rest by PMID")
            self.expired = True
            return self.client.efetch(batch)


def _fetch_batches(
    lib: Library,
    client: EUtilsClient,
    ids: list[str],
    report: FetchReport,
    progress: Progress,
    *,
    batch_size: int,
    kind: str,
    source: str,
    session: _Session | None = None,
    stored: set[str] | None = None,
    keep_going: bool = False,
) -> list[str]:
    """The one batch loop: fetch ``ids`` in batches (from the history ``session``, else by PMID), stamp and store
    each batch in its own transaction as it arrives, and count it in ``report``. A batch whose PMIDs are all in
    ``stored`` is not asked for. With ``keep_going``, a batch that fails (but for the run's deadline) is left
    missing and the next one is asked for. Returns the PMIDs that did not come."""
    missing: list[str] = []
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        if stored is not None and all(p in stored for p in batch):
            report.already_stored += len(batch)
            _identified(lib, batch, source, kind)
            progress.advance(len(batch))
            continue
        try:
            answer = session.efetch(batch, start) if session is not None else client.efetch(batch)
        except DeadlineError:
            raise
        except EUtilsError:
            if not keep_going:
                raise
            missing.extend(batch)
            continue
        if answer.records:
            counts = store_records(lib, stamp(answer.records, kind, source, "pubmed-xml"))
            report.added += counts["added"]
            report.updated += counts["updated"]
        report.not_asked_for.extend(p for p in answer.not_asked_for if p not in report.not_asked_for)
        got = {r["pmid"] for r in answer.records}
        if stored is not None:
            stored |= got
        missing.extend(p for p in batch if p not in got)
        progress.advance(len(batch))
    return missing


def fetch_query(
    lib: Library,
    query: str,
    *,
    max_records: int | None = None,
    mindate: str | None = None,
    maxdate: str | None = None,
    datetype: str = "pdat",
    batch_size: int = DEFAULT_BATCH,
    client: EUtilsClient | None = None,
    progress: Progress | None = None,
    save: bool = True,
    cap: int = ESEARCH_MAX,
    source: str | None = None,
) -> FetchReport:
    """Fetch every record matching ``query`` (or the first ``max_records``) into ``lib``.

    ``source``: the search the records' provenance names (``query`` unless told; an update of a saved search names
    the saved search, not the query with its date limits).
    """
    check_limits(max_records, mindate, maxdate)
    if datetype not in DATETYPES:
        raise BadInput(f"datetype must be {' or '.join(DATETYPES)}, not {datetype!r}", options=("datetype",))
    source = source or query
    client = client or EUtilsClient()
    progress = progress or NoProgress()
    report = FetchReport(query=query)
    first = client.esearch(query, retmax=0, usehistory=False, mindate=mindate, maxdate=maxdate, datetype=datetype)
    report.count = first.count
    for kind, items in {**first.errors, **first.warnings}.items():
        report.warnings.append(client.redact(f"{kind}: {', '.join(items)}"))
    report.target = min(report.count, max_records) if max_records else report.count
    if save:
        _save_search(lib, query, mindate, maxdate, datetype, report, complete=False)
    if report.count == 0:
        report.requests = client.requests_made
        if save:
            _save_search(lib, query, mindate, maxdate, datetype, report, complete=True)
        return report
    windows = plan_windows(client, query, report.count, mindate, maxdate, datetype, cap)
    report.windows = windows
    covered = sum(w["count"] for w in windows)
    if covered != report.count:
        report.warnings.append(
            f"date windows cover {covered} of {report.count} records "
            f"(records without a {datetype} date cannot be split by date)"
        )
    stored = _stored_pmids(lib)
    progress.start(report.target, f"fetching {query!r}")
    remaining = report.target
    for window in windows:
        if remaining <= 0:
            break
        limit = min(remaining, window["count"])

        def search(window: Window = window, limit: int = limit) -> ESearchResult:
            return client.esearch(
                query,
                retmax=min(limit, ESEARCH_MAX),
                usehistory=True,
                mindate=window["mindate"],
                maxdate=window["maxdate"],
                datetype=datetype,
            )

        session = _Session(client, search, progress)
        ids = session.found.ids[:limit]
        report.missing += _fetch_batches(
            lib, client, ids, report, progress,
            batch_size=batch_size, kind="query", source=source, session=session, stored=stored,
        )  # fmt: skip
        remaining -= len(ids)
    if report.missing:  # listed by ESearch but not returned by EFetch: ask once more by PMID
        report.missing = _fetch_batches(
            lib, client, list(dict.fromkeys(report.missing)), report, NoProgress(),
            batch_size=batch_size, kind="query", source=source, keep_going=True,
        )  # fmt: skip
        if report.missing:
            report.warnings.append(
                f"{len(report.missing)} PMIDs listed by ESearch were not returned by EFetch: {_listing(report.missing)}"
            )
    _note_not_asked_for(report)
    report.requests = client.requests_made
    if save:
        _save_search(lib, query, mindate, maxdate, datetype, report, complete=True)
    return report


def _listing(pmids: list[str], most: int = 20) -> str:
    return ", ".join(pmids[:most]) + (" ..." if len(pmids) > most else "")


def _note_not_asked_for(report: FetchReport) -> None:
    if report.not_asked_for:
        report.warnings.append(
            f"EFetch also sent {len(report.not_asked_for)} records that were not asked for (PMIDs "
            f"{_listing(report.not_asked_for)}); they were not stored"
        )


def fetch_pmids(
    lib: Library,
    pmids: list[str],
    *,
    batch_size: int = DEFAULT_BATCH,
    refresh: bool = False,
    client: EUtilsClient | None = None,
    progress: Progress | None = None,
) -> FetchReport:
    """Fetch given PMIDs (POSTed in batches). Stored ones are skipped unless ``refresh``."""
    wanted = list(dict.fromkeys(parse_pmids(" ".join(pmids), "")))
    client = client or EUtilsClient()
    progress = progress or NoProgress()
    report = FetchReport(query=f"PMID list ({len(wanted)})", count=len(wanted), target=len(wanted))
    stored = set() if refresh else _stored_pmids(lib)
    todo = [p for p in wanted if p not in stored]
    report.already_stored = len(wanted) - len(todo)
    _identified(lib, [p for p in wanted if p in stored], "PMID list", "pmid-list")
    progress.start(len(wanted), "fetching PMIDs")
    progress.advance(report.already_stored)
    report.missing = _fetch_batches(
        lib, client, todo, report, progress, batch_size=batch_size, kind="pmid-list", source="PMID list"
    )
    if report.missing:
        report.warnings.append(
            f"{len(report.missing)} PMIDs not found in PubMed: {_listing(report.missing)}"
            + (" (the server sent other records instead)" if report.not_asked_for else "")
        )
    _note_not_asked_for(report)
    report.requests = client.requests_made
    return report


# -- saved searches --------------------------------------------------------------------------------------------------


def _search_key(query: str, mindate: str | None, maxdate: str | None, datetype: str) -> str:
    return f"{query}|{mindate or ''}|{maxdate or ''}|{datetype}"


def _save_search(
    lib: Library,
    query: str,
    mindate: str | None,
    maxdate: str | None,
    datetype: str,
    report: FetchReport,
    complete: bool,
) -> None:
    from tinydb import Query

    key = _search_key(query, mindate, maxdate, datetype)
    with lib.transaction():
        table = lib.table("searches")
        existing = table.get(Query().key == key)
        entry = dict(
            existing
            or {
                "key": key,
                "query": query,
                "mindate": mindate,
                "maxdate": maxdate,
                "datetype": datetype,
                "first_run": now_iso(),
                "runs": [],
            }
        )
        if complete:
            entry["last_complete_run"] = now_iso()
            entry["count"] = report.count
            entry["runs"] = [
                *entry.get("runs", []),
                {
                    "at": now_iso(),
                    "count": report.count,
                    "added": report.added,
                    "updated": report.updated,
                    "missing": len(report.missing),
                },
            ]
        entry["status"] = "complete" if complete else "running"
        if existing:
            table.update(entry, doc_ids=[existing.doc_id])
        else:
            table.insert(entry)


def saved_searches(lib: Library) -> list[dict[str, Any]]:
    return [dict(s) for s in lib.table("searches").all()]


def update_searches(
    lib: Library,
    *,
    client: EUtilsClient | None = None,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> list[FetchReport]:
    """Re-run every saved search for records that entered PubMed since its last complete run."""
    client = client or EUtilsClient()
    reports = []
    for s in saved_searches(lib):
        if s["query"].startswith("PMID list"):
            continue
        term = s["query"]
        if s.get("mindate") or s.get("maxdate"):
            term = f"({term}) AND ({s.get('mindate') or '1700'}:{s.get('maxdate') or '3000'}[{s['datetype']}])"
        last = s.get("last_complete_run")
        if last is None:  # never finished: run it whole again (stored batches are skipped)
            r = fetch_query(
                lib,
                s["query"],
                mindate=s.get("mindate"),
                maxdate=s.get("maxdate"),
                datetype=s["datetype"],
                client=client,
                progress=progress,
                batch_size=batch_size,
            )
        else:
            since = dt.date.fromisoformat(last[:10]) - dt.timedelta(days=UPDATE_OVERLAP_DAYS)
            r = fetch_query(
                lib,
                term,
                mindate=_fmt(since),
                maxdate=_fmt(dt.date.today()),
                datetype="edat",
                client=client,
                progress=progress,
                batch_size=batch_size,
                save=False,
                source=s["query"],
            )
            _save_search(lib, s["query"], s.get("mindate"), s.get("maxdate"), s["datetype"], r, complete=True)
        reports.append(r)
    return reports
