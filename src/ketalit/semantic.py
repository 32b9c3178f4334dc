"""Sentence embeddings from the 256-dimension model that ships inside the wordllama wheel (MIT).

Loaded from the package's own folder with downloads disabled: nothing is fetched at run time. The model averages
token embeddings, so it knows that "hepatic" is near "liver" but not that "did not reduce pain" differs from
"reduced pain": use it to find candidates, never to judge them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .kept import Kept

MODEL = "wordllama-l2-supercat-256"  # with MAX_CHARS, the signature of cached embeddings
MAX_CHARS = 1000  # a record's title and the start of its abstract: its topic, at half the cost of all of it


@lru_cache(maxsize=1)
def model() -> Any:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


# one text's embedding, made once per process and model: a claim's query is embedded each time it is linked, and a
# claim's heading and lead-in each time it is read
_ONE: Kept[str, tuple[Any, np.ndarray]] = Kept(8192)


def embed(texts: list[str], batch_size: int = 128) -> np.ndarray:
    """Unit-length embeddings, one row per text (texts are cut to MAX_CHARS; batches are formed by length)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    embedder = model()
    if len(texts) == 1:
        kept = _ONE.get(texts[0])
        if kept is not None and kept[0] is embedder:
            return kept[1].copy()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = embedder.embed([texts[i][:MAX_CHARS] or " " for i in order], norm=True, batch_size=batch_size)
    out = np.empty_like(vectors)
    out[order] = vectors
    out = np.nan_to_num(out)
    if len(texts) == 1:
        _ONE.keep(texts[0], (embedder, out.copy()))
    return out
