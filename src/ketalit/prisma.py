"""PRISMA 2020 flow counts from the library, and the flow diagram drawn from the same numbers (SVG).

- Identification: records per source (each import file and each PubMed search or PMID list, from the records'
  provenance), counting a record once per source that yielded it (as often as a file listed it), plus
  near-duplicates merged into a record and records removed with `ketalit remove`.
- Removed before screening: duplicates (records identified more than once) and records removed for other reasons.
- Screening (title/abstract): final decisions; "maybe" goes on to full text, as is usual; records without a final
  decision (unscreened, or reviewers disagreeing) are awaiting screening.
- Retrieval and eligibility (full text): exclusions with reason "not retrieved" are reports not retrieved; the other
  exclusions are counted by reason; includes are the studies included.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from .library import Library
from .safetext import printable

NOT_RETRIEVED = "not retrieved"


def _sources(prov: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    """Each source that yielded a record, with how many times it did (a file may list a paper twice).

    A record stored before ketalit kept provenance (or whose provenance was lost) was still identified once, from a
    source nobody recorded: it counts there, so that duplicates removed never come out negative.
    """
    out: Counter[tuple[str, str]] = Counter()
    if not prov:
        out[("unknown", "source not recorded")] = 1
    for p in prov or []:
        key = ("file" if p.get("kind") == "file" else "pubmed", str(p.get("source") or "?"))
        copies = p.get("copies")
        out[key] = max(out[key], copies if type(copies) is int and copies > 1 else 1)
    return out


def removed_log(lib: Library) -> list[dict[str, Any]]:
    return [dict(r) for r in lib.table("removed").all()]


def prisma_counts(lib: Library) -> dict[str, Any]:
    from .screening import agreement, record_stages

    per_source: Counter[tuple[str, str]] = Counter()
    records = 0
    merged = 0
    for _, rec in lib.iter_records():
        records += 1
        per_source.update(_sources(rec.get("provenance") or []))
        for m in rec.get("merged") or []:
            merged += 1
            per_source.update(_sources(m.get("provenance") or []))
    removed = removed_log(lib)
    for r in removed:
        for prov in [r.get("provenance") or [], *(r.get("merged_provenance") or [])]:
            per_source.update(_sources(prov))
        merged += len(r.get("merged_provenance") or [])
    identified = sum(per_source.values())
    duplicates = identified - records - len(removed)

    stages = record_stages(lib)
    ta: Counter[str] = Counter()
    ta_reasons: Counter[str] = Counter()
    ft: Counter[str] = Counter()
    ft_reasons: Counter[str] = Counter()
    warnings = []
    for doc_id, _ in lib.iter_records():
        st = stages.get(doc_id, {})
        t = st.get("title_abstract")
        f = st.get("full_text")
        t_dec = t["decision"] if t else "none"
        ta[t_dec] += 1
        if t is not None and t_dec == "exclude":
            ta_reasons[t["reason"] or "no reason given"] += 1
        if t_dec in ("include", "maybe"):
            f_dec = f["decision"] if f else "none"
            if f is not None and f_dec == "exclude" and f["reason"] == NOT_RETRIEVED:
                ft["not_retrieved"] += 1
            elif f is not None and f_dec == "exclude":
                ft["exclude"] += 1
                ft_reasons[f["reason"] or "no reason given"] += 1
            elif f_dec == "include":
                ft["include"] += 1
            else:
                ft["awaiting"] += 1
        elif f is not None:
            rec = lib.record(doc_id)
            warnings.append(
                f"{rec.get('pmid') or rec.get('doi') or rec.get('citekey')}: full-text decision without passing "
                "title/abstract screening (not counted at full text)"
            )
    awaiting_ta = ta["none"] + ta["conflict"]
    sought = ta["include"] + ta["maybe"]
    assessed = ft["include"] + ft["exclude"]
    counts = {
        "identification": {
            "sources": [{"kind": kind, "source": src, "records": n} for (kind, src), n in sorted(per_source.items())],
            "records_identified": identified,
        },
        "removed_before_screening": {
            "duplicates": duplicates,
            "merged_near_duplicates": merged,
            "other_reasons": len(removed),
            "other_reasons_detail": dict(Counter(r.get("reason") or "no reason given" for r in removed)),
        },
        "screening": {
            "records": records,
            "records_screened": records - awaiting_ta,
            "records_excluded": ta["exclude"],
            "excluded_reasons": dict(ta_reasons.most_common()),
            "awaiting_screening": awaiting_ta,
            "unresolved_conflicts": ta["conflict"],
            "maybe_sent_to_full_text": ta["maybe"],
        },
        "retrieval": {"reports_sought": sought, "reports_not_retrieved": ft["not_retrieved"]},
        "eligibility": {
            "reports_assessed": assessed,
            "reports_excluded": ft["exclude"],
            "excluded_reasons": dict(ft_reasons.most_common()),
            "awaiting_assessment": ft["awaiting"],
        },
        "included": {"studies": ft["include"]},
        "agreement": agreement(lib),
        "warnings": warnings,
    }
    counts["checks"] = checks(counts)
    return counts


def checks(c: dict[str, Any]) -> dict[str, bool]:
    """The flow's arithmetic: each box's records go somewhere, none twice."""
    ident, rem, scr = c["identification"], c["removed_before_screening"], c["screening"]
    ret, elig = c["retrieval"], c["eligibility"]
    return {
        "identified = duplicates + other removals + records": ident["records_identified"]
        == rem["duplicates"] + rem["other_reasons"] + scr["records"],
        "sources add up": ident["records_identified"] == sum(s["records"] for s in ident["sources"]),
        "records = screened + awaiting": scr["records"] == scr["records_screened"] + scr["awaiting_screening"],
        "screened = excluded + sought": scr["records_screened"] == scr["records_excluded"] + ret["reports_sought"],
        "sought = not retrieved + assessed + awaiting": ret["reports_sought"]
        == ret["reports_not_retrieved"] + elig["reports_assessed"] + elig["awaiting_assessment"],
        "assessed = excluded + included": elig["reports_assessed"]
        == elig["reports_excluded"] + c["included"]["studies"],
        "reasons add up": elig["reports_excluded"] == sum(elig["excluded_reasons"].values()),
    }


# -- the diagram -------------------------------------------------------------------------------------------------------

_W, _BOX_W, _SIDE_X, _SIDE_W, _LINE = 760, 330, 410, 330, 16


def _box(x: int, y: int, w: int, lines: list[str], bold_first: bool = True) -> tuple[str, int]:
    h = 14 + _LINE * len(lines)
    parts = [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="#fff" stroke="#333"/>']
    for i, line in enumerate(lines):
        weight = ' font-weight="bold"' if bold_first and i == 0 else ""
        text = html.escape(printable(line), quote=False)  # a source is a file name or a query: any text at all
        parts.append(f'<text x="{x + 8}" y="{y + 20 + i * _LINE}" font-size="12"{weight}>{text}</text>')
    return "".join(parts), h


def _arrow(x1: int, y1: int, x2: int, y2: int) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#333" marker-end="url(#arrow)"/>'


def _clip(text: str, n: int = 46) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def prisma_svg(c: dict[str, Any]) -> str:
    """The PRISMA 2020 flow diagram (new reviews, databases and files) as a self-contained SVG."""
    ident, rem, scr = c["identification"], c["removed_before_screening"], c["screening"]
    ret, elig, inc = c["retrieval"], c["eligibility"], c["included"]
    rows = [
        (
            ["Records identified from:"]
            + [f"  {_clip(s['source'])} (n = {s['records']})" for s in ident["sources"][:8]]
            + ([f"  … {len(ident['sources']) - 8} more sources"] if len(ident["sources"]) > 8 else [])
            + [f"Total (n = {ident['records_identified']})"],
            [
                "Records removed before screening:",
                f"  Duplicate records (n = {rem['duplicates']})",
                f"  Removed for other reasons (n = {rem['other_reasons']})",
            ],
        ),
        (
            [f"Records screened (n = {scr['records_screened']})"]
            + ([f"Awaiting screening (n = {scr['awaiting_screening']})"] if scr["awaiting_screening"] else []),
            [f"Records excluded (n = {scr['records_excluded']})"],
        ),
        (
            [f"Reports sought for retrieval (n = {ret['reports_sought']})"],
            [f"Reports not retrieved (n = {ret['reports_not_retrieved']})"],
        ),
        (
            [f"Reports assessed for eligibility (n = {elig['reports_assessed']})"]
            + ([f"Awaiting assessment (n = {elig['awaiting_assessment']})"] if elig["awaiting_assessment"] else []),
            [f"Reports excluded (n = {elig['reports_excluded']}):"]
            + [f"  {_clip(r, 38)} (n = {n})" for r, n in elig["excluded_reasons"].items()],
        ),
        ([f"Studies included in review (n = {inc['studies']})"], None),
    ]
    labels = ["Identification", "Screening", "Retrieval", "Eligibility", "Included"]
    body, y = [], 40
    prev_bottom = None
    for (left, right), label in zip(rows, labels, strict=True):
        box, h = _box(50, y, _BOX_W, left)
        side_h = 0
        if right:
            side, side_h = _box(_SIDE_X, y, _SIDE_W, right)
            body.append(side)
            body.append(_arrow(50 + _BOX_W, y + 20, _SIDE_X - 2, y + 20))
        body.append(box)
        body.append(
            f'<text x="20" y="{y + 10}" font-size="11" fill="#555" transform="rotate(-90 20 {y + 10})" '
            f'text-anchor="end">{label}</text>'
        )
        if prev_bottom is not None:
            body.append(_arrow(50 + _BOX_W // 2, prev_bottom, 50 + _BOX_W // 2, y - 2))
        prev_bottom = y + h
        y += max(h, side_h) + 36
    height = y
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{height}" viewBox="0 0 {_W} {height}" '
        'font-family="Helvetica, Arial, sans-serif" role="img" aria-label="PRISMA 2020 flow diagram">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>'
        '<text x="50" y="24" font-size="14" font-weight="bold">PRISMA 2020 flow diagram</text>'
        + "".join(body)
        + "</svg>\n"
    )


def has_screening(lib: Library) -> bool:
    from .screening import decisions

    return bool(decisions(lib))
