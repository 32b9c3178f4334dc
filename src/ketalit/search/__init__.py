"""Search: the query language (``query``), its words (``text``), the index kept beside the library (``store``) and
searching it (``index``).

The index and searching need numpy; they are imported when first used, so that commands which only write records
(and keep the index up to date through ``store``) start fast.
"""

from typing import Any

from .query import (
    FIELDS,
    PUBMED_TAGS,
    SCREEN_FIELDS,
    SCREEN_VALUES,
    TAG_AXES,
    Node,
    QueryError,
    highlight_terms,
    parse_query,
    positive_terms,
)
from .text import STOPWORDS, fold, stem, tokenize

__all__ = [
    "FIELDS",
    "PUBMED_TAGS",
    "SCREEN_FIELDS",
    "SCREEN_VALUES",
    "STOPWORDS",
    "TAG_AXES",
    "Node",
    "QueryError",
    "SearchIndex",
    "fold",
    "highlight_terms",
    "parse_query",
    "positive_terms",
    "search_library",
    "stem",
    "tokenize",
]


def __getattr__(name: str) -> Any:
    if name in ("SearchIndex", "search_library"):
        from . import index

        return getattr(index, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
