"""Round 59 (in-sample, after round 55): a trial's arms described on a page that names the drug by a short name
("LDK given as a 0.3 mg/kg push into the vein over 3-5 minutes", "LDK short infusion (SI): 0.3 mg/kg mixed in 100 mL
of normal saline and run over 15 minutes") were proposed as claims and given a verdict once round 55 read the short
name as ketamine. A dose given, with no finite verb and nothing said of its effect, is a protocol, not a claim.
"""

from __future__ import annotations

from ketalit.claims.extract import not_claim_match

from conftest import readings

DEFINED = "This trial compared two ways of giving low-dose ketamine (LDK) in the emergency department."
PUSH = "LDK given as a 0.3 mg/kg push into the vein over 3-5 minutes."
INFUSION = "LDK short infusion (SI): 0.3 mg/kg mixed in 100 mL of normal saline and run over 15 minutes."
# guards: a dose with what it does is a claim
RELIEVES = "LDK given as a 0.3 mg/kg push relieved pain within 15 minutes."
REDUCES = "Ketamine 0.5 mg/kg given over 40 minutes reduces pain in CRPS."


def test_a_trial_arm_is_a_protocol_not_a_claim() -> None:
    for sentence in (PUSH, INFUSION):
        found = not_claim_match(sentence)
        assert found is not None and found[0] == "protocol", (sentence, found)
    quotes = readings("Two ways of giving ketamine", DEFINED, PUSH, INFUSION, RELIEVES)
    assert PUSH not in quotes and INFUSION not in quotes, list(quotes)


def test_a_dose_with_its_effect_is_still_a_claim() -> None:
    for sentence in (RELIEVES, REDUCES):
        assert not_claim_match(sentence) is None, sentence
    assert RELIEVES in readings("Two ways of giving ketamine", DEFINED, RELIEVES)
