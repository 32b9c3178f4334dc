"""The systematic reviewer's commands: `ketalit screen ...` (decisions, conflicts, agreement, next), `ketalit prisma`
and `ketalit duplicates`."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table
from typer.core import TyperGroup

from ..errors import KetalitError
from ..render import term
from .app import JsonOpt, app, console, count_option, emit_json, err, open_library


class ScreenGroup(TyperGroup):
    """`ketalit screen ID DECISION ...` records a decision; `ketalit screen next|conflicts|agreement|reasons` are
    subcommands. Anything that is not a subcommand's name is a record."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["decide", *args]
        return super().resolve_command(ctx, args)


screen_app = typer.Typer(
    cls=ScreenGroup,
    no_args_is_help=True,
    help="Screen records: `ketalit screen ID include|exclude|maybe [--stage full_text] [--reason R] [--reviewer NAME]`."
    "\n\nTwo reviewers screen independently (--reviewer or $KETALIT_REVIEWER); `screen conflicts` lists where they "
    "disagree and settles it with --resolve; `screen agreement` gives Cohen's kappa per stage; `screen next` offers "
    "the unscreened record most likely to be included.",
)
app.add_typer(screen_app, name="screen")

StageOpt = typer.Option("title_abstract", "--stage", "-s", help="title_abstract or full_text.")
ReviewerOpt = typer.Option(None, "--reviewer", help="Your name (default: $KETALIT_REVIEWER, else your login).")


