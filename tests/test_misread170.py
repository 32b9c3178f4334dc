"""Round 170 (in-sample, from the hundred-and-thirty-ninth set): "France's medicines safety agency (ANSM) has received
reports of several cases of liver injury linked with ketamine use" was read as a claim of safety (the word 'safety' in
the agency's name) that ketamine does not harm the liver, and contradicted on the reports of liver injury: a report of
the harm read as its denial. "safe", "safety" and "safer" are now no word of a claim of safety where they name a body
("safety agency", "safety authority", "safety board", "safety committee": data/claim_text.toml safe and safety).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

AGENCY = (
    "France's medicines safety agency (ANSM) has received reports of several cases of liver injury linked with "
    "ketamine use."
)
# guards: a claim of safety, and one that names the harm as denied, keep their reading
SAFE = "Ketamine is safe for the liver at the doses used for pain."
DENIED = "Ketamine does not damage the liver."

TITLE = "Ketamine: respect the doses to avoid liver injury"


def test_a_safety_agency_is_no_claim_of_safety() -> None:
    r = readings(TITLE, AGENCY, SAFE, DENIED)
    assert r[AGENCY].kind != "safety", r[AGENCY].reasons
    assert r[AGENCY].direction != "does_not_cause", r[AGENCY].reasons
    assert r[SAFE].kind == "safety" and r[SAFE].direction == "does_not_cause", r[SAFE].reasons
    assert r[DENIED].direction == "does_not_cause", r[DENIED].reasons


claims = page_claims_fixture("\n\n".join([TITLE, AGENCY]), TITLE)


def test_reports_of_the_harm_do_not_contradict_it(claims: dict[str, dict]) -> None:
    c = claims[AGENCY]
    assert c["verdict"] != "contradicted", c["explanation"]
