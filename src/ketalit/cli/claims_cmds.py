"""`ketalit claims ...`: extract, link, list, show, pages, and a reviewer's decisions (review, stance, verdict, edit,
remove, add)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..claims import STANCES, VERDICTS
from ..errors import KetalitError
from ..render import term
from .app import VERDICT_STYLE, ClinicOpt, JsonOpt, TitleOpt, UrlOpt, claims_app, console, emit_json, open_library

ReviewerOpt = typer.Option(None, "--reviewer", help="Who decides (default $KETALIT_REVIEWER, else your login).")
NoteOpt = typer.Option("", "--note", "-n", help="Why: kept with the decision.")


def _verdict(v: str | None) -> str:
    return f"[{VERDICT_STYLE.get(v or '', 'dim')}]{v or '-'}[/]"


@claims_app.command("extract")
def claims_extract(
    page: str = typer.Argument(..., help="A marketing page saved as text or HTML, or - to read it from stdin."),
    title: str | None = TitleOpt,
    url: str | None = UrlOpt,
    clinic: str | None = ClinicOpt,
    as_json: bool = JsonOpt,
) -> None:
    """The claims `ketalit check` would find in a page, with their normalised form, without adding the page. The
    page's title, URL and clinic are read as `check` reads them (they tell which route or condition it is about)."""
    from ..api import extract_claims

    read, found = extract_claims(page, title=title, url=url, clinic=clinic)
    if as_json:
        emit_json([{**c.as_dict(), **n.as_dict()} for c, n in found])
        return
    table = Table(title=f"{len(found)} claims in {term(read.title or page)}", show_lines=True)
    for col in ("offsets", "kind", "claim", "normalised"):
        table.add_column(col)
    for c, n in found:
        claim = (f"[dim]{term(c.lead_in)}[/dim] " if c.lead_in else "") + term(c.quote)
        table.add_row(f"{c.start}-{c.end}", n.kind, claim, term(n.assertion))
    console.print(table)


@claims_app.command("link")
def claims_link(as_json: bool = JsonOpt) -> None:
    """Recompute the evidence and verdict of every claim (after the library changes). Reviews are kept."""
    from collections import Counter

    from ..api import link_claims

    result = link_claims(open_library())
    if as_json:
        emit_json(result)
        return
    counts = Counter(result["verdicts"])
    console.print(f"linked {result['claims']} claims: " + ", ".join(f"{v} {n}" for v, n in counts.most_common()))
    console.print(f"{len(result['contradictions'])} contradictions between documents")


