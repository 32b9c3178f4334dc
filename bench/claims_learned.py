"""Does a small trained sentence classifier find clinic-page claims on unseen pages better than the rules do?

    python bench/claims_learned.py                      # leave one fold out over the three folds of pages_eval
    python bench/claims_learned.py --test-set NAME      # train on all three folds, score tests/pages/NAME/ once

**Units.** Each page is read as `ketalit check` reads it (`read_page`, the plain-text copy) and cut where the
extractor cuts it: lines, list items (the extractor's bullet pattern; a numbered heading is a heading), headings (the
extractor's own test) and sentences (the extractor's own splitter). Every sentence and every list item is a unit,
with the heading above it and, for a list item, the lead-in of its list. A unit is a claim when it overlaps a
labelled claim's quote as `pages_eval` matches them (shared characters at least half of each).

**Claim classifier.** TF-IDF of the unit's word 1-2-grams (optionally also character 2-5-grams), plus the word
1-2-grams of its heading and lead-in as separate features; logistic regression with balanced class weights. C and
the character n-grams are chosen by grouped cross-validation (by page) on the training pages only, for F1 at
probability 0.5. The **kind classifier** is the same model trained on the labelled claims' quotes (with lead-in
and heading) and their kinds, C chosen the same way for accuracy.

**Scored, per held-out fold**, exactly as `pages_eval --no-link` scores extraction (one-to-one matching, largest
overlap first): (a) the rules (`page_claims`, as `ketalit check` extracts); (b) the classifier alone (units with
probability >= 0.5); (c) rules AND classifier (a rule candidate is kept when the classifier gives its quote, lead-in
and heading >= 0.5); (d) rules OR confident classifier (rule candidates, plus units with probability >= 0.9 that
no rule candidate overlaps). Thresholds 0.5 and 0.9 were fixed before any figure was seen. Kind: on the claims the
rules found correctly, `normalise.guess_kind` (through `page_claims`) against the kind classifier; and the kind
classifier on the claims (b) found correctly.

The rules were written on all three folds, so their figures here are in-sample; the classifier's are out of fold.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages_eval import FOLDS, PAGES, _norm, locate, match, page_meta, page_source, substantial  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402

CLAIM_AT = 0.5  # the classifier's threshold for a claim (b, c)
CONFIDENT_AT = 0.9  # the threshold at which it adds a claim the rules did not find (d)


@dataclass
class Unit:
    text: str
    lead: str
    heading: str
    span: tuple[int, int]  # in the page's normalised text (as pages_eval locates quotes)
    item: bool = False  # a list item (with or without a lead-in)


@dataclass
class Page:
    name: str
    units: list[Unit]
    is_claim: list[bool]
    labels: list[tuple[tuple[int, int], str, str, str]]  # span, kind, quote, lead-in
    rules: list[tuple[Unit, str]]  # each rule candidate as a unit, with the kind normalise gives it
    nonclaims: list[tuple[int, int]] = field(default_factory=list)  # the labelled non-claims' spans
    flat: str = ""  # the page's normalised text, in which every span is


def page_units(text: str) -> list[tuple[str, str, str, bool]]:
    """(text, lead-in, heading, list item or not) of every sentence and list item of a page, cut as the extractor
    cuts it."""
    from ketalit.claims.extract import _BULLET, _is_heading, _numbered_heading, sentences

    out: list[tuple[str, str, str, bool]] = []
    heading = lead = ""
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            continue
        bullet = _BULLET.match(raw)
        numbered = bullet is not None and _numbered_heading(lines, i)
        if bullet and not numbered:
            out.append((raw[bullet.end() :].strip(), lead, heading, True))
            continue
        lead = ""
        if numbered or _is_heading(stripped):
            heading = raw[bullet.end() :].strip() if bullet else stripped
            continue
        spans = sentences(stripped, 0)
        out.extend((s.text, "", heading, False) for s in spans)
        if stripped.endswith(":") and spans:
            lead = spans[-1].text
    return out


def load_page(label_path: Path) -> Page:
    from ketalit.claims.check import page_claims
    from ketalit.claims.pages import read_page

    labels = tomllib.loads(label_path.read_text(encoding="utf-8"))
    source = page_source(label_path, labels, False)
    meta = page_meta(labels)
    read = read_page(source.read_bytes(), source.name, meta.get("title"), meta.get("url"), meta.get("clinic"))
    flat = _norm(read.text)
    units: list[Unit] = []
    cursor = 0
    for text, lead, heading, listed in page_units(read.text):
        at = flat.find(_norm(text), cursor)
        if at < 0:
            continue
        cursor = at + len(_norm(text))
        units.append(Unit(text, lead, heading, (at, cursor), listed))
    spans = []
    for item in labels.get("claim", []):
        span = locate(flat, item["quote"])
        if span is None:
            raise SystemExit(f"{label_path}: claim {item.get('n')}: quote not found in {source.name}")
        spans.append((span, item["kind"], item["quote"], item.get("lead_in", "")))
    is_claim = [any(substantial(u.span, s[0]) for s in spans) for u in units]
    rules = [
        (Unit(c.quote, c.lead_in, c.heading, locate(flat, c.quote) or (0, 0)), n.kind)
        for c, n in page_claims(read.text, read.title, read.url, read.clinic, label_path.name.split(".")[0], False)
    ]
    nonclaims = [s for s in (locate(flat, nc["quote"]) for nc in labels.get("nonclaim", [])) if s is not None]
    name = f"{label_path.parent.name}/{label_path.name.split('.')[0]}"
    return Page(name, units, is_claim, spans, rules, nonclaims, flat)


def rows(units: list[Unit], headings: bool = True) -> np.ndarray:
    """The model's input: a unit's words, and those of its heading (unless left out) and lead-in."""
    return np.array([[u.text, f"{u.heading if headings else ''} | {u.lead}"] for u in units], dtype=object).reshape(
        -1, 2
    )


def _chars():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)


def model():
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    parts = [
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), 0),
        ("context", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), 1),
        ("chars", _chars(), 0),
    ]
    return Pipeline(
        [
            ("features", ColumnTransformer(parts)),
            ("clf", LogisticRegression(class_weight="balanced", max_iter=2000)),
        ]
    )


def fit(x: np.ndarray, y: list, groups: list[str], scoring: str):
    """The model, its C and character n-grams chosen by cross-validation grouped by page."""
    from sklearn.model_selection import GridSearchCV, GroupKFold

    grid = GridSearchCV(
        model(),
        {"clf__C": [0.3, 1.0, 3.0, 10.0, 30.0], "features__chars": [_chars(), "drop"]},
        scoring=scoring,
        cv=GroupKFold(n_splits=4),
        n_jobs=1,
    )
    grid.fit(x, y, groups=groups)
    best = grid.best_params_
    chars = "off" if best["features__chars"] == "drop" else "on"
    return grid.best_estimator_, f"C={best['clf__C']}, chars {chars}, inner {scoring} {grid.best_score_:.2f}"


def train(pages: list[Page]):
    units = [u for p in pages for u in p.units]
    y = [c for p in pages for c in p.is_claim]
    groups = [p.name for p in pages for _ in p.units]
    claim_model, claim_info = fit(rows(units), y, groups, "f1")
    kinds = [(Unit(q, lead, "", s), k, p.name) for p in pages for s, k, q, lead in p.labels]
    kind_model, kind_info = fit(
        rows([k[0] for k in kinds], False), [k[1] for k in kinds], [k[2] for k in kinds], "accuracy"
    )
    return claim_model, kind_model, claim_info, kind_info


@dataclass
class Score:
    extracted: int = 0
    matched: int = 0
    labelled: int = 0

    def add(self, labels: list[tuple[int, int]], found: list[tuple[int, int]]) -> dict[int, int]:
        pairs = match(labels, found)
        self.extracted += len(found)
        self.matched += len(pairs)
        self.labelled += len(labels)
        return pairs

    def row(self, name: str) -> str:
        p = self.matched / self.extracted if self.extracted else 0.0
        r = self.matched / self.labelled if self.labelled else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"  {name:<32} {self.extracted:>5} {self.matched:>5} {self.labelled:>5}   {p:.2f}  {r:.2f}  {f:.2f}"


def score(name: str, pages: list[Page], claim_model, kind_model) -> None:
    from sklearn.metrics import roc_auc_score

    ways = (
        "every unit (base rate)",
        "(a) rules",
        "(b) classifier",
        "(c) rules AND classifier",
        "(d) rules OR confident",
    )
    scores = {k: Score() for k in ways}
    truth: list[bool] = []
    probs: list[float] = []
    kind = {"rules": [0, 0], "kind classifier on (a)'s": [0, 0], "kind classifier on (b)'s": [0, 0]}
    for p in pages:
        label_spans = [s[0] for s in p.labels]
        prob = claim_model.predict_proba(rows(p.units))[:, 1] if p.units else np.array([])
        truth += p.is_claim
        probs += list(prob)
        rule_units = [u for u, _ in p.rules]
        rule_prob = claim_model.predict_proba(rows(rule_units))[:, 1] if rule_units else np.array([])
        rule_spans = [u.span for u in rule_units]
        scores["every unit (base rate)"].add(label_spans, [u.span for u in p.units])
        found_a = scores["(a) rules"].add(label_spans, rule_spans)
        chosen = [u for u, pr in zip(p.units, prob, strict=True) if pr >= CLAIM_AT]
        found_b = scores["(b) classifier"].add(label_spans, [u.span for u in chosen])
        scores["(c) rules AND classifier"].add(
            label_spans, [u.span for u, pr in zip(rule_units, rule_prob, strict=True) if pr >= CLAIM_AT]
        )
        extra = [
            u.span
            for u, pr in zip(p.units, prob, strict=True)
            if pr >= CONFIDENT_AT and not any(substantial(u.span, s) for s in rule_spans)
        ]
        scores["(d) rules OR confident"].add(label_spans, rule_spans + extra)
        guessed = kind_model.predict(rows(rule_units, False)) if rule_units else []
        for i, j in found_a.items():
            kind["rules"][0] += p.rules[j][1] == p.labels[i][1]
            kind["kind classifier on (a)'s"][0] += guessed[j] == p.labels[i][1]
            kind["rules"][1] += 1
            kind["kind classifier on (a)'s"][1] += 1
        guessed_b = kind_model.predict(rows(chosen, False)) if chosen else []
        for i, j in found_b.items():
            kind["kind classifier on (b)'s"][0] += guessed_b[j] == p.labels[i][1]
            kind["kind classifier on (b)'s"][1] += 1
    print(f"  {'claim detection':<32} {'found':>5} {'right':>5} {'claims':>5}   prec  recall F1")
    for k, s in scores.items():
        print(s.row(k))
    print(f"  classifier's ranking of units (threshold-free): ROC AUC {roc_auc_score(truth, probs):.2f}")
    for k, (right, n) in kind.items():
        print(f"  kind, {k + ' matched claims':<40} {right}/{n} = {right / n if n else 0:.2f}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test-set", help="train on all folds and score this set folder of tests/pages/ once")
    args = ap.parse_args()
    folds = {f: [load_page(PAGES / f"{page}.labels.toml") for page in pages] for f, pages in FOLDS.items()}
    if args.test_set:
        files = sorted((PAGES / args.test_set).glob("*.labels.toml"))
        if not files:
            raise SystemExit(f"no labelled pages in {PAGES / args.test_set}/")
        tests = {
            f"set {args.test_set} (trained on folds {', '.join(folds)})": (
                [p for f in folds.values() for p in f],
                [load_page(x) for x in files],
            )
        }
    else:
        tests = {
            f"fold {f} held out (trained on {', '.join(g for g in folds if g != f)})": (
                [p for g, ps in folds.items() if g != f for p in ps],
                folds[f],
            )
            for f in folds
        }
    for name, (train_pages, test_pages) in tests.items():
        units = sum(len(p.units) for p in train_pages)
        positive = sum(sum(p.is_claim) for p in train_pages)
        covered = sum(any(substantial(u.span, lab[0]) for u in p.units) for p in test_pages for lab in p.labels)
        labelled = sum(len(p.labels) for p in test_pages)
        claim_model, kind_model, claim_info, kind_info = train(train_pages)
        print(name)
        print(f"  trained on {units} units ({positive} claims); claim model: {claim_info}; kind model: {kind_info}")
        print(f"  labelled claims any unit overlaps (the classifier's recall ceiling): {covered}/{labelled}")
        score(name, test_pages, claim_model, kind_model)


if __name__ == "__main__":
    main()
