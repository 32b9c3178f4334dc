"""A person's review of the machine's judgements: every decision kept with who and when, never overwritten by the
machine, shown beside the machine's judgement.

Decisions (one ``ClaimReview`` row each, oldest first; for the same thing the latest counts, earlier ones are kept):

- ``stance``: a record's stance on a claim (supports | contradicts | neutral | irrelevant), for a record the machine
  linked or one it missed;
- ``verdict``: the claim's verdict, overruling (or accepting) the machine's;
- ``edit``: corrected fields of the claim itself (kind, routes, outcomes, settings, direction, comparator, quote...);
- ``accept``: the claim is a claim, as the machine read it;
- ``remove``: the claim is not a claim; ``add``: a claim the extraction missed (its fields are in the row).

A claim nobody has accepted, edited or added is the machine's: it is linked and judged like any other, and shown as
not reviewed.

Reviews are user data. They are keyed by stable identities, never by positions or database ids: a claim by its id
together with its document and the quote the machine gave it (a claim whose id now holds another quote is found
again by its quote), a record by PMID, DOI or citation key (``pmid:...``, ``doi:...``, ``citekey:...``). All reads
and writes go through this module (the rows live in the library's ``claim_reviews`` table today), so the storage
can move without touching the callers. Relinking (`claims link`), re-importing, re-fetching and re-checking a page
never touch them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypedDict

from tinydb import Query

from ..errors import BadInput, NotFound
from ..library import Library
from ..records import Record, first_author, now_iso
from ..screening import default_reviewer
from . import STANCES, VERDICTS
from .catalogue import KINDS, Claim, id_order, load_catalogue

TABLE = "claim_reviews"
EDITABLE = (
    "kind",
    "routes",
    "outcomes",
    "settings",
    "assertion",
    "polarity",
    "direction",
    "comparator",
    "regimen",
    "severity",
    "exposure",
    "measure",
    "topic",
    "terms",
    "checkable",
    "concepts",
    "indirect_only",
    "all_settings",
    "condition",
    "quote",
    "start",
    "end",
    "lead_in",
    "lead_start",
    "lead_end",
)


CLAIM_ACTIONS = ("accept", "edit", "add", "remove")  # decisions on the claim itself (the others are on its judgement)


class ClaimReview(TypedDict, total=False):
    action: str  # stance | verdict | accept | edit | remove | add
    claim: str  # the claim's id, e.g. 005-03
    document: str
    quote: str  # the claim's quote as the machine gave it: finds the claim again if ids change
    record: str  # stance: pmid:... | doi:... | citekey:...
    ids: dict[str, str | None]  # stance: every identifier of the record, to match it after a re-import
    stance: str
    verdict: str
    fields: dict[str, Any]  # edit and add: the claim's fields
    note: str
    reviewer: str
    at: str  # ISO 8601, UTC


# -- identities --------------------------------------------------------------------------------------------------------


def record_key(rec: dict[str, Any]) -> str:
    """A record's stable key: PMID, else DOI, else citation key."""
    if rec.get("pmid"):
        return f"pmid:{rec['pmid']}"
    if rec.get("doi"):
        return f"doi:{rec['doi']}"
    return f"citekey:{rec.get('citekey') or ''}"


def _same_record(ids: dict[str, Any], e: dict[str, Any]) -> bool:
    return any(ids.get(k) and e.get(k) and str(ids[k]).lower() == str(e[k]).lower() for k in ("pmid", "doi", "citekey"))


# -- reading -----------------------------------------------------------------------------------------------------------


def reviews(lib: Library, claim: str | None = None) -> list[ClaimReview]:
    """Every review decision (of one claim), oldest first."""
    rows = [ClaimReview(**r) for r in lib.table(TABLE).all()]  # type: ignore[typeddict-item]
    if claim is not None:
        rows = [r for r in rows if r.get("claim") == claim]
    return sorted(rows, key=lambda r: r.get("at", ""))


def norm_quote(quote: str) -> str:
    return " ".join(quote.split())


def machine_quotes(lib: Library) -> dict[str, tuple[str, str]]:
    """Each claim's identity: id -> (document, the quote it was first given: by `check`, or by the reviewer who
    added it). Edits to a quote do not change it."""
    from .pages import read_catalogue

    out = {c["id"]: (c["id"].split("-")[0], norm_quote(c["quote"])) for c in read_catalogue(lib.root)["claim"]}
    for r in reviews(lib):
        if r.get("action") == "add" and r.get("claim") not in out:
            out[r["claim"]] = (r.get("document", ""), norm_quote(r.get("quote", "")))
    return out


