"""Round 187 (in-sample, from the forty-seventh, sixty-eighth, eighty-fifth, hundred-and-fifth and hundred-and-tenth
sets): "It alters the action of glutamate, a chemical messenger that takes part in sending pain signals", "It acts
instead on the glutamate system, which has a large part in how the brain handles pain signals", "Ketamine acts on the
brain by targeting glutamate, a chemical messenger": ketamine acting on glutamate, or changing what glutamate does, is
what an NMDA receptor antagonist does (the receptor is glutamate's), and the reviewers support such claims on the
records that call ketamine an NMDA antagonist. They named no part of data/weighing.toml [[textbook.parts]] and were
read on their own words, which almost no abstract uses (three sentences in the library name glutamate): insufficient or
no evidence. The part "acts on the NMDA receptor" now takes them ("acts on glutamate", "acts on the glutamate system",
"modulates", "alters the action of", "targets" glutamate), and acting "on the brain" is where the mechanism acts, not an
effect on patients ([parts] consequence_mechanism). How much glutamate there is ("raises glutamate levels", "a surge of
glutamate") is not what an antagonist's records state, and stays unsupported.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

ACTS = [
    "It alters the action of glutamate, a chemical messenger that takes part in sending pain signals.",
    "It acts instead on the glutamate system, which has a large part in how the brain handles pain signals.",
    "Ketamine acts on the brain by targeting glutamate, a chemical messenger.",
]
# guards: an amount of glutamate, which no record of the receptor states
AMOUNT = [
    "Ketamine may raise glutamate levels in the brain.",
    "Ketamine sets off a surge of glutamate release in the brain.",
]
TITLE = "How does ketamine work?"

claims = page_claims_fixture("\n\n".join([TITLE, "Ketamine is used for chronic pain.", *ACTS, *AMOUNT]), TITLE)


@pytest.mark.parametrize("quote", ACTS)
def test_acting_on_glutamate_is_stated_by_records_of_the_nmda_receptor(claims: dict[str, dict], quote: str) -> None:
    c = claims[quote]
    assert c["verdict"] == "supported", c["explanation"]
    assert "acts on the NMDA receptor" in c["explanation"], c["explanation"]


@pytest.mark.parametrize("quote", AMOUNT)
def test_an_amount_of_glutamate_is_not_stated_by_them(claims: dict[str, dict], quote: str) -> None:
    c = claims[quote]
    assert c["verdict"] != "supported", c["explanation"]
