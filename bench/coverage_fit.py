"""The coverage guard's share chosen by cross-validation over the three folds of ``claims_folds.py``.

    python bench/coverage_fit.py

A claim whose proposition is only "ketamine relieves pain" is partial (``claims/coverage.py``) when it leaves out at
least ``min_share`` of the content words of the claim's asserting clause, or whatever the share when it rests on what
the sentence does not say (a frame: groups of patients unioned into one population; a population or a route that
comes only from the page); a partial proposition's verdict is capped at insufficient. Every claim of the folds is
linked once with the guard off; then each rule is applied to the verdicts as linked (the guard changes no evidence,
only the verdict of a partial proposition) and each fold, and each of the last three page sets, is scored as
``claims_folds.py`` scores it: verdict agreement, the precision of ``supported``, and the wrong and right ``supported``
the guard turns into insufficient. Rules: the guard off, round 10's count (7 words left out), the frames alone (with and
without a route from the page, which ``data/coverage.toml`` [frames] from_page may name), each share of ``GRID`` alone,
and each share with the frames as shipped. For each fold, the share (with the frames) best on the other two folds is
scored on it: a wrong ``supported`` costs twice (agreement less wrong supported), then ``supported`` precision, then
the smaller share (the more cautious). Claims a person reviewed are never capped (their proposition is a person's
reading). The last line is the share best on all three folds, the value to ship.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_folds import FOLDS, link_folds, matched  # noqa: E402

from ketalit.claims import verdict  # noqa: E402
from ketalit.claims.catalogue import Claim  # noqa: E402
from ketalit.claims.coverage import CAPPED, coverage, settings  # noqa: E402
from ketalit.claims.review import reviewed_catalogue  # noqa: E402

GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
SETS = ("heldout8", "heldout9", "heldout10")  # the last three page sets, also scored apart (each is in the folds)
Item = tuple[str, str, str, str, dict]  # fold, part, labelled verdict, verdict as linked, coverage of the claim


def rules() -> dict[str, Callable[[dict], bool]]:
    """name -> whether the rule caps a claim, given its coverage (``Coverage.as_dict``) linked with the guard off."""

    def share(s: float, kinds: tuple[str, ...]) -> Callable[[dict], bool]:
        def capped(c: dict) -> bool:
            framed = any(k in f for f in c["frames"] for k in kinds)
            return c["generic"] and not c["reviewed"] and (framed or (bool(c["unrepresented"]) and
                                                                       c["share_unrepresented"] >= s))  # fmt: skip

        return capped

    shipped = ("groups", *settings()["frames"]["from_page"])
    out: dict[str, Callable[[dict], bool]] = {
        "off": lambda c: False,
        "round 10 (7 words)": lambda c: c["generic"] and not c["reviewed"] and len(c["unrepresented"]) >= 7,
        "frames: groups": share(2.0, ("groups",)),
        "frames: groups, population from the page": share(2.0, ("groups", "population")),
        "frames: groups, population or route from the page": share(2.0, ("groups", "population", "route")),
    }
    for s in GRID:
        out[f"share {s:.1f}"] = share(s, ())
    for s in GRID:
        out[f"share {s:.1f} + frames"] = share(s, shipped)
    return out


def score(items: list[Item], capped: Callable[[dict], bool], where: Callable[[Item], bool]) -> tuple[int, ...]:
    """(agreeing, supported right, supported given, capped, wrong supported removed, right supported removed, n)."""
    t = [0] * 7
    for item in items:
        if not where(item):
            continue
        _, _, want, got, cov = item
        cap = got in CAPPED and capped(cov)
        v = "insufficient" if cap else got
        t[0] += v == want
        t[1] += v == want == "supported"
        t[2] += v == "supported"
        t[3] += cap
        t[4] += cap and got == "supported" != want
        t[5] += cap and got == "supported" == want
        t[6] += 1
    return tuple(t)


def cell(t: tuple[int, ...]) -> str:
    return f"{t[0]}/{t[6]} sup {t[1]}/{t[2]} cap {t[3]} (-wrong {t[4]}, -right {t[5]})"


def linked() -> list[tuple[str, str, str, str, Claim]]:
    """Every labelled claim of the folds linked with the guard off: (fold, part, labelled verdict, verdict, claim)."""
    verdict.cap = lambda claim, v, explanation: (v, explanation)  # link with the guard off
    with tempfile.TemporaryDirectory() as t:
        linked = link_folds(Path(t))
        claims = {scope: {c.id: c for c in reviewed_catalogue(lib)} for scope, (lib, _) in linked.libs.items()}
    rows = linked.rows
    out = []
    for fold, name, scope, x, row in matched(linked.folds, rows):
        claim = claims[scope][row["id"]]
        out.append((fold, name.removeprefix("pages-"), x["verdict"], row["verdict"], claim))
    return out


def main() -> None:
    from_page = settings()["frames"]["from_page"]
    settings()["frames"]["from_page"] = ["population", "route"]  # every frame found; each rule picks its own
    items: list[Item] = [(f, part, want, got, coverage(c).as_dict()) for f, part, want, got, c in linked()]
    settings()["frames"]["from_page"] = from_page
    table = rules()
    places: dict[str, Callable[[Item], bool]] = {f"fold {f}": (lambda it, f=f: it[0] == f) for f in FOLDS}
    places |= {s: (lambda it, s=s: it[1] == s) for s in SETS}
    print("per rule: verdicts agreeing, supported right/given, claims capped (wrong / right supported removed)")
    for name, capped in table.items():
        print(f"  {name}")
        for place, where in places.items():
            print(f"      {place:>9}: {cell(score(items, capped, where))}")

    def key(s: float, on: list[str]) -> tuple[int, float, float]:
        a, r, g, *_ = score(items, table[f"share {s:.1f} + frames"], lambda it: it[0] in on)
        return a - (g - r), r / g if g else 1.0, -s

    for fold in FOLDS:
        others = [f for f in FOLDS if f != fold]
        best = max(GRID, key=lambda s: key(s, others))
        off, r10, got = (score(items, table[name], places[f"fold {fold}"])
                         for name in ("off", "round 10 (7 words)", f"share {best:.1f} + frames"))  # fmt: skip
        print(f"fold {fold}: chosen on {'+'.join(others)}: share {best:.1f} + frames; on {fold}: off {cell(off)}; "
              f"round 10 {cell(r10)}; chosen {cell(got)}")  # fmt: skip
    best = max(GRID, key=lambda s: key(s, list(FOLDS)))
    shipped = settings()["guard"]["min_share"]
    print(f"best on all three folds: share {best:.1f} + frames (data/coverage.toml has {shipped})")


if __name__ == "__main__":
    main()