@screen_app.command("decide")
def screen_decide(
    ident: str = typer.Argument(..., help="PMID, DOI or citation key."),
    decision: str = typer.Argument(..., help="include, exclude or maybe."),
    reason: str = typer.Option("", "--reason", "-r", help="Why (required for exclude; see `screen reasons`)."),
    stage: str = StageOpt,
    reviewer: str | None = ReviewerOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Record your decision on one record (the default: `ketalit screen ID DECISION`). Replaces your earlier one."""
    from ..api import screen

    row = screen(open_library(), ident, decision, reason, stage=stage, reviewer=reviewer)
    if as_json:
        emit_json(row)
        return
    console.print(
        f"{term(ident)}: {decision} at {stage} by {term(row['reviewer'] or '-')}"
        + (f" ({term(reason)})" if reason else ""),
        highlight=False,
    )


@screen_app.command("conflicts")
def screen_conflicts(
    stage: str | None = typer.Option(None, "--stage", "-s", help="Only this stage."),
    resolve: str | None = typer.Option(None, "--resolve", help="Settle the conflict on this record (PMID, DOI, key)."),
    decision: str | None = typer.Option(None, "--decision", "-d", help="With --resolve: include, exclude or maybe."),
    reason: str = typer.Option("", "--reason", "-r", help="With --resolve: why (required for exclude)."),
    reviewer: str | None = ReviewerOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List the records on which reviewers disagree; `--resolve ID --decision D` settles one."""
    from ..api import conflicts
    from ..api import resolve as resolve_conflict

    lib = open_library()
    if resolve:
        if not decision:
            raise KetalitError("--resolve needs --decision include|exclude|maybe")
        row = resolve_conflict(lib, resolve, decision, reason, stage=stage or "title_abstract", reviewer=reviewer)
        if as_json:
            emit_json(row)
        else:
            console.print(f"{term(resolve)}: resolved as {decision} at {row['stage']}", highlight=False)
        return
    rows = conflicts(lib, stage)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        console.print("no conflicts", highlight=False)
        return
    table = Table(title=f"{len(rows)} conflicts", title_justify="left")
    for col in ("record", "stage", "votes", "title"):
        table.add_column(col)
    for c in rows:
        votes = "; ".join(
            f"{v['reviewer']}: {v['decision']}" + (f" ({v['reason']})" if v["reason"] else "") for v in c["votes"]
        )
        table.add_row(term(c["id"]), term(c["stage"]), term(votes), term(c["title"]))
    console.print(table)


@screen_app.command("agreement")
def screen_agreement(as_json: bool = JsonOpt) -> None:
    """Cohen's kappa between each pair of reviewers at each stage, over the records both screened."""
    from ..api import agreement

    rows = agreement(open_library())
    if as_json:
        emit_json(rows)
        return
    if not rows:
        console.print("no two reviewers have screened the same records yet", highlight=False)
        return
    table = Table(title="inter-reviewer agreement", title_justify="left")
    for col in ("stage", "reviewers", "records", "agreement", "Cohen's kappa"):
        table.add_column(col)
    for r in rows:
        kappa = "undefined" if r["kappa"] is None else f"{r['kappa']:.3f}"
        reviewers = term(" / ".join(r["reviewers"]))
        table.add_row(term(r["stage"]), reviewers, str(r["records"]), f"{r['agreement']:.1%}", kappa)
    console.print(table)


@screen_app.command("next")
def screen_next(
    stage: str = StageOpt,
    reviewer: str | None = ReviewerOpt,
    limit: int = count_option(1, "--limit", "-n", lo=1, help="Offer the N best records."),
    as_json: bool = JsonOpt,
) -> None:
    """The record you have not screened yet that is most likely to be included, learned from your decisions so far
    (TF-IDF and a linear SVM, as ASReview does). Screen it, then ask again."""
    from ..api import screen_next as rank

    result = rank(open_library(), stage=stage, reviewer=reviewer, limit=limit)
    if as_json:
        emit_json(result)
        return
    if not result["records"]:
        console.print(f"nothing left to screen at {stage} ({result['screened']} screened)", highlight=False)
        return
    if result.get("why"):
        err.print(f"note: {term(result['why'])}", highlight=False)
    for r in result["records"]:
        score = "" if r["score"] is None else f"  score {r['score']:+.3f}"
        console.print(f"[bold]{term(r['title'])}[/bold]", highlight=False)
        console.print(f"{term(r['id'])}  {term(r['year'] or '')}  {term(r['journal'] or '')}{score}", highlight=False)
        if r["abstract"]:
            console.print(term(r["abstract"], newlines=True), highlight=False)
        console.print(
            f"[dim]ketalit screen {term(str(r['id']))} include|exclude|maybe --stage {stage}[/dim]\n", highlight=False
        )
    console.print(f"{result['left']} left to screen at {stage}; {result['screened']} screened", highlight=False)


@screen_app.command("reasons")
def screen_reasons(as_json: bool = JsonOpt) -> None:
    """The exclusion reasons this library accepts (its screening.toml, else the default list)."""
    from ..api import screening_reasons

    items = screening_reasons(open_library())
    if as_json:
        emit_json(items)
        return
    for r in items:
        console.print(term(r), highlight=False)


@app.command()
def prisma(
    as_json: bool = JsonOpt,
    svg: str | None = typer.Option(None, "--svg", help="Also write the flow diagram to this SVG file."),
) -> None:
    """PRISMA 2020 flow counts: records identified per source, duplicates removed, screened, excluded with reasons at
    each stage, included; with Cohen's kappa per stage. The report draws the diagram from the same numbers."""
    from ..api import prisma as count

    c = count(open_library(), svg=svg)
    if svg:
        err.print(f"wrote {term(svg)}")
    if as_json:
        emit_json(c)
        return
    ident, rem, scr = c["identification"], c["removed_before_screening"], c["screening"]
    ret, elig = c["retrieval"], c["eligibility"]
    t = Table(title="PRISMA 2020 flow", show_header=False, title_justify="left")
    for s in ident["sources"]:
        t.add_row(f"identified: {term(s['source'])}", str(s["records"]))
    t.add_row("records identified", str(ident["records_identified"]))
    t.add_row("duplicates removed", str(rem["duplicates"]))
    t.add_row("removed for other reasons", str(rem["other_reasons"]))
    t.add_row("records screened", str(scr["records_screened"]))
    t.add_row("records excluded", str(scr["records_excluded"]))
    t.add_row("awaiting screening", str(scr["awaiting_screening"]))
    t.add_row("reports sought for retrieval", str(ret["reports_sought"]))
    t.add_row("reports not retrieved", str(ret["reports_not_retrieved"]))
    t.add_row("reports assessed for eligibility", str(elig["reports_assessed"]))
    for reason, n in elig["excluded_reasons"].items():
        t.add_row(f"  excluded: {term(reason)}", str(n))
    t.add_row("awaiting full-text assessment", str(elig["awaiting_assessment"]))
    t.add_row("studies included", str(c["included"]["studies"]))
    for a in c["agreement"]:
        kappa = "undefined" if a["kappa"] is None else f"{a['kappa']:.3f}"
        t.add_row(term(f"Cohen's kappa, {a['stage']} ({' / '.join(a['reviewers'])}, {a['records']} records)"), kappa)
    console.print(t)
    for w in c["warnings"]:
        err.print(f"[yellow]note:[/yellow] {term(w)}", highlight=False)
    bad = [k for k, ok in c["checks"].items() if not ok]
    if bad:
        raise KetalitError(f"the PRISMA counts do not add up ({'; '.join(bad)}); please report this")


@app.command()
def duplicates(
    merge: tuple[str, str] | None = typer.Option(
        None, "--merge", help="--merge KEEP OTHER: fold OTHER into KEEP.", show_default=False
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Likely duplicates that share no identifier (a preprint and its published version; a typo in a title), with
    the evidence; `--merge A B` merges B into A keeping both identifiers and every note and decision."""
    from ..api import duplicates as find_duplicates
    from ..api import merge as merge_records

    lib = open_library()
    if merge:
        rec = merge_records(lib, merge[0], merge[1])
        if as_json:
            emit_json(
                {"kept": rec.get("citekey"), "pmid": rec.get("pmid"), "doi": rec.get("doi"), "merged": rec["merged"]}
            )
        else:
            console.print(f"merged {term(merge[1])} into {term(merge[0])} ({term(rec.get('citekey') or '')})")
        return
    pairs = find_duplicates(lib)
    if as_json:
        emit_json(pairs)
        return
    if not pairs:
        console.print("no likely duplicates", highlight=False)
        return
    for p in pairs:
        a, b = p["records"]
        console.print(
            f"[bold]{term(str(a['id']))}[/bold] ~ [bold]{term(str(b['id']))}[/bold]: " + term(", ".join(p["reasons"]))
        )
        console.print(
            f"  {term(a['year'] or '')} {term(a['title'])}\n  {term(b['year'] or '')} {term(b['title'])}",
            highlight=False,
        )
        console.print(f"  [dim]ketalit duplicates --merge {term(str(a['id']))} {term(str(b['id']))}[/dim]")
