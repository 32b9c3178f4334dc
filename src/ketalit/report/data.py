"""Everything the report shows, computed from the library and its linked claims (no presentation here)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import quote

from ..claims.link import DESIGN_LABEL
from ..claims.store import link_all, stored_claims, stored_contradictions
from ..library import Library
from ..pubmed.fetch import saved_searches
from ..tagging.tagger import default_vocabulary

# Best first: the evidence tier a cell's strongest study belongs to.
DESIGN_RANK = [
    "meta_analysis",
    "systematic_review",
    "rct",
    "non_randomized_trial",
    "cohort",
    "case_control",
    "cross_sectional",
    "case_series",
    "case_report",
    "narrative_review",
    "guideline",
    "preclinical",
    "other",
]
TIERS = {
    "meta_analysis": "review",
    "systematic_review": "review",
    "rct": "rct",
    "non_randomized_trial": "observational",
    "cohort": "observational",
    "case_control": "observational",
    "cross_sectional": "observational",
    "case_series": "case",
    "case_report": "case",
    "narrative_review": "opinion",
    "guideline": "opinion",
    "preclinical": "opinion",
    "other": "opinion",
}
TIER_LABEL = {
    "review": "systematic review / meta-analysis",
    "rct": "randomised trial",
    "observational": "non-randomised / observational",
    "case": "case series / report",
    "opinion": "narrative review, guideline, other",
}
VERDICT_ORDER = ["supported", "contradicted", "mixed", "insufficient", "no_evidence", "not_checkable"]
STRONG_DESIGNS = {"meta_analysis", "systematic_review", "rct"}


def _best(designs: list[str]) -> str | None:
    ranked = [d for d in DESIGN_RANK if d in designs]
    return ranked[0] if ranked else None


def gap_map(lib: Library, rows_axis: str, cols_axis: str) -> dict[str, Any]:
    """rows x columns: for each cell the records tagged with both, how many, and the best design among them."""
    vocab = default_vocabulary()
    rows, cols = vocab.ids(rows_axis), vocab.ids(cols_axis)
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    designs: dict[int, str] = {}
    for doc_id, rec in lib.iter_records():
        if rec.get("retracted"):
            continue
        tags = rec.get("tags") or {}
        designs[doc_id] = (tags.get("design") or ["other"])[0]
        for r in tags.get(rows_axis, []):
            for c in tags.get(cols_axis, []):
                cells[(r, c)].append(doc_id)
    grid = []
    for r in rows:
        line = []
        for c in cols:
            ids = cells.get((r, c), [])
            best = _best([designs[i] for i in ids])
            line.append(
                {
                    "row": r,
                    "col": c,
                    "count": len(ids),
                    "best": best,
                    "tier": TIERS[best] if best else None,
                    "ids": ids,
                    "strong": sum(1 for i in ids if designs[i] in STRONG_DESIGNS),
                }
            )
        grid.append(line)
    return {
        "rows": rows,
        "cols": cols,
        "grid": grid,
        "row_axis": rows_axis,
        "col_axis": cols_axis,
        "row_labels": {r: vocab.label(rows_axis, r) for r in rows},
        "col_labels": {c: vocab.label(cols_axis, c) for c in cols},
    }


def _links(e: dict[str, Any]) -> dict[str, str]:
    """The report's only links: PubMed for a numeric PMID, doi.org with the DOI percent-encoded (whatever a damaged
    record holds, the link cannot leave those two sites or carry markup)."""
    out = {}
    pmid = str(e.get("pmid") or "")
    if re.fullmatch(r"[0-9]{1,10}", pmid):
        out["PubMed"] = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    if e.get("doi"):
        out["DOI"] = "https://doi.org/" + quote(str(e["doi"]), safe="/")
    return out


def claims_section(lib: Library, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents (named by title, clinic, URL and date), each with its claims grouped by kind; each claim with the
    machine's verdict, a reviewer's, and key citations."""
    from ..claims.pages import describe, documents
    from ..claims.review import review_counts

    meta = documents(lib.root)
    docs: dict[str, dict[str, Any]] = {}
    for r in rows:
        m = meta.get(r["document"], {})
        doc = docs.setdefault(
            r["document"],
            {
                "document": r["document"],
                "name": describe(r["document"], m),
                **{k: m.get(k, "") for k in ("title", "clinic", "url", "accessed")},
                "kinds": {},
                "rows": [],
            },
        )
        doc["rows"].append(r)

        def rank(e: dict[str, Any]) -> tuple[bool, int]:
            return e["retracted"], DESIGN_RANK.index(e["design"]) if e["design"] in DESIGN_RANK else 99

        # the strongest evidence on each side, so a reader sees what supports and what contradicts
        cited = [
            e
            for side in ("supports", "contradicts")
            for e in sorted((x for x in r["evidence"] if x["stance"] == side), key=rank)[:3]
        ]
        key = [{**e, "links": _links(e), "design_label": DESIGN_LABEL.get(e["design"], e["design"])} for e in cited]
        doc["kinds"].setdefault(r["kind"], []).append({**r, "key_citations": key})
    for doc in docs.values():
        doc["reviews"] = review_counts(doc.pop("rows"))
    return [docs[d] for d in sorted(docs)]


