"""Round 131 (in-sample, from the eighty-eighth set): "Ketamine has come forward as one possible answer, since it has
given encouraging results in controlling pain without carrying the same addiction risk", after a sentence on the hunt
for safer substitutes for opioids, was read as a denial that ketamine is addictive and `contradicted` on the records
of its abuse (the reviewers: insufficient, for no record compares its addiction risk with opioids'). Not "the same"
risk is a lower risk than the drug the sentence before names ([normalise] lower_risk), and "without carrying the same
... risk" a harm denied only in degree beside it (harm_degree_denied): weighed on comparisons with opioids, of which
the library has none.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "The ketamine controversy: is it really an opioid?"
BEFORE = "Amid the opioid crisis, doctors and scientists have been working hard to find safer substitutes for opioids."
SAME = (
    "Ketamine has come forward as one possible answer, since it has given encouraging results in controlling pain "
    "without carrying the same addiction risk."
)
# guard: a risk denied outright is still a denial
NONE = "Ketamine controls pain without carrying any risk of addiction."
claims = page_claims_fixture("\n\n".join([TITLE, BEFORE + " " + SAME, NONE]), TITLE)


def test_not_the_same_risk_is_a_lower_risk_than_the_drug_before(claims: dict[str, dict]) -> None:
    r = readings(TITLE, BEFORE, SAME, NONE)
    assert r[SAME].comparator == "opioids", r[SAME].reasons
    assert r[SAME].direction == "less_harm", r[SAME].reasons
    assert claims[SAME]["verdict"] != "contradicted", claims[SAME]["explanation"]
    assert r[NONE].direction == "does_not_cause", r[NONE].reasons
    assert claims[NONE]["verdict"] == "contradicted", claims[NONE]["explanation"]
