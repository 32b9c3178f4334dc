"""Write the report: one self-contained HTML page (figures inline, no external assets) and a Markdown twin."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..library import Library
from ..library.storage import atomic_write_bytes
from ..prisma import has_screening, prisma_counts, prisma_svg
from ..records import now_iso
from .data import report_data
from .figure import bubble_map_svg

TIER_LETTER = {"review": "R", "rct": "T", "observational": "O", "case": "C", "opinion": "N"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_escape(text: Any) -> str:
    """Text that cannot become Markdown or HTML markup: Markdown specials backslash-escaped, HTML specials as
    entities (so a title containing <script> is shown, never run)."""
    s = _MD_SPECIAL.sub(r"\\\1", str(text).replace("\n", " "))
    return html.escape(s, quote=False)


@dataclass
class ReportFiles:
    html: Path
    markdown: Path
    data: dict[str, Any]


def write_report(lib: Library, out_dir: Path, document: str | None = None) -> ReportFiles:
    """The report of the whole library, or of one page (``document``)."""
    data = report_data(lib, document)
    env = Environment(
        loader=PackageLoader("ketalit", "report/templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    md_env = Environment(loader=PackageLoader("ketalit", "report/templates"), autoescape=False)
    md_env.filters["md"] = md_escape
    context = {
        **data,
        "claims_total": sum(len(items) for d in data["claims"] for items in d["kinds"].values()),
        "route_svg": bubble_map_svg(data["route_map"], data["tier_label"], "Routes × outcomes"),
        "setting_svg": bubble_map_svg(data["setting_map"], data["tier_label"], "Settings × outcomes"),
        "generated": now_iso(),
        "version": __version__,
        "tier_letter": TIER_LETTER,
    }
    if has_screening(lib):  # the PRISMA flow, from the same numbers as `ketalit prisma --json`
        context["prisma"] = prisma_counts(lib)
        context["prisma_svg"] = prisma_svg(context["prisma"])
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path, md_path = out_dir / "report.html", out_dir / "report.md"
    atomic_write_bytes(html_path, env.get_template("report.html.j2").render(**context).encode("utf-8"))
    atomic_write_bytes(md_path, md_env.get_template("report.md.j2").render(**context).encode("utf-8"))
    atomic_write_bytes(out_dir / "gap_map.svg", context["route_svg"].encode("utf-8"))
    if context.get("prisma_svg"):
        atomic_write_bytes(out_dir / "prisma.svg", context["prisma_svg"].encode("utf-8"))
    return ReportFiles(html_path, md_path, data)
