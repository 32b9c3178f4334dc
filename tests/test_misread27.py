"""Denials and risks misread as pain relief (round 27, branch misread27; tests/adversarial/misread27.toml holds the
false sentences).

- A dependence denied in words other than "addictive" ("not habit forming", "non-habit forming", "non habit-forming",
  "won't become a habit"; ``data/claim_text.toml`` dependence, negation) is a dependence claim, and an absolute one
  (``data/weighing.toml`` [harm] absolute): contradicted by credible reports of dependence, abuse or misuse with
  ketamine. "Even when taken every day" widens the denial, it does not scope it to a way of giving the drug; a
  leading "Taken every week," is no clause of its own, so the negation after it is the claim's.
- Breathing said not to be affected ("never affects breathing", "won't slow your breathing", "never interferes with
  your breathing") is respiratory depression denied (``data/claim_text.toml`` harm), whatever the page's heading;
  "little effect on breathing" makes it small (the usual weighing, never the absolute rule).
- A contrast set before the subject ("Unlike opioids, ketamine never affects breathing at any dose") is no
  comparison of degree when the denial is said of every occasion ([harm] contrast_lead, absolute_always; "at any
  dose" widens, never scopes): contradicted by the harm's occurrence. Without such a word ("Unlike opioids, ketamine
  does not suppress breathing") it keeps the weighing of a comparison.
- The risk of a condition said to be lowered ("lowers the risk of dementia", "cuts the chance of strokes", "the rate
  of heart disease") that names no harm, no pain and nothing the vocabulary tags must be named by a record
  (``normalise.risk_unread``): with none, no evidence, and the explanation names the condition; never a verdict drawn
  from pain records.
"""

from __future__ import annotations

import pytest

from conftest import keeps_its_verdict, page_claims_fixture

DEPENDENCE_DENIED = [
    "Our infusions are not habit forming.",
    "Ketamine is a non habit-forming medicine.",
    "Taken every week, ketamine won't become a habit.",
    "Even taken daily, ketamine isn't addictive.",
]
BREATHING_DENIED = [
    "Ketamine never interferes with your breathing.",
    "Ketamine infusions won't slow your breathing.",
    "Unlike morphine, ketamine does not depress breathing at any dose.",
]
RISK_UNREAD = {
    "Ketamine infusions cut the chance of strokes in patients with CRPS.": "'stroke'",
    "Ketamine reduces the odds of developing Alzheimer's in people with fibromyalgia.": "'alzheimer'",
}
# true claims worded alike, and hedged or compared denials: their verdicts on main
NEAR_MISSES = {
    "Ketamine lowers pain scores in chronic pain patients.": "mixed",
    "Ketamine can be habit-forming.": "supported",
    "Ketamine has little effect on breathing at analgesic doses.": "mixed",
    "Unlike opioids, ketamine does not suppress breathing.": "mixed",
    "Ketamine lowers the risk of nausea.": "mixed",
    "Ketamine reduces the rate of opioid use after surgery.": "supported",
}

PAGE = "Ketamine Infusions for Chronic Pain\n\n" + "\n\n".join(
    [*DEPENDENCE_DENIED, *BREATHING_DENIED, *RISK_UNREAD, *NEAR_MISSES]
)
claims = page_claims_fixture(PAGE, "Ketamine Infusions for Chronic Pain")
test_true_and_hedged_claims_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


@pytest.mark.parametrize("quote", DEPENDENCE_DENIED)
def test_a_dependence_denied_in_other_words_is_an_absolute_claim(claims: dict[str, dict], quote: str) -> None:
    claim = claims[quote]
    assert claim["kind"] == "dependence", claim["explanation"]
    assert claim["verdict"] == "contradicted", claim["explanation"]
    assert "An absolute claim" in claim["explanation"] and "abuse dependence" in claim["explanation"]


@pytest.mark.parametrize("quote", BREATHING_DENIED)
def test_breathing_said_not_to_be_affected_is_a_denied_harm(claims: dict[str, dict], quote: str) -> None:
    claim = claims[quote]
    assert claim["kind"] in ("safety", "side_effect"), claim["explanation"]
    assert claim["verdict"] == "contradicted", claim["explanation"]
    assert "An absolute claim" in claim["explanation"] and "(respiratory)" in claim["explanation"]


def test_a_small_effect_on_breathing_or_a_compared_denial_is_not_absolute(claims: dict[str, dict]) -> None:
    for quote in ("Ketamine has little effect on breathing at analgesic doses.",
                  "Unlike opioids, ketamine does not suppress breathing."):  # fmt: skip
        assert "An absolute claim" not in claims[quote]["explanation"], claims[quote]["explanation"]
    assert claims["Ketamine has little effect on breathing at analgesic doses."]["kind"] in ("safety", "side_effect")


@pytest.mark.parametrize("quote", sorted(RISK_UNREAD))
def test_the_risk_of_a_condition_no_record_names_is_no_evidence(claims: dict[str, dict], quote: str) -> None:
    claim = claims[quote]
    assert claim["verdict"] == "no_evidence", claim["explanation"]
    assert RISK_UNREAD[quote] in claim["explanation"], claim["explanation"]
