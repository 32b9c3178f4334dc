"""The evidence gap map as a bubble chart (matplotlib, SVG): size = number of studies, colour = best design."""

from __future__ import annotations

import io
from typing import Any

TIER_COLOURS = {
    "review": "#1b7837",
    "rct": "#5aae61",
    "observational": "#f1a340",
    "case": "#d6604d",
    "opinion": "#8c8c8c",
}


def bubble_map_svg(gap: dict[str, Any], tier_label: dict[str, str], title: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    rows, cols = gap["rows"], gap["cols"]
    fig_w = max(8.0, 0.42 * len(cols) + 3.5)
    fig_h = max(4.0, 0.42 * len(rows) + 2.8)
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    biggest = max((c["count"] for line in gap["grid"] for c in line), default=1) or 1
    for y, line in enumerate(gap["grid"]):
        for x, cell in enumerate(line):
            if cell["count"]:
                size = 40 + 560 * (cell["count"] / biggest) ** 0.5
                ax.scatter(
                    x,
                    y,
                    s=size,
                    color=TIER_COLOURS[cell["tier"]],
                    alpha=0.85,
                    edgecolors="white",
                    linewidths=0.6,
                    zorder=3,
                )
                ax.text(x, y, str(cell["count"]), ha="center", va="center", fontsize=6.5, color="white", zorder=4)
            else:  # an empty cell is shown as empty, not left blank
                ax.scatter(x, y, s=18, marker="x", color="#d0d0d0", linewidths=0.8, zorder=2)
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
        Line2D([], [], marker="o", linestyle="", markersize=8, color=col, label=tier_label[t])
        for t, col in TIER_COLOURS.items()
    ]
    handles.append(Line2D([], [], marker="x", linestyle="", markersize=6, color="#d0d0d0", label="no study"))
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
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog so the SVG can sit inside HTML
