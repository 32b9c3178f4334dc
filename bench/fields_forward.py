"""The proposition's other fields, read by the rules as they were at each unseen set's first look, and under verdicts.

    python bench/fields_forward.py                # per field, the rules' first-look agreement on heldout5 .. heldout10
    python bench/fields_forward.py --folds        # the current product on every labelled page: field errors under
                                                  # wrong verdicts (the pages `claims_folds.py` checks, matched as it
                                                  # matches them)
    python bench/fields_forward.py --folds --oracle   # and each field set to its labelled value, linked again
    python bench/fields_forward.py --model outcome    # a trained reading of one field, tested forward in time

**First look** (`claims_forward.py`'s machinery): for each set k of `FORWARD`, the rules of the commit on main when
k was first measured (`FIRST_LOOK`, run from the history in a separate process) read every page of k; each labelled
claim they found (matched one to one as `pages_eval` matches) is scored field by field as `pages_eval` scores it
(`field_right`: routes, population and outcome as sets of ids; regimen as single | infusion | repeated | none;
direction by the engine verbs that express the label's; polarity; comparator by family; quantity within 10%). The
rules of that time had no trained kind model, so each field is read from the rules' own kind, as it was then.

**Under verdicts** (`--folds`): every labelled page of `claims_folds.PAGE_SETS` is checked as `claims_folds.py`
checks it (the current product, with the trained kind model), each labelled claim is matched to a checked claim as
`claims_eval.match_claim` matches it, and each field of the stored proposition is scored against the label. Per field:
how many wrong verdicts and how many right ones have that field wrong, and how many wrong verdicts have it as their
only wrong field. The labelled pages are in-sample for the rules and for the kind model, so this says where verdict
errors sit on pages the product was tuned on, not what a new page will show.

**A trained reading of a list field** (`--model outcome | population`), tested forward in time as
`claims_forward.py` tests the kind model: for each set k of `FORWARD`, trained only on the sets labelled before k,
scored on the labelled claims of k that the rules of k's first look found, against those rules' reading of the
field. Features of a claim: the kind model's (`kind_model.features`: the wordllama embeddings of its words, heading
and lead-in, and the structural features), the rules' kind (one-hot over the kinds and "none"), the rules' value of
the field (multi-hot over the vocabulary's ids of its axis) and the condition the rules say the page is about (its
context population, multi-hot). Training rows are the labelled claims of the training sets (quote, lead-in, and the
heading of the unit the quote overlaps most, as `claims_forward.kind_rows`), with the reading of the rule candidate
matched to each (kind "none" and no ids when the rules missed it), the rules being those of k's first look, as
`claims_forward.py` does. One standardised logistic regression per id (multi-label: an id is in the set when its
probability is >= 0.5); an id labelled on fewer than `MIN_POSITIVE` training claims (or missing from fewer than
`MIN_POSITIVE`) keeps the rules' reading of it. One C for all ids, chosen from `FIELD_C` by cross-validation grouped
by page (5 folds) on the training sets only, for exact-set agreement. Scored as `pages_eval` scores the field (the
exact set of ids).

**Decision, written down before the first run of `--model`**: for each field on its own, ship its model only if
its forward mean agreement over the six sets (each set weighing the same) is at least `SHIP_MARGIN` (0.05) above the
mean of the rules' first looks on the same claims, and it is below the rules' first look on at most one of the six
sets. A model that passes is then integrated and judged on the folds (in-sample for it, so they can only show harm):
recommended for merging only if no fold gains a wrong `supported` (`claims_folds.py`) and the verdicts agreed,
summed over the three folds, do not fall; otherwise it is reported and not recommended.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_forward import FIRST_LOOK, FORWARD, ORDER, SHIP_MARGIN, page_jobs, run_at  # noqa: E402
from pages_eval import (  # noqa: E402
    FIELDS,
    REGIMENS,
    field_right,
    label_files_of,
    locate,
    match,
    page_meta,
    page_source,
    stored_fields,
)

from ketalit._compat import tomllib  # noqa: E402
from ketalit.claims.catalogue import KINDS  # noqa: E402

# Each rule candidate of a page with its proposition, as the rules of an old commit read it (no trained model then).
_RUN_OLD_FIELDS = """
import json, sys
from pathlib import Path
import ketalit
from ketalit.claims.check import page_claims
from ketalit.claims.normalise import page_context
from ketalit.claims.pages import read_page
out = {"__file__": ketalit.__file__}
for name, path, title, url, clinic, stem in json.load(sys.stdin):
    read = read_page(Path(path).read_bytes(), Path(path).name, title, url, clinic)
    context = page_context(read.text, read.title, read.url, read.clinic).population
    rows = []
    for c, n in page_claims(read.text, read.title, read.url, read.clinic, stem):
        q = n.quantity
        rows.append({
            "quote": c.quote, "lead_in": c.lead_in, "heading": c.heading, "previous": getattr(c, "previous", ""),
            "kind": n.kind, "routes": n.routes, "regimen": n.regimen, "population": n.population,
            "outcome": n.outcomes, "direction": n.direction, "polarity": n.polarity, "comparator": n.comparator,
            "quantity": [q.name, q.low, q.high] if q else None,
        })
    out[name] = {"population": context, "claims": rows}
