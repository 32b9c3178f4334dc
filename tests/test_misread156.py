"""Round 156 (in-sample, from the hundred-and-eighteenth set): "ketamine neither brings pain down nor cuts the need for
opioid painkillers in the days following surgery" was read without its denial, as a claim that ketamine cuts opioid
use, and supported by the trials that show it (the reviewers: contradicted for the pain, mixed for the opioids). Both
effects denied at once ("neither brings ... nor cuts", "neither lowered nor raised", "reduced neither") are an effect
denied (data/claim_text.toml effect_denied), weighed with each side's weight turned round; harms denied the same way
("neither suppresses breathing nor drops blood pressure") are read as before.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine during surgery"
NEITHER = "Researchers found ketamine neither brings pain down nor cuts the need for opioid painkillers after surgery."
PLAIN = "Ketamine given during surgery cuts the need for opioid painkillers after surgery."
claims = page_claims_fixture("\n\n".join([TITLE, NEITHER, PLAIN]), TITLE)


def test_neither_nor_denies_the_effect(claims: dict[str, dict]) -> None:
    claim = claims[NEITHER]
    assert claim["proposition"]["direction"] == "no_effect", claim["assertion"]
    assert claim["verdict"] != "supported", claim["explanation"]


def test_the_same_effect_claimed_is_supported(claims: dict[str, dict]) -> None:
    claim = claims[PLAIN]
    assert claim["proposition"]["direction"] != "no_effect", claim["assertion"]
    assert claim["verdict"] == "supported", claim["explanation"]
