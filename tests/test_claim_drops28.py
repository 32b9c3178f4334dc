"""Claims of bladder harm, of emergence reactions, of interactions with other drugs and of opioids no longer needed are
extracted, whichever way they are worded (the false ones are in ``tests/adversarial/drops28.toml``); a sentence that
names the bladder, or the medications a patient takes, without saying what ketamine does is not a claim."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims


def _quotes(*sentences: str) -> list[str]:
    return [c.quote for c in extract_claims("Ketamine Infusions\n" + "\n".join(sentences) + "\n")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine can cause bladder problems with frequent use.",
        "Heavy recreational ketamine use can damage the urinary tract.",
        "There are no reports of bladder problems with ketamine.",
        "Ketamine never causes cystitis, even with daily use.",
        "Some children experience emergence reactions after ketamine.",
        "Children never experience emergence reactions after ketamine.",
        "Ketamine may interact with benzodiazepines and reduce their effect.",
        "Ketamine does not interact with any other medication.",
        "Many patients no longer need opioids after a course of ketamine infusions.",
        "Patients who receive ketamine never need opioids again.",
    ],
)
def test_claims_of_these_harms_and_promises_are_extracted(sentence: str) -> None:
    assert _quotes(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Please empty your bladder before your ketamine infusion.",
        "Tell our nurse about any medications you take, as some may interact with ketamine.",
    ],
)
def test_logistics_naming_the_bladder_or_other_drugs_are_not_claims(sentence: str) -> None:
    assert _quotes(sentence) == []
