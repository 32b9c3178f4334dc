"""Where the key records are lost: for every labelled key record of every matched claim on the three folds, the
stage at which the engine loses it.

    python bench/key_losses.py             # the table per fold and summed, and the reasons by stage
    python bench/key_losses.py --list      # also every lost key record with its claim and reason
    python bench/key_losses.py --json

The claims are linked as ``claims_folds.py`` links them (the shipped catalogue into one copy of the library, every
labelled page checked into another) and the labels are dealt into the same folds. While they are linked, each claim
and every record read for it (its candidates, with their stances) is kept. A key record then ends in one of four
places:

- (a) never a candidate: not among the records retrieval picks for the claim (``retrieve.candidates``: the top
  ``CANDIDATES`` of the fused score, ``retrieve.fused_score``, and the strongest designs on the claim's outcome).
  Its reason is the first that holds of: the claim is not checked at all; it would be a candidate without the
  population penalty (``SETTING_MISS``: the record is tagged with other populations only) or without the route
  penalty (``ROUTE_MISS``); it would be one with the outcome boost (it lacks the claim's outcome tag) or the
  population boost; else by its rank in the fused score (within twice the depth, or beyond).
- (b) a candidate, not read as evidence: its stance on the claim is neutral. The reason is the stage of
  ``stance.stance_of`` at which its last finding was dropped, in the order the engine applies them: no finding read
  from the abstract; outside the sentences about the claim's named condition; another population named in the
  sentence; another route (onset claims); no finding on the claim's outcome; the claim's concept words not in the
  sentence; the named harm's words not in the sentence; the finding is not ketamine's effect (another arm or drug,
  no direction); the claim's voter reads it as saying neither way. Textbook claims (mechanism, history, dosing
  statements): no sentence states what the claim states. A candidate with a stance that the stored claim does not
  cite (beyond ``MAX_PER_SIDE``, or a person's review) is counted here too, by that reason.
- (c) cited with another stance than the labelled one (``claims_eval``'s matching: a labelled partial matches
  supports or mixed).
- (d) cited with the labelled stance.

The check that retrieval is reproduced: the candidates ``retrieve.candidates`` picks from the fused score must be the
records the engine read; the script prints how many claims differ (0 expected). In-sample: the folds are the pages
the rules were written on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_eval import STANCE_MATCH, _ident_matches, record_of  # noqa: E402
from claims_folds import FOLDS, Recorder, link_folds, matched  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402

STAGES_A = (
    "claim not checked",
    "population penalty (other populations only)",
    "route penalty (another route only)",
    "lacks the claim's outcome tag",
    "lacks the claim's population tag",
    "ranked within twice the depth",
    "ranked beyond twice the depth",
)
STAGES_B = (
    "no finding read from the abstract",
    "outside the named condition's sentences",
    "another population in the sentence",
    "another route (onset claim)",
    "no finding on the claim's outcome",
    "claim's concept words not in the sentence",
    "named harm's words not in the sentence",
    "finding is not ketamine's effect",
    "voter: says neither way",
    "textbook: states nothing the claim states",
    "cited stance dropped (cap or review)",
)


def rank_with(score: np.ndarray, i: int, delta: float) -> int:
    """The 1-based rank of record ``i`` if its score moved by ``delta`` (others unchanged; ties by index)."""
    s = score[i] + delta
    return int(np.sum(score > s) - (score[i] > s) + np.sum((score == s) & (np.arange(len(score)) < i))) + 1


def why_not_candidate(claim: Any, parts: Any, i: int) -> tuple[str, str]:
    """Why record ``i`` is not among the top ``CANDIDATES``, from the parts of ``retrieve.fused_score``."""
    from ketalit.claims import retrieve as r

    k = r.CANDIDATES
    score = parts.score
    rank = rank_with(score, i, 0.0)
    detail = f"rank {rank}"
    if parts.setting_miss[i] and rank_with(score, i, -r.SETTING_MISS) <= k:
        return STAGES_A[1], detail
    if parts.route_miss[i] and rank_with(score, i, -r.ROUTE_MISS) <= k:
        return STAGES_A[2], detail
    if claim.outcomes and not parts.outcome_hit[i] and rank_with(score, i, r.OUTCOME_BOOST) <= k:
        return STAGES_A[3], detail
    if claim.settings and not parts.setting_hit[i] and rank_with(score, i, r.SETTING_BOOST) <= k:
        return STAGES_A[4], detail
    return (STAGES_A[5] if rank <= 2 * k else STAGES_A[6]), detail


def why_neutral(claim: Any, rec: dict[str, Any], reading: Any) -> tuple[str, str]:
    """The stage of ``stance_of`` at which the record's last finding on the claim was dropped."""
    from ketalit.claims import stance as st
    from ketalit.claims.verdict import asserted_direction, claim_condition, condition_outcomes

    prop = claim.proposition
    if asserted_direction(prop) != prop.direction:
        prop = replace(prop, direction=asserted_direction(prop))
    title = rec.get("title") or ""
    routes = st.record_routes(rec)[0] if claim.kind == "onset" and prop.routes else frozenset()
    condition = claim_condition(claim)
    only = None
    if condition is not None:
        only = st.condition_sentences(condition, rec, reading)
        prop = replace(prop, outcomes=condition_outcomes(claim))
    if prop.direction == "states":
        votes = st._textbook_votes(claim, rec, reading)
        said = [v.reason for v in votes if v.reason]
        return STAGES_B[9], (said[0] if said else "no sentence names enough of it")
    deepest, effects, seen = -1, [], Counter()
    for f in reading.findings:
        seen[f.outcome] += 1
        text = reading.text(rec, f.s)
        if only is not None and f.s not in only:
            stage = 1
        elif claim.kind != "mechanism" and not st._population_ok(prop, f):
            stage = 2
        elif claim.kind == "onset" and prop.routes and not st._route_ok(prop, text, title, routes):
            stage = 3
        elif not st._relevant(prop, f, text, claim.kind, title, routes):
            # what else _relevant drops: the outcome, the concept words, the named harm's words
            if not st.on_claim_outcome(prop, f, claim.kind):
                stage = 4
            elif prop.concepts and claim.kind != "mechanism":
                stage = 5
            else:
                stage = 6
        else:
            e = st.effect_of(f, reading)
            if e is None:
                stage = 7
            else:
                effects.append(e)
                stage = 8
        deepest = max(deepest, stage)
    if deepest < 0:
        if claim.kind == "mechanism":
            return STAGES_B[9], "no findings; no statement"
        return STAGES_B[0], f"{len(reading.sentences)} sentences"
    detail = ""
    if deepest == 4:
        detail = "record's finding outcomes: " + ", ".join(f"{o} {n}" for o, n in seen.most_common(4))
        detail += f"; claim's: {', '.join(prop.outcomes) or 'none'}"
    if deepest == 8:
        votes = st._votes(prop, prop.direction, effects, reading)
        said = [v.reason for v in votes if v.reason]
        detail = said[0] if said else "no vote"
    return STAGES_B[deepest], detail


