"""The values a page label's fields may take, read from their homes (nothing is listed here by hand).

- kind: the catalogue's claim kinds (`ketalit.claims.catalogue.KINDS`);
- routes, population, outcome: the vocabulary's route, setting and outcome ids (`data/vocabulary.toml`);
- regimen and direction: the labels' words that `bench/pages_eval.py` knows how to score (`REGIMENS`,
  `DIRECTIONS`), so a label it cannot score is caught when it is written, not when it is measured;
- quantity kind: the catalogue's `QUANTITIES`; polarity: positive or negative.

Used by check_labels.py (to check label files) and brief.py (to fill the lists into a labeller's brief).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, as the other bench scripts import it
from pages_eval import DIRECTIONS, REGIMENS  # noqa: E402  (it puts src/ on the path)

from ketalit.claims.catalogue import KINDS, QUANTITIES  # noqa: E402
from ketalit.tagging.vocabulary import load_vocabulary  # noqa: E402


def allowed() -> dict[str, tuple[str, ...]]:
    """Field name -> the values a label may give it, in their homes' order."""
    vocab = load_vocabulary()
    return {
        "kind": tuple(KINDS),
        "routes": tuple(vocab.ids("route")),
        "regimen": tuple(REGIMENS),
        "population": tuple(vocab.ids("setting")),
        "outcome": tuple(vocab.ids("outcome")),
        "direction": tuple(DIRECTIONS),
        "polarity": ("positive", "negative"),
        "quantity": tuple(QUANTITIES),
    }


# The fields whose value is a list of ids; the others hold one.
LIST_FIELDS = ("routes", "population", "outcome")


def problems(claim: dict, table: dict[str, tuple[str, ...]]) -> list[str]:
    """Each field of one labelled claim whose value is not allowed, as 'field: value'."""
    out = []
    for name in ("kind", "regimen", "direction", "polarity"):
        if name in claim and claim[name] not in table[name]:
            out.append(f"{name}: {claim[name]!r}")
    if "kind" not in claim:
        out.append("kind: missing")
    for name in LIST_FIELDS:
        value = claim.get(name, [])
        if not isinstance(value, list):
            out.append(f"{name}: {value!r} is not a list")
            continue
        out.extend(f"{name}: {v!r}" for v in value if v not in table[name])
    q = claim.get("quantity")
    if q is not None:
        if not isinstance(q, dict) or q.get("kind") not in table["quantity"]:
            out.append(f"quantity: {q!r}")
        elif not all(isinstance(q.get(end), (int, float)) for end in ("min", "max")) or q["min"] > q["max"]:
            out.append(f"quantity: ends {q.get('min')!r}..{q.get('max')!r}")
    return out
