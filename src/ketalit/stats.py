"""Library statistics and the JSON Lines dump: plain functions the CLI and the report share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from .library import Library
from .records import AXES, Record
from .safetext import dumps_json


def library_stats(lib: Library) -> dict[str, Any]:
    recs = [r for _, r in lib.iter_records()]
    years = [r["year"] for r in recs if r.get("year")]
    tag_counts: dict[str, Counter[str]] = {axis: Counter() for axis in AXES}
    for r in recs:
        for axis, tags in (r.get("tags") or {}).items():
            tag_counts.setdefault(axis, Counter()).update(tags)
    return {
        "library": str(lib.root),
        "records": len(recs),
        "with_pmid": sum(1 for r in recs if r.get("pmid")),
        "with_doi": sum(1 for r in recs if r.get("doi")),
        "with_pmcid": sum(1 for r in recs if r.get("pmcid")),
        "with_abstract": sum(1 for r in recs if r.get("abstract")),
        "abstract_incomplete": sum(1 for r in recs if r.get("abstract") and not r.get("abstract_complete", True)),
        "with_mesh": sum(1 for r in recs if r.get("mesh")),
        "retracted": sum(1 for r in recs if r.get("retracted")),
        "year_min": min(years) if years else None,
        "year_max": max(years) if years else None,
        "screening": dict(Counter((r.get("screening") or {}).get("decision", "unscreened") for r in recs)),
        "tags": {axis: dict(c.most_common()) for axis, c in tag_counts.items()},
        "saved_searches": len(lib.table("searches").all()),
    }


def public_record(rec: Record) -> dict[str, Any]:
    """A record as scripts see it: every field, with its tags, without internal bookkeeping."""
    # findings are derived data kept for claim linking: `show --findings` reads them fresh
    out = {k: v for k, v in rec.items() if k not in ("_id", "source_rank", "findings")}
    out.setdefault("tags", {})
    for axis in AXES:
        out["tags"].setdefault(axis, [])
    return out


def iter_jsonl(records: Iterable[Record]) -> Iterator[str]:
    for rec in records:
        yield dumps_json(public_record(rec), sort_keys=True)
