"""A second opinion on the extraction rules: a small sentence classifier trained on the labelled clinic pages.

A logistic regression over TF-IDF word 1-2-grams of a sentence and, apart, of its heading and list lead-in, trained
by ``bench/claim_classifier.py`` on every labelled page of ``tests/pages/`` and shipped as
``data/claim_classifier.json`` (vocabulary, idf, weights, and the threshold chosen by cross-validation over the
labelled pages). It is applied here in plain Python, the way scikit-learn's ``TfidfVectorizer`` (lower case, words
of two or more letters, sub-linear term frequency, unit length) and ``LogisticRegression`` compute it, so nothing is
imported or downloaded at run time beyond the JSON file, read the first time a page's claims are extracted.

A sentence the rules take as a claim is set aside when the classifier is confident it is not one (``drop_at``); the
reason gives the probability and the words that weighed most for it. (A kind classifier was tried the same way and
did not beat the rules' kinds in cross-validation: ``bench/README.md``.)
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

NON_CLAIM = "non-claim"  # the claim classifier's classes: "claim" and this
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def grams(text: str) -> list[str]:
    """The word 1-2-grams of a text, as scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2))`` reads them."""
    words = _TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass
class Head:
    """One trained classifier: per input field a vocabulary (term -> column) with idf; per class a weight per column
    of each field, and an intercept. Two classes are one weight row (the second class's), as scikit-learn keeps
    them."""

    classes: list[str]
    vocab: list[dict[str, int]]
    idf: list[list[float]]
    coef: list[list[list[float]]]  # [row][field][column]
    intercept: list[float]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Head:
        return cls(d["classes"], d["vocab"], d["idf"], d["coef"], d["intercept"])

    def features(self, fields: tuple[str, ...]) -> list[dict[int, float]]:
        """Each field's TF-IDF vector (column -> value), sub-linear term frequency, unit length."""
        out = []
        for text, vocab, idf in zip(fields, self.vocab, self.idf, strict=True):
            counts: dict[int, int] = {}
            for g in grams(text):
                col = vocab.get(g)
                if col is not None:
                    counts[col] = counts.get(col, 0) + 1
            vec = {col: (1.0 + math.log(n)) * idf[col] for col, n in counts.items()}
            norm = math.sqrt(sum(v * v for v in vec.values()))
            out.append({col: v / norm for col, v in vec.items()} if norm else {})
        return out

    def _margins(self, x: list[dict[int, float]]) -> list[float]:
        return [
            b + sum(v * row[f][col] for f, vec in enumerate(x) for col, v in vec.items())
            for row, b in zip(self.coef, self.intercept, strict=True)
        ]

    def probabilities(self, fields: tuple[str, ...]) -> dict[str, float]:
        margins = self._margins(self.features(fields))
        if len(self.classes) == 2:
            p = 1.0 / (1.0 + math.exp(-margins[0]))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(margins)
        exp = [math.exp(m - top) for m in margins]
        return {c: e / sum(exp) for c, e in zip(self.classes, exp, strict=True)}

    def words_for(self, fields: tuple[str, ...], cls: str, n: int = 4) -> list[str]:
        """The terms of the input that weighed most towards ``cls``."""
        x = self.features(fields)
        names = [{col: term for term, col in vocab.items()} for vocab in self.vocab]
        if len(self.classes) == 2:
            row, sign = self.coef[0], (1.0 if cls == self.classes[1] else -1.0)
        else:
            row, sign = self.coef[self.classes.index(cls)], 1.0
        weighed = sorted(
            ((sign * v * row[f][col], names[f][col]) for f, vec in enumerate(x) for col, v in vec.items()),
            reverse=True,
        )
        out: list[str] = []
        for w, term in weighed:
            if w <= 0 or len(out) == n:
                break
            if term not in out:
                out.append(term)
        return out


@dataclass
class Classifier:
    claim: Head
    drop_at: float  # the probability of "not a claim" at which a sentence the rules took is set aside

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Classifier:
        return cls(Head.from_dict(d["claim"]), d["drop_at"])

    def not_a_claim(self, quote: str, lead_in: str = "", heading: str = "") -> str | None:
        """Why a sentence the rules took is not a claim after all (the classifier is confident), or None."""
        fields = (quote, f"{heading} | {lead_in}")
        p = self.claim.probabilities(fields)[NON_CLAIM]
        if p < self.drop_at:
            return None
        words = self.claim.words_for(fields, NON_CLAIM)
        return f"classifier: non-claim {p:.2f}; words: {', '.join(words) or '-'}"


@lru_cache(maxsize=1)
def shipped() -> Classifier:
    """The classifier trained on every labelled page, as shipped with the package."""
    text = resources.files("ketalit").joinpath("data/claim_classifier.json").read_text(encoding="utf-8")
    return Classifier.from_dict(json.loads(text))