def page_items(documents: dict[str, tuple[str, Path]]) -> dict[str, Any]:
    """The labelled fields of every page claim, by (document, quote): kind, outcome, population."""
    out = {}
    for _stem, (doc, path) in documents.items():
        for c in tomllib.loads(path.read_text(encoding="utf-8")).get("claim", []):
            out[(doc, c["quote"])] = {k: c.get(k) for k in ("kind", "outcome", "population", "routes")}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="every lost key record with its claim and reason")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sentences", action="store_true", help="with --list: the sentences each side read for (c)")
    ap.add_argument("--keep", type=Path, help="keep the linked libraries in this (new) folder")
    args = ap.parse_args()
    from ketalit.claims.findings import reading_of
    from ketalit.claims.retrieve import Fused, candidates, fused_score
    from ketalit.claims.stance import stance_of
    from ketalit.search import SearchIndex

    recorder = Recorder()
    with tempfile.TemporaryDirectory() as t:
        tmp = args.keep or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        linked = link_folds(tmp, recorder)
        folds, documents, libs = linked.folds, linked.documents, linked.libs
        index = {scope: SearchIndex.for_library(lib) for scope, (lib, _) in libs.items()}
        records = {scope: dict(lib.iter_records()) for scope, (lib, _) in libs.items()}
        position = {scope: {int(d): i for i, d in enumerate(index[scope].ids)} for scope in libs}
        labelled_fields = page_items(documents)
        fused_cache: dict[tuple[str, str], Fused] = {}
        readings: dict[tuple[str, int], Any] = {}
        mismatched: set[tuple[str, str]] = set()
        rows_out = []
        for fold, name, scope, item, row in matched(folds, linked.rows):
            lib = libs[scope][0]
            claim, found = recorder.kept[scope][row["id"]]
            by_doc = {e.doc_id: e for e in found}
            for key in item["key"]:
                want = key.get("stance", "supports")
                ident = key["record"]
                doc_id = record_of(ident, records[scope])
                cited = [e for e in row["evidence"] if _ident_matches(ident, e)]
                stances = [e["stance"] for e in cited]
                out = {"fold": fold, "set": name, "claim": row["id"], "kind": claim.kind, "record": ident,
                       "want": want, "quote": row["quote"][:90], "direction": claim.proposition.direction,
                       "outcomes": list(claim.outcomes), "verdict": row["verdict"],
                       "label_verdict": item["verdict"]}  # fmt: skip
                lf = labelled_fields.get((item["document"], item["quote"]))
                if lf:
                    out["labelled_outcome"] = lf.get("outcome")
                    out["claim_outcome"] = list(claim.outcomes)
                if any(s in STANCE_MATCH.get(want, (want,)) for s in stances):
                    out.update(place="d", stage="cited with the labelled stance", detail="")
                elif any(s != "neutral" for s in stances):
                    got = next(s for s in stances if s != "neutral")
                    out.update(place="c", stage=f"cited {got}, labelled {want}", detail="")
                    e0 = next(e for e in cited if e["stance"] != "neutral")
                    # what each side read: the engine's deciding sentences and why, the label's sentence
                    out.update(engine_why=e0.get("why", ""), engine_sentences=e0.get("rationale", []),
                               engine_where=e0.get("where", []), label_sentence=key.get("sentence", ""),
                               label_reason=item.get("reason", ""))  # fmt: skip
                elif doc_id is None:
                    out.update(place="a", stage="not in the library", detail="")
                elif not claim.checkable:
                    out.update(place="a", stage=STAGES_A[0], detail="")
                elif doc_id not in by_doc:
                    fkey = (scope, row["id"])
                    if fkey not in fused_cache:
                        fused_cache[fkey] = fused_score(index[scope], claim, lib)
                        picked = {c.doc_id for c in candidates(index[scope], claim, lib)}
                        if picked != set(by_doc):
                            mismatched.add(fkey)
                    stage, detail = why_not_candidate(claim, fused_cache[fkey], position[scope][doc_id])
                    out.update(place="a", stage=stage, detail=detail)
                    # what it would say if read: the stance the engine would give it
                    rkey = (scope, doc_id)
                    if rkey not in readings:
                        readings[rkey] = reading_of(records[scope][doc_id])
                    out["if_read"] = stance_of(claim, records[scope][doc_id], readings[rkey]).stance
                    out["rank"] = rank_with(fused_cache[fkey].score, position[scope][doc_id], 0.0)
                else:
                    e = by_doc[doc_id]
                    rec = records[scope][doc_id]
                    if e.stance != "neutral":
                        out.update(place="b", stage=STAGES_B[10], detail=f"engine: {e.stance}")
                    else:
                        rkey = (scope, doc_id)
                        if rkey not in readings:
                            readings[rkey] = reading_of(rec)
                        stage, detail = why_neutral(claim, rec, readings[rkey])
                        out.update(place="b", stage=stage, detail=detail)
                rows_out.append(out)
    report(rows_out, mismatched, args.list, args.json, args.sentences)


