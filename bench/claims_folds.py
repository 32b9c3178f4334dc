"""The evidence engine on three folds over all the label sets, to see whether a rule changed on one fold generalises.

    python bench/claims_folds.py                 # every fold: verdict agreement, supported precision, key recall
    python bench/claims_folds.py --errors A      # also every disagreement and missed key record of fold A only
    python bench/claims_folds.py --json
    python bench/claims_folds.py --kinds         # also the labelled verdict against the engine's, per labelled kind
    python bench/claims_folds.py --fit           # the thresholds of weighing.toml [verdict], by cross-validation

Every label set the engine may now be tuned on is cut into three folds, fixed before any rule of round 3 changed:

- the catalogue's labelled claims (the 36 in-sample verdicts of ``claim_verdicts.toml``, the dev claims of
  ``claims_dev.toml`` and the two measured held-out sets ``claims_heldout.toml`` and ``claims_heldout2.toml``) are
  matched to the shipped catalogue, and the claims (not the labels: a claim labelled in two sets stays in one fold)
  are dealt into the three folds in an order drawn with a fixed seed;
- the labelled pages (tuning p01-p08, held-out p02-p06 and, since they were measured, the heldout2 to heldout10
  pages p10-p59 and the heldout12 to heldout175 pages p66-p1042, the eleventh set having been lost; each checked as
  ``ketalit check`` does, so their propositions are the normaliser's) are dealt whole, as ``pages_eval.py`` FOLDS
  deals them (their one home), but for held-out p02 and tuning p07 (in C here) and held-out p06 (in A here):
  ``FOLD_PAGES`` below.

Scoring is ``claims_eval.py``'s: verdict agreement, and recall of the key records cited with the labelled stance;
besides, the precision of ``supported`` (of the engine's supported verdicts, how many the reviewers gave too).
Work on one fold's errors (``--errors A``) and read the other folds' figures: they say whether the change holds on
claims it was not made for. The next held-out set is not in the repository and is never read here.

``--fit`` links once, keeping each claim's evidence as read, then weighs that evidence again into verdicts under
every combination of ``FIT_GRID`` (the thresholds of ``data/weighing.toml`` [verdict]): for each fold, the
combination that scores best on the other two (verdict agreement, then ``supported`` precision) is scored on it,
beside the shipped values. Claims a person has reviewed keep their verdict (their stances may be the reviewer's).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from claims_eval import SETS, Roles, _norm, evaluate, load_labels, match_claim  # noqa: E402
from pages_eval import FOLDS as PAGE_FOLDS  # noqa: E402
from pages_eval import SETS as LABEL_SETS  # noqa: E402
from pages_eval import copy_library, label_files_of  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402
from ketalit.library import Library  # noqa: E402

PAGES = ROOT / "tests" / "pages"
SEED = 20261130
FOLDS = ("A", "B", "C")
CATALOGUE_SETS = ("insample", "dev", "heldout", "heldout2")
# The pages of each fold are pages_eval.FOLDS' (their one home), by name, without the shipped pages (whose claims are
# the catalogue's), but for three early held-out and tuning pages this tool dealt otherwise before either tool was
# measured (kept, so that no figure moves).
DEALT_OTHERWISE = {"p02": "C", "p06": "A", "p07": "C"}


def _fold_pages() -> dict[str, tuple[str, ...]]:
    fold_of = {p.split("/")[1]: f for f, pages in PAGE_FOLDS.items() for p in pages if not p.startswith("shipped/")}
    fold_of.update(DEALT_OTHERWISE)
    return {f: tuple(sorted((n for n, g in fold_of.items() if g == f), key=lambda n: int(n[1:]))) for f in FOLDS}


FOLD_PAGES = _fold_pages()
PAGE_SETS = tuple(s for s in LABEL_SETS if s != "shipped")  # the shipped pages' claims are the catalogue's
FIT_GRID = {
    "indirect_factor": (0.25, 0.5, 0.75),
    "large_trial": (100, 150, 300),
    "consistent_body": (3.0, 5.0, 8.0),
    "outweighs": (1.5, 2.0, 3.0),
}


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
            "kind": c.get("kind", ""),
        }
        for c in data.get("claim", [])
    ]


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
        for path in label_files_of(folder):
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


def scope_of(part: str) -> str:
    """The library a fold's part is scored against: "pages" for the checked pages, "shipped" for the catalogue."""
    return "pages" if part.startswith("pages") else "shipped"


