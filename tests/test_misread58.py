"""Round 58 (in-sample, from the fifty-third set): "The side effects seen with larger doses of ketamine (nausea,
vomiting, vivid dreams, hallucinations, dissociation) are no more frequent than with placebo at the doses used for
pain" was weighed as a claim that those harms never happen, and contradicted by every record in which one occurred
(labelled mixed five times: the meta-analyses disagree). A harm said to be no more frequent than with placebo is
weighed on comparisons with placebo only.
"""

from __future__ import annotations

from conftest import page_claims_fixture

NO_EXCESS = (
    "The side effects seen with larger doses of ketamine (nausea, vomiting, hallucinations, dissociation) are no more "
    "frequent than with placebo at the doses used for pain."
)
# guard: a harm denied outright is still weighed as never happening
NEVER = "Ketamine never causes hallucinations."

claims = page_claims_fixture("\n\n".join(["Ketamine for acute pain", NO_EXCESS, NEVER]), "Ketamine for acute pain")


def test_a_harm_no_more_frequent_than_with_placebo_is_weighed_on_placebo_comparisons(claims: dict[str, dict]) -> None:
    c = claims[NO_EXCESS]
    assert c["proposition"]["direction"] == "does_not_cause", c
    assert c["verdict"] == "mixed", c["explanation"]
    assert "only records that compare ketamine with placebo are weighed" in c["explanation"], c["explanation"]


def test_a_harm_denied_outright_is_still_contradicted_by_its_occurrence(claims: dict[str, dict]) -> None:
    assert claims[NEVER]["verdict"] == "contradicted", claims[NEVER]["explanation"]
