"""Link claims to evidence: retrieve candidate records, read each record's stance from its findings, weigh the
stances into a verdict. The steps live in their own modules:

- ``retrieve``: the records worth reading for a claim (BM25 fused with embeddings, tags as boosts);
- ``findings``: what each record's result and conclusion sentences state, read once and stored with the record;
- ``stance``: a record's stance on a claim from all its findings, with the deciding sentences;
- ``verdict``: the stances weighed by design, with one rule per kind of claim.

Here they are put together, and pairs of claims from different pages that cannot both be true are found.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import orjson

from ..kept import Kept
from ..library import Library
from ..records import Record, abstract_text, first_author
from ..search import SearchIndex
from ..tagging.tagger import default_vocabulary
from .catalogue import STANCE_TURNED, Claim, affirmed
from .findings import Reading, findings_version, is_current, reading_of, source_hash
from .judged import Judgements, claim_key
from .retrieve import candidates
from .stance import NEUTRAL, Stance, concept_match, stance_of
from .verdict import (
    STATEMENT_RULE,
    Evidence,
    claim_condition,
    conjunction,
    design_label,
    design_weight,
    items_checked,
    states_claim,
    unnamed,
    unplaced,
    verdict,
)
from .weighing import Condition

MAX_PER_SIDE = 40  # records kept per stance (supports, contradicts, mixed), strongest design first
MAX_NEUTRAL = 5  # closest records without a finding on the claim, shown for context
DESIGN_LABEL = {d: design_label(d) for d in default_vocabulary().ids("design")}


def _finding_summary(reading: Reading, st: Stance) -> list[dict[str, Any]]:
    out = []
    for v in st.votes[:3]:
        f = v.finding
        item: dict[str, Any] = {
            "sentence": v.sentence,
            "role": reading.sentences[v.sentence].role,
            "reason": v.reason,
            "side": v.side,
        }
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
            item["rule"] = STATEMENT_RULE
        out.append(item)
    return out


def about_condition(condition: Condition, rec: Record) -> str:
    """Why a record is about a named condition: the vocabulary tags its population with it, or its title, keywords
    or abstract name it; "" if none does."""
    if condition.setting and condition.setting in ((rec.get("tags") or {}).get("setting") or []):
        return f"population tagged {condition.setting}"
    for where, text in (
        ("title", rec.get("title") or ""),
        ("keywords", " ; ".join(str(k) for k in rec.get("keywords") or [])),
        ("abstract", abstract_text(rec)),
    ):
        words = condition.named_in(text)
        if words:
            return f"{where} names '{words}'"
    return ""


# stored findings already parsed in this process, keyed on the stored text they were parsed from: a record's stored
# findings are read by every link that cites it, and are the same text until the record is read again. Readings are
# only read by the engine (one link shares one among all its claims already).
_PARSED: Kept[str, Reading] = Kept(4096)


def stored_reading(rec: Record) -> Reading:
    """``findings.reading_of``, with stored findings held as text parsed once for the process: the same reading
    while the text is the same and current for the record (its version and source)."""
    stored = rec.get("findings")
    if not isinstance(stored, str):
        return reading_of(rec)
    kept = _PARSED.get(stored)
    if kept is not None:  # parsed from this text, so current exactly when its version and source are the record's
        if kept.version == findings_version() and kept.source == source_hash(rec):
            return kept
        return reading_of(rec)  # stale: read again, as ``reading_of`` reads
    parsed = orjson.loads(stored)
    if not is_current(parsed, rec):
        return reading_of(rec)
    return _PARSED.keep(stored, Reading.from_dict(parsed))


def judge(claim: Claim, rec: Record, reading: Reading) -> dict[str, Any]:
    """What a record's evidence on a claim says that depends on the claim: its stance, the deciding sentences (by
    index), why, and whether the record is about the claim's condition or names its concepts. As JSON values, the
    same whether judged now or kept from an earlier link (``judged.py``)."""
    if claim.proposition.direction == "no_effect":
        # a denied effect: the record judged for the effect, its stance turned round
        judged = judge(affirmed(claim), rec, reading)
        judged["stance"] = STANCE_TURNED.get(judged["stance"], judged["stance"])
        return judged
    st = stance_of(claim, rec, reading)
    condition = claim_condition(claim)
    names = None
    about = about_condition(condition, rec) if condition is not None else ""
    if claim.proposition.concepts:  # a word marked ~ (a related measure) counts: the record bears on the claim
        text = " ".join([abstract_text(rec), *(str(k) for k in rec.get("keywords") or [])])
        names = concept_match(claim.proposition, text, rec.get("title") or "") is not None
        if names and unplaced(claim):  # a condition the vocabulary cannot place: the records that name it are about it
            about = f"names {unnamed(claim.proposition)} in its title, abstract or keywords"
    judged = {
        "stance": st.stance,
        "rationale": st.rationale,
        "why": st.why,
        "measured": st.measured,
        "indirect": st.indirect,
        "finding": _finding_summary(reading, st),
        "related": st.related,
        "controlled": st.controlled,
        "names_concepts": names,
        "about_condition": about,
    }
    return orjson.loads(orjson.dumps(judged))


def evidence_for(
    claim: Claim, rec: Record, doc_id: int, reading: Reading, relevance: float, judged: dict[str, Any] | None = None
) -> Evidence:
    """A record's evidence on a claim; ``judged``: its ``judge`` of the claim, if kept from before."""
    j = judge(claim, rec, reading) if judged is None else judged
    design = ((rec.get("tags") or {}).get("design") or ["other"])[0]
    return Evidence(
        doc_id=doc_id,
        pmid=rec.get("pmid"),
        doi=rec.get("doi"),
        citekey=rec.get("citekey"),
        title=rec.get("title") or "",
        year=rec.get("year"),
        first_author=first_author(rec),
        design=design,
        stance=j["stance"],
        rationale=[reading.text(rec, i) for i in j["rationale"]],
        where=[reading.sentences[i].role for i in j["rationale"]],
        why=j["why"],
        retracted=bool(rec.get("retracted")),
        relevance=relevance,
        measured=j["measured"],
        indirect=j["indirect"],
        finding=j["finding"],
        focus=[f for f, _ in reading.study.focus],
        related=j["related"],
        size=reading.study.size,
        controlled=j["controlled"],
        certainty=reading.study.certainty or "",
        routes=list((rec.get("tags") or {}).get("route") or []),
        settings=list((rec.get("tags") or {}).get("setting") or []),
        names_concepts=j["names_concepts"],
        about_condition=j["about_condition"],
        regimen=(reading.study.regimen or ("",))[0],
    )


