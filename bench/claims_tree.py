"""A verdict step fitted by cross-validation (a shallow decision tree) against the hand-written rules, on the folds.

    python bench/claims_tree.py              # fit on two folds, score the third, for each fold; both side by side
    python bench/claims_tree.py --show       # also the tree fitted on each pair of folds, as tests in words
    python bench/claims_tree.py --grid       # every depth, leaf size and weighting, held-out (for the record only)

The claims are linked once, as ``claims_folds.py --fit`` links them (its ``Recorder`` keeps each claim's evidence
as read). The verdict step of ``claims/verdict.py`` (``RULES``: the rule for the claim's kind, weighing the tally of
its records' stances) is then run again for every labelled claim, and what it saw is recorded as a few features
(``features``). A tree fitted on two folds stands in for that step on the third; everything around the step stays
as shipped: a claim without stances for or against, and the checks after the step (a strong claim capped by credible
doubt, reports of patients for "in some cases", a list's unshown parts, a harm's qualifier, a regulator's decision,
dosing, a claim no study measures). Claims a person has reviewed keep their verdict.

**Hard constraints.** The fitted step may give ``supported`` only where the rules' own step gives it: what the rules
forbid (too little evidence, credible occurrence of a harm claimed absent, a duration's maximum not reached, no
head-to-head evidence for a comparison) is never endorsed; the tree may only withhold ``supported`` or move a claim
among the other verdicts.

**Fitting** (scikit-learn, here only): ``DecisionTreeClassifier`` on the labelled verdicts (no_evidence and
not_checkable labels count as insufficient, the nearest the step can give), a non-supported label weighing twice
(``sample_weight``) so that splits separate wrong endorsements first; each leaf then gives the verdict of least cost
on its training claims, a wrong ``supported`` costing 2 and any other error 1. The depth (2, 3 or 4; leaves of at
least ``MIN_LEAF`` claims) is chosen on the two training folds alone (fit on one, score the other, both ways), so the
third fold is never seen before it is scored. ``--grid`` prints the held-out figures of every depth (1-4), smallest
leaf (6, 12, 24) and weighting (as above, or none: every error costing 1), to show whether any setting would have
won; choosing one by them would be fitting on the held-out fold.

**Scored** on the held-out fold, with the rules on the same claims: verdict agreement, and the precision of
``supported`` and of ``contradicted`` (of the verdicts given, how many the reviewers gave too).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_folds import FOLDS, Recorder, labelled, link_folds  # noqa: E402

import ketalit.claims.verdict as rules  # noqa: E402

VERDICTS = ("supported", "mixed", "insufficient", "contradicted")
KINDS = {
    "effect": ("improves", "onset", "lasts", "fades", "transient"),
    "textbook": ("states",),
    "comparison": ("better", "faster", "slower", "less_harm"),
    "harm": ("causes",),
    "no harm": ("does_not_cause",),
}
DEPTHS = (2, 3, 4)
MIN_LEAF = 6
WRONG_SUPPORTED = 2.0  # the cost of a wrong supported; any other error costs 1


def features(t: rules.Tally, rule: str) -> dict[str, float]:
    """What the verdict step sees, in a few numbers a reader can check: the claim's kind and wording, the weight and
    count of direct evidence for and against, the top tier on each side, the share that is indirect, a serious harm,
    how much of a claimed duration was shown, and the rules' own verdict."""
    claim = t.claim
    direct = t.direct()
    direction = rules.asserted_direction(claim.proposition)
    sup_d, con_d = direct.sup + direct.mixed, direct.con + direct.mixed
    everything = t.sup + t.con + t.mixed
    all_w = sum(rules.weight(claim, e) for e in everything) or 1.0
    quantity = claim.proposition.quantity
    reached = max((e.measured or 0.0) for e in t.sup) if t.sup else 0.0
    out: dict[str, float] = {f"kind {k}": float(direction in v) for k, v in KINDS.items()}
    out |= {
        "strong words": float(bool(rules.strength_words(claim, "strong") or rules.lasting_words(claim))),
        "hedged words": float(bool(rules.strength_words(claim, "some") or rules.harm_qualifier(claim))),
        "direct weight for": direct.ws,
        "direct weight against": direct.wc,
        "direct records for": float(len(direct.sup)),
        "direct records against": float(len(direct.con)),
        "direct mixed records": float(len(direct.mixed)),
        "top tier for": float(max((rules.tier(claim, e) for e in sup_d), default=-1)),
        "top tier against": float(max((rules.tier(claim, e) for e in con_d), default=-1)),
        "credible weight for": direct.credible_weight()[0],
        "credible weight against": direct.credible_weight()[1],
        "minimum for met": float(t.enough(t.sup)),
        "indirect share": sum(rules.weight(claim, e) for e in everything if e.indirect) / all_w,
        "serious harm against": float(any(f.get("serious") for e in t.con for f in e.finding)),
        "share of claimed duration shown": min(reached / quantity[2], 1.0) if quantity and quantity[2] else 1.0,
    }
    out |= {f"rules say {v}": float(rule == v) for v in VERDICTS}
    return out


