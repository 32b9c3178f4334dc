"""The coverage guard's threshold chosen by cross-validation over the three folds of ``claims_folds.py``.

    python bench/coverage_fit.py

A claim whose proposition is only "ketamine relieves pain" while its asserting clause has at least
``min_unrepresented`` content words the proposition does not represent (``claims/coverage.py``) is capped at
insufficient. Every claim of the folds is linked once with the guard off; then, for each threshold of ``GRID``, the
guard is applied to the verdicts as linked (it changes no evidence, only the verdict of a partial proposition) and each
fold is scored as ``claims_folds.py`` scores it: verdict agreement and the precision of ``supported``. For each fold,
the threshold that scores best on the other two (agreement, then supported precision, then the smaller threshold: the
more cautious) is scored on it, beside the guard off. Claims a person reviewed are never capped (their proposition is
a person's reading). The last line is the threshold best on all three folds, the value to ship.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_eval import match_claim  # noqa: E402
from claims_folds import FOLDS, check_pages, fold_sets, link_catalogue  # noqa: E402

from ketalit.claims.coverage import CAPPED, coverage, settings  # noqa: E402
from ketalit.claims.review import reviewed_catalogue  # noqa: E402

OFF = 10**9
GRID = (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, OFF)


def main() -> None:
    shipped = settings()["guard"]["min_unrepresented"]
    settings()["guard"]["min_unrepresented"] = OFF  # link with the guard off: the verdicts as the evidence gives them
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        shipped_lib, shipped_rows = link_catalogue(tmp)
        pages_lib, page_rows, documents = check_pages(tmp)
        claims = {
            "shipped": {c.id: c for c in reviewed_catalogue(shipped_lib)},
            "pages": {c.id: c for c in reviewed_catalogue(pages_lib)},
        }
    rows = {"shipped": shipped_rows, "pages": page_rows}
    items = []  # (fold, labelled verdict, verdict as linked, unrepresented words of a generic unreviewed proposition)
    for fold, parts in fold_sets(shipped_rows, documents).items():
        for name, labels in parts:
            scope = "pages" if name.startswith("pages") else "shipped"
            for x in labels:
                row = match_claim(x, rows[scope])
                if row:
                    cov = coverage(claims[scope][row["id"]], least=OFF)
                    n = len(cov.unrepresented) if cov.generic and not cov.reviewed else -1
                    items.append((fold, x["verdict"], row["verdict"], n))
    scores: dict[int, dict[str, tuple[int, int, int, int]]] = {}
    for k in GRID:
        per: dict[str, list[int]] = {f: [0, 0, 0, 0] for f in FOLDS}  # agree, supported right, given, capped
        for fold, want, got, n in items:
            capped = 0 <= k <= n and got in CAPPED
            v = "insufficient" if capped else got
            tally = per[fold]
            tally[0] += v == want
            tally[1] += v == want == "supported"
            tally[2] += v == "supported"
            tally[3] += capped
        scores[k] = {f: (a, r, g, c) for f, (a, r, g, c) in per.items()}
    size = {f: sum(1 for it in items if it[0] == f) for f in FOLDS}

    def name(k: int) -> str:
        return "off" if k == OFF else str(k)

    def key(k: int, on: list[str]) -> tuple[int, float, int]:
        a = sum(scores[k][f][0] for f in on)
        r, g = sum(scores[k][f][1] for f in on), sum(scores[k][f][2] for f in on)
        return a, r / g if g else 1.0, -k

    print("min_unrepresented: per fold verdicts agreeing, supported right/given, claims capped")
    for k in GRID:
        print(f"  {name(k):>3}  " + "   ".join(
            f"{f} {a}/{size[f]} sup {r}/{g} capped {c}" for f, (a, r, g, c) in scores[k].items()))  # fmt: skip
    for fold in FOLDS:
        others = [f for f in FOLDS if f != fold]
        best = max(GRID, key=lambda k: key(k, others))
        a, r, g, _ = scores[best][fold]
        a0, r0, g0, _ = scores[OFF][fold]
        print(f"fold {fold}: chosen on {'+'.join(others)}: {name(best)}; on {fold} verdicts {a0} -> {a}/{size[fold]}, "
              f"supported {r0}/{g0} -> {r}/{g}")  # fmt: skip
    best = max(GRID, key=lambda k: key(k, list(FOLDS)))
    print(f"best on all three folds: {name(best)} (data/coverage.toml has {shipped})")


if __name__ == "__main__":
    main()
