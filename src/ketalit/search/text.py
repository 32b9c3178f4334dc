"""Words for searching: the same folding, stop words and light stemming for records and queries."""

from __future__ import annotations

import re

from ..records import fold_ascii

STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or such that the their then there "
    "these they this to was were which will with".split()
)
_WORD = re.compile(r"\w\w+|\d")


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


_TOKENS: dict[str, str] = {}  # word -> its token ("" for a stop word): words repeat, stemming them again is waste
_TOKENS_MAX = 500_000


def tokenize(text: str) -> list[str]:
    out = []
    memo = _TOKENS
    for w in _WORD.findall(fold(text)):
        t = memo.get(w)
        if t is None:
            if len(memo) >= _TOKENS_MAX:
                memo.clear()
            t = memo[w] = "" if w in STOPWORDS else stem(w)
        if t:
            out.append(t)
    return out