class Step:
    """Stands in for the verdict step (``verdict.RULES``): records what each rule saw and, when a tree is set, gives
    the tree's verdict, within the hard constraints."""

    def __init__(self) -> None:
        self.seen: tuple[rules.Tally, str] | None = None
        self.tree: Any = None
        for direction, rule in list(rules.RULES.items()):
            rules.RULES[direction] = self.wrap(rule)

    def wrap(self, rule: Any) -> Any:
        def step(t: rules.Tally) -> str:
            v = rule(t)
            self.seen = (t, v)
            if self.tree is None:
                return v
            got = predict(self.tree, features(t, v))
            return "mixed" if got == "supported" and v != "supported" else got

        return step


def predict(tree: dict[str, Any], x: dict[str, float]) -> str:
    node = tree
    while "verdict" not in node:
        node = node["yes"] if x[node["feature"]] <= node["at"] else node["no"]
    return node["verdict"]


def cost(counts: Counter, verdict: str, wrong_supported: float) -> float:
    return sum(n * (0 if want == verdict else wrong_supported if verdict == "supported" else 1) for want, n in
               counts.items())  # fmt: skip


def fit_tree(
    rows: list[tuple[dict[str, float], str]],
    depth: int,
    min_leaf: int = MIN_LEAF,
    wrong_supported: float = WRONG_SUPPORTED,
) -> dict[str, Any]:
    """A tree fitted on (features, labelled verdict) rows, as nested dicts: {feature, at, yes, no} or {verdict, n}."""
    from sklearn.tree import DecisionTreeClassifier

    names = list(rows[0][0])
    x = [[r[0][n] for n in names] for r in rows]
    y = [r[1] for r in rows]
    w = [1.0 if v == "supported" else wrong_supported for v in y]
    model = DecisionTreeClassifier(max_depth=depth, min_samples_leaf=min_leaf, random_state=0).fit(
        x, y, sample_weight=w
    )
    inner = model.tree_
    leaf_of = model.apply(x)

    def node(i: int) -> dict[str, Any]:
        if inner.children_left[i] == inner.children_right[i]:
            counts = Counter(y[j] for j in range(len(y)) if leaf_of[j] == i)
            return {"verdict": min(VERDICTS, key=lambda v: (cost(counts, v, wrong_supported), VERDICTS.index(v))),
                    "n": dict(sorted(counts.items()))}  # fmt: skip
        return {"feature": names[inner.feature[i]], "at": round(float(inner.threshold[i]), 3),
                "yes": node(inner.children_left[i]), "no": node(inner.children_right[i])}  # fmt: skip

    return node(0)


def describe(tree: dict[str, Any], indent: str = "") -> str:
    if "verdict" in tree:
        return f"{indent}-> {tree['verdict']} {tree['n']}\n"
    return (f"{indent}if {tree['feature']} <= {tree['at']}:\n" + describe(tree["yes"], indent + "    ")
            + f"{indent}else:\n" + describe(tree["no"], indent + "    "))  # fmt: skip


def target(label: str) -> str:
    return label if label in VERDICTS else "insufficient"


class Scored:
    """Per labelled claim: the fold, the labelled verdict, the rules' final verdict, and what the step saw."""

    def __init__(self, recorder: Recorder, step: Step, items: list) -> None:
        self.recorder, self.step = recorder, step
        self.items = []
        for fold, want, scope, cid, kept, reviewed in items:
            evidence = None if reviewed else recorder.kept.get(scope, {}).get(cid)
            seen = None
            if evidence:
                step.seen = None
                kept = recorder.real(*evidence)[0]
                seen = step.seen
            row = features(*seen) if seen else None
            self.items.append((fold, want, evidence, kept, row))

    def training(self, on: list[str]) -> list[tuple[dict[str, float], str]]:
        return [(row, target(want)) for fold, want, _, _, row in self.items if fold in on and row is not None]

    def verdicts(self, fold: str, tree: dict[str, Any] | None) -> list[tuple[str, str]]:
        """(labelled, given) for the claims of a fold, with the rules (tree None) or the tree in the step."""
        self.step.tree = tree
        out = []
        for f, want, evidence, kept, row in self.items:
            if f != fold:
                continue
            out.append((want, self.recorder.real(*evidence)[0] if tree is not None and row is not None else kept))
        self.step.tree = None
        return out


