"""Would a claim model trained on the rules' own candidates, and told why the rules took each, have withheld the
verdicts of the next unseen pages' non-claims while keeping nearly all of their claims?

    python bench/claims_candidates.py                   # the forward test over heldout5 .. heldout10
    python bench/claims_candidates.py --only heldout7   # one step of it
    python bench/claims_candidates.py --list            # and each non-claim the rules take, each claim withheld
    python bench/claims_candidates.py --dev             # a dry run on heldout4 (not one of the deciding sets)

**The question.** `claims_veto.py` used the sentence model of round 11 (trained on every sentence of the labelled
pages) as a veto on the rules' candidates: at a threshold chosen on the training sets it withheld 13 of the 61
non-claims the rules take on heldout5 .. heldout10 (21%, the bar was 40%), because among the candidates it ranks the
claims little above the non-claims (ROC AUC 0.69-0.85): the non-claims the rules take read like claims. Here the
model is trained on the rules' candidates only (the sentences the extraction rules take, a claim when a labelled
claim overlaps it), and is given what could tell them apart: why the rules took the sentence, what they read in it,
the kind model's reading, and the sentence's grammar, beside the embeddings.

**A forward test**, as `claims_veto.py` and `claims_forward.py` do it: for each set k of `FORWARD`, the model is
trained only on the sets labelled before k; the test candidates are those of the rules of the commit on main when k
was first measured (`FIRST_LOOK`), run in a separate process on each page as `ketalit check` reads it. Scoring,
matching and the threshold are claims_veto's (imported): claims the rules find (labelled claims matched one to one to
a candidate) and those vetoed (*claims withheld*); non-claims the rules take (labelled `[[nonclaim]]` quotes a
candidate overlaps substantially) and those no unvetoed candidate overlaps (*non-claims withheld*).

**Training rows**, two ways (each a veto with its own model and threshold), one set of candidates per training page:
- (C0) the candidates of the rules at k (`FIRST_LOOK[k]`), as claims_veto scores its training pages; on those pages
  the rules are in-sample, as they were when shipped, so they take few non-claims there;
- (C1) the candidates of the rules as they were when the page's set was itself first measured (`FIRST_SEEN`: the
  commit on main before anyone could tune on the set: shipped, heldout, heldout2, heldout3 and heldout4 from the
  history, tests/pages/README.md and bench/README.md; heldout5 .. from `FIRST_LOOK`), which is what the rules take on
  pages they have not seen; the rules at k for the tuning pages, which never had a first look. Every such commit was
  in the history, and every such set labelled, before k was measured, so this is forward too. The earliest rules
  (shipped's) have no `page_claims`: they are run as `check` ran them then (the page's text, its own context).
A row is a claim when it overlaps a labelled claim substantially (`pages_eval.substantial`); a candidate that cannot
be placed in the page's text is left out of training.

**Features of a candidate** (`row_matrix`; `HAND` names the columns after the embeddings):
- (embeddings) wordllama embeddings of its quote, heading and lead-in, and the sixteen structural features of the
  kind model (`claims_forward.features`, with the list-item flag as claims_veto sets it);
- (the rules' reading, from the code of the commit that took it) which rule took it and how (`why`: the sentence, its
  lead-in or a pronoun after ketamine names it; the heading names it; it says what patients get; a condition
  responds; a clause of it; a yes to a question; read with the sentence before; and the word it refers through:
  the drug's name, a pronoun or a generic treatment word; whether the effect it asserts is a form of "use"); a clause
  kept, a sentence before it; the rules' kind (one-hot); what normalisation set (routes, regimen, population,
  outcomes, direction, negative polarity, comparator, severity, exposure, quantity, topic, checkable);
- (the kind model) a kind model trained per step as the product's is (embeddings, structure and the rules' kind, on
  the training pages' labelled claims): its highest probability, the probability of the rules' kind, whether it
  agrees with the rules; on the training pages out of fold (the same five parts as below);
- (grammar, stated on grammar and written for this test) the grammatical subject (the words before the first verb,
  after a leading adverbial): the drug, a person, the clinic, a disease, another treatment, a study, other; tense
  and modality (past, present perfect, will, can/may/might/could, would/should/must, "is/are used", a form of
  "use"); a definition ("X is a ..."); negation; a comparison; "only"; an outcome word; a number with a unit; a
  year; history words; a leading adverbial ("However", "Today", "Even so"); the heading's kind (what is, how,
  risks, history or about, cost, why or benefits, a condition) and the lead-in's (ends in a colon, names a
  condition, names people, "such as"); the position on the page (start over length).

**The model**: standardised features, logistic regression with balanced class weights. On the training rows alone,
by cross-validation grouped by page (five parts, stratified; fewer when fewer pages have a row that is not a claim;
ROC AUC): C from claims_forward's grid, and whether the
embeddings are used at all (with ~800 columns against a few hundred rows they may only add noise).

**Choosing the threshold, on the training sets only**, as claims_veto: out-of-fold probabilities (five parts grouped
by page, the settings chosen on all training pages) for the training rows' candidates (C0: the rules at k; C1: the
first looks); t is the largest that vetoes at most floor(5% x n) of the n training claims they find (matched one to
one), a candidate vetoed below t.

**Decision, written down before the first run** (the same bars as claims_veto, imported from it): a veto passes
when, summed over heldout5 .. heldout10, it withholds at least 40% of the non-claims the rules take, while
withholding at most 6% of the claims the rules find, and on no single set more than 15% of that set's claims. C1
ships if it passes; else C0 if it passes; if both pass, the one withholding more non-claims (C1 on a tie). If
neither passes, nothing ships. Also printed, not deciding: the ROC AUC of the candidates (claims against the rest,
as claims_veto prints it) per set, against claims_veto's (`VETO12_AUC`); fixed thresholds 0.5, 0.3, 0.2, 0.1; the
rules' precision / recall / F1 without and with each veto.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_forward import (  # noqa: E402
    C_GRID,
    FIRST_LOOK,
    FORWARD,
    ORDER,
    Embedder,
    features,
    fit,
    labelled_sets,
    one_hot,
    page_jobs,
    run_at,
)
from claims_learned import Page, Unit  # noqa: E402
from claims_veto import (  # noqa: E402
    FIXED,
    INNER_SPLITS,
    Count,
    Scored,
    candidates,
    print_step,
    scored,
    summary,
    threshold,
    vetoed,
)
from pages_eval import locate, match, substantial  # noqa: E402

from ketalit.claims.catalogue import KINDS  # noqa: E402

# The commit on main when each set was first measured, before anyone could tune on it: shipped (extraction as merged,
# tuned on tuning/ only: tests/pages/README.md), heldout (911cde3's parent, "added after extraction was final"),
# heldout2 (main before round 3), heldout3 and heldout4 (bench/README.md, "Held-out pages #3" and "#4"), and the
# forward sets. The tuning pages were written on from the start: they have none.
FIRST_SEEN = {
    "shipped": "e9fd417",
    "heldout": "9dcfa4a",
    "heldout2": "589da37",
    "heldout3": "110e706",
    "heldout4": "4296a12",
    **{k: v[0] for k, v in FIRST_LOOK.items()},
}
VETO12_AUC = {
    "heldout5": 0.82,
    "heldout6": 0.75,
    "heldout7": 0.85,
    "heldout8": 0.72,
    "heldout9": 0.69,
    "heldout10": 0.76,
}
WAYS = ("C1", "C0")
DEV = "heldout4"  # the dry run: a set before the deciding ones, with the rules of its own first look

# ---------------------------------------------------------------------------------------------------------------
# The rules' full reading of each candidate, as the code of a commit gives it

_RUN = """
import json, sys
from pathlib import Path
import ketalit
try:
    from ketalit.claims.check import page_claims
    from ketalit.claims.pages import read_page
