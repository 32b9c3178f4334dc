"""Write the report: one self-contained HTML page (figures inline, no external assets) and a Markdown twin.

Nothing from a record or a claim can become markup in either. Every value loses its control characters and bidi
controls (``safetext.printable``); the HTML template then escapes it (Jinja's autoescape), the Markdown template
passes it through ``md_escape`` (or ``md_code``), so that what a CommonMark renderer makes of report.md is the text
itself, never a tag or a link. The only links are the ones the report builds: its own anchors, the evidence files
written beside it, and ``data._links`` (doi.org, PubMed and PubMed Central, percent-encoded).

The page's one script (``report.js``: the claim filters) is fixed text shipped with ketalit, never built from data;
the page's Content-Security-Policy allows that script by its hash and nothing else. Without the script every claim
is shown (the filters only hide).
"""

from __future__ import annotations

import base64
import csv
import functools
import hashlib
import html
import io
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..errors import BadInput
from ..library import Library
from ..library.storage import atomic_write_bytes, remove_stale_tmp_in
from ..prisma import has_screening, prisma_counts, prisma_svg
from ..records import Record, now_iso
from ..safetext import printable
from .data import JUDGED, SHOWN_PER_SIDE, every_claim, report_data
from .figure import bubble_map_svg

ASSETS = files("ketalit") / "report" / "templates"
EVIDENCE_DIR = "evidence"  # the claims' evidence as BibTeX, RIS and CSV, beside report.html
TIER_LETTER = {"review": "R", "rct": "T", "observational": "O", "case": "C", "opinion": "N"}
# Markdown's inline specials; "_" only where it could start or end emphasis (not inside a word: no_evidence).
_MD_SPECIAL = re.compile(r"[\\`*\[\]|#~]|(?<![^\W_])_|_(?![^\W_])")


class MdSafe(str):
    """Markdown this module made safe: the template does not escape it again."""


def md_escape(text: Any) -> str:
    """Text that cannot become Markdown or HTML markup: on one line, without control characters, Markdown specials
    backslash-escaped, HTML specials as entities (so a title containing <script> is shown, never run)."""
    s = _MD_SPECIAL.sub(lambda m: "\\" + m.group(), printable(text))
    return html.escape(s, quote=False)


def md_code(text: Any) -> MdSafe:
    """Text as a code span, shown exactly: its fence is longer than any run of backticks inside it."""
    s = printable(text)
    fence = "`" * (max(map(len, re.findall("`+", s)), default=0) + 1)
    return MdSafe(f"{fence} {s} {fence}")


def _md_finalize(value: Any) -> str:
    return value if isinstance(value, MdSafe) else md_escape(value)


def _html_finalize(value: Any) -> Any:
    """Every value without control characters or bidi controls; Jinja then escapes it (the inline SVG figures are
    marked safe and pass as they are)."""
    return value if isinstance(value, Markup) else printable(value, newlines=True)


@dataclass
class ReportFiles:
    html: Path
    markdown: Path
    data: dict[str, Any]


