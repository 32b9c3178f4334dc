"""Round 47: the forty-third set's contradicted sentences, read for their general cause once it was measured (in-sample
since).

- A hospital guideline's "Even so, it depresses breathing only minimally, and marked dysphoria or hallucinations
  seldom happen" and a nursing article's safety claim were contradicted by meta-analyses in which psychotomimetic
  effects were more frequent with ketamine than with placebo. A harm said to be rare ("seldom", "rarely", "uncommon")
  is a claim of how often it happens, not that it never does: records that it happened, or happened more often than
  with placebo, do not say it is common. Against the records that it is rare, such a claim is mixed (the same
  misreading had contradicted "Rarely, ketamine can also bring on psychotic symptoms" and "at low doses hallucinations
  are rare" on earlier sets, which their reviewers call mixed). A claim that it never happens is still contradicted.
"""

from __future__ import annotations

from conftest import page_claims_fixture

SELDOM = "Marked dysphoria or hallucinations seldom happen with ketamine."
RARE = "At low doses, hallucinations with ketamine are rare."
NEVER = "Ketamine never causes hallucinations."
PAGE = "\n\n".join(["Ketamine for pain", SELDOM, RARE, NEVER])
claims = page_claims_fixture(PAGE, "Ketamine for pain")


def test_a_harm_said_to_be_rare_is_not_contradicted_by_its_occurrence(claims: dict[str, dict]) -> None:
    for quote, word in ((SELDOM, "seldom"), (RARE, "rare")):
        c = claims[quote]
        assert c["proposition"]["direction"] == "does_not_cause", c["proposition"]
        assert c["verdict"] == "mixed", c["explanation"]
        assert f"the harm is rare ('{word}')" in c["explanation"], c["explanation"]


def test_a_harm_said_never_to_happen_is_still_contradicted(claims: dict[str, dict]) -> None:
    c = claims[NEVER]
    assert c["verdict"] == "contradicted", c["explanation"]
    assert "is rare" not in c["explanation"], c["explanation"]
