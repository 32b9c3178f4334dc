"""The evidence engine on three folds over all the label sets, to see whether a rule changed on one fold generalises.

    python bench/claims_folds.py                 # every fold: verdict agreement, supported precision, key recall
    python bench/claims_folds.py --errors A      # also every disagreement and missed key record of fold A only
    python bench/claims_folds.py --json

Every label set the engine may now be tuned on is cut into three folds, fixed before any rule of round 3 changed:

- the catalogue's labelled claims (the 36 in-sample verdicts of ``claim_verdicts.toml``, the dev claims of
  ``claims_dev.toml`` and the two measured held-out sets ``claims_heldout.toml`` and ``claims_heldout2.toml``) are
  matched to the shipped catalogue, and the claims (not the labels: a claim labelled in two sets stays in one fold)
  are dealt into the three folds in an order drawn with a fixed seed;
- the labelled pages (tuning p01-p08, held-out p02-p06 and, since they were measured, the heldout2 to heldout5
  pages p10-p29, each checked as ``ketalit check`` does, so their propositions are the normaliser's) are dealt
  whole: A p01, p06, p10, p14, p17, p20, p23, p24, p27; B p03, p04, p08, p11, p15, p18, p21, p25, p28; C p02, p05,
  p07, p12, p13, p16, p19, p22, p26, p29.

Scoring is ``claims_eval.py``'s: verdict agreement, and recall of the key records cited with the labelled stance;
besides, the precision of ``supported`` (of the engine's supported verdicts, how many the reviewers gave too).
Work on one fold's errors (``--errors A``) and read the other folds' figures: they say whether the change holds on
claims it was not made for. The next held-out set is not in the repository and is never read here.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_eval import SETS, Roles, evaluate, load_labels, match_claim  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402
from ketalit.library import Library  # noqa: E402

PAGES = ROOT / "tests" / "pages"
SEED = 20261130
FOLDS = ("A", "B", "C")
CATALOGUE_SETS = ("insample", "dev", "heldout", "heldout2")
FOLD_PAGES = {
    "A": ("p01", "p06", "p10", "p14", "p17", "p20", "p23", "p24", "p27"),
    "B": ("p03", "p04", "p08", "p11", "p15", "p18", "p21", "p25", "p28"),
    "C": ("p02", "p05", "p07", "p12", "p13", "p16", "p19", "p22", "p26", "p29"),
}
PAGE_SETS = ("tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")


def page_labels(path: Path, document: str) -> list[dict[str, Any]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        {
            "id": "",
            "document": document,
            "quote": c["quote"],
            "verdict": c["verdict"],
            "reason": c.get("verdict_reason", ""),
            "key": c.get("key", []),
        }
        for c in data.get("claim", [])
    ]


def copy_library(dest: Path) -> Path:
    """A private copy of the shipped library (whatever files its storage uses)."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "library", dest, ignore=shutil.ignore_patterns("*.lock", "snapshot"))
    return dest


def link_catalogue(tmp: Path) -> tuple[Library, dict[str, dict[str, Any]]]:
    from ketalit.claims.store import link_all, stored_claims

    lib_dir = copy_library(tmp / "shipped")
    lib = Library.open(lib_dir)
    link_all(lib)
    lib = Library.open(lib_dir)
    return lib, {r["id"]: r for r in stored_claims(lib)}


def check_pages(
    tmp: Path, folders: tuple[str, ...] = PAGE_SETS
) -> tuple[Library, dict[str, dict[str, Any]], dict[str, tuple[str, Path]]]:
    """Every labelled page (of these folders of tests/pages) checked into a copy of the library's records with no
    claims: page -> (document, label file)."""
    from ketalit.claims.check import check_page
    from ketalit.claims.review import forget_all_claims

    lib_dir = copy_library(tmp / "pages")
    forget_all_claims(lib_dir)
    rows: dict[str, dict[str, Any]] = {}
    documents = {}
    for folder in folders:
        for path in sorted((PAGES / folder).glob("*.labels.toml")):
            stem = path.name.split(".")[0]
            page = tomllib.loads(path.read_text(encoding="utf-8")).get("page", {})
            out = check_page(lib_dir, path.with_name(f"{stem}.txt").read_bytes(), name=f"{stem}.txt",
                             title=page.get("title"), url=page.get("url"), accessed=page.get("accessed"))  # fmt: skip
            documents[stem] = (out.document, path)
            rows.update({r["id"]: r for r in out.claims})
    return Library.open(lib_dir), rows, documents


