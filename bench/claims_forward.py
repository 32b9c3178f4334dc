"""Would a trained sentence model have found the claims of the next unseen clinic pages better than the rules did?

    python bench/claims_forward.py                 # the forward test over heldout5 .. heldout10 (half an hour of CPU)
    python bench/claims_forward.py --only heldout7 # one step of it
    python bench/claims_forward.py --write         # train the kind model on every set into the package

**A forward test.** The labelled page sets were labelled in the order of `ORDER`. For each set k of `FORWARD`, the
model is trained only on the sets labelled before it and scored on k, which is what it would have scored had it
been shipped then. Beside it stand the rules as they were when k was first measured: the extraction code of the
commit on main at that measurement (`FIRST_LOOK`, taken from the history with `git archive` and run in a separate
process), so the rules' figures are their first look at the set, reproduced, and (c) and (d) below combine the
model with the rules it would have been shipped beside. The published first-look figures are printed with them.

**Units and scoring** as `claims_learned.py`: every sentence and list item of a page, cut as the extractor cuts
it, with its heading and list lead-in; a unit is a claim when it overlaps a labelled quote substantially. Each way of
extracting is scored as `pages_eval --no-link` scores extraction (quotes located in the page's normalised text,
one-to-one matching, largest overlap first); *non-claims taken* counts the labelled `[[nonclaim]]` quotes that an
extracted span overlaps substantially (`pages_eval` counts only those then given a verdict, so the rules' published
figure is at most this one).

**Features** of a unit: the wordllama sentence embedding (the 256-dimension model inside the package, as
`ketalit.semantic` loads it) of the unit, of its heading and of its lead-in (zeros when there is none), and the
structural features of `structure()` (the drug, an infusion or a treatment named in the unit, lead-in or heading;
a pronoun subject; list item; lead-in; heading; question; hedge words; first and second person; a number; a call to
action; evidence words; length). Variant (b+) adds the rules' own decision (the unit overlaps a rule candidate of
the commit of `FIRST_LOOK`; on the training pages those rules are in-sample, as they were when shipped).

**Models**: standardised features, logistic regression; C (and class weights for the kind model) chosen by
cross-validation grouped by page on the training sets only (F1 for claims, accuracy for kinds). The kind model is
trained on the labelled claims (quote, lead-in, and the heading of the unit the quote overlaps most) and their
kinds; variant (+rules) adds the rules' kind of the candidate matched to each claim (one-hot, none when the rules
missed it).

**Ways of extracting**, thresholds fixed before any forward figure was seen: (a) the rules at first look; (b) the
model, units with probability >= 0.5; (b+) the same with the rules' decision as a feature; (c) rules AND model:
a rule candidate is kept when the model gives it (its quote, lead-in and heading) >= 0.5; (d) rules OR confident
model: rule candidates plus units with probability >= 0.9 that no rule candidate overlaps.

**Decision, written down before the first forward run**: ship a model only if the mean over the six forward
sets of the F1 of (b), (b+), (c) or (d) is at least 0.05 above the mean F1 of the rules' first looks (a) while
taking no more labelled non-claims in total than (a) did; or if the kind model's mean kind accuracy on the claims (a)
found is at least 0.05 above the rules' mean first-look kind accuracy on the same claims.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_learned import Page, Unit, load_page  # noqa: E402
from pages_eval import ROOT, SETS, label_files_of, locate, match, page_meta, page_source, substantial  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402
from ketalit.claims.kind_model import STRUCTURE, WEIGHTS, structure  # noqa: E402

ORDER = SETS  # the order they were labelled in (the eleventh set was lost)
FORWARD = tuple(f"heldout{n}" for n in range(5, 11))
# The later forward test (claims_veto.py --later, round 36): the sets measured once each in rounds 24-35, whose first
# looks are the rules of a known commit (the first twenty-eighth set's first look was of a set since lost and replaced).
LATER = tuple(f"heldout{n}" for n in (24, 25, 26, 27, 29, 30, 31, 32, 33))
# The commit on main when each set was first measured, and the figures published then (bench/README.md, "Held-out
# pages #5" to "#33"): precision, recall, kind, non-claims given a verdict.
FIRST_LOOK: dict[str, tuple[str, float, float, float, str]] = {
    "heldout5": ("afafbfa", 0.77, 0.69, 0.66, "7/32"),
    "heldout6": ("b89d788", 0.64, 0.78, 0.67, "14/33"),
    "heldout7": ("8a749b7", 0.83, 0.63, 0.63, "7/35"),
    "heldout8": ("44a1f36", 0.77, 0.96, 0.80, "13/38"),
    "heldout9": ("5f6e2fd", 0.71, 0.89, 0.69, "10/37"),
    "heldout10": ("4ff737a", 0.59, 0.74, 0.62, "10/32"),
    "heldout24": ("d876a5a", 0.84, 0.72, 0.63, "7/35"),
    "heldout25": ("dae81e8", 0.80, 0.82, 0.75, "10/32"),
    "heldout26": ("ecf9b95", 0.74, 0.80, 0.75, "11/32"),
    "heldout27": ("e7b76a1", 0.70, 0.80, 0.81, "8/31"),
    "heldout29": ("53e60be", 0.90, 0.74, 0.72, "4/23"),
    "heldout30": ("51b922f", 0.63, 0.57, 0.64, "15/36"),
    "heldout31": ("0feff3c", 0.87, 0.65, 0.69, "7/36"),
    "heldout32": ("1d87384", 0.85, 0.81, 0.66, "8/39"),
    "heldout33": ("d933b2b", 0.58, 0.67, 0.79, "20/40"),
}
CLAIM_AT = 0.5  # the model's threshold for a claim (b, b+, c)
CONFIDENT_AT = 0.9  # the threshold at which it adds a unit the rules did not take (d)
C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
SHIP_MARGIN = 0.05


class Embedder:
    """wordllama embeddings of texts, each text embedded once; an empty text is a zero vector."""

    def __init__(self) -> None:
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        from ketalit.semantic import embed

        new = sorted({t for t in texts if t.strip() and t not in self.cache})
        for t, v in zip(new, embed(new), strict=True):
            self.cache[t] = v
        zero = np.zeros(256, dtype=np.float32)
        return np.array([self.cache[t] if t.strip() else zero for t in texts]).reshape(-1, 256)


def features(units: list[Unit], embedder: Embedder, extra: list[list[float]] | None = None) -> np.ndarray:
    parts = [
        embedder([u.text for u in units]),
        embedder([u.heading for u in units]),
        embedder([u.lead for u in units]),
        np.array([structure(u.text, u.lead, u.heading, u.item) for u in units], dtype=float).reshape(
            -1, len(STRUCTURE)
        ),
    ]
    if extra is not None:
        parts.append(np.array(extra, dtype=float).reshape(len(units), -1))
    return np.hstack(parts)


def fit(x: np.ndarray, y: list, groups: list[str], scoring: str, class_weights: tuple = ("balanced",)):
    """Standardised logistic regression, C (and class weights) chosen by cross-validation grouped by page."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, GroupKFold
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression(max_iter=5000))])
    grid = GridSearchCV(
        pipe,
        {"clf__C": list(C_GRID), "clf__class_weight": list(class_weights)},
        scoring=scoring,
        cv=GroupKFold(n_splits=5),
        n_jobs=1,
    )
    grid.fit(x, y, groups=groups)
    best = grid.best_params_
    return (
        grid.best_estimator_,
        f"C={best['clf__C']} weights={best['clf__class_weight']} inner {scoring} {grid.best_score_:.2f}",
    )


