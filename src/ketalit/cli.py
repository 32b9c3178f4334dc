"""The ketalit command line. Commands parse options, call the library API and render; nothing else lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from . import __version__
from .errors import KetalitError
from .library import Library, default_library_path


class KetalitGroup(TyperGroup):
    """Turns KetalitError into one red line on stderr and exit status 1, for every command."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KetalitError as exc:
            err.print(f"[bold red]error:[/bold red] {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print(
                "interrupted: what was committed is kept; run the same command again to continue", highlight=False
            )
            raise typer.Exit(130) from None


err = Console(stderr=True)
console = Console()

app = typer.Typer(
    cls=KetalitGroup,
    help="ketalit: a literature-review reference manager for ketamine and pain.\n\n"
    "Fetch PubMed records, tag them by route, outcome, design and setting, search them, export BibTeX/RIS/"
    "CSL-JSON, and check marketing claims against the evidence. Run from the repository root to use the shipped "
    "library in ./library, or point elsewhere with --library / KETALIT_LIBRARY.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="markdown",
)
export_app = typer.Typer(help="Export records: jsonl, bibtex, ris, csljson.", no_args_is_help=True)
app.add_typer(export_app, name="export")
claims_app = typer.Typer(help="Marketing claims and the evidence for or against them.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")

STATE: dict[str, Any] = {"library": None}

LibraryOpt = typer.Option(
    None,
    "--library",
    "-L",
    help="Library folder (default ./library or $KETALIT_LIBRARY).",
    envvar="KETALIT_LIBRARY",
    show_default=False,
)
JsonOpt = typer.Option(False, "--json", help="Machine-readable JSON on stdout.")


def lib_path() -> Path:
    return Path(STATE["library"]) if STATE["library"] else default_library_path()


def open_library(validate: bool = True) -> Library:
    return Library.open(lib_path(), validate=validate)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def write_output(text: str, output: Path | None) -> None:
    """Text to a file (written atomically) or stdout."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    from .storage import atomic_write_bytes

    atomic_write_bytes(output, text.encode("utf-8"))
    err.print(f"wrote {output}")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"ketalit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    library: Path | None = LibraryOpt,
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    STATE["library"] = library


# -- library ---------------------------------------------------------------------------------------------------------


@app.command()
def init(path: Path | None = typer.Argument(None, help="Folder for the new library (default: --library).")) -> None:
    """Create an empty library (or check an existing one)."""
    target = path or lib_path()
    existed = (target / "ketalit.json").exists()
    Library.init(target)
    console.print(f"{'library already present' if existed else 'created library'} at {target}/")


@app.command("import")
def import_cmd(
    files: list[Path] = typer.Argument(..., help="Files to import: PubMed XML, MEDLINE (.nbib/.txt), RIS, CSL-JSON."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="Force a format: pubmed-xml, medline, ris, csljson (default: detect)."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Import files into the library. All-or-nothing: if any file is unreadable, nothing is written.

    A paper already in the library (same PMID, else DOI, else title and year) is merged, keeping your notes,
    manual tags, screening decision and citation key. New records are tagged on import.
    """
    from .importer import import_files

    lib = open_library()
    report = import_files(lib, files, fmt)
    if as_json:
        emit_json(report.as_dict())
        return
    for f in report.files:
        console.print(f"{escape(str(f['path']))}: {f['records']} records ({f['format']})", highlight=False)
    for s in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(s)}", highlight=False)
    console.print(f"added {report.added}, merged into existing {report.updated}; library now holds {len(lib)} records")


@app.command()
def rebuild() -> None:
    """Rebuild the library's records from the files in its snapshot/ folder (how the shipped library is made).

    Records are re-imported and re-tagged from scratch: notes, screening decisions and manual tags are not kept.
    """
    from .build import rebuild as rebuild_library

    report = rebuild_library(lib_path())
    console.print(f"rebuilt {lib_path()}/ from {len(report.files)} snapshot files: {report.added} records")


@app.command()
def show(ident: str = typer.Argument(..., help="PMID, DOI, PMCID or citation key."), as_json: bool = JsonOpt) -> None:
    """Show one record with its tags and the reason for each tag."""
    from .stats import public_record

    rec = open_library().find(ident)
    if rec is None:
        raise KetalitError(f"no record {ident!r} in {lib_path()}/ (try `ketalit search {ident}`)")
    if as_json:
        emit_json(public_record(rec))
        return
    from .render import render_record

    render_record(console, rec)


