"""An absolute claim that a harm never happens ("no X", "does not cause X", "will not damage your liver",
"nor ... any adverse effects", "non-addictive") is contradicted by credible reports that the harm occurs with ketamine,
and the explanation says so and quotes one. A hedged or scoped claim ("usually does not", "rarely", "at low doses",
"at the doses we use"), one set beside another drug, and a negation that is not about a harm ("is not an opioid") keep
their weighing; nothing becomes supported. A harm said not to happen is read as safety, whatever the heading."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.check import check_page
from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import HARM_KINDS, normalise
from ketalit.claims.verdict import Evidence, verdict
from ketalit.library import Library

from conftest import make_claim

ABSOLUTE = [
    "Patients who receive ketamine get no side effects at all.",
    "With ketamine there is no risk of breathing problems.",
    "Ketamine never makes people hallucinate.",
    "Your liver will not be harmed: ketamine does not damage the liver.",
    "Ketamine is completely non-addictive.",
    "And it has no adverse effects either.",
]
HEDGED = [
    "Ketamine usually does not make people hallucinate.",
    "At low doses breathing is not suppressed by ketamine.",
    "At the doses we use, ketamine does not cause breathing problems.",
    "Ketamine seldom causes side effects.",
    "Ketamine does not suppress breathing like opioids do.",
    "In many patients the infusion has no effect at all.",
]


@pytest.fixture(scope="module")
def checked(records_only_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    text = "Ketamine infusion therapy\n\n" + "\n\n".join([*ABSOLUTE, *HEDGED, "Ketamine is not an opioid."]) + "\n"
    lib = tmp_path_factory.mktemp("absolute") / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), text.encode(), "absolute.txt", title="Ketamine infusion therapy")
    return {c["quote"]: c for c in result.claims}


def _find(checked: dict[str, dict], sentence: str) -> dict:
    (claim,) = [c for q, c in checked.items() if sentence[:30] in q]
    return claim


@pytest.mark.parametrize("sentence", ABSOLUTE)
def test_an_absolute_denial_of_a_harm_is_contradicted_by_its_occurrence(checked: dict, sentence: str) -> None:
    claim = _find(checked, sentence)
    assert claim["verdict"] == "contradicted", claim["explanation"]
    assert "An absolute claim" in claim["explanation"], claim["explanation"]
    assert "occurs with ketamine" in claim["explanation"]


@pytest.mark.parametrize("sentence", HEDGED)
def test_a_hedged_or_scoped_denial_is_not_made_absolute(checked: dict, sentence: str) -> None:
    claim = _find(checked, sentence)
    assert "An absolute claim" not in claim["explanation"], claim["explanation"]
    assert claim["verdict"] != "supported" or "no more frequent" not in claim["explanation"]


def test_a_negation_that_is_not_about_a_harm_is_not_contradicted(checked: dict) -> None:
    claim = _find(checked, "Ketamine is not an opioid.")
    assert claim["verdict"] != "contradicted", claim["explanation"]
    assert "An absolute claim" not in claim["explanation"]


def test_the_explanation_quotes_the_occurrence_and_the_denial(checked: dict) -> None:
    claim = _find(checked, "With ketamine there is no risk of breathing problems.")
    why = claim["explanation"]
    assert "'no risk of breathing problems'" in why, why
    assert "e.g." in why and "(meta-analysis)" in why or "(RCT)" in why or "(case series)" in why, why


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine will not damage your liver.",
        "Ketamine does not damage the bladder.",
        "Ketamine won't make you hallucinate.",
        "Ketamine does not cause hallucinations.",
    ],
)
@pytest.mark.parametrize("heading", ["How ketamine works", "Is ketamine safe?", ""])
def test_a_harm_said_not_to_happen_is_safety_whatever_the_heading(sentence: str, heading: str) -> None:
    page = (f"{heading}\n\n" if heading else "") + sentence + "\n"
    (claim,) = [c for c in extract_claims(page, "t") if sentence[:20] in c.quote]
    n = normalise(claim)
    assert n.kind in HARM_KINDS, n.reasons
    assert n.direction == "does_not_cause", n.reasons


def test_liver_harm_in_lay_words_is_read_as_liver_injury() -> None:
    (claim,) = extract_claims("Ketamine will not damage your liver.\n", "t")
    assert normalise(claim).outcomes == ["hepatotoxicity"]


def _record(author: str, design: str, stance: str, direction: str, side: int, **kw) -> Evidence:
    finding = {"outcome": "respiratory", "serious": False, "direction": direction, "side": side}
    why = f"respiratory {direction}"
    return Evidence(0, None, None, author, "t", 2020, author, design, stance, ["A result."], why=why, related=1,
                    size=200, finding=[finding], **kw)  # fmt: skip


NO_DIFFERENCE = [_record(a, "meta_analysis", "supports", "same", 1) for a in ("Aa", "Bb")] + [
    _record("Cc", "rct", "supports", "same", 1)
]


def _denial(quote: str) -> Claim:
    return make_claim(quote, kind="safety", outcomes=["respiratory"], direction="does_not_cause")


def test_no_difference_from_placebo_does_not_support_a_harm_never_happening() -> None:
    # three records that respiratory events were no more frequent than with placebo, one cohort that they occurred
    cohort = _record("Dd", "cohort", "contradicts", "occurred", -1)
    absolute = _denial("There is no respiratory depression with ketamine.")
    assert verdict(absolute, [*NO_DIFFERENCE, cohort])[0] != "supported"
    # ... while a claim that it is no more frequent, or rare, is still weighed on them
    hedged = _denial("Respiratory depression rarely happens with ketamine.")
    assert verdict(hedged, NO_DIFFERENCE)[0] == "supported"


def test_indirect_occurrence_contradicts_an_unscoped_absolute_claim_only() -> None:
    # a meta-analysis and a case series of sedation in children: another population, still the harm with ketamine
    sedation = [
        _record("Ee", "meta_analysis", "contradicts", "occurred", -1, indirect=["population: paediatric, not x"]),
        _record("Ff", "case_series", "contradicts", "occurred", -1, indirect=["regimen: single (bolus), not infusion"]),
    ]
    v, why = verdict(_denial("Ketamine infusions never depress breathing."), [*NO_DIFFERENCE, *sedation])
    assert v == "contradicted" and "An absolute claim ('never depress breathing'" in why, why
    scoped = _denial("At the doses we use, ketamine infusions do not depress breathing.")
    assert verdict(scoped, [*NO_DIFFERENCE, *sedation])[0] != "contradicted"
    # another route is another exposure: the harm by that route does not show it by this one
    by_mouth = [replace(e, indirect=["route: oral, not intravenous"]) for e in sedation]
    assert verdict(_denial("Ketamine infusions never depress breathing."), [*NO_DIFFERENCE, *by_mouth])[0] != (
        "contradicted"
    )


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("For decades, patients have been given ketamine without serious side effects.", "safety"),
        ("It was first given to soldiers in the military with no side effects at all.", "safety"),
        # near misses: a history with no harm denied, a dependence denied
        ("Ketamine has been given to patients for decades.", "history"),
        ("For decades it has been given without causing addiction.", "dependence"),
    ],
)
def test_a_harm_denied_over_a_history_is_safety(sentence: str, kind: str) -> None:
    (claim,) = [c for c in extract_claims(sentence + "\n", "t") if sentence[:20] in c.quote]
    n = normalise(claim)
    assert n.kind == kind, n.reasons
    if kind != "history":
        assert n.direction == "does_not_cause", n.reasons


def test_a_history_whose_negation_is_of_something_else_stays_history() -> None:
    sentence = (
        "Lately it has been used for back pain that will not respond to treatment, for anxiety, and for people "
        "with alcohol dependence."
    )
    (claim,) = extract_claims(sentence + "\n", "t")
    assert normalise(claim).kind == "history", normalise(claim).reasons
