"""A harm's risk or chance denied in any wording ("zero risk", "a 0% chance", "nil", "risk-free", "not any risk",
"none of the risks") is read as the harm denied, and weighed as an absolute claim: contradicted by credible reports
that the harm occurs with ketamine, never supported by them. A risk said to be nearly nothing ("close to zero") is a
harm made rare, not denied outright; a score brought down to zero is no denial; "is not an opioid" is left alone. A
harm said not to happen keeps the rules' harm kind when the trained kind model reads an effect. A second claim joined
to a mechanism by ", and it ..." or ", and this ..." must be stated too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page
from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import HARM_KINDS, normalise
from ketalit.library import Library

DENIED = [
    "With ketamine you face zero risk of becoming addicted.",
    "Ketamine carries a 0% chance of making you hallucinate.",
    "The chance of respiratory depression with ketamine is nil.",
    "Ketamine is an addiction-free painkiller.",
    "Ketamine infusions carry not any risk of nausea.",
    "Ketamine infusions carry none of the risks of dependence.",
]
NEARLY = "The risk of addiction with ketamine is close to zero."
JOINED = [
    "Ketamine blocks NMDA receptors, and it rebuilds the brain.",
    "Ketamine works by blocking a substance that produces pain, and this rebuilds the brain.",
    "Ketamine acts on the nervous system, and it rewires the spinal cord.",
]
JOINED_MECHANISM = "Ketamine blocks NMDA receptors, and it also acts on opioid receptors."


def _read(sentence: str, heading: str = "") -> tuple[str, str, str, dict[str, str]]:
    page = (f"{heading}\n\n" if heading else "") + sentence + "\n"
    (claim,) = [c for c in extract_claims(page, "t") if sentence[:20] in c.quote]
    n = normalise(claim)
    return n.kind, n.polarity, n.direction, n.reasons


@pytest.fixture(scope="module")
def checked(records_only_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    sentences = [*DENIED, NEARLY, *JOINED, JOINED_MECHANISM, "Ketamine is not an opioid."]
    text = "Ketamine infusion therapy\n\n" + "\n\n".join(sentences) + "\n"
    lib = tmp_path_factory.mktemp("risk_denied") / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), text.encode(), "risk_denied.txt", title="Ketamine infusion therapy")
    return {c["quote"]: c for c in result.claims}


def _find(checked: dict[str, dict], sentence: str) -> dict:
    (claim,) = [c for q, c in checked.items() if sentence in q]
    return claim


@pytest.mark.parametrize("sentence", DENIED)
def test_a_risk_denied_is_read_as_the_harm_denied(sentence: str) -> None:
    kind, polarity, direction, reasons = _read(sentence)
    assert kind in HARM_KINDS, reasons
    assert (polarity, direction) == ("negative", "does_not_cause"), reasons
    assert reasons["polarity"].startswith("negation"), reasons


@pytest.mark.parametrize("sentence", DENIED)
def test_a_risk_denied_is_weighed_as_an_absolute_claim(checked: dict, sentence: str) -> None:
    claim = _find(checked, sentence)
    assert claim["verdict"] == "contradicted", claim["explanation"]
    assert "An absolute claim" in claim["explanation"], claim["explanation"]


def test_a_risk_close_to_zero_is_a_harm_made_rare_not_an_absolute_claim(checked: dict) -> None:
    _kind, polarity, direction, reasons = _read(NEARLY)
    assert (polarity, direction) == ("positive", "does_not_cause"), reasons
    assert "close to zero" in reasons["direction"], reasons
    claim = _find(checked, NEARLY)
    assert "An absolute claim" not in claim["explanation"], claim["explanation"]


@pytest.mark.parametrize(
    "sentence", ["Pain scores fell from 8 to zero after the infusion.", "Ketamine is not an opioid."]
)
def test_zero_as_a_score_and_a_class_denied_are_not_a_harm_denied(sentence: str) -> None:
    kind, polarity, _direction, reasons = _read(sentence)
    assert kind not in HARM_KINDS and polarity == "positive", reasons


def test_not_an_opioid_is_not_contradicted(checked: dict) -> None:
    claim = _find(checked, "Ketamine is not an opioid.")
    assert claim["verdict"] != "contradicted", claim["explanation"]


@pytest.mark.parametrize("heading", ["Benefits of ketamine for pain", "How ketamine works", ""])
def test_a_denied_harm_keeps_its_harm_kind_against_the_kind_model(heading: str) -> None:
    kind, _polarity, direction, reasons = _read("Our infusions relieve pain with zero risk of addiction.", heading)
    assert kind in HARM_KINDS and direction == "does_not_cause", reasons


@pytest.mark.parametrize("sentence", JOINED)
def test_a_claim_joined_to_a_mechanism_by_and_it_must_be_stated(checked: dict, sentence: str) -> None:
    claim = _find(checked, sentence)
    assert claim["verdict"] != "supported", claim["explanation"]
    assert "rebuilds" in claim["explanation"] or "rewires" in claim["explanation"], claim["explanation"]


def test_more_of_the_mechanism_joined_by_and_it_is_read_as_before(checked: dict) -> None:
    claim = _find(checked, JOINED_MECHANISM)
    assert claim["verdict"] == "supported", claim["explanation"]
