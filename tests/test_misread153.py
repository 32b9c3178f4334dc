"""Round 153 (in-sample, every set to the hundred-and-seventeenth): an onset set against the weeks or months other
treatments take ("It brings relief within hours to days rather than weeks", "Whereas traditional medicines need weeks
before they work, ketamine often brings relief within hours or days") was read as a claim of onset alone and supported
by the trials of relief within minutes, where the reviewers read a claim that ketamine acts sooner than those
treatments, which no record times beside it (insufficient). Such a claim now compares (data/claim_text.toml
time_contrast): with what the sentence names, else with what the sentence before names, else with "other treatments";
an onset with no contrast is read as before.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for pain"
RATHER = "Ketamine brings relief within hours to days rather than weeks."
WHEREAS = "Whereas traditional medicines need weeks before they work, ketamine often brings relief within hours."
PLAIN = "Ketamine can relieve pain within minutes."
claims = page_claims_fixture("\n\n".join([TITLE, RATHER, WHEREAS, PLAIN]), TITLE)


def test_an_onset_set_against_weeks_compares_with_the_treatments_that_take_them(claims: dict[str, dict]) -> None:
    for quote in (RATHER, WHEREAS):
        claim = claims[quote]
        assert claim["proposition"]["comparator"], claim["assertion"]
        assert claim["verdict"] != "supported", claim["explanation"]


def test_an_onset_with_no_contrast_is_not_compared(claims: dict[str, dict]) -> None:
    claim = claims[PLAIN]
    assert claim["proposition"]["comparator"] is None, claim["assertion"]
    assert claim["verdict"] == "supported", claim["explanation"]
