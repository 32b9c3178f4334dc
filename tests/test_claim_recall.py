"""Claims the extraction used to miss because a sentence was cut wrongly or referred to ketamine without naming it
(bench/README, "Round 19: the claims extraction missed on the nineteenth set"): an ellipsis ends a sentence; a list
item of several sentences keeps its claims apart when the sentences between them describe the body; "this <described>
drug" is the drug the page is about; "Such conditions include ..." after a sentence saying ketamine helps in
conditions; "it" after a dose the page gives. Each rule is tried on rewordings, and on the sentences it must not bring
back: another drug, the disease, a call to action, the clinic's practice, a question."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims


def _quotes(text: str) -> list[str]:
    return [c.quote for c in extract_claims(text, "t")]


def _taken(quotes: list[str], words: str) -> bool:
    return any(words in q for q in quotes)


HEAD = "Ketamine Infusions for Chronic Pain\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine gives strong short-term relief of nerve pain… Its power to calm overactive nerves is striking.",
        "The trials of ketamine for nerve pain are encouraging… Its effect on mood is strong as well.",
    ],
)
def test_an_ellipsis_ends_a_sentence(text: str) -> None:
    quotes = _quotes(HEAD + text + "\n")
    assert len(quotes) == 2
    assert quotes[0].endswith("…")


def test_an_ellipsis_before_a_small_letter_does_not_cut_the_sentence() -> None:
    quotes = _quotes(HEAD + "Ketamine relieves nerve pain… and often lifts mood as well.\n")
    assert quotes == ["Ketamine relieves nerve pain… and often lifts mood as well."]


@pytest.mark.parametrize(
    ("text", "claims", "not_taken"),
    [
        (
            "Researchers think ketamine works in several ways:\n\n- It works by blocking the NMDA receptor, which "
            "drives central sensitization. This receptor acts like a switch in the nerves. Once flipped, it sends "
            "pain up the spinal cord. Ketamine keeps the switch from being flipped. Ketamine also lowers how many "
            "switches the nerves carry.\n",
            ["It works by blocking", "Ketamine keeps the switch", "Ketamine also lowers"],
            "Once flipped",
        ),
        (
            "How ketamine may help:\n\n- Ketamine blocks the NMDA receptor. The nerves then carry it as a signal to "
            "the brain. Ketamine also calms inflammation in the spinal cord.\n",
            ["Ketamine blocks the NMDA receptor.", "Ketamine also calms inflammation"],
            "The nerves then",
        ),
    ],
)
def test_an_item_keeps_its_claims_apart_from_sentences_on_the_body(
    text: str, claims: list[str], not_taken: str
) -> None:
    quotes = _quotes(HEAD + text)
    for words in claims:
        assert any(q.startswith(words) for q in quotes), words
    assert not _taken(quotes, not_taken)


def test_an_item_whose_sentence_points_back_to_ketamine_stays_one_claim() -> None:
    text = "How it helps:\n\n- Nerves become hypersensitive. Ketamine may help reduce that sensitization.\n"
    assert _quotes(HEAD + text) == ["Nerves become hypersensitive. Ketamine may help reduce that sensitization."]


@pytest.mark.parametrize(
    ("before", "sentence"),
    [
        (
            "Doctors still give ketamine by IV to help relieve chronic pain.",
            "This potent and often misunderstood drug is changing how chronic pain is treated.",
        ),
        ("Ketamine was made in the 1960s.", "This Schedule III controlled substance eases nerve pain in many."),
        ("Many clinics now offer ketamine.", "This fast-acting medicine can ease migraine within hours."),
    ],
)
def test_this_described_drug_is_the_drug_the_page_is_about(before: str, sentence: str) -> None:
    assert _taken(_quotes(f"{before} {sentence}\n"), sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Many patients take gabapentin for nerve pain. This other medicine often brings drowsiness.",
        "Call us today to learn whether this remarkable medicine is right for you.",
        "Is this remarkable drug right for you?",
        "Our clinic offers this proven medicine in a calm, private setting.",
    ],
)
def test_this_described_drug_brings_back_no_other_drug_call_or_question(text: str) -> None:
    assert _quotes(text + "\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine can ease chronic pain in certain conditions where other painkillers fail. Such conditions may "
        "include diabetic neuropathy, pain after shingles and CRPS.",
        "Ketamine helps in a number of conditions. Such conditions include fibromyalgia and phantom limb pain.",
    ],
)
def test_such_conditions_after_ketamine_helps_in_conditions_is_a_claim(text: str) -> None:
    assert _taken(_quotes(text + "\n"), "Such conditions")


@pytest.mark.parametrize(
    "text",
    [
        "Chronic pain can arise from many conditions. Such conditions include arthritis and old injuries.",
        "Opioids are often prescribed for several conditions. Such conditions include cancer pain and injuries.",
    ],
)
def test_such_conditions_after_the_disease_or_another_drug_is_not_a_claim(text: str) -> None:
    assert not _taken(_quotes(HEAD + text + "\n"), "Such conditions")


@pytest.mark.parametrize(
    "text",
    [
        "A typical starting dose is 0.1–0.3 mg/kg, repeated every few hours. It can also run without a break at "
        "0.1–0.5 mg/kg each hour. Sometimes specialists raise it as high as 1 mg/kg/hour.",
        "The usual starting dose is 0.5 mg/kg over 40 minutes. It may be raised to 1 mg/kg when relief is poor.",
    ],
)
def test_it_after_a_dose_the_page_gives_is_a_claim(text: str) -> None:
    quotes = _quotes("Ketamine Dose for Chronic Pain\n\nIV infusions\n\n" + text + "\n")
    assert _taken(quotes, "It ")
    assert len([q for q in quotes if "mg/kg" in q]) == text.count("mg/kg")


def test_it_after_a_dose_of_another_drug_is_that_drug() -> None:
    text = "The usual starting dose of morphine is 5 mg. It can cause drowsiness and constipation."
    assert not _taken(_quotes("Pain Medicines\n\n" + text + "\n"), "It can cause")
