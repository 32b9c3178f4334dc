"""Every labelled claim of the three folds that the engine or the reviewers call `mixed`, with what each weighed.

    python bench/mixed_verdicts.py                  # the table of features by labelled verdict, then one line a claim
    python bench/mixed_verdicts.py --json OUT.json  # also every row, with the direct reviews and their sentences

For each claim (linked as ``bench/claims_folds.py`` links it, in-sample): the labelled verdict and its reason, the
engine's verdict and explanation, and what the evidence weighed into it holds: the direct systematic reviews and
meta-analyses on each side (with the sentences the engine read), the direct RCTs on each side and how large, the
records against that are indirect (another population, route or regimen), which branch of the weighing made it
`mixed`, and the claim's scope (a named condition, hedged wording: "may", "can", "some"). The table counts, per
labelled verdict, the claims that have each feature, fold by fold: a feature that separates the labels on every fold
is a candidate for a rule; one that does so on one fold is not.
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

from claims_folds import FOLDS, link_folds, matched, page_labels  # noqa: E402, F401

# a claim whose own sentence says only that ketamine is or has been used for something ("has been used for neuropathic
# pain", "doctors commonly use IV ketamine for refractory pain"), not that it works or is safe, nor a list's lead-in
USE = re.compile(
    r"\b(?:(?:has|have|had) (?:also |likewise |long |now |since )?been (?:used|applied|employed|prescribed|using)"
    r"|(?:is|are) (?:now |also |commonly |widely |usually |increasingly |often )*(?:used|applied|employed|prescribed)"
    r"|(?:doctors|physicians|anesthesiologists|anaesthetists|clinicians|specialists|practitioners)\b[^.]{0,40}"
    r"\b(?:use|using|prescribe|relied))\b(?![^:]*:)",
    re.I,
)
USE_EFFECT = re.compile(r"\b(?:success\w*|effective\w*|safe\w*|heal|eliminate|cure|proven|improve outcomes)\b", re.I)
HEDGE = re.compile(r"\b(?:may|might|can|could|some|help(?:s|ed)?|potential(?:ly)?|promising|for many)\b", re.I)


class Trace:
    """Keeps, while claims are linked, each claim, its evidence and what the weighing's steps returned."""

    def __init__(self) -> None:
        import ketalit.claims.link as link
        import ketalit.claims.verdict as vm

        self.vm, self.scope, self.current = vm, "", None
        self.kept: dict[tuple[str, str], dict[str, Any]] = {}
        real_verdict, real_weigh = link.verdict, vm._weigh

        def verdict(claim: Any, evidence: list) -> tuple[str, str]:
            self.current = {"claim": claim, "evidence": list(evidence), "weigh": []}
            self.kept[(self.scope, claim.id)] = self.current
            out = real_verdict(claim, evidence)
            self.current["final"] = out[0]
            return out

        def weigh(t: Any) -> str:
            v = real_weigh(t)
            if self.current is not None:
                self.current["weigh"].append((len(t.sup), len(t.con), len(t.mixed), v))
            return v

        link.verdict = verdict
        vm._weigh = weigh


