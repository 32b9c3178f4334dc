"""Round 112 (in-sample, from the seventy-eighth set): "It is often used in place of conventional painkillers or
antidepressant drugs" was read as a claim that ketamine relieves pain and mood, and `supported` by trials of pain
relief; how often it is used so is in no abstract (the reviewers: insufficient). "Often" and "sometimes" before
"used" now make a statement of its use ([cues] usage_role, kind history), as "commonly" and "frequently" did. And
"Anyone living with chronic pain or depression may already have come across ketamine infusion therapy" (a non-claim,
which got a verdict) is what readers may have met, not a claim ([extract.not_claim] hearsay).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine Infusion Therapy"
MET = "Anyone living with chronic pain or depression may already have come across ketamine infusion therapy."
OFTEN = "It is often used in place of conventional painkillers or antidepressant drugs."
# guard: an effect said outright is still an effect
EFFECT = "Ketamine infusions often ease chronic pain."
claims = page_claims_fixture("\n\n".join([TITLE, MET, OFTEN, EFFECT]), TITLE)


def test_what_readers_may_have_met_is_not_a_claim() -> None:
    assert MET not in readings(TITLE, MET, OFTEN, EFFECT)


def test_how_often_it_is_used_is_its_use_not_an_effect(claims: dict[str, dict]) -> None:
    r = readings(TITLE, MET, OFTEN, EFFECT)
    assert r[OFTEN].kind == "history", r[OFTEN].reasons
    assert r[EFFECT].kind == "efficacy", r[EFFECT].reasons
    assert claims[OFTEN]["verdict"] != "supported", claims[OFTEN]["explanation"]