@app.command()
def stats(as_json: bool = JsonOpt) -> None:
    """Counts: records, with PMID / DOI / abstract, year range, tags, screening."""
    from .stats import library_stats

    s = library_stats(open_library())
    if as_json:
        emit_json(s)
        return
    t = Table(title=f"ketalit library {s['library']}/", show_header=False)
    for key in (
        "records",
        "with_pmid",
        "with_doi",
        "with_pmcid",
        "with_abstract",
        "abstract_incomplete",
        "with_mesh",
        "retracted",
        "saved_searches",
    ):
        t.add_row(key.replace("_", " "), str(s[key]))
    t.add_row("years", f"{s['year_min']}–{s['year_max']}")
    t.add_row("screening", ", ".join(f"{k}: {v}" for k, v in s["screening"].items()))
    for axis, counts in s["tags"].items():
        t.add_row(axis, ", ".join(f"{k} {v}" for k, v in list(counts.items())[:8]) or "-")
    console.print(t)


@app.command()
def note(ident: str, text: str = typer.Argument(..., help="The note (replaces the previous one).")) -> None:
    """Attach a note to a record. Notes survive re-import and re-fetch."""
    from .userfields import set_note

    set_note(open_library(), ident, text)
    console.print(f"note saved on {ident}")


@app.command()
def screen(
    ident: str,
    decision: str = typer.Argument(..., help="include or exclude"),
    reason: str = typer.Option("", "--reason", "-r", help="Why (required for exclude)."),
) -> None:
    """Record a screening decision (include / exclude with a reason). Survives re-import and re-fetch."""
    from .userfields import set_screening

    set_screening(open_library(), ident, decision, reason)
    console.print(f"{ident}: {decision}" + (f" ({reason})" if reason else ""))


@app.command()
def tag(
    ident: str | None = typer.Argument(None, help="PMID, DOI or citation key of one record."),
    add: list[str] = typer.Option([], "--add", help="axis:tag to add by hand, e.g. route:oral (repeatable)."),
    remove: list[str] = typer.Option([], "--remove", help="axis:tag to remove by hand (repeatable)."),
    all_records: bool = typer.Option(False, "--all", help="Re-tag the whole library."),
    as_json: bool = JsonOpt,
) -> None:
    """Tag records by route, outcome, design and setting. Manual decisions survive re-tagging and re-fetching."""
    from .userfields import retag_all, set_manual_tags

    lib = open_library()
    if all_records:
        n = retag_all(lib, progress=sys.stderr.isatty())
        if as_json:
            emit_json({"tagged": n})
        else:
            console.print(f"tagged {n} records")
        return
    if not ident:
        raise KetalitError("name a record (PMID, DOI or citation key) or use --all")
    rec = set_manual_tags(lib, ident, add, remove)
    if as_json:
        emit_json(
            {"pmid": rec.get("pmid"), "doi": rec.get("doi"), "tags": rec["tags"], "manual_tags": rec["manual_tags"]}
        )
        return
    for axis, tags in rec["tags"].items():
        console.print(f"{axis}: {', '.join(tags) or '-'}")


# -- fetch -----------------------------------------------------------------------------------------------------------


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
        err.print(escape(text), highlight=False)

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
        None, "--pmid-file", help="File with PMIDs (one per line or comma/space separated)."
    ),
    update: bool = typer.Option(
        False, "--update", help="Re-run every saved search for records added since its last run."
    ),
    batch_size: int = typer.Option(200, "--batch-size", min=1, max=10000, help="Records per EFetch request."),
    as_json: bool = JsonOpt,
) -> None:
    """Fetch records from PubMed (NCBI E-utilities) into the library.

    Polite by default: at most 3 requests/s (10/s with NCBI_API_KEY), tool and e-mail sent (set NCBI_EMAIL),
    retries with backoff on 429/5xx/timeouts. Each batch is committed as it arrives: an interrupted fetch keeps
    what it got, and the same command continues without fetching stored records again. KETALIT_EUTILS_URL points
    at a mirror.
    """
    import re as _re

    from .eutils import EUtilsClient
    from .fetch import fetch_pmids, fetch_query, update_searches

    if datetype not in ("pdat", "edat"):
        raise KetalitError(f"--datetype must be pdat or edat, not {datetype!r}")
    lib = open_library()
    progress = CliProgress()
    client = EUtilsClient(on_retry=progress.note)
    try:
        if update:
            reports = update_searches(lib, client=client, progress=progress, batch_size=batch_size)
        elif pmid or pmid_file:
            ids = _re.split(r"[\s,;]+", (pmid or "") + " " + (pmid_file.read_text() if pmid_file else ""))
            reports = [fetch_pmids(lib, [i for i in ids if i], batch_size=batch_size, client=client, progress=progress)]
        elif query:
            reports = [
                fetch_query(
                    lib,
                    query,
                    max_records=max_records,
                    mindate=mindate,
                    maxdate=maxdate,
                    datetype=datetype,
                    batch_size=batch_size,
                    client=client,
                    progress=progress,
                )
            ]
        else:
            raise KetalitError("give a QUERY, --pmid/--pmid-file, or --update")
    finally:
        progress.close()
    if as_json:
        emit_json([r.as_dict() for r in reports])
        return
    for r in reports:
        console.print(
            f"{r.query}: PubMed count {r.count}; added {r.added}, updated {r.updated}, "
            f"already stored {r.already_stored}; {r.requests} requests",
            highlight=False,
        )
        for w in r.warnings:
            err.print(f"[yellow]note:[/yellow] {escape(w)}", highlight=False)
    if not update and not reports[0].count:
        console.print("no records matched", highlight=False)


