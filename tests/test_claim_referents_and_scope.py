"""Whose a claim is and how much it says (tests/adversarial/fix22c.toml holds the false sentences): "this treatment"
after a sentence on another remedy is that remedy, a claim of use in every hospital needs a record that says so, a
second mechanism clause is a part of its own. Here, the near misses: true claims worded like
them keep their verdict, and the parts that are not checked are named."""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

PAGE = """Ketamine Infusions for Pain

Our clinic offers intravenous ketamine infusions for chronic pain.

This treatment uses ketamine, which blocks NMDA receptors.

Ketamine is used for chronic pain.

Ketamine blocks NMDA receptors.

Ketamine is an NMDA receptor antagonist.

Ketamine is used in emergency departments.

Ketamine reduces opioid consumption after surgery.

Ketamine relieves CRPS pain.

Ketamine can cause nausea.

Ketamine infusions relieve pain. This treatment also reduces opioid use after surgery.

We give ketamine infusions at our clinic. This treatment eases CRPS pain.

Ketamine blocks NMDA receptors and reduces central sensitization.

We also offer magnesium infusions. This treatment relieves nerve pain.

Ketamine is used in every hospital in the country for chronic pain.

Ketamine is used worldwide as the standard treatment for CRPS.

Ketamine lowers opioid needs for weeks after surgery.

Ketamine blocks NMDA receptors and regrows damaged nerve endings.
"""


claims = page_claims_fixture(PAGE, "Ketamine Infusions for Pain")


@pytest.mark.parametrize(
    "quote",
    [
        # about ketamine, which the sentence names
        "This treatment uses ketamine, which blocks NMDA receptors.",
        "Ketamine is used for chronic pain.",
        "Ketamine blocks NMDA receptors.",
        "Ketamine is an NMDA receptor antagonist.",
        # a place of use without a scope ("every", "most") is what records of its use state
        "Ketamine is used in emergency departments.",
        "Ketamine reduces opioid consumption after surgery.",
        "Ketamine relieves CRPS pain.",
        "Ketamine can cause nausea.",
        # "this treatment" after a sentence on ketamine, or after one that names the clinic's ketamine infusions
        "This treatment also reduces opioid use after surgery.",
        "This treatment eases CRPS pain.",
        # two clauses each of which is a part the records state
        "Ketamine blocks NMDA receptors and reduces central sensitization.",
    ],
)
def test_true_claims_worded_alike_stay_supported(claims: dict[str, dict], quote: str) -> None:
    assert claims[quote]["verdict"] == "supported", (quote, claims[quote]["explanation"])


def test_this_treatment_after_another_remedy_is_not_read_as_ketamine(claims: dict[str, dict]) -> None:
    assert not any("relieves nerve pain" in q for q in claims)


def test_the_parts_that_are_not_checked_are_named(claims: dict[str, dict]) -> None:
    # read here as a claim of relief (mixed on the records of relief), elsewhere as one of use: never supported
    every = claims["Ketamine is used in every hospital in the country for chronic pain."]
    assert every["verdict"] != "supported", every["explanation"]
    standard = claims["Ketamine is used worldwide as the standard treatment for CRPS."]
    assert standard["verdict"] == "insufficient" and "the standard treatment" in standard["explanation"]
    regrows = claims["Ketamine blocks NMDA receptors and regrows damaged nerve endings."]
    assert regrows["verdict"] != "supported", regrows["explanation"]