class Linked(tuple[list[Evidence], str, str]):
    """One claim linked: (the records cited, the verdict, why), and in ``parts``, for a sentence that makes several
    claims, each part's words, reading, verdict and explanation (as ``claims list --json`` shows them)."""

    parts: list[dict[str, Any]]

    def __new__(cls, evidence: list[Evidence], verdict: str, explanation: str, parts: list[dict[str, Any]]) -> Linked:
        self = super().__new__(cls, (evidence, verdict, explanation))
        self.parts = parts
        return self

    @property
    def evidence(self) -> list[Evidence]:
        return self[0]

    @property
    def verdict(self) -> str:
        return self[1]

    @property
    def explanation(self) -> str:
        return self[2]


def link_claim(
    claim: Claim,
    index: SearchIndex,
    lib: Library,
    readings: dict[int, Reading] | None = None,
    records: dict[int, Record] | None = None,
    semantic: np.ndarray | None = None,
    judgements: Judgements | None = None,
) -> Linked:
    """One claim's evidence, verdict and explanation. ``readings`` and ``records`` cache each record and its
    findings across claims; ``semantic``: every record's similarity to the claim, when computed for all claims;
    ``judgements``: the records' judgements kept from earlier links, and where this link's go.
    Records are read as stored, without a copy (linking only reads them): their findings may be a JSON string.
    A sentence that makes several claims (``claim.parts``) is linked part by part, each part on its own records, and
    its verdict is theirs together (``verdict.conjunction``); the records cited are each part's, each said to be for
    its part. A sentence that lists items (``claim.listed``) keeps its own verdict as a whole, its items each checked
    beside it (``verdict.items_checked``)."""
    if claim.parts:
        return _link_parts(claim, index, lib, readings, records, judgements)
    readings = {} if readings is None else readings
    records = {} if records is None else records
    found: list[Evidence] = []
    if claim.checkable:
        ckey = claim_key(claim) if judgements is not None else ""
        for cand in candidates(index, affirmed(claim), lib, semantic=semantic):
            if cand.doc_id not in records:
                stored = lib.stored(cand.doc_id)
                if stored is None:
                    raise KeyError(cand.doc_id)
                records[cand.doc_id] = stored
            rec = records[cand.doc_id]
            if cand.doc_id not in readings:
                readings[cand.doc_id] = stored_reading(rec)
            reading, judged = readings[cand.doc_id], None
            if judgements is not None:
                key = judgements.key(ckey, cand.doc_id, rec)
                judged = judgements.get(key)
                if judged is None:
                    judged = judge(claim, rec, reading)
                    judgements.put(key, judged)
            found.append(evidence_for(claim, rec, cand.doc_id, reading, cand.score, judged))
    v, explanation = verdict(claim, found)
    textbook = claim.proposition.direction == "states"

    def rank(e: Evidence) -> tuple[bool, float, float]:
        # for a mechanism, a record that states it comes before one that only shows an effect it would explain
        states = claim.kind == "mechanism" and states_claim(e)
        return not states, -design_weight(e.design, textbook) * (0.5 if e.indirect else 1.0), -e.relevance

    cited = [
        e
        for side in ("supports", "contradicts", "mixed")
        for e in sorted((x for x in found if x.stance == side), key=rank)[:MAX_PER_SIDE]
    ]
    context = [e for e in found if e.stance == NEUTRAL and e.related][:MAX_NEUTRAL]
    return Linked(cited + context, v, explanation, [])


