"""Misreadings found on the folds in round 31.

- A pronoun as an action's object ("When it blocks them, ketamine changes how ...") names nothing a sentence must
  state (``data/weighing.toml`` [textbook.actions] object_skip): the claim is not held to a sentence on "them".
- A period up to now ("Over the last ten years, many reports have described ketamine being given ...", "In the past
  decade ketamine infusions have become more popular") dates a history of use; it is not how long relief lasts
  (``data/claim_text.toml`` history, past_period), and the trained kind model does not make it a duration when it is
  the sentence's only time. What ketamine has come forward as in that time ("a strong painkiller") is still an effect.
- Advice to change the dose ("In severe hepatic impairment, think about reducing the dose", "may need a lower dose")
  is a claim about dosing (``dose_advice``), never that the condition it names is a harm of the drug.
- Its standing among treatments ("a more and more popular treatment", "normally tried once the standard treatments
  have failed") is history, and a word of help said of the other treatments that failed ("depression that other
  treatments have failed to help", ``others_failed``) does not make the rules read its use as an effect claimed.
- A lasting reduction in pain ("Ketamine gives a lasting reduction in pain") says how long relief lasts (``duration``),
  as "lasting relief" does.
- An organ said to be damaged ("Ketamine can damage the liver") is a harm the drug causes (``side_effect``): records
  of liver injury support it, and never count against it as if it claimed a benefit.
"""

from __future__ import annotations

import pytest

from ketalit.claims.normalise import guess_kind
from ketalit.claims.weighing import action_parts

from conftest import keeps_its_verdict, page_claims_fixture

PRONOUN = (
    "Ketamine acts mainly as an antagonist at NMDA receptors, which sit in the spinal cord and the brain. When it "
    "blocks them, ketamine changes how the central nervous system handles pain signals."
)
PAST_PERIOD = [
    "Over the last ten years, though, many reports have described ketamine being given by a range of routes to "
    "control pain.",
    "In the past decade ketamine infusions have become more popular.",
]
DOSE_ADVICE = [
    "In severe hepatic impairment, think about reducing the dose.",
    "Patients with liver disease may need a lower dose.",
]
ORGAN_HARM = "Ketamine can damage the liver."
STANDING = [
    "Since 2000, research has made ketamine a more and more popular treatment for pain conditions and mood disorders.",
    "Ketamine is normally tried once the standard treatments have failed.",
]
OTHERS_FAILED = "Ketamine is also used by psychiatrists for depression that other treatments have failed to help."
# the same shapes with an effect claimed beside them: still effects
STANDING_NEAR = [
    "Ketamine is used when other treatments have failed, and it relieves pain in most patients.",
    "Ketamine is an increasingly popular treatment that relieves CRPS pain.",
]
# true claims worded alike: their verdicts on main
NEAR_MISSES = {
    "Ketamine infusions relieve CRPS pain for up to three months.": "supported",
    "Ketamine blocks NMDA receptors in the spinal cord.": "supported",
    "Ketamine does not damage the liver.": "contradicted",
}
EFFECT_IN_PERIOD = (
    "Over the last ten years, however, it has come forward as a strong painkiller and antidepressant when used in "
    "the right setting."
)

PAGE = "Ketamine for Chronic Pain\n\n" + "\n\n".join(
    [PRONOUN, *PAST_PERIOD, *DOSE_ADVICE, ORGAN_HARM, EFFECT_IN_PERIOD, *STANDING, *STANDING_NEAR, *NEAR_MISSES]
)
claims = page_claims_fixture(PAGE, "Ketamine for Chronic Pain")
test_true_claims_worded_alike_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


@pytest.mark.parametrize("text", ["When it blocks them, it changes pain.", "It quiets them down.", "It calms you."])
def test_a_pronoun_is_no_object_of_an_action(text: str) -> None:
    assert action_parts(text) == (), action_parts(text)


def test_a_claim_is_not_held_to_a_sentence_on_them(claims: dict[str, dict]) -> None:
    quote = "When it blocks them, ketamine changes how the central nervous system handles pain signals."
    assert quote in claims, sorted(claims)
    assert "blocks them" not in claims[quote]["explanation"], claims[quote]["explanation"]


@pytest.mark.parametrize("quote", PAST_PERIOD)
def test_a_period_up_to_now_dates_a_history_not_relief(claims: dict[str, dict], quote: str) -> None:
    claim = claims[quote]
    assert claim["kind"] == "history", claim["explanation"]
    assert claim["verdict"] != "contradicted", claim["explanation"]
    assert "relief gone" not in claim["explanation"], claim["explanation"]


def test_what_it_came_forward_as_in_that_period_is_an_effect(claims: dict[str, dict]) -> None:
    claim = claims[EFFECT_IN_PERIOD]
    assert claim["kind"] == "efficacy", claim["explanation"]
    assert claim["verdict"] in ("supported", "mixed"), claim["explanation"]


@pytest.mark.parametrize("quote", DOSE_ADVICE)
def test_advice_to_change_the_dose_is_dosing_not_a_harm(claims: dict[str, dict], quote: str) -> None:
    claim = claims[quote]
    assert claim["kind"] == "dosing", claim["explanation"]
    assert claim["verdict"] != "supported", claim["explanation"]
    assert "hepatotoxicity occurred" not in claim["explanation"], claim["explanation"]


def test_an_organ_said_to_be_damaged_is_a_harm_the_drug_causes(claims: dict[str, dict]) -> None:
    claim = claims[ORGAN_HARM]
    assert claim["kind"] in ("side_effect", "safety"), claim["explanation"]
    assert claim["verdict"] == "supported", claim["explanation"]
    assert "hepatotoxicity occurred with ketamine" in claim["explanation"], claim["explanation"]


@pytest.mark.parametrize("quote", STANDING)
def test_its_standing_among_treatments_is_history(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    assert claims[quote]["kind"] == "history", claims[quote]["explanation"]


@pytest.mark.parametrize("quote", STANDING_NEAR)
def test_an_effect_claimed_beside_its_standing_is_still_an_effect(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    assert claims[quote]["kind"] == "efficacy", claims[quote]["explanation"]


def test_help_said_of_the_treatments_that_failed_is_no_effect_claimed() -> None:
    assert guess_kind(OTHERS_FAILED, OTHERS_FAILED)[0] == "history", guess_kind(OTHERS_FAILED, OTHERS_FAILED)
    said = "Ketamine is also used by psychiatrists for severe depression, and it helps most of them."
    assert guess_kind(said, said)[0] == "efficacy", guess_kind(said, said)


def test_a_lasting_reduction_in_pain_is_a_claim_of_duration() -> None:
    from ketalit.claims.extract import Candidate
    from ketalit.claims.normalise import normalise

    for text in ("Ketamine gives a lasting reduction in pain.", "Infusions bring a lasting reduction in CRPS pain."):
        read = normalise(Candidate("d", text, 0, len(text)))
        assert read.kind == "duration", read.reasons
    plain = "Ketamine gives a reduction in pain."
    assert normalise(Candidate("d", plain, 0, len(plain))).kind == "efficacy"
