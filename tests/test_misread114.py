"""Round 114 (in-sample, from the seventy-ninth set): a biotech company's page wrote its reference numbers as flattened
superscripts after each full stop ("... is a troubling by-product of the pain care that is standard today and adds to
suffering and illness.22 Beyond its proven effectiveness for pain, dozens of studies show ..."), and the sentence
splitter, which knew only bracketed marks ("[3]", round 95), joined the two sentences into one claim, read as a claim
of safety and contradicted by records of adverse events (matched to three labelled claims, the reviewers: mixed and
insufficient). A bare reference number right after a word's stop now ends the sentence as the stop does
(extract._SENT_END); a decimal after a digit ("fell from 7.5 to 2.5") is not one.
"""

from __future__ import annotations

from conftest import readings

TITLE = "The Solution"
JOINED = (
    "Thanks to its particular pharmacodynamics, ketamine dependably cuts the amount of opioids patients use when their "
    "pain is being managed.16,17,18,19 In fact, a patient's pain gets better as ketamine treatment goes on instead of "
    "getting worse. Ketamine can undo hyperalgesia, a troubling by-product of the pain care that is standard today and "
    "adds to suffering and illness.22 Beyond its proven effectiveness for pain, dozens of studies show that ketamine "
    "also works for conditions outside the pain field."
)
DECIMAL = "In the trial, ketamine lowered pain scores from 7.5 to 2.5 In all patients."


def test_a_bare_reference_number_after_a_stop_ends_the_sentence() -> None:
    quotes = list(readings(TITLE, JOINED))
    assert not any("illness.22 Beyond" in q or "managed.16,17,18,19 In fact" in q for q in quotes), quotes
    assert any(q.startswith("Beyond its proven effectiveness for pain") for q in quotes), quotes
    assert any(q.startswith("In fact, a patient's pain gets better") for q in quotes), quotes


def test_a_decimal_is_no_reference_number() -> None:
    quotes = list(readings(TITLE, DECIMAL))
    assert any("from 7.5 to 2.5" in q for q in quotes), quotes