def _rows_by_claim(lib: Library) -> dict[str, list[ClaimReview]]:
    """Reviews grouped by the claim they are about now: by id while the id holds the quote the review was made on,
    else by document and quote (the page changed and the claim was numbered anew); a review whose claim is no
    longer on the page waits under ``orphan:ID``."""
    ident = machine_quotes(lib)
    by_quote = {v: k for k, v in ident.items()}
    out: dict[str, list[ClaimReview]] = defaultdict(list)
    for r in reviews(lib):
        cid = r.get("claim", "")
        key = (r.get("document", ""), norm_quote(r.get("quote") or ""))
        if ident.get(cid) != key:
            cid = by_quote.get(key, f"orphan:{cid}")
        out[cid].append(r)
    return out


# -- the catalogue as reviewed -----------------------------------------------------------------------------------------


PROPOSITION = ("direction", "regimen", "comparator", "severity", "exposure", "indirect_only", "all_settings")


def _known() -> set[str]:
    return {f.name for f in dataclasses.fields(Claim)}


def _set(claim: Claim, key: str, value: Any) -> None:
    """A field on a claim; one the Claim class does not have (yet) is kept in ``extra``."""
    if key in _known():
        setattr(claim, key, value)
    else:
        claim.extra[key] = value


def make_claim(fields: dict[str, Any]) -> Claim:
    """A Claim from stored fields."""
    known = _known()
    data = {k: v for k, v in fields.items() if k in known}
    for key, value in (("routes", []), ("outcomes", []), ("settings", []), ("assertion", "")):
        data.setdefault(key, value)
    claim = Claim(**data)
    for key in PROPOSITION:
        if key in fields and key not in known:
            claim.extra[key] = fields[key]
    return claim


def proposition_of(claim: Claim) -> dict[str, Any]:
    """What a claim asserts, as the evidence engine reads it."""
    if hasattr(claim, "proposition_dict"):
        return claim.proposition_dict()

    def get(key: str) -> Any:
        return getattr(claim, key, None) if key in _known() else claim.extra.get(key)

    m = claim.measure
    return {
        "subject": "ketamine",
        "routes": list(claim.routes),
        "regimen": get("regimen"),
        "population": list(claim.settings),
        "outcomes": list(claim.outcomes),
        "direction": get("direction"),
        "polarity": claim.polarity,
        "comparator": get("comparator"),
        "severity": get("severity"),
        "exposure": get("exposure"),
        "quantity": {"name": m["quantity"], "min": m["min"], "max": m["max"]} if m else None,
    }


def _claims_with_decisions(lib: Library, verify: bool = True) -> list[tuple[Claim, str | None]]:
    """Every claim, removed ones too, with a person's edits applied and its latest decision on the claim itself
    (accept, edit, add or remove; None for a claim nobody has judged: the machine's)."""
    from .pages import read_catalogue

    machine = load_catalogue(lib.root, verify=verify)
    raw = {c["id"]: c for c in read_catalogue(lib.root)["claim"]}
    for claim in machine:
        for key in PROPOSITION:
            if key in raw.get(claim.id, {}) and key not in _known():
                claim.extra[key] = raw[claim.id][key]
    machine_ids = {c.id for c in machine}
    grouped = _rows_by_claim(lib)
    out: list[tuple[Claim, str | None]] = []
    for claim in machine:
        decided = [r for r in grouped.get(claim.id, []) if r.get("action") in CLAIM_ACTIONS]
        for r in decided:
            if r.get("action") == "edit":
                for key, value in (r.get("fields") or {}).items():
                    _set(claim, key, value)
                # a person's reading of the sentence replaces the machine's cut of it into parts
                claim.parts = []
        out.append((claim, decided[-1]["action"] if decided else None))
    for cid, rows in grouped.items():
        if cid in machine_ids or cid.startswith("orphan:"):
            continue
        decided = [r for r in rows if r.get("action") in CLAIM_ACTIONS]
        added = [r for r in decided if r.get("action") == "add"]
        if not added:
            continue
        fields = dict(added[-1].get("fields") or {})
        for r in decided:
            if r.get("action") == "edit" and r["at"] >= added[-1]["at"]:
                fields.update(r.get("fields") or {})
        claim = make_claim({**fields, "id": cid, "document": added[-1].get("document", cid.split("-")[0])})
        out.append((claim, decided[-1]["action"]))
    return out


