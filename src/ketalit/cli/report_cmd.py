"""`ketalit report`: the evidence-gap report."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..render import term
from .app import VERDICT_STYLE, JsonOpt, app, console, emit_json, err, open_library


@app.command()
def report(
    output: Path = typer.Option(
        Path("report"),
        "--output",
        "-o",
        help="Folder for report.html, report.md, gap_map.svg and evidence/ (each claim's evidence).",
    ),
    document: str | None = typer.Option(
        None, "--document", "-d", help="Only one page's claims: its number, URL or title."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """The evidence-gap report: a summary per page, gap maps, every claim with the machine's verdict and a
    reviewer's and its evidence table, gaps, studies, library summary.

    Writes one self-contained HTML page (works offline, on a phone and in print) and a Markdown twin, and each
    claim's evidence as BibTeX, RIS and CSV under evidence/. Links the claims first if they have never been linked
    in this library; says so when the records changed after they were linked (run `ketalit claims link`). A
    library without claims gets the gap maps and the library summary.
    """
    from collections import Counter

    from ..api import report as write_report

    files = write_report(open_library(), output, document)
    data = files.data
    state = data["link_state"]
    if state and state["stale"]:
        err.print(
            f"warning: the records changed after the claims were linked ({state['linked_at'][:10]}): the verdicts may "
            "be out of date; run `ketalit claims link`, then make the report again",
            highlight=False,
        )
    counts = Counter(data["verdict_counts"])
    gaps = data["gaps"]
    if as_json:
        emit_json(
            {
                "html": str(files.html),
                "markdown": str(files.markdown),
                "verdicts": dict(counts),
                "machine_verdicts": dict(data["machine_verdict_counts"]),
                "reviews": data["reviews"],
                "weak_claims": [c["id"] for c in gaps["weak_claims"]],
                "unbacked_cells": gaps["unbacked_cells"],
                "verdicts_out_of_date": bool(state and state["stale"]),
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
    r = data["reviews"]
    if r["claims"]:
        console.print(
            f"a person reviewed the verdict or stances of {r['reviewed']} of {r['claims']} claims ({r['overruled']} "
            f"verdicts differ from the machine's; {r['stances_reviewed']} of {r['stances']} record stances checked); "
            f"{r['edited']} claims corrected or added by a reviewer",
            highlight=False,
        )
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
