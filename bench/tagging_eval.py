"""Precision, recall and F1 of the tagger against the hand labels in tests/labels/tagging_gold.json.

    python bench/tagging_eval.py            # per axis and per tag
    python bench/tagging_eval.py --errors   # also list every false positive / negative with the record

Reads the shipped library (the records as ketalit stores them) and re-tags each labelled record from scratch,
ignoring manual tags.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ketalit.library import Library
from ketalit.records import title_key
from ketalit.tagging.tagger import default_tagger

ROOT = Path(__file__).resolve().parent.parent
LABELS = {
    "gold": ROOT / "tests" / "labels" / "tagging_gold.json",
    "heldout": ROOT / "tests" / "labels" / "tagging_heldout.json",
    "heldout2": ROOT / "tests" / "labels" / "tagging_heldout2.json",
}
AXES = ("route", "outcome", "design")


def find(lib: Library, item: dict) -> dict | None:
    for ident in (item.get("pmid"), item.get("doi")):
        if ident:
            rec = lib.find(ident)
            if rec:
                return rec
    key = title_key(item["title"], None).split("|")[0]
    for rec in lib.records():
        if title_key(rec["title"], None).split("|")[0] == key:
            return rec
    return None


def evaluate(lib_path: Path = ROOT / "library", labels: Path = LABELS["gold"]) -> dict:
    lib = Library.open(lib_path)
    tagger = default_tagger()
    gold = json.loads(labels.read_text())
    counts = {axis: Counter() for axis in AXES}
    per_tag = {axis: {} for axis in AXES}
    errors = []
    for item in gold:
        rec = find(lib, item)
        if rec is None:
            raise SystemExit(f"labelled record not in library: {item['title'][:60]}")
        rec["manual_tags"] = {"add": [], "remove": []}
        got = tagger.apply(rec)["tags"]
        for axis in AXES:
            want = set(item[axis] if isinstance(item[axis], list) else [item[axis]])
            have = set(got.get(axis, []))
            for t in want | have:
                c = per_tag[axis].setdefault(t, Counter())
                if t in want and t in have:
                    c["tp"] += 1
                    counts[axis]["tp"] += 1
                elif t in have:
                    c["fp"] += 1
                    counts[axis]["fp"] += 1
                    errors.append((axis, "FP", t, item["title"][:70]))
                else:
                    c["fn"] += 1
                    counts[axis]["fn"] += 1
                    errors.append((axis, "FN", t, item["title"][:70]))
    return {"records": len(gold), "axes": counts, "per_tag": per_tag, "errors": errors}


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--set", choices=sorted(LABELS), default="gold", help="which hand-labelled set to score")
    args = ap.parse_args()
    res = evaluate(labels=LABELS[args.set])
    if args.json:
        json.dump(
            {axis: dict(zip(("precision", "recall", "f1"), prf(c), strict=True)) for axis, c in res["axes"].items()},
            sys.stdout,
            indent=1,
        )
        return
    print(f"tagging evaluation on {res['records']} hand-labelled records ({LABELS[args.set].relative_to(ROOT)})\n")
    print(f"{'axis':10} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for axis, c in res["axes"].items():
        p, r, f = prf(c)
        print(f"{axis:10} {p:6.3f} {r:6.3f} {f:6.3f}  {c['tp']:3d} {c['fp']:3d} {c['fn']:3d}")
    for axis in AXES:
        print(f"\n{axis}:")
        for tag, c in sorted(res["per_tag"][axis].items(), key=lambda kv: -sum(kv[1].values())):
            p, r, f = prf(c)
            print(f"  {tag:30} P {p:5.2f} R {r:5.2f} F1 {f:5.2f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    if args.errors:
        print("\nerrors:")
        for e in res["errors"]:
            print("  ", *e)


if __name__ == "__main__":
    main()