def _link_parts(
    claim: Claim,
    index: SearchIndex,
    lib: Library,
    readings: dict[int, Reading] | None,
    records: dict[int, Record] | None,
    judgements: Judgements | None,
) -> Linked:
    readings = {} if readings is None else readings  # one cache for every part
    records = {} if records is None else records
    evidence: list[Evidence] = []
    results: list[tuple[str, str, str]] = []
    parts: list[dict[str, Any]] = []
    for k, part in enumerate(claim.parts, 1):
        cited, v, why = link_claim(part, index, lib, readings, records, judgements=judgements)
        words = part.text
        results.append((words, v, why))
        parts.append({**part.as_dict(), "verdict": v, "explanation": why})
        evidence += [replace(e, why=f"for part {k} ('{words}'): {e.why}") for e in cited]
    if claim.listed:
        # a list's items are checked each on its own, and the sentence keeps its verdict as a whole
        # (verdict.items_checked)
        whole = link_claim(replace(claim, parts=[]), index, lib, readings, records, judgements=judgements)
        items = [(part.quote, v) for part, (_, v, _) in zip(claim.parts, results, strict=True)]
        return Linked(whole.evidence + evidence, whole.verdict, f"{whole.explanation} {items_checked(items)}", parts)
    v, explanation = conjunction(results)
    return Linked(evidence, v, explanation, parts)


# -- contradictions between documents ----------------------------------------------------------------------------------


# Directions that deny each other on one topic. Polarity is not compared: it is set differently for one reading
# ("less harm than opioids" negative in one catalogue, positive in another); the direction says what is asserted.
_DENIES = {
    frozenset(pair)
    for pair in (
        ("causes", "does_not_cause"),
        ("lasts", "fades"),
        ("improves", "fades"),
        ("improves", "no_effect"),
        ("faster", "slower"),
    )
}
_UNIT = {"onset_minutes": "min", "duration_days": "days"}


def _denies(a: Claim, b: Claim) -> bool:
    da, db = a.proposition.direction, b.proposition.direction
    if da == db == "states":  # a statement has no direction: its polarity is whether it affirms or denies
        return a.polarity != b.polarity
    pair = frozenset((da, db))
    return pair in _DENIES and (pair != {"faster", "slower"} or a.comparator == b.comparator)


def _one_phase(claim: Claim) -> str | None:
    """The words saying a duration figure is for one phase of the relief (its upper end bounds nothing else)."""
    from .normalise import relief_phase

    if not claim.measure or claim.measure["quantity"] != "duration_days":
        return None
    return relief_phase(claim.text)


def _figures_apart(a: Claim, b: Claim, ma: dict[str, Any], mb: dict[str, Any]) -> str | None:
    """Why two figures for one quantity (``ma`` of ``a``, ``mb`` of ``b``) cannot both hold, or None: one's upper
    end is below the other's lower end, and is not the end of one phase of the relief."""
    if (ma["max"] < mb["min"] and not _one_phase(a)) or (mb["max"] < ma["min"] and not _one_phase(b)):
        unit = _UNIT[ma["quantity"]]
        return f"{a.id} claims {ma['min']}-{ma['max']} {unit}, {b.id} claims {mb['min']}-{mb['max']} {unit}"
    return None


def contradictions(claims: list[Claim]) -> list[dict[str, Any]]:
    """Pairs of claims from different documents, on one topic, that cannot both be true: figures for one quantity
    (for routes they share) that do not overlap, else directions that deny each other ("causes" against "does not
    cause", relief that "lasts" against relief that "fades"). A figure for one phase of the relief ("this phase can
    last a few hours") does not deny a longer figure for the relief."""
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.document == b.document or not a.topic or a.topic != b.topic:
                continue
            if a.measure and b.measure and a.measure["quantity"] == b.measure["quantity"]:
                shared_route = not a.routes or not b.routes or set(a.routes) & set(b.routes)
                reason = _figures_apart(a, b, a.measure, b.measure) if shared_route else None
            else:
                reason = f"{a.id} says {a.assertion!r}; {b.id} says {b.assertion!r}" if _denies(a, b) else None
            if reason:
                out.append({"claims": [a.id, b.id], "topic": a.topic, "reason": reason})
    return out
