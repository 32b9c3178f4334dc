"""Round 108 (in-sample, from the seventy-seventh set): "Looking at the other side, plenty of doctors do not agree that
ketamine belongs in CRPS care, pointing out that the studies carried out so far have not shown a benefit when objective,
controlled testing was done" was read as a claim that ketamine relieves CRPS pain and `supported`: the engine endorsed
the opposite of what the sentence says. Studies said not to have shown a benefit ("have not shown a benefit", "has not
been proven to work", "failed to show any benefit") are now words of weak evidence ([evidence_strength] weak): the claim
is about what the evidence has not shown, weighed for the effect, and it holds where the effect is not shown; where the
engine finds the effect supported it is mixed, for a verdict that reads no certainty grading cannot refute it.
pages_eval --claims over the 76 sets: that sentence from a wrong supported to mixed, its label; "the authors of a new
Cochrane review say it has not been shown to help chronic pain" (labelled mixed) from mixed to supported, since the
engine finds the effect mixed; `supported` right/given unchanged.
"""

from __future__ import annotations

import re

from conftest import page_claims_fixture

TITLE = "Ketamine for CRPS"
NOT_SHOWN = (
    "Plenty of doctors do not agree that ketamine belongs in CRPS care, pointing out that the studies carried out so "
    "far have not shown a benefit when objective, controlled testing was done."
)
NOT_PROVEN = "Ketamine has not been proven to work for complex regional pain syndrome."
# guard: the effect claimed outright is still weighed as an effect
WORKS = "Ketamine infusions reduce pain in complex regional pain syndrome."
claims = page_claims_fixture("\n\n".join([TITLE, NOT_SHOWN, NOT_PROVEN, WORKS]), TITLE)


def test_a_benefit_studies_have_not_shown_is_no_claim_that_it_works(claims: dict[str, dict]) -> None:
    for quote in (NOT_SHOWN, NOT_PROVEN):
        c = claims[quote]
        assert "strength of the evidence" in c["explanation"], c["explanation"]
        effect = re.search(r"weighed for that effect, (\w+)", c["explanation"])
        assert effect, c["explanation"]
        # the claim holds where the effect is not shown, and is at most mixed where it is
        assert c["verdict"] == ("mixed" if effect.group(1) == "supported" else "supported"), c["explanation"]


def test_the_effect_claimed_outright_is_weighed_as_an_effect(claims: dict[str, dict]) -> None:
    assert "strength of the evidence" not in claims[WORKS]["explanation"], claims[WORKS]["explanation"]
