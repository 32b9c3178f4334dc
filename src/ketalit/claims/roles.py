"""The role of each sentence of an abstract (background, objective, methods, results, conclusions).

Structured abstracts give it: PubMed's NlmCategory, else the section label (``data/roles.toml``). For unstructured
abstracts (no labels, or only "ABSTRACT") each sentence is scored with cue phrases and a position prior, and the
roles are chosen in abstract order by dynamic programming: the sequence, never going back to an earlier role, with
the highest total score. Every role carries its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .._compat import tomllib

ROLES = ("background", "objective", "methods", "results", "conclusions")
CUT_SPAN = 0.7  # the snapshot's cut abstracts keep about the first 60-70% of their sentences
BACK_TO_METHODS = 1.0  # the cost of a methods sentence after a result (multi-part abstracts interleave them)


@dataclass(frozen=True)
class RoleRules:
    order: tuple[str, ...]
    labels: dict[str, tuple[str, ...]]
    special: dict[str, str]
    position: dict[str, tuple[float, float, float]]
    position_review: dict[str, tuple[float, float, float]]
    review_designs: frozenset[str]
    last_sentence_conclusions: float
    cues: dict[str, list[re.Pattern[str]]]
    strong: dict[str, list[re.Pattern[str]]]
    weights: dict[str, float]


@lru_cache(maxsize=1)
def rules() -> RoleRules:
    data = tomllib.loads(resources.files("ketalit").joinpath("data/roles.toml").read_text(encoding="utf-8"))
    order = tuple(data["order"])
    if sorted(order) != sorted(ROLES):
        raise ValueError(f"data/roles.toml: order must list {', '.join(ROLES)}")
    return RoleRules(
        order=order,
        labels={role: tuple(data["labels"].get(role, [])) for role in ROLES},
        special={k.upper(): v for k, v in data["labels"].get("special", {}).items()},
        position={role: tuple(data["position"][role]) for role in ROLES},  # type: ignore[misc]
        position_review={role: tuple(data["position_review"][role]) for role in ROLES},  # type: ignore[misc]
        review_designs=frozenset(data["position_review"].get("designs", [])),
        last_sentence_conclusions=float(data["position"].get("last_sentence_conclusions", 0.0)),
        cues={role: [re.compile(p, re.I) for p in data["cues"].get(role, [])] for role in ROLES},
        strong={role: [re.compile(p, re.I) for p in data.get("strong", {}).get(role, [])] for role in ROLES},
        weights={role: float(data["weights"].get(role, 1.0)) for role in ROLES},
    )


def label_role(label: str) -> str | None:
    """The role a section label (or NlmCategory) names, or None ("ABSTRACT", "", unknown labels)."""
    lab = " ".join(label.upper().replace(":", " ").split())
    if not lab:
        return None
    r = rules()
    if lab in r.special:
        return r.special[lab]
    words = f" {re.sub(r'[^A-Z ]', ' ', lab)} "
    for role in ("conclusions", "results", "objective", "background", "methods"):
        for key in r.labels[role]:
            if f" {key} " in words:
                return role
    if lab.lower() in ROLES:
        return lab.lower()
    return None


def _prior(role: str, pos: float, review: bool = False) -> float:
    r = rules()
    first, middle, last = (r.position_review if review else r.position)[role]
    if pos <= 0.5:
        return first + (middle - first) * (pos / 0.5)
    return middle + (last - middle) * ((pos - 0.5) / 0.5)


def score_sentence(
    sentence: str, pos: float, is_last: bool, review: bool = False
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Score of each role for one sentence, and the cue words that gave it."""
    r = rules()
    scores: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for role in ROLES:
        hits = [m.group(0) for rx in r.cues[role] for m in [rx.search(sentence)] if m]
        strong = [m.group(0) for rx in r.strong[role] for m in [rx.search(sentence)] if m]
        words[role] = strong + hits
        scores[role] = _prior(role, pos, review) + r.weights[role] * (min(len(hits), 3) + 2 * min(len(strong), 1))
    if is_last:
        scores["conclusions"] += r.last_sentence_conclusions
    return scores, words


def unstructured_roles(sentences: list[str], complete: bool = True, design: str = "") -> list[tuple[str, str]]:
    """(role, reason) of each sentence of an unlabelled abstract, chosen in abstract order. ``design``: the
    record's design tag (a review states its findings earlier than a trial)."""
    review = design in rules().review_designs
    n = len(sentences)
    if n == 0:
        return []
    order = rules().order
    table = []
    # a cut abstract's last sentence is not its end: its sentences sit earlier than their index says
    span = 1.0 if complete else CUT_SPAN
    for i, s in enumerate(sentences):
        pos = (i / (n - 1) if n > 1 else 1.0) * span
        if review and n > 2:  # a review sets the scene in its first sentence and states findings from the second
            pos = 0.0 if i == 0 else 0.5 + 0.5 * (i - 1) / (n - 2) * span
        table.append(score_sentence(s, pos, is_last=(i == n - 1 and complete), review=review))
    k = len(order)
    neg = float("-inf")
    best = [[neg] * k for _ in range(n)]
    back = [[0] * k for _ in range(n)]
    for j in range(k):
        best[0][j] = table[0][0][order[j]]
    back_to = {order.index("methods"): order.index("results")}  # a result can be followed by more methods
    for i in range(1, n):
        for j in range(k):
            options = [(best[i - 1][p], p) for p in range(j + 1)]
            if j in back_to:
                p = back_to[j]
                options.append((best[i - 1][p] - BACK_TO_METHODS, p))
            value, prev = max(options)
            best[i][j] = value + table[i][0][order[j]]
            back[i][j] = prev
    j = max(range(k), key=lambda q: best[n - 1][q])
    path = [0] * n
    for i in range(n - 1, -1, -1):
        path[i] = j
        j = back[i][j]
    out = []
    for i, j in enumerate(path):
        role = order[j]
        cues = table[i][1][role]
        reason = (
            f"unlabelled abstract: cues {', '.join(repr(c) for c in cues[:3])}"
            if cues
            else "unlabelled abstract: position"
        )
        out.append((role, f"{reason}; sentence {i + 1} of {n}"))
    return out
