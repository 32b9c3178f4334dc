"""What a verdict engine must beat: verdicts guessed from the kind of claim alone, tested forward in time.

    python bench/baselines.py           # a table, one row per labelled set in the order the sets were labelled
    python bench/baselines.py --json
    python bench/baselines.py --engine heldout12   # the engine beside the guess, on the claims it found (a minute)

For each set of labelled clinic pages (tests/pages/*), in the order they were labelled, two guesses that read no
abstract at all are scored against the blind reviewers' verdicts:

- "kind majority": each claim gets the verdict most often labelled, in the sets labelled before this one, for claims
  of its labelled kind (the overall most frequent verdict before it when its kind was never seen). Nothing of the
  set itself is used, so each row is a forward test.
- "always supported": every claim gets `supported`.

Both are given the reviewers' kind of each claim and every labelled claim, where the engine must find the claim on
the page and read its kind itself: an advantage to the guesses. The engine's own figures on each set when it was
first measured unseen are in README.md ("How far to trust it") and bench/README.md ("Held-out pages #N").

`--engine SET` checks the set's pages from scratch with the engine as it is (as `claims_eval.py --pages` does) and
sets its verdict beside the kind-majority guess on each claim it found: where the two differ, which one the reviewers
agree with. Only for a set the engine's rules were not tuned on is this the engine's unseen figure.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from claims_folds import PAGE_SETS, PAGES, page_labels  # noqa: E402

# The order the sets were labelled in: the folds' page sets ("shipped" carries no verdicts; the eleventh set was lost).
ORDER = PAGE_SETS


def labelled(name: str) -> list[tuple[str, str]]:
    """(kind, verdict) of every labelled claim of a set."""
    return [
        (x["kind"], x["verdict"])
        for path in sorted((PAGES / name).glob("*.labels.toml"))
        for x in page_labels(path, "")
    ]


@dataclasses.dataclass(frozen=True)
class Row:
    set: str
    claims: int
    kind_majority: int  # guesses that agree with the reviewers
    kind_majority_supported_given: int
    kind_majority_supported_right: int
    always_supported: int  # claims the reviewers called supported


def score(order: tuple[str, ...]) -> list[Row]:
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    overall: Counter[str] = Counter()
    out = []
    for name in order:
        rows = labelled(name)
        if not rows:  # a set listed but with no labelled pages yet (its folder empty or missing) guesses nothing
            continue
        if overall:  # the first set has nothing before it to learn from
            guesses = [(seen[kind] or overall).most_common(1)[0][0] for kind, _ in rows]
            right = sum(g == v for g, (_, v) in zip(guesses, rows, strict=True))
            given = [v for g, (_, v) in zip(guesses, rows, strict=True) if g == "supported"]
            out.append(
                Row(
                    set=name,
                    claims=len(rows),
                    kind_majority=right,
                    kind_majority_supported_given=len(given),
                    kind_majority_supported_right=given.count("supported"),
                    always_supported=sum(v == "supported" for _, v in rows),
                )
            )
        for kind, verdict in rows:
            seen[kind][verdict] += 1
            overall[verdict] += 1
    return out


def guesser(before: tuple[str, ...]) -> dict[str, str]:
    """Kind -> the verdict most often labelled for it in these sets ("" -> the most frequent overall)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for name in before:
        for kind, verdict in labelled(name):
            seen[kind][verdict] += 1
            seen[""][verdict] += 1
    return {kind: counts.most_common(1)[0][0] for kind, counts in seen.items()}


def engine_beside(name: str) -> dict[str, object]:
    """The engine's verdicts on a set's pages checked from scratch, beside the kind-majority guess."""
    import tempfile

    from claims_eval import match_claim
    from claims_folds import check_pages

    before = ORDER[: ORDER.index(name)] if name in ORDER else ORDER
    guess = guesser(before)
    tally: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        _, rows, documents = check_pages(Path(tmp), (name,))
        for stem in sorted(documents):
            document, path = documents[stem]
            for item in page_labels(path, document):
                row = match_claim(item, rows)
                if row is None:
                    tally["not found"] += 1
                    continue
                want, got = item["verdict"], row["verdict"]
                prior = guess.get(item["kind"], guess[""])
                tally["found"] += 1
                tally["engine right"] += got == want
                tally["guess right"] += prior == want
                if got != prior:
                    tally["differ"] += 1
                    tally["differ: engine right"] += got == want
                    tally["differ: guess right"] += prior == want
                if got == "supported":
                    tally["engine supported"] += 1
                    tally["engine supported right"] += want == "supported"
                if prior == "supported":
                    tally["guess supported"] += 1
                    tally["guess supported right"] += want == "supported"
    return {"set": name, "trained_on": list(before), **tally}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--engine", metavar="SET", help="the engine beside the guess on one set's pages")
    args = parser.parse_args(argv)
    if args.engine:
        out = engine_beside(args.engine)
        if args.json:
            print(json.dumps(out, indent=2))
            return 0
        t = Counter({k: v for k, v in out.items() if isinstance(v, int)})
        print(f"{out['set']}: {t['found']} claims found by the engine ({t['not found']} not found)")
        print(f"  engine agrees with the reviewers     {t['engine right']}/{t['found']}")
        print(f"  kind-majority guess agrees            {t['guess right']}/{t['found']}")
        print(
            f"  where they differ ({t['differ']}): engine right {t['differ: engine right']}, guess right "
            f"{t['differ: guess right']}, neither {t['differ'] - t['differ: engine right'] - t['differ: guess right']}"
        )
        print(
            f"  `supported` right/given: engine {t['engine supported right']}/{t['engine supported']}, "
            f"guess {t['guess supported right']}/{t['guess supported']}"
        )
        return 0
    rows = score(ORDER)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], indent=2))
        return 0
    print("set         claims  kind majority (forward)   its `supported` right/given   always `supported`")
    for r in rows:
        n, km, al = r.claims, r.kind_majority, r.always_supported
        print(
            f"{r.set:<11} {n:>6}  {km:>3}/{n:<3} ({km / n:>4.0%})           "
            f"{r.kind_majority_supported_right:>3}/{r.kind_majority_supported_given:<3}"
            f"                     {al:>3}/{n:<3} ({al / n:>4.0%})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
