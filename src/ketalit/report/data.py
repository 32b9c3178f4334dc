"""Everything the report shows, computed from the library and its linked claims (no presentation here)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import quote

from ..claims import VERDICTS
from ..claims.link import DESIGN_LABEL
from ..claims.store import stored_claims, stored_contradictions
from ..library import Library
from ..pubmed.fetch import saved_searches
from ..records import first_author
from ..tagging.tagger import default_vocabulary


def _best(designs: list[str]) -> str | None:
    """The strongest design among ``designs`` (the vocabulary's evidence ranks)."""
    ranked = [d for d in default_vocabulary().by_evidence() if d in designs]
    return ranked[0] if ranked else None


def gap_map(lib: Library, rows_axis: str, cols_axis: str, claims: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """rows x columns: for each cell the records tagged with both, how many, the best design among them, and the
    claims that speak about that pair (a claim's routes or settings x its outcomes)."""
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
    claim_field = {"route": "routes", "setting": "settings"}.get(rows_axis, rows_axis)
    claimed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for claim in claims or []:
        for r in claim.get(claim_field) or []:
            for c in claim.get("outcomes") or []:
                claimed[(r, c)].append(claim["id"])
    # each design's rank and strength, looked up once (not once per record of every cell)
    rank = {d: _design_rank(d) for d in set(designs.values())}
    strong = {d: vocab.strong(d) for d in rank}
    grid = []
    for r in rows:
        line = []
        for c in cols:
            ids = sorted(cells.get((r, c), []), key=lambda i: (rank[designs[i]], i))
            best = _best(list({designs[i] for i in ids}))
            line.append(
                {
                    "row": r,
                    "col": c,
                    "count": len(ids),
                    "best": best,
                    "tier": vocab.tier(best) if best else None,
                    "ids": ids,
                    "strong": sum(1 for i in ids if strong[designs[i]]),
                    "claims": claimed.get((r, c), []),
                    "anchor": f"{rows_axis}-{r}-{c}",
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
        "claimed": sum(1 for line in grid for cell in line if cell["claims"]),
    }


def _links(e: dict[str, Any]) -> dict[str, str]:
    """The report's only outside links, each named by its identifier (so that print shows it): PubMed for a numeric
    PMID, PubMed Central for a PMCID, doi.org with the DOI percent-encoded (whatever a damaged record holds, the link
    cannot leave those sites or carry markup)."""
    out = {}
    pmid = str(e.get("pmid") or "")
    if re.fullmatch(r"[0-9]{1,10}", pmid):
        out[f"PMID {pmid}"] = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    pmcid = str(e.get("pmcid") or "").upper()
    if re.fullmatch(r"PMC[0-9]{1,10}", pmcid):
        out[pmcid] = f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"
    if e.get("doi"):
        out[f"doi:{e['doi']}"] = "https://doi.org/" + quote(str(e["doi"]), safe="/")
    return out


class _RecordIndex:
    """The library's records by PMID, DOI and citation key, so that a claim's evidence (which names its records by
    those) reaches the record's anchor in the report and its PMCID."""

    def __init__(self, lib: Library) -> None:
        self.records: dict[int, dict[str, Any]] = {}
        self.keys: dict[tuple[str, str], int] = {}
        for doc_id, rec in lib.iter_records():
            self.records[doc_id] = rec
            for field in ("pmid", "doi", "citekey"):
                if rec.get(field):
                    self.keys.setdefault((field, str(rec[field]).lower()), doc_id)

    def find(self, e: dict[str, Any]) -> int | None:
        for field in ("pmid", "doi", "citekey"):
            if e.get(field):
                doc_id = self.keys.get((field, str(e[field]).lower()))
                if doc_id is not None:
                    return doc_id
        return None


def _design_rank(design: str) -> int:
    """A design's place in the evidence (vocabulary.toml's evidence_rank, 1 for the strongest); unknown ones last."""
    td = default_vocabulary().tag("design", design)
    return td.evidence_rank if td is not None and td.evidence_rank else 99


JUDGED = ("supports", "contradicts", "mixed")
SHOWN_PER_SIDE = 3  # evidence rows per stance in the report; the claim's evidence page (evidence/ID.html) has all
# Where in an abstract a sentence may be to be shown as a finding: results and conclusions, and the background
# statements that textbook claims (mechanism, history) are read from. Never the title, an aim or the methods, and
# never a sentence whose place is not recorded (a library linked by an older ketalit).
FINDING_ROLES = {"results": "results", "conclusions": "conclusions", "background": "background statement"}


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).rstrip(".").lower()


def _cut_short(text: str, rec: dict[str, Any]) -> bool:
    """Whether a sentence is where the record's abstract was cut short in its source (it may stop mid-sentence)."""
    sections = rec.get("abstract") or []
    if rec.get("abstract_complete", True) or not sections or not isinstance(sections[-1], dict):
        return False
    return _norm(sections[-1].get("text")).endswith(_norm(text)) and bool(_norm(text))


def findings_shown(e: dict[str, Any], rec: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """The sentences a record's stance rests on, as the report shows them: each with where it is in the abstract,
    whether the abstract was cut short there, and the findings read in it (the reading and the rule that made it).
    The engine keeps the 1-3 deciding sentences in abstract order and the deciding findings with their sentence
    numbers, so the two pair up when each sentence has its findings; otherwise the findings are returned apart
    (second value). A sentence outside FINDING_ROLES, the record's title, or a sentence that describes how the study
    was done (findings.toml's methods_sentences, whatever role it was given) is never shown as a finding."""
    from ..claims.findings import lexicon

    methods = lexicon().methods_sentences
    texts, where = e.get("rationale") or [], e.get("where") or []
    groups: dict[Any, list[dict[str, str]]] = {}
    for f in e.get("finding") or []:
        if isinstance(f, dict):
            groups.setdefault(f.get("sentence"), []).append(
                {"reason": str(f.get("reason") or ""), "rule": str(f.get("rule") or "")}
            )
    paired = len(groups) == len(texts) and all(isinstance(k, int) for k in groups)
    by_position = [groups[k] for k in sorted(groups)] if paired else list(groups.values())
    title = _norm(rec.get("title") or e.get("title"))
    shown = []
    for i, text in enumerate(texts):
        role = where[i] if i < len(where) else ""
        if role not in FINDING_ROLES or _norm(text) == title or methods.search(text):
            continue
        shown.append(
            {
                "text": text,
                "where": FINDING_ROLES[role],
                "cut": _cut_short(text, rec),
                "reasons": by_position[i] if paired else [],
            }
        )
    apart = [] if paired else [r for group in by_position for r in group]
    return shown, apart


def evidence_table(row: dict[str, Any], index: _RecordIndex) -> list[dict[str, Any]]:
    """A claim's evidence as the report's table shows it: every record judged to support, contradict or be mixed on
    the claim, and every record a person judged, strongest design first; each with its design, N where the
    abstract states it, the finding (the record's own sentences and where they are), the stance with its reason,
    and whether a person or only the machine judged it. Records read without a finding on the claim are counted,
    not listed."""
    items = [e for e in row.get("evidence", []) if e.get("stance") in JUDGED or e.get("review")]
    items.sort(key=lambda e: (bool(e.get("retracted")), _design_rank(e.get("design", "")), -(e.get("size") or 0)))
    shown: Counter[str] = Counter()
    out = []
    for e in items:
        doc_id = index.find(e)
        rec = index.records.get(doc_id, {}) if doc_id is not None else {}
        design = e.get("design") or "other"
        stance = e.get("stance", "neutral")
        shown[stance] += 1
        review = e.get("review") or None
        size = e.get("size")
        finding, apart = findings_shown(e, rec)
        out.append(
            {
                "record": doc_id,
                "first_author": e.get("first_author") or first_author(rec),
                "year": e.get("year"),
                "title": e.get("title") or "",
                "links": _links({**e, "pmcid": rec.get("pmcid")}),
                "design": design,
                "design_label": DESIGN_LABEL.get(design, design),
                "indirect": list(e.get("indirect") or []),
                "n": size if isinstance(size, int) and size > 0 else None,
                "finding": finding,
                "reasons": apart,
                "stance": stance,
                "why": e.get("why", ""),
                "machine_stance": e.get("machine_stance", stance),
                "review": review,
                "retracted": bool(e.get("retracted")),
                "more": shown[stance] > SHOWN_PER_SIDE,
                "pmid": e.get("pmid"),
                "doi": e.get("doi"),
                "pmcid": rec.get("pmcid"),
                "citekey": e.get("citekey"),
            }
        )
    return out


def _strongest(table: list[dict[str, Any]], stance: str) -> dict[str, Any] | None:
    """The strongest counted record of one stance: direct evidence before indirect, then by design and size."""
    rows = [t for t in table if t["stance"] == stance and not t["retracted"]]
    return min(rows, key=lambda t: (bool(t["indirect"]), _design_rank(t["design"]), -(t["n"] or 0)), default=None)


def _tally(table: list[dict[str, Any]]) -> dict[str, str]:
    """Per stance, how many records and of which designs ("3 (2 RCTs, 1 cohort)")."""
    out = {}
    for side in (*JUDGED, "irrelevant", "neutral"):
        rows = [t for t in table if t["stance"] == side and not t["retracted"]]
        if not rows:
            continue
        designs = Counter(t["design_label"] for t in rows)
        kinds = ", ".join(f"{n} {d}" + ("s" if n > 1 and not d.endswith("s") else "") for d, n in designs.most_common())
        out[side] = f"{len(rows)} ({kinds})"
    return out


# What each direction of a proposition asserts about its outcome, in words (catalogue.DIRECTIONS).
DIRECTION_WORDS = {
    "improves": "ketamine improves it",
    "causes": "ketamine causes it",
    "does_not_cause": "ketamine does not cause it (or rarely)",
    "less_harm": "less of it than with the comparator",
    "no_effect": "ketamine does not improve it (the effect denied)",
    "better": "better than the comparator",
    "as_good": "as good as the comparator",
    "faster": "acts faster than the comparator",
    "slower": "acts slower than the comparator",
    "onset": "relief starts within the stated time",
    "lasts": "relief lasts as long as stated",
    "fades": "relief wears off",
    "transient": "the side effects are short-lived",
    "states": "a statement of fact (reviews and textbooks count)",
}


def _span(quantity: dict[str, Any]) -> str:
    from ..claims.text import fmt_days

    lo, hi = float(quantity.get("min") or 0), float(quantity.get("max") or 0)
    if quantity.get("name") == "onset_minutes":
        return f"onset within {lo:g}–{hi:g} min"
    return f"relief lasting {fmt_days(lo)} to {fmt_days(hi)}"


def proposition_parts(row: dict[str, Any]) -> list[tuple[str, str]]:
    """The claim's normalised proposition as the evidence was read against it, field by field in words (kind,
    what it asserts, outcomes, population, routes, regimen, comparator, exposure, severity, quantity); empty
    fields are left out. A library linked by an older ketalit has no proposition: only the kind is shown."""
    vocab = default_vocabulary()
    prop = row.get("proposition") or {}
    parts = [("kind", str(row.get("kind") or "").replace("_", " "))]
    if not prop:
        return parts

    def labels(axis: str, ids: Any) -> str:
        return ", ".join((vocab.label(axis, i) or str(i)).lower() for i in ids or [])

    direction = prop.get("direction")
    if direction:
        parts.append(("asserts", DIRECTION_WORDS.get(direction, str(direction).replace("_", " "))))
    for label, axis, key in (("outcome", "outcome", "outcomes"), ("population", "setting", "population")):
        if prop.get(key):
            every = " (all of them at once)" if key == "population" and prop.get("all_settings") else ""
            parts.append((label, labels(axis, prop[key]) + every))
    parts.append(("route", labels("route", prop.get("routes")) or "any"))
    for key in ("regimen", "comparator", "exposure"):
        if prop.get(key):
            parts.append((key, str(prop[key])))
    if prop.get("severity") == "serious":
        parts.append(("severity", "serious harms"))
    if isinstance(prop.get("quantity"), dict):
        parts.append(("quantity", _span(prop["quantity"])))
    if prop.get("indirect_only"):
        parts.append(("note", "no study measures this directly: the evidence can only be indirect"))
    return parts


def _export_name(claim_id: str) -> str:
    """The file name (without extension) of a claim's evidence exports: the id, with anything but letters, digits,
    '.', '_' and '-' replaced (a claim id is NNN-NN; a hand-edited catalogue could hold anything)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", claim_id).lstrip(".") or "claim"


def claims_section(lib: Library, rows: list[dict[str, Any]], index: _RecordIndex | None = None) -> list[dict[str, Any]]:
    """Documents (named by title, clinic, URL and date), each with its claims grouped by kind; each claim with the
    machine's verdict, a reviewer's, and its evidence table."""
    from ..claims.pages import describe, documents
    from ..claims.review import review_counts

    index = index or _RecordIndex(lib)
    meta = documents(lib.root)
    docs: dict[str, dict[str, Any]] = {}
    for r in rows:
        m = meta.get(r["document"], {})
        doc = docs.setdefault(
            r["document"],
            {
                "document": r["document"],
                "name": describe(r["document"], m),
                **{k: str(m.get(k) or "") for k in ("title", "clinic", "url", "accessed")},
                "kinds": {},
                "rows": [],
            },
        )
        table = evidence_table(r, index)
        strongest = {side: _strongest(table, side) for side in ("supports", "contradicts")}
        best = strongest["supports"]  # direct evidence first: an RCT of another population does not count here
        strong = best is not None and default_vocabulary().strong(best["design"]) and not best["indirect"]
        claim = {
            **r,
            "evidence_table": table,
            "tally": _tally(table),
            "more": sum(1 for t in table if t["more"]),
            "unjudged": sum(1 for e in r.get("evidence", []) if e.get("stance") == "neutral" and not e.get("review")),
            "strong_support": strong,
            "strongest": strongest,
            "export": _export_name(r["id"]),
            "reads_as": proposition_parts(r),
            "settings": r.get("settings") or [],
        }
        doc["rows"].append(claim)
        doc["kinds"].setdefault(r["kind"], []).append(claim)
    for doc in docs.values():
        claims = doc.pop("rows")
        doc["reviews"] = review_counts(claims)
        doc["verdicts"] = Counter(c["verdict"] for c in claims)
        doc["strong_support"] = sum(1 for c in claims if c["verdict"] == "supported" and c["strong_support"])
        doc["by_verdict"] = {v: [c for c in claims if c["verdict"] == v] for v in VERDICTS}
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
    shown = {r["id"] for r in rows}
    conflicts = [c for c in stored_contradictions(lib) if set(c["claims"]) & shown]
    return {"weak_claims": weak, "unbacked_cells": unbacked_cells, "contradictions": conflicts}


CELL_STUDIES = 60  # studies listed under a gap-map cell; for more, the report gives the search that lists them all


def cell_details(maps: list[dict[str, Any]], claims: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """What is behind each gap-map cell that has a study or a claim: the claims about that pair and the studies
    (best design first), for the cell's anchor."""
    out = []
    for m in maps:
        for line in m["grid"]:
            for cell in line:
                if not (cell["count"] or cell["claims"]):
                    continue
                query = f"{m['row_axis']}:{cell['row']} {m['col_axis']}:{cell['col']}"
                out.append(
                    {
                        **cell,
                        "row_label": m["row_labels"][cell["row"]],
                        "col_label": m["col_labels"][cell["col"]],
                        "best_label": DESIGN_LABEL.get(cell["best"], cell["best"]) if cell["best"] else "none",
                        "claim_rows": [claims[c] for c in cell["claims"] if c in claims],
                        "shown": cell["ids"][:CELL_STUDIES],
                        "query": query,
                    }
                )
    return out


def studies(index: _RecordIndex, claims: list[dict[str, Any]], cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records the report points at (cited for a claim or listed under a gap-map cell), each with its anchor,
    links and the claims that cite it; best design first, then newest."""
    vocab = default_vocabulary()
    cited: dict[int, list[dict[str, str]]] = defaultdict(list)
    for c in claims:
        for t in c["evidence_table"]:
            if t["record"] is not None:
                cited[t["record"]].append({"claim": c["id"], "stance": t["stance"]})
    wanted = set(cited) | {i for cell in cells for i in cell["shown"]}
    out = []
    for doc_id in wanted:
        rec = index.records[doc_id]
        tags = rec.get("tags") or {}
        design = (tags.get("design") or ["other"])[0]
        year = rec.get("year") if isinstance(rec.get("year"), int) else None
        out.append(
            {
                "record": doc_id,
                "first_author": first_author(rec),
                "year": rec.get("year") or "",
                "sort_year": year or 0,
                "title": rec.get("title") or "",
                "journal": rec.get("journal_iso") or rec.get("journal") or "",
                "design": design,
                "design_label": DESIGN_LABEL.get(design, design),
                "tags": {
                    axis: [vocab.label(axis, t) or t for t in tags.get(axis, []) if isinstance(t, str)]
                    for axis in ("route", "outcome", "setting")
                },
                "links": _links(rec),
                "retracted": bool(rec.get("retracted")),
                "abstract_incomplete": bool(rec.get("abstract")) and not rec.get("abstract_complete", True),
                "cited_by": cited.get(doc_id, []),
            }
        )
    out.sort(key=lambda s: (_design_rank(s["design"]), -s["sort_year"], s["record"]))
    return out


def library_summary(lib: Library) -> dict[str, Any]:
    recs = [r for _, r in lib.iter_records()]
    by: dict[str, Counter[str]] = {axis: Counter() for axis in ("design", "route", "setting")}
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
        "with_mesh": sum(1 for r in recs if r.get("mesh")),
        "linkable": sum(1 for r in recs if _links(r)),
        "abstract_incomplete": sum(1 for r in recs if r.get("abstract") and not r.get("abstract_complete", True)),
        "years": sorted(years.items()),
        "by": {k: v.most_common() for k, v in by.items()},
        "sources": [{"kind": k, "source": s, "records": n} for (k, s), n in sources.most_common()],
        "searches": saved_searches(lib),
    }


def limits(
    summary: dict[str, Any], reviews: dict[str, int], state: dict[str, Any] | None, unplaced: int = 0
) -> list[str]:
    """What a reader must know before trusting any verdict: in plain words, from the library's own numbers.
    ``unplaced``: record stances whose sentences have no recorded place in the abstract (linked by an older
    ketalit)."""
    n = summary["records"]
    out = []
    if unplaced:
        out.append(
            f"The sentences behind {unplaced} of the record stances have no recorded place in the abstract (linked "
            "by an older ketalit): they are not shown as findings. Run `ketalit claims link`."
        )
    if state and state["stale"]:
        out.append(
            f"The records changed after the claims were linked ({state['linked_at'][:10]}; {state['records_then']} "
            f"records then, {state['records_now']} now): the verdicts may be out of date. Run `ketalit claims link`."
        )
    out.append(
        "Verdicts read only the abstracts stored here, never full texts"
        + (
            f"; {summary['abstract_incomplete']} of the {n} abstracts are cut short."
            if summary["abstract_incomplete"]
            else "."
        )
    )
    if reviews["claims"]:
        out.append(
            f"Every judgement is the machine's unless marked reviewed: a person reviewed {reviews['reviewed']} of "
            f"{reviews['claims']} claim judgements and {reviews['stances_reviewed']} of {reviews['stances']} record "
            "stances."
        )
    if summary["searches"]:
        out.append(f"The library holds {n} records from {len(summary['searches'])} saved PubMed searches and files.")
    else:
        out.append(
            f"The library holds {n} records imported from files, not from a recorded systematic search: a study "
            "missing here is not evidence that none exists."
        )
    if not summary["with_mesh"]:
        out.append("No record has MeSH headings: tags come from titles, abstracts and keywords only.")
    if summary["retracted"]:
        out.append(f"{summary['retracted']} retracted papers are shown and never counted.")
    unlinked = n - summary["linkable"]
    if unlinked:
        out.append(f"{unlinked} records have no PMID, PMCID or DOI: they are cited without an outside link.")
    return out


def every_claim(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims of the report's documents (``claims_section``), in the order the report shows them."""
    return [c for d in docs for group in d["kinds"].values() for c in group]


def report_data(lib: Library, document: str | None = None) -> dict[str, Any]:
    """What the report shows, read from the library (nothing is linked or written here). A library without linked
    claims still gets its gap maps and summary; ``document`` limits the claims to one page."""
    from ..claims.catalogue import load_catalogue
    from ..claims.review import public, review_counts
    from ..claims.store import link_state

    linked = bool(lib.table("claims").all())
    rows = [public(r) for r in stored_claims(lib)] if linked else []
    unlinked = 0 if linked else len(load_catalogue(lib.root, verify=False))
    if document is not None:
        rows = [r for r in rows if r["document"] == document]
    index = _RecordIndex(lib)
    route_map = gap_map(lib, "route", "outcome", rows)
    setting_map = gap_map(lib, "setting", "outcome", rows)
    claims = claims_section(lib, rows, index)
    all_claims = every_claim(claims)
    cells = cell_details([route_map, setting_map], {c["id"]: c for c in all_claims})
    summary = library_summary(lib)
    reviews = review_counts(rows)
    state = link_state(lib) if linked else None
    listed = studies(index, all_claims, cells)
    unplaced = sum(1 for r in rows for e in r.get("evidence", []) if e.get("rationale") and not e.get("where"))
    return {
        "route_map": route_map,
        "setting_map": setting_map,
        "claims": claims,
        "document": document,
        "reviews": reviews,
        "verdict_counts": Counter(c["verdict"] for c in all_claims),
        "machine_verdict_counts": Counter(c["machine_verdict"] for c in all_claims),
        "strong_support": sum(1 for c in all_claims if c["verdict"] == "supported" and c["strong_support"]),
        "gaps": gaps(lib, route_map, rows),
        "cells": cells,
        "studies": listed,
        "study_names": {s["record"]: f"{s['first_author'] or 'Anon.'} {s['year'] or 'n.d.'}" for s in listed},
        "cell_limit": CELL_STUDIES,
        "summary": summary,
        "limits": limits(summary, reviews, state, unplaced),
        "link_state": state,
        "unlinked_claims": unlinked,
        "tier_label": default_vocabulary().tiers,
        "verdict_order": VERDICTS,
        "filters": filter_options(claims),
    }


def filter_options(docs: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """The values each filter of the claims offers: only those some claim has, each with its label."""
    vocab = default_vocabulary()
    claims = every_claim(docs)
    return {
        "verdict": [(v, v.replace("_", " ")) for v in VERDICTS if any(c["verdict"] == v for c in claims)],
        "kind": [(k, k.replace("_", " ")) for k in sorted({c["kind"] for c in claims})],
        "route": [(r, vocab.label("route", r)) for r in vocab.ids("route") if any(r in c["routes"] for c in claims)],
        "outcome": [
            (o, vocab.label("outcome", o)) for o in vocab.ids("outcome") if any(o in c["outcomes"] for c in claims)
        ],
        "document": [(d["document"], d["title"] or f"document {d['document']}") for d in docs],
    }
