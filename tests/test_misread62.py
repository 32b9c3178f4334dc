"""Round 62 (in-sample, from the fifty-fifth set): a news report of a Cochrane review said "Giving ketamine off-label
for chronic pain is not backed by strong scientific evidence" and "There is no clear evidence that ketamine works for
chronic pain"; both were read as denials of relief and called mixed, while the reviewers judged what they say, that
the evidence is weak, and called them supported. A claim about the strength of the evidence for an effect is weighed
for the effect: it holds where the effect is mixed, insufficient or contradicted, and is mixed where the effect is
supported; no evidence stays no evidence.
"""

from __future__ import annotations

from ketalit.claims.catalogue import Claim
from ketalit.claims.verdict import weak_evidence_words

from conftest import page_claims_fixture

TITLE = "Ketamine and chronic pain"
NOT_BACKED = "Giving ketamine off-label for chronic pain is not backed by strong scientific evidence."
NO_CLEAR = "There is no clear evidence that ketamine works for chronic pain."
# guards: the effect claimed outright, and a claim about an onset the records support
EFFECT = "Ketamine relieves chronic pain."
ONSET = "Ketamine relieves pain within minutes."

claims = page_claims_fixture("\n\n".join([TITLE, NOT_BACKED, NO_CLEAR, EFFECT, ONSET]) + "\n", TITLE)


def test_a_claim_that_the_evidence_is_weak_is_weighed_for_the_effect(claims: dict[str, dict]) -> None:
    effect = claims[EFFECT]["verdict"]
    assert effect in ("mixed", "insufficient"), claims[EFFECT]["explanation"]
    for quote in (NOT_BACKED, NO_CLEAR):
        c = claims[quote]
        assert c["verdict"] == "supported", c["explanation"]
        assert "the claim is about the strength of the evidence" in c["explanation"]
        assert f"weighed for that effect, {effect}" in c["explanation"], c["explanation"]


def test_a_claim_of_the_effect_itself_is_not_one_of_the_evidence(claims: dict[str, dict]) -> None:
    assert "strength of the evidence" not in claims[EFFECT]["explanation"]
    assert claims[ONSET]["verdict"] == "supported", claims[ONSET]["explanation"]


def test_the_words_are_read_only_in_claims_of_an_effect() -> None:
    def claim(quote: str, kind: str) -> Claim:
        return Claim(
            id="000-01", document="000", file="", quote=quote, start=0, end=len(quote), kind=kind, routes=[],
            outcomes=["pain_intensity"], settings=[], assertion="",
        )  # fmt: skip

    assert weak_evidence_words(claim(NO_CLEAR, "efficacy")) == "no clear evidence"
    assert weak_evidence_words(claim("The evidence is of low quality.", "efficacy")) == "The evidence is of low quality"
    # a mechanism or a harm said with the same words is weighed by its own rules
    assert weak_evidence_words(claim("There is no clear evidence of harm.", "safety")) == ""
    assert weak_evidence_words(claim(EFFECT, "efficacy")) == ""