def describe(vm: Any, claim: Any, evidence: list) -> dict[str, Any]:
    """The features of a claim's evidence (the records it was weighed from, retracted ones left out)."""
    counted = [e for e in evidence if not e.retracted and e.rationale and vm.weight(claim, e) > 0]
    condition = vm.claim_condition(claim)
    if condition is not None and any(e.about_condition for e in counted):
        counted = [e for e in counted if e.about_condition]

    def side(stance: str) -> list:
        return [e for e in counted if e.stance == stance]

    def rec(e: Any) -> dict[str, Any]:
        down = vm.downgraded(claim, e)
        return {
            "cite": vm.cite(e), "pmid": e.pmid, "doi": e.doi, "design": e.design, "size": e.size,
            "indirect": e.indirect, "tier": vm.tier(claim, e), "downgraded": down[0] if down else "",
            "certainty": e.certainty, "why": e.why, "sentences": e.rationale[:2],
        }  # fmt: skip

    sup, con, mix = side("supports"), side("contradicts"), side("mixed")
    reviews = vm.REVIEWS

    def n(items: list, test: Any) -> int:
        return sum(1 for e in items if test(e))

    def direct_review(e: Any) -> bool:
        return not e.indirect and e.design in reviews and not vm.downgraded(claim, e)

    def direct_rct(e: Any) -> bool:
        return not e.indirect and e.design == "rct" and not vm.downgraded(claim, e)

    quote = claim.quote
    credible = {vm.cite(e): e for e in sup + con + mix if not e.indirect and vm.tier(claim, e) >= 2}
    thin = len(credible) <= 2 and not any(e.design in reviews or (e.size or 0) >= 100 for e in credible.values())
    return {
        "own": quote, "thin": thin,
        "n_sup": len(sup), "n_con": len(con), "n_mix": len(mix),
        "sr_sup": n(sup, direct_review), "sr_con": n(con, direct_review), "sr_mix": n(mix, direct_review),
        "sr_weak": n(sup + con + mix, lambda e: direct_review(e) is False and not e.indirect and e.design in reviews),
        "rct_sup": n(sup, direct_rct), "rct_con": n(con, direct_rct), "rct_mix": n(mix, direct_rct),
        "large_con": n(con + mix, lambda e: direct_rct(e) and (e.size or 0) >= vm.threshold("large_trial")),
        "direct_con": n(con, lambda e: not e.indirect), "indirect_con": n(con, lambda e: bool(e.indirect)),
        "direct_credible_con": n(con + mix, lambda e: not e.indirect and vm.tier(claim, e) >= 2),
        "direct_credible_sup": n(sup + mix, lambda e: not e.indirect and vm.tier(claim, e) >= 2),
        "top_sup": max((vm.tier(claim, e) for e in sup if not e.indirect), default=-1),
        "top_con": max((vm.tier(claim, e) for e in con + mix if not e.indirect), default=-1),
        "condition": condition.label if condition is not None else "",
        "population": list(claim.proposition.population), "regimen": claim.proposition.regimen,
        "hedge": (m.group(0) if (m := HEDGE.search(quote)) else ""),
        "strong": vm.strength_words(claim, "strong") or vm.lasting_words(claim),
        "records": {"supports": [rec(e) for e in sup], "contradicts": [rec(e) for e in con],
                    "mixed": [rec(e) for e in mix]},
    }  # fmt: skip


def branch(kept: dict[str, Any]) -> str:
    """Which step of the weighing gave `mixed`: the direct evidence itself, or the indirect evidence opening a question
    the direct evidence left insufficient, or a later step (a strong claim, a qualifier)."""
    w = kept["weigh"]
    if not w:
        return "no weighing"
    if w[0][3] == "mixed":
        return "direct both ways"
    if len(w) > 1 and w[1][3] == "mixed":
        return "indirect opens"
    if len(w) > 1 and w[0][3] == "insufficient":
        return "indirect against thin direct"
    return f"later step (direct {w[0][3]})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path, help="write every row here")
    ap.add_argument("--table", type=Path, help="print the table of rows written before with --json (no linking)")
    args = ap.parse_args()
    if args.table:
        print_table(json.loads(args.table.read_text(encoding="utf-8")))
        return
    trace = Trace()
    rows_out = []
    with tempfile.TemporaryDirectory() as t:
        linked = link_folds(Path(t), trace)
    folds, rows = linked.folds, linked.rows
    for fold, name, scope, x, row in matched(folds, rows):
        if row.get("reviewed"):
            continue
        if "mixed" not in (row["verdict"], x["verdict"]):
            continue
        kept = trace.kept.get((scope, row["id"]))
        if kept is None:
            continue
        feats = describe(trace.vm, kept["claim"], kept["evidence"])
        rows_out.append({
            "fold": fold, "set": name, "id": row["id"], "kind": row["kind"],
            "label_kind": x.get("kind", ""), "want": x["verdict"], "got": row["verdict"],
            "quote": (row.get("lead_in") or "") + " " + row["quote"], "reason": x.get("reason", ""),
            "explanation": row["explanation"], "branch": branch(kept) if row["verdict"] == "mixed" else "",
            **feats,
        })  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(rows_out, indent=1), encoding="utf-8")
    print_table(rows_out)


