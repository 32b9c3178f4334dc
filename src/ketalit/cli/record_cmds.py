"""Commands on one record's user data and fields: note, key, edit, remove."""

from __future__ import annotations

import typer

from ..errors import KetalitError
from ..render import term
from .app import JsonOpt, app, console, emit_json, open_library


@app.command()
def note(
    ident: str = typer.Argument(..., help="PMID, DOI or citation key."),
    text: str | None = typer.Argument(None, help="The note to add (omit it to list the record's notes)."),
    as_json: bool = JsonOpt,
) -> None:
    """Add a dated note to a record (earlier notes are kept), or list its notes. Notes survive re-import."""
    from ..api import note as add_note
    from ..api import notes

    lib = open_library()
    items = add_note(lib, ident, text) if text is not None else notes(lib, ident)
    if as_json:
        emit_json([{"text": n["text"], "at": n["at"]} for n in items])
    elif text is not None:
        console.print(f"note added to {term(ident)} ({len(items)} notes)", highlight=False)
    else:
        for n in items:
            console.print(f"[dim]{n['at'] or 'undated'}[/dim]  {term(n['text'], newlines=True)}", highlight=False)


@app.command()
def key(
    ident: str = typer.Argument(..., help="PMID, DOI or current citation key."),
    new_key: str = typer.Argument(..., help="The citation key to use from now on."),
) -> None:
    """Pin or rename a record's citation key (refused if another record has it). Keys never change otherwise."""
    from ..api import key as set_key

    old, new = set_key(open_library(), ident, new_key)
    console.print(f"citation key {term(old)} -> {term(new)}" if old != new else f"{term(new)} pinned")


@app.command()
def edit(
    ident: str = typer.Argument(..., help="PMID, DOI or citation key."),
    assignments: list[str] = typer.Argument(..., help="field=value ... (e.g. year=2021 'title=Corrected title')."),
    as_json: bool = JsonOpt,
) -> None:
    """Correct bibliographic fields: title, authors ('Family, Given; ...'), journal, shortjournal, year, month,
    volume, issue, pages, doi, pmid, pmcid, abstract, keywords, language, publisher, booktitle. An edit survives
    later imports and fetches of the same paper; the record is re-tagged."""
    from ..api import edit as edit_record

    rec, changes = edit_record(open_library(), ident, assignments)
    if as_json:
        emit_json({"citekey": rec.get("citekey"), "changed": changes})
        return
    console.print(f"{term(ident)}: set {term(', '.join(changes))}", highlight=False)


@app.command()
def remove(
    idents: list[str] = typer.Argument(..., help="Records to remove (PMID, DOI or citation key)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    reason: str = typer.Option("", "--reason", "-r", help="Why (shown in PRISMA as 'removed for other reasons')."),
) -> None:
    """Remove records with their notes and screening decisions. Asks first unless --yes. The removal is logged, so
    the PRISMA counts still add up."""
    from ..api import records
    from ..api import remove as remove_records

    lib = open_library()
    if not yes:
        for rec in records(lib, idents):
            console.print(f"  {term(rec.get('citekey') or '')}: {term((rec.get('title') or '')[:90])}", highlight=False)
        if not typer.confirm(f"remove {len(idents)} record(s) and their notes and screening decisions?", default=False):
            raise KetalitError("nothing removed")
    gone = remove_records(lib, idents, reason)
    console.print(f"removed {len(gone)} record(s); library now holds {len(lib)} records", highlight=False)
