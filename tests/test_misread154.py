"""Round 154 (in-sample, every set to the hundred-and-seventeenth): a history claim's date or approval that no record
gives. "Ketamine's use in people was first reported in 1965" was read by its words and supported by records that say
ketamine was first used, with no year; "Ketamine derives from an anaesthetic that first gained approval in 1970" by
records that call it an anaesthetic. Use first reported or tried in a year is a date of use (data/weighing.toml, the
part "used for decades"), which a record must give; approval gained, received or won is a regulator's decision
([textbook] regulatory), which the abstracts do not record (the reviewers: insufficient, both).
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "About ketamine"
REPORTED = "Ketamine's use in people was first reported in 1965."
APPROVAL = "Ketamine derives from an anaesthetic that first gained approval in 1970."
claims = page_claims_fixture("\n\n".join([TITLE, REPORTED, APPROVAL]), TITLE)


def test_a_year_of_first_use_must_be_given_by_a_record(claims: dict[str, dict]) -> None:
    claim = claims[REPORTED]
    assert claim["verdict"] != "supported", claim["explanation"]
    assert "1965" in claim["explanation"], claim["explanation"]


def test_approval_gained_is_a_regulators_decision(claims: dict[str, dict]) -> None:
    claim = claims[APPROVAL]
    assert claim["verdict"] != "supported", claim["explanation"]
    assert "regulator" in claim["explanation"], claim["explanation"]