# ---------------------------------------------------------------------------------------------------------------
# The rules as they were at a commit

_RUN_OLD_RULES = """
import json, sys
from pathlib import Path
import ketalit
from ketalit.claims.check import page_claims
from ketalit.claims.pages import read_page
out = {"__file__": ketalit.__file__}
for name, path, title, url, clinic, stem in json.load(sys.stdin):
    read = read_page(Path(path).read_bytes(), Path(path).name, title, url, clinic)
    out[name] = [
        [c.quote, c.lead_in, c.heading, n.kind]
        for c, n in page_claims(read.text, read.title, read.url, read.clinic, stem)
    ]
print(json.dumps(out))
"""


def page_jobs(label_paths: list[Path]) -> list[list[Any]]:
    """What a script run at an old commit reads of each labelled page: its name, source file, title, url, clinic
    and stem."""
    jobs = []
    for path in label_paths:
        labels = tomllib.loads(path.read_text(encoding="utf-8"))
        meta = page_meta(labels)
        stem = path.name.split(".")[0]
        source = page_source(path, labels, False)
        jobs.append(
            [f"{path.parent.name}/{stem}", str(source), meta.get("title"), meta.get("url"), meta.get("clinic"), stem]
        )
    return jobs


def run_at(commit: str, script: str, jobs: list[list[Any]]) -> dict[str, Any]:
    """The output of ``script`` (given ``jobs`` as JSON on stdin) run on the ``src`` of ``commit``, by page name.
    The script must report ``ketalit.__file__`` as ``__file__``: it proves the old code, not the installed
    package, was run."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        run = subprocess.run(
            [sys.executable, "-c", script], input=json.dumps(jobs), capture_output=True, text=True, env=env
        )
        if run.returncode:
            raise SystemExit(f"the rules of {commit} failed: {run.stderr.strip().splitlines()[-1]}")
        out: dict[str, Any] = json.loads(run.stdout)
        if not out.pop("__file__").startswith(tmp):
            raise SystemExit(f"the rules of {commit} were not the ones run (the installed package shadowed them)")
    return out


def rules_at(commit: str, label_paths: list[Path]) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each page's rule candidates (quote, lead-in, heading, kind) as the extraction code of `commit` finds them."""
    out = run_at(commit, _RUN_OLD_RULES, page_jobs(label_paths))
    return {k: [tuple(c) for c in v] for k, v in out.items()}


