"""A textbook statement is not stated by a sentence that calls it open ("remains inconclusive", "is not yet
understood") or only announces what a review covers; leaving intensive care or hospital sooner is a length of stay,
not an onset (tests/adversarial/unsettled.toml holds the false sentences). Here: the reason is named, the stay is read
as such, and true claims worded alike keep their verdicts (main d876a5a)."""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

PAGE = """Ketamine basics

Ketamine is neuroprotective.

Ketamine gets patients out of the ICU faster.

Ketamine works fast.

Ketamine relieves pain within minutes.

Ketamine is an NMDA receptor antagonist.

Ketamine was developed in the 1960s.

Ketamine reduces opioid use after surgery.
"""

# true claims worded near the changed ones: each keeps its verdict (main d876a5a)
NEAR_MISSES = {
    "Ketamine works fast.": "supported",
    "Ketamine relieves pain within minutes.": "supported",
    "Ketamine is an NMDA receptor antagonist.": "supported",
    "Ketamine was developed in the 1960s.": "supported",
    "Ketamine reduces opioid use after surgery.": "supported",
}


claims = page_claims_fixture(PAGE, "Ketamine basics")


test_a_true_claim_worded_near_a_changed_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_sentence_calling_a_property_inconclusive_does_not_state_it(claims: dict[str, dict]) -> None:
    claim = claims["Ketamine is neuroprotective."]
    assert claim["verdict"] != "supported", claim["explanation"]
    stated = [s for e in claim["evidence"] if e["stance"] == "supports" for s in e["rationale"]]
    assert not any("inconclusive" in s for s in stated), stated


def test_leaving_intensive_care_sooner_is_a_length_of_stay_not_an_onset(claims: dict[str, dict]) -> None:
    claim = claims["Ketamine gets patients out of the ICU faster."]
    assert claim["kind"] != "onset"
    assert claim["proposition"]["outcomes"] == ["length_of_stay"], claim["proposition"]
    assert claim["verdict"] != "supported", claim["explanation"]