@functools.cache
def _environments() -> tuple[Environment, Environment]:
    """The HTML templates' environment (autoescaped) and the Markdown one (made once: they keep the compiled
    templates)."""
    env = Environment(
        loader=PackageLoader("ketalit", "report/templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=False,
        lstrip_blocks=False,
        finalize=_html_finalize,
    )
    md_env = Environment(loader=PackageLoader("ketalit", "report/templates"), autoescape=False, finalize=_md_finalize)
    md_env.filters["code"] = md_code
    return env, md_env


def _style() -> Markup:
    """The pages' style sheet (report.css), inlined in each page."""
    return Markup((ASSETS / "report.css").read_text(encoding="utf-8"))


def render_pages(context: dict[str, Any]) -> tuple[str, str]:
    """The HTML page and its Markdown twin for ``report_data``'s result, with whatever figures ``context`` adds
    (route_svg, setting_svg; prisma and prisma_svg when the library has screening decisions)."""
    env, md_env = _environments()
    script = (ASSETS / "report.js").read_text(encoding="utf-8")
    context = {
        "route_svg": "",
        "setting_svg": "",
        **context,
        "claims_total": sum(len(items) for d in context["claims"] for items in d["kinds"].values()),
        "generated": now_iso(),
        "version": __version__,
        "tier_letter": TIER_LETTER,
        "evidence_dir": EVIDENCE_DIR,
        "shown_per_side": SHOWN_PER_SIDE,
        "style": _style(),
        "script": Markup(script),
        "script_hash": "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode(),
    }
    return env.get_template("report.html.j2").render(**context), md_env.get_template("report.md.j2").render(**context)


def evidence_page(claim: dict[str, Any]) -> str:
    """A claim's page of its own (evidence/ID.html, linked from the claim): every study judged on it, where the
    report shows the strongest few. Written for the claims whose evidence the report does not show in full, so that
    the report stays a length a reviewer can read and print."""
    env, _ = _environments()
    return env.get_template("evidence.html.j2").render(
        c=claim,
        generated=now_iso(),
        version=__version__,
        style=_style(),
    )


CSV_COLUMNS = [
    "claim",
    "verdict",
    "stance",
    "machine_stance",
    "judged_by",
    "why",
    "first_author",
    "year",
    "title",
    "design",
    "n",
    "finding",
    "where",
    "read_as",
    "retracted",
    "pmid",
    "pmcid",
    "doi",
    "citekey",
]


def _csv_cell(value: Any) -> str:
    """One CSV value: printable text; a value a spreadsheet would run as a formula (=, +, -, @) is prefixed with an
    apostrophe, so that opening the file shows it as text."""
    text = printable(value if value is not None else "")
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def evidence_csv(claim: dict[str, Any]) -> str:
    """One claim's evidence table as CSV (the same rows as the report, with the identifiers)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for t in claim["evidence_table"]:
        review = t["review"] or {}
        row = {
            **t,
            "claim": claim["id"],
            "verdict": claim["verdict"],
            "judged_by": f"{review.get('reviewer', '')} {str(review.get('at', ''))[:10]}".strip()
            if review
            else "machine",
            "design": t["design_label"],
            "finding": " ".join(f["text"] for f in t["finding"]),
            "where": "; ".join(f["where"] + (" (cut short)" if f["cut"] else "") for f in t["finding"]),
            "read_as": "; ".join(
                f"{r['reason']} (rule: {r['rule']})"
                for r in [*(r for f in t["finding"] for r in f["reasons"]), *t["reasons"]]
            ),
            "retracted": "retracted" if t["retracted"] else "",
        }
        writer.writerow([_csv_cell(row.get(c)) for c in CSV_COLUMNS])
    return buf.getvalue()


def write_evidence_files(lib: Library, data: dict[str, Any], out_dir: Path) -> None:
    """Each claim's evidence in ``out_dir/evidence/`` (the report links to them): its evidence table as CSV, the
    records that support it, contradict it or are mixed on it as BibTeX and RIS, and, when the report shows only the
    strongest of its studies, the page that shows them all (HTML). A page left from an earlier report in the same
    folder that this report does not link to (its claim is gone, or now shown in full) is removed."""
    from ..formats.bibtex import dump_bibtex
    from ..formats.ris import dump_ris

    claims = every_claim(data["claims"])
    if not claims:
        return
    folder = out_dir / EVIDENCE_DIR
    if folder.exists() and not folder.is_dir():
        raise BadInput(f"cannot write the claims' evidence into {folder}/: it is a file, not a folder")
    folder.mkdir(exist_ok=True)

    def write(name: str, data: bytes) -> None:
        atomic_write_bytes(folder / name, data, sync=False, tidy=False)

    remove_stale_tmp_in(folder, {f"{c['export']}.{ext}" for c in claims for ext in ("bib", "ris", "csv", "html")})
    read: dict[int, Record] = {}  # a record cited by several claims is read once, and written as BibTeX and RIS once
    bib: dict[tuple[int, str], str] = {}
    ris: dict[int, dict[str, Any]] = {}
    for c in claims:
        judged = [t["record"] for t in c["evidence_table"] if t["stance"] in JUDGED and t["record"] is not None]
        records = [read[i] if i in read else read.setdefault(i, lib.record(i)) for i in dict.fromkeys(judged)]
        # up to four files a claim, made again by every report: each replaced atomically but not forced to disk
        # (an fsync for each of the shipped library's 800 files took most of the report's time)
        write(f"{c['export']}.bib", dump_bibtex(records, made=bib).encode("utf-8"))
        write(f"{c['export']}.ris", dump_ris(records, made=ris).encode("utf-8"))
        write(f"{c['export']}.csv", evidence_csv(c).encode("utf-8-sig"))
        if c["more"]:
            write(f"{c['export']}.html", evidence_page(c).encode("utf-8"))
    pages = {f"{c['export']}.html" for c in claims if c["more"]}
    for stale in folder.glob("*.html"):
        if stale.name not in pages:
            stale.unlink(missing_ok=True)


def write_report(lib: Library, out_dir: Path, document: str | None = None) -> ReportFiles:
    """The report of the whole library, or of one page (``document``): report.html, report.md, gap_map.svg, the
    PRISMA flow when the library has screening decisions, and each claim's evidence under evidence/."""
    data = report_data(lib, document)
    kept = lib.root / ".index"  # the figures last drawn are kept beside the search index
    figures: dict[str, Any] = {
        "route_svg": bubble_map_svg(data["route_map"], data["tier_label"], "Routes × outcomes", kept),
        "setting_svg": bubble_map_svg(data["setting_map"], data["tier_label"], "Settings × outcomes", kept),
    }
    if has_screening(lib):  # the PRISMA flow, from the same numbers as `ketalit prisma --json`
        figures["prisma"] = prisma_counts(lib)
        figures["prisma_svg"] = prisma_svg(figures["prisma"])
    html_page, md_page = render_pages({**data, **figures})
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path, md_path = out_dir / "report.html", out_dir / "report.md"
    atomic_write_bytes(html_path, html_page.encode("utf-8"))
    atomic_write_bytes(md_path, md_page.encode("utf-8"))
    atomic_write_bytes(out_dir / "gap_map.svg", figures["route_svg"].encode("utf-8"))
    write_evidence_files(lib, data, out_dir)
    if figures.get("prisma_svg"):
        atomic_write_bytes(out_dir / "prisma.svg", figures["prisma_svg"].encode("utf-8"))
    return ReportFiles(html_path, md_path, data)