@dataclass
class Linked:
    """The two linked copies of the library, scope ("shipped", "pages") -> (library, claim rows by id), the checked
    pages (page -> (document, label file)) and the labels dealt into the folds."""

    libs: dict[str, tuple[Library, dict[str, dict[str, Any]]]]
    documents: dict[str, tuple[str, Path]]
    folds: dict[str, list[tuple[str, list]]]

    @property
    def rows(self) -> dict[str, dict[str, dict[str, Any]]]:
        return {scope: rows for scope, (_, rows) in self.libs.items()}


def link_folds(tmp: Path, watcher: Any = None) -> Linked:
    """The shipped catalogue linked into one copy of the library, every labelled page checked into another (both
    under ``tmp``), and the labels dealt into the folds. A ``watcher`` (``Recorder`` or the like) is told which
    scope is being linked by its ``scope``."""
    if watcher is not None:
        watcher.scope = "shipped"
    shipped = link_catalogue(tmp)
    if watcher is not None:
        watcher.scope = "pages"
    pages_lib, page_rows, documents = check_pages(tmp)
    folds = fold_sets(shipped[1], documents)
    return Linked({"shipped": shipped, "pages": (pages_lib, page_rows)}, documents, folds)


def precision(pairs: Counter, side: str) -> tuple[int, int]:
    """(right, given): of the engine's verdicts on one side, how many the reviewers gave too."""
    given = sum(n for (_, got), n in pairs.items() if got == side)
    return pairs[(side, side)], given


class Recorder:
    """Keeps, while claims are linked, each claim and the evidence its verdict was weighed from (by scope)."""

    def __init__(self) -> None:
        import ketalit.claims.link as link

        self.link, self.scope = link, ""
        self.kept: dict[str, dict[str, tuple[Any, list]]] = {}
        self.real = link.verdict

        def verdict(claim: Any, evidence: list) -> tuple[str, str]:
            self.kept.setdefault(self.scope, {})[claim.id] = (claim, list(evidence))
            return self.real(claim, evidence)

        link.verdict = verdict


