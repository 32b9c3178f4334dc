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
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from ..errors import ImportFormatError, KetalitError
from ..formats.pubmed import parse_pubmed_xml
from ..importer import store_records
from ..library import Library
from ..records import Record, now_iso
from .eutils import ESEARCH_MAX, DeadlineError, EUtilsClient, EUtilsError, TransientError

DEFAULT_BATCH = 200  # rentrez's default chunk; NCBI recommends batches in the hundreds
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
    windows: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Batch:
    """Checks an EFetch body and keeps the records asked for (the check runs inside the client's retry loop).

    Records the answer holds that were not asked for are never stored: their PMIDs go to ``not_asked_for``.
    """

    def __init__(self, expected: Iterable[str], by_pmid: bool = False) -> None:
        self.expected = set(expected)
        self.by_pmid = by_pmid
        self.records: list[Record] = []
        self.not_asked_for: list[str] = []

    def __call__(self, body: bytes) -> None:
        if b"<ERROR>" in body[:2000] or b"<eFetchResult" in body[:2000]:
            text = body[:300].decode("utf-8", "replace")
            history = "session" in text.lower() or "webenv" in text.lower() or "query_key" in text.lower()
            if history and not self.by_pmid:
                raise SessionExpired(text)
            raise TransientError(f"EFetch answered with an error: {text!r}")
        try:
            records = parse_pubmed_xml(body, "EFetch answer")
        except ImportFormatError as exc:
            raise TransientError(f"truncated or malformed EFetch XML ({exc})") from exc
        # asked by PMID, an empty answer is NCBI's way of saying it has none of them: not a fault to retry
        if self.expected and not records and not self.by_pmid:
            raise TransientError("EFetch answered with no records where some were expected")
        self.records = [r for r in records if r.get("pmid") in self.expected]
        self.not_asked_for = [r.get("pmid") or "(none)" for r in records if r.get("pmid") not in self.expected]

    def stored_in(self, lib: Library, report: FetchReport, source: str, kind: str) -> set[str]:
        """Store the records asked for; count them in ``report``; return their PMIDs."""
        if self.records:
            counts = store_records(lib, _provenance(self.records, source, kind))
            report.added += counts["added"]
            report.updated += counts["updated"]
        report.not_asked_for.extend(p for p in self.not_asked_for if p not in report.not_asked_for)
        return {r["pmid"] for r in self.records}


class SessionExpired(Exception):
    """The history-server session (WebEnv) is gone: search again to get a new one."""


def _stored_pmids(lib: Library) -> set[str]:
    return {r["pmid"] for _, r in lib.iter_records() if r.get("pmid")}


def _provenance(records: list[Record], query: str, kind: str) -> list[Record]:
    at = now_iso()
    for rec in records:
        rec["provenance"] = [{"kind": kind, "source": query, "format": "pubmed-xml", "at": at}]
    return records


def _identified(lib: Library, pmids: list[str], source: str, kind: str) -> None:
    """Stored records that this search (or PMID list) found again, without fetching them: it identified them too,
    and the PRISMA counts (records identified per source) read that from their provenance."""

    def lacking() -> list[int]:
        found = {i for i in (lib.match({"pmid": pmid}) for pmid in pmids) if i is not None}
        return sorted(i for i in found if not _from(lib.record(i), source, kind))

    if not lacking():  # the common case when a fetch resumes: nothing to write, no lock taken
        return
    at = now_iso()
    with lib.transaction():
        for doc_id in lacking():  # again, under the lock
            rec = lib.record(doc_id)
            entry = {"kind": kind, "source": source, "format": "pubmed-xml", "at": at}
            rec["provenance"] = [*(rec.get("provenance") or []), entry]
            lib.put(doc_id, rec)


def _from(rec: Record, source: str, kind: str) -> bool:
    return any(p.get("source") == source and p.get("kind") == kind for p in rec.get("provenance") or [])


_DATE = re.compile(r"(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?")


