"""The items of a list of conditions that rule ketamine out ("Some medical conditions may rule out ketamine as a way
of managing a patient's pain. Among these conditions are: - A fast heart rate - High blood pressure") are claims that
ketamine would harm patients who have them, not harms ketamine causes nor promises of speed: "a fast heart rate" was
read as an onset claim and supported by trials of relief within minutes, "high blood pressure" as a side effect
supported by trials where blood pressure rose with ketamine (a labelled set of the twenty-fifth round: both
`insufficient`). Two things were missing: "rule out ketamine" as words of contraindication, and a lead-in that points
back ("Among these conditions are:") kept only the sentence before it, so the list lost the words that it follows."""

from __future__ import annotations

from pathlib import Path

from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import caution_item, normalise

from conftest import claims_of_page

PAGE = """Ketamine infusions for chronic pain

Who should not use ketamine?

Some medical conditions may rule out ketamine as a way of managing a patient's pain. Among these conditions are:
- A fast heart rate
- High blood pressure
- A seizure disorder or a past closed head injury
"""


def _items() -> dict[str, object]:
    return {c.quote: c for c in extract_claims(PAGE) if c.quote.startswith(("A ", "High"))}


def test_a_lead_in_that_points_back_keeps_both_sentences() -> None:
    items = _items()
    assert set(items) == {"A fast heart rate", "High blood pressure", "A seizure disorder or a past closed head injury"}
    for c in items.values():
        assert c.lead_in == (  # type: ignore[attr-defined]
            "Some medical conditions may rule out ketamine as a way of managing a patient's pain."
            " Among these conditions are:"
        )


def test_the_conditions_that_rule_ketamine_out_are_cautions_not_harms_or_speed() -> None:
    for quote, c in _items().items():
        n = normalise(c, PAGE)  # type: ignore[arg-type]
        assert n.kind == "safety", (quote, n.kind, n.reasons)
        assert "onset" not in n.outcomes, (quote, n.outcomes)


def test_a_condition_that_rules_ketamine_out_is_not_supported_by_its_harms_or_speed(
    tmp_path: Path, records_only_template: Path
) -> None:
    rows = claims_of_page(records_only_template, tmp_path, PAGE, "t")
    for quote in ("A fast heart rate", "High blood pressure"):
        row = rows[quote]
        assert row["kind"] == "safety"
        # the records on ketamine and the heart are indirect for patients who already have the condition: the caution
        # is open, and the reason says why and names them
        assert row["verdict"] == "insufficient", row["explanation"]
        assert f"people who have '{quote}'" in row["explanation"], row["explanation"]
        assert "indirect for them" in row["explanation"] and "e.g. " in row["explanation"], row["explanation"]


def test_a_harm_said_in_a_sentence_of_its_own_is_still_weighed(tmp_path: Path, records_only_template: Path) -> None:
    # not an item of a list of cautions: "Ketamine can raise blood pressure." is a harm ketamine causes, and the
    # trials where blood pressure rose with ketamine bear on it directly
    page = "Ketamine infusions for chronic pain\n\nKetamine can raise blood pressure during the infusion.\n"
    (row,) = claims_of_page(records_only_template, tmp_path, page, "t").values()
    assert row["verdict"] in ("supported", "mixed"), row["explanation"]
    assert "list of conditions" not in row["explanation"]


def test_words_that_only_sound_alike_are_not_a_contraindication() -> None:
    # other causes "ruled out" before treatment is the clinic's check, not a condition that rules ketamine out; and
    # a lead-in that points back to such a sentence does not make its list one of cautions
    assert caution_item("A fast heart rate", "Some conditions may rule out ketamine. Among these conditions are:")
    assert (
        caution_item("A fast heart rate", "Other causes must be ruled out before ketamine begins. We check for:")
        is None
    )
