"""Prioritised screening: offer next the unscreened record most likely to be included, learned from the decisions
made so far (active learning, as ASReview does).

The model is ASReview's default recipe, fixed beforehand and not tuned on any labels of ours: TF-IDF features of the
title, abstract and keywords (words and word pairs, sublinear term frequency) and a linear support vector machine
with balanced class weights, refitted after every decision. It needs at least one include and one exclude; until
then records come in library order. "maybe" counts as include (the record deserves a look). scikit-learn is imported
only here, so commands that do not rank start fast.
"""

from __future__ import annotations

from typing import Any

from .library import Library
from .records import abstract_text, record_text


def features(texts: list[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode", min_df=1).fit_transform(
        texts
    )


def scores(matrix: Any, labelled: dict[int, bool], candidates: list[int]) -> list[float]:
    """Decision scores (higher: more likely an include) for the ``candidates`` rows of ``matrix``, from a model
    trained on the ``labelled`` rows (row -> included?). Needs both classes."""
    from sklearn.svm import LinearSVC

    rows = list(labelled)
    model = LinearSVC(class_weight="balanced", C=1.0, random_state=0)
    model.fit(matrix[rows], [labelled[r] for r in rows])
    return [float(x) for x in model.decision_function(matrix[candidates])]


def rank(lib: Library, stage: str = "title_abstract", reviewer: str = "", limit: int = 1) -> dict[str, Any]:
    """The records ``reviewer`` has not yet screened at ``stage``, best first, learned from that reviewer's own
    decisions (two reviewers stay independent). At full text only records that passed title/abstract are offered."""
    from .screening import decisions, record_stages

    mine = {d["record"]: d["decision"] for d in decisions(lib, stage=stage) if d["reviewer"] == reviewer}
    pool = []
    ta = {r: st["title_abstract"]["decision"] for r, st in record_stages(lib).items() if "title_abstract" in st}
    passed = {r for r, d in ta.items() if d in ("include", "maybe")}
    for doc_id, _ in lib.iter_records():
        if stage == "full_text" and doc_id not in passed:
            continue
        pool.append(doc_id)
    candidates = [d for d in pool if d not in mine]
    result: dict[str, Any] = {"stage": stage, "reviewer": reviewer, "screened": len(mine), "left": len(candidates)}
    if not candidates:
        return {**result, "model": None, "records": []}
    labels = {d: mine[d] != "exclude" for d in pool if d in mine}
    order: list[tuple[int, float | None]]
    if len(set(labels.values())) < 2:
        order = [(d, None) for d in candidates]
        result["model"] = None
        result["why"] = "needs at least one include and one exclude to learn from; library order until then"
    else:
        texts = [record_text(lib.record(d)) for d in pool]
        matrix = features(texts)
        row = {d: i for i, d in enumerate(pool)}
        s = scores(matrix, {row[d]: v for d, v in labels.items()}, [row[d] for d in candidates])
        order = sorted(zip(candidates, s, strict=True), key=lambda x: -x[1])  # type: ignore[operator]
        result["model"] = "tfidf-1-2gram + linear SVM (balanced)"
    out = []
    for doc_id, score in order[:limit]:
        rec = lib.record(doc_id)
        out.append(
            {
                "id": rec.get("pmid") or rec.get("doi") or rec.get("citekey"),
                "citekey": rec.get("citekey"),
                "year": rec.get("year"),
                "journal": rec.get("journal") or rec.get("journal_iso"),
                "title": rec.get("title") or "",
                "abstract": abstract_text(rec),
                "score": None if score is None else round(score, 4),
            }
        )
    return {**result, "records": out}