def reviewed_catalogue(lib: Library, verify: bool = True, topics: bool = True) -> list[Claim]:
    """The claims as a person left them: the machine's catalogue (``claims.toml``), less the removed claims, plus
    the added ones, with every edit applied. With ``topics``, a claim without a topic takes the one its proposition
    is on."""
    from .coverage import REVIEWED
    from .normalise import topic_of

    out = []
    for claim, last in _claims_with_decisions(lib, verify):
        if last == "remove":
            continue
        if last is not None:  # a person accepted, corrected or added it: the proposition is a person's reading
            claim.extra[REVIEWED] = True
        out.append(claim)
    for claim in out:
        if topics and not claim.topic:  # nobody named its topic: the one its (reviewed) proposition is on
            quantity = claim.measure["quantity"] if claim.measure else None
            direction = claim.proposition.direction
            claim.topic = topic_of(
                claim.kind, direction, claim.outcomes, quantity, claim.severity, claim.regimen, claim.settings
            )[0]
    return sorted(out, key=lambda c: id_order(c.id))


# -- the machine's judgement, with the person's beside it ------------------------------------------------------------


def apply_reviews(lib: Library, rows: list[dict[str, Any]], claims: list[Claim]) -> list[dict[str, Any]]:
    """Linked claims (``claims`` table rows) with the reviews laid over them. The machine's judgement stays:
    ``machine_verdict`` / ``machine_explanation`` and each record's ``machine_stance``; ``verdict`` and ``stance``
    are the reviewed ones (the machine's where nobody reviewed). A stance review without a verdict review
    re-weighs the stances by the machine's rules; ``irrelevant`` records are left out of that."""
    by_id = {c.id: c for c in claims}
    grouped = _rows_by_claim(lib)
    out = []
    for row in rows:
        row = dict(row)
        row.setdefault("machine_verdict", row.get("verdict"))
        row.setdefault("machine_explanation", row.get("explanation", ""))
        row["verdict"], row["explanation"] = row["machine_verdict"], row["machine_explanation"]
        evidence = []
        for e in row.get("evidence", []):
            if "machine_stance" in e and e["machine_stance"] is None:
                continue  # a record a reviewer added: laid again below from the review
            e = dict(e)
            e.setdefault("machine_stance", e.get("stance"))
            e["stance"] = e["machine_stance"]
            e.pop("review", None)
            evidence.append(e)
        mine = grouped.get(row["id"], [])
        stance_rows: dict[str, ClaimReview] = {}
        for r in mine:
            if r.get("action") == "stance":
                stance_rows[r["record"]] = r  # the latest decision on each record counts
        for key, r in stance_rows.items():
            target = next((e for e in evidence if _same_record(r.get("ids") or {}, e)), None)
            if target is None:
                target = _evidence_for_record(lib, key, r.get("ids") or {})
                evidence.append(target)
            target["stance"] = r["stance"]
            target["review"] = {k: r.get(k, "") for k in ("stance", "note", "reviewer", "at")}
        verdict_rows = [r for r in mine if r.get("action") == "verdict"]
        claim_rows = [r for r in mine if r.get("action") in ("accept", "edit", "add")]
        review: dict[str, Any] = {
            "stances": len(stance_rows),
            "edits": [{k: r.get(k) for k in ("action", "fields", "note", "reviewer", "at")} for r in claim_rows],
        }
        if verdict_rows:
            v = verdict_rows[-1]
            row["verdict"] = v["verdict"]
            row["explanation"] = f"Reviewed by {v.get('reviewer', '?')} ({v.get('at', '')[:10]}): " + (
                v.get("note") or ("accepted the machine's verdict" if v["verdict"] == row["machine_verdict"] else "")
            )
            review["verdict"] = {k: v.get(k, "") for k in ("verdict", "note", "reviewer", "at")}
        elif stance_rows and row["id"] in by_id:
            row["verdict"], explanation = _reweigh(by_id[row["id"]], evidence)
            row["explanation"] = "With the reviewed stances: " + explanation
        row["evidence"] = evidence
        if row["id"] in by_id:
            row["proposition"] = proposition_of(by_id[row["id"]])
        row["reviewed"] = bool(verdict_rows or stance_rows)  # a person checked the machine's judgement
        row["edited"] = any(r["action"] != "accept" for r in claim_rows)  # a person corrected or added the claim
        row["claim_reviewed"] = bool(claim_rows)  # a person accepted, corrected or added it (else: the machine's)
        row["review"] = review
        out.append(row)
    return out


