"""Commands on the library and its records: init, import, rebuild, show, stats, tag."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from ..errors import BadInput
from ..render import term
from .app import JsonOpt, app, console, emit_json, err, lib_path, open_library


@app.command()
def init(path: Path | None = typer.Argument(None, help="Folder for the new library (default: --library).")) -> None:
    """Create an empty library (or check an existing one)."""
    from ..api import init as create

    lib, created = create(path or lib_path())
    console.print(f"{'created library' if created else 'library already present'} at {term(lib.root)}/")


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
    from ..api import import_files

    lib = open_library()
    report = import_files(lib, files, fmt)
    if as_json:
        emit_json(report.as_dict())
        return
    for f in report.files:
        console.print(f"{term(f['path'])}: {f['records']} records ({f['format']})", highlight=False)
    for s in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {term(s)}", highlight=False)
    console.print(f"added {report.added}, merged into existing {report.updated}; library now holds {len(lib)} records")


@app.command()
def rebuild(
    force: bool = typer.Option(
        False, "--force", help="Drop records with your notes, decisions, tags or edits that are not in snapshot/."
    ),
) -> None:
    """Rebuild the library's records from the files in its snapshot/ folder (how the shipped library is made).

    Records are re-imported and re-tagged from scratch. Each paper keeps its record, and with it its notes,
    screening decisions, manual tags, hand edits, merged duplicates and citation key; papers you removed or merged
    stay out. If a record with such data is not in snapshot/, nothing is changed unless --force. Other records
    not in snapshot/ are dropped; saved searches are kept; claims are linked again.
    """
    from ..api import rebuild as rebuild_library

    report = rebuild_library(open_library(), force=force)
    console.print(
        f"rebuilt {term(lib_path())}/ from {len(report.imported.files)} snapshot files: "
        f"{report.imported.added - report.left_out} records; your data carried on {report.carried}; "
        f"{report.left_out} left out (removed or merged by you); {len(report.dropped)} not in snapshot/ dropped",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def show(
    ident: str = typer.Argument(..., help="PMID, DOI, PMCID or citation key."),
    findings: bool = typer.Option(
        False, "--findings", help="Also the findings read from the abstract: each sentence's role and what it states."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Show one record with its tags and the reason for each tag (and, with --findings, what its abstract states)."""
    from ..api import findings as read_findings
    from ..api import show as find
    from ..stats import public_record

    lib = open_library()
    rec = find(lib, ident)
    reading = read_findings(lib, ident) if findings else None
    if as_json:
        out = public_record(rec)
        if reading is not None:
            out["findings"] = reading.explained(rec)
        emit_json(out)
        return
    from ..render import render_findings, render_record

    render_record(console, rec)
    if reading is not None:
        render_findings(console, rec, reading)


@app.command()
def stats(as_json: bool = JsonOpt) -> None:
    """Counts: records, with PMID / DOI / abstract, year range, tags, screening."""
    from ..api import stats as count

    s = count(open_library())
    if as_json:
        emit_json(s)
        return
    t = Table(title=f"ketalit library {term(s['library'])}/", show_header=False)
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
    t.add_row("years", term(f"{s['year_min']}–{s['year_max']}"))
    t.add_row("screening", term(", ".join(f"{k}: {v}" for k, v in s["screening"].items())))
    for axis, counts in s["tags"].items():
        t.add_row(term(axis), term(", ".join(f"{k} {v}" for k, v in list(counts.items())[:8]) or "-"))
    console.print(t)


@app.command()
def tag(
    ident: str | None = typer.Argument(None, help="PMID, DOI or citation key of one record."),
    add: list[str] = typer.Option([], "--add", help="axis:tag to add by hand, e.g. route:oral (repeatable)."),
    remove: list[str] = typer.Option([], "--remove", help="axis:tag to remove by hand (repeatable)."),
    all_records: bool = typer.Option(False, "--all", help="Re-tag the whole library."),
    as_json: bool = JsonOpt,
) -> None:
    """Tag records by route, outcome, design and setting. Manual decisions survive re-tagging and re-fetching."""
    from ..api import tag as set_tags
    from ..api import tag_all

    if all_records and (ident or add or remove):
        raise BadInput(
            "--all re-tags every record from its text and takes no record, --add or --remove: "
            "tag one record at a time with `ketalit tag ID --add axis:tag`"
        )
    lib = open_library()
    if all_records:
        n = tag_all(lib, progress=sys.stderr.isatty())
        if as_json:
            emit_json({"tagged": n})
        else:
            console.print(f"tagged {n} records")
        return
    if not ident:
        raise BadInput("name a record (PMID, DOI or citation key) or use --all")
    rec = set_tags(lib, ident, add, remove)
    if as_json:
        emit_json(
            {"pmid": rec.get("pmid"), "doi": rec.get("doi"), "tags": rec["tags"], "manual_tags": rec["manual_tags"]}
        )
        return
    for axis, tags in rec["tags"].items():
        console.print(term(f"{axis}: {', '.join(tags) or '-'}"))
