"""Would the kind model do better trained on every set labelled since it was shipped? A forward test.

    python bench/kind_forward.py            # heldout38 .. heldout43 (about six minutes on two cores)
    python bench/kind_forward.py --from 30  # from heldout30

The shipped kind model (`src/ketalit/data/kind_model.npz`, round 11) was trained on the 63 pages labelled by then.
For each test set k, a model of the same form (`claims_forward.write`'s: the claim's, its heading's and its
lead-in's embeddings, the structural features and the rules' kind; C and class weights chosen by cross-validation
grouped by page) is trained on every page of the sets labelled before k, and both models read the labelled claims of
k that the current rules find (the rules' kind as their feature). Printed per set and over all: the share of those
claims whose labelled kind the rules, the shipped model and the retrained model give. The rules are today's, tuned
on these sets after each was measured, so their column is in-sample; the two models read the same rules' kinds, and
neither was trained on the set it is scored on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claims_forward as cf  # noqa: E402

from ketalit.claims import kind_model as km  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="first", type=int, default=38, help="the first test set's number (default 38)")
    args = ap.parse_args()
    tests = [s for s in cf.ORDER if s.startswith("heldout") and int(s[7:] or 1) >= args.first]
    _, pages = cf.labelled_sets()
    embedder = cf.Embedder()
    shipped = km._weights()
    if shipped is None:
        raise SystemExit("the package carries no kind model")
    shipped_names = [str(s) for s in shipped["rule_kinds"]]
    total = {"rules": 0, "shipped": 0, "retrained": 0, "claims": 0}
    for k in tests:
        train = [p for s in cf.ORDER[: cf.ORDER.index(k)] for p in pages[s]]
        model, text, names, _, _ = cf.fit_kind_model(train, embedder)
        test = [(u, rk, kind) for _, u, rk, kind in cf.labelled_kinds(pages[k]) if rk != "none"]
        if not test:
            continue
        units, rule_kinds, labelled = [u for u, _, _ in test], [rk for _, rk, _ in test], [y for _, _, y in test]
        retrained = model.predict(cf.features(units, embedder, cf.one_hot(rule_kinds, names)))
        x0 = km.features(
            [u.text for u in units], [u.lead for u in units], [u.heading for u in units], rule_kinds, shipped_names
        )
        old = shipped["classes"][km._probabilities(shipped, x0).argmax(axis=1)]
        right = {
            "rules": sum(a == y for a, y in zip(rule_kinds, labelled, strict=True)),
            "shipped": sum(str(a) == y for a, y in zip(old, labelled, strict=True)),
            "retrained": sum(str(a) == y for a, y in zip(retrained, labelled, strict=True)),
        }
        n = len(test)
        for key, value in right.items():
            total[key] += value
        total["claims"] += n
        print(
            f"{k}: {n} claims; rules {right['rules']}/{n}, shipped model {right['shipped']}/{n}, "
            f"retrained on {len(train)} pages {right['retrained']}/{n} ({text})",
            flush=True,
        )
    n = total["claims"]
    print(
        f"all: {n} claims; rules {total['rules']}/{n} = {total['rules'] / n:.3f}, shipped model "
        f"{total['shipped']}/{n} = {total['shipped'] / n:.3f}, retrained {total['retrained']}/{n} = "
        f"{total['retrained'] / n:.3f}"
    )


if __name__ == "__main__":
    main()
