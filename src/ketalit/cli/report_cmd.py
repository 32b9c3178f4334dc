"""`ketalit report`: the evidence-gap report."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..render import term
from .app import VERDICT_STYLE, JsonOpt, app, console, emit_json, open_library


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

    from ..report.render import write_report

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
    console.print(
        f"[bold]report:[/bold] {term(files.html.resolve())}  (Markdown: {term(files.markdown)})", highlight=False
    )
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
            term(
                f"  gap: {g['route']} x {g['outcome']} (claims {', '.join(g['claims'])}): {studies}, "
                f"best design {g['best']}"
            ),
            highlight=False,
        )