def gaps(lib: Library, route_map: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    weak = [r for r in rows if r["verdict"] in ("no_evidence", "insufficient")]
    cells = {(c["row"], c["col"]): c for line in route_map["grid"] for c in line}
    talked: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        for route in r["routes"]:
            for outcome in r["outcomes"]:
                talked[(route, outcome)].append(r["id"])
    unbacked_cells = []
    for (route, outcome), ids in sorted(talked.items()):
        cell = cells.get((route, outcome))
        if cell is None or cell["strong"] == 0:
            unbacked_cells.append(
                {
                    "route": route,
                    "outcome": outcome,
                    "claims": ids,
                    "records": cell["count"] if cell else 0,
                    "best": DESIGN_LABEL.get(cell["best"], "-") if cell and cell["best"] else "none",
                }
            )
    ids = {r["id"] for r in rows}
    conflicts = [c for c in stored_contradictions(lib) if set(c["claims"]) & ids]
    return {"weak_claims": weak, "unbacked_cells": unbacked_cells, "contradictions": conflicts}


def library_summary(lib: Library) -> dict[str, Any]:
    recs = [r for _, r in lib.iter_records()]
    by = {axis: Counter() for axis in ("design", "route", "setting")}
    years: Counter[int] = Counter()
    sources: Counter[tuple[str, str]] = Counter()
    for r in recs:
        if isinstance(r.get("year"), int):  # a damaged record's year is not counted, rather than breaking the sort
            years[r["year"]] += 1
        for axis in by:
            by[axis].update((r.get("tags") or {}).get(axis, []))
        for p in r.get("provenance", []):
            sources[(p.get("kind", ""), p.get("source", ""))] += 1
    return {
        "records": len(recs),
        "retracted": sum(1 for r in recs if r.get("retracted")),
        "with_pmid": sum(1 for r in recs if r.get("pmid")),
        "abstract_incomplete": sum(1 for r in recs if r.get("abstract") and not r.get("abstract_complete", True)),
        "years": sorted(years.items()),
        "by": {k: v.most_common() for k, v in by.items()},
        "sources": [{"kind": k, "source": s, "records": n} for (k, s), n in sources.most_common()],
        "searches": saved_searches(lib),
    }


def report_data(lib: Library, document: str | None = None) -> dict[str, Any]:
    """What the report shows. A library without claims still gets its gap maps and summary; ``document`` limits the
    claims to one page."""
    from ..claims.catalogue import load_catalogue
    from ..claims.review import public, review_counts

    if not lib.table("claims").all() and load_catalogue(lib.root, verify=False):
        link_all(lib)
        lib = Library.open(lib.root)
    rows = [public(r) for r in stored_claims(lib)] if lib.table("claims").all() else []
    if document is not None:
        rows = [r for r in rows if r["document"] == document]
    route_map = gap_map(lib, "route", "outcome")
    claims = claims_section(lib, rows)
    all_claims = [c for d in claims for group in d["kinds"].values() for c in group]
    return {
        "route_map": route_map,
        "setting_map": gap_map(lib, "setting", "outcome"),
        "claims": claims,
        "document": document,
        "reviews": review_counts(rows),
        "verdict_counts": Counter(c["verdict"] for c in all_claims),
        "machine_verdict_counts": Counter(c["machine_verdict"] for c in all_claims),
        "gaps": gaps(lib, route_map, rows),
        "summary": library_summary(lib),
        "tier_label": TIER_LABEL,
        "verdict_order": VERDICT_ORDER,
    }
