"""The evidence engine on two folds of the tuning labels, to see whether a rule changed on one fold generalises.

    python bench/claims_folds.py                 # both folds: verdict agreement and key-record recall
    python bench/claims_folds.py --errors A      # also every disagreement and missed key record of fold A only
    python bench/claims_folds.py --json

The labels the engine may be tuned on are cut into two folds, fixed before any rule was changed:

- fold A: the 36 in-sample verdicts (``claim_verdicts.toml``), half of the dev claims (``claims_dev.toml``, the
  half is drawn with a fixed seed) and the tuning pages p01 and p08;
- fold B: the other half of the dev claims and the tuning pages p03, p05 and p07.

The shipped catalogue's claims are linked in a copy of the shipped library (as ``ketalit claims link`` does); each
tuning page is checked into a copy of the library's records with no claims, as ``ketalit check`` does (so its
claims are the normaliser's, not a reviewer's). Scoring is ``claims_eval.py``'s: verdict agreement, and recall of
the key records cited with the labelled stance.

Work on one fold's errors (``--errors A``) and read the other fold's figures: they say whether the change holds on
claims it was not made for. The held-out labels are never read here.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_eval import SETS, Roles, evaluate, load_labels  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402
from ketalit.library import Library  # noqa: E402

PAGES = ROOT / "tests" / "pages" / "tuning"
DEV_SEED = 20261201
FOLD_PAGES = {"A": ("p01", "p08"), "B": ("p03", "p05", "p07")}


def dev_halves() -> dict[str, set[str]]:
    ids = sorted(item["id"] for item in load_labels(SETS["dev"]))
    random.Random(DEV_SEED).shuffle(ids)
    half = len(ids) // 2
    return {"A": set(ids[:half]), "B": set(ids[half:])}


def page_labels(stem: str, document: str) -> list[dict[str, Any]]:
    data = tomllib.loads((PAGES / f"{stem}.labels.toml").read_text(encoding="utf-8"))
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


def check_pages(tmp: Path) -> tuple[Library, dict[str, dict[str, Any]], dict[str, str]]:
    from ketalit.claims.check import check_page
    from ketalit.claims.review import forget_all_claims

    lib_dir = copy_library(tmp / "pages")
    forget_all_claims(lib_dir)
    rows: dict[str, dict[str, Any]] = {}
    documents = {}
    for path in sorted(PAGES.glob("*.labels.toml")):
        stem = path.name.split(".")[0]
        page = tomllib.loads(path.read_text(encoding="utf-8")).get("page", {})
        out = check_page(lib_dir, path.with_name(f"{stem}.txt").read_bytes(), name=f"{stem}.txt",
                         title=page.get("title"), url=page.get("url"), accessed=page.get("accessed"))  # fmt: skip
        documents[stem] = out.document
        rows.update({r["id"]: r for r in out.claims})
    return Library.open(lib_dir), rows, documents


def fold_sets(halves: dict[str, set[str]], documents: dict[str, str]) -> dict[str, list[tuple[str, list]]]:
    """fold -> [(part name, labels)]; the part is scored against the catalogue or the pages."""
    dev = load_labels(SETS["dev"])
    out: dict[str, list[tuple[str, list]]] = {}
    for fold in ("A", "B"):
        parts: list[tuple[str, list]] = []
        if fold == "A":
            parts.append(("in-sample", load_labels(SETS["insample"])))
        parts.append((f"dev-{fold}", [d for d in dev if d["id"] in halves[fold]]))
        parts.append((f"pages-{fold}", [x for p in FOLD_PAGES[fold] for x in page_labels(p, documents[p])]))
        out[fold] = parts
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", choices=("A", "B"), help="print the disagreements and missed keys of this fold")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the two linked libraries in this (new) folder, to look into")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = args.keep or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        shipped_lib, shipped_rows = link_catalogue(tmp)
        pages_lib, page_rows, documents = check_pages(tmp)
        folds = fold_sets(dev_halves(), documents)
        report: dict[str, Any] = {}
        for fold, parts in folds.items():
            agree = n = keys = keys_same = 0
            per_part = {}
            for name, labels in parts:
                lib, rows = (pages_lib, page_rows) if name.startswith("pages") else (shipped_lib, shipped_rows)
                res = evaluate(labels, rows, Roles(lib))
                per_part[name] = res
                agree += res["agree"]
                n += res["matched"]
                keys += res["keys"]
                keys_same += res["keys_same"]
            report[fold] = {"agree": agree, "n": n, "keys_same": keys_same, "keys": keys, "parts": per_part}
    if args.json:
        print(json.dumps({
            f: {"verdicts": f"{r['agree']}/{r['n']}", "key_recall": f"{r['keys_same']}/{r['keys']}",
                **{p: {"verdicts": f"{x['agree']}/{x['matched']}", "key_recall": f"{x['keys_same']}/{x['keys']}",
                       "unbacked": x["unbacked"]} for p, x in r["parts"].items()}}
            for f, r in report.items()
        }))  # fmt: skip
        return
    for fold, r in report.items():
        print(f"fold {fold}: verdicts {r['agree']}/{r['n']} ({r['agree'] / r['n']:.0%}), "
              f"key-record recall {r['keys_same']}/{r['keys']} ({r['keys_same'] / max(r['keys'], 1):.0%})")  # fmt: skip
        for name, x in r["parts"].items():
            kr = f", keys {x['keys_same']}/{x['keys']}" if x["keys"] else ""
            unb = f", unbacked {len(x['unbacked'])}" if x["unbacked"] else ""
            print(f"   {name:10} verdicts {x['agree']}/{x['matched']}{kr}{unb}"
                  + (f" (not found: {', '.join(x['unmatched'])})" if x["unmatched"] else ""))  # fmt: skip
    if args.errors:
        for name, x in report[args.errors]["parts"].items():
            print(f"\n== {name}")
            pairs = sorted(x["pairs"].items())
            print("   " + "; ".join(f"{w}->{g} {k}" for (w, g), k in pairs if w != g))
            for cid, want, got, why in x["disagreements"]:
                print(f"  {cid}: reference {want}, ketalit {got}: {why[:400]}")
            for cid, rec, want, got in x["missed_keys"]:
                print(f"  key {cid}: {rec} labelled {want}, ketalit {got}")


if __name__ == "__main__":
    main()
