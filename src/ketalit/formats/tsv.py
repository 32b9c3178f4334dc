"""Search results as tab-separated rows of the columns a person names, like EDirect's ``xtract``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import BadInput
from ..library import Library
from ..records import AXES, abstract_text, author_name
from ..safetext import one_line

FIELDS = (
    "pmid",
    "doi",
    "pmcid",
    "citekey",
    "year",
    "title",
    "first_author",
    "authors",
    "journal",
    "journal_iso",
    "volume",
    "issue",
    "pages",
    *AXES,
    "screen",
    "stage",
    "reason",
    "reviewers",
    "notes",
    "abstract",
    "rank",
    "score",
    "retracted",
)


def columns(fields: str) -> list[str]:
    """'pmid, year,title' -> the column names, each checked; BadInput naming the unknown ones."""
    names = [c.strip() for c in fields.split(",") if c.strip()]
    unknown = [c for c in names if c not in FIELDS]
    if unknown or not names:
        raise BadInput(
            f"fields: unknown {', '.join(unknown) or 'nothing'}; choose from {', '.join(FIELDS)}", options=("fields",)
        )
    return names


def _cell(v: Any) -> str:
    if v is None or v is False:
        return ""
    if isinstance(v, list):
        v = "; ".join(str(x) for x in v)
    return one_line(v)


def rows(lib: Library, hits: Sequence[Mapping[str, Any]], names: Sequence[str]) -> list[list[str]]:
    """One row of tab-free, newline-free cells per hit (lists joined with '; ')."""
    out = []
    for h in hits:
        rec = lib.record(h["_id"])
        s = rec.get("screening") or {}
        tags = rec.get("tags") or {}
        values = {
            **{k: rec.get(k) for k in ("pmid", "doi", "pmcid", "citekey", "year", "title", "journal", "journal_iso")},
            **{k: rec.get(k) for k in ("volume", "issue", "pages", "notes")},
            "first_author": h["first_author"],
            "authors": [author_name(a) for a in rec["authors"]],
            **{axis: tags.get(axis, []) for axis in AXES},
            "screen": s.get("decision") or "unscreened",
            "stage": s.get("stage"),
            "reason": s.get("reason"),
            "reviewers": s.get("reviewers"),
            "abstract": abstract_text(rec),
            "rank": h["rank"],
            "score": h["score"],
            "retracted": "retracted" if rec.get("retracted") else "",
        }
        out.append([_cell(values[c]) for c in names])
    return out
