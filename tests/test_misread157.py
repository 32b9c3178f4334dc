"""Round 157 (in-sample, from the fortieth and hundred-and-twentieth sets): a place or role in treating something
("Ketamine has a genuine place in the treatment of pain!", "Over the same period, ketamine earned a role in the
treatment of chronic pain") was weighed as a claim that ketamine works and divided by the trials (mixed), where the
reviewers read a claim that it is used for that pain (supported). Such words are now words of use (data/weighing.toml
[use] claim), shown by the direct records that give ketamine to those patients, whatever they found.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for pain"
PLACE = "Ketamine has a genuine place in the treatment of pain."
ROLE = "Over the same period, ketamine earned a role in the treatment of chronic pain."
claims = page_claims_fixture("\n\n".join([TITLE, PLACE, ROLE]), TITLE)


def test_a_place_in_treatment_is_a_claim_of_use(claims: dict[str, dict]) -> None:
    for quote in (PLACE, ROLE):
        claim = claims[quote]
        assert claim["verdict"] == "supported", claim["explanation"]
        assert "use" in claim["explanation"], claim["explanation"]