def fold_sets(
    shipped_rows: dict[str, dict[str, Any]], documents: dict[str, tuple[str, Path]]
) -> dict[str, list[tuple[str, list]]]:
    """fold -> [(part name, labels)]; a part is one label set's share of the fold (pages: "pages-tuning" or
    "pages-heldout"), scored against the catalogue or the checked pages."""
    labels = {name: load_labels(SETS[name]) for name in CATALOGUE_SETS}
    claim_ids = sorted({row["id"] for items in labels.values() for x in items if (row := match_claim(x, shipped_rows))})
    random.Random(SEED).shuffle(claim_ids)
    fold_of = {cid: FOLDS[i % len(FOLDS)] for i, cid in enumerate(claim_ids)}
    out: dict[str, list[tuple[str, list]]] = {}
    for fold in FOLDS:
        parts: list[tuple[str, list]] = []
        for name, items in labels.items():
            mine = [x for x in items if (row := match_claim(x, shipped_rows)) and fold_of[row["id"]] == fold]
            parts.append((name, mine))
        for folder in PAGE_SETS:
            mine = [
                x
                for stem in FOLD_PAGES[fold]
                if stem in documents and documents[stem][1].parent.name == folder
                for x in page_labels(documents[stem][1], documents[stem][0])
            ]
            parts.append((f"pages-{folder}", mine))
        out[fold] = parts
    return out


def precision(pairs: Counter, side: str) -> tuple[int, int]:
    """(right, given): of the engine's verdicts on one side, how many the reviewers gave too."""
    given = sum(n for (_, got), n in pairs.items() if got == side)
    return pairs[(side, side)], given


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", choices=FOLDS, help="print the disagreements and missed keys of this fold")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the two linked libraries in this (new) folder, to look into")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = args.keep or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        shipped_lib, shipped_rows = link_catalogue(tmp)
        pages_lib, page_rows, documents = check_pages(tmp)
        folds = fold_sets(shipped_rows, documents)
        report: dict[str, Any] = {}
        for fold, parts in folds.items():
            per_part = {}
            for name, labels in parts:
                lib, rows = (pages_lib, page_rows) if name.startswith("pages") else (shipped_lib, shipped_rows)
                per_part[name] = evaluate(labels, rows, Roles(lib))
            report[fold] = per_part
    totals: dict[str, dict[str, Any]] = {}
    for scope, parts in [(f"fold {f}", report[f]) for f in FOLDS] + [
        (f"set {name}", {f: report[f][name] for f in FOLDS}) for name in report[FOLDS[0]]
    ]:
        pairs: Counter = Counter()
        for x in parts.values():
            pairs.update(x["pairs"])
        totals[scope] = {
            "agree": sum(x["agree"] for x in parts.values()),
            "n": sum(x["matched"] for x in parts.values()),
            "keys_same": sum(x["keys_same"] for x in parts.values()),
            "keys": sum(x["keys"] for x in parts.values()),
            "supported": precision(pairs, "supported"),
            "contradicted": precision(pairs, "contradicted"),
            "unbacked": sum(len(x["unbacked"]) for x in parts.values()),
            "bad_rationale": sum(sum(x["bad_rationale"].get(r, 0) for r in ("title", "methods", "background",
                                                                          "objective")) for x in parts.values()),
        }  # fmt: skip
    if args.json:
        print(json.dumps({
            scope: {"verdicts": f"{r['agree']}/{r['n']}", "key_recall": f"{r['keys_same']}/{r['keys']}",
                    "supported_precision": "{}/{}".format(*r["supported"]),
                    "contradicted_precision": "{}/{}".format(*r["contradicted"]), "unbacked": r["unbacked"],
                    "bad_rationale": r["bad_rationale"]}
            for scope, r in totals.items()
        }))  # fmt: skip
        return
    for scope, r in totals.items():
        if scope == f"set {next(iter(report[FOLDS[0]]))}":
            print()
        print(f"{scope:18} verdicts {r['agree']:>3}/{r['n']:<3} ({r['agree'] / max(r['n'], 1):4.0%})  "
              f"keys {r['keys_same']:>3}/{r['keys']:<3} ({r['keys_same'] / max(r['keys'], 1):4.0%})  "
              "supported {}/{}  contradicted {}/{}".format(*r["supported"], *r["contradicted"])
              + (f"  unbacked {r['unbacked']}" if r["unbacked"] else "")
              + (f"  bad rationales {r['bad_rationale']}" if r["bad_rationale"] else ""))  # fmt: skip
        if scope.startswith("fold"):
            for name, x in report[scope[-1]].items():
                if x["matched"]:
                    sp = precision(x["pairs"], "supported")
                    print(f"    {name:14} {x['agree']:>3}/{x['matched']:<3} keys {x['keys_same']:>3}/{x['keys']:<3} "
                          f"supported {sp[0]}/{sp[1]}")  # fmt: skip
    if args.errors:
        for name, x in report[args.errors].items():
            print(f"\n== {name}")
            pairs = sorted(x["pairs"].items())
            print("   " + "; ".join(f"{w}->{g} {k}" for (w, g), k in pairs if w != g))
            for cid, want, got, why in x["disagreements"]:
                print(f"  {cid}: reference {want}, ketalit {got}: {why[:400]}")
            for cid, rec, want, got in x["missed_keys"]:
                print(f"  key {cid}: {rec} labelled {want}, ketalit {got}")


if __name__ == "__main__":
    main()
