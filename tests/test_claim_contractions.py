"""Polarity words the reading missed: contracted negations, words of rarity, a dependence said to be treated, relief
said to come at once or where other treatments fail.

The false sentences are in ``tests/adversarial/fix22a.toml``; here, the readings they rest on, and the near misses
worded alike that must keep the reading and the verdict they had.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page, page_claims
from ketalit.claims.normalise import written_out
from ketalit.claims.stance import _refractory_claim
from ketalit.library import Library

from conftest import claims_of_page

TITLE = "Ketamine infusions: your questions answered"


def _read(text: str) -> dict[str, tuple[str, str, str]]:
    """Each claim's quote with its kind, direction and polarity, as `ketalit check` reads the page."""
    return {c.quote: (n.kind, n.direction, n.polarity) for c, n in page_claims(f"{TITLE}\n\n{text}\n", title=TITLE)}


@pytest.mark.parametrize(
    ("contracted", "full"),
    [
        ("Ketamine isn't addictive.", "Ketamine is not addictive."),
        ("Ketamine doesn't cause nausea.", "Ketamine does not cause nausea."),
        ("Ketamine doesn’t cause nausea.", "Ketamine does not cause nausea."),
        ("Patients don't experience hallucinations.", "Patients do not experience hallucinations."),
        ("Ketamine won't cause hallucinations.", "Ketamine will not cause hallucinations."),
        ("Ketamine can't cause addiction.", "Ketamine cannot cause addiction."),
    ],
)
def test_a_contracted_negation_is_read_as_the_words_in_full(contracted: str, full: str) -> None:
    assert _read(contracted)[contracted] == _read(full)[full]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine isn't addictive.",
        "Ketamine doesn’t cause nausea.",
        "Patients don't experience hallucinations.",
        "Ketamine won't cause hallucinations.",
        "Ketamine can't cause addiction.",
        "Ketamine shouldn't affect your breathing.",
        "You can't become dependent on ketamine.",
    ],
)
def test_a_harm_denied_with_a_contraction_is_denied(sentence: str) -> None:
    kind, direction, polarity = _read(sentence)[sentence]
    assert kind in ("side_effect", "safety", "dependence")
    assert (direction, polarity) == ("does_not_cause", "negative")


def test_contractions_are_written_out_with_their_case_and_any_apostrophe() -> None:
    assert written_out("It can’t.") == "It can not."
    assert written_out("They DON'T.") == "They DO not."
    assert written_out("It won‘t.") == "It will not."
    assert written_out("Ketamine doesn`t cause hallucinations") == "Ketamine does not cause hallucinations"
    assert written_out("the patient's own words") == "the patient's own words"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the sentence asserts: its first clause, after its subject, past a leading phrase of circumstance
        ("At the doses we use, ketamine isn't addictive.", "At the doses we use, ketamine is not addictive."),
        ("Patients don't experience hallucinations.", "Patients do not experience hallucinations."),
        # a clause of its own after a semicolon, whose subject is the drug
        (
            "Ketamine isn't just for anesthesia; it isn't addictive either.",
            "Ketamine is not just for anesthesia; it is not addictive either.",
        ),
        # not an imperative opening the sentence, nor a later clause: they do not negate what it asserts
        ("Don't worry: ketamine can cause mild nausea.", "Don't worry: ketamine can cause mild nausea."),
        ("Ketamine can cause hallucinations that don't last long.", None),
        ("Ketamine can raise blood pressure, so it isn't for everyone.", None),
        ("If you don't respond to opioids, ketamine may cause hallucinations.", None),
        ("Side effects like nausea can occur but don't last long.", None),
    ],
)
def test_a_contraction_is_written_out_only_where_it_negates_what_the_sentence_asserts(
    sentence: str, expected: str | None
) -> None:
    assert written_out(sentence) == (expected or sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine acts on pain receptors in a way most medicines cannot.",
        "Many patients cannot bear the side effects of opioids.",
        "Ketamine should not be used in pregnancy.",
    ],
)
def test_a_negation_of_what_something_else_does_or_of_whom_it_is_for_is_not_a_harm_denied(sentence: str) -> None:
    _, direction, polarity = _read(sentence)[sentence]
    assert (direction, polarity) != ("does_not_cause", "negative")
    assert polarity == "positive"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine seldom causes dizziness.",
        "Ketamine hardly ever causes nausea.",
        "Ketamine infrequently causes hallucinations.",
        "Ketamine only occasionally causes dizziness.",
        "Very few patients experience hallucinations.",
        "Only a few patients feel dizzy.",
        "A small number of patients experience nausea.",
        "Few people experience dissociation with ketamine.",
    ],
)
def test_a_harm_said_to_be_rare_or_to_affect_few_is_not_read_as_happening(sentence: str) -> None:
    kind, direction, _ = _read(sentence)[sentence]
    assert kind in ("side_effect", "safety")
    assert direction == "does_not_cause"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine can cause nausea.",
        "Hallucinations are common.",
        "A few patients feel dizzy.",
        "Few side effects are serious.",
    ],
)
def test_a_harm_that_some_patients_have_still_happens(sentence: str) -> None:
    assert _read(sentence)[sentence][1] == "causes"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine cures alcohol addiction.",
        "Ketamine breaks the cycle of opioid dependence.",
        "Ketamine eliminates cravings for painkillers.",
        "Ketamine is a cure for cocaine dependence.",
        "Ketamine helps patients overcome benzodiazepine dependence.",
    ],
)
def test_a_dependence_on_another_substance_said_to_be_treated_is_efficacy_on_it(sentence: str) -> None:
    (c, n), *_ = page_claims(f"{TITLE}\n\n{sentence}\n", title=TITLE)
    assert (n.kind, n.direction) == ("efficacy", "improves")
    assert n.concepts, "a record must name what the dependence is on"