def _reweigh(claim: Claim, evidence: list[dict[str, Any]]) -> tuple[str, str]:
    """The machine's verdict rule over the reviewed stances."""
    from .link import Evidence, verdict

    known = {f.name for f in dataclasses.fields(Evidence)}
    items = []
    for e in evidence:
        if e["stance"] == "irrelevant":
            continue
        data = {k: v for k, v in e.items() if k in known}
        data.setdefault("doc_id", 0)
        items.append(Evidence(**data))
    return verdict(claim, items)


def _evidence_for_record(lib: Library, key: str, ids: dict[str, Any]) -> dict[str, Any]:
    """An evidence entry for a record a reviewer added (the machine did not link it)."""
    rec = None
    for ident in (ids.get("pmid"), ids.get("doi"), ids.get("citekey"), key.split(":", 1)[-1]):
        if ident:
            rec = lib.find(str(ident))
            if rec is not None:
                break
    rec = rec or {}
    return {
        "pmid": rec.get("pmid") or ids.get("pmid"),
        "doi": rec.get("doi") or ids.get("doi"),
        "citekey": rec.get("citekey") or ids.get("citekey"),
        "title": rec.get("title") or "(not in this library)",
        "year": rec.get("year"),
        "first_author": first_author(rec),
        "design": ((rec.get("tags") or {}).get("design") or ["other"])[0],
        "stance": "neutral",
        "machine_stance": None,  # not linked by the machine
        "rationale": [],
        "why": "added by a reviewer",
        "retracted": bool(rec.get("retracted")),
        "relevance": 0.0,
        "measured": None,
    }


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A stored claim with the review fields every reader expects (a library linked before reviews existed has
    none: its verdicts are the machine's)."""
    return {
        **row,
        "machine_verdict": row.get("machine_verdict", row["verdict"]),
        "reviewed": bool(row.get("reviewed")),
        "edited": bool(row.get("edited")),
        "claim_reviewed": bool(row.get("claim_reviewed", row.get("edited"))),
    }


def review_counts(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """How much of the machine's work a person has checked."""
    stances = sum(1 for r in rows for e in r.get("evidence", []) if e.get("review"))
    judged = sum(1 for r in rows for e in r.get("evidence", []) if e.get("stance") != "neutral" or e.get("review"))
    return {
        "claims": len(rows),
        "reviewed": sum(1 for r in rows if r.get("reviewed")),
        "edited": sum(1 for r in rows if r.get("edited")),
        "claims_reviewed": sum(1 for r in rows if r.get("claim_reviewed")),
        "verdicts_reviewed": sum(1 for r in rows if (r.get("review") or {}).get("verdict")),
        "overruled": sum(1 for r in rows if r.get("verdict") != r.get("machine_verdict")),
        "stances_reviewed": stances,
        "stances": judged,
    }


# -- writing -----------------------------------------------------------------------------------------------------------


def _claim_row(lib: Library, claim_id: str) -> dict[str, Any]:
    from .store import get_claim

    return get_claim(lib, claim_id)


def _base(lib: Library, row: dict[str, Any], action: str, note: str, reviewer: str | None) -> ClaimReview:
    document, quote = machine_quotes(lib).get(row["id"], (row["document"], norm_quote(row["quote"])))
    return ClaimReview(
        action=action,
        claim=row["id"],
        document=document,
        quote=quote,
        note=note.strip(),
        reviewer=reviewer or default_reviewer(),
        at=now_iso(),
    )


def _save(lib: Library, item: ClaimReview) -> None:
    with lib.transaction():
        lib.table(TABLE).insert(dict(item))
    _refresh(lib, item["claim"])


def _refresh(lib: Library, claim_id: str) -> None:
    """Lay the reviews over the stored claim again (no relinking)."""
    lib.release()
    claims = reviewed_catalogue(lib, verify=False)
    with lib.transaction():
        table = lib.table("claims")
        stored = [dict(r) for r in table.all()]
        ids = {c.id for c in claims}
        fresh = apply_reviews(lib, [r for r in stored if r["id"] in ids], claims)
        table.truncate()
        table.insert_multiple(fresh)


def set_stance(
    lib: Library, claim_id: str, record: str, stance: str, note: str = "", reviewer: str | None = None
) -> ClaimReview:
    """A reviewer's stance of one record on one claim (a record the machine did not link is added)."""
    if stance not in STANCES:
        raise BadInput(f"stance must be one of {', '.join(STANCES)}, not {stance!r}")
    row = _claim_row(lib, claim_id)
    rec: Record | dict[str, Any] | None = lib.find(record)
    if rec is None:
        linked = [
            e for e in row["evidence"] if record.split(":", 1)[-1] in (e.get("pmid"), e.get("doi"), e.get("citekey"))
        ]
        if not linked:
            raise NotFound(
                f"no record {record!r} in {lib.root}/ (give a PMID, DOI or citation key; "
                "import or fetch a missing paper first)"
            )
        rec = linked[0]
    item = _base(lib, row, "stance", note, reviewer)
    item["record"] = record_key(rec)
    item["ids"] = {k: rec.get(k) for k in ("pmid", "doi", "citekey")}
    item["stance"] = stance
    _save(lib, item)
    return item


def set_verdict(lib: Library, claim_id: str, verdict: str, note: str = "", reviewer: str | None = None) -> ClaimReview:
    """A reviewer's verdict on a claim; the machine's stays beside it."""
    if verdict not in VERDICTS:
        raise BadInput(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    row = _claim_row(lib, claim_id)
    if verdict != row.get("machine_verdict", row["verdict"]) and not note.strip():
        raise BadInput("overruling the machine's verdict needs a reason: give a note saying why", options=("note",))
    item = _base(lib, row, "verdict", note, reviewer)
    item["verdict"] = verdict
    _save(lib, item)
    return item


def _check_fields(lib: Library, fields: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    from ..tagging.tagger import default_vocabulary
    from .pages import documents

    vocab = default_vocabulary()
    out = dict(fields)
    for key in out:
        if key not in EDITABLE:
            raise BadInput(f"{key!r} is not a field of a claim you can edit (editable: {', '.join(EDITABLE)})")
    if "kind" in out and out["kind"] not in KINDS:
        raise BadInput(f"kind must be one of {', '.join(KINDS)}")
    for key, axis in (("routes", "route"), ("outcomes", "outcome"), ("settings", "setting")):
        if key in out:
            for tag in out[key]:
                if not vocab.has(axis, tag):
                    raise BadInput(f"{key}: {tag!r} is not a {axis} in the vocabulary ({', '.join(vocab.ids(axis))})")
    if "quote" in out:
        doc = documents(lib.root).get(row["document"], {})
        text = (Path(lib.root) / doc.get("file", "")).read_text(encoding="utf-8") if doc.get("file") else ""
        start = text.find(out["quote"])
        if start < 0:
            raise BadInput(f"the new quote is not in the page's text ({doc.get('file', '?')}); copy it exactly")
        out["start"], out["end"] = start, start + len(out["quote"])
    return out


def edit_claim(
    lib: Library, claim_id: str, fields: dict[str, Any], note: str = "", reviewer: str | None = None
) -> ClaimReview:
    """Correct the claim itself (its normalised form, or its quote); the machine's form is kept in claims.toml."""
    row = _claim_row(lib, claim_id)
    item = _base(lib, row, "edit", note, reviewer)
    item["fields"] = _check_fields(lib, fields, row)
    with lib.transaction():
        lib.table(TABLE).insert(dict(item))
    relink_claim(lib, claim_id)
    return item


def accept_claim(lib: Library, claim_id: str, note: str = "", reviewer: str | None = None) -> ClaimReview:
    """A person has read the machine's claim and finds it a claim, as the machine read it (no longer shown as the
    machine's alone)."""
    row = _claim_row(lib, claim_id)
    item = _base(lib, row, "accept", note, reviewer)
    _save(lib, item)
    return item


def remove_claim(lib: Library, claim_id: str, note: str, reviewer: str | None = None) -> ClaimReview:
    """Mark a claim as not a claim (kept as a decision; checking the page again does not bring it back)."""
    if not note.strip():
        raise BadInput("say why it is not a claim: give a note saying why", options=("note",))
    row = _claim_row(lib, claim_id)
    item = _base(lib, row, "remove", note, reviewer)
    with lib.transaction():
        lib.table(TABLE).insert(dict(item))
        lib.table("claims").remove(Query().id == claim_id)
    return item


def add_claim(
    lib: Library,
    document: str,
    quote: str,
    lead_in: str = "",
    fields: dict[str, Any] | None = None,
    note: str = "",
    reviewer: str | None = None,
) -> ClaimReview:
    """A claim the extraction missed: found in the page's text, normalised like any other, then linked."""
    from .extract import Candidate
    from .normalise import normalise, page_context
    from .pages import documents, next_claim_id

    docs = documents(lib.root)
    if document not in docs:
        raise NotFound(f"no document {document!r} (known: {', '.join(sorted(docs)) or 'none'})")
    text = (Path(lib.root) / docs[document]["file"]).read_text(encoding="utf-8")
    start = text.find(quote)
    if start < 0:
        raise BadInput(f"the quote is not in the text of document {document}; copy it exactly from the page")
    cand = Candidate(document=document, quote=quote, start=start, end=start + len(quote))
    if lead_in:
        ls = text.find(lead_in)
        if ls < 0:
            raise BadInput("the lead-in is not in the page's text; copy it exactly")
        cand.lead_in, cand.lead_start, cand.lead_end = lead_in, ls, ls + len(lead_in)
    meta = docs[document]
    norm = normalise(cand, text, page_context(text, meta.get("title", ""), meta.get("url", ""), meta.get("clinic", "")))
    claim_id = next_claim_id(lib, document)
    data = {
        "id": claim_id,
        "document": document,
        "file": docs[document]["file"],
        "quote": quote,
        "start": cand.start,
        "end": cand.end,
        "lead_in": cand.lead_in,
        "lead_start": cand.lead_start,
        "lead_end": cand.lead_end,
        **norm.catalogue_fields(),
    }
    if fields:
        data.update(_check_fields(lib, fields, {"document": document}))
    item = ClaimReview(
        action="add",
        claim=claim_id,
        document=document,
        quote=quote,
        fields=data,
        note=note.strip(),
        reviewer=reviewer or default_reviewer(),
        at=now_iso(),
    )
    with lib.transaction():
        lib.table(TABLE).insert(dict(item))
    relink_claim(lib, claim_id)
    return item


def relink_claim(lib: Library, claim_id: str) -> None:
    from .check import link_claims

    lib.release()
    link_claims(lib, {claim_id})


def forget_all_claims(library_root: Path) -> None:
    """Empty a library's claims (for a scratch copy of a library): no catalogue, no linked claims, no reviews."""
    lib = Library.open(library_root)
    with lib.transaction():
        for name in ("claims", "claims_meta", TABLE):
            lib.table(name).truncate()
    (Path(library_root) / "claims.toml").unlink(missing_ok=True)


_LISTS = ("routes", "outcomes", "settings")
_BOOLS = ("checkable", "indirect_only", "all_settings")


def parse_fields(items: list[str]) -> dict[str, Any]:
    """``field=value`` pairs from the command line: lists comma-separated (``routes=intravenous,intranasal``, empty
    for none), ``measure=onset_minutes:20-40``, ``checkable=false``, ``comparator=`` to clear."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise BadInput(f"{item!r}: write a field as name=value (e.g. kind=onset, routes=intravenous)")
        if key in _LISTS:
            out[key] = [v.strip() for v in value.split(",") if v.strip()]
        elif key in _BOOLS:
            if value.lower() not in ("true", "false", "yes", "no"):
                raise BadInput(f"{key} is true or false, not {value!r}")
            out[key] = value.lower() in ("true", "yes")
        elif key == "measure":
            name, _, span = value.partition(":")
            lo, _, hi = span.partition("-")
            try:
                out[key] = {"quantity": name, "min": float(lo), "max": float(hi or lo)} if value else None
            except ValueError as exc:
                raise BadInput(f"measure is written onset_minutes:20-40 or duration_days:7-90, not {value!r}") from exc
        elif key in ("start", "end", "lead_start", "lead_end"):
            out[key] = int(value)
        else:
            out[key] = value or None
    return out


# -- a hand-made catalogue, taken over as reviews ----------------------------------------------------------------------


def _default(key: str) -> Any:
    """A claim field's value when a catalogue leaves it out."""
    for f in dataclasses.fields(Claim):
        if f.name == key:
            if f.default is not dataclasses.MISSING:
                return f.default
            if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
                return f.default_factory()  # type: ignore[misc]
    return [] if key in _LISTS else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def write_reviewed_catalogue(lib: Library, path: Path) -> int:
    """Write the claims a person has judged as a hand-made catalogue that `claims adopt` reads: every claim a person
    accepted, edited or added, with its id, quote, offsets, assertion and every field a reviewer can set (topics as
    reviewed, not derived), and each claim a person removed as a ``[[removed]]`` entry. The machine's claims nobody
    judged are left out: adopting the file leaves them to the machine. To re-make the machine's catalogue under the
    reviews (library/CLAIMS_REVIEW.md). Returns the number of claims written (removed ones not counted)."""
    import tomli_w

    from .pages import read_catalogue

    docs = read_catalogue(lib.root)["documents"]
    claims, removed = [], []
    for claim, last in sorted(_claims_with_decisions(lib), key=lambda x: id_order(x[0].id)):
        if last is None:
            continue
        if last == "remove":
            removed.append({"id": claim.id, "quote": claim.quote, "start": claim.start, "end": claim.end})
            continue
        item: dict[str, Any] = {"id": claim.id}
        for key in (*EDITABLE, "assertion"):
            value = getattr(claim, key) if key in _known() else claim.extra.get(key)
            if value is not None:
                item[key] = value
        claims.append(item)
    out: dict[str, Any] = {
        "documents": {d: {"file": m["file"], "title": m.get("title", "")} for d, m in docs.items()},
        "claim": claims,
    }
    if removed:
        out["removed"] = removed
    Path(path).write_text(tomli_w.dumps(out), encoding="utf-8")
    return len(claims)


def _pair(theirs: list[dict[str, Any]], mine: list[dict[str, Any]], taken: set[int]) -> dict[int, int]:
    """Hand entries to machine claims of one page (indices), one to one, largest overlap first: a pair shares at
    least half of the shorter quote. Machine claims in ``taken`` are not paired again; the pairs are added to it."""
    pairs = sorted(
        (
            (_overlap((h["start"], h["end"]), (m["start"], m["end"])), i, j)
            for i, h in enumerate(theirs)
            for j, m in enumerate(mine)
            if j not in taken
            and 2 * _overlap((h["start"], h["end"]), (m["start"], m["end"]))
            >= max(1, min(h["end"] - h["start"], m["end"] - m["start"]))
        ),
        reverse=True,
    )
    out: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def _number(cid: str) -> int:
    return int(cid.split("-")[1])


def adopt_catalogue(lib: Library, path: Path, reviewer: str, note: str, remove_absent: bool = False) -> dict[str, int]:
    """Record a hand-made catalogue (claims.toml written or corrected by hand) as a person's decisions on what
    `ketalit check` found in the same pages:

    - a claim both have takes the hand's id; the hand's fields that differ from the claim as it stands are an
      ``edit``, and a claim the hand leaves as the machine read it is ``accept``ed;
    - a claim only the hand has is added;
    - a ``[[removed]]`` entry (id, quote, start, end, optional note) removes the machine's claim it overlaps;
    - a claim only the machine found is left as it is: the machine's, not reviewed, unless a person has decided on
      it already. With ``remove_absent`` the file is taken as every claim of its pages and such claims are removed.

    Only what is not so already is recorded, so adopting the same file again changes nothing, and no earlier
    decision is dropped. A machine claim keeps its id unless the hand gives that id to another claim (then it takes a
    new number: numbers are never reused). The machine's own reading stays in claims.toml beside the decisions."""
    from .._compat import tomllib
    from ..inputs import read_input
    from .pages import read_catalogue, write_catalogue

    data = read_input(path, str(path), stdin=False)
    try:
        hand = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(f"{path}: cannot read it as a TOML catalogue ({exc})") from exc
    for table in ("claim", "removed"):
        for n, entry in enumerate(hand.get(table, []), 1):
            if not (
                re.fullmatch(r"\d{3}-\d{2,}", str(entry.get("id", "")))
                and isinstance(entry.get("quote"), str)
                and all(isinstance(entry.get(k), int) for k in ("start", "end"))
            ):
                raise BadInput(
                    f"{path}: [[{table}]] number {n} ({entry.get('id', 'no id')}) needs an id such as 000-07, its "
                    "quote, and start and end offsets into the page"
                )
    machine = read_catalogue(lib.root)
    state = {c.id: (c, last) for c, last in _claims_with_decisions(lib, verify=False)}
    ident = machine_quotes(lib)
    machine_ids = {c["id"] for c in machine["claim"]}
    added_by_quote = {key: cid for cid, key in ident.items() if cid not in machine_ids}  # claims a reviewer added
    hand_docs = hand.get("documents", {})
    counts = dict.fromkeys(("accepted", "edited", "added", "removed", "unchanged", "machine"), 0)
    rows: list[ClaimReview] = []
    renamed: dict[str, str] = {}
    renumbered = False
    at = now_iso()

    def review(
        action: str, cid: str, doc: str, quote: str, fields: dict[str, Any] | None = None, why: str = ""
    ) -> None:
        item = ClaimReview(
            action=action, claim=cid, document=doc, quote=quote, note=why or note, reviewer=reviewer, at=at
        )
        if fields is not None:
            item["fields"] = fields
        rows.append(item)

    def judge(cid: str, doc: str, quote: str, claim: Claim, last: str | None, h: dict[str, Any]) -> None:
        """The hand's fields over the claim as it stands: an edit where they differ, else accepted."""
        diff = {k: v for k in EDITABLE if (v := h.get(k, _default(k))) != getattr(claim, k)}
        if diff:
            review("edit", cid, doc, quote, diff)
            counts["edited"] += 1
        elif last in (None, "remove"):
            review("accept", cid, doc, quote)
            counts["accepted"] += 1
        else:
            counts["unchanged"] += 1

    for doc, meta in sorted(machine["documents"].items()):
        hand_doc = next((d for d, m in hand_docs.items() if m.get("file") == meta.get("file")), None)
        if hand_doc is None:
            continue
        mine = [c for c in machine["claim"] if c["id"].split("-")[0] == doc]
        theirs = [c for c in hand.get("claim", []) if c["id"].split("-")[0] == hand_doc]
        gone = [c for c in hand.get("removed", []) if c["id"].split("-")[0] == hand_doc]
        taken: set[int] = set()
        hand_to_machine = _pair(theirs, mine, taken)
        removed_to_machine = _pair(gone, mine, taken)
        hand_ids = {f"{doc}-{_number(h['id']):02d}" for h in theirs}
        top = max(
            [_number(h["id"]) for h in theirs]
            + [_number(c["id"]) for c in mine]
            + [_number(cid) for (d, _), cid in added_by_quote.items() if d == doc]
            + [int(meta.get("last_claim", 0))]
        )
        for i, j in hand_to_machine.items():
            if mine[j]["id"] != (cid := f"{doc}-{_number(theirs[i]['id']):02d}"):
                renamed[mine[j]["id"]] = cid
        for j, m in enumerate(mine):
            if j not in hand_to_machine.values() and m["id"] in hand_ids:  # the hand gives its id to another claim
                top += 1
                renamed[m["id"]] = f"{doc}-{top:02d}"
        for i, h in enumerate(theirs):
            if i in hand_to_machine:
                m = mine[hand_to_machine[i]]
                judge(renamed.get(m["id"], m["id"]), doc, m["quote"], *state[m["id"]], h)
            elif (doc, norm_quote(h["quote"])) in added_by_quote:
                cid = added_by_quote[(doc, norm_quote(h["quote"]))]
                judge(cid, doc, h["quote"], *state[cid], h)
            else:
                cid = f"{doc}-{_number(h['id']):02d}"
                fields = {k: h[k] for k in (*EDITABLE, "assertion") if k in h}
                review("add", cid, doc, h["quote"], {**fields, "id": cid, "document": doc, "file": meta["file"]})
                counts["added"] += 1
        for i, j in removed_to_machine.items():
            m = mine[j]
            if state[m["id"]][1] == "remove":
                counts["unchanged"] += 1
            else:
                review("remove", renamed.get(m["id"], m["id"]), doc, m["quote"], why=str(gone[i].get("note") or ""))
                counts["removed"] += 1
        for j, m in enumerate(mine):
            if j in taken:
                continue
            last = state[m["id"]][1]
            if remove_absent and last != "remove":
                review("remove", renamed.get(m["id"], m["id"]), doc, m["quote"])
                counts["removed"] += 1
            elif last is None:
                counts["machine"] += 1  # the machine's claim, left for a person to judge
        if top > int(meta.get("last_claim", 0)):
            meta["last_claim"] = top
            renumbered = True
    for c in machine["claim"]:
        c["id"] = renamed.get(c["id"], c["id"])
    if rows or renamed or renumbered:
        with lib.transaction():
            write_catalogue(lib.root, machine)
            lib.table(TABLE).insert_multiple(dict(r) for r in rows)
    return counts
