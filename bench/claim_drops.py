"""What a labelled claim's own sentence names that its reading drops: a condition, a route, a population, a figure.

    python bench/claim_drops.py                    # link the three folds (as bench/claims_folds.py does) and count
    python bench/claim_drops.py --save rows.json   # also keep every matched claim, to count again with --load
    python bench/claim_drops.py --load rows.json   # count on claims linked before (another commit's, for instance)
    python bench/claim_drops.py --list             # also one line per disagreement that drops something

For every labelled claim of the three folds that matches a linked one (claims a person reviewed left out: their
reading is the person's), the claim's own sentence (its quote, not the list's lead-in) is read for:

- condition, diagnosis (claimed benefits only: efficacy, duration, onset): a named pain condition, or a psychiatric
  diagnosis, of ``data/weighing.toml`` [condition] (the chronic pain
  classes of ICD-11 and their common conditions, with the diagnoses), counted as dropped when the verdict's
  explanation does not judge the claim on that condition's records and the proposition's population is not its
  vocabulary setting;
- route: a route of the vocabulary (its patterns) or the nasal spray esketamine, not among the proposition's routes;
- population: a vocabulary setting named (children, emergency department, opioid-tolerant, ...) not in the
  proposition's population;
- figure: a figure (``data/weighing.toml`` [scope] figure) when the proposition carries no quantity;
- context: a condition named only in the list's lead-in, not in the sentence.

It counts, by what is dropped, the disagreements (labelled against engine) and the agreeing claims with the same
drop, fold by fold: the disagreements are what a change could fix, the agreeing claims what it could break. All the
labelled sets are in the folds: the counts are in-sample.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_folds import FOLDS, labelled_kind, link_folds, matched, shipped_kinds  # noqa: E402

from ketalit.claims.weighing import conditions, pattern  # noqa: E402
from ketalit.tagging.tagger import default_vocabulary, lower_same_length  # noqa: E402

ESKETAMINE = re.compile(r"\besketamine\b|\bspravato\b", re.I)
BENEFIT_KINDS = ("efficacy", "duration", "onset")  # a claimed benefit: what [condition] holds to a condition's records
CONDITION_SETTINGS = {"crps", "fibromyalgia", "headache_migraine", "neuropathic", "chronic_noncancer", "cancer"}


def linked_rows() -> list[dict[str, Any]]:
    out = []
    with tempfile.TemporaryDirectory() as t:
        linked = link_folds(Path(t))
        shipped = shipped_kinds()
        for fold, name, _, x, row in matched(linked.folds, linked.rows):
            out.append({"fold": fold, "set": name, "want": x["verdict"], "reason": x.get("reason", ""),
                        "label_kind": labelled_kind(x, row, shipped), "row": row})  # fmt: skip
    return out


def _tags(axis: str, text: str) -> set[str]:
    vocab = default_vocabulary()
    low = lower_same_length(text)
    tds = [vocab.tag(axis, t) for t in vocab.ids(axis)]
    return {td.id for td in tds if td is not None and any(rx.search(text, low) for rx in td.regexes)}


def drops(row: dict[str, Any]) -> list[tuple[str, str]]:
    """(what, which) the claim's own sentence names and its reading does not carry."""
    prop, quote, lead = row["proposition"], row["quote"], row.get("lead_in") or ""
    explanation = row.get("explanation") or ""
    out: list[tuple[str, str]] = []
    benefit = row["kind"] in BENEFIT_KINDS and prop["direction"] in ("improves", "lasts", "onset")
    for c in conditions():
        if not benefit or not c.named_in(quote):
            continue
        carried = f"about {c.label}" in explanation or (c.setting is not None and c.setting in prop["population"])
        if not carried:
            out.append(("diagnosis" if c.psychiatric else "condition", c.label))
    for c in conditions():
        if benefit and lead and c.named_in(lead) and not c.named_in(quote) and f"about {c.label}" not in explanation:
            out.append(("context", c.label))
    for r in sorted(_tags("route", quote) - set(prop["routes"])):
        out.append(("route", r))
    if ESKETAMINE.search(quote):
        out.append(("route", "esketamine nasal spray"))
    if not prop.get("all_settings"):
        for s in sorted(_tags("setting", quote) - set(prop["population"]) - CONDITION_SETTINGS):
            out.append(("population", s))
    figure = pattern("scope", "figure").search(quote)
    if figure and not prop.get("quantity"):
        out.append(("figure", figure.group(0)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--load", type=Path)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    items = json.loads(args.load.read_text()) if args.load else linked_rows()
    if args.save:
        args.save.write_text(json.dumps(items, default=str))
    items = [x for x in items if not x["row"].get("reviewed")]
    table: dict[tuple[str, str], Counter] = {}
    claims_by: dict[str, Counter] = {}
    for x in items:
        row = x["row"]
        found = drops(row)
        agree = x["want"] == row["verdict"]
        for what in sorted({w for w, _ in found}):
            claims_by.setdefault(what, Counter())[(x["fold"], agree)] += 1
        for what, which in found:
            table.setdefault((what, which), Counter())[(x["fold"], agree)] += 1
        if args.list and found and not agree:
            print(f"{x['fold']} {x['set']:16} {row['id']:>10} {x['want']:>12} -> {row['verdict']:<12} "
                  f"{'; '.join(f'{w}: {v}' for w, v in found)}\n      {row['quote'][:140]}")  # fmt: skip
    n = Counter((x["fold"], x["want"] == x["row"]["verdict"]) for x in items)
    print(f"\n{len(items)} matched claims (reviewed ones left out); disagreeing A {n[('A', False)]}, "
          f"B {n[('B', False)]}, C {n[('C', False)]}")  # fmt: skip
    print("\nclaims by what the reading drops: disagreeing (A/B/C) | agreeing (A/B/C)")
    for what, c in sorted(claims_by.items(), key=lambda kv: -sum(v for (f, a), v in kv[1].items() if not a)):
        dis = [c[(f, False)] for f in FOLDS]
        ok = [c[(f, True)] for f in FOLDS]
        print(f"  {what:11} {sum(dis):>3} ({'/'.join(map(str, dis))}) | {sum(ok):>3} ({'/'.join(map(str, ok))})")
    print("\nby what is named: disagreeing (A/B/C) | agreeing (A/B/C)")
    for (what, which), c in sorted(table.items(), key=lambda kv: (kv[0][0], -sum(kv[1].values()))):
        dis = [c[(f, False)] for f in FOLDS]
        ok = [c[(f, True)] for f in FOLDS]
        print(f"  {what:11} {which[:40]:40} {sum(dis):>3} ({'/'.join(map(str, dis))}) | "
              f"{sum(ok):>3} ({'/'.join(map(str, ok))})")  # fmt: skip


if __name__ == "__main__":
    main()
