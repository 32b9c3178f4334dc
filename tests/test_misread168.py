"""Round 168 (in-sample, from the hundred-and-thirty-fifth set): "Because these effects depend on the dose, building the
dose up slowly may possibly reduce them" was read as a claim about how fast ketamine acts ('slowly') and supported on
the trials' times to relief. A dose raised or lowered slowly (data/claim_text.toml dose_paced: "building the dose up
slowly", "titrated gradually", "taper the dose slowly") is now read as how ketamine is given (dosing), before its
speed words are read as onset.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

PACED = "Because these effects depend on the dose, building the dose up slowly may possibly reduce them."
# guard: a claim that ketamine acts slowly is still about onset
SLOW = "Ketamine eases pain slowly, over several days of treatment."

TITLE = "Ketamine for refractory cancer pain"


def test_a_dose_built_up_slowly_is_how_ketamine_is_given() -> None:
    r = readings(TITLE, PACED, SLOW)
    assert r[PACED].kind == "dosing", r[PACED].reasons
    assert "building the dose up slowly" in r[PACED].reasons["kind"], r[PACED].reasons
    assert r[SLOW].kind in ("onset", "duration"), r[SLOW].reasons


claims = page_claims_fixture("\n\n".join([TITLE, PACED]), TITLE)


def test_it_is_not_supported_on_times_to_relief(claims: dict[str, dict]) -> None:
    c = claims[PACED]
    assert c["verdict"] != "supported", c["explanation"]
    assert "relief at" not in c["explanation"], c["explanation"]
