"""Round 176 (in-sample, from the sixty-third set): "In recent years it has also been given in small doses to manage
severe pain, in particular neuropathic (nerve) pain" says only that ketamine is given (the reviewers: supported), but
'small doses' was not among the words a claim of use may say (data/weighing.toml [use] may_say), so it was weighed as
a claim of benefit and came out insufficient. What ketamine is given as and how much ('small doses', 'higher doses',
'subanaesthetic doses', 'anaesthetic', 'dissociative') may now be said: its role and dose in care, not how well it
works.
"""

from __future__ import annotations

from conftest import page_claims_fixture

SMALL = "In recent years it has also been given in small doses to manage severe pain, in particular neuropathic pain."
# a guard: a dose said to bring a benefit is still weighed as a claim of benefit
LASTING = "In recent years it has also been given in small doses that bring lasting relief of severe pain."

TITLE = "Ketamine"

claims = page_claims_fixture("\n\n".join([TITLE, SMALL, LASTING]), TITLE)


def test_a_use_in_small_doses_is_checked_as_a_use(claims: dict[str, dict]) -> None:
    c = claims[SMALL]
    assert "The claim is that ketamine is used for this" in c["explanation"], c["explanation"]
    assert c["verdict"] == "supported", c["explanation"]


def test_small_doses_that_bring_lasting_relief_are_a_claim_of_benefit(claims: dict[str, dict]) -> None:
    c = claims[LASTING]
    assert "The claim is that ketamine is used for this" not in c["explanation"], c["explanation"]
    assert c["verdict"] != "supported", c["explanation"]
