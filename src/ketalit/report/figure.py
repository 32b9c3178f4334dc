"""The evidence gap map as a bubble chart (matplotlib, SVG): size = number of studies, colour = best design.

The colours are the report's sequential blues (light to dark = weak to strong design), which a colour-blind reader
tells apart by lightness and which no verdict badge uses; cells the marketing makes claims about are ringed."""

from __future__ import annotations

import hashlib
import io
import json
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..library.storage import atomic_write_bytes

TIER_COLOURS = {  # the same as the HTML gap map's (report.css)
    "review": "#08306b",
    "rct": "#2c6fb0",
    "observational": "#8fbfe0",
    "case": "#cfe1f2",
    "opinion": "#eef3f8",
}
TEXT_ON = {"review": "white", "rct": "white", "observational": "black", "case": "black", "opinion": "black"}


def bubble_map_svg(gap: dict[str, Any], tier_label: dict[str, str], title: str, kept: Path | None = None) -> str:
    """The figure of a gap map: the same SVG, byte for byte, for the same map (drawn once per process: a report
    written again with the same maps, after a review or by a script, does not draw them again). ``kept``: a folder
    where the figures last drawn are kept (the library's index folder), so that a report of the same maps in another
    process neither draws them nor loads matplotlib."""
    drawn = {  # all the figure shows of the map
        "rows": gap["rows"],
        "cols": gap["cols"],
        "row_labels": {r: gap["row_labels"][r] for r in gap["rows"]},
        "col_labels": {c: gap["col_labels"][c] for c in gap["cols"]},
        "grid": [
            [{"count": c["count"], "tier": c.get("tier"), "claims": bool(c.get("claims"))} for c in line]
            for line in gap["grid"]
        ],
    }
    key = json.dumps([drawn, tier_label, title], sort_keys=True)
    return _figure(key) if kept is None else _kept_figure(key, kept)


KEPT_FILE = "figures"
KEPT_MAX = 4  # the maps of the last report or two


@lru_cache(maxsize=1)
def _drawn_by() -> tuple[str, str]:
    """What draws the figures: matplotlib's version and this module's code (read once per process)."""
    return version("matplotlib"), Path(__file__).read_text(encoding="utf-8")


def _kept_figure(key: str, folder: Path) -> str:
    """``_figure(key)``, from the figures kept in ``folder`` if one was drawn for this map by this code and this
    matplotlib, else drawn and kept there (a cache: a file that cannot be read or written is drawn past)."""
    digest = hashlib.sha256("\0".join([key, *_drawn_by()]).encode()).hexdigest()
    path = folder / KEPT_FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    if not isinstance(kept, dict):
        kept = {}
    svg = kept.get(digest)
    if isinstance(svg, str):
        return svg
    svg = _figure(key)
    kept = {d: f for d, f in list(kept.items())[-(KEPT_MAX - 1) :] if isinstance(f, str)} | {digest: svg}
    try:
        folder.mkdir(exist_ok=True)
        atomic_write_bytes(path, json.dumps(kept).encode("utf-8"), sync=False)
    except OSError:
        pass
    return svg


@lru_cache(maxsize=32)  # the maps of the last reports of a few libraries (a figure's SVG is 100-300 kB)
def _figure(key: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    gap, tier_label, title = json.loads(key)
    rows, cols = gap["rows"], gap["cols"]
    fig_w = max(8.0, 0.42 * len(cols) + 3.5)
    fig_h = max(4.0, 0.42 * len(rows) + 2.8)
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    biggest = max((c["count"] for line in gap["grid"] for c in line), default=1) or 1
    # one scatter per kind of mark (a scatter per cell made the figure most of a small report's cost)
    studied: list[tuple[int, int, float, str, str, float]] = []  # x, y, size, colour, edge colour, edge width
    gaps: list[tuple[int, int]] = []
    empty: list[tuple[int, int]] = []
    for y, line in enumerate(gap["grid"]):
        for x, cell in enumerate(line):
            if cell["count"]:
                size = 40 + 560 * (cell["count"] / biggest) ** 0.5
                claimed = bool(cell.get("claims"))
                edge, width = ("#000000", 2.0) if claimed else ("#7a7a7a", 0.5)
                studied.append((x, y, size, TIER_COLOURS[cell["tier"]], edge, width))
                ax.text(
                    x,
                    y,
                    str(cell["count"]),
                    ha="center",
                    va="center",
                    fontsize=6.5,
                    color=TEXT_ON[cell["tier"]],
                    zorder=4,
                )
            elif cell.get("claims"):  # claimed, and not one study: the plainest gap
                gaps.append((x, y))
            else:  # an empty cell is shown as empty, not left blank
                empty.append((x, y))
    if studied:
        xs, ys, sizes, colours, edges, widths = zip(*studied, strict=True)
        ax.scatter(xs, ys, s=sizes, color=colours, edgecolors=edges, linewidths=widths, zorder=3)
    if gaps:
        gx, gy = zip(*gaps, strict=True)
        ax.scatter(gx, gy, s=60, marker="D", facecolors="none", edgecolors="#000000", linewidths=1.5, zorder=3)
    if empty:
        ex, ey = zip(*empty, strict=True)
        ax.scatter(ex, ey, s=18, marker="x", color="#b0b0b0", linewidths=0.8, zorder=2)
    ax.set_xticks(range(len(cols)))
    ax.set_xticklabels([gap["col_labels"][c] for c in cols], rotation=55, ha="right", fontsize=7.5)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([gap["row_labels"][r] for r in rows], fontsize=8)
    ax.set_xlim(-0.6, len(cols) - 0.4)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.grid(True, color="#eeeeee", zorder=0)
    ax.set_axisbelow(True)
    ax.set_title(title, fontsize=10, loc="left")
    handles = [
        Line2D(
            [], [], marker="o", linestyle="", markersize=8, color=col, markeredgecolor="#7a7a7a", label=tier_label[t]
        )
        for t, col in TIER_COLOURS.items()
    ]
    handles.append(Line2D([], [], marker="x", linestyle="", markersize=6, color="#b0b0b0", label="no study"))
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            color="white",
            markeredgecolor="#000000",
            markeredgewidth=2,
            label="claimed by the marketing",
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            marker="D",
            linestyle="",
            markersize=6,
            color="none",
            markeredgecolor="#000000",
            label="claimed, no study",
        )
    )
    ax.legend(
        handles=handles,
        title="best design in the cell (number = studies)",
        fontsize=7,
        title_fontsize=7.5,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
    )
    fig.tight_layout()
    # the layout is done: without this, savefig draws the whole figure once more before drawing it to the SVG (for
    # the placeholder layout engine tight_layout leaves behind), which is most of the text layout's cost again
    fig.set_layout_engine(None)
    buf = io.StringIO()
    # no date, and element ids salted with the map itself: unique to each figure of a page, the same every time
    with matplotlib.rc_context({"svg.hashsalt": hashlib.sha256(key.encode()).hexdigest()[:16]}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog so the SVG can sit inside HTML
