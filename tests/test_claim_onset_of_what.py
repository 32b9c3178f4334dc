"""A time is a claim of onset only when it is the time of relief, of the drug's action or of an effect patients notice
("Within hours, ketamine can ease the pain", "starts working within minutes"). "Within hours, ketamine can foster the
building blocks needed to mend this harm" (a labelled mechanism claim of the fourteenth set) was read as how fast
relief comes and supported by trials of relief within fifteen minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import normalise

from conftest import claims_of_page

HEAD = "Ketamine infusion therapy for chronic pain\n\n"


def _kind(sentence: str) -> str:
    page = HEAD + sentence + "\n"
    (c,) = [c for c in extract_claims(page) if c.quote == sentence]
    return normalise(c, page).kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Within hours, ketamine can spark the growth of new connections between nerve cells.",
        "Within 24 hours, ketamine helps the brain build new synapses.",
        "Within hours, ketamine can foster the building blocks needed to mend this harm.",
    ],
)
def test_a_time_of_something_other_than_relief_is_not_onset(sentence: str) -> None:
    assert _kind(sentence) != "onset"


@pytest.mark.parametrize(
    "sentence",
    [
        "Within hours, ketamine can ease the pain.",
        "Ketamine starts working within minutes.",
        "Many patients notice a difference within 24 hours.",
        "Results can be seen in as little as 40 minutes.",
    ],
)
def test_a_time_of_relief_action_or_a_noticed_effect_is_onset(sentence: str) -> None:
    assert _kind(sentence) == "onset"


def test_a_time_of_new_connections_is_not_supported_by_relief_within_minutes(
    tmp_path: Path, records_only_template: Path
) -> None:
    sentence = "Within hours, ketamine can spark the growth of new connections between nerve cells."
    row = claims_of_page(records_only_template, tmp_path, HEAD + sentence + "\n", "t")[sentence]
    assert row["verdict"] != "supported", row["explanation"]
    assert "relief at" not in row["explanation"], row["explanation"]