except ImportError:  # the first rules (shipped's first look) read a page's text with its own first lines as context
    from ketalit.claims.extract import extract_claims
    from ketalit.claims.normalise import normalise, page_context
    read_page = None
    def page_claims(text, title, url, clinic, document):
        context = page_context(text)
        return [(c, normalise(c, text, context)) for c in extract_claims(text, document)]
out = {"__file__": ketalit.__file__}
for name, path, title, url, clinic, stem in json.load(sys.stdin):
    if read_page is None:
        text, title, url, clinic = Path(path).read_text(encoding="utf-8"), "", "", ""
    else:
        read = read_page(Path(path).read_bytes(), Path(path).name, title, url, clinic)
        text, title, url, clinic = read.text, read.title, read.url, read.clinic
    rows = []
    for c, n in page_claims(text, title, url, clinic, stem):
        rows.append({
            "quote": c.quote, "lead": c.lead_in, "heading": c.heading, "section": getattr(c, "section", ""),
            "why": c.why, "clause": getattr(c, "clause", ""), "previous": getattr(c, "previous", ""),
            "position": c.start / max(1, len(text)),
            "kind": n.kind, "routes": len(n.routes), "regimen": bool(getattr(n, "regimen", None)),
            "population": len(n.population), "outcomes": len(n.outcomes), "direction": n.direction,
            "polarity": n.polarity, "comparator": bool(getattr(n, "comparator", None)),
            "severity": bool(getattr(n, "severity", None)), "exposure": bool(getattr(n, "exposure", None)),
            "quantity": getattr(n, "quantity", None) is not None, "topic": bool(getattr(n, "topic", "")),
            "checkable": bool(getattr(n, "checkable", True)),
        })
    out[name] = rows
