"""Words several rules of ``data/claim_text.toml`` share have one home, [fragments], named in a rule as "(?&name)"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ketalit.claims.extract import extract_claims, rules, with_fragments
from ketalit.claims.normalise import normalise


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def test_a_named_fragment_stands_in_the_rule_as_a_group() -> None:
    data = with_fragments({"fragments": {"verb": "cut|stop"}, "extract": {"x": [r"\b(?&verb)\b down", "plain"]}})
    assert data == {"extract": {"x": [r"\b(?:cut|stop)\b down", "plain"]}}
    rx = re.compile(data["extract"]["x"][0])
    assert rx.search("we stop down") and not rx.search("we cutstop down")


def test_a_fragment_name_that_is_not_defined_is_an_error_not_a_silent_pattern() -> None:
    with pytest.raises(ValueError, match="verbs"):
        with_fragments({"fragments": {"verb": "cut"}, "extract": {"x": [r"(?&verbs) down"]}})


def test_the_shipped_rules_are_loaded_with_every_fragment_filled_in() -> None:
    texts = _strings(rules())
    assert texts and not [t for t in texts if "(?&" in t]
    for t in texts:  # each is a pattern Python can compile once filled in
        re.compile(t)


@pytest.mark.parametrize(
    "sentence",
    [
        "After the infusions many patients stopped taking their opioids altogether.",
        "Many patients are cutting back on their opioids after a series of infusions.",
        "Ketamine cuts the opioids patients need after surgery.",
    ],
)
def test_every_form_of_the_shared_verbs_reads_as_fewer_opioids(sentence: str) -> None:
    # one home for the verbs: each form reads as opioid sparing wherever the rules read it
    page = "Ketamine infusions for chronic pain\n\nKetamine is given as a low-dose infusion.\n\n" + sentence + "\n"
    claims = [c for c in extract_claims(page) if "opioid" in c.quote]
    assert claims, "the sparing sentence is a claim"
    n = normalise(claims[0], page)
    assert n.kind == "efficacy" and "opioid_consumption" in n.outcomes, (n.kind, n.outcomes, n.reasons)