def step_inputs(
    k: str, files: dict[str, list[Path]], pages: dict[str, list[Page]]
) -> tuple[tuple[str, ...], list[Page], str, dict[str, list[tuple[str, str, str, str]]]]:
    """What the forward step on set ``k`` reads: the sets before it, their pages (the training), the commit of
    ``k``'s first look, and that commit's rule candidates on the training pages and on ``k``."""
    before = ORDER[: ORDER.index(k)]
    train = [p for s in before for p in pages[s]]
    commit = FIRST_LOOK[k][0]
    return before, train, commit, rules_at(commit, [f for s in (*before, k) for f in files[s]])


def rule_units(page: Page, found: list[tuple[str, str, str, str]]) -> list[tuple[Unit, str]]:
    return [(Unit(q, lead, heading, locate(page.flat, q) or (0, 0)), kind) for q, lead, heading, kind in found]


# ---------------------------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Tally:
    extracted: int = 0
    matched: int = 0
    labelled: int = 0
    nonclaims: int = 0
    kind_right: int = 0
    kind_of: int = 0

    def add(self, page: Page, found: list[tuple[int, int]]) -> dict[int, int]:
        pairs = match([s[0] for s in page.labels], found)
        self.extracted += len(found)
        self.matched += len(pairs)
        self.labelled += len(page.labels)
        self.nonclaims += sum(any(substantial(n, f) for f in found) for n in page.nonclaims)
        return pairs

    def kinds(self, page: Page, pairs: dict[int, int], kinds: list[str]) -> None:
        for i, j in pairs.items():
            self.kind_right += kinds[j] == page.labels[i][1]
            self.kind_of += 1

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.extracted if self.extracted else 0.0
        r = self.matched / self.labelled if self.labelled else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind(self) -> float:
        return self.kind_right / self.kind_of if self.kind_of else 0.0


