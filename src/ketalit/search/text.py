"""Words for searching: the same folding, stop words and light stemming for records and queries."""

from __future__ import annotations

import re

from ..records import fold_ascii

STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or such that the their then there "
    "these they this to was were which will with".split()
)


def fold(text: str) -> str:
    return fold_ascii(text).lower()


_BRITISH = [(re.compile(r"(?<=[a-z])(?:ae|oe)(?=[a-z])"), "e"), (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1")]


def stem(word: str) -> str:
    """Light normalisation, the same for documents and queries: plurals (infusions -> infusion, therapies ->
    therapy) and British spellings (apnoea -> apnea, anaesthesia -> anesthesia, nebulised -> nebulized)."""
    for rx, repl in _BRITISH:
        word = rx.sub(repl, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# After folding, text is ASCII: a word is a run of letters, digits and underscores (as the regular expression
# \w\w+|\d reads it: two characters or more, or one digit), found by str.split once the rest is spaces.
_SPACES = {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")}
_TOKENS: dict[str, str] = {}  # word -> its token ("" for a stop word): words repeat, stemming them again is waste
_TOKENS_MAX = 500_000


def _token(word: str) -> str:
    if len(_TOKENS) >= _TOKENS_MAX:
        _TOKENS.clear()
    token = "" if word in STOPWORDS or (len(word) < 2 and not word.isdigit()) else stem(word)
    _TOKENS[word] = token
    return token


def tokenize(text: str) -> list[str]:
    words = fold(text).translate(_SPACES).split()
    tokens = list(map(_TOKENS.get, words))
    if None in tokens:
        tokens = [t if t is not None else _token(w) for t, w in zip(tokens, words, strict=True)]
    return [t for t in tokens if t]
