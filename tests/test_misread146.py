"""Round 146 (in-sample, over every set to the hundred-and-third): a mechanism claim with no record stating it, read on
trials of an effect it would explain that point both ways, came out `mixed` ("In depression, ketamine builds new,
healthier nerve cells in the brain's emotional centres": a mood trial for, another against). The reviewers call such
claims insufficient: what a mechanism is, the abstracts state (the guide: statements count, reviews included); trials
of mood, pain or hyperalgesia are indirect for it. With no statement against it, the statements decide: `supported`
when two groups or one systematic review, meta-analysis or guideline state it, otherwise `insufficient` (verdict.py,
after the lifted rule).
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "How ketamine works"
GROWS = "In depression, ketamine builds new, healthier nerve cells in the brain's emotional centres."
# guard: a mechanism the reviews state is still supported
BLOCKS = "Ketamine blocks NMDA receptors in the brain and spinal cord."
claims = page_claims_fixture("\n\n".join([TITLE, GROWS, BLOCKS]), TITLE)


def test_trials_of_an_effect_both_ways_do_not_divide_a_mechanism(claims: dict[str, dict]) -> None:
    grows = claims[GROWS]
    assert grows["kind"] == "mechanism", grows
    assert grows["verdict"] == "insufficient", grows["explanation"]
    assert "indirect for it" in grows["explanation"]
    assert claims[BLOCKS]["verdict"] == "supported", claims[BLOCKS]["explanation"]
