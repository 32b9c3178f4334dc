"""Round 179 (in-sample, from the hundred-and-fiftieth and hundred-and-fifty-third sets): "Ketamine has been used as
an add-on to opioid therapy in the management of refractory cancer pain" and "... is often also prescribed for nerve
pain, fibromyalgia and other long-lasting pain conditions" were weighed as claims that ketamine relieves the pain
(mixed), though each says only that it is used so (the reviewers support both). Their words "add-on", "opioid" and
"lasting" were read as saying more than a use: data/weighing.toml [use] frames now take pain named by how long it has
lasted ("long-lasting pain", "long-term pain"; not "long-lasting pain relief") and the role beside other drugs ("as an
add-on to opioid therapy", "as an adjunct to other painkillers") as words of the use.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

ADD_ON = "Ketamine has been used as an add-on to opioid therapy in the management of refractory cancer pain."
LONG_LASTING = "Ketamine is often also prescribed for nerve pain, fibromyalgia and other long-lasting pain conditions."
# a guard: relief that lasts is how well it works, not whom it is given to
RELIEF = "Ketamine is often prescribed for long-lasting pain relief."

TITLE = "Ketamine"

claims = page_claims_fixture("\n\n".join([TITLE, ADD_ON, LONG_LASTING, RELIEF]), TITLE)


@pytest.mark.parametrize("quote", [ADD_ON, LONG_LASTING])
def test_a_use_beside_opioids_or_for_lasting_pain_is_a_claim_of_use(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    c = claims[quote]
    assert "The claim is that ketamine is used for this" in c["explanation"], c["explanation"]
    assert c["verdict"] == "supported", c["explanation"]


def test_lasting_relief_is_not_a_claim_of_use(claims: dict[str, dict]) -> None:
    assert RELIEF in claims, sorted(claims)
    assert "is used for this" not in claims[RELIEF]["explanation"], claims[RELIEF]["explanation"]
