"""Round 86 (in-sample, from the sixty-eighth set): "In consensus guidelines on intravenous ketamine infusions for acute
pain, American Society of Regional Anesthesia and Pain Medicine experts recently backed giving ketamine around the time
of surgery, ..., because it can cut opioid use and lower pain scores" was read as a claim that every study agrees
("consensus") and contradicted because one record disagreed, against thirty for it. A consensus guideline or
statement is a kind of document, which says what a panel recommends ([strength] evidence_unanimous in weighing.toml).
"""

from __future__ import annotations

from ketalit.claims.weighing import pattern

GUIDELINE = (
    "In consensus guidelines on intravenous ketamine infusions for acute pain, experts recently backed giving "
    "ketamine around the time of surgery because it can cut opioid use and lower pain scores."
)
# guards: a consensus of the evidence is still a claim that every study agrees
CONSENSUS = "There is a scientific consensus that ketamine relieves chronic pain."
UNANIMOUS = "Researchers unanimously agree that ketamine works."


def test_a_consensus_guideline_is_no_claim_that_every_study_agrees() -> None:
    unanimous = pattern("strength", "evidence_unanimous")
    assert unanimous.search(GUIDELINE) is None
    assert unanimous.search(CONSENSUS) and unanimous.search(UNANIMOUS)