def check_limits(max_records: int | None, mindate: str | None, maxdate: str | None) -> None:
    """KetalitError for a ``--max`` below 1 or a date PubMed would not read as one, before anything is asked."""
    if max_records is not None and max_records < 1:
        raise KetalitError(f"--max must be 1 or more records, not {max_records}")
    for option, value in (("--mindate", mindate), ("--maxdate", maxdate)):
        if value is None:
            continue
        m = _DATE.fullmatch(value.strip())
        try:
            if not m:
                raise ValueError(value)
            dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            raise KetalitError(
                f"{option} {value!r} is not a date: use YYYY, YYYY/MM or YYYY/MM/DD (e.g. 2015/06/30)"
            ) from None
    if mindate and maxdate and _date(mindate, dt.date.min) > _end_date(maxdate):
        raise KetalitError(f"--mindate {mindate} is after --maxdate {maxdate}")


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
) -> list[dict[str, Any]]:
    """Date windows that each hold at most ``cap`` records (ESearch's paging limit) and together cover the query."""
    if count <= cap:
        return [{"mindate": mindate, "maxdate": maxdate, "count": count}]
    todo = [(_date(mindate, dt.date(1700, 1, 1)), _end_date(maxdate))]
    out = []
    while todo:
        lo, hi = todo.pop(0)
        n = client.esearch(query, retmax=0, usehistory=False, mindate=_fmt(lo), maxdate=_fmt(hi), datetype=datetype)[
            "Count"
        ]
        if n == 0:
            continue
        if n <= cap:
            out.append({"mindate": _fmt(lo), "maxdate": _fmt(hi), "count": n})
        elif lo == hi:
            raise KetalitError(
                f"{n} records of {query!r} share the date {_fmt(lo)}, more than ESearch can page through ({cap}); "
                f"narrow the query (e.g. add a [mesh] or [pt] term) and fetch it in parts"
            )
        else:
            mid = lo + (hi - lo) // 2
            todo[:0] = [(lo, mid), (mid + dt.timedelta(days=1), hi)]
    return out


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
    provenance_kind: str = "query",
    source: str | None = None,
) -> FetchReport:
    """Fetch every record matching ``query`` (or the first ``max_records``) into ``lib``.

    ``source``: the search the records' provenance names (``query`` unless told; an update of a saved search names
    the saved search, not the query with its date limits).
    """
    check_limits(max_records, mindate, maxdate)
    prov = (source or query, provenance_kind)
    client = client or EUtilsClient()
    progress = progress or NoProgress()
    report = FetchReport(query=query)
    first = client.esearch(query, retmax=0, usehistory=False, mindate=mindate, maxdate=maxdate, datetype=datetype)
    report.count = first["Count"]
    for kind, items in {**first["errors"], **first["warnings"]}.items():
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
        remaining -= _fetch_window(
            lib,
            client,
            query,
            window,
            datetype,
            batch_size,
            min(remaining, window["count"]),
            stored,
            report,
            progress,
            prov,
        )
    if report.missing:
        _refetch_missing(lib, client, report, batch_size, prov)
    _note_not_asked_for(report)
    report.requests = client.requests_made
    if save:
        _save_search(lib, query, mindate, maxdate, datetype, report, complete=True)
    return report


def _fetch_window(
    lib: Library,
    client: EUtilsClient,
    query: str,
    window: dict[str, Any],
    datetype: str,
    batch_size: int,
    limit: int,
    stored: set[str],
    report: FetchReport,
    progress: Progress,
    prov: tuple[str, str],
) -> int:
    def search() -> dict[str, Any]:
        return client.esearch(
            query,
            retmax=min(limit, ESEARCH_MAX),
            usehistory=True,
            mindate=window["mindate"],
            maxdate=window["maxdate"],
            datetype=datetype,
        )

    found = search()
    ids = found["IdList"][:limit]
    by_pmid = False  # set when the history server fails twice running: the rest is fetched by PMID
    for start in range(0, len(ids), batch_size):
        batch_ids = ids[start : start + batch_size]
        if all(p in stored for p in batch_ids):
            report.already_stored += len(batch_ids)
            _identified(lib, batch_ids, *prov)
            progress.advance(len(batch_ids))
            continue
        batch = _Batch(batch_ids, by_pmid=by_pmid)
        try:
            if by_pmid:
                client.efetch_ids(batch_ids, check=batch)
            else:
                client.efetch_history(found["WebEnv"], found["QueryKey"], start, len(batch_ids), check=batch)
        except SessionExpired:
            progress.note("history session expired; searching again")
            found = search()
            try:
                client.efetch_history(found["WebEnv"], found["QueryKey"], start, len(batch_ids), check=batch)
            except SessionExpired:
                progress.note("the new history session failed too; fetching the rest by PMID")
                by_pmid = True
                batch = _Batch(batch_ids, by_pmid=True)
                client.efetch_ids(batch_ids, check=batch)
        got = batch.stored_in(lib, report, *prov)
        stored |= got
        report.missing.extend(p for p in batch_ids if p not in got)
        progress.advance(len(batch_ids))
    return len(ids)


def _refetch_missing(
    lib: Library, client: EUtilsClient, report: FetchReport, batch_size: int, prov: tuple[str, str]
) -> None:
    """PMIDs that ESearch listed but EFetch did not return: ask once more by PMID, then report what is still out."""
    missing = list(dict.fromkeys(report.missing))
    still: list[str] = []
    for start in range(0, len(missing), batch_size):
        ids = missing[start : start + batch_size]
        batch = _Batch(ids, by_pmid=True)
        try:
            client.efetch_ids(ids, check=batch)
        except DeadlineError:
            raise
        except EUtilsError:
            still.extend(ids)
            continue
        got = batch.stored_in(lib, report, *prov)
        still.extend(p for p in ids if p not in got)
    report.missing = still
    if still:
        report.warnings.append(f"{len(still)} PMIDs listed by ESearch were not returned by EFetch: {_listing(still)}")


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
    client = client or EUtilsClient()
    progress = progress or NoProgress()
    wanted = list(dict.fromkeys(p.strip() for p in pmids if p.strip()))
    bad = [p for p in wanted if not p.isdigit()]
    if bad:
        raise KetalitError(f"not PMIDs: {', '.join(bad[:10])}")
    report = FetchReport(query=f"PMID list ({len(wanted)})", count=len(wanted), target=len(wanted))
    stored = set() if refresh else _stored_pmids(lib)
    todo = [p for p in wanted if p not in stored]
    report.already_stored = len(wanted) - len(todo)
    _identified(lib, [p for p in wanted if p in stored], "PMID list", "pmid-list")
    progress.start(len(wanted), "fetching PMIDs")
    progress.advance(report.already_stored)
    for start in range(0, len(todo), batch_size):
        ids = todo[start : start + batch_size]
        batch = _Batch(ids, by_pmid=True)
        client.efetch_ids(ids, check=batch)
        got = batch.stored_in(lib, report, "PMID list", "pmid-list")
        report.missing.extend(p for p in ids if p not in got)
        progress.advance(len(ids))
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