@pytest.mark.parametrize("sentence", ["Ketamine can cause addiction.", "Ketamine can lead to dependence."])
def test_ketamine_said_to_cause_a_dependence_still_causes_it(sentence: str) -> None:
    assert _read(sentence)[sentence][:2] == ("dependence", "causes")


@pytest.mark.parametrize(
    "sentence", ["Ketamine relief begins the moment the infusion starts.", "Relief starts the instant the drip begins."]
)
def test_relief_said_to_begin_with_the_treatment_is_onset_at_once(sentence: str) -> None:
    (c, n), *_ = page_claims(f"{TITLE}\n\n{sentence}\n", title=TITLE)
    assert n.kind == "onset"
    assert n.quantity is not None and n.quantity.high <= 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine works when opioids don't.",
        "Ketamine relieves pain in minutes where opioids fail.",
        "Ketamine works for pain that doesn't respond to anything else.",
        "Ketamine works for pain that nothing else has helped.",
    ],
)
def test_pain_other_treatments_failed_on_is_read_as_such(sentence: str) -> None:
    assert _refractory_claim(sentence)


def test_true_claims_worded_alike_keep_their_verdicts(records_only_template: Path, tmp_path: Path) -> None:
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    near = {
        "Ketamine is an NMDA receptor antagonist.": "supported",
        "Ketamine can cause nausea.": "supported",
        "Hallucinations are common.": "supported",
        "Few side effects are serious.": "supported",
        "Ketamine is not addictive.": "contradicted",
        "Opioids don't work for everyone; ketamine can help.": "mixed",
    }
    text = f"{TITLE}\n\n" + "\n\n".join(near) + "\n"
    result = check_page(Library.open(lib), text.encode(), "near.txt", title=TITLE)
    verdicts = {c["quote"]: c["verdict"] for c in result.claims}
    assert {q: verdicts.get(q) for q in near} == near
    read = _read("Ketamine does not cause addiction in most patients.")
    assert read["Ketamine does not cause addiction in most patients."] == ("dependence", "does_not_cause", "negative")


TRUE_BESIDE_A_CONTRACTION = [
    "Don't worry: ketamine can cause mild nausea.",
    "Ketamine can cause hallucinations that don't last long.",
    "If you don't respond to opioids, ketamine may cause hallucinations.",
    "Ketamine can raise blood pressure, so it isn't for everyone.",
    "Side effects like nausea can occur but don't last long.",
    "Ketamine increases vomiting after surgery, so don't eat before.",
    "Ketamine can cause hallucinations, so patients shouldn't drive afterwards.",
    "Don't be surprised if ketamine makes you feel dizzy.",
]


def test_a_contraction_in_another_clause_leaves_a_true_harm_supported(
    records_only_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # each was supported before contractions were read, and contradicted while every contraction was written out
    page = "Ketamine infusions: side effects\n\n" + "\n\n".join(TRUE_BESIDE_A_CONTRACTION) + "\n"
    claims = claims_of_page(records_only_template, tmp_path_factory.mktemp("beside"), page, "Ketamine side effects")
    assert {q: claims[q]["verdict"] for q in TRUE_BESIDE_A_CONTRACTION} == dict.fromkeys(
        TRUE_BESIDE_A_CONTRACTION, "supported"
    )
