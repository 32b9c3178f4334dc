"""Round 152 (in-sample, from the hundred-and-fifteenth set): two comparisons of a harm read as denials of it, each
contradicted by the records that report the harm. "Running it in over 15 minutes has been found to lessen
psychoperceptual side effects, nausea and vomiting, and dizziness" sets a slow infusion against a fast push, as a
remedy for the side effects does (data/claim_text.toml remedy): ketamine given one way against ketamine given the other,
which only records that compare the two can show. "Ketamine does not bring the same danger of addiction or of
depressed breathing that opioids do" is less of the harm than with opioids, not none (harm_degree_denied, which had the
degree, level, amount, extent and risk of a harm, not its danger).
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for pain in the emergency department"
SLOW = "Giving it over 15 minutes has been found to lessen nausea, vomiting and dizziness."
DANGER = "Ketamine does not bring the same danger of addiction or of depressed breathing that opioids do."
claims = page_claims_fixture("\n\n".join([TITLE, SLOW, DANGER]), TITLE)


def test_a_slower_infusion_said_to_lessen_side_effects_is_not_a_denial_of_them(claims: dict[str, dict]) -> None:
    claim = claims[SLOW]
    assert claim["proposition"]["direction"] == "less_harm", claim["assertion"]
    assert claim["proposition"]["comparator"] == "ketamine without the remedy", claim["assertion"]
    assert claim["verdict"] != "contradicted", claim["explanation"]


def test_not_the_same_danger_as_opioids_is_less_harm_than_with_them(claims: dict[str, dict]) -> None:
    claim = claims[DANGER]
    assert claim["proposition"]["direction"] == "less_harm", claim["assertion"]
    assert claim["proposition"]["comparator"] == "opioids", claim["assertion"]
    assert claim["verdict"] != "contradicted", claim["explanation"]
