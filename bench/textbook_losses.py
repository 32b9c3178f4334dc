"""Textbook claims the reviewers found supported (or mixed) and the engine insufficient or without evidence: for each,
every key record the reviewers cited, the sentence they relied on, the role the engine gave that sentence, and why the
engine did not read it as evidence.

    python bench/textbook_losses.py            # the causes, per fold and summed, then every claim and key record
    python bench/textbook_losses.py --json

The claims are linked as ``claims_folds.py`` links them and dealt into the same folds; a claim is listed when its
labelled kind (``claims_folds.labelled_kind``) is mechanism, dosing, history or onset, its labelled verdict supported
or mixed, and the engine's insufficient or no_evidence. Each key record gets the first cause that holds:

- not retrieved: not among the records read for the claim (or not in the library);
- cited with a stance: the record is read as evidence (the verdict rule then decides: the minimum of evidence, the
  dosing rule that a regimen needs a review or guideline, a part not stated);
- the sentence's role: the labelled sentence is, for the engine, a methods, objective or title sentence, or a
  background sentence of a claim whose kind reads none (dosing, onset), so it is never read for the claim;
- the sentence is read but states nothing (``stance._states_nothing``: a methods cue inside a result sentence, another
  drug, not said of ketamine);
- the sentence is read and names too little of the claim's words (the matcher's share; synonyms it misses);
- the sentence gives other figures than the claim's (dosing);
- a result is required: the claim's voter (onset) reads no time or no effect in it.

The labelled sentence is found in the engine's reading by word overlap (the best sentence, 0.5 of its words at
least; else "sentence not found"). In-sample: the folds are the pages the rules were written on.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_eval import STANCE_MATCH, _ident_matches, record_of  # noqa: E402
from claims_folds import (  # noqa: E402
    FOLDS,
    Recorder,
    labelled_kind,
    link_folds,
    matched,
    shipped_kinds,
)

KINDS = ("mechanism", "dosing", "history", "onset")
WANT = ("supported", "mixed")
GOT = ("insufficient", "no_evidence")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def find_sentence(reading: Any, rec: dict[str, Any], sentence: str) -> int | None:
    want = _words(sentence)
    best, at = 0.0, None
    for i in range(len(reading.sentences)):
        have = _words(reading.text(rec, i))
        if not want or not have:
            continue
        share = len(want & have) / len(want)
        if share > best:
            best, at = share, i
    return at if best >= 0.5 else None


def reads_roles(kind: str) -> tuple[str, ...]:
    from ketalit.claims.stance import TEXTBOOK_ROLES

    return {"mechanism": TEXTBOOK_ROLES, "history": ("background", "results", "conclusions")}.get(
        kind, ("results", "conclusions")
    )


def cause_of(claim: Any, rec: dict[str, Any], reading: Any, i: int | None) -> tuple[str, str]:
    from ketalit.claims import stance as st

    if i is None:
        return "sentence not found in the engine's reading", ""
    s = reading.sentences[i]
    text = reading.text(rec, i)
    if s.role not in reads_roles(claim.kind):
        return f"the sentence is read as {s.role}", s.why
    if claim.proposition.direction == "states" or claim.kind == "mechanism":
        votes = [v for v in st._textbook_votes(claim, rec, reading) if v.sentence == i]
        if st._states_nothing(text, claim.kind != "mechanism"):
            return "read, but states nothing (a methods cue, another drug, not of ketamine)", ""
        if not votes:
            return "read, names too little of the claim's words", ""
        v = votes[0]
        if v.side:
            return "read, states it (another sentence decides the record)", v.reason
        if "other figures" in v.reason:
            return "read, gives other figures than the claim's", v.reason
        return "read, names too little of the claim's words", v.reason
    # onset: the voter
    stance = st.stance_of(claim, rec, reading)
    return "read, the voter finds no result in it (no time or no effect)", stance.why


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from ketalit.claims.findings import reading_of

    recorder = Recorder()
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        linked = link_folds(tmp, recorder)
        folds, libs = linked.folds, linked.libs
        records = {scope: dict(lib.iter_records()) for scope, (lib, _) in libs.items()}
        shipped = shipped_kinds()
        readings: dict[tuple[str, str], Any] = {}
        for fold, name, scope, item, row in matched(folds, linked.rows):
            if row.get("reviewed"):
                continue
            kind = labelled_kind(item, row, shipped)
            if kind not in KINDS or item["verdict"] not in WANT or row["verdict"] not in GOT:
                continue
            claim, found = recorder.kept[scope][row["id"]]
            by_doc = {e.doc_id: e for e in found}
            keys = []
            for key in item["key"]:
                want = key.get("stance", "supports")
                ident = key["record"]
                doc_id = record_of(ident, records[scope])
                k = {"record": ident, "want": want, "sentence": key.get("sentence", "")}
                cited = [e for e in row["evidence"] if _ident_matches(ident, e)]
                stances = [e["stance"] for e in cited if e["stance"] != "neutral"]
                rec = records[scope].get(doc_id) if doc_id is not None else None
                if rec is not None:
                    rk = (scope, doc_id)
                    if rk not in readings:
                        readings[rk] = reading_of(rec)
                    i = find_sentence(readings[rk], rec, k["sentence"])
                    if i is not None:
                        k["role"] = readings[rk].sentences[i].role
                if rec is None or doc_id not in by_doc:
                    k["cause"], k["detail"] = "not retrieved", ""
                elif stances:
                    ok = any(s in STANCE_MATCH.get(want, (want,)) for s in stances)
                    k["cause"] = f"cited {stances[0]}" + ("" if ok else f" (labelled {want})")
                    k["detail"] = by_doc[doc_id].why
                else:
                    k["cause"], k["detail"] = cause_of(claim, rec, readings[(scope, doc_id)], i)
                keys.append(k)
            out.append({
                "fold": fold, "set": name, "id": row["id"], "kind": kind, "engine_kind": claim.kind,
                "direction": claim.proposition.direction, "want": item["verdict"], "got": row["verdict"],
                "quote": row["quote"], "reason": item.get("reason") or item.get("verdict_reason", ""),
                "explanation": row["explanation"], "keys": keys,
            })  # fmt: skip
    if args.json:
        print(json.dumps(out))
        return
    causes: dict[str, Counter] = defaultdict(Counter)
    for c in out:
        for k in c["keys"]:
            causes[k["cause"].split(" (labelled")[0]][c["fold"]] += 1
            causes[k["cause"].split(" (labelled")[0]][c["kind"]] += 1
    print(f"{len(out)} claims; key records by cause (folds A B C; kinds {' '.join(KINDS)})")
    for cause, n in sorted(causes.items(), key=lambda kv: -sum(kv[1][f] for f in FOLDS)):
        print(f"  {cause:75} " + " ".join(str(n[f]) for f in FOLDS) + "  |  " + " ".join(str(n[k]) for k in KINDS))
    for c in sorted(out, key=lambda c: (c["kind"], c["fold"], c["id"])):
        print(f"\n[{c['kind']}/{c['engine_kind']}/{c['direction']}] {c['want']} -> {c['got']}  {c['fold']} {c['set']} "
              f"{c['id']}: {c['quote'][:160]}")  # fmt: skip
        print(f"    reviewers: {c['reason'][:300]}")
        print(f"    engine: {c['explanation'][:300]}")
        for k in c["keys"]:
            print(f"    - {k['record']} {k['want']} [{k.get('role', '?')}] {k['cause']}"
                  f"{': ' + k['detail'][:120] if k['detail'] else ''}")  # fmt: skip
            print(f'        "{k["sentence"][:220]}"')


if __name__ == "__main__":
    main()