def report(rows: list[dict[str, Any]], mismatched: set, listing: bool, as_json: bool, detail: bool = False) -> None:
    if as_json:
        print(json.dumps({"keys": rows, "retrieval_not_reproduced": sorted(map(list, mismatched))}))
        return
    print(f"claims whose candidates were not reproduced here: {len(mismatched)}")
    places = {"a": "(a) never a candidate", "b": "(b) candidate, not read as evidence",
              "c": "(c) cited with another stance", "d": "(d) cited with the labelled stance"}  # fmt: skip
    by_fold: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        by_fold[r["fold"]][r["place"]] += 1
        by_fold["all"][r["place"]] += 1
    print("\n| place | " + " | ".join(f"fold {f}" for f in FOLDS) + " | all |")
    print("| --- |" + " --- |" * (len(FOLDS) + 1))
    for p, label in places.items():
        cells = []
        for f in (*FOLDS, "all"):
            n, total = by_fold[f][p], sum(by_fold[f].values())
            cells.append(f"{n}/{total} ({n / max(total, 1):.0%})")
        print(f"| {label} | " + " | ".join(cells) + " |")
    for p in ("a", "b", "c"):
        print(f"\n{places[p]}, by reason:")
        print("| reason | " + " | ".join(f"fold {f}" for f in FOLDS) + " | all |")
        print("| --- |" + " --- |" * (len(FOLDS) + 1))
        reasons: dict[str, Counter] = defaultdict(Counter)
        for r in rows:
            if r["place"] == p:
                reasons[r["stage"]][r["fold"]] += 1
                reasons[r["stage"]]["all"] += 1
        for stage, c in sorted(reasons.items(), key=lambda kv: -kv[1]["all"]):
            print(f"| {stage} | " + " | ".join(str(c[f]) for f in (*FOLDS, "all")) + " |")
    print("\n(a), the stance the engine would give each if it read it, by its rank in the fused score:")
    unread = [r for r in rows if r["place"] == "a" and "rank" in r]
    for depth in (100, 120, 160, 200, None):
        sub = [r for r in unread if depth is None or r["rank"] <= depth]
        same = sum(r["if_read"] in STANCE_MATCH.get(r["want"], (r["want"],)) for r in sub)
        other = Counter(r["if_read"] for r in sub)
        print(f"  ranked <= {depth or 'any'}: {len(sub)} records, {same} with the labelled stance; "
              + ", ".join(f"{k} {v}" for k, v in other.most_common()))  # fmt: skip
    print("\nby claim kind (a / b / c / d):")
    kinds: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        kinds[r["kind"]][r["place"]] += 1
    for k, c in sorted(kinds.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {k:12} " + " / ".join(str(c[p]) for p in "abcd"))
    if listing:
        for p in ("a", "b", "c"):
            print(f"\n== {places[p]}")
            for r in sorted((r for r in rows if r["place"] == p), key=lambda r: (r["stage"], r["claim"])):
                print(f"  [{r['fold']}] {r['claim']} ({r['kind']}) {r['record']} {r['want']}: {r['stage']}"
                      f"{'; ' + r['detail'] if r['detail'] else ''} | {r['quote']}"
                      + (f" | outcome label {r['labelled_outcome']} engine {r['claim_outcome']}"
                         if 'labelled_outcome' in r else ""))  # fmt: skip
                if p == "c" and detail:
                    read = zip(r["engine_where"], r["engine_sentences"], strict=True)
                    print(f"      engine ({r['engine_why']}): " + " / ".join(f"[{w}] {t}" for w, t in read))
                    print(f"      label: {r['label_sentence'] or '(no sentence)'}")


if __name__ == "__main__":
    main()
