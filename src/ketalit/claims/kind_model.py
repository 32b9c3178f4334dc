"""A trained second reading of a claim's kind, beside the rules of `normalise.guess_kind`.

A logistic regression over the claim's sentence embedding (the wordllama model that ships inside its package, as
`ketalit.semantic` loads it), the embeddings of its heading and list lead-in, a few structural features of the
sentence (`STRUCTURE`) and the kind the rules gave it. Its weights are `data/kind_model.npz`, written by
`python bench/claims_forward.py --write` from every labelled clinic page; the file is complete in itself, so a new
labelled set changes nothing until someone chooses to write it again. Why it is here: tested forward in time (trained
only on the page sets labelled before each of heldout5 .. heldout10, scored on that set), its kinds were right more
often than the rules' first looks at the same sets (bench/README.md, "Round 11: a trained model, tested forward in
time"). Its verdict replaces the rules' kind, and says so: the probability, the rules' kind and the words that
weighed most (each word left out in turn; the words whose absence lowers the probability most).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..kept import Kept

LEARNED_KIND = "the trained kind model"  # how the reason for a kind it gave begins
WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "kind_model.npz"
DIM = 256  # the embedding's width

_DRUG = re.compile(r"\b(?:ketamine|esketamine|spravato|infusions?|treatments?|therap(?:y|ies))\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:it|its|they|this|these|those|that)\b", re.I)
_HEDGE = re.compile(
    r"\b(?:may|might|can|could|possibl[ey]|potential(?:ly)?|some|often|typically|usually|suggests?|appears?|likely)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_NUMBER = re.compile(r"\d|%|\b(?:percent|half|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
_CALL = re.compile(
    r"^(?:please\s+)?(?:call|contact|schedule|book|learn|find out|ask|visit|reach out|click|request|get started"
    r"|discover|read|see|talk|speak|sign up|fill|let us|don't wait|take the)\b|\b(?:call|contact) us\b",
    re.I,
)
_EVIDENCE = re.compile(r"\b(?:stud(?:y|ies)|research\w*|trials?|evidence|shown|found|reported|published)\b", re.I)
STRUCTURE = (
    "drug named",
    "drug in lead-in",
    "drug in heading",
    "pronoun subject",
    "list item",
    "has lead-in",
    "has heading",
    "question",
    "heading a question",
    "hedge",
    "first person",
    "second person",
    "number",
    "call to action",
    "evidence words",
    "length",
)


@lru_cache(maxsize=1024)
def _names_drug(text: str) -> float:
    """1.0 if a lead-in or heading names the drug: kept, as ``read_kind`` reads them beside each word left out."""
    return float(bool(_DRUG.search(text)))


def structure(text: str, lead: str = "", heading: str = "", item: bool = False) -> list[float]:
    """The structural features of a sentence or list item, in the order of STRUCTURE."""
    text = text.strip()
    return [
        float(bool(_DRUG.search(text))),
        _names_drug(lead),
        _names_drug(heading),
        float(bool(_PRONOUN_SUBJECT.match(text))),
        float(item),
        float(bool(lead)),
        float(bool(heading)),
        float(text.endswith("?")),
        float(heading.strip().endswith("?")),
        float(bool(_HEDGE.search(text))),
        float(bool(_FIRST_PERSON.search(text))),
        float(bool(_SECOND_PERSON.search(text))),
        float(bool(_NUMBER.search(text))),
        float(bool(_CALL.search(text))),
        float(bool(_EVIDENCE.search(text))),
        float(np.log1p(len(text.split()))),
    ]


def embeddings(texts: list[str]) -> np.ndarray:
    """wordllama embeddings, a zero row for an empty text."""
    from ..semantic import embed

    out = np.zeros((len(texts), DIM), dtype=np.float32)
    full = [i for i, t in enumerate(texts) if t.strip()]
    if len(full) > 1 and len({texts[i] for i in full}) == 1:
        # one text many times (a claim's lead-in or heading beside each of its words left out, ``read_kind``):
        # embedded once, the same vector as each row of a batch of them (the model pools each text's own tokens)
        out[full] = embed([texts[full[0]]])[0]
    elif full:
        out[full] = embed([texts[i] for i in full])
    return out


def features(
    texts: list[str],
    leads: list[str],
    headings: list[str],
    rule_kinds: list[str] | None = None,
    rule_kind_names: list[str] | None = None,
) -> np.ndarray:
    """One row per claim: the embeddings of its words, heading and lead-in, its structure and (when the model was
    trained with it) the rules' kind, one-hot over ``rule_kind_names``."""
    parts = [
        embeddings(texts),
        embeddings(headings),
        embeddings(leads),
        np.array(
            [structure(t, lead, h) for t, lead, h in zip(texts, leads, headings, strict=True)], dtype=float
        ).reshape(-1, len(STRUCTURE)),
    ]
    if rule_kinds is not None and rule_kind_names is not None:
        parts.append(np.array([[float(k == n) for n in rule_kind_names] for k in rule_kinds]).reshape(len(texts), -1))
    return np.hstack(parts)


