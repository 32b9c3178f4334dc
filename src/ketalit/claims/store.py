"""Claims in the library: link every catalogue claim (verdicts and evidence stored in tinydb), then read them back."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from ..errors import NotFound
from ..library import Library
from ..records import Record, no_gc, now_iso
from ..search import SearchIndex
from .catalogue import Claim, id_order, load_catalogue
from .findings import Reading, is_current
from .judged import Judgements
from .link import contradictions, link_claim
from .retrieve import query_text


def _link_rows(
    lib: Library, claims: list[Claim]
) -> tuple[list[dict[str, Any]], dict[int, Reading], list[dict[str, Any]], str]:
    """Every claim's row (evidence, verdict, explanation, reviews applied), the findings read that their records do
    not carry yet, the contradictions between documents and the fingerprint of the records as they were read."""
    from .review import apply_reviews

    index = SearchIndex.for_library(lib)
    rows = []
    readings: dict[int, Reading] = {}
    records: dict[int, Record] = {}
    # one pass over the record vectors for every claim's query (not a sentence linked part by part: each part is
    # searched for with its own query)
    searched = [c for c in claims if c.checkable and not c.parts]
    semantic = index.similarities([query_text(c) for c in searched], lib) if index.n else None
    column = {c.id: j for j, c in enumerate(searched)}
    judgements = Judgements(lib)
    for claim in claims:
        sims = semantic[:, column[claim.id]] if semantic is not None and claim.id in column else None
        linked = link_claim(claim, index, lib, readings, records, sims, judgements)
        rows.append(
            {
                **claim.as_dict(),
                "verdict": linked.verdict,
                "explanation": linked.explanation,
                "evidence": [e.as_dict() for e in linked.evidence],
                **({"parts": linked.parts} if linked.parts else {}),
            }
        )
    judgements.save(keep_unused=False)  # every claim was linked: what no claim used is dropped
    rows = apply_reviews(lib, rows, claims)  # a person's decisions stay over the machine's new judgement
    # the records as they were read for linking (most of their files are read already)
    return rows, new_readings(readings, records), contradictions(claims), records_fingerprint(lib)


def link_all(lib: Library) -> dict[str, Any]:
    """Recompute every claim's evidence and verdict; store them in the library's ``claims`` table."""
    from .review import reviewed_catalogue

    claims = reviewed_catalogue(lib)
    if not claims:
        raise NotFound(f"{lib.root}/claims.toml has no claims (add a page with `ketalit check PAGE`)")
    # The collector is paused while reading: what is read stays alive until the write, and with it running every
    # file of records read makes it walk all those read before (at 50,000 records, a tenth of the linking time).
    # The records are dropped before it runs again, so that it does not walk them once more.
    with no_gc():
        rows, stale, conflicts, fingerprint = _link_rows(lib, claims)
        lib.release()  # the transaction re-reads the files: do not hold two copies of a large library in memory
    with lib.transaction():
        keep_findings(lib, stale)
        table = lib.table("claims")
        table.truncate()
        table.insert_multiple(rows)
        meta = lib.table("claims_meta")
        meta.truncate()
        meta.insert(
            {
                "linked_at": now_iso(),
                "contradictions": conflicts,
                "records": len(lib),
                "records_fingerprint": fingerprint,
            }
        )
    return {"claims": len(rows), "contradictions": conflicts}


# What linking reads of a record: a change to any of these may change a verdict (notes and screening do not).
LINKED_FIELDS = ("pmid", "doi", "citekey", "title", "abstract", "year", "authors", "retracted", "tags")


def records_fingerprint(lib: Library) -> str:
    """A digest of what linking read from the records, kept with the linked claims: when the records' digest no
    longer matches, the verdicts are older than the records."""
    digest = hashlib.sha256()
    for doc_id, rec in sorted(lib.iter_records(), key=lambda item: item[0]):
        fields = {f: rec.get(f) for f in LINKED_FIELDS}
        digest.update(orjson.dumps([doc_id, fields], option=orjson.OPT_SORT_KEYS, default=str))
    return digest.hexdigest()


def link_state(lib: Library) -> dict[str, Any] | None:
    """When the claims were linked and whether the records changed since (None: never linked). ``stale`` is None
    when a library linked by an older ketalit cannot tell."""
    meta = lib.table("claims_meta").all()
    if not meta:
        return None
    m = meta[0]
    if m.get("records_fingerprint"):
        stale = m["records_fingerprint"] != records_fingerprint(lib)
    elif m.get("records") is not None and m["records"] != len(lib):
        stale = True
    else:
        stale = None
    return {
        "linked_at": m.get("linked_at", ""),
        "records_then": m.get("records"),
        "records_now": len(lib),
        "stale": stale,
    }


def new_readings(readings: dict[int, Reading], records: dict[int, Record]) -> dict[int, Reading]:
    """The findings read while linking that their records do not carry yet (or carry from older rules or text).
    ``records`` may be as stored, with their findings as a JSON string."""

    def stored(rec: Record) -> Any:
        value = rec.get("findings")
        return orjson.loads(value) if isinstance(value, str) else value

    return {doc_id: r for doc_id, r in readings.items() if not is_current(stored(records[doc_id]), records[doc_id])}


def keep_findings(lib: Library, readings: dict[int, Reading]) -> None:
    """Store findings read during linking with their records (inside a transaction), so they are not read again."""
    for doc_id, reading in readings.items():
        lib.put_derived(doc_id, "findings", reading.as_dict())


def stored_claims(lib: Library) -> list[dict[str, Any]]:
    rows = [dict(r) for r in lib.table("claims").all()]
    if not rows and load_catalogue(lib.root, verify=False):
        raise NotFound("claims are not linked yet: run `ketalit claims link`")
    return sorted(rows, key=lambda r: id_order(r["id"]))


def stored_contradictions(lib: Library) -> list[dict[str, Any]]:
    meta = lib.table("claims_meta").all()
    return meta[0]["contradictions"] if meta else []


def get_claim(lib: Library, claim_id: str) -> dict[str, Any]:
    for row in stored_claims(lib):
        if row["id"] == claim_id:
            return row
    raise NotFound(f"no claim {claim_id!r} (ids look like 000-07; `ketalit claims list` shows them)")


def evidence_records(lib: Library, claim_id: str) -> list[Record]:
    """The records cited for a claim (supporting or contradicting), for `export bibtex --claim`."""
    row = get_claim(lib, claim_id)
    out = []
    for e in row["evidence"]:
        if e["stance"] == "neutral":
            continue
        rec = lib.find(e["pmid"] or e["doi"] or e["citekey"])
        if rec is not None:
            out.append(rec)
    return out