# -- search ----------------------------------------------------------------------------------------------------------


@app.command()
def search(
    query: list[str] = typer.Argument(..., help="The query (see below); quote it in the shell."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most N results (0: all)."),
    sort: str = typer.Option("relevance", "--sort", help="relevance or year (newest first)."),
    ids: bool = typer.Option(False, "--ids", help="Print one PMID (else DOI) per line, for pipes."),
    as_json: bool = JsonOpt,
) -> None:
    """Search the library: ranked free text plus field and tag filters.

    Examples: `ketalit search 'intranasal ketamine route:intranasal outcome:onset design:rct'`,
    `ketalit search '"respiratory depression" OR apnoea year:2010..2024'`,
    `ketalit search 'author:motov NOT design:narrative_review' --sort year`.

    Words and "quoted phrases" must all match (title, abstract, keywords, MeSH) unless joined by OR; NOT and
    parentheses work as usual. Fields: title: author: journal: pmid: doi: year:2015 year:2015..2020 citekey:.
    Tags: route: outcome: design: setting: with the vocabulary's ids (`ketalit stats` lists them).
    """
    from .search import highlight_terms, search_library

    text = " ".join(query)
    results = search_library(open_library(validate=False), text, limit=limit or None, sort=sort)
    if as_json:
        emit_json(results)
        return
    if ids:
        for r in results:
            sys.stdout.write(f"{r['pmid'] or r['doi'] or r['citekey']}\n")
        return
    if not results:
        err.print("no records match", highlight=False)
        return
    from rich.text import Text

    words = highlight_terms(text)
    table = Table(title=f"{len(results)} results for {text}", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("PMID", no_wrap=True, max_width=12)
    table.add_column("year", no_wrap=True)
    table.add_column("first author", max_width=14, overflow="ellipsis")
    table.add_column("title", ratio=1)
    table.add_column("tags", max_width=22)
    for r in results:
        title = Text(r["title"])
        if words:
            title.highlight_words(words, style="bold yellow", case_sensitive=False)
        if r["retracted"]:
            title = Text("[RETRACTED] ", style="bold red") + title
        tag_text = " ".join(f"{t}" for axis in ("route", "design") for t in r["tags"].get(axis, []))
        table.add_row(
            str(r["rank"]), r["pmid"] or (r["doi"] or "")[:24], str(r["year"] or ""), r["first_author"], title, tag_text
        )
    console.print(table)


# -- export ----------------------------------------------------------------------------------------------------------

OutputOpt = typer.Option(None, "--output", "-o", help="Write to FILE (default: stdout).")


@export_app.command("jsonl")
def export_jsonl(output: Path | None = OutputOpt) -> None:
    """Every record with all fields and tags, one JSON object per line."""
    from .stats import iter_jsonl

    lib = open_library()
    write_output("".join(line + "\n" for line in iter_jsonl(lib.records())), output)


# -- claims ----------------------------------------------------------------------------------------------------------

VERDICT_STYLE = {
    "supported": "bold green",
    "contradicted": "bold red",
    "mixed": "bold yellow",
    "insufficient": "yellow",
    "no_evidence": "dim",
    "not_checkable": "dim italic",
}


@claims_app.command("extract")
def claims_extract(
    file: Path = typer.Argument(..., help="A marketing page saved as plain text."), as_json: bool = JsonOpt
) -> None:
    """Find candidate claims in a text: quote, offsets, guessed kind and tags. A start for the reviewed catalogue."""
    from .claims.extract import extract_claims

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KetalitError(f"{file}: cannot read it as UTF-8 text ({exc})") from exc
    found = extract_claims(text, file.stem[:3])
    if as_json:
        emit_json([c.as_dict() for c in found])
        return
    table = Table(title=f"{len(found)} candidate claims in {file}", show_lines=True)
    for col in ("offsets", "kind", "claim", "tags"):
        table.add_column(col)
    for c in found:
        claim = (f"[dim]{escape(c.lead_in)}[/dim] " if c.lead_in else "") + escape(c.quote)
        tags = " ".join(t for axis in ("route", "outcome", "setting") for t in c.tags.get(axis, []))
        table.add_row(f"{c.start}-{c.end}", c.kind, claim, tags)
    console.print(table)


@claims_app.command("link")
def claims_link(as_json: bool = JsonOpt) -> None:
    """Recompute the evidence and verdict of every claim in the catalogue (after the library changes)."""
    from collections import Counter

    from .claims.store import link_all, stored_claims

    lib = open_library()
    result = link_all(lib)
    rows = stored_claims(lib)
    counts = Counter(r["verdict"] for r in rows)
    if as_json:
        emit_json({"claims": len(rows), "verdicts": dict(counts), "contradictions": result["contradictions"]})
        return
    console.print(f"linked {len(rows)} claims: " + ", ".join(f"{v} {n}" for v, n in counts.most_common()))
    console.print(f"{len(result['contradictions'])} contradictions between documents")


@claims_app.command("list")
def claims_list(
    document: str | None = typer.Option(None, "--document", "-d", help="Only claims of one document (e.g. 003)."),
    verdict: str | None = typer.Option(
        None,
        "--verdict",
        "-v",
        help="Only one verdict: supported, contradicted, mixed, insufficient, no_evidence, not_checkable.",
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Every claim with its verdict; `--json` gives quotes, offsets, normalised form and evidence."""
    from .claims.store import VERDICTS, stored_claims

    if verdict and verdict not in VERDICTS:
        raise KetalitError(f"--verdict must be one of {', '.join(VERDICTS)}")
    rows = [
        r
        for r in stored_claims(open_library())
        if (not document or r["document"] == document) and (not verdict or r["verdict"] == verdict)
    ]
    if as_json:
        emit_json(rows)
        return
    table = Table(title=f"{len(rows)} claims", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("claim", ratio=1)
    for r in rows:
        text = (r["lead_in"] + " " if r["lead_in"] else "") + r["quote"]
        table.add_row(r["id"], r["kind"], f"[{VERDICT_STYLE[r['verdict']]}]{r['verdict']}[/]", escape(text))
    console.print(table)


@claims_app.command("show")
def claims_show(claim_id: str = typer.Argument(..., help="Claim id, e.g. 000-07."), as_json: bool = JsonOpt) -> None:
    """One claim: quote, normalised form, verdict with its explanation, and every linked record with its stance."""
    from .claims.store import get_claim

    row = get_claim(open_library(), claim_id)
    if as_json:
        emit_json(row)
        return
    text = (f"[dim]{escape(row['lead_in'])}[/dim] " if row["lead_in"] else "") + escape(row["quote"])
    console.print(f"[bold]{row['id']}[/bold] ({row['file']}, characters {row['start']}-{row['end']})\n{text}")
    console.print(
        f"kind: {row['kind']}; routes: {', '.join(row['routes']) or '-'}; outcomes: "
        f"{', '.join(row['outcomes']) or '-'}; settings: {', '.join(row['settings']) or '-'}"
    )
    console.print(f"assertion: {escape(row['assertion'])}")
    console.print(f"verdict: [{VERDICT_STYLE[row['verdict']]}]{row['verdict']}[/] - {escape(row['explanation'])}")
    for e in row["evidence"]:
        ident = f"PMID {e['pmid']}" if e["pmid"] else (f"doi:{e['doi']}" if e["doi"] else e["citekey"])
        flag = " [bold red]RETRACTED (not counted)[/]" if e["retracted"] else ""
        colour = {"supports": "green", "contradicts": "red"}.get(e["stance"], "dim")
        console.print(
            f"\n  [{colour}]{e['stance']}[/] {escape(e['first_author'])} {e['year']} ({e['design']}) {ident}{flag}"
        )
        console.print(f"    {escape(e['title'])}")
        if e["stance"] != "neutral":
            for sentence in e["rationale"]:
                console.print(f'    [italic]"{escape(sentence)}"[/italic] ({escape(e["why"])})')


# -- report ----------------------------------------------------------------------------------------------------------


@app.command()
def report(
    output: Path = typer.Option(
        Path("report"), "--output", "-o", help="Folder for report.html, report.md and gap_map.svg."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """The evidence-gap report: gap maps, every claim with its verdict and citations, gaps, library summary.

    Writes one self-contained HTML page (works offline) and a Markdown twin. Links the claims first if they have not
    been linked in this library yet.
    """
    from collections import Counter

    from .report.render import write_report

    files = write_report(open_library(), output)
    data = files.data
    counts = Counter(data["verdict_counts"])
    gaps = data["gaps"]
    if as_json:
        emit_json(
            {
                "html": str(files.html),
                "markdown": str(files.markdown),
                "verdicts": dict(counts),
                "weak_claims": [c["id"] for c in gaps["weak_claims"]],
                "unbacked_cells": gaps["unbacked_cells"],
                "contradictions": gaps["contradictions"],
            }
        )
        return
    console.print(f"[bold]report:[/bold] {files.html.resolve()}  (Markdown: {files.markdown})", highlight=False)
    table = Table(title="claims by verdict", show_header=False)
    for v in data["verdict_order"]:
        table.add_row(f"[{VERDICT_STYLE[v]}]{v}[/]", str(counts.get(v, 0)))
    console.print(table)
    console.print(
        f"{len(gaps['weak_claims'])} claims with no or only weak evidence; "
        f"{len(gaps['unbacked_cells'])} route x outcome pairs claimed without an RCT or systematic review; "
        f"{len(gaps['contradictions'])} contradictions between documents.",
        highlight=False,
    )
    for g in gaps["unbacked_cells"][:6]:
        studies = f"{g['records']} stud{'y' if g['records'] == 1 else 'ies'}"
        console.print(
            f"  gap: {g['route']} x {g['outcome']} (claims {', '.join(g['claims'])}): {studies}, "
            f"best design {g['best']}",
            highlight=False,
        )


def select_records(lib: Library, query: str | None, claim: str | None = None) -> list[dict[str, Any]]:
    """The records an export covers: all, a search's results, or the evidence cited for one claim."""
    if claim:
        from .claims.store import evidence_records

        return evidence_records(lib, claim)
    if not query:
        return lib.records()
    from .search import search_library

    return [lib.record(r["_id"]) for r in search_library(lib, query, limit=None)]


QueryArg = typer.Argument(None, help="Export only the records matching this query (same language as search).")


@export_app.command("bibtex")
def export_bibtex(
    query: str | None = QueryArg,
    claim: str | None = typer.Option(None, "--claim", help="Export the evidence cited for one claim (e.g. 000-07)."),
    output: Path | None = OutputOpt,
    encoding: str = typer.Option(
        "latex", "--encoding", help="latex: ASCII with LaTeX accents, for bibtex; utf8: Unicode, for biber."
    ),
    abstract: bool = typer.Option(False, "--abstract", help="Include abstracts."),
    keywords: bool = typer.Option(False, "--keywords", help="Write the tags as keywords."),
    biblatex: bool = typer.Option(False, "--biblatex", help="Add eprint = {PMID}, eprinttype = {pubmed}."),
) -> None:
    """BibTeX: @article entries with stable citation keys (they never change once assigned)."""
    from .formats.bibtex import dump_bibtex

    if encoding not in ("latex", "utf8"):
        raise KetalitError(f"--encoding must be latex or utf8, not {encoding!r}")
    records = select_records(open_library(), query, claim)
    write_output(dump_bibtex(records, encoding, abstract, keywords, biblatex), output)


@export_app.command("ris")
def export_ris(query: str | None = QueryArg, output: Path | None = OutputOpt) -> None:
    """RIS (EndNote, Zotero, Mendeley): PMID in AN, PMCID in C2."""
    from .formats.ris import dump_ris

    write_output(dump_ris(select_records(open_library(), query)), output)


@export_app.command("csljson")
def export_csljson(query: str | None = QueryArg, output: Path | None = OutputOpt) -> None:
    """CSL-JSON (pandoc, Zotero): group authors as literal names, tags under custom."""
    from .formats.csljson import dump_csljson

    write_output(dump_csljson(select_records(open_library(), query)), output)


def main() -> None:
    app()
