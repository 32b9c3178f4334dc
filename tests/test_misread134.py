"""Round 134 (in-sample, from the eighty-ninth set): "As the person experiences it, the mind seems cut off from the body
(the so-called "K-hole")" fell through every cue of kind to efficacy, an improvement of psychotomimetic effects, and was
`contradicted` by the records of those effects (the reviewers: supported, a side effect). The mind or a person cut off
from the body, the surroundings or reality, an out-of-body experience and the "K-hole" are side effects
(claim_text.toml side_effect): the claim is that the harm happens.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Why ketamine's range of uses makes it a strong tool for EMS"
BEFORE = (
    "Ketamine is derived from PCP, and it differs from other sedatives and anaesthetics because it causes a "
    "distinctive dissociative effect."
)
KHOLE = 'As the person experiences it, the mind seems cut off from the body (the so-called "K-hole").'
# guard: a mechanism that names its target keeps its kind
NMDA = "Ketamine blocks NMDA receptors in the spinal cord, which dampens the wind-up of pain signals."
claims = page_claims_fixture("\n\n".join([TITLE, "Pharmacology", BEFORE + " " + KHOLE, NMDA]), TITLE)


def test_the_mind_cut_off_from_the_body_is_a_side_effect(claims: dict[str, dict]) -> None:
    r = readings(TITLE, "Pharmacology", BEFORE + " " + KHOLE, NMDA)
    assert r[KHOLE].kind == "side_effect", r[KHOLE].reasons
    assert r[KHOLE].direction == "causes", r[KHOLE].reasons
    assert claims[KHOLE]["verdict"] != "contradicted", claims[KHOLE]["explanation"]
    assert r[NMDA].kind == "mechanism", r[NMDA].reasons
