"""`ketalit check PAGE`: add a marketing page, find its claims, check them against the library, print the verdicts."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..render import term
from .app import VERDICT_STYLE, ClinicOpt, JsonOpt, TitleOpt, UrlOpt, app, console, emit_json, err, open_library


@app.command()
def check(
    page: str = typer.Argument(..., help="The page: a text or HTML file, or - to read it from stdin."),
    title: str | None = TitleOpt,
    url: str | None = UrlOpt,
    accessed: str | None = typer.Option(
        None, "--accessed", help="The date the page was read, YYYY-MM-DD (default today)."
    ),
    clinic: str | None = ClinicOpt,
    report: Path | None = typer.Option(None, "--report", help="Also write the report for this page into this folder."),
    as_json: bool = JsonOpt,
    left_out: bool = typer.Option(
        False, "--left-out", help="Also list the page's sentences taken as no claim, each with the rule and its words."
    ),
) -> None:
    """Check a marketing page end to end: keep it in the library (under sources/, named by title, clinic, URL and
    date), find its claims, normalise each into a proposition, link it to the evidence and print the verdicts.

    Checking the same page again (same URL, or the same text) updates it: claims keep their ids, and every review
    (`ketalit claims review/stance/verdict/edit/remove/add`) is kept.
    """
    from collections import Counter

    from ..api import check as check_page
    from ..api import report as write_report
    from ..claims.review import public, review_counts

    def note(text: str) -> None:
        if not as_json:
            err.print(text, highlight=False)

    lib = open_library()
    result = check_page(lib, page, title=title, url=url, accessed=accessed, clinic=clinic, progress=note)
    files = write_report(open_library(), report, document=result.document) if report is not None else None
    counts = Counter(r["verdict"] for r in result.claims)
    if left_out:
        from ..claims.extract import left_out as sentences_left_out

        omitted = sentences_left_out(result.text, [r["quote"] for r in result.claims])
    if as_json:
        emit_json(
            {
                "document": result.document,
                "page": {k: result.meta.get(k, "") for k in ("title", "clinic", "url", "accessed", "file", "format")},
                "name": result.name,
                "new": result.new,
                "kept": result.kept,
                "dropped": result.dropped,
                "verdicts": dict(counts),
                "reviews": review_counts(result.claims),
                "claims": [public(r) for r in result.claims],
                "contradictions": result.contradictions,
                "report": str(files.html) if files else None,
                # each sentence taken as no claim, with the rule and the words that left it out (empty when no rule
                # matched: no reference to ketamine with an effect)
                **(
                    {"left_out": [{"sentence": s, "rule": rule, "words": words} for s, rule, words in omitted]}
                    if left_out
                    else {}
                ),
            }
        )
        return
    judged = review_counts(result.claims)
    console.print(f"[bold]{term(result.name)}[/bold] (document {result.document})", highlight=False)
    console.print(
        f"{len(result.claims)} claims ({result.new} new, {result.kept} kept from the last check"
        + (f", {result.dropped} no longer on the page" if result.dropped else "")
        + f"); reviewed by a person: {judged['claims_reviewed']} as claims, {judged['reviewed']} verdicts or stances",
        highlight=False,
    )
    table = Table(show_lines=False)
    for col in ("id", "kind", "verdict", "claim"):
        table.add_column(col, no_wrap=col != "claim", ratio=1 if col == "claim" else None)
    for r in result.claims:
        text = (r["lead_in"] + " " if r.get("lead_in") else "") + r["quote"]
        table.add_row(
            r["id"] + (" ✓" if r.get("reviewed") else ""),
            r["kind"],
            f"[{VERDICT_STYLE[r['verdict']]}]{r['verdict']}[/]",
            term(text),
        )
    console.print(table)
    console.print(", ".join(f"{v} {n}" for v, n in counts.most_common()) or "no claims found", highlight=False)
    from ..claims.kind_model import LEARNED_KIND

    for r in result.claims:
        if r.get("kind_reason", "").startswith(LEARNED_KIND):
            console.print(f"{r['id']} kind {r['kind']}: {term(r['kind_reason'])}", style="dim", highlight=False)
    for c in result.contradictions:
        console.print(f"contradicts another page ({c['topic']}): {term(c['reason'])}", style="yellow", highlight=False)
    if result.waiting:
        console.print(
            f"{result.waiting} reviewed claims are no longer on the page; their reviews are kept", style="yellow"
        )
    if files:
        console.print(f"report: {files.html.resolve()}", highlight=False)
    unchecked = sum(1 for r in result.claims if r["verdict"] in ("supported", "contradicted") and not r.get("reviewed"))
    if unchecked:
        console.print(
            f"{unchecked} supported or contradicted verdicts are the machine's and nobody has reviewed them: on pages "
            "from clinics it had not seen, reviewers disagreed with a quarter to over half of its supported verdicts "
            'and with nearly half or more of all its verdicts (README, "How far to trust it"). Read the quoted '
            "evidence before relying on one.",
            style="yellow",
            highlight=False,
        )
    if left_out:
        for sentence, rule, words in omitted:
            why = f"{rule} ({words!r})" if words else rule or "no reference to ketamine with an effect"
            console.print(f"not a claim, {why}: {term(sentence)}", style="dim", highlight=False)
    console.print(
        "`ketalit claims show ID` explains a verdict; `ketalit claims review ID` confirms or overrules it.", style="dim"
    )
