"""A sentence that says a harm is kept from happening is not a claim that ketamine causes it. When the verb's subject
is another drug given with ketamine ("an anti-nausea medicine with your ketamine; it prevents vomiting"), the claim
is about that remedy (ketamine with it against ketamine without it); when it is ketamine ("ketamine prevents
vomiting"), the claim is that the harm does not happen, which reports of the harm contradict. A harm that ketamine
is said to cause keeps its reading."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import REMEDY_COMPARATOR, normalise

HEAD = "Side Effects of Ketamine Infusions\n\n"


def _read(sentence: str):
    (claim,) = [c for c in extract_claims(HEAD + sentence + "\n", "t") if sentence[:25] in c.quote]
    return normalise(claim)


@pytest.mark.parametrize(
    "sentence",
    [
        "We give you an anti-nausea medicine with your ketamine; it prevents vomiting.",
        "Ondansetron is given with ketamine and it reduces nausea.",
        "We add midazolam to your infusion, which prevents hallucinations.",
        "Your ketamine comes with an anti-nausea medication that helps prevent vomiting.",
        "We give you a second medicine with your ketamine, which prevents vomiting.",
    ],
)
def test_a_pronoun_after_another_drug_is_that_drug_and_its_claim_is_the_remedys(sentence: str) -> None:
    n = _read(sentence)
    assert n.kind == "side_effect"
    assert (n.comparator, n.direction) == (REMEDY_COMPARATOR, "less_harm"), n.reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine prevents vomiting.",
        "Ketamine reduces the risk of hallucinations.",
        "Ketamine protects against nausea after surgery.",
        "A ketamine infusion eliminates the nausea that opioids bring.",
    ],
)
def test_a_harm_ketamine_is_said_to_prevent_is_a_claim_that_it_does_not_happen(sentence: str) -> None:
    n = _read(sentence)
    assert n.direction == "does_not_cause", (n.kind, n.reasons)
    assert "kept from happening" in n.reasons["direction"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine can cause vomiting.",
        "Ketamine can cause vomiting in some patients, which is why we watch you closely.",
        "We give you ketamine; it can cause nausea and vomiting.",
        "Ketamine can make some patients feel sick and lead to vomiting.",
    ],
)
def test_a_harm_ketamine_is_said_to_cause_still_occurs(sentence: str) -> None:
    n = _read(sentence)
    assert n.direction == "causes", (n.kind, n.reasons)
    assert n.comparator != REMEDY_COMPARATOR


PAGE = "Ketamine Infusions for Nerve Pain\n\nKetamine is a medicine that can relieve nerve pain. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Its effects can be strong and frightening for some patients.",
        "Its effects can feel unsettling the first time.",
        "For some people its effects are scary.",
    ],
)
def test_effects_said_to_frighten_are_a_side_effect_claim(sentence: str) -> None:
    (claim,) = [c for c in extract_claims(PAGE + sentence + "\n", "t") if sentence[:20] in c.quote]
    assert normalise(claim).kind == "side_effect", normalise(claim).reasons


@pytest.mark.parametrize(
    "sentence",
    ["Chronic pain can be frightening for patients and families.", "Living with nerve pain is distressing."],
)
def test_a_frightening_disease_is_no_claim_about_ketamine(sentence: str) -> None:
    assert not [c for c in extract_claims(PAGE + sentence + "\n", "t") if sentence[:20] in c.quote]


@pytest.mark.parametrize("spelling", ["heart rate", "heart-rate", "pulse", "blood-pressure", "blood pressure"])
def test_a_named_harm_in_any_spelling_is_a_harm_the_claim_names(spelling: str) -> None:
    """The harms named more finely than their outcome have one home (data/weighing.toml [harm.named]): a claim that
    one passes reads it in every spelling the evidence is read in."""
    from ketalit.claims.normalise import harm_passes

    assert harm_passes(f"Any rise in {spelling} settles within an hour.") is not None
    assert harm_passes(f"Any rise in {spelling} is watched by our nurses.") is None