WAYS = (
    "(a) rules, first look",
    "(b) model",
    "(b+) model with the rules' decision",
    "(c) rules AND model",
    "(d) rules OR confident model",
)
KINDS = (
    "rules' kind on (a)'s claims",
    "kind model on (a)'s claims",
    "kind model (+rules) on (a)'s claims",
    "kind model on (b)'s claims",
)


def kind_rows(page: Page, rules: list[tuple[Unit, str]]) -> list[tuple[Unit, str]]:
    """Each labelled claim as a unit (heading from the unit it overlaps most) with the kind the rules gave it."""
    out = []
    found = match([s[0] for s in page.labels], [u.span for u, _ in rules])
    for i, (span, _kind, quote, lead) in enumerate(page.labels):
        best = max(page.units, key=lambda u: min(u.span[1], span[1]) - max(u.span[0], span[0]), default=None)
        heading = best.heading if best is not None and substantial(best.span, span) else ""
        out.append((Unit(quote, lead, heading, span), rules[found[i]][1] if i in found else "none"))
    return out


def one_hot(kinds: list[str], names: list[str]) -> list[list[float]]:
    return [[float(k == n) for n in names] for k in kinds]


def forward_step(
    train: list[Page], test: list[Page], rules: dict[str, list[tuple[str, str, str, str]]], embedder: Embedder
) -> tuple[dict[str, Tally], dict[str, Tally], list[str]]:
    info = []
    ruled = {p.name: rule_units(p, rules[p.name]) for p in train + test}

    def rule_flags(p: Page) -> list[list[float]]:
        spans = [u.span for u, _ in ruled[p.name]]
        return [[float(any(substantial(u.span, s) for s in spans))] for u in p.units]

    units = [u for p in train for u in p.units]
    y = [c for p in train for c in p.is_claim]
    groups = [p.name for p in train for _ in p.units]
    claim_model, text = fit(features(units, embedder), y, groups, "f1")
    info.append(f"claim model: {text}")
    flags = [f for p in train for f in rule_flags(p)]
    claim_model_r, text = fit(features(units, embedder, flags), y, groups, "f1")
    info.append(f"claim model with the rules' decision: {text}")

    kinds_train = [
        (p.name, u, rk, lab[1])
        for p in train
        for (u, rk), lab in zip(kind_rows(p, ruled[p.name]), p.labels, strict=True)
    ]
    kind_names = sorted({k for *_, k in kinds_train} | {"none"})
    kx = [u for _, u, _, _ in kinds_train]
    ky = [k for *_, k in kinds_train]
    kg = [g for g, *_ in kinds_train]
    weights = ("balanced", None)
    kind_model, text = fit(features(kx, embedder), ky, kg, "accuracy", weights)
    info.append(f"kind model: {text}")
    kind_model_r, text = fit(
        features(kx, embedder, one_hot([rk for _, _, rk, _ in kinds_train], kind_names)), ky, kg, "accuracy", weights
    )
    info.append(f"kind model with the rules' kind: {text}")

    ways = {w: Tally() for w in WAYS}
    kinds = {k: Tally() for k in KINDS}
    for p in test:
        cands = ruled[p.name]
        cand_units = [u for u, _ in cands]
        cand_spans = [u.span for u in cand_units]
        prob = claim_model.predict_proba(features(p.units, embedder))[:, 1] if p.units else np.zeros(0)
        prob_r = (
            claim_model_r.predict_proba(features(p.units, embedder, rule_flags(p)))[:, 1] if p.units else np.zeros(0)
        )
        cand_prob = claim_model.predict_proba(features(cand_units, embedder))[:, 1] if cands else np.zeros(0)
        pairs_a = ways[WAYS[0]].add(p, cand_spans)
        chosen = [u for u, pr in zip(p.units, prob, strict=True) if pr >= CLAIM_AT]
        pairs_b = ways[WAYS[1]].add(p, [u.span for u in chosen])
        ways[WAYS[2]].add(p, [u.span for u, pr in zip(p.units, prob_r, strict=True) if pr >= CLAIM_AT])
        ways[WAYS[3]].add(p, [s for s, pr in zip(cand_spans, cand_prob, strict=True) if pr >= CLAIM_AT])
        extra = [
            u.span
            for u, pr in zip(p.units, prob, strict=True)
            if pr >= CONFIDENT_AT and not any(substantial(u.span, s) for s in cand_spans)
        ]
        ways[WAYS[4]].add(p, cand_spans + extra)
        kinds[KINDS[0]].kinds(p, pairs_a, [k for _, k in cands])
        if cands:
            kinds[KINDS[1]].kinds(p, pairs_a, list(kind_model.predict(features(cand_units, embedder))))
            hot = one_hot([k for _, k in cands], kind_names)
            kinds[KINDS[2]].kinds(p, pairs_a, list(kind_model_r.predict(features(cand_units, embedder, hot))))
        if chosen:
            kinds[KINDS[3]].kinds(p, pairs_b, list(kind_model.predict(features(chosen, embedder))))
    return ways, kinds, info


