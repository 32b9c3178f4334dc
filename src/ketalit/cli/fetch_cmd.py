"""`ketalit fetch`: records from PubMed, with a progress bar."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from ..render import term
from .app import JsonOpt, app, console, count_option, emit_json, err, open_library


class CliProgress:
    """A rich progress bar (fetched / total, rate, ETA) on a terminal; plain lines otherwise."""

    def __init__(self) -> None:
        self.tty = err.is_terminal
        self.bar: Any = None
        self.done = 0
        self.total = 0
        self.started = 0.0

    def start(self, total: int, description: str) -> None:
        import time

        self.total, self.done, self.started = total, 0, time.monotonic()
        description = term(description)
        if self.tty:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                ProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task: Any) -> Text:
                    return Text(f"{task.speed:.1f} rec/s" if task.speed else "")

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=False,
            )
            self.bar.start()
            self.task = self.bar.add_task(description, total=total)
        else:
            err.print(f"{description}: {total} records", highlight=False)

    def advance(self, n: int) -> None:
        import time

        self.done += n
        if self.bar is not None:
            self.bar.advance(self.task, n)
        else:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            err.print(f"fetched {self.done}/{self.total} records ({self.done / elapsed:.1f} rec/s)", highlight=False)

    def note(self, text: str) -> None:
        err.print(term(text), highlight=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def fetch(
    query: str | None = typer.Argument(None, help='PubMed query, e.g. "ketamine AND pain".'),
    max_records: int | None = typer.Option(None, "--max", help="Fetch at most N records."),
    mindate: str | None = typer.Option(None, "--mindate", help="Start date, YYYY or YYYY/MM/DD."),
    maxdate: str | None = typer.Option(None, "--maxdate", help="End date, YYYY or YYYY/MM/DD."),
    datetype: str = typer.Option(
        "pdat", "--datetype", help="Date the limits apply to: pdat (publication) or edat (entered PubMed)."
    ),
    pmid: str | None = typer.Option(None, "--pmid", help="Comma-separated PMIDs to fetch."),
    pmid_file: Path | None = typer.Option(
        None, "--pmid-file", help="File with PMIDs (one per line or comma/space separated); - reads stdin."
    ),
    update: bool = typer.Option(
        False, "--update", help="Re-run every saved search for records added since its last run."
    ),
    batch_size: int = count_option(200, "--batch-size", lo=1, hi=10000, help="Records per EFetch request."),
    timeout: str = typer.Option(
        "2m", "--timeout", help="Give up on one request after this long (then it is retried): 90, 90s, 2m."
    ),
    deadline: str = typer.Option(
        "4h", "--deadline", help="Stop the whole run after this long (what was fetched is kept): 30m, 4h."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Fetch records from PubMed (NCBI E-utilities) into the library.

    Polite by default: at most 3 requests/s (10/s with NCBI_API_KEY), tool and e-mail sent (set NCBI_EMAIL),
    retries with backoff on 429/5xx/timeouts (a Retry-After longer than a minute is cut to a minute). Each batch
    is committed as it arrives: an interrupted fetch keeps what it got, and the same command continues without
    fetching stored records again. Every request and the whole run have a deadline (--timeout, --deadline).
    KETALIT_EUTILS_URL points at a mirror; redirects are never followed, so the API key and e-mail address go
    nowhere else.
    """
    from ..api import fetch as fetch_records
    from ..api import parse_duration, read_pmids
    from ..pubmed.eutils import EUtilsClient

    request_deadline, run_deadline = parse_duration(timeout, "timeout"), parse_duration(deadline, "deadline")
    ids = (re.split(r"[\s,;]+", pmid) if pmid else []) + (read_pmids(pmid_file) if pmid_file else [])
    lib = open_library()
    progress = CliProgress()
    client = EUtilsClient(on_retry=progress.note, request_deadline=request_deadline, run_deadline=run_deadline)
    try:
        reports = fetch_records(
            lib,
            query,
            pmids=[i for i in ids if i],
            update=update,
            max_records=max_records,
            mindate=mindate,
            maxdate=maxdate,
            datetype=datetype,
            batch_size=batch_size,
            client=client,
            progress=progress,
        )
    finally:
        progress.close()
    if as_json:
        emit_json([r.as_dict() for r in reports])
        return
    for r in reports:
        console.print(
            f"{term(r.query)}: PubMed count {r.count}; added {r.added}, updated {r.updated}, "
            f"already stored {r.already_stored}; {r.requests} requests",
            highlight=False,
        )
        for w in r.warnings:
            err.print(f"[yellow]note:[/yellow] {term(w)}", highlight=False)
    if not update and not reports[0].count:
        console.print("no records matched", highlight=False)
