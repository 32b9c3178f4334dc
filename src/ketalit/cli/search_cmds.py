"""`ketalit search` and `ketalit export ...`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..errors import KetalitError
from ..library import Library
from .app import JsonOpt, app, console, emit_json, err, export_app, open_library, write_output


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
    from ..search import highlight_terms, search_library

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
    from ..stats import iter_jsonl

    lib = open_library()
    write_output("".join(line + "\n" for line in iter_jsonl(lib.records())), output)


def select_records(lib: Library, query: str | None, claim: str | None = None) -> list[dict[str, Any]]:
    """The records an export covers: all, a search's results, or the evidence cited for one claim."""
    if claim:
        from ..claims.store import evidence_records

        return evidence_records(lib, claim)
    if not query:
        return lib.records()
    from ..search import search_library

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
    from ..formats.bibtex import dump_bibtex

    if encoding not in ("latex", "utf8"):
        raise KetalitError(f"--encoding must be latex or utf8, not {encoding!r}")
    records = select_records(open_library(), query, claim)
    write_output(dump_bibtex(records, encoding, abstract, keywords, biblatex), output)


@export_app.command("ris")
def export_ris(query: str | None = QueryArg, output: Path | None = OutputOpt) -> None:
    """RIS (EndNote, Zotero, Mendeley): PMID in AN, PMCID in C2."""
    from ..formats.ris import dump_ris

    write_output(dump_ris(select_records(open_library(), query)), output)


@export_app.command("csljson")
def export_csljson(query: str | None = QueryArg, output: Path | None = OutputOpt) -> None:
    """CSL-JSON (pandoc, Zotero): group authors as literal names, tags under custom."""
    from ..formats.csljson import dump_csljson

    write_output(dump_csljson(select_records(open_library(), query)), output)
