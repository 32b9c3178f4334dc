"""A heading that is a sentence whose subject is ketamine and whose verb says what it does ("Ketamine calms
overactive nerves", "When other drugs fail, ketamine infusions may help") is a claim as well as the heading of what
follows; a heading that names a topic ("Ketamine infusions for nerve pain", "Ketamine versus opioids", "How ketamine
works", "Ketamine as a Treatment for CRPS", "Ketamine: What It Is"), asks a question, or whose subject is something
else ("Conditions That Ketamine Infusions May Help", "Our ketamine team cares") stays a heading only (main dae81e8
read every such line as a heading only)."""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

HEADINGS_TAKEN = (
    "Ketamine calms overactive nerves in the spinal cord",
    "When other drugs fail, ketamine infusions may help",
    "Ketamine Infusions can Ease Your Nerve Pain",
)
HEADINGS_LEFT = (
    "Ketamine infusions for nerve pain",
    "Ketamine versus opioids for pain relief",
    "How ketamine works in the body to reduce pain",
    "Ketamine as a Treatment for CRPS",
    "Ketamine: What It Is and How It Eases Pain",
    "Conditions That Ketamine Infusions May Help",
    "Can ketamine help your migraines?",
    "Book your ketamine consultation today",
)
PAGE = "Ketamine at our clinic\n\n" + "".join(
    f"{h}\n\nOur nurses will welcome you at the front desk.\n\n" for h in (*HEADINGS_TAKEN, *HEADINGS_LEFT)
)


claims = page_claims_fixture(PAGE, "Ketamine at our clinic")


@pytest.mark.parametrize("heading", HEADINGS_TAKEN)
def test_a_heading_that_says_what_ketamine_does_is_a_claim(claims: dict[str, dict], heading: str) -> None:
    assert heading in claims, sorted(claims)
    assert claims[heading]["kind"] in ("efficacy", "mechanism"), claims[heading]["explanation"]
    assert claims[heading]["explanation"], claims[heading]


@pytest.mark.parametrize("heading", HEADINGS_LEFT)
def test_a_heading_that_names_a_topic_asks_or_calls_stays_a_heading(claims: dict[str, dict], heading: str) -> None:
    assert heading not in claims, claims.get(heading, {}).get("explanation")
