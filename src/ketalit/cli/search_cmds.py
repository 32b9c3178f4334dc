"""`ketalit search` and `ketalit export ...`."""

from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path
from typing import Any

import typer
from rich.table import Table
from typer.core import TyperCommand

from ..errors import BadInput
from ..formats.tsv import FIELDS as TSV_FIELDS
from ..render import term
from ..safetext import printable
from .app import JsonOpt, app, console, count_option, emit_json, err, export_app, open_library


class QueryCommand(TyperCommand):
    """A command whose words may start with '-' (``ketalit search -intranasal ketamine``): an argument that is not
    exactly one of the command's options (or ``--option=value``) is part of the query, never an unknown option or a
    short option with its value attached (``-nasal`` is not ``-n asal``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        takes_value = {name: not getattr(p, "is_flag", False) for p in self.get_params(ctx) for name in p.opts}
        options: list[str] = []
        words: list[str] = []
        rest = iter(args)
        for arg in rest:
            name = arg.split("=", 1)[0] if arg.startswith("--") else arg
            if arg == "--":
                words.extend(rest)
            elif name not in takes_value:
                words.append(arg)
            else:
                options.append(arg)
                if takes_value[name] and name == arg:  # "--limit 5", "-n 5": the next argument is the value
                    options.extend(islice(rest, 1))
        return super().parse_args(ctx, [*options, "--", *words] if words else options)


@app.command(cls=QueryCommand)
def search(
    query: list[str] = typer.Argument(..., help="The query (see below); quote it in the shell."),
    limit: int = count_option(20, "--limit", "-n", lo=0, help="At most N results (0: all)."),
    sort: str = typer.Option("relevance", "--sort", help="relevance or year (newest first)."),
    ids: bool = typer.Option(False, "--ids", help="Print one PMID (else DOI) per line, for pipes."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, tsv (see --fields), json or ids."),
    fields: str = typer.Option(
        "pmid,year,first_author,title",
        "--fields",
        help="With --format tsv: comma-separated columns, from " + ", ".join(TSV_FIELDS) + ".",
    ),
    header: bool = typer.Option(False, "--header", help="With --format tsv: a first line naming the columns."),
    as_json: bool = JsonOpt,
) -> None:
    """Search the library: ranked free text plus field and tag filters.

    Examples: `ketalit search 'intranasal ketamine route:intranasal outcome:onset design:rct'`,
    `ketalit search '"respiratory depression" OR apnoea year:2010..2024'`,
    `ketalit search 'author:motov NOT design:narrative_review' --sort year`.

    Words and "quoted phrases" must all match (title, abstract, keywords, MeSH) unless joined by OR; NOT and
    parentheses work as usual, and a '-' before a term excludes it like NOT (`ketalit search ketamine -intranasal
    -design:rct`; a hyphen inside a word, as in s-ketamine, is part of the word). Fields: title: author: journal:
    pmid: doi: year:2015 year:2015..2020 citekey:.
    Tags: route: outcome: design: setting: with the vocabulary's ids (`ketalit stats` lists them). Screening:
    screen:include|exclude|maybe|conflict|unscreened stage:title_abstract|full_text reviewer:NAME.
    PubMed syntax: ketamin* (truncation), term[tiab] [ti] [tw] [au] [mh] [majr] [pt] [dp] (e.g. smith j[au],
    2015:2020[dp], "randomized controlled trial"[pt]); other tags are refused by name.
    """
    from ..api import search as run_search
    from ..api import search_table
    from ..formats.tsv import columns as tsv_columns
    from ..search import highlight_terms

    if fmt not in ("table", "tsv", "json", "ids"):
        raise BadInput(f"--format must be table, tsv, json or ids, not {fmt!r}")
    columns = tsv_columns(fields) if fmt == "tsv" else []
    text = " ".join(query)
    lib = open_library(validate=False)
    results = run_search(lib, text, limit=limit or None, sort=sort)
    as_json = as_json or fmt == "json"
    ids = ids or fmt == "ids"
    if fmt == "tsv":
        if header:
            sys.stdout.write("\t".join(columns) + "\n")
        for row in search_table(lib, results, columns):
            sys.stdout.write("\t".join(row) + "\n")
        return
    if as_json:
        emit_json(results)
        return
    if ids:
        for r in results:
            sys.stdout.write(printable(r["pmid"] or r["doi"] or r["citekey"]) + "\n")
        return
    if not results:
        err.print("no records match", highlight=False)
        return
    from rich.text import Text

    words = highlight_terms(text)
    table = Table(title=f"{len(results)} results for {term(text)}", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("PMID", no_wrap=True, max_width=12)
    table.add_column("year", no_wrap=True)
    table.add_column("first author", max_width=14, overflow="ellipsis")
    table.add_column("title", ratio=1)
    table.add_column("tags", max_width=22)
    for r in results:
        title = Text(printable(r["title"]))
        if words:
            title.highlight_words(words, style="bold yellow", case_sensitive=False)
        if r["retracted"]:
            title = Text("[RETRACTED] ", style="bold red") + title
        tag_text = " ".join(f"{t}" for axis in ("route", "design") for t in r["tags"].get(axis, []))
        ident = r["pmid"] or printable(r["doi"])[:24]
        year, first = term(r["year"] or ""), term(r["first_author"])
        table.add_row(str(r["rank"]), term(ident), year, first, title, term(tag_text))
    console.print(table)


@app.command("index")
def index_cmd(
    rebuild: bool = typer.Option(False, "--rebuild", help="Recreate the index from the records."),
    as_json: bool = JsonOpt,
) -> None:
    """The search index (a cache in .index/ beside the library). Every change to the records updates it, so
    searching never waits for it; this brings it up to date if it fell behind (a command killed after writing), and
    `--rebuild` recreates it from the records."""
    import time

    from ..api import index

    start = time.perf_counter()
    n = index(open_library(), rebuild=rebuild)
    seconds = time.perf_counter() - start
    if as_json:
        emit_json({"records": n, "rebuilt": rebuild, "seconds": round(seconds, 2)})
        return
    console.print(f"{'rebuilt' if rebuild else 'up to date:'} the search index of {n} records ({seconds:.1f} s)")


# -- export ----------------------------------------------------------------------------------------------------------

OutputOpt = typer.Option(None, "--output", "-o", help="Write to FILE (default: stdout).")


@export_app.command("jsonl")
def export_jsonl(output: Path | None = OutputOpt) -> None:
    """Every record with all fields and tags (and every screening decision), one JSON object per line."""
    write_export("jsonl", None, output)


QueryArg = typer.Argument(None, help="Export only the records matching this query (same language as search).")


@export_app.command("bibtex")
def export_bibtex(
    query: str | None = QueryArg,
    claim: str | None = typer.Option(None, "--claim", help="Export the evidence cited for one claim (e.g. 000-07)."),
    output: Path | None = OutputOpt,
    encoding: str = typer.Option(
        "latex", "--encoding", help="latex: ASCII with LaTeX accents, for bibtex; utf8 (or utf-8): Unicode, for biber."
    ),
    abstract: bool = typer.Option(False, "--abstract", help="Include abstracts."),
    keywords: bool = typer.Option(False, "--keywords", help="Write the tags as keywords."),
    biblatex: bool = typer.Option(False, "--biblatex", help="Add eprint = {PMID}, eprinttype = {pubmed}."),
) -> None:
    """BibTeX: @article entries with stable citation keys (they never change once assigned)."""
    options = {"encoding": encoding, "abstract": abstract, "keywords": keywords, "biblatex": biblatex}
    write_export("bibtex", query, output, claim=claim, **options)


@export_app.command("ris")
def export_ris(query: str | None = QueryArg, output: Path | None = OutputOpt) -> None:
    """RIS (EndNote, Zotero, Mendeley): PMID in AN, PMCID in C2."""
    write_export("ris", query, output)


@export_app.command("csljson")
def export_csljson(query: str | None = QueryArg, output: Path | None = OutputOpt) -> None:
    """CSL-JSON (pandoc, Zotero): group authors as literal names, tags under custom."""
    write_export("csljson", query, output)


def write_export(fmt: str, query: str | None, output: Path | None, **options: Any) -> None:
    """One export, to stdout or (``-o FILE``) atomically into a file in a folder that exists."""
    from ..api import export

    to_file = output is not None and str(output) != "-"
    text = export(open_library(), fmt, query, output=output if to_file else None, **options)
    if to_file:
        err.print(f"wrote {term(output)}")
    else:
        sys.stdout.write(text)