print(json.dumps(out))
"""


def fields_at(commit: str, label_paths: list[Path]) -> dict[str, dict[str, Any]]:
    """Each page's rule candidates with their propositions (``claims``) and the condition the page is about
    (``population``, its context), as the code of `commit` reads them."""
    out = run_at(commit, _RUN_OLD_FIELDS, page_jobs(label_paths))
    for page in out.values():
        for r in page["claims"]:
            r["quantity"] = tuple(r["quantity"]) if r["quantity"] else None
    return out


def page_flat(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """A labelled page's normalised text (as `pages_eval` locates quotes in it) and its labelled claims."""
    from pages_eval import _norm

    from ketalit.claims.pages import read_page

    labels = tomllib.loads(path.read_text(encoding="utf-8"))
    source = page_source(path, labels, False)
    meta = page_meta(labels)
    read = read_page(source.read_bytes(), source.name, meta.get("title"), meta.get("url"), meta.get("clinic"))
    return _norm(read.text), labels.get("claim", [])


def matched_fields(path: Path, found: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(label, found) of every labelled claim of a page that a found claim matches, one to one."""
    flat, labels = page_flat(path)
    spans = [locate(flat, lab["quote"]) or (0, 0) for lab in labels]
    pairs = match(spans, [locate(flat, f["quote"]) or (0, 0) for f in found])
    return [(labels[i], found[j]) for i, j in sorted(pairs.items())]


def first_looks() -> None:
    files = {s: label_files_of(s) for s in ORDER}
    table: dict[str, Counter] = {}
    missed: Counter = Counter()  # (field, missed | added, id): the ids behind the list fields' disagreements
    for k in FORWARD:
        commit = FIRST_LOOK[k][0]
        found = fields_at(commit, files[k])
        tally: Counter = Counter()
        for path in files[k]:
            for label, f in matched_fields(path, found[f"{k}/{path.name.split('.')[0]}"]["claims"]):
                tally["claims"] += 1
                tally["kind"] += f["kind"] == label["kind"]
                for name in FIELDS:
                    tally[name] += field_right(name, label, f)[0]
                for name in LIST_FIELDS:
                    want, got = set(label.get(name, [])), set(f[name])
                    missed.update((name, "missed", i) for i in want - got)
                    missed.update((name, "added", i) for i in got - want)
        table[k] = tally
        print(f"{k} (rules of {commit}): " + ", ".join(f"{n} {tally[n]}/{tally['claims']}" for n in ("kind", *FIELDS)))
    print()
    print(f"| field | {' | '.join(FORWARD)} | mean |")
    print(f"| --- | {' | '.join('---' for _ in FORWARD)} | --- |")
    for name in ("kind", *FIELDS):
        cells = [f"{table[k][name]}/{table[k]['claims']} = {table[k][name] / table[k]['claims']:.2f}" for k in FORWARD]
        mean = sum(table[k][name] / table[k]["claims"] for k in FORWARD) / len(FORWARD)
        print(f"| {name} | {' | '.join(cells)} | {mean:.2f} |")
    for name in LIST_FIELDS:
        for way in ("missed", "added"):
            top = sorted(((n, i) for (f, w, i), n in missed.items() if f == name and w == way), reverse=True)
            print(f"{name} ids the rules {way} (all six sets): " + ", ".join(f"{i} {n}" for n, i in top[:8]))


def checked_pages(tmp: Path) -> tuple[Any, dict[str, Any], list[tuple[str, dict[str, Any], str]]]:
    """Every labelled page checked as `claims_folds.py` checks it: the library, the checked claims by id, and (page,
    label, claim id) of every labelled claim matched to a checked one (unmatched ones have no id)."""
    from claims_eval import match_claim
    from claims_folds import check_pages

    lib, rows, documents = check_pages(tmp)
    pairs = []
    for stem, (document, path) in sorted(documents.items()):
        for label in tomllib.loads(path.read_text(encoding="utf-8")).get("claim", []):
            row = match_claim({"id": "", "document": document, "quote": label["quote"]}, rows)
            pairs.append((stem, label, row["id"] if row else ""))
    return lib, rows, pairs


def under_verdicts(lib: Any, rows: dict[str, Any], pairs: list[tuple[str, dict[str, Any], str]]) -> None:
    from ketalit.claims.pages import read_catalogue

    stored = {c["id"]: c for c in read_catalogue(lib.root)["claim"]}
    wrong: Counter = Counter()
    right: Counter = Counter()
    only: Counter = Counter()
    n = {"wrong": 0, "right": 0, "unmatched": 0}
    wrong_supported: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for stem, label, cid in pairs:
        if not cid:
            n["unmatched"] += 1
            continue
        row = rows[cid]
        found = stored_fields(stored[cid])
        bad = [f for f in ("kind", *FIELDS) if not (found["kind"] == label["kind"] if f == "kind"
                                                     else field_right(f, label, found)[0])]  # fmt: skip
        ok = row["verdict"] == label["verdict"]
        side = right if ok else wrong
        n["right" if ok else "wrong"] += 1
        side.update(bad)
        side["none wrong"] += not bad
        if not ok and len(bad) == 1:
            only[bad[0]] += 1
        if not ok and row["verdict"] == "supported":
            wrong_supported.update(bad)
            wrong_supported["claims"] += 1
        if not ok:
            for f in bad:
                examples.setdefault(f, []).append(f"{stem} {label['verdict']}->{row['verdict']}: {label['quote'][:80]}")
    print(f"labelled page claims matched: {n['wrong'] + n['right']} ({n['unmatched']} not extracted)")
    print(f"verdicts wrong {n['wrong']}, right {n['right']}; wrong supported {wrong_supported['claims']}")
    print("| field | wrong under a wrong verdict | wrong under a right verdict | the only wrong field of a wrong "
          "verdict | wrong under a wrong `supported` |")  # fmt: skip
    print("| --- | --- | --- | --- | --- |")
    for f in ("kind", *FIELDS, "none wrong"):
        print(
            f"| {f} | {wrong[f]}/{n['wrong']} ({wrong[f] / n['wrong']:.0%}) | {right[f]}/{n['right']} "
            f"({right[f] / n['right']:.0%}) | {only[f] if f != 'none wrong' else '-'} | {wrong_supported[f]} |"
        )
    for f, lines in examples.items():
        print(f"\n{f} wrong under a wrong verdict ({len(lines)}):")
        print("\n".join("  " + x for x in lines[:12]))


# The labelled value of a field as the catalogue stores it (the oracle below), for the fields whose label and
# engine values are the same ids.
ORACLE = {
    "population": ("settings", lambda lab: list(lab.get("population", []))),
    "outcome": ("outcomes", lambda lab: list(lab.get("outcome", []))),
    "routes": ("routes", lambda lab: list(lab.get("routes", []))),
    "regimen": ("regimen", lambda lab: REGIMENS.get(lab["regimen"], lab["regimen"])),
}


def oracle(lib: Any, rows: dict[str, Any], pairs: list[tuple[str, dict[str, Any], str]]) -> None:
    """Each field (and population with outcome) set to its labelled value on every matched claim where it differs,
    those claims linked again: how many verdicts would turn right or wrong if the field were read as labelled."""
    from ketalit.claims.check import link_claims
    from ketalit.claims.pages import read_catalogue, write_catalogue

    original = read_catalogue(lib.root)
    wanted = {cid: label for _, label, cid in pairs if cid}
    print("| field(s) read as labelled | claims changed | verdicts right before -> after | gained | lost |"
          " wrong `supported` before -> after |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- |")
    for names in (("population",), ("outcome",), ("routes",), ("regimen",), ("population", "outcome")):
        catalogue = read_catalogue(lib.root)
        changed = set()
        for c in catalogue["claim"]:
            label = wanted.get(c["id"])
            if label is None:
                continue
            for name in names:
                key, value = ORACLE[name]
                v = value(label)
                if (c.get(key) or None) != (v or None):
                    if v:
                        c[key] = v
                    else:
                        c.pop(key, None)
                    changed.add(c["id"])
        write_catalogue(lib.root, catalogue)
        relinked = {r["id"]: r["verdict"] for r in link_claims(lib, ids=changed)} if changed else {}
        write_catalogue(lib.root, original)
        before = after = gained = lost = ws_before = ws_after = 0
        for _, label, cid in pairs:
            if not cid:
                continue
            was, now = rows[cid]["verdict"], relinked.get(cid, rows[cid]["verdict"])
            before += was == label["verdict"]
            after += now == label["verdict"]
            gained += now == label["verdict"] != was
            lost += was == label["verdict"] != now
            ws_before += was == "supported" != label["verdict"]
            ws_after += now == "supported" != label["verdict"]
        print(f"| {' + '.join(names)} | {len(changed)} | {before} -> {after} | +{gained} | -{lost} |"
              f" {ws_before} -> {ws_after} |", flush=True)  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# A trained reading of a list field, tested forward in time

LIST_FIELDS = {"outcome": "outcome", "population": "setting"}  # field -> the vocabulary's axis of its ids
FIELD_C = (0.003, 0.01, 0.03, 0.1, 0.3)
MIN_POSITIVE = 5  # an id labelled on fewer training claims keeps the rules' reading
RULE_KINDS = (*sorted(KINDS), "none")


def axis_ids(axis: str) -> list[str]:
    from ketalit.tagging.tagger import default_vocabulary

    return list(default_vocabulary().ids(axis))


def field_features(rows: list[dict[str, Any]], field: str) -> np.ndarray:
    """One row per claim: the kind model's features with the rules' kind, then the rules' value of the field and
    the page's context population (multi-hot)."""
    from ketalit.claims.kind_model import features

    ids = axis_ids(LIST_FIELDS[field])
    settings = axis_ids("setting")
    base = features(
        [r["quote"] for r in rows],
        [r["lead_in"] for r in rows],
        [r["heading"] for r in rows],
        [r["kind"] for r in rows],
        list(RULE_KINDS),
    )
    value = np.array([[float(i in r[field]) for i in ids] for r in rows]).reshape(len(rows), -1)
    context = np.array([[float(i in r["context"]) for i in settings] for r in rows]).reshape(len(rows), -1)
    return np.hstack([base, value, context])


class FieldModel:
    """One logistic regression per id; ids too rarely labelled keep the rules' reading."""

    def __init__(self, ids: list[str], c: float) -> None:
        self.ids, self.c = ids, c
        self.scale: Any = None
        self.models: dict[str, Any] = {}

    def fit(self, x: np.ndarray, truth: list[set[str]]) -> FieldModel:
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        self.scale = StandardScaler().fit(x)
        xs = self.scale.transform(x)
        for i in self.ids:
            y = np.array([i in t for t in truth])
            if y.sum() >= MIN_POSITIVE and (~y).sum() >= MIN_POSITIVE:
                self.models[i] = LogisticRegression(C=self.c, max_iter=5000).fit(xs, y)
        return self

    def predict(self, x: np.ndarray, rules: list[list[str]]) -> list[list[str]]:
        xs = self.scale.transform(x)
        prob = {i: m.predict_proba(xs)[:, 1] for i, m in self.models.items()}
        return [[i for i in self.ids if (prob[i][n] >= 0.5 if i in prob else i in rules[n])] for n in range(len(rules))]


def exact(predicted: list[list[str]], truth: list[set[str]]) -> float:
    return float(np.mean([set(p) == t for p, t in zip(predicted, truth, strict=True)])) if truth else 0.0


def fit_field(rows: list[dict[str, Any]], field: str) -> tuple[FieldModel, str]:
    """The model with C chosen by cross-validation grouped by page, for exact-set agreement."""
    from sklearn.model_selection import GroupKFold

    ids = axis_ids(LIST_FIELDS[field])
    x = field_features(rows, field)
    truth = [set(r["label"]) for r in rows]
    groups = [r["page"] for r in rows]
    scores = {}
    for c in FIELD_C:
        got = []
        for tr, va in GroupKFold(n_splits=5).split(x, groups=groups):
            m = FieldModel(ids, c).fit(x[tr], [truth[n] for n in tr])
            got.append(exact(m.predict(x[va], [rows[n][field] for n in va]), [truth[n] for n in va]))
        scores[c] = float(np.mean(got))
    best = max(FIELD_C, key=lambda c: scores[c])  # the smallest C among equals
    model = FieldModel(ids, best).fit(x, truth)
    return model, f"C={best} inner exact-set agreement {scores[best]:.2f}; {len(model.models)} ids learned"


def field_rows(path: Path, page_name: str, found: dict[str, Any], field: str, all_labels: bool) -> list[dict]:
    """The rows of one page: every labelled claim (for training, with the reading of the rule candidate matched to
    it, none when the rules missed it) or only those the rules found (for scoring, read from the candidate)."""
    from claims_forward import kind_rows
    from claims_learned import load_page

    page = load_page(path)
    labels = tomllib.loads(path.read_text(encoding="utf-8")).get("claim", [])
    cands = found["claims"]
    spans = [locate(page.flat, c["quote"]) or (0, 0) for c in cands]
    pairs = match([lab[0] for lab in page.labels], spans)
    out = []
    if all_labels:
        from claims_learned import Unit

        units = kind_rows(page, [(Unit(c["quote"], c["lead_in"], c["heading"], sp), c["kind"]) for c, sp in
                                 zip(cands, spans, strict=True)])  # fmt: skip
        for i, ((unit, _), label) in enumerate(zip(units, labels, strict=True)):
            rule = cands[pairs[i]] if i in pairs else None
            out.append({
                "page": page_name, "quote": unit.text, "lead_in": unit.lead, "heading": unit.heading,
                "kind": rule["kind"] if rule else "none", field: rule[field] if rule else [],
                "context": found["population"], "label": label.get(field, []), "item": label,
            })  # fmt: skip
    else:
        for i, j in sorted(pairs.items()):
            c = cands[j]
            out.append({**c, "page": page_name, "context": found["population"], "label": labels[i].get(field, []),
                        "item": labels[i], "rule": c})  # fmt: skip
    return out


def forward_field(field: str) -> None:
    files = {s: label_files_of(s) for s in ORDER}
    rules_mean, model_mean = [], []
    cells = []
    for k in FORWARD:
        before = ORDER[: ORDER.index(k)]
        commit = FIRST_LOOK[k][0]
        found = fields_at(commit, [f for s in (*before, k) for f in files[s]])

        def name(path: Path) -> str:
            return f"{path.parent.name}/{path.name.split('.')[0]}"

        train = [r for s in before for f in files[s] for r in field_rows(f, name(f), found[name(f)], field, True)]
        test = [r for f in files[k] for r in field_rows(f, name(f), found[name(f)], field, False)]
        model, info = fit_field(train, field)
        predicted = model.predict(field_features(test, field), [r[field] for r in test])
        rules_right = sum(field_right(field, r["item"], r["rule"])[0] for r in test)
        model_right = sum(
            field_right(field, r["item"], {**r["rule"], field: p})[0] for r, p in zip(test, predicted, strict=True)
        )
        changed = sum(sorted(p) != sorted(r[field]) for r, p in zip(test, predicted, strict=True))
        n = len(test)
        rules_mean.append(rules_right / n)
        model_mean.append(model_right / n)
        cells.append((k, rules_right, model_right, n))
        print(f"{k}: trained on {len(train)} labelled claims of {', '.join(before)}; rules of {commit}; {info}")
        print(f"  {field} on the {n} claims the rules found: rules {rules_right}/{n} = {rules_right / n:.2f}, "
              f"model {model_right}/{n} = {model_right / n:.2f} ({changed} readings changed)", flush=True)  # fmt: skip
    print()
    print(f"| {field} on the first look's claims | {' | '.join(FORWARD)} | mean |")
    print(f"| --- | {' | '.join('---' for _ in FORWARD)} | --- |")
    for label, col in (("rules, first look", 1), ("model with the rules' reading", 2)):
        row = [f"{c[col]}/{c[3]} = {c[col] / c[3]:.2f}" for c in cells]
        mean = float(np.mean(rules_mean if col == 1 else model_mean))
        print(f"| {label} | {' | '.join(row)} | {mean:.2f} |")
    worse = sum(m < r for r, m in zip(rules_mean, model_mean, strict=True))
    gain = float(np.mean(model_mean) - np.mean(rules_mean))
    ships = gain >= SHIP_MARGIN and worse <= 1
    print(f"decision (fixed before the first run): mean {gain:+.2f}, below the rules on {worse} of {len(FORWARD)} "
          f"sets: {'ship' if ships else 'does not ship'}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", action="store_true", help="the current product: field errors under wrong verdicts")
    ap.add_argument("--oracle", action="store_true", help="with --folds: each field set to its label, relinked")
    ap.add_argument("--model", choices=tuple(LIST_FIELDS), help="a trained reading of this field, forward in time")
    args = ap.parse_args()
    if args.model:
        forward_field(args.model)
    elif args.folds:
        with tempfile.TemporaryDirectory() as t:
            lib, rows, pairs = checked_pages(Path(t))
            under_verdicts(lib, rows, pairs)
            if args.oracle:
                print()
                oracle(lib, rows, pairs)
    else:
        first_looks()


if __name__ == "__main__":
    main()
