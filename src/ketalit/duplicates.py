"""Near-duplicates: records that are probably the same work though no identifier says so (a preprint and its
published version; the same trial imported twice with a typo in the title), and merging them.

Candidate pairs share the first author's family name, or the start of the normalised title; a pair is reported when
the titles are similar (rapidfuzz token-set ratio) and the years are close. A DOI from a preprint server on one side
lowers the title bar and widens the year window. Two records with different PMIDs, or different non-preprint DOIs,
are never proposed: identifiers that disagree mean two works.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from itertools import combinations
from typing import Any

from .errors import BadInput
from .library import Library
from .lookup import find_record
from .records import Record, fold_ascii, identity, merge, now_iso

# DOI prefixes of preprint servers: bioRxiv/medRxiv, Research Square, SSRN, Preprints.org, arXiv, OSF preprints,
# JMIR preprints, Authorea, SciELO preprints.
PREPRINT_PREFIXES = (
    "10.1101/",
    "10.21203/",
    "10.2139/",
    "10.20944/",
    "10.48550/",
    "10.31219/",
    "10.31234/",
    "10.2196/preprints.",
    "10.22541/",
    "10.1590/scielopreprints.",
)
TITLE_MIN = 90  # title similarity (0-100) for a pair with no preprint DOI
PREPRINT_TITLE_MIN = 80


def is_preprint(doi: str | None) -> bool:
    return bool(doi) and str(doi).lower().startswith(PREPRINT_PREFIXES)


def _norm_title(title: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold_ascii(title or "").lower()).split())


def _first_family(rec: Record) -> str:
    authors = rec.get("authors") or []
    if not authors:
        return ""
    a = authors[0]
    return re.sub(r"[^a-z]", "", fold_ascii(a.get("family") or a.get("collective") or "").lower())


def _conflicting_ids(a: Record, b: Record) -> bool:
    if a.get("pmid") and b.get("pmid") and a["pmid"] != b["pmid"]:
        return True
    da, db = a.get("doi"), b.get("doi")
    return bool(da and db and da != db and not is_preprint(da) and not is_preprint(db))


def find_duplicates(lib: Library) -> list[dict[str, Any]]:
    """Likely duplicate pairs, most similar first, each with the evidence for it."""
    from rapidfuzz import fuzz

    recs = dict(lib.iter_records())
    titles = {i: _norm_title(r.get("title") or "") for i, r in recs.items()}
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, r in recs.items():
        fam = _first_family(r)
        if fam:
            blocks["a:" + fam].append(i)
        if titles[i]:
            blocks["t:" + titles[i][:24]].append(i)
    seen: set[tuple[int, int]] = set()
    out: list[dict[str, Any]] = []
    for ids in blocks.values():
        if len(ids) < 2 or len(ids) > 500:  # a block that large is a common name: its pairs come from the title
            continue
        for a, b in combinations(sorted(ids), 2):
            if (a, b) in seen or not titles[a] or not titles[b]:
                continue
            seen.add((a, b))
            ra, rb = recs[a], recs[b]
            if _conflicting_ids(ra, rb):
                continue
            preprint = is_preprint(ra.get("doi")) or is_preprint(rb.get("doi"))
            score = fuzz.token_set_ratio(titles[a], titles[b])
            if score < (PREPRINT_TITLE_MIN if preprint else TITLE_MIN):
                continue
            ya, yb = ra.get("year"), rb.get("year")
            if ya and yb and abs(ya - yb) > (2 if preprint else 1):
                continue
            same_author = bool(_first_family(ra)) and _first_family(ra) == _first_family(rb)
            if not same_author and score < 97:
                continue
            reasons = [f"titles {score:.0f}% similar"]
            if same_author:
                reasons.append(f"same first author ({_first_family(ra)})")
            if ya and yb:
                reasons.append("same year" if ya == yb else f"years {ya} and {yb}")
            if preprint:
                reasons.append("one is a preprint (DOI prefix of a preprint server)")
            out.append(
                {
                    "records": [_brief(a, ra), _brief(b, rb)],
                    "similarity": round(score, 1),
                    "reasons": reasons,
                }
            )
    out.sort(key=lambda p: -p["similarity"])
    return out


def _brief(doc_id: int, rec: Record) -> dict[str, Any]:
    return {
        "id": rec.get("pmid") or rec.get("doi") or rec.get("citekey"),
        "citekey": rec.get("citekey"),
        "pmid": rec.get("pmid"),
        "doi": rec.get("doi"),
        "year": rec.get("year"),
        "title": rec.get("title") or "",
    }


def merge_records(lib: Library, keep: str, other: str) -> Record:
    """Merge ``other`` into ``keep``: one record with both identifiers (the absorbed ones stay findable and match
    on re-import), every note, screening decision and manual tag of both, and ``keep``'s citation key. A published
    version is preferred for the bibliographic fields: if ``keep`` is a preprint and ``other`` is not, ``other``'s
    fields win."""
    from .screening import move as move_decisions
    from .screening import refresh_summary
    from .tagging.tagger import default_tagger
    from .userfields import move_notes

    with lib.transaction():
        a, b = find_record(lib, keep), find_record(lib, other)
        if a["_id"] == b["_id"]:
            raise BadInput(f"{keep} and {other} are the same record")
        if a.get("pmid") and b.get("pmid") and a["pmid"] != b["pmid"]:
            raise BadInput(
                f"{identity(a)} and {identity(b)} have different PMIDs: PubMed holds them as two works; not merged"
            )
        base = {k: v for k, v in a.items() if k != "_id"}
        if is_preprint(a.get("doi")) and not is_preprint(b.get("doi")):
            incoming = dict(b, source_rank=max(a.get("source_rank", 0), b.get("source_rank", 0)) + 1)
        else:
            incoming = dict(b, source_rank=-1)  # fills only what ``keep`` lacks
        out = merge(base, incoming)
        out["source_rank"] = max(a.get("source_rank", 0), b.get("source_rank", 0))
        absorbed = {k: b.get(k) for k in ("pmid", "doi", "pmcid", "citekey", "title", "year")}
        absorbed.update(provenance=copy.deepcopy(b.get("provenance") or []), at=now_iso())
        out["merged"] = [*(a.get("merged") or []), *(b.get("merged") or []), absorbed]
        if not out.get("pmid") and b.get("pmid"):
            out["pmid"] = b["pmid"]
        if not out.get("doi") and b.get("doi"):
            out["doi"] = b["doi"]
        manual = copy.deepcopy(a.get("manual_tags") or {"add": [], "remove": []})
        for key in ("add", "remove"):
            for t in (b.get("manual_tags") or {}).get(key, []):
                if t not in manual[key]:
                    manual[key].append(t)
        out["manual_tags"] = manual
        out["edits"] = {**(b.get("edits") or {}), **(a.get("edits") or {})}
        if not out["edits"]:
            out.pop("edits")
        lib.put(a["_id"], default_tagger().apply(out))
        move_notes(lib, b["_id"], a["_id"])
        move_decisions(lib, b["_id"], a["_id"])
        refresh_summary(lib, a["_id"])
        lib.remove(b["_id"])
        return lib.record(a["_id"])
