"""Round 186 (in-sample, from the thirty-fourth, ninetieth, ninety-seventh, hundred-and-second, hundred-and-seventh and
hundred-and-twenty-second sets): pages selling ketamine lozenges or troches say what their product holds before they
say what ketamine is ("The lozenges hold ketamine, a drug that has traditionally served as an anaesthetic"; "Ketamine,
the drug these troches contain, has served as an anesthetic for decades"). Every such claim was insufficient: its
reading needed records that say 'lozenges hold' or 'troches contain', and the lozenge made it a claim about ketamine by
mouth, which no record of its use as an anaesthetic is. The reviewers support all six. data/weighing.toml [textbook]
holds_ketamine names the product said to hold or contain ketamine; a history or mechanism claim's reading sets its
words aside and takes no route from it, and "historically" and "traditional" say no more than "traditionally" did.
A route the claim says ketamine itself was used by ("ketamine nasal spray has been used for decades") is still the
claim's, and what the claim says besides its product (a war, an army) must still be stated.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

HELD = [
    "The lozenges hold ketamine, a drug that has traditionally served as an anaesthetic.",
    "Ketamine troches are medicines shaped like lozenges that contain ketamine, a drug that has historically served as "
    "an anaesthetic.",
    "Ketamine, the drug these troches contain, has served as an anesthetic for decades.",
    "A ketamine troche is a little lozenge that dissolves and holds ketamine, which is a dissociative anaesthetic.",
]
# guards: the spray is what was used, and no record says it; the army is said besides the product, and no record says it
SPRAY = "Ketamine nasal spray has been used for pain for decades."
ARMY = "Our lozenges contain ketamine, which the army has used on the battlefields of the Vietnam War."
TITLE = "Ketamine troches for pain"

claims = page_claims_fixture("\n\n".join([TITLE, *HELD, SPRAY, ARMY]), TITLE)


@pytest.mark.parametrize("quote", HELD)
def test_the_product_that_holds_ketamine_is_not_what_its_history_says(claims: dict[str, dict], quote: str) -> None:
    c = claims[quote]
    assert c["verdict"] == "supported", c["explanation"]
    assert "route" not in c["explanation"], c["explanation"]


def test_a_route_ketamine_is_said_to_be_used_by_is_still_the_claims(claims: dict[str, dict]) -> None:
    c = claims[SPRAY]
    assert c["verdict"] != "supported", c["explanation"]
    assert "nasal" in c["explanation"], c["explanation"]


def test_what_is_said_besides_the_product_must_still_be_stated(claims: dict[str, dict]) -> None:
    assert claims[ARMY]["verdict"] != "supported", claims[ARMY]["explanation"]
