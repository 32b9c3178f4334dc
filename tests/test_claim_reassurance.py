"""A reassurance is not a harm occurring. A sentence that says a harm stays normal, stable, mild every time, gone or
unheard of, or that the patient stays in control (awake and in control), says the harm does not happen: it is read so
(``does_not_cause``), and records that the harm happens weigh against it, never for it. A harm set level with another
treatment ("as safe as a placebo") is a comparison with it, never a harm said to be absent. Near misses keep their
readings: a harm said to happen ("can cause nausea", "you may feel calm"), a harm denied outright, a comparison of
harm with a named drug."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page
from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import HARM_KINDS, harm_reassured, normalise
from ketalit.library import Library

HEAD = "What to expect during your ketamine infusion\n\n"


def _read(sentence: str, head: str = HEAD):
    (claim,) = [c for c in extract_claims(head + sentence + "\n", "t") if sentence[:25] in c.quote]
    return normalise(claim)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your blood pressure stays normal throughout the infusion.",
        "Your blood pressure stays stable throughout treatment.",
        "Your heart rate remains steady from start to finish.",
        "Blood pressure is kept stable during every session.",
        "Patients remain fully conscious and in control during the infusion.",
        "You will stay completely awake and fully in control the whole time.",
        "Patients stay calm and comfortable throughout the infusion.",
        "Patients remain clear-headed throughout their treatment.",
        "Side effects are always mild.",
        "Side effects are invariably minor.",
        "Side effects are a thing of the past.",
        "Nausea is now a thing of the past.",
        "Serious side effects are virtually unheard of.",
        "Side effects are a non-issue with modern protocols.",
    ],
)
def test_a_reassurance_is_read_as_the_harm_not_happening(sentence: str) -> None:
    n = _read(sentence)
    assert n.kind in HARM_KINDS, n.reasons
    assert n.direction == "does_not_cause", n.reasons


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Ketamine can cause nausea.", "nausea_vomiting"),
        ("Hallucinations are common.", "psychotomimetic"),
        ("While the infusion runs you may feel calm, detached, or a little floaty.", "psychotomimetic"),
        ("Ketamine raises blood pressure during the infusion.", "cardiovascular"),
    ],
)
def test_a_harm_said_to_happen_keeps_its_reading(sentence: str, outcome: str) -> None:
    # "you may feel calm": a hedge before the state makes it an effect that may occur, not a reassurance
    n = _read(sentence)
    assert (n.kind in HARM_KINDS, n.direction) == (True, "causes"), n.reasons
    assert outcome in n.outcomes


def test_a_harm_denied_outright_keeps_its_reading() -> None:
    n = _read("Ketamine does not cause respiratory depression.")
    assert (n.direction, n.polarity, n.outcomes) == ("does_not_cause", "negative", ["respiratory"]), n.reasons


@pytest.mark.parametrize(
    ("sentence", "comparator"),
    [
        ("Ketamine is as safe as a placebo.", "placebo"),
        ("Ketamine infusions are as well tolerated as a placebo.", "placebo"),
        ("Ketamine is as effective as morphine for acute pain and far safer.", "morphine"),
        ("Ketamine works as well as morphine and is much safer.", "morphine"),
        ("Ketamine causes less dizziness than morphine.", "morphine"),
    ],
)
def test_a_harm_set_level_with_or_below_another_treatment_is_a_comparison_with_it(
    sentence: str, comparator: str
) -> None:
    n = _read(sentence, "Ketamine safety\n\n")
    assert (n.direction, n.comparator) == ("less_harm", comparator), n.reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine is as safe as ibuprofen.",
        "Ketamine is as safe as acetaminophen for most patients.",
        "Ketamine infusions have the same side effects as saline.",
    ],
)
def test_a_harm_set_level_with_a_treatment_no_comparator_names_is_not_weighed_as_safe(sentence: str) -> None:
    n = _read(sentence, "Ketamine safety\n\n")
    assert not n.checkable, n.reasons
    assert "set level with" in n.reasons["checkable"]


def test_a_sentence_that_names_no_harm_is_not_made_one_by_a_weak_model_reading() -> None:
    n = _read("Ketamine is not a controlled substance.", "Ketamine safety\n\n")
    assert not (n.kind in HARM_KINDS and n.direction == "causes"), n.reasons


def test_a_benefits_list_name_does_not_make_its_item_relief_of_pain() -> None:
    page = (
        "Ketamine infusion therapy\n\nBenefits of ketamine therapy:\n\n- Calm, comfortable infusions\n"
        "- Long-lasting results\n"
    )
    read = {c.quote.strip("- "): normalise(c) for c in extract_claims(page, "t")}
    assert "pain_intensity" not in read["Calm, comfortable infusions"].outcomes
    assert read["Long-lasting results"].outcomes  # an effect the item itself names keeps one


NEAR_MISSES = {
    "Ketamine can cause nausea.": "supported",
    "Hallucinations are common.": "supported",
    "Ketamine is an NMDA receptor antagonist.": "supported",
    "While the infusion runs you may feel calm, detached, or a little floaty.": "supported",
    # harm named in general words: a harm said to happen, not one the reading failed to find
    "Ketamine use does carry some risks.": "supported",
    "Like every anaesthetic, ketamine can be dangerous at high doses.": "supported",
}


def test_near_misses_keep_their_verdicts_and_reassurances_are_not_supported(
    records_only_template: Path, tmp_path: Path
) -> None:
    reassurances = [
        "Your blood pressure stays stable with ketamine.",
        "Patients remain in control the whole time.",
        "Side effects are a thing of the past.",
    ]
    text = "Ketamine infusion therapy\n\n" + "\n\n".join([*NEAR_MISSES, *reassurances]) + "\n"
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), text.encode(), "near.txt", title="Ketamine infusion therapy")
    got = {c["quote"]: c for c in result.claims}
    for quote, verdict in NEAR_MISSES.items():
        assert got[quote]["verdict"] == verdict, (quote, got[quote]["explanation"])
    addiction = _read("Ketamine does not cause addiction in most patients.")
    assert (addiction.kind, addiction.direction) == ("dependence", "does_not_cause"), addiction.reasons
    for quote in reassurances:
        assert got[quote]["proposition"]["direction"] == "does_not_cause", quote
        assert got[quote]["verdict"] != "supported", (quote, got[quote]["explanation"])


@pytest.mark.parametrize(
    ("alone", "denied_with_it"),
    [
        ("Patients usually stay awake during the infusion.", "Patients stay awake and in control during the infusion."),
        ("You remain conscious throughout.", "You remain conscious and fully in control throughout."),
        ("Patients stay alert.", "Patients stay alert and calm."),
    ],
)
def test_staying_awake_alone_is_no_reassurance(alone: str, denied_with_it: str) -> None:
    # at the doses given for pain patients do stay awake (a labelled supported claim): only a state denied with it
    # ("awake and in control") says a harm does not happen
    assert harm_reassured(alone) is None
    assert harm_reassured(denied_with_it) is not None
