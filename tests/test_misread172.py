"""Round 172 (in-sample, from the hundred-and-fortieth set): "It is given as a continuous infusion at low
(sub-anaesthetic) doses, which get the most pain relief out of it without causing notable dissociative effects" was
read as a claim that ketamine causes dissociative effects (its main clause names no harm; the denial in the clause after
it was looked for among the general words of harm only, and "dissociative effects" is a named side effect) and was
supported on the trials in which psychotomimetic effects were more frequent with ketamine: evidence against the claim
cited for it. A named side effect closely after a negation is now a harm denied too (claims/normalise.py _denials).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

DENIED = (
    "It is given as a continuous infusion at low (sub-anaesthetic) doses, which get the most pain relief out of it "
    "without causing notable dissociative effects."
)
# guards: a side effect the sentence says happens is not denied, nor is relief "without" something that is no harm
HAPPENS = "It is given at low doses, which can still cause dissociative effects in some patients."
NO_HARM = "Ketamine relieves the pain of dressing changes without the need for extra opioids."

TITLE = "Ketamine in palliative care"


def test_a_named_side_effect_after_without_is_denied() -> None:
    r = readings(TITLE, DENIED, HAPPENS, NO_HARM)
    assert r[DENIED].polarity == "negative" and r[DENIED].direction == "does_not_cause", r[DENIED].reasons
    assert r[HAPPENS].polarity == "positive", r[HAPPENS].reasons
    assert r[NO_HARM].polarity == "positive" and r[NO_HARM].kind != "side_effect", r[NO_HARM].reasons


claims = page_claims_fixture("\n\n".join([TITLE, DENIED]), TITLE)


def test_evidence_of_the_effect_does_not_support_its_denial(claims: dict[str, dict]) -> None:
    c = claims[DENIED]
    assert c["verdict"] != "supported", c["explanation"]
