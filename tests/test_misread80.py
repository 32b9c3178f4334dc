"""Round 80 (in-sample, from the sixty-sixth set): "IV ketamine infusions can be given to patients who have particular
chronic pain conditions, for example cancer pain, fibromyalgia, complex regional pain syndrome ..." (seven labelled
claims, one per condition) was left out as a protocol ("be given"). Whom it is given to for what is an indication, the
conditions it is said to treat ([extract] protocol_effect): a claim, read condition by condition.
"""

from __future__ import annotations

from ketalit.claims.extract import not_claim_match

from conftest import readings

TITLE = "IV ketamine therapy"
INDICATION = (
    "IV ketamine infusions can be given to patients who have particular chronic pain conditions, for example cancer "
    "pain, fibromyalgia, complex regional pain syndrome and nerve pain."
)
# guard: how it is given is still the protocol
HOW = "The infusion is given to patients with a cannula placed in the arm."


def test_whom_it_is_given_to_for_what_is_a_claim_of_effect() -> None:
    assert not_claim_match(INDICATION) is None
    r = readings(TITLE, INDICATION)
    assert r[INDICATION].kind == "efficacy", r[INDICATION].reasons
    parts = {p["quote"] for p in r[INDICATION].parts}
    assert {"cancer pain", "fibromyalgia"} <= parts, parts


def test_how_it_is_given_is_still_the_protocol() -> None:
    assert not_claim_match(HOW) == ("protocol", "is given")
