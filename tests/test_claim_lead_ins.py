"""A list's lead-in that sets ketamine apart, cautions against its use, or a negated end of relief with a time.

The false sentences are in ``tests/adversarial/polar21b.toml``; here, the readings they rest on, and the true claims
worded alike that must keep their reading: a harm the other drug is denied is ketamine's, an item of a list of
cautions is not a harm ketamine is said not to cause, relief that does not end "right away" is not relief for years.
"""

from __future__ import annotations

import pytest

from ketalit.claims.check import page_claims

TITLE = "Ketamine infusion therapy for chronic pain"
SAFETY = "Ketamine Safety Profile"


def _read(text: str, title: str = SAFETY) -> dict[str, tuple[str, str, str, object]]:
    """Each claim's quote with its kind, direction, polarity and quantity, as `ketalit check` reads the page."""
    return {c.quote: (n.kind, n.direction, n.polarity, n.quantity) for c, n in page_claims(text, title=title)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine makes nausea less likely.",
        "Ketamine cuts the risk of addiction.",
        "Ketamine is protective against nausea.",
        "Ketamine lowers the risk of psychosis.",
        "Ketamine reduces the risk of heart problems.",
    ],
)
def test_a_harm_made_less_likely_or_a_risk_lessened_is_never_caused(sentence: str) -> None:
    assert _read(f"{SAFETY}\n\n{sentence}\n")[sentence][1] == "does_not_cause"


@pytest.mark.parametrize("sentence", ["Ketamine makes nausea more likely.", "Ketamine raises the risk of psychosis."])
def test_a_harm_made_more_likely_is_not_lessened(sentence: str) -> None:
    assert _read(f"{SAFETY}\n\n{sentence}\n")[sentence][1] != "does_not_cause"


@pytest.mark.parametrize(
    "lead",
    [
        "Opioids, unlike ketamine, cause:",
        "Unlike IV ketamine, opioids cause:",
        "Compared with ketamine, opioids cause:",
        "In contrast with ketamine, opioids cause:",
    ],
)
def test_ketamine_set_apart_anywhere_in_the_lead_in_is_denied_the_items(lead: str) -> None:
    reading = _read(f"{SAFETY}\n\n{lead}\n\n- Addiction\n- Physical dependence\n")
    assert reading["Addiction"][1] == "does_not_cause"
    assert reading["Physical dependence"][1] == "does_not_cause"


@pytest.mark.parametrize("lead", ["Unlike ketamine, opioids do not cause:", "Unlike ketamine, opioids rarely cause:"])
def test_ketamine_set_apart_from_a_negated_lead_in_is_said_to_cause_the_items(lead: str) -> None:
    reading = _read(f"{SAFETY}\n\n{lead}\n\n- Hallucinations\n- Dissociation\n")
    assert reading["Hallucinations"][1:3] == ("causes", "positive")
    assert reading["Dissociation"][1:3] == ("causes", "positive")


def test_ketamine_not_set_apart_keeps_the_lead_ins_negation() -> None:
    reading = _read(f"{SAFETY}\n\nUnlike opioids, ketamine does not cause:\n\n- Physical dependence\n")
    assert reading["Physical dependence"][1:3] == ("does_not_cause", "negative")


@pytest.mark.parametrize(
    "lead",
    [
        "Ketamine is not recommended for people with:",
        "Ketamine should not be used in:",
        "Do not take ketamine if you have:",
    ],
)
def test_a_lead_in_of_cautions_does_not_lend_its_negation_to_the_item(lead: str) -> None:
    reading = _read(f"{SAFETY}\n\n{lead}\n\n- Uncontrolled high blood pressure\n")
    assert reading["Uncontrolled high blood pressure"][1:3] != ("does_not_cause", "negative")


@pytest.mark.parametrize(
    "sentence",
    ["Ketamine's benefits do not wear off right away.", "Its effects don't fade as soon as the infusion stops."],
)
def test_relief_that_does_not_end_at_once_is_not_relief_for_years(sentence: str) -> None:
    quantity = _read(f"{TITLE}\n\n{sentence}\n", TITLE)[sentence][3]
    assert quantity is None or quantity.high < 365  # type: ignore[attr-defined]


def test_relief_that_never_wears_off_is_still_read_as_lasting_years() -> None:
    sentence = "Ketamine's pain relief does not wear off."
    kind, direction, _, quantity = _read(f"{TITLE}\n\n{sentence}\n", TITLE)[sentence]
    assert (kind, direction) == ("duration", "lasts")
    assert quantity is not None and quantity.low >= 365  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "lead",
    [
        "Ketamine must not be given to people with the conditions below, so tell your doctors if any of these applies:",
        "Ketamine is contraindicated in:",
        "You should not receive ketamine if you have:",
    ],
)
@pytest.mark.parametrize(
    "item", ["reduced lung function", "confusion", "raised pressure inside the eye", "severe liver disease"]
)
def test_an_item_of_a_list_of_contraindications_is_a_harm_in_people_who_have_it(lead: str, item: str) -> None:
    # "reduced lung function" was read as a benefit and "confusion" as a side effect ketamine causes, and both were
    # weighed so: the item names the patient's condition, in which the lead-in says the drug would do harm
    claims = {c.quote: (c, n) for c, n in page_claims(f"{SAFETY}\n\n{lead}\n\n- {item}\n- Epilepsy\n", title=SAFETY)}
    claim, n = claims[item]
    assert (n.kind, n.direction, n.polarity) == ("safety", "causes", "positive")
    assert "list of cautions" in n.reasons["kind"] and item in n.assertion
    assert n.concepts, "the condition must be named by the records that settle it"


@pytest.mark.parametrize(
    ("lead", "item", "kind"),
    [
        ("Warnings:", "Drowsiness", "side_effect"),
        ("Possible side effects include:", "Confusion", "side_effect"),
        ("Ketamine can help people with:", "Fibromyalgia", "efficacy"),
    ],
)
def test_a_list_that_names_no_one_the_drug_must_avoid_keeps_its_reading(lead: str, item: str, kind: str) -> None:
    claims = {c.quote: n for c, n in page_claims(f"{SAFETY}\n\n{lead}\n\n- {item}\n- Nausea\n", title=SAFETY)}
    assert claims[item].kind == kind
