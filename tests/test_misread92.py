"""Round 92 (in-sample, from the seventieth set, after it was measured): "Since it can bring on tachyarrhythmias, high
blood pressure and psychomimetic effects, continuous ketamine infusion was in the past mostly kept to intensive or
intermediate care units, which made it costly" was read by the trained kind model as efficacy (probability 0.31, over
the rules' side effect) and contradicted as a claim that ketamine improves those harms, where the reviewers call the
harms supported. Harms the drug is said to cause ([harm] caused_harm, its subject not another drug), with no word of
anything getting better, keep the rules' side effect against the model, as side effects named or said to be more
frequent already did (``normalise._harm_it_causes``).
"""

from __future__ import annotations

from ketalit.claims.normalise import _harm_it_causes

from conftest import readings

TITLE = "Ketamine Infusions Outside Intensive Care: Fact or Fiction?"
CAUSES = (
    "Since it can bring on tachyarrhythmias, high blood pressure and psychomimetic effects, continuous ketamine "
    "infusion was in the past mostly kept to intensive or intermediate care units, which made it costly."
)
OTHER_DRUGS = (
    "That is a major edge for ketamine over opioids and sedatives, which frequently cause troublesome respiratory "
    "depression."
)


def test_harms_it_is_said_to_cause_keep_the_side_effect_kind() -> None:
    # under the page's own heading, which leads the trained model to efficacy
    r = readings(TITLE, "INFUSION PROTOCOLS\n" + CAUSES)[CAUSES]
    assert r.kind == "side_effect" and r.direction == "causes", r.reasons["kind"]
    assert "not the trained kind model's efficacy" in r.reasons["kind"]


def test_a_harm_other_drugs_cause_is_not_one_ketamine_is_said_to_cause() -> None:
    assert _harm_it_causes(CAUSES)
    assert _harm_it_causes("Using ketamine continuously, however, can cause problems with thinking and memory.")
    assert not _harm_it_causes(OTHER_DRUGS)
