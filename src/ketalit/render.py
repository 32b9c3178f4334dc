"""Terminal rendering of records (rich). Pure presentation: no library logic here.

Every piece of record text printed to a terminal or a pipe goes through ``term``: control characters, escape
sequences and bidi controls removed (``safetext.printable``), rich markup escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from .records import Record
from .safetext import printable


def term(text: Any, newlines: bool = False) -> str:
    """Record text (or a file name, or a server's message) as rich markup that prints exactly as text."""
    return escape(printable(text, newlines))


if TYPE_CHECKING:
    from .claims.findings import Reading


def author_line(rec: Record, limit: int = 6) -> str:
    names = []
    for a in rec.get("authors", [])[:limit]:
        names.append(
            a["collective"] if a.get("collective") else f"{a.get('family', '')} {a.get('initials', '')}".strip()
        )
    more = len(rec.get("authors", [])) - limit
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def citation_line(rec: Record) -> str:
    parts = [rec.get("journal_iso") or rec.get("journal") or rec.get("book_title") or ""]
    if rec.get("year"):
        parts.append(str(rec["year"]))
    vol = rec.get("volume") or ""
    if rec.get("issue"):
        vol += f"({rec['issue']})"
    if rec.get("pages"):
        vol += f":{rec['pages']}"
    if vol:
        parts.append(vol)
    return ". ".join(p for p in parts if p)


def render_record(console: Console, rec: Record) -> None:
    title = term(rec.get("title") or "(no title)")
    head = f"[bold]{title}[/bold]\n{term(author_line(rec))}\n{term(citation_line(rec))}"
    if rec.get("retracted"):
        head = "[bold white on red] RETRACTED [/bold white on red] " + head
    console.print(Panel(head, expand=False))
    ids = Table(show_header=False, box=None)
    for label, key in (("PMID", "pmid"), ("DOI", "doi"), ("PMCID", "pmcid"), ("citation key", "citekey")):
        if rec.get(key):
            ids.add_row(label, term(rec[key]))
    if rec.get("publication_types"):
        ids.add_row("publication types", term(", ".join(rec["publication_types"])))
    if rec.get("screening"):
        s = rec["screening"]
        ids.add_row("screening", term(f"{s['decision']} {s.get('reason') or ''}".strip()))
    if rec.get("notes"):
        ids.add_row("notes", term(rec["notes"], newlines=True))
    console.print(ids)
    tags = Table(title="tags (with the words that matched)", show_lines=False)
    tags.add_column("axis")
    tags.add_column("tag")
    tags.add_column("reason")
    for r in rec.get("tag_reasons", []):
        where = r.get("field", "")
        if r.get("start") is not None:
            where += f" {r['start']}-{r['end']}"
        reason = f"{r.get('source')}: '{r.get('match', '')}' in {where}"
        if r.get("drug"):
            reason += f" (drug: {r['drug']})"
        tags.add_row(term(r["axis"]), term(r["tag"]), term(reason))
    console.print(tags)
    if rec.get("comparator_routes"):
        console.print(
            "comparator routes (not ketamine): "
            + term(", ".join(sorted({f"{c['route']} ({c['drug']})" for c in rec["comparator_routes"]})))
        )
    for sec in rec.get("abstract", []):
        label = f"[bold]{term(sec['label'])}:[/bold] " if sec.get("label") else ""
        console.print(label + term(sec["text"], newlines=True))
    if rec.get("abstract") and not rec.get("abstract_complete", True):
        console.print("[yellow](abstract cut short in the source this record came from)[/yellow]")


def render_findings(console: Console, rec: Record, reading: Reading) -> None:
    """Each sentence of the abstract with its role, and under each result or conclusion what it states."""
    study = reading.study
    context = [f"comparators: {', '.join(study.comparators) or '-'}", f"placebo: {study.placebo or '-'}"]
    if study.regimen:
        context.append(f"regimen: {study.regimen[0]} ({study.regimen[1]})")
    if study.exposure:
        context.append(f"exposure: {study.exposure[0]} ({study.exposure[1]})")
    if study.size:
        context.append(f"size: {study.size}")
    context.extend(f"focus: {f} ({w})" for f, w in study.focus)
    console.print("[bold]findings[/bold] " + term("; ".join(context)))
    if reading.abbreviations:
        console.print("abbreviations: " + term(", ".join(f"{k} = {v}" for k, v in reading.abbreviations.items())))
    for i, s in enumerate(reading.sentences):
        style = "bold" if s.role in ("results", "conclusions") else "dim"
        cut = " (cut short)" if s.cut else ""
        console.print(f"[{style}]{s.role}[/{style}]{cut}: {term(reading.text(rec, i))} [dim]({term(s.why)})[/dim]")
        for f in (x for x in reading.findings if x.s == i):
            arm = f.arm or "?"
            vs = f" vs {f.vs}" if f.vs else ""
            sig = {True: ", significant", False: ", not significant", None: ""}[f.significant]
            when = f" at {', '.join(t[3] for t in f.times)}" if f.times else ""
            extra = "".join(
                f"; {label} {value!r}"
                for label, value in (("negated by", f.negation), ("hedged by", f.hedge), ("serious", f.serious))
                if value
            )
            line = (
                f"{f.outcome} ({f.words!r}): {f.direction or 'no direction'} ({f.cue!r}), {arm}{vs}{sig}{when}{extra}"
            )
            console.print(f"    [cyan]->[/cyan] {term(line)} [dim]\\[{term(f.rule)}][/dim]")
