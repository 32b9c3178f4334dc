"""A claim that denies ketamine an effect is checked as a denial (round 34).

"Ketamine given around surgery did not reduce opioid use" was read as the claim that it reduces opioid use, and so
`supported` by the meta-analyses that show it does: the verdict endorsed the opposite of what the sentence says. A
denied effect ("did not reduce", "fails to ease", "fared no differently from placebo") is now the claim that ketamine
does not work (direction ``no_effect``): the records are searched and judged for the effect, each record's stance is
turned round, and so is the verdict, so that evidence of the effect contradicts the denial. A sentence that says only
some patients do not respond ("does not always reduce pain", "may not work for everyone"), one whose subject is another
treatment ("Other medicines did not help, but ketamine did") and one about how it works ("does not work like
opioids") deny nothing of ketamine's.
"""

from __future__ import annotations

import pytest

from ketalit.claims.normalise import effect_denied

from conftest import page_claims_fixture

DENIED_SPARING = "Ketamine given around surgery did not reduce opioid use."
AFFIRMED_SPARING = "Ketamine given around surgery reduced opioid use."
DENIED_CANCER = "Adding ketamine to opioids fails to ease cancer pain."
AFFIRMED_CANCER = "Adding ketamine to opioids eases cancer pain."
NOT_ALWAYS = "Sadly, ketamine does not always reduce pain."

PAGE = "Ketamine and Pain\n\n" + "\n\n".join(
    [DENIED_SPARING, AFFIRMED_SPARING, DENIED_CANCER, AFFIRMED_CANCER, NOT_ALWAYS]
)
claims = page_claims_fixture(PAGE, "Ketamine and Pain")


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (DENIED_SPARING, "did not reduce"),
        (DENIED_CANCER, "fails to ease"),
        ("Patients on ketamine fared no differently from those on placebo.", "fared no differently"),
        ("Pain did not improve with ketamine.", "did not improve"),
        (NOT_ALWAYS, None),
        ("Ketamine may not work for everyone.", None),
        ("Other medicines did not help, but ketamine did.", None),
        ("Opioids do not work for nerve pain, but ketamine does.", None),
        ("When other treatments do not help, ketamine can ease pain.", None),
        ("Ketamine doesn't work like opioids.", None),
        ("It does not simply mask pain.", None),
        ("If your pain does not improve, the dose can be raised.", None),
        ("Ketamine infusions do not cause addiction.", None),
        ("No trial has ever found that ketamine fails to relieve CRPS pain.", None),  # a denial denied
        ("There is no evidence that ketamine does not work for CRPS.", None),
        ("It may bring relief for conditions that standard approaches have failed to help.", None),
        ("Patients who took ketamine did not improve.", "did not improve"),
    ],
)
def test_which_sentences_deny_ketamine_its_effect(text: str, denied: str | None) -> None:
    assert effect_denied(text) == denied


def test_a_denied_effect_is_contradicted_by_the_evidence_of_the_effect(claims: dict[str, dict]) -> None:
    denied, affirmed = claims[DENIED_SPARING], claims[AFFIRMED_SPARING]
    assert affirmed["verdict"] == "supported", affirmed["explanation"]  # the evidence shows the effect
    assert denied["proposition"]["direction"] == "no_effect", denied["proposition"]
    assert "does not improve" in denied["assertion"], denied["assertion"]
    assert denied["verdict"] == "contradicted", denied["explanation"]
    assert denied["explanation"].startswith("Contradicted: the claim denies that"), denied["explanation"]


def test_each_record_stands_the_other_way_round_on_the_denial(claims: dict[str, dict]) -> None:
    denied, affirmed = claims[DENIED_SPARING], claims[AFFIRMED_SPARING]
    side = {e["title"]: e["stance"] for e in affirmed["evidence"] if e["stance"] in ("supports", "contradicts")}
    turned = {e["title"]: e["stance"] for e in denied["evidence"] if e["title"] in side}
    assert turned, (side, denied["evidence"])
    flip = {"supports": "contradicts", "contradicts": "supports"}
    assert all(turned[t] == flip[side[t]] for t in turned), (side, turned)


def test_a_denial_gets_the_turned_verdict_of_the_effect(claims: dict[str, dict]) -> None:
    denied, affirmed = claims[DENIED_CANCER], claims[AFFIRMED_CANCER]
    assert denied["proposition"]["direction"] == "no_effect", denied["proposition"]
    turned = {"supported": "contradicted", "contradicted": "supported"}
    assert denied["verdict"] == turned.get(affirmed["verdict"], affirmed["verdict"]), (
        denied["explanation"],
        affirmed["explanation"],
    )


def test_some_patients_not_responding_is_no_denial(claims: dict[str, dict]) -> None:
    c = claims[NOT_ALWAYS]
    assert c["proposition"]["direction"] != "no_effect", c["proposition"]
