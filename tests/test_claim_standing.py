"""A sentence of ketamine's past or standing among drugs is a history claim even when it names no use or date of the
usual kind ("no newcomer", "long-established", "not a first-choice drug", "derived from phencyclidine", "used by
vets", "in use since", "known for its recreational use"), and one that says it does nothing for some patients or is
the answer to a pain is a claim of its effect; its street names, the clinic's own history, questions and calls to
action worded alike stay out (main dae81e8 left the claims out: no effect word)."""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

PAGE = """About ketamine

Ketamine is hardly a newcomer among medicines.

Ketamine ranks among the long-established drugs of anaesthesia.

Ketamine is not a first-choice drug for headaches.

Chemically, ketamine is derived from phencyclidine.

Veterinarians use ketamine too.

Ketamine has been in clinical use since the 1970s.

Ketamine is also known for its recreational use.

For a minority of patients ketamine has no effect at all.

Ketamine may be the answer for nerve pain that resists other drugs.

Street names for ketamine include Special K and Vitamin K.

Our team is no newcomer to ketamine therapy: we opened in 2012.

Call us today to find out whether ketamine is the answer for you.

Is ketamine the answer for your migraines?

Our veterinary partners share our building and parking with ketamine patients.

Each ketamine infusion costs $450, and choosing a payment plan has no effect on the price.

Whatever you try, rest may be the answer to a bad flare-up.
"""

TAKEN = {
    "Ketamine is hardly a newcomer among medicines.": "history",
    "Ketamine ranks among the long-established drugs of anaesthesia.": "history",
    "Ketamine is not a first-choice drug for headaches.": "history",
    "Chemically, ketamine is derived from phencyclidine.": "history",
    "Veterinarians use ketamine too.": "history",
    "Ketamine has been in clinical use since the 1970s.": "history",
    "Ketamine is also known for its recreational use.": "history",
    "For a minority of patients ketamine has no effect at all.": "efficacy",
    "Ketamine may be the answer for nerve pain that resists other drugs.": "efficacy",
}
LEFT_OUT = (
    "Street names for ketamine include Special K and Vitamin K.",
    "Our team is no newcomer to ketamine therapy: we opened in 2012.",
    "Call us today to find out whether ketamine is the answer for you.",
    "Is ketamine the answer for your migraines?",
    "Our veterinary partners share our building and parking with ketamine patients.",
    "Each ketamine infusion costs $450, and choosing a payment plan has no effect on the price.",
    "Whatever you try, rest may be the answer to a bad flare-up.",
)


claims = page_claims_fixture(PAGE, "About ketamine")


@pytest.mark.parametrize("quote", sorted(TAKEN))
def test_a_sentence_of_its_standing_or_of_no_effect_is_a_claim_of_its_kind(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    claim = claims[quote]
    assert claim["kind"] == TAKEN[quote], claim["explanation"]
    assert claim["explanation"], claim


@pytest.mark.parametrize("quote", LEFT_OUT)
def test_street_names_the_clinics_history_questions_and_calls_stay_out(claims: dict[str, dict], quote: str) -> None:
    assert not any(quote[:40] in q or q in quote for q in claims), sorted(claims)


def test_a_history_claim_of_its_standing_is_not_supported_by_records_that_only_date_it(claims: dict[str, dict]) -> None:
    # the records date ketamine to the 1960s; none says it is no newcomer among medicines or what it derives from
    for quote in ("Ketamine is hardly a newcomer among medicines.", "Veterinarians use ketamine too."):
        assert claims[quote]["verdict"] != "supported", claims[quote]["explanation"]
