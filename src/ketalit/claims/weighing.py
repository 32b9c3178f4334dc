"""``data/weighing.toml``, how evidence is weighed on a claim: loaded once for retrieval, stance and verdicts."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .._compat import tomllib
from ..tagging.tagger import default_vocabulary


@lru_cache(maxsize=1)
def weighing() -> dict[str, Any]:
    """``data/weighing.toml``, its setting ids checked against the vocabulary."""
    data = tomllib.loads(resources.files("ketalit").joinpath("data/weighing.toml").read_text(encoding="utf-8"))
    vocab = default_vocabulary()
    for key, ids in data.get("population", {}).items():
        for tag in ids:
            if not vocab.has("setting", tag):
                raise ValueError(f"data/weighing.toml: [population] {key}: {tag!r} is not a vocabulary setting")
    return data


@lru_cache(maxsize=16)
def pattern(section: str, key: str) -> re.Pattern[str]:
    """One case-insensitive pattern for ``[section] key`` of ``data/weighing.toml``: a list of patterns (any of them)
    or a single pattern."""
    value = weighing()[section][key]
    patterns = [value] if isinstance(value, str) else value
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
