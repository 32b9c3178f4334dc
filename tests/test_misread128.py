"""Round 128 (in-sample, from the eighty-sixth set): "Ketamine's anaesthetic properties act on NMDA receptors, stopping
them from firing off intense pain sensations" was read as a mechanism acting on psychotomimetic effects (its "pain
sensations" taken for the odd sensations of dissociation) and `contradicted` by the records of psychotomimetic effects
(the reviewers: supported, mixed). Sensations of pain are the pain itself: "pain sensations" and "painful sensations" no
longer name the psychotomimetic outcome, nor cue a side effect (claim_text.toml).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Everything you need to know: how ketamine treats CRPS"
FIRING = (
    "Ketamine's anaesthetic properties act on NMDA receptors, stopping them from firing off intense pain sensations."
)
# guard: strange sensations during an infusion are still a psychotomimetic side effect
ODD = "Ketamine infusions can cause strange sensations, such as floating, during the session."
claims = page_claims_fixture("\n\n".join([TITLE, FIRING, ODD]), TITLE)


def test_pain_sensations_are_pain(claims: dict[str, dict]) -> None:
    r = readings(TITLE, FIRING, ODD)
    assert "psychotomimetic" not in r[FIRING].outcomes, r[FIRING].reasons
    assert "psychotomimetic" in r[ODD].outcomes, r[ODD].reasons
    assert claims[FIRING]["verdict"] != "contradicted", claims[FIRING]["explanation"]