def figures(pairs: list[tuple[str, str]]) -> tuple[int, int, tuple[int, int], tuple[int, int]]:
    def prec(side: str) -> tuple[int, int]:
        return sum(w == g == side for w, g in pairs), sum(g == side for _, g in pairs)

    return sum(w == g for w, g in pairs), len(pairs), prec("supported"), prec("contradicted")


def choose_depth(scored: Scored, on: list[str]) -> int:
    """The depth that scores best on the training folds alone (fit on one, score the other, both ways): verdict
    agreement less the wrong supported verdicts (counted twice in all)."""

    def score(depth: int) -> float:
        total = 0.0
        for fit_on, test in ((on[0], on[1]), (on[1], on[0])):
            agree, _, (right, given), _ = figures(scored.verdicts(test, fit_tree(scored.training([fit_on]), depth)))
            total += agree - (WRONG_SUPPORTED - 1) * (given - right)
        return total

    return max(DEPTHS, key=lambda d: (score(d), -d))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print each fitted tree")
    ap.add_argument("--grid", action="store_true", help="held-out figures of every depth, leaf size and weighting")
    args = ap.parse_args()
    recorder, step = Recorder(), Step()
    with tempfile.TemporaryDirectory() as t:
        linked = link_folds(Path(t), recorder)
    items = labelled(linked.folds, linked.rows)
    scored = Scored(recorder, step, items)
    n_rows = Counter(fold for fold, *_, row in scored.items if row is not None)
    width = len(next(row for *_, row in scored.items if row is not None))
    print(f"{len(scored.items)} labelled claims; with stances to weigh: " +
          ", ".join(f"{f} {n_rows[f]}" for f in FOLDS) + f"; {width} features")  # fmt: skip
    totals = {"rules": [0, 0, 0, 0, 0, 0], "tree": [0, 0, 0, 0, 0, 0]}
    print(f"{'held-out fold':24} {'':6} {'verdicts':>9} {'supported':>9} {'contradicted':>10}")
    for fold in FOLDS:
        on = [f for f in FOLDS if f != fold]
        depth = choose_depth(scored, on)
        tree = fit_tree(scored.training(on), depth)
        for name, model in (("rules", None), ("tree", tree)):
            agree, n, (sr, sg), (cr, cg) = figures(scored.verdicts(fold, model))
            for i, v in enumerate((agree, n, sr, sg, cr, cg)):
                totals[name][i] += v
            label = f"{fold} (fit {'+'.join(on)}, depth {depth})" if name == "rules" else ""
            print(f"{label:24} {name:6} {agree:>4}/{n:<4} {sr:>4}/{sg:<4} {cr:>5}/{cg:<4}")
        if args.show:
            print(describe(tree, "    "))
    for name, (agree, n, sr, sg, cr, cg) in totals.items():
        print(f"{'all three':24} {name:6} {agree:>4}/{n:<4} {sr:>4}/{sg:<4} {cr:>5}/{cg:<4}")
    if args.grid:
        print("\nevery setting, held-out (verdicts, supported right/given) on A | B | C:")
        for wrong_supported in (WRONG_SUPPORTED, 1.0):
            for min_leaf in (6, 12, 24):
                for depth in (1, 2, 3, 4):
                    cells = []
                    for fold in FOLDS:
                        tree = fit_tree(
                            scored.training([f for f in FOLDS if f != fold]), depth, min_leaf, wrong_supported
                        )
                        agree, _, (sr, sg), _ = figures(scored.verdicts(fold, tree))
                        cells.append(f"{agree:>3} {sr:>2}/{sg:<2}")
                    print(f"  wrong supported costs {wrong_supported:g}, leaf >= {min_leaf:>2}, depth {depth}: "
                          + " | ".join(cells))  # fmt: skip


if __name__ == "__main__":
    main()
