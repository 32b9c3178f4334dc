"""Round 48 (in-sample, before the forty-fourth set was measured): two general causes read from the labelled sets.

- A history claim read by its parts must have every other word stated, and "came" and "already" were such words:
  "The drug first came into use in the 1960s" was insufficient with 'first came' not established, and "Hospitals
  already use ketamine as a surgical anaesthetic and as a treatment for depression" with 'already' not established.
  Coming into use is when its use began (read by the dated part), and "already" says nothing a record must state.
- A sentence with an amount of the drug was a claim about dosing whatever it said the drug did at that amount: "The
  new study suggests that ketamine at a low dose can ease pain even when given on its own", "75% had less intense
  headaches after low-dose IV ketamine infusions given over five days", "ketamine also lowered the cumulative morphine
  dose": the effect is the claim, the dose its condition. A sentence about which dose to give (two amounts side by
  side, the recommended dose) is still about dosing.
"""

from __future__ import annotations

import pytest

from ketalit.claims.check import page_claims

from conftest import page_claims_fixture

CAME = "The drug first came into use in the 1960s."
ALREADY = "Hospitals already use ketamine as a surgical anaesthetic and as a treatment for depression."
VETS = "Hospitals already use ketamine as a surgical anaesthetic and in veterinary practice."
PAGE = "\n\n".join(["Ketamine: its history", CAME, ALREADY, VETS])
claims = page_claims_fixture(PAGE, "Ketamine: its history")


def test_coming_into_use_and_already_are_no_words_a_history_record_must_state(claims: dict[str, dict]) -> None:
    for quote in (CAME, ALREADY):
        c = claims[quote]
        assert c["kind"] == "history", c
        assert c["verdict"] == "supported", c["explanation"]


def test_a_history_claims_other_words_are_still_needed(claims: dict[str, dict]) -> None:
    c = claims[VETS]
    assert c["verdict"] == "insufficient", c["explanation"]
    assert "vete" in c["explanation"], c["explanation"]


def _kind(sentence: str) -> str:
    """The rules' kind of a one-sentence page (the trained kind model, which reads after them, left out)."""
    found = page_claims(f"Ketamine for pain\n\n{sentence}", "Ketamine for pain", learned=False)
    assert len(found) == 1, [c.quote for c, _ in found]
    return found[0][1].kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The new study, however, suggests that ketamine at a low dose can ease pain even when given on its own.",
        "Of those 61, 75% had less intense headaches after low-dose IV ketamine infusions given over five days.",
        "According to the study, ketamine also lowered the cumulative morphine dose given in the emergency department.",
    ],
)
def test_what_the_drug_does_at_a_dose_is_a_claim_of_its_effect(sentence: str) -> None:
    assert _kind(sentence) == "efficacy"


@pytest.mark.parametrize(
    "sentence",
    [
        "Intravenous ketamine at 0.15 mg/kg relieved pain about as well as 0.3 mg/kg did.",
        "Before this study, 0.3 mg/kg was the dose most often studied and shown to relieve pain.",
        "Ketamine doses given in the clinic are adjusted to each patient's weight.",
    ],
)
def test_which_dose_to_give_is_still_a_claim_about_dosing(sentence: str) -> None:
    assert _kind(sentence) == "dosing"


@pytest.mark.parametrize(
    "sentence", ["Pain relief is not an approved indication for ketamine.", "Its only licensed use is anaesthesia."]
)
def test_an_indication_said_approved_or_not_is_a_statement_of_its_standing(sentence: str) -> None:
    assert _kind(sentence) == "history"


def test_an_effect_said_beside_an_approved_use_is_still_claimed() -> None:
    assert _kind("The approved uses of ketamine include anaesthesia and it relieves pain.") == "efficacy"
