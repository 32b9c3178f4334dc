"""Misreadings found on the thirtieth set's pages once they were measured and joined the folds (round 34).

- "it can bring relief where conventional therapies have not worked, frequently with fewer long-term side effects":
  the trained kind model read it as a claim of how long relief lasts, and null trials at weeks made it
  `contradicted`; the only time in it is how long side effects last (``harm_time``), so the model's duration reading
  is not taken.
- "giving smaller doses would further lower the chance of tolerance and dependence" says what a lower dose does
  against a higher one (a remedy), not that ketamine never causes dependence: it was `contradicted` by the records of
  dependence with ketamine.
- "ketamine's adverse effects generally rise with the dose": the trained kind model read it as an effect on a
  condition, and so weighed the adverse events as if they were relief; side effects said to happen, with no word of
  anything getting better, keep their harm reading.
"""

from __future__ import annotations

from ketalit.claims.normalise import harm_time_only

from conftest import keeps_its_verdict, page_claims_fixture

LONG_TERM_HARMS = (
    "Given in a controlled clinical environment, it can bring relief where conventional therapies have not "
    "worked, frequently with fewer long-term side effects than staying on medication."
)
SMALLER_DOSES = (
    "It is also probable that giving smaller doses would further lower the chance of tolerance and dependence."
)
RISE_WITH_DOSE = (
    "Response: Earlier studies have taught us that ketamine's adverse effects generally rise with the dose."
)
NEAR_MISSES = {
    "Ketamine can cause dependence.": "supported",
    "Ketamine infusions can cause nausea.": "supported",
}

PAGE = "Ketamine Infusion Therapy\n\n" + "\n\n".join(
    [
        LONG_TERM_HARMS,
        SMALLER_DOSES,
        "PainRelief.com: What is the main lesson of your report for readers?",
        RISE_WITH_DOSE + " Because the pain control reached with 0.3 mg/kg did not differ significantly from that "
        "reached with 0.15 mg/kg, the smaller dose may be enough.",
        *NEAR_MISSES,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine Infusion Therapy")
test_true_claims_worded_alike_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_how_long_side_effects_last_is_no_time_of_relief(claims: dict[str, dict]) -> None:
    assert harm_time_only(LONG_TERM_HARMS) == "long-term side effects"
    assert harm_time_only("Ketamine gives long-term relief, with few long-term side effects.") is None
    c = claims[LONG_TERM_HARMS]
    assert c["kind"] != "duration", c["kind_reason"]
    assert c["verdict"] != "contradicted", c["explanation"]


def test_a_smaller_dose_against_dependence_is_a_remedy(claims: dict[str, dict]) -> None:
    c = claims[SMALLER_DOSES]
    assert c["proposition"]["direction"] == "less_harm", c["proposition"]
    assert c["verdict"] != "contradicted", c["explanation"]


def test_side_effects_rising_with_dose_are_no_relief(claims: dict[str, dict]) -> None:
    c = claims[RISE_WITH_DOSE]
    assert c["kind"] != "efficacy", c["kind_reason"]
    assert c["proposition"]["direction"] != "improves", c["proposition"]
