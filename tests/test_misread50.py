"""Round 50 (in-sample): a statement of mechanism that also says the drug works for pain conditions ("Ketamine blocks
the NMDA receptor, and studies have shown it works for neuropathic pain, chronic pain and psychiatric conditions", the
forty-fourth set's, labelled mixed) was `supported` by sentences that ketamine blocks the NMDA receptor: "works for"
a condition was not read as a benefit the claim draws from the mechanism, as "relieves" or "effective against" is.
"""

from __future__ import annotations

from conftest import page_claims_fixture

WORKS_FOR = (
    "Ketamine blocks the NMDA (N-methyl-D-aspartate) receptor, and studies have shown it works for neuropathic pain, "
    "chronic pain and psychiatric conditions."
)
BLOCKS = "Ketamine blocks the NMDA (N-methyl-D-aspartate) receptor."
claims = page_claims_fixture("\n\n".join(["How ketamine works", WORKS_FOR, BLOCKS]), "How ketamine works")


def test_a_mechanism_that_works_for_pain_conditions_is_not_supported_by_the_mechanism_alone(
    claims: dict[str, dict],
) -> None:
    c = claims[WORKS_FOR]
    assert c["kind"] == "mechanism", c
    assert c["verdict"] != "supported", c["explanation"]
    assert "what the mechanism does for patients ('works for neuropathic" in c["explanation"], c["explanation"]


def test_the_mechanism_alone_is_still_supported(claims: dict[str, dict]) -> None:
    assert claims[BLOCKS]["verdict"] == "supported", claims[BLOCKS]["explanation"]