def labelled_kinds(pages: list[Page]) -> list[tuple[str, Unit, str, str]]:
    """Each labelled claim of ``pages``: its page, the claim as a unit, the kind the current rules give it (as `check`
    reads each page; "none" when they missed it) and its labelled kind."""
    return [
        (p.name, u, rk, lab[1]) for p in pages for (u, rk), lab in zip(kind_rows(p, p.rules), p.labels, strict=True)
    ]


def fit_kind_model(
    train: list[Page], embedder: Embedder
) -> tuple[Any, str, list[str], list[tuple[str, Unit, str, str]], np.ndarray]:
    """The kind model with the current rules' kind, trained on ``train``'s labelled claims: (model, how it was
    chosen, the rules' kind names of its one-hot feature, the training rows, their features)."""
    rows = labelled_kinds(train)
    kind_names = sorted({k for *_, k in rows} | {"none"})
    x = features([u for _, u, _, _ in rows], embedder, one_hot([rk for _, _, rk, _ in rows], kind_names))
    model, text = fit(x, [k for *_, k in rows], [g for g, *_ in rows], "accuracy", ("balanced", None))
    return model, text, kind_names, rows, x


def write(train: list[Page], embedder: Embedder) -> None:
    """Train the kind model with the rules' kind (the current rules, as `check` reads each page) on every labelled
    page and write its weights into the package (`ketalit.claims.kind_model` reads them)."""
    from ketalit.claims import kind_model

    model, text, kind_names, rows, x = fit_kind_model(train, embedder)
    scale, clf = model.named_steps["scale"], model.named_steps["clf"]
    weights = {
        "mean": scale.mean_.astype(np.float32),
        "scale": scale.scale_.astype(np.float32),
        "coef": clf.coef_.astype(np.float32),
        "intercept": clf.intercept_.astype(np.float32),
        "classes": np.array(clf.classes_, dtype=str),
        "rule_kinds": np.array(kind_names, dtype=str),
    }
    sample = [u for _, u, _, _ in rows[:100]]
    package = kind_model.features(
        [u.text for u in sample],
        [u.lead for u in sample],
        [u.heading for u in sample],
        [rk for _, _, rk, _ in rows[:100]],
        kind_names,
    )
    if not np.allclose(package, x[:100], atol=1e-4):
        raise SystemExit("the package computes other features than this script: nothing written")
    same = (clf.classes_[kind_model._probabilities(weights, x).argmax(axis=1)] == model.predict(x)).mean()
    np.savez_compressed(WEIGHTS, **weights)
    print(f"kind model trained on {len(train)} pages, {len(rows)} claims ({text}); {same:.3f} of its training")
    print(f"predictions read back the same from {WEIGHTS.relative_to(ROOT)} ({WEIGHTS.stat().st_size} bytes)")