FEATURES = {
    "a direct review for": lambda r: r["sr_sup"] > 0,
    "a direct review against/mixed": lambda r: r["sr_con"] + r["sr_mix"] > 0,
    "direct reviews for, none against": lambda r: r["sr_sup"] > 0 and r["sr_con"] + r["sr_mix"] == 0,
    "a review rating its evidence weak": lambda r: r["sr_weak"] > 0,
    "a direct RCT for": lambda r: r["rct_sup"] > 0,
    "credible (RCT+) direct against": lambda r: r["direct_credible_con"] > 0,
    "no credible direct against": lambda r: r["direct_credible_con"] == 0,
    "no credible direct for": lambda r: r["direct_credible_sup"] == 0,
    "a large RCT against": lambda r: r["large_con"] > 0,
    "against only indirect": lambda r: r["n_con"] > 0 and r["direct_con"] == 0,
    "support >= 2x against (count)": lambda r: r["n_sup"] >= 2 * max(1, r["n_con"] + r["n_mix"]),
    "a named condition": lambda r: bool(r["condition"]),
    "says only that it is used": lambda r: bool(USE.search(r["own"])) and not USE_EFFECT.search(r["own"]),
    "thin: <=2 credible direct, no review": lambda r: r["thin"],
    "hedged wording": lambda r: bool(r["hedge"]),
    "strong wording": lambda r: bool(r["strong"]),
    "mixed: direct both ways": lambda r: r["branch"] == "direct both ways",
    "mixed: indirect opens": lambda r: r["branch"] in ("indirect opens", "indirect against thin direct"),
    "mixed: later step": lambda r: r["branch"].startswith("later"),
}


def print_table(rows: list[dict[str, Any]]) -> None:
    mixed = [r for r in rows if r["got"] == "mixed"]
    labels = ("supported", "mixed", "insufficient", "contradicted", "no_evidence", "not_checkable")
    counts = Counter(r["want"] for r in mixed)
    print(f"engine mixed: {len(mixed)} claims; labelled " + ", ".join(f"{w} {counts[w]}" for w in labels if counts[w]))
    print(f"labelled mixed, engine otherwise: {len(rows) - len(mixed)}")
    head = [w for w in ("supported", "mixed", "insufficient", "contradicted") if counts[w]]
    print(f"\n{'feature (engine mixed)':36}" + "".join(f"{w[:12]:>26}" for w in head))
    print(f"{'':36}" + "".join(f"{'all   A/B/C':>26}" for _ in head))
    for name, test in FEATURES.items():
        cells = []
        for w in head:
            mine = [r for r in mixed if r["want"] == w]
            per = "/".join(f"{sum(test(r) for r in mine if r['fold'] == f)}:{sum(r['fold'] == f for r in mine)}"
                           for f in FOLDS)  # fmt: skip
            cells.append(f"{sum(test(r) for r in mine):>3}/{len(mine):<3} {per:>14}")
        print(f"{name:36}" + "".join(f" {c:>25}" for c in cells))
    print()
    for r in sorted(rows, key=lambda r: (r["want"], r["got"], r["fold"])):
        print(f"[{r['fold']}] {r['want']:>12} -> {r['got']:<12} {r['kind']:<9} {r['branch']:<28} "
              f"sr+{r['sr_sup']} sr-{r['sr_con']}~{r['sr_mix']} weak{r['sr_weak']} rct+{r['rct_sup']} "
              f"rct-{r['rct_con']}~{r['rct_mix']} cred-{r['direct_credible_con']} ind-{r['indirect_con']} "
              f"n {r['n_sup']}/{r['n_con']}/{r['n_mix']} {('cond=' + r['condition']) if r['condition'] else ''} "
              f"{('hedge=' + r['hedge']) if r['hedge'] else ''} | {r['quote'].strip()[:110]}")  # fmt: skip


if __name__ == "__main__":
    main()
