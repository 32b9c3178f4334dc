"""`ketalit claims ...`: extract, link, list, show."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..errors import KetalitError
from ..render import term
from .app import VERDICT_STYLE, JsonOpt, claims_app, console, emit_json, open_library


@claims_app.command("extract")
def claims_extract(
    file: Path = typer.Argument(..., help="A marketing page saved as plain text."), as_json: bool = JsonOpt
) -> None:
    """Find candidate claims in a text: quote, offsets, guessed kind and tags. A start for the reviewed catalogue."""
    from ..claims.extract import extract_claims

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KetalitError(f"{file}: cannot read it as UTF-8 text ({exc})") from exc
    found = extract_claims(text, file.stem[:3])
    if as_json:
        emit_json([c.as_dict() for c in found])
        return
    table = Table(title=f"{len(found)} candidate claims in {term(file)}", show_lines=True)
    for col in ("offsets", "kind", "claim", "tags"):
        table.add_column(col)
    for c in found:
        claim = (f"[dim]{term(c.lead_in)}[/dim] " if c.lead_in else "") + term(c.quote)
        tags = " ".join(t for axis in ("route", "outcome", "setting") for t in c.tags.get(axis, []))
        table.add_row(f"{c.start}-{c.end}", c.kind, claim, term(tags))
    console.print(table)


@claims_app.command("link")
def claims_link(as_json: bool = JsonOpt) -> None:
    """Recompute the evidence and verdict of every claim in the catalogue (after the library changes)."""
    from collections import Counter

    from ..claims.store import link_all, stored_claims

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
    from ..claims.store import VERDICTS, stored_claims

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
        table.add_row(term(r["id"]), term(r["kind"]), f"[{VERDICT_STYLE[r['verdict']]}]{r['verdict']}[/]", term(text))
    console.print(table)


@claims_app.command("show")
def claims_show(claim_id: str = typer.Argument(..., help="Claim id, e.g. 000-07."), as_json: bool = JsonOpt) -> None:
    """One claim: quote, normalised form, verdict with its explanation, and every linked record with its stance."""
    from ..claims.store import get_claim

    row = get_claim(open_library(), claim_id)
    if as_json:
        emit_json(row)
        return
    text = (f"[dim]{term(row['lead_in'])}[/dim] " if row["lead_in"] else "") + term(row["quote"])
    where = f"({term(row['file'])}, characters {row['start']}-{row['end']})"
    console.print(f"[bold]{term(row['id'])}[/bold] {where}\n{text}")
    console.print(
        term(
            f"kind: {row['kind']}; routes: {', '.join(row['routes']) or '-'}; outcomes: "
            f"{', '.join(row['outcomes']) or '-'}; settings: {', '.join(row['settings']) or '-'}"
        )
    )
    console.print(f"assertion: {term(row['assertion'])}")
    console.print(f"verdict: [{VERDICT_STYLE[row['verdict']]}]{row['verdict']}[/] - {term(row['explanation'])}")
    for e in row["evidence"]:
        ident = term(f"PMID {e['pmid']}" if e["pmid"] else (f"doi:{e['doi']}" if e["doi"] else e["citekey"]))
        flag = " [bold red]RETRACTED (not counted)[/]" if e["retracted"] else ""
        colour = {"supports": "green", "contradicts": "red"}.get(e["stance"], "dim")
        cited = term(f"{e['first_author']} {e['year']} ({e['design']}) ")
        console.print(f"\n  [{colour}]{e['stance']}[/] {cited}{ident}{flag}")
        console.print(f"    {term(e['title'])}")
        if e["stance"] != "neutral":
            for sentence in e["rationale"]:
                console.print(f'    [italic]"{term(sentence)}"[/italic] ({term(e["why"])})')
