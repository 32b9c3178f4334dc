"""Round 96 (in-sample, from the seventy-third set, after it was measured): "IV doses above 1.5 mg/kg do not seem to
deepen the sedation; they only make it last longer" was read as an absolute denial of sedation and contradicted by the
records of sedation with ketamine, where the reviewers find no record that compares doses (no evidence). What doses past
a figure do ("above 1.5 mg/kg ... deepen", "... last longer") is a claim of what a dose does ([normalise]
dosing_agent), which only records that compare doses would show.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Three reasons to use ketamine before hospital"
ABOVE = "IV doses above 1.5 mg/kg do not seem to deepen the sedation; they only make it last longer."
# guard: a denial of sedation with no dose in it stays a claim about the harm
NO_DOSE = "Ketamine does not cause sedation."
claims = page_claims_fixture("\n\n".join([TITLE, ABOVE]), TITLE)


def test_what_doses_past_a_figure_do_is_a_dosing_claim() -> None:
    r = readings(TITLE, ABOVE, NO_DOSE)
    assert r[ABOVE].kind == "dosing", r[ABOVE].reasons
    assert r[NO_DOSE].kind in ("safety", "side_effect") and r[NO_DOSE].direction == "does_not_cause"


def test_deeper_sedation_at_higher_doses_is_not_contradicted_by_sedation(claims: dict[str, dict]) -> None:
    c = claims[ABOVE]
    assert c["verdict"] != "contradicted", c["explanation"]
