"""Link claims to evidence: retrieve candidate records, read each record's stance from its findings, weigh the
stances into a verdict. The steps live in their own modules:

- ``retrieve``: the records worth reading for a claim (BM25 fused with embeddings, tags as boosts);
- ``findings``: what each record's result and conclusion sentences state, read once and stored with the record;
- ``stance``: a record's stance on a claim from all its findings, with the deciding sentences;
- ``verdict``: the stances weighed by design, with one rule per kind of claim.

Here they are put together, and pairs of claims from different pages that cannot both be true are found.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..library import Library
from ..records import Record
from ..search import SearchIndex
from ..tagging.tagger import default_vocabulary
from .catalogue import Claim
from .findings import Reading, reading_of
from .retrieve import candidates
from .stance import NEUTRAL, Stance, stance_of
from .verdict import Evidence, design_label, design_weight, verdict

MAX_PER_SIDE = 40  # records kept per stance (supports, contradicts, mixed), strongest design first
MAX_NEUTRAL = 5  # closest records without a finding on the claim, shown for context
DESIGN_LABEL = {d: design_label(d) for d in default_vocabulary().ids("design")}


def _first_author(rec: Record) -> str:
    authors = rec.get("authors") or []
    if not authors:
        return ""
    return authors[0].get("collective") or authors[0].get("family") or ""


def _finding_summary(reading: Reading, st: Stance) -> list[dict[str, Any]]:
    out = []
    for v in st.votes[:3]:
        f = v.finding
        item: dict[str, Any] = {"sentence": v.sentence, "role": reading.sentences[v.sentence].role, "reason": v.reason}
        if f is not None:
            item.update(
                outcome=f.outcome,
                direction=f.direction,
                arm=f.arm,
                vs=f.vs,
                significant=f.significant,
                words=f.words,
                cue=f.cue,
                times=[t[3] for t in f.times],
                serious=f.serious,
                rule=f.rule,
            )
        else:
            item["rule"] = "textbook statement"
        out.append(item)
    return out


def evidence_for(claim: Claim, rec: Record, doc_id: int, reading: Reading, relevance: float) -> Evidence:
    st = stance_of(claim, rec, reading)
    design = ((rec.get("tags") or {}).get("design") or ["other"])[0]
    return Evidence(
        doc_id=doc_id,
        pmid=rec.get("pmid"),
        doi=rec.get("doi"),
        citekey=rec.get("citekey"),
        title=rec.get("title") or "",
        year=rec.get("year"),
        first_author=_first_author(rec),
        design=design,
        stance=st.stance,
        rationale=[reading.text(rec, i) for i in st.rationale],
        where=[reading.sentences[i].role for i in st.rationale],
        why=st.why,
        retracted=bool(rec.get("retracted")),
        relevance=relevance,
        measured=st.measured,
        indirect=st.indirect,
        finding=_finding_summary(reading, st),
        focus=[f for f, _ in reading.study.focus],
        related=st.related,
        size=reading.study.size,
    )


def link_claim(
    claim: Claim,
    index: SearchIndex,
    lib: Library,
    readings: dict[int, Reading] | None = None,
    records: dict[int, Record] | None = None,
    semantic: np.ndarray | None = None,
) -> tuple[list[Evidence], str, str]:
    """(evidence, verdict, explanation) of one claim. ``readings`` and ``records`` cache each record and its
    findings across claims; ``semantic``: every record's similarity to the claim, when computed for all claims."""
    readings = {} if readings is None else readings
    records = {} if records is None else records
    found: list[Evidence] = []
    if claim.checkable:
        for cand in candidates(index, claim, lib, semantic=semantic):
            if cand.doc_id not in records:
                records[cand.doc_id] = lib.record(cand.doc_id)
            rec = records[cand.doc_id]
            if cand.doc_id not in readings:
                readings[cand.doc_id] = reading_of(rec)
            found.append(evidence_for(claim, rec, cand.doc_id, readings[cand.doc_id], cand.score))
    v, explanation = verdict(claim, found)
    textbook = claim.proposition.direction == "states"

    def rank(e: Evidence) -> tuple[bool, float, float]:
        # for a mechanism, a record that states it comes before one that only shows an effect it would explain
        states = claim.kind == "mechanism" and any(f.get("rule") == "textbook statement" for f in e.finding)
        return not states, -design_weight(e.design, textbook) * (0.5 if e.indirect else 1.0), -e.relevance

    cited = [
        e
        for side in ("supports", "contradicts", "mixed")
        for e in sorted((x for x in found if x.stance == side), key=rank)[:MAX_PER_SIDE]
    ]
    context = [e for e in found if e.stance == NEUTRAL and e.related][:MAX_NEUTRAL]
    return cited + context, v, explanation


# -- contradictions between documents ----------------------------------------------------------------------------------


def contradictions(claims: list[Claim]) -> list[dict[str, Any]]:
    """Pairs of claims from different documents that cannot both be true."""
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.document == b.document:
                continue
            if a.topic and a.topic == b.topic and a.polarity != b.polarity:
                out.append(
                    {
                        "claims": [a.id, b.id],
                        "topic": a.topic,
                        "reason": f"{a.id} says {a.assertion!r}; {b.id} says {b.assertion!r}",
                    }
                )
            elif (
                a.measure
                and b.measure
                and a.measure["quantity"] == b.measure["quantity"]
                and (not a.routes or not b.routes or set(a.routes) & set(b.routes))
                and a.topic
                and a.topic == b.topic
                and (a.measure["max"] < b.measure["min"] or b.measure["max"] < a.measure["min"])
            ):
                unit = "min" if a.measure["quantity"] == "onset_minutes" else "days"
                out.append(
                    {
                        "claims": [a.id, b.id],
                        "topic": a.topic,
                        "reason": f"{a.id} claims {a.measure['min']}-{a.measure['max']} {unit}, "
                        f"{b.id} claims {b.measure['min']}-{b.measure['max']} {unit}",
                    }
                )
    return out