print(json.dumps(out))
"""

_READINGS: dict[tuple[str, str], list[dict[str, Any]]] = {}


def readings_at(commit: str, label_paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """Each page's rule candidates with the rules' reading of them, as the extraction code of `commit` gives them
    (claims_forward.rules_at, with every field the rules set)."""
    todo = [p for p in label_paths if (commit, f"{p.parent.name}/{p.name.split('.')[0]}") not in _READINGS]
    if todo:
        for name, rows in run_at(commit, _RUN, page_jobs(todo)).items():
            _READINGS[(commit, name)] = rows
    return {
        f"{p.parent.name}/{p.name.split('.')[0]}": _READINGS[(commit, f"{p.parent.name}/{p.name.split('.')[0]}")]
        for p in label_paths
    }


# ---------------------------------------------------------------------------------------------------------------
# Features


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


WHY = (
    (
        "the sentence names it",
        lambda w: w.startswith("refers to ketamine") and "in the lead-in" not in w and "after a subject" not in w,
    ),
    ("a pronoun after ketamine", lambda w: w.startswith("refers to ketamine") and "after a subject" in w),
    ("the lead-in names it", lambda w: w.startswith("refers to ketamine") and "in the lead-in" in w),
    ("the heading names it, what patients get", lambda w: w.startswith("under the heading") and "patients get" in w),
    ("the heading names it", lambda w: w.startswith("under the heading") and "patients get" not in w),
    ("what patients get", lambda w: w.startswith("says what patients get")),
    ("a condition responds", lambda w: w.startswith("says how a condition responds")),
    ("a clause of it", lambda w: w.startswith("the clause")),
    ("a yes to a question", lambda w: w.startswith("a yes")),
    ("read with the sentence before", lambda w: "before it" in w or "sentence before" in w),
)
_REF = re.compile(r"(?:refers to ketamine|which names it) \((['\"])(.*?)\1")
_ASSERTS = re.compile(r"asserts (['\"])(.*?)\1")
_DRUG_NAME = _rx(r"\b(?:es)?ketamine\b|\bspravato\b|\bketalar\b")
_PRONOUN = _rx(r"^(?:it|its|it's|it’s|this|these|they|them|that)$")
_USE = _rx(r"\bus(?:e|es|ed|ing)\b")

_INTRO = _rx(
    r"^(?:however|but|and|so|yet|still|even so|also|additionally|moreover|furthermore|in fact|indeed|today|currently|"
    r"now|unfortunately|fortunately|instead|in addition|as a result|in short|overall|for (?:example|instance)|"
    r"in (?:many|most|some) cases)\b,?\s*"
)
_LEADING_CLAUSE = _rx(
    r"^(?:at|after|in|for|when|whenever|while|although|though|if|because|with|by|during|since|before|as|unlike|like|"
    r"despite|once|within|over|following|compared)\b[^,]{0,80},\s*"
)
_VERB = _rx(
    r"\b(?:is|are|was|were|be|been|has|have|had|does|do|did|can|could|may|might|will|would|should|must|shall|"
    r"\w+ed)\b|\b(?:help|work|offer|provide|reduce|relieve|treat|act|block|cause|show|give|lead|make|take|last|"
    r"improve|target|allow|report|say|feel|experience|find|see|suggest|need|get|become|remain|affect|use|involve|"
    r"include|require|mean|seem|appear|start|begin|continue|come|know|believe|think|struggle|suffer|live|respond|"
    r"want|try|stop|fail|ease|boost|promote|bind|increase|decrease|create|support|change|occur|happen|"
    r"produce|trigger|enhance|restore)(?:s|es)?\b"
)
SUBJECTS = (
    (
        "the drug",
        _rx(r"\b(?:(?:es)?ketamine|spravato|ketalar|it|its|infusions?|treatments?|therap(?:y|ies)|sessions?)\b"),
    ),
    (
        "a person",
        _rx(
            r"\b(?:you|your|patients?|people|persons?|individuals?|clients?|many|most|some|those|someone|"
            r"anyone|he|she|they|men|women|children|adults|veterans|sufferers)\b"
        ),
    ),
    ("the clinic", _rx(r"\b(?:we|our|us|clinic|team|staff|providers?|doctors?|physicians?|nurses?|specialists?)\b")),
    (
        "a disease",
        _rx(
            r"\b(?:depression|pain|ptsd|anxiety|disorders?|syndromes?|conditions?|symptoms?|migraines?|"
            r"fibromyalgia|crps|illness(?:es)?|diseases?|neuropathy|ocd|headaches?)\b"
        ),
    ),
    (
        "another treatment",
        _rx(
            r"\b(?:opioids?|ssris?|antidepressants?|medications?|medicines?|drugs?|pills?|"
            r"benzodiazepines?|ect|electroconvulsive|tms|surgery|options?)\b"
        ),
    ),
    (
        "a study",
        _rx(
            r"\b(?:stud(?:y|ies)|research(?:ers)?|trials?|evidence|data|scientists|results|findings|fda|"
            r"reviews?|experts?)\b"
        ),
    ),
)
GRAMMAR = (
    ("past", _rx(r"\b(?:was|were|had|did)\b")),
    ("present perfect", _rx(r"\b(?:has|have)\s+(?:been|\w+ed)\b")),
    ("will", _rx(r"\b(?:will|won't|going to)\b|'ll\b")),
    ("can/may", _rx(r"\b(?:can|could|may|might)\b")),
    ("would/should/must", _rx(r"\b(?:would|should|must)\b")),
    ("is used", _rx(r"\b(?:is|are|be|being|been|was|were)\s+(?:\w+ly\s+)?used\b")),
    ("a form of use", _USE),
    ("a definition", _rx(r"^(?:\w+\s+){0,3}(?:is|are|was|were)\s+(?:a|an|the|one of)\b")),
    ("negation", _rx(r"\b(?:not|no|never|without|none)\b|n't\b")),
    ("comparison", _rx(r"\b(?:than|compared|versus|vs|unlike|faster|better|more|less|fewer)\b")),
    ("only", _rx(r"\bonly\b")),
    (
        "outcome word",
        _rx(
            r"\b(?:relie\w*|reduc\w*|improv\w*|remission|respon\w*|symptoms?|eas(?:e|es|ed|ing)|"
            r"alleviat\w*|lessen\w*|effective\w*|works?|heal\w*|recover\w*)\b"
        ),
    ),
    (
        "number with a unit",
        _rx(
            r"\d[\d.,]*\s*(?:%|percent|mg|milligrams?|ml|minutes?|mins?|hours?|hrs?|days?|weeks?|"
            r"months?|years?|sessions?|infusions?|treatments?|doses?|times|patients|people)\b"
        ),
    ),
    ("a year", _rx(r"\b(?:1[89]\d\d|20\d\d)s?\b")),
    (
        "history words",
        _rx(
            r"\b(?:history|historically|originally|first|decades?|since|century|discovered|developed|"
            r"invented|synthesi[sz]ed|approved)\b"
        ),
    ),
    ("a leading adverbial", _INTRO),
)
HEADINGS = (
    ("what is", _rx(r"^\s*what\s+(?:is|are)\b")),
    ("how", _rx(r"^\s*how\b")),
    ("risks", _rx(r"\b(?:side effects?|risks?|safety|safe|dangers?|precautions?)\b")),
    ("history or about", _rx(r"\b(?:history|background|about|origins?|overview)\b")),
    ("cost", _rx(r"\b(?:costs?|price|pricing|insurance|pay|payment)\b")),
    ("why or benefits", _rx(r"\b(?:why|benefits?|advantages?)\b")),
    ("a condition", SUBJECTS[3][1]),
)
LEADS = (
    ("ends in a colon", _rx(r":\s*$")),
    ("names a condition", SUBJECTS[3][1]),
    ("names people", SUBJECTS[1][1]),
    ("such as", _rx(r"\b(?:such as|include|including|like)\b")),
)
DIRECTIONS = ("improves", "causes", "does_not_cause", "states")
HAND = (
    *(f"why: {n}" for n, _ in WHY),
    "why: other",
    "refers through the drug's name",
    "refers through a pronoun",
    "refers through another word",
    "asserts a form of use",
    "a clause kept",
    "a sentence before",
    "a section",
    *(f"rules' kind: {k}" for k in KINDS),
    "routes",
    "regimen",
    "population",
    "outcomes",
    *(f"direction: {d}" for d in DIRECTIONS),
    "direction: other",
    "negative",
    "comparator",
    "severity",
    "exposure",
    "quantity",
    "topic",
    "checkable",
    "kind model: top probability",
    "kind model: probability of the rules' kind",
    "kind model agrees with the rules",
    *(f"subject: {n}" for n, _ in SUBJECTS),
    "subject: other",
    *(n for n, _ in GRAMMAR),
    *(f"heading: {n}" for n, _ in HEADINGS),
    *(f"lead-in: {n}" for n, _ in LEADS),
    "position on the page",
)


def subject(text: str) -> str:
    """The grammatical subject's kind: the words before the first verb, after a leading adverbial or a leading
    clause that ends in a comma ("When the usual medicines fail, ...")."""
    words = text.strip()
    while True:
        m = _INTRO.match(words) or _LEADING_CLAUSE.match(words)
        if not m or not m.group(0):
            break
        words = words[m.end() :]
    verb = _VERB.search(words)
    head = words[: verb.start()] if verb else " ".join(words.split()[:4])
    hits = [(m.start(), name) for name, rx in SUBJECTS if (m := rx.search(head))]
    return min(hits)[1] if hits else "other"


def hand_features(r: dict[str, Any], kind_probs: tuple[float, float, float]) -> list[float]:
    """The features of a candidate other than the embeddings, in the order of HAND."""
    why, text, lead, heading = r["why"], r["quote"], r["lead"], r["heading"]
    flags = [float(test(why)) for _, test in WHY]
    flags.append(float(not any(flags)))
    ref = _REF.search(why)
    word = ref.group(2).strip() if ref else ""
    flags += [
        float(bool(word) and bool(_DRUG_NAME.search(word))),
        float(bool(word) and bool(_PRONOUN.match(word))),
        float(bool(word) and not _DRUG_NAME.search(word) and not _PRONOUN.match(word)),
    ]
    asserted = _ASSERTS.search(why)
    flags.append(float(bool(asserted) and bool(_USE.search(asserted.group(2)))))  # type: ignore[union-attr]
    flags += [float(bool(r["clause"])), float(bool(r["previous"])), float(bool(r["section"]))]
    flags += [float(r["kind"] == k) for k in KINDS]
    flags += [float(r["routes"] > 0), float(r["regimen"]), float(r["population"] > 0), float(min(r["outcomes"], 3))]
    flags += [float(r["direction"] == d) for d in DIRECTIONS] + [float(r["direction"] not in DIRECTIONS)]
    flags += [float(r["polarity"] == "negative")]
    flags += [float(r[k]) for k in ("comparator", "severity", "exposure", "quantity", "topic", "checkable")]
    flags += list(kind_probs)
    own = subject(text)
    flags += [float(own == n) for n, _ in SUBJECTS] + [float(own == "other")]
    flags += [float(bool(rx.search(text))) for _, rx in GRAMMAR]
    flags += [float(bool(rx.search(heading))) for _, rx in HEADINGS]
    flags += [float(bool(rx.search(lead))) for _, rx in LEADS]
    flags.append(float(r["position"]))
    return flags


# ---------------------------------------------------------------------------------------------------------------
# Candidates and the kind model


@dataclass
class Cands:
    """One page's candidates from one version of the rules: as units (claims_veto.candidates), with the rules'
    reading of each."""

    page: Page
    units: list[Unit]
    rows: list[dict[str, Any]]

    @property
    def placed(self) -> list[bool]:
        return [locate(self.page.flat, r["quote"]) is not None for r in self.rows]

    @property
    def claim_like(self) -> list[bool]:
        """Whether each candidate overlaps a labelled claim substantially (a training row's label)."""
        return [any(substantial(u.span, lab[0]) for lab in self.page.labels) for u in self.units]


def cands_of(page: Page, rows: list[dict[str, Any]]) -> Cands:
    found = [(r["quote"], r["lead"], r["heading"], r["kind"]) for r in rows]
    return Cands(page, candidates(page, found), rows)


def kind_training(pages: list[Page], at_k: dict[str, Cands]) -> list[tuple[str, Unit, str, str]]:
    """The training pages' labelled claims as the product's kind model reads them: (page, unit with the heading of
    the unit the quote overlaps most, the rules' kind of the candidate matched to it or none, the labelled kind)."""
    out = []
    for p in pages:
        c = at_k[p.name]
        found = match([s[0] for s in p.labels], [u.span for u in c.units])
        for i, (span, kind, quote, lead) in enumerate(p.labels):
            best = max(p.units, key=lambda u: min(u.span[1], span[1]) - max(u.span[0], span[0]), default=None)
            heading = best.heading if best is not None and substantial(best.span, span) else ""
            out.append(
                (p.name, Unit(quote, lead, heading, span), c.rows[found[i]]["kind"] if i in found else "none", kind)
            )
    return out


class KindModel:
    """The kind model as the product trains it (embeddings, structure, the rules' kind), per forward step; out of
    fold for the training pages."""

    def __init__(self, pages: list[Page], at_k: dict[str, Cands], embedder: Embedder, parts: list[set[str]]) -> None:
        from sklearn.base import clone

        rows = kind_training(pages, at_k)
        self.names = sorted({r[2] for r in rows} | {"none"} | set(KINDS))
        self.embedder = embedder
        x = features([u for _, u, _, _ in rows], embedder, one_hot([rk for _, _, rk, _ in rows], self.names))
        y = np.array([k for *_, k in rows])
        g = np.array([n for n, *_ in rows])
        self.model, self.text = fit(x, list(y), list(g), "accuracy", ("balanced", None))
        self.parts = {}
        for held in parts:
            keep = np.array([n not in held for n in g])
            part = clone(self.model).fit(x[keep], y[keep])
            for n in held:
                self.parts[n] = part

    def probs(
        self, page: str, units: list[Unit], kinds: list[str], out_of_fold: bool
    ) -> list[tuple[float, float, float]]:
        if not units:
            return []
        model = self.parts[page] if out_of_fold else self.model
        # the product's kind model reads the quote, lead-in and heading with no list-item flag
        bare = [Unit(u.text, u.lead, u.heading, u.span) for u in units]
        p = model.predict_proba(features(bare, self.embedder, one_hot(kinds, self.names)))
        classes = list(model.classes_)
        out = []
        for row, k in zip(p, kinds, strict=True):
            top = int(row.argmax())
            own = float(row[classes.index(k)]) if k in classes else 0.0
            out.append((float(row[top]), own, float(classes[top] == k)))
        return out


def row_matrix(c: Cands, embedder: Embedder, kinds: list[tuple[float, float, float]]) -> np.ndarray:
    if not c.units:
        return np.zeros((0, 768 + 16 + len(HAND)))
    hand = np.array([hand_features(r, k) for r, k in zip(c.rows, kinds, strict=True)], dtype=float)
    return np.hstack([features(c.units, embedder), hand])


EMBEDDED = slice(0, 768)  # the columns of the three embeddings


class DropEmbeddings(BaseEstimator, TransformerMixin):
    """A column selector for the grid: all columns, or all but the embeddings."""

    def __init__(self, drop: bool = False) -> None:
        self.drop = drop

    def fit(self, x: np.ndarray, y: Any = None) -> DropEmbeddings:
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        return x[:, EMBEDDED.stop :] if self.drop else x


def fit_veto(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[Any, str]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = Pipeline(
        [
            ("cols", DropEmbeddings()),
            ("scale", StandardScaler()),
            ("clf", LogisticRegression(max_iter=5000, class_weight="balanced")),
        ]
    )
    grid = GridSearchCV(
        pipe,
        {"clf__C": list(C_GRID), "cols__drop": [False, True]},
        scoring="roc_auc",
        cv=StratifiedGroupKFold(n_splits=max(2, min(INNER_SPLITS, len(set(groups[~y]))))),
        n_jobs=1,
    )
    grid.fit(x, y, groups=groups)
    best = grid.best_params_
    emb = "without" if best["cols__drop"] else "with"
    return grid.best_estimator_, f"C={best['clf__C']} {emb} the embeddings, inner ROC AUC {grid.best_score_:.2f}"


# ---------------------------------------------------------------------------------------------------------------
# One forward step


def forward_step(
    train: list[Page],
    test: list[Page],
    at_k: dict[str, list[dict[str, Any]]],
    seen: dict[str, list[dict[str, Any]]],
    embedder: Embedder,
    listing: bool = False,
) -> tuple[dict[str, Count], dict[str, float], list[str]]:
    from sklearn.base import clone
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    info: list[str] = []
    cands = {p.name: cands_of(p, at_k[p.name]) for p in train + test}
    first = {p.name: cands_of(p, seen[p.name]) for p in train if p.name in seen}
    names = [p.name for p in train]
    parts = [{names[i] for i in held} for _, held in GroupKFold(n_splits=INNER_SPLITS).split(names, groups=names)]
    kind = KindModel(train, cands, embedder, parts)
    info.append(f"kind model: {kind.text}")

    def matrix(c: Cands, out_of_fold: bool) -> np.ndarray:
        return row_matrix(c, embedder, kind.probs(c.page.name, c.units, [r["kind"] for r in c.rows], out_of_fold))

    # training rows, per page: the candidates of the rules at k (C0); of the rules at the page's first look where
    # there was one, else at k (C1)
    source = {
        "C0": {n: cands[n] for n in names},
        "C1": {n: first.get(n, cands[n]) for n in names},
    }
    matrices: dict[int, np.ndarray] = {}

    def train_matrix(c: Cands) -> np.ndarray:
        if id(c) not in matrices:
            matrices[id(c)] = matrix(c, True)
        return matrices[id(c)]

    models = {}
    for w in WAYS:
        blocks = [
            (n, train_matrix(c), np.array(c.placed, dtype=bool), np.array(c.claim_like, dtype=bool))
            for n, c in source[w].items()
        ]
        x = np.vstack([m[keep] for _, m, keep, _ in blocks])
        y = np.concatenate([lab[keep] for _, _, keep, lab in blocks])
        g = np.array([n for n, _, keep, _ in blocks for _ in range(int(keep.sum()))])
        model, text = fit_veto(x, y, g)
        models[w] = (model, x, y, g)
        info.append(f"{w}: trained on {len(y)} candidates ({int(y.sum())} claims, {int((~y).sum())} not); {text}")

    # the threshold: out-of-fold probabilities of the same training candidates
    chosen = {}
    for w in WAYS:
        model, x, y, g = models[w]
        inner: list[Scored] = []
        for held in parts:
            rows = np.array([n not in held for n in g])
            part = clone(model).fit(x[rows], y[rows])
            for p in train:
                if p.name in held:
                    c = source[w][p.name]
                    probs = part.predict_proba(train_matrix(c))[:, 1] if c.units else np.zeros(0)
                    inner.append(scored(p, c.units, probs))
        t, n, lost = threshold(inner, "V1")
        chosen[w] = t
        taken = Count()
        for sc in inner:
            taken.add(sc, vetoed(sc, "V1", t))
        info.append(
            f"{w}: t = {t:.3f} (vetoes {lost} of the {n} training claims its candidates find, out of fold; "
            f"non-claims they take withheld {taken.nonclaims_withheld}/{taken.nonclaims})"
        )

    ways = {w: Count() for w in WAYS}
    ways.update({f"C1 at {t} (not deciding)": Count() for t in FIXED})
    truth: list[bool] = []
    everything: dict[str, list[float]] = {w: [] for w in WAYS}
    for p in test:
        c = cands[p.name]
        x = matrix(c, False)
        for w in WAYS:
            probs = models[w][0].predict_proba(x)[:, 1] if c.units else np.zeros(0)
            s = scored(p, c.units, probs)
            ways[w].add(s, vetoed(s, "V1", chosen[w]))
            everything[w] += list(probs)
            if w == "C1":
                for t in FIXED:
                    ways[f"C1 at {t} (not deciding)"].add(s, vetoed(s, "V1", t))
                if listing:
                    v = vetoed(s, "V1", chosen[w])
                    for over in s.nonclaims:
                        j = max(over, key=lambda j: probs[j])
                        gone = "withheld" if all(v[i] for i in over) else "kept"
                        info.append(f"{p.name} non-claim, C1 {gone}: {probs[j]:.2f} {c.units[j].text[:110]!r}")
                    info.extend(
                        f"{p.name} claim withheld by C1: {probs[j]:.2f} {c.units[j].text[:110]!r}"
                        for j in s.claims
                        if v[j]
                    )
        truth += [j in s.claims for j in range(len(c.units))]
    if len(set(truth)) == 2:
        info.append(
            "ranking of the set's rule candidates, claims against the rest: ROC AUC "
            + ", ".join(f"{w} {roc_auc_score(truth, everything[w]):.2f}" for w in WAYS)
        )
    return ways, chosen, info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=FORWARD, help="one step of the forward test")
    ap.add_argument("--list", action="store_true", help="list each non-claim taken and each claim C1 withholds")
    ap.add_argument("--dev", action="store_true", help=f"a dry run on {DEV}, which decides nothing")
    ap.add_argument("--save", type=Path, help="append each step's counts to this file (JSON lines)")
    ap.add_argument("--summary", type=Path, help="sum the steps saved in this file and decide; runs nothing")
    args = ap.parse_args()
    if args.summary:
        saved = [json.loads(line) for line in args.summary.read_text(encoding="utf-8").splitlines() if line.strip()]
        steps = {r["set"]: {w: Count(**c) for w, c in r["ways"].items()} for r in saved}
        missing = [k for k in FORWARD if k not in steps]
        if missing:
            raise SystemExit(f"{args.summary}: no step saved for {', '.join(missing)}")
        summary(steps, WAYS)
        return
    steps_to_run = [DEV] if args.dev else [k for k in FORWARD if not args.only or k == args.only]
    needed = ORDER[: max(ORDER.index(k) for k in steps_to_run) + 1]
    files, pages = labelled_sets(needed)
    embedder = Embedder()
    results: dict[str, dict[str, Count]] = {}
    for k in steps_to_run:
        before = ORDER[: ORDER.index(k)]
        train = [p for s in before for p in pages[s]]
        commit = FIRST_SEEN[k]
        at_k = readings_at(commit, [f for s in (*before, k) for f in files[s]])
        seen: dict[str, list[dict[str, Any]]] = {}
        for s in before:
            if s in FIRST_SEEN:
                seen.update(readings_at(FIRST_SEEN[s], files[s]))
        ways, chosen, info = forward_step(train, pages[k], at_k, seen, embedder, args.list)
        results[k] = ways
        print_step(
            f"{k}: trained on {', '.join(before)} ({len(train)} pages); rules of {commit}; first looks of "
            f"{', '.join(s for s in before if s in FIRST_SEEN) or 'none'}",
            info,
            ways,
            WAYS,
            f"; claims_veto's model ranked them at ROC AUC {VETO12_AUC.get(k, math.nan):.2f}",
        )
        if args.save and not args.dev:
            with args.save.open("a", encoding="utf-8") as out:
                row = {"set": k, "chosen": chosen, "ways": {w: vars(c) for w, c in ways.items()}}
                out.write(json.dumps(row) + "\n")
    if not args.dev and len(results) == len(FORWARD):
        summary(results, WAYS)


if __name__ == "__main__":
    main()
