"""Round 119 (in-sample, from the eighty-third set): "CRPS aside, no evidence backed ketamine infusions for improving
pain over the intermediate or long term" was read as a claim that infusions relieve pain in CRPS and `supported` on
the CRPS trials: a green badge on a sentence that says the evidence is missing (the reviewers: mixed). A claim that
there is no evidence for an effect is now weighed for the effect like a claim of weak evidence ([evidence_strength]
none in weighing.toml), and is mixed where the effect is supported or mixed: it holds only where the library finds the
effect insufficient or contradicted.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

TITLE = "Guidelines on IV ketamine infusions for chronic pain"
ASIDE = "CRPS aside, no evidence backed ketamine infusions for improving pain over the intermediate or long term."
NONE_THAT = "There is no evidence that ketamine infusions improve pain over the long term."
# guards: the effect claimed outright is still supported; a claim of weak evidence keeps its reading
EFFECT = "Ketamine infusions improve pain in complex regional pain syndrome."
NEAR_MISSES = {EFFECT: "supported"}
claims = page_claims_fixture("\n\n".join([TITLE, ASIDE, NONE_THAT, *NEAR_MISSES]), TITLE)
test_the_effect_claimed_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_no_evidence_said_is_not_a_claim_of_the_effect(claims: dict[str, dict]) -> None:
    aside = claims[ASIDE]
    # the CRPS trials bear out the effect: "no evidence" is refuted as much as it is borne out
    assert aside["verdict"] == "mixed", aside["explanation"]
    for quote in (ASIDE, NONE_THAT):
        c = claims[quote]
        assert "strength of the evidence ('no evidence" in c["explanation"], c["explanation"]
        effect = c["explanation"].split("weighed for that effect, ", 1)[1].split(".", 1)[0]
        # held only where the effect is not borne out; never supported on records that bear it out or disagree
        if effect.startswith(("supported", "mixed")):
            assert c["verdict"] == "mixed", (quote, c["explanation"])
        else:
            assert c["verdict"] in ("supported", "no_evidence"), (quote, c["explanation"])