@claims_app.command("list")
def claims_list(
    document: str | None = typer.Option(
        None, "--document", "-d", help="Only one page: its number (e.g. 003), URL or title."
    ),
    verdict: str | None = typer.Option(
        None,
        "--verdict",
        "-v",
        help=f"Only one verdict: {', '.join(VERDICTS)}.",
    ),
    unreviewed: bool = typer.Option(False, "--unreviewed", help="Only claims nobody has reviewed yet."),
    as_json: bool = JsonOpt,
) -> None:
    """Every claim with its verdict, the machine's beside a reviewer's; `--json` gives quotes, offsets, normalised
    form, evidence, `machine_verdict`, `verdict` and `reviewed`."""
    from ..api import claims
    from ..claims.review import review_counts

    rows = claims(open_library(), document, verdict, unreviewed)
    if as_json:
        emit_json(rows)
        return
    counts = review_counts(rows)
    table = Table(title=f"{len(rows)} claims, {counts['reviewed']} reviewed", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("machine", no_wrap=True)
    table.add_column("claim by", no_wrap=True)
    table.add_column("claim", ratio=1)
    for r in rows:
        text = (r["lead_in"] + " " if r.get("lead_in") else "") + r["quote"]
        machine = r.get("machine_verdict", r["verdict"])
        table.add_row(
            r["id"] + (" ✓" if r.get("reviewed") else ""),
            r["kind"],
            _verdict(r["verdict"]),
            "" if machine == r["verdict"] else _verdict(machine),
            "person" if r.get("claim_reviewed") else "[dim]machine[/dim]",
            term(text),
        )
    console.print(table)
    console.print(
        "✓ verdict or stances reviewed by a person; 'machine' shows the machine's verdict where a reviewer's differs; "
        "'claim by machine': found by extraction, nobody has accepted, corrected or removed it yet",
        style="dim",
    )


@claims_app.command("pages")
def claims_pages(as_json: bool = JsonOpt) -> None:
    """The pages in the library: number, title, clinic, URL, date read, claims, how many a person accepted, corrected
    or added, and how many have a reviewed verdict or stances."""
    from ..api import pages as list_pages

    pages = list_pages(open_library())
    if as_json:
        emit_json(pages)
        return
    table = Table(title=f"{len(pages)} pages")
    for col in ("#", "page", "claims", "claims by a person", "verdict reviewed"):
        table.add_column(col)
    for p in pages:
        table.add_row(p["document"], term(p["name"]), str(p["claims"]), str(p["claims_reviewed"]), str(p["reviewed"]))
    console.print(table)
    console.print(
        "claims by a person: accepted, corrected or added by a reviewer (the others are the machine's); verdict "
        "reviewed: a person decided on the verdict or a record's stance",
        style="dim",
    )


def _print_claim(row: Mapping[str, Any], docs: dict[str, Any]) -> None:
    from ..claims.pages import describe

    doc = describe(row["document"], docs.get(row["document"], {}))
    text = (f"[dim]{term(row['lead_in'])}[/dim] " if row.get("lead_in") else "") + term(row["quote"])
    console.print(f"[bold]{row['id']}[/bold] in {term(doc)} (characters {row['start']}-{row['end']})\n{text}")
    prop = row.get("proposition") or {}
    console.print(
        f"kind: {row['kind']}; routes: {', '.join(row['routes']) or '-'}; outcomes: "
        f"{', '.join(row['outcomes']) or '-'}; settings: {', '.join(row['settings']) or '-'}"
        + (f"; direction: {prop.get('direction') or row.get('direction')}" if prop or row.get("direction") else "")
        + (f"; comparator: {row['comparator']}" if row.get("comparator") else "")
        + (
            f"; measure: {row['measure']['quantity']} {row['measure']['min']:g}-{row['measure']['max']:g}"
            if row.get("measure")
            else ""
        )
    )
    console.print(f"assertion: {term(row.get('assertion', ''))}")
    left_out = (prop.get("coverage") or {}).get("unrepresented")
    if left_out:
        console.print(f"[dim]words of the claim its reading does not represent: {term(', '.join(left_out))}[/dim]")
    if not row.get("claim_reviewed", row.get("edited")):
        console.print("[dim]the machine's claim: nobody has accepted, corrected or removed it yet[/dim]")
    machine = row.get("machine_verdict", row["verdict"])
    console.print(
        f"machine's verdict: {_verdict(machine)} - {term(row.get('machine_explanation', row['explanation']))}"
    )
    review = row.get("review") or {}
    if review.get("verdict"):
        v = review["verdict"]
        console.print(
            f"reviewed verdict:  {_verdict(row['verdict'])} by {term(v['reviewer'])} on {v['at'][:10]}"
            + (f" - {term(v['note'])}" if v.get("note") else "")
        )
    elif row.get("reviewed") and row["verdict"] != machine:
        console.print(f"verdict with the reviewed stances: {_verdict(row['verdict'])} - {term(row['explanation'])}")
    shown = ("kind", "routes", "outcomes", "settings", "direction", "comparator", "quote")
    for edit in review.get("edits", []):
        changed = ", ".join(f"{k}={v}" for k, v in (edit.get("fields") or {}).items() if k in shown)
        console.print(
            f"[dim]{edit['action']} by {term(edit.get('reviewer') or '?')} on {(edit.get('at') or '')[:10]}"
            + (f": {term(changed)}" if changed else "")
            + (f" - {term(edit['note'])}" if edit.get("note") else "")
            + "[/dim]"
        )
    counts = (
        f"{review.get('stances', 0)} of {len(row['evidence'])} records reviewed" if row["evidence"] else "no records"
    )
    console.print(f"evidence: {counts}")
    for e in row["evidence"]:
        ident = term(f"PMID {e['pmid']}" if e["pmid"] else (f"doi:{e['doi']}" if e["doi"] else e["citekey"]))
        flag = " [bold red]RETRACTED (not counted)[/]" if e["retracted"] else ""
        colour = {"supports": "green", "contradicts": "red"}.get(e["stance"], "dim")
        mstance = e.get("machine_stance", e["stance"])
        stance = f"[{colour}]{e['stance']}[/]"
        if e.get("review"):
            r = e["review"]
            machine_word = "not linked by the machine" if mstance is None else f"machine: {mstance}"
            stance += f" (reviewed by {term(r['reviewer'])} {r['at'][:10]}; {machine_word})"
        console.print(f"\n  {stance} {term(e['first_author'])} {e['year']} ({e['design']}) {ident}{flag}")
        console.print(f"    {term(e['title'])}")
        if e.get("review", {}).get("note"):
            console.print(f"    [italic]note: {term(e['review']['note'])}[/italic]")
        if e["stance"] != "neutral" or mstance not in (None, "neutral"):
            for sentence in e["rationale"]:
                console.print(f'    [italic]"{term(sentence)}"[/italic] ({term(e["why"])})')


@claims_app.command("show")
def claims_show(claim_id: str = typer.Argument(..., help="Claim id, e.g. 000-07."), as_json: bool = JsonOpt) -> None:
    """One claim: its page, quote, normalised form, the machine's verdict and a reviewer's, and every linked record
    with the machine's stance and a reviewer's."""
    from ..api import claim
    from ..claims.pages import documents

    lib = open_library()
    row = claim(lib, claim_id)
    if as_json:
        emit_json(row)
        return
    _print_claim(row, documents(lib.root))


# -- a reviewer's decisions ------------------------------------------------------------------------------------------


def _done(what: str, row: Mapping[str, Any]) -> None:
    console.print(
        f"{what}; {row['id']} is now {_verdict(row['verdict'])} (machine: {_verdict(row.get('machine_verdict'))})",
        highlight=False,
    )


def _reviewed(item: Mapping[str, Any], row: Mapping[str, Any], what: str, as_json: bool) -> None:
    """A reviewer's judgement recorded: the review and where the claim now stands (--json), or ``_done``'s line."""
    if as_json:
        emit_json({"review": item, "claim": {k: row[k] for k in ("id", "verdict", "machine_verdict", "reviewed")}})
    else:
        _done(what, row)


@claims_app.command("stance")
def claims_stance(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. 005-03."),
    record: str = typer.Argument(..., help="The record: PMID, DOI or citation key (one the machine missed is added)."),
    stance: str = typer.Argument(..., help=f"{', '.join(STANCES[:-1])} or {STANCES[-1]}."),
    note: str = NoteOpt,
    reviewer: str | None = ReviewerOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Set a record's stance on a claim (kept with who and when; the machine's stance stays beside it)."""
    from ..api import claim, set_stance

    lib = open_library()
    item = set_stance(lib, claim_id, record, stance, note, reviewer)
    _reviewed(item, claim(lib, claim_id), f"{item['record']} {stance} on {claim_id}", as_json)


@claims_app.command("verdict")
def claims_verdict(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. 005-03."),
    verdict: str = typer.Argument(..., help=f"{', '.join(VERDICTS)}."),
    note: str = NoteOpt,
    reviewer: str | None = ReviewerOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Overrule (or accept) the machine's verdict on a claim. Overruling needs --note; the machine's verdict is kept."""
    from ..api import claim, set_verdict

    lib = open_library()
    item = set_verdict(lib, claim_id, verdict, note, reviewer)
    _reviewed(item, claim(lib, claim_id), f"verdict {verdict} on {claim_id}", as_json)


@claims_app.command("edit")
def claims_edit(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. 005-03."),
    fields: list[str] = typer.Argument(
        ...,
        help="field=value: kind, routes, outcomes, settings (comma-separated), direction, comparator, regimen, "
        "polarity, measure (onset_minutes:20-40), quote, lead_in, checkable (true/false), assertion, terms, topic "
        "(two pages' claims on one topic are checked for contradictions; topic= for the one its proposition gives)...",
    ),
    note: str = NoteOpt,
    reviewer: str | None = ReviewerOpt,
) -> None:
    """Correct a claim's normalised form (or its quote); the claim is linked again. The machine's form is kept."""
    from ..api import claim, edit_claim

    lib = open_library()
    edit_claim(lib, claim_id, fields, note, reviewer)
    _done(f"edited {claim_id}", claim(lib, claim_id))


@claims_app.command("accept")
def claims_accept(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. 005-03."),
    note: str = NoteOpt,
    reviewer: str | None = ReviewerOpt,
) -> None:
    """Confirm that a claim the machine found is a claim, as the machine read it (it is then no longer shown as the
    machine's alone). Its verdict is reviewed apart: `ketalit claims review` or `claims verdict`."""
    from ..api import accept_claim, claim

    lib = open_library()
    accept_claim(lib, claim_id, note, reviewer)
    _done(f"accepted {claim_id} as a claim", claim(lib, claim_id))


@claims_app.command("remove")
def claims_remove(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. 005-03."),
    note: str = typer.Option(..., "--note", "-n", help="Why it is not a claim (kept with the decision)."),
    reviewer: str | None = ReviewerOpt,
) -> None:
    """Mark an extracted sentence as not a claim. Checking the page again does not bring it back."""
    from ..api import remove_claim

    remove_claim(open_library(), claim_id, note, reviewer)
    console.print(f"removed {claim_id} (kept as a decision: `ketalit claims show` no longer lists it)")


@claims_app.command("add")
def claims_add(
    document: str = typer.Argument(..., help="The page: its number, URL or title."),
    quote: str = typer.Argument(..., help="The claim's exact words on the page."),
    fields: list[str] = typer.Argument(None, help="Optional field=value corrections to the normalised form."),
    lead_in: str = typer.Option("", "--lead-in", help="The words that introduce a list item, exactly as on the page."),
    note: str = NoteOpt,
    reviewer: str | None = ReviewerOpt,
) -> None:
    """Add a claim the extraction missed; it is normalised and linked like the others."""
    from ..api import add_claim, claim

    lib = open_library()
    item = add_claim(lib, document, quote, fields or [], lead_in, note, reviewer)
    _done(f"added {item['claim']}", claim(lib, item["claim"]))


@claims_app.command("review")
def claims_review(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. 005-03."),
    reviewer: str | None = ReviewerOpt,
) -> None:
    """Walk one claim's evidence on the terminal: for each record accept the machine's stance or change it, then
    accept or overrule the verdict, add a note, add a record the machine missed."""
    from ..api import claim, set_stance, set_verdict
    from ..claims.pages import documents

    lib = open_library()
    row = claim(lib, claim_id)
    _print_claim(row, documents(lib.root))
    keys = {"a": None, "s": "supports", "c": "contradicts", "n": "neutral", "i": "irrelevant", "q": "quit"}
    for e in row["evidence"]:
        ident = e["pmid"] or e["doi"] or e["citekey"] or ""
        console.print(f"\n[bold]{term(e['first_author'])} {e['year']}[/bold] {term(e['title'])} ({ident})")
        for sentence in e["rationale"]:
            console.print(f'  [italic]"{term(sentence)}"[/italic]')
        answer = (
            typer.prompt(
                f"  stance {e['stance']}: [a]ccept, [s]upports, [c]ontradicts, [n]eutral, [i]rrelevant, "
                "skip (enter), [q]uit",
                default="",
                show_default=False,
            )
            .strip()
            .lower()[:1]
        )
        if answer == "q":
            break
        if answer not in keys:
            continue
        stance = keys[answer] or e["stance"]
        note = typer.prompt("  note (enter for none)", default="", show_default=False)
        set_stance(lib, claim_id, ident, stance, note, reviewer)
    while True:
        extra = typer.prompt(
            "\nadd a record the machine missed (PMID/DOI/key, enter for none)", default="", show_default=False
        )
        if not extra.strip():
            break
        stance = typer.prompt("  its stance (supports/contradicts/neutral)", default="supports")
        note = typer.prompt("  note (enter for none)", default="", show_default=False)
        try:
            set_stance(lib, claim_id, extra.strip(), stance.strip(), note, reviewer)
        except KetalitError as exc:
            console.print(f"[red]{term(str(exc))}[/red]")
    row = claim(lib, claim_id)
    answer = typer.prompt(
        f"\nverdict {row['verdict']} (machine: {row.get('machine_verdict')}): accept (enter) or type another "
        f"({', '.join(VERDICTS)})",
        default="",
        show_default=False,
    ).strip()
    verdict = answer or row["verdict"]
    note = typer.prompt("note (why; needed to overrule)", default="", show_default=False)
    set_verdict(lib, claim_id, verdict, note, reviewer)
    _done("reviewed", claim(lib, claim_id))


@claims_app.command("adopt")
def claims_adopt(
    catalogue: Path = typer.Argument(..., help="A claims catalogue made or corrected by hand (TOML)."),
    reviewer: str = typer.Option(..., "--reviewer", help="Who made the hand catalogue."),
    note: str = typer.Option(
        ..., "--note", "-n", help="Where the hand catalogue comes from (kept with each decision)."
    ),
    remove_absent: bool = typer.Option(
        False,
        "--remove-absent",
        help="Take the file as every claim of its pages: remove each claim only the machine found (by default it "
        "stays, as the machine's claim, not reviewed).",
    ),
) -> None:
    """Take a hand-made catalogue over as a person's decisions on what `ketalit check` found in the same pages (check
    the pages first). A claim both have keeps the hand's id and fields (an edit where they differ, else accepted as
    the machine read it); a claim only the hand has is added; a [[removed]] entry (id, quote, start, end, note)
    removes the claim it overlaps. A claim only the machine found is not removed: it stays the machine's, shown as
    not reviewed, until a person accepts, edits or removes it (`ketalit claims accept / edit / remove`), unless
    --remove-absent. Adopting the same file again records nothing new; earlier decisions are all kept. Then `ketalit
    claims link`."""
    from ..api import adopt_catalogue

    counts = adopt_catalogue(open_library(), catalogue, reviewer, note, remove_absent=remove_absent)
    console.print(
        f"{counts['accepted']} claims accepted as the machine read them, {counts['edited']} corrected, "
        f"{counts['added']} added, {counts['removed']} removed, {counts['unchanged']} already so; "
        f"{counts['machine']} claims only the machine found left to it, not reviewed; run `ketalit claims link`",
        highlight=False,
    )
