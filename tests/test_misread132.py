"""Round 132 (in-sample, from the eighty-eighth set): two side-effect sentences of a blog on whether ketamine is an
opioid were read as saying less than they do. "Ketamine can also alter blood pressure and heart rate, and in rare
cases ..." was read as a harm said to be rare ("rare" in "in rare cases"), a claim that it does not happen, and
weighed as mixed (the reviewers: supported); a harm said to happen "in rare cases" happens ([normalise] harm_unlikely
no longer reads it). "At higher doses or with long-term use, though, it can bring on hallucinations, confusion and
even psychosis" was read as saying how the harm goes ("long-term") and capped at mixed (the reviewers: supported
three times); "with long-term use" is when the harm comes, not that it lasts (weighing.toml [harm] qualifiers).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "The ketamine controversy: is it really an opioid?"
RARE_CASES = "Ketamine can also alter blood pressure and heart rate, and in rare cases it can cause seizures."
LONG_USE = (
    "At higher doses or with long-term use, though, it can bring on hallucinations, confusion and even psychosis."
)
# guards: a harm said to be rare is still one said to be rare, and one said to be long-term still lasts
RARE = "Serious side effects of ketamine infusions are rare."
LASTING = "With long-term use, ketamine can cause long-term memory problems."
claims = page_claims_fixture("\n\n".join([TITLE, RARE_CASES, LONG_USE, RARE, LASTING]), TITLE)


def test_in_rare_cases_happens_and_long_term_use_is_when(claims: dict[str, dict]) -> None:
    r = readings(TITLE, RARE_CASES, LONG_USE, RARE, LASTING)
    assert r[RARE_CASES].direction == "causes", r[RARE_CASES].reasons
    assert r[RARE].direction == "does_not_cause", r[RARE].reasons
    assert claims[LONG_USE]["verdict"] == "supported", claims[LONG_USE]["explanation"]
    assert "how the harm goes" not in claims[LONG_USE]["explanation"], claims[LONG_USE]["explanation"]
    assert "how the harm goes ('long-term')" in claims[LASTING]["explanation"], claims[LASTING]["explanation"]
