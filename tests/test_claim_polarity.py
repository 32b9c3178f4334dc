"""Which way a claim points: a verb that lessens a harm, a list's lead-in, a negated end of relief.

The false sentences are in ``tests/adversarial/polar21.toml``; here, the readings they rest on, and the near misses
worded alike that must keep the reading they had: a harm that happens, a list of side effects, relief that wears off.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page, page_claims
from ketalit.library import Library

TITLE = "Ketamine infusion therapy for chronic pain"
SAFETY = "Ketamine Safety Profile"


def _read(text: str, title: str = TITLE) -> dict[str, tuple[str, str, str]]:
    """Each claim's quote with its kind, direction and polarity, as `ketalit check` reads the page."""
    return {c.quote: (n.kind, n.direction, n.polarity) for c, n in page_claims(text, title=title)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine reduces the risk of addiction.",
        "Ketamine prevents dependence.",
        "Ketamine keeps blood pressure stable.",
        "Ketamine calms hallucinations.",
        "Ketamine reduces dizziness.",
        "Ketamine lowers the chance of becoming dependent.",
        "Ketamine helps prevent dizziness and nausea.",
    ],
)
def test_a_verb_that_lessens_a_harm_is_never_read_as_causing_it(sentence: str) -> None:
    kind, direction, _ = _read(f"{SAFETY}\n\n{sentence}\n", SAFETY)[sentence]
    assert kind in ("side_effect", "safety", "dependence")
    assert direction == "does_not_cause"


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Ketamine can cause nausea.", "causes"),
        ("Ketamine relieves pain but can cause hallucinations.", "causes"),
        ("Ketamine causes less nausea than morphine.", "less_harm"),
    ],
)
def test_a_harm_that_happens_keeps_its_direction(sentence: str, direction: str) -> None:
    assert _read(f"{SAFETY}\n\n{sentence}\n", SAFETY)[sentence][1] == direction


@pytest.mark.parametrize(
    ("lead", "polarity"),
    [
        ("Ketamine never causes:", "negative"),
        ("Unlike opioids, ketamine does not cause:", "negative"),
        ("Ketamine offers pain relief without the risks of:", "negative"),
        ("Unlike ketamine, opioids cause:", "negative"),
        ("Patients rarely experience:", "positive"),
    ],
)
def test_a_bare_list_item_takes_its_lead_ins_negation_or_hedge(lead: str, polarity: str) -> None:
    read = _read(f"{TITLE}\n\n{lead}\n\n  • Hallucinations\n  • Nausea\n")
    for item in ("Hallucinations", "Nausea"):
        assert read[item][0] == "side_effect"
        assert read[item][1:] == ("does_not_cause", polarity), (lead, item)


def test_a_list_of_side_effects_still_says_they_happen() -> None:
    read = _read(f"{TITLE}\n\nCommon side effects include:\n\n  • Nausea\n  • Hallucinations\n")
    assert read["Nausea"][1:] == ("causes", "positive")
    assert read["Hallucinations"][1:] == ("causes", "positive")


def test_an_item_with_a_sentence_of_its_own_keeps_its_own_reading() -> None:
    read = _read(f"{TITLE}\n\nKetamine never causes:\n\n  • Nausea, though some patients do feel dizzy at first.\n")
    assert [r for q, r in read.items() if q.startswith("Nausea")][0][1] != "does_not_cause"


def test_an_absolute_lead_in_leaves_a_statement_of_mechanism_unchecked() -> None:
    claims = page_claims(f"{TITLE}\n\nIn every patient, ketamine eliminates:\n\n  • Inflammation\n", title=TITLE)
    assert [n.checkable for c, n in claims if c.quote == "Inflammation"] == [False]
    claims = page_claims(f"{TITLE}\n\nKetamine offers:\n\n  • Reduced inflammation throughout the body\n", title=TITLE)
    assert [n.checkable for c, n in claims if c.quote.startswith("Reduced inflammation")] == [True]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine's pain relief does not wear off.",
        "The benefits of ketamine don't fade.",
        "Unlike other treatments, ketamine's benefits are not temporary.",
    ],
)
def test_a_negated_end_of_relief_is_relief_that_never_ends(sentence: str) -> None:
    (c, n), *_ = page_claims(f"{TITLE}\n\n{sentence}\n", title=TITLE)
    assert (n.kind, n.direction) == ("duration", "lasts")
    assert n.quantity is not None and n.quantity.low >= 365


def test_relief_that_wears_off_still_fades_and_a_condition_that_will_not_go_away_is_not_relief() -> None:
    read = _read(f"{TITLE}\n\nKetamine's pain relief wears off.\n")
    assert read["Ketamine's pain relief wears off."][1] == "fades"
    (c, n), *_ = page_claims(f"{TITLE}\n\nKetamine pain relief wears off within weeks.\n", title=TITLE)
    assert n.quantity is not None and n.quantity.high <= 60
    sentence = "We treat people with CRPS or headaches that will not go away."
    assert _read(f"{TITLE}\n\n{sentence}\n")[sentence][0] != "duration"


def test_true_claims_worded_alike_keep_their_verdicts(records_only_template: Path, tmp_path: Path) -> None:
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    text = f"{TITLE}\n\nKetamine is an NMDA receptor antagonist.\n\nKetamine can cause nausea.\n"
    result = check_page(Library.open(lib), text.encode(), "near.txt", title=TITLE)
    verdicts = {c["quote"]: c["verdict"] for c in result.claims}
    assert verdicts["Ketamine is an NMDA receptor antagonist."] == "supported"
    assert verdicts["Ketamine can cause nausea."] == "supported"