def matched(
    folds: dict[str, list[tuple[str, list]]], rows: dict[str, dict]
) -> Iterator[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    """Every labelled claim of the folds that matches a linked one (``rows``: scope -> the linked claims by id), in
    the folds' order: (fold, part, scope, label, linked claim); a claim labelled in two sets comes twice."""
    for fold, parts in folds.items():
        for name, labels in parts:
            scope = scope_of(name)
            for x in labels:
                if (row := match_claim(x, rows[scope])) is not None:
                    yield fold, name, scope, x, row


def labelled(
    folds: dict[str, list[tuple[str, list]]], rows: dict[str, dict]
) -> list[tuple[str, str, str, str, str, bool]]:
    """Every labelled claim that matches a linked one: (fold, labelled verdict, scope, claim id, the verdict as
    linked, whether a person reviewed the claim); a claim labelled in two sets is there twice, as the folds score it."""
    return [
        (fold, x["verdict"], scope, row["id"], row["verdict"], bool(row.get("reviewed")))
        for fold, _, scope, x, row in matched(folds, rows)
    ]


def fit(folds: dict[str, list[tuple[str, list]]], rows: dict[str, dict], recorder: Recorder) -> None:
    """Every combination of ``FIT_GRID`` scored on each fold; per fold, the best on the other two against it."""
    import itertools

    from ketalit.claims.weighing import weighing

    shipped = dict(weighing()["verdict"])
    items = labelled(folds, rows)
    names = list(FIT_GRID)
    scores: dict[tuple, dict[str, tuple[int, int, int]]] = {}
    for combo in [tuple(shipped[n] for n in names), *itertools.product(*FIT_GRID.values())]:
        weighing()["verdict"].update(zip(names, combo, strict=True))
        per_fold: dict[str, list[int]] = {f: [0, 0, 0] for f in FOLDS}  # agree, supported right, supported given
        for fold, want, scope, cid, kept, reviewed in items:
            claim_evidence = None if reviewed else recorder.kept.get(scope, {}).get(cid)
            got = recorder.real(*claim_evidence)[0] if claim_evidence else kept
            tally = per_fold[fold]
            tally[0] += got == want
            tally[1] += got == want == "supported"
            tally[2] += got == "supported"
        scores[combo] = {f: (a, r, g) for f, (a, r, g) in per_fold.items()}
    weighing()["verdict"].update(shipped)
    here = tuple(shipped[n] for n in names)
    n = Counter(fold for fold, *_ in items)

    def key(combo: tuple, on: list[str]) -> tuple[int, float]:
        a = sum(scores[combo][f][0] for f in on)
        r, g = sum(scores[combo][f][1] for f in on), sum(scores[combo][f][2] for f in on)
        return a, r / g if g else 1.0

    print(f"{len(scores)} combinations of {', '.join(names)} (the shipped values among them: {here})")
    for fold in FOLDS:
        others = [f for f in FOLDS if f != fold]
        best = max(scores, key=lambda c: key(c, others))
        for label, combo in (("best on " + "+".join(others), best), ("shipped", here)):
            a, r, g = scores[combo][fold]
            print(f"fold {fold}: {label:12} {combo}: on the other two {key(combo, others)[0]}; "
                  f"on {fold} verdicts {a}/{n[fold]}, supported {r}/{g}")  # fmt: skip


def shipped_kinds() -> dict[str, list[tuple[str, str]]]:
    """document -> [(quote, labelled kind)] of every claim of the five shipped pages (tests/pages/shipped): the
    catalogue's verdict labels carry no kind."""
    out: dict[str, list[tuple[str, str]]] = {}
    for path in label_files_of("shipped"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out[data["page"]["id"]] = [(_norm(c["quote"]), c["kind"]) for c in data.get("claim", [])]
    return out


def labelled_kind(item: dict[str, Any], row: dict[str, Any], shipped: dict[str, list[tuple[str, str]]]) -> str:
    """The labelled kind of a matched claim: the page label's, or for a catalogue claim the shipped page's label of
    the sentence its quote is part of ("" when none is)."""
    if item.get("kind"):
        return str(item["kind"])
    q = _norm(row["quote"])
    for quote, kind in shipped.get(row["document"], []):
        if q and (q in quote or quote in q):
            return kind
    return ""


def kind_rows(folds: dict[str, list[tuple[str, list]]], rows: dict[str, dict]) -> list[dict[str, Any]]:
    """Every labelled claim that matches a linked one, with its labelled kind and the engine's."""
    shipped = shipped_kinds()
    out = []
    for fold, name, _, x, row in matched(folds, rows):
        out.append({
            "fold": fold, "set": name, "id": row["id"], "document": row["document"],
            "label_kind": labelled_kind(x, row, shipped), "kind": row["kind"], "want": x["verdict"],
            "got": row["verdict"], "reviewed": bool(row.get("reviewed")),
            "quote": (row["lead_in"] + " " if row.get("lead_in") else "") + row["quote"],
            "explanation": row["explanation"],
        })  # fmt: skip
    return out


VERDICT_ORDER = ("supported", "mixed", "contradicted", "insufficient", "no_evidence", "not_checkable")


def print_kinds(items: list[dict[str, Any]]) -> None:
    """Per labelled kind, the labelled verdict (rows) against the engine's (columns): once over the claims whose kind
    the engine read right, once over all matched claims (claims a person reviewed left out: not the engine's)."""
    short = {"supported": "sup", "mixed": "mix", "contradicted": "con", "insufficient": "ins", "no_evidence": "noev",
             "not_checkable": "n/c"}  # fmt: skip
    engine = [x for x in items if not x["reviewed"]]
    print(
        f"\n{len(items)} labelled claims matched, {len(items) - len(engine)} with a person's verdict left out; "
        f"kind unknown for {sum(not x['label_kind'] for x in engine)}"
    )
    for title, chosen in (("kind read right", [x for x in engine if x["kind"] == x["label_kind"]]),
                          ("all matched", engine)):  # fmt: skip
        print(f"\n== {title}: per labelled kind, agreeing; then labelled -> engine (rows: labelled)")
        kinds = sorted({x["label_kind"] for x in chosen}, key=lambda k: -sum(x["label_kind"] == k for x in chosen))
        for kind in kinds:
            mine = [x for x in chosen if x["label_kind"] == kind]
            agree = sum(x["want"] == x["got"] for x in mine)
            per_fold = " ".join(
                f"{f} {sum(x['want'] == x['got'] for x in mine if x['fold'] == f)}/{sum(x['fold'] == f for x in mine)}"
                for f in FOLDS
            )
            print(f"{kind or '?':<13} {agree:>3}/{len(mine):<3} ({agree / len(mine):4.0%})   {per_fold}")
            pairs = Counter((x["want"], x["got"]) for x in mine)
            for want in VERDICT_ORDER:
                if any(w == want for w, _ in pairs):
                    cells = ", ".join(f"{short[g]} {pairs[(want, g)]}" for g in VERDICT_ORDER if pairs[(want, g)])
                    print(f"    {short[want]:>4} -> {cells}")


def print_kind_errors(items: list[dict[str, Any]]) -> None:
    """Every disagreement of a claim whose kind the engine read right, by labelled kind."""
    print("\n== disagreements with the kind read right, by kind")
    for x in sorted(items, key=lambda x: (x["label_kind"], x["want"], x["got"], x["fold"], x["set"])):
        if x["reviewed"] or x["kind"] != x["label_kind"] or x["want"] == x["got"]:
            continue
        print(f"[{x['label_kind']}] {x['want']} -> {x['got']}  {x['fold']} {x['set']} {x['id']}: {x['quote'][:150]}")
        print(f"      {x['explanation'][:420]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", choices=FOLDS, help="print the disagreements and missed keys of this fold")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the two linked libraries in this (new) folder, to look into")
    ap.add_argument("--fit", action="store_true", help="fit the verdict thresholds by cross-validation (see above)")
    ap.add_argument(
        "--kinds",
        action="store_true",
        help="also the verdicts per labelled kind, and (with --errors) every disagreement by kind",
    )
    args = ap.parse_args()
    recorder = Recorder() if args.fit else None
    with tempfile.TemporaryDirectory() as t:
        tmp = args.keep or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        linked = link_folds(tmp, recorder)
        folds = linked.folds
        if recorder:
            fit(folds, linked.rows, recorder)
            return
        report: dict[str, Any] = {}
        for fold, parts in folds.items():
            per_part = {}
            for name, labels in parts:
                lib, rows = linked.libs[scope_of(name)]
                per_part[name] = evaluate(labels, rows, Roles(lib))
            report[fold] = per_part
        items = kind_rows(folds, linked.rows) if args.kinds else []
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
        if args.kinds:
            print(json.dumps({"claims": items}))
            return
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
    if args.kinds:
        print_kinds(items)
        if args.errors:
            print_kind_errors(items)


if __name__ == "__main__":
    main()
