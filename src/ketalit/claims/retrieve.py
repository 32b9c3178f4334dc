"""Retrieval for recall: the records worth reading for a claim.

The query is the claim's normalised assertion plus the synonyms of its outcomes, population, routes and
comparator (``data/synonyms.toml``), and for a harm a list item names in lay words the clinical words for it
(``data/weighing.toml`` [harm] synonyms: "dizziness" for "Light-headedness"), never the page's boilerplate. Two
rankings are fused on z-scores: BM25 over the words, and cosine similarity from a small embedding model
(``ketalit.semantic``) that knows "hepatic" is near "liver". Tags then add to the score, never filter: a record on
the claim's outcome, on its population or any of its sub-populations (CRPS is chronic non-cancer pain), or on its
route ranks higher; a record with no route tag is not penalised on a route claim. At least ``CANDIDATES`` records are
read per claim, and the strongest designs on the claim's outcome are always among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .._compat import tomllib
from ..library import Library
from ..search import SearchIndex, tokenize
from ..tagging.tagger import default_vocabulary
from .catalogue import TEXTBOOK_KINDS, Claim
from .stance import named_harm
from .weighing import harm_synonym_words, weighing

CANDIDATES = 80
STRONG_EXTRA = 10  # strongest-design records on the claim's outcome and population added beyond the top
TEXTBOOK_EXTRA = 30  # for mechanism, history and dosing claims: reviews and guidelines beyond the top
# what a drug is, does and how it is given is stated by reviews and guidelines
TEXTBOOK_DESIGNS = ("meta_analysis", "systematic_review", "narrative_review", "guideline")
SEMANTIC_WEIGHT = 1.0
# Boosts in z-score units.
OUTCOME_BOOST = 0.6
SETTING_BOOST = 0.8
SETTING_MISS = -0.4  # the record is about another population only
ROUTE_BOOST = 0.6
ROUTE_MISS = -0.6  # the record gives ketamine by another route only
CONCEPT_BOOST = 1.0  # the record names everything the claim names


@lru_cache(maxsize=1)
def synonyms() -> dict[str, dict[str, list[str]]]:
    data = tomllib.loads(resources.files("ketalit").joinpath("data/synonyms.toml").read_text(encoding="utf-8"))
    vocab = default_vocabulary()
    for axis in ("outcome", "setting", "route"):
        for tag in data.get(axis, {}):
            if not vocab.has(axis, tag):
                raise ValueError(f"data/synonyms.toml: [{axis}] {tag!r} is not in the vocabulary")
    return data


def query_text(claim: Claim) -> str:
    """The claim as a search query: its assertion, its own search terms, and the synonyms of what it is about."""
    syn = synonyms()
    parts = [claim.assertion, claim.terms]
    for axis, tags in (("outcome", claim.outcomes), ("setting", claim.settings), ("route", claim.routes)):
        for t in tags:
            parts.extend(syn.get(axis, {}).get(t, []))
    if claim.comparator:
        parts.extend(syn.get("comparator", {}).get(claim.comparator, [claim.comparator]))
    parts.extend(syn.get("direction", {}).get(claim.proposition.direction, []))
    parts.extend(w for group in claim.concepts for w in group if not w.startswith("~"))
    if named_harm(claim):  # a harm an item names in lay words: the clinical words abstracts use for it too
        parts.extend(harm_synonym_words(claim.quote))
    return " ".join(p for p in parts if p)


def _serious_harms(claim: Claim) -> list[str]:
    """For a claim that ketamine is safe in general ("a strong safety profile"), the serious harms that would cap it
    (``data/weighing.toml`` [harm] serious_outcomes): their strongest records are read too."""
    if not claim.proposition.general_safety:
        return []
    return [o for o in weighing()["harm"]["serious_outcomes"] if o not in claim.outcomes]


@dataclass
class Candidate:
    position: int  # index position
    doc_id: int
    score: float
    why: str


def _z(x: np.ndarray) -> np.ndarray:
    sd = float(x.std())
    return (x - float(x.mean())) / sd if sd > 0 else np.zeros_like(x)


def _concept_mask(index: SearchIndex, claim: Claim) -> np.ndarray:
    """Records whose text has a word of every concept group (a concept word is a stem: "hallucinat" finds
    hallucinations and hallucinated)."""
    groups = [[w for w in g if not w.startswith("~")] for g in claim.concepts]
    if not groups or not all(groups):
        return np.zeros(index.n, dtype=bool)
    mask = np.ones(index.n, dtype=bool)
    for group in groups:
        hit = np.zeros(index.n, dtype=bool)
        for word in group:
            for token in index.tokens_starting_with(tokenize(word)[0] if tokenize(word) else word):
                hit |= index.postings(token)
        mask &= hit
    return mask


def _top(score: np.ndarray, allowed: np.ndarray, k: int) -> np.ndarray:
    """The indices of the k best scores among the allowed ones, best first (ties by index)."""
    idx = np.flatnonzero(allowed)
    if len(idx) > k:
        idx = idx[np.argpartition(-score[idx], k - 1)[:k]]
    return idx[np.lexsort((idx, -score[idx]))]


@dataclass
class Fused:
    """The fused score of every record for a claim, with the parts it was summed from (each an array over the
    index): the two rankings, and which records the tag boosts and penalties touched."""

    score: np.ndarray
    bm25: np.ndarray
    semantic: np.ndarray
    outcome_hit: np.ndarray  # tagged with the claim's outcome (or a serious harm that caps a safety claim)
    setting_hit: np.ndarray  # tagged with the claim's population or one of its sub-populations
    setting_miss: np.ndarray  # tagged with other populations only
    route_miss: np.ndarray  # tagged with other routes only


def fused_score(index: SearchIndex, claim: Claim, lib: Library, semantic: np.ndarray | None = None) -> Fused:
    """The score ``candidates`` ranks records by: BM25 and similarity on z-scores, plus the tag boosts and
    penalties. ``semantic``: as for ``candidates``."""
    text = query_text(claim)
    tokens = [t for t in tokenize(text) if t != "ketamine"]
    bm25 = index.bm25(tokens)
    if semantic is None:
        semantic = index.similarity(text, lib)
    score = _z(bm25) + SEMANTIC_WEIGHT * _z(semantic.astype(np.float64))
    vocab = default_vocabulary()
    outcome_hit = np.zeros(index.n, dtype=bool)
    for o in claim.outcomes + _serious_harms(claim):
        outcome_hit |= index.tag_mask("outcome", o)
    score += OUTCOME_BOOST * outcome_hit
    setting_hit = np.zeros(index.n, dtype=bool)
    setting_miss = np.zeros(index.n, dtype=bool)
    if claim.settings:
        wanted = set().union(*(vocab.descendants("setting", s) for s in claim.settings))
        any_setting = np.zeros(index.n, dtype=bool)
        for t in vocab.ids("setting"):
            mask = index.tag_mask("setting", t)
            any_setting |= mask
            if t in wanted:
                setting_hit |= mask
        setting_miss = any_setting & ~setting_hit
        score += SETTING_BOOST * setting_hit + SETTING_MISS * setting_miss
    route_miss = np.zeros(index.n, dtype=bool)
    if claim.routes:
        route_hit = np.zeros(index.n, dtype=bool)
        any_route = np.zeros(index.n, dtype=bool)
        for t in vocab.ids("route"):
            mask = index.tag_mask("route", t)
            any_route |= mask
            if t in claim.routes:
                route_hit |= mask
        route_miss = any_route & ~route_hit
        score += ROUTE_BOOST * route_hit + ROUTE_MISS * route_miss
    score += CONCEPT_BOOST * _concept_mask(index, claim)
    return Fused(score, bm25, semantic, outcome_hit, setting_hit, setting_miss, route_miss)


def candidates(
    index: SearchIndex, claim: Claim, lib: Library, k: int = CANDIDATES, semantic: np.ndarray | None = None
) -> list[Candidate]:
    """The records to read for a claim, best first, each with the reason it was picked. ``semantic``: the
    similarity of every record to the claim's query, when computed for many claims at once."""
    if index.n == 0:
        return []
    fused = fused_score(index, claim, lib, semantic)
    score, bm25, semantic = fused.score, fused.bm25, fused.semantic
    outcome_hit, setting_hit = fused.outcome_hit, fused.setting_hit
    vocab = default_vocabulary()
    picked = [int(i) for i in _top(score, np.ones(index.n, dtype=bool), k)]
    taken = np.zeros(index.n, dtype=bool)
    taken[picked] = True
    # the strongest designs on the claim's outcome (and population) are always read
    strong = np.zeros(index.n, dtype=bool)
    if claim.kind in TEXTBOOK_KINDS:
        designs = list(TEXTBOOK_DESIGNS)
    else:  # the designs of the vocabulary's strong tiers (reviews, trials)
        designs = [d for d in vocab.ids("design") if vocab.strong(d)]
    for d in designs:
        strong |= index.tag_mask("design", d)
    if claim.kind in TEXTBOOK_KINDS:
        focus = strong  # a review states a mechanism whatever population it is about
    else:
        focus = strong & (outcome_hit if claim.outcomes else True) & (setting_hit if claim.settings else True)
    n_extra = TEXTBOOK_EXTRA if claim.kind in TEXTBOOK_KINDS else STRONG_EXTRA
    extra = [int(i) for i in _top(score, np.asarray(focus, dtype=bool) & ~taken, n_extra)]
    out = []
    for rank, i in enumerate(picked + extra):
        why = f"ranked {rank + 1} (BM25 {bm25[i]:.1f}, similarity {float(semantic[i]):.2f})"
        if rank >= len(picked):
            why = f"a {'/'.join(designs)} record on the claim's outcome; " + why
        out.append(Candidate(i, int(index.ids[i]), float(score[i]), why))
    return out