def labelled_sets(sets: tuple[str, ...] = ORDER) -> tuple[dict[str, list[Path]], dict[str, list[Page]]]:
    """Each set's label files, and its pages read from them."""
    files = {s: label_files_of(s) for s in sets}
    return files, {s: [load_page(f) for f in files[s]] for s in sets}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=FORWARD, help="one step of the forward test")
    ap.add_argument("--write", action="store_true", help="train the kind model on every set and write it")
    args = ap.parse_args()
    files, pages = labelled_sets()
    embedder = Embedder()
    if args.write:
        write([p for s in ORDER for p in pages[s]], embedder)
        return
    results = {}
    for k in FORWARD:
        if args.only and k != args.only:
            continue
        before, train, commit, rules = step_inputs(k, files, pages)
        unplaced = sum(locate(p.flat, q) is None for p in pages[k] for q, *_ in rules[p.name])
        ways, kinds, info = forward_step(train, pages[k], rules, embedder)
        results[k] = (ways, kinds)
        n_units = sum(len(p.units) for p in train)
        print(f"{k}: trained on {', '.join(before)} ({len(train)} pages, {n_units} units); rules of {commit}")
        for line in info:
            print(f"  {line}")
        if unplaced:
            print(f"  {unplaced} rule candidates not found in the current reading of the pages (they match nothing)")
        _, p0, r0, k0, nc0 = FIRST_LOOK[k]
        print(f"  published first look: P {p0:.2f} R {r0:.2f} kind {k0:.2f}, non-claims given a verdict {nc0}")
        print(f"  {'':<40} {'found':>5} {'right':>5} {'claims':>6}  prec  recall  F1   non-claims taken")
        nonclaims = sum(len(x.nonclaims) for x in pages[k])
        for w, t in ways.items():
            p, r, f = t.prf
            counts = f"{t.extracted:>5} {t.matched:>5} {t.labelled:>6}"
            print(f"  {w:<40} {counts}  {p:.2f}  {r:.2f}   {f:.2f}  {t.nonclaims}/{nonclaims}")
        for name, t in kinds.items():
            print(f"  kind, {name:<42} {t.kind_right}/{t.kind_of} = {t.kind:.2f}")
        print(flush=True)
    if len(results) < len(FORWARD):
        return
    print(f"mean over {', '.join(FORWARD)} (each set weighs the same)")
    print(f"  {'':<40} prec  recall  F1    non-claims taken (total)")
    f1 = {}
    taken = {}
    for w in WAYS:
        prf = np.mean([results[k][0][w].prf for k in FORWARD], axis=0)
        f1[w] = prf[2]
        taken[w] = sum(results[k][0][w].nonclaims for k in FORWARD)
        print(f"  {w:<40} {prf[0]:.2f}  {prf[1]:.2f}   {prf[2]:.2f}  {taken[w]}")
    kind_mean = {name: float(np.mean([results[k][1][name].kind for k in FORWARD])) for name in KINDS}
    for name, m in kind_mean.items():
        print(f"  kind, {name:<42} {m:.2f}")
    base = WAYS[0]
    wins = [w for w in WAYS[1:] if f1[w] >= f1[base] + SHIP_MARGIN and taken[w] <= taken[base]]
    kind_wins = [n for n in KINDS[1:3] if kind_mean[n] >= kind_mean[KINDS[0]] + SHIP_MARGIN]
    print(
        f"decision (fixed before the first run): claims {'ship ' + ', '.join(wins) if wins else 'none ships'}; "
        f"kinds {'ship ' + ', '.join(kind_wins) if kind_wins else 'none ships'}"
    )


if __name__ == "__main__":
    main()
