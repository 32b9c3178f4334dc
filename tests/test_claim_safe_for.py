"""A treatment said to be safe for some conditions ("an extremely safe and effective way to treat a range of pain and
mood disorders") is said to be safe in general: the conditions it treats are not a harm it is said not to cause. Read
so, the claim is weighed as a claim of general safety, which the harms reported in the library keep from `supported`
(before, "mood disorders" made its outcome mood, and trials in which mood was better with ketamine than with placebo
supported "ketamine is extremely safe": a labelled `mixed` claim of the twentieth set). A harm named after the
conditions ("..., with no risk of hallucinations", "... that does not cause nausea") is still the claim's outcome."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page
from ketalit.library import Library
from test_claim_reassurance import _read as read_claim

SAFE_FOR = (
    "Given by a qualified health professional at a suitable dose, and with close monitoring, ketamine is an extremely"
    " safe and effective way to treat a range of pain and mood disorders."
)


def _read(sentence: str):
    return read_claim(sentence, "Ketamine infusion therapy\n\n")


@pytest.mark.parametrize(
    "sentence",
    [
        SAFE_FOR,
        "Ketamine is a safe option for treating depression and anxiety.",
        "Ketamine infusion is a safe therapy for mood disorders and chronic pain.",
    ],
)
def test_the_conditions_a_safe_treatment_treats_are_not_its_harm(sentence: str) -> None:
    n = _read(sentence)
    assert n.kind == "safety", n.reasons
    assert "mood" not in n.outcomes, n.reasons
    assert n.outcomes == ["adverse_events"], n.reasons
    assert "not the conditions it is said to treat" in n.reasons["outcomes"]


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Ketamine is a safe way to treat pain, with no risk of hallucinations.", "psychotomimetic"),
        ("Ketamine is a safe treatment for pain that does not cause nausea.", "nausea_vomiting"),
        ("Ketamine is safe and does not raise blood pressure.", "cardiovascular"),
    ],
)
def test_a_harm_named_after_the_conditions_is_still_the_outcome(sentence: str, outcome: str) -> None:
    n = _read(sentence)
    assert n.kind == "safety", n.reasons
    assert outcome in n.outcomes, n.reasons


def test_a_safe_treatment_for_mood_disorders_is_not_supported_by_better_mood(
    tmp_path: Path, records_only_template: Path
) -> None:
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), f"Ketamine infusion therapy\n\n{SAFE_FOR}\n".encode(), "p.txt", title="t")
    (row,) = [c for c in result.claims if c["quote"].startswith("Given by a qualified")]
    assert row["proposition"]["outcomes"] == ["adverse_events"]
    # harms with ketamine are reported in the library: general safety is not supported, and the reason names a record
    # that reports them
    assert row["verdict"] in ("mixed", "contradicted"), row["explanation"]
    assert "contradicts: adverse events occurred with ketamine" in row["explanation"], row["explanation"]
