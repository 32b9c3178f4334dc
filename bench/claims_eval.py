"""Agreement between ketalit's claim verdicts and the hand verdicts in tests/labels/claim_verdicts.toml.

    python bench/claims_eval.py            # agreement, confusion, disagreements
    python bench/claims_eval.py --json

Also checks that every supported or contradicted verdict is backed by at least one quoted rationale sentence.
Reads the claims as linked in the shipped library (run `ketalit claims link` first if the library changed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ketalit._compat import tomllib  # noqa: E402
from ketalit.claims.store import stored_claims  # noqa: E402
from ketalit.library import Library  # noqa: E402

LABELS = ROOT / "tests" / "labels" / "claim_verdicts.toml"


def evaluate(library: Path = ROOT / "library") -> dict:
    gold = tomllib.loads(LABELS.read_text())["verdict"]
    rows = {r["id"]: r for r in stored_claims(Library.open(library))}
    agree, pairs, disagreements = 0, Counter(), []
    for cid, item in gold.items():
        got = rows[cid]["verdict"]
        pairs[(item["verdict"], got)] += 1
        if got == item["verdict"]:
            agree += 1
        else:
            disagreements.append((cid, item["verdict"], got, rows[cid]["explanation"][:160]))
    unbacked = [
        r["id"]
        for r in rows.values()
        if r["verdict"] in ("supported", "contradicted")
        and not any(e["rationale"] and e["stance"] != "neutral" for e in r["evidence"])
    ]
    return {
        "labelled": len(gold),
        "agree": agree,
        "agreement": agree / len(gold),
        "pairs": pairs,
        "disagreements": disagreements,
        "unbacked": unbacked,
        "verdicts": Counter(r["verdict"] for r in rows.values()),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = evaluate()
    if args.json:
        print(json.dumps({"labelled": res["labelled"], "agreement": res["agreement"], "unbacked": res["unbacked"]}))
        return
    print(f"claim verdicts: {res['agree']}/{res['labelled']} agree with the hand verdicts ({res['agreement']:.0%})")
    print(f"supported/contradicted verdicts without a quoted rationale: {len(res['unbacked'])}")
    print("all verdicts:", dict(res["verdicts"]))
    print("\nhand -> ketalit:")
    for (want, got), n in sorted(res["pairs"].items()):
        print(f"  {want:13} -> {got:13} {n}")
    print("\ndisagreements:")
    for cid, want, got, why in res["disagreements"]:
        print(f"  {cid}: hand {want}, ketalit {got}: {why}")


if __name__ == "__main__":
    main()
