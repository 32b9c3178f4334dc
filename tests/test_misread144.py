"""Round 144 (in-sample, from the ninety-ninth set): a clinic post's "Keep in mind that ketamine therapy does not fully
work for every type of pain" (the reviewers: supported, for the library holds trials in which it did not) was weighed
as a claim that ketamine relieves pain, and came out as the evidence on that effect does (insufficient or mixed). A
claim that not every patient responds holds wherever the records on the effect are credible, whichever way they go
(weighing.toml [response] partial, claims/verdict.py partial_response_verdict); a contrast after it that goes on to
another claim ("does not suit everyone, but it may be a sensible choice for ...") leaves the sentence weighed as that
claim.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "How long does ketamine pain relief last?"
EVERY = "Keep in mind that ketamine therapy does not fully work for every type of pain."
EVERYONE = "Not everyone responds to ketamine infusions for chronic pain."
# guard: a claim that goes on past the words is weighed as what it goes on to
BUT = "Ketamine does not work for everyone, but it cures complex regional pain syndrome for good."
# guard: words said of another treatment are not a claim that ketamine's patients do not all respond
OTHER = "Standard painkillers do not work for everyone with nerve pain."
claims = page_claims_fixture("\n\n".join([TITLE, EVERY, EVERYONE, BUT, OTHER]), TITLE)


def test_a_claim_that_not_every_patient_responds_holds_on_credible_records_either_way(
    claims: dict[str, dict],
) -> None:
    assert claims[EVERY]["verdict"] == "supported", claims[EVERY]["explanation"]
    assert "not every patient responds" in claims[EVERY]["explanation"]
    assert claims[EVERYONE]["verdict"] == "supported", claims[EVERYONE]["explanation"]
    assert claims[BUT]["verdict"] != "supported", claims[BUT]["explanation"]
    assert OTHER not in claims or "not every patient responds" not in claims[OTHER]["explanation"]