@dataclass
class KindReading:
    kind: str
    probability: float
    reason: str


@lru_cache(maxsize=1)
def _weights() -> dict[str, Any] | None:
    if not WEIGHTS.exists():
        return None
    with np.load(WEIGHTS, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _probabilities(w: dict[str, Any], x: np.ndarray) -> np.ndarray:
    z = ((x - w["mean"]) / w["scale"]) @ w["coef"].T + w["intercept"]
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


# readings already made in this process, keyed on what they are computed from: the claim's words, lead-in, heading
# and the rules' kind, with the weights and the embedding model they were read with (a reading is made again when
# either is loaded again). A page's claims are read again each time it is checked; each reading embeds every word
# left out in turn.
_READ: Kept[tuple[str, str, str, str], tuple[object, object, KindReading]] = Kept(4096)


def read_kind(quote: str, lead: str = "", heading: str = "", rule_kind: str = "") -> KindReading | None:
    """The kind the trained model gives a claim, with its probability and the words that weighed most; None when
    the package carries no weights."""
    w = _weights()
    if w is None:
        return None
    from ..semantic import model

    key, embedder = (quote, lead, heading, rule_kind), model()
    kept = _READ.get(key)
    if kept is not None and kept[0] is w and kept[1] is embedder:
        return replace(kept[2])
    reading = _read_kind(w, quote, lead, heading, rule_kind)
    _READ.keep(key, (w, embedder, reading))
    return replace(reading)


def _read_kind(w: dict[str, Any], quote: str, lead: str, heading: str, rule_kind: str) -> KindReading:
    names = [str(n) for n in w["rule_kinds"]]
    classes = [str(c) for c in w["classes"]]
    rules = bool(names)
    x = features([quote], [lead], [heading], [rule_kind] if rules else None, names if rules else None)
    prob = _probabilities(w, x)[0]
    best = int(prob.argmax())
    words = quote.split()
    weighed = ""
    if len(words) > 1:
        without = [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]
        n = len(without)
        rows = features(
            without, [lead] * n, [heading] * n, [rule_kind] * n if rules else None, names if rules else None
        )
        drop = prob[best] - _probabilities(w, rows)[:, best]
        top = [re.sub(r"^\W+|\W+$", "", words[i]) for i in np.argsort(-drop)[:3] if drop[i] > 0]
        weighed = "; words that weighed most: " + ", ".join(repr(t) for t in top if t) if top else ""
    said = f"; the rules said {rule_kind}" if rules and rule_kind else ""
    reason = f"{LEARNED_KIND}: {classes[best]} at probability {prob[best]:.2f}{said}{weighed}"
    return KindReading(classes[best], float(prob[best]), reason)
