"""Round 84 (in-sample, from the sixty-seventh set): "Ketamine may give pain relief similar to that of opioids, with a
different safety profile, especially in emergency settings" was read as a claim of safety ("safety") and contradicted,
where the reviewers call the comparison of relief supported. A safety profile said only to differ claims nothing about
safety ([normalise] safe, safety; and no outcome of harm: [normalise.outcome_not] adverse_events), and relief "similar
to that of opioids" is relief as good as theirs (as_good_between). A sentence that also says ketamine did more than
the same drug is no comparison of equals (normalise.as_good_as).
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine: is it an opioid?"
SIMILAR = (
    "Ketamine may give pain relief similar to that of opioids, with a different safety profile, especially in "
    "emergency settings."
)
# guards: a difference said beside the likeness keeps the comparison a difference; a claim of safety is still one
MORE = (
    "At 15 minutes after it was given, ketamine relieved pain more than morphine did, and its efficacy was similar to "
    "that of morphine at 30, 60, 90 and 120 minutes."
)
SAFER = "Ketamine has a better safety profile than opioids."


def test_relief_like_the_opioids_with_a_profile_that_differs_is_a_comparison_of_relief() -> None:
    r = readings(TITLE, SIMILAR, MORE, SAFER)
    got = r[SIMILAR]
    assert (got.kind, got.direction, got.comparator) == ("comparative", "as_good", "opioids"), got.reasons
    assert "adverse_events" not in got.outcomes, got.outcomes
    assert r[MORE].direction != "as_good", r[MORE].reasons
    assert "adverse_events" in r[SAFER].outcomes, (r[SAFER].kind, r[SAFER].outcomes)
