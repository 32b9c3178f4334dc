"""A sentence that lists what the claim before it says ketamine treats or causes ("Such conditions may include ...",
"These include ...", "They can include nausea ...", "Conditions treated include ...") is a claim of its own, of the
conditions (efficacy) or harms it lists; the same wording after a sentence on other drugs, the disease, insurers or
what to bring to a visit stays out; and a relative clause's "involve" ("conditions that involve central
sensitisation") does not make a claim a protocol (main dae81e8 left all these claims out)."""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

PAGE = """Ketamine for nerve pain

Ketamine can ease nerve pain in several conditions.
Such conditions may include diabetic neuropathy, shingles pain and phantom limb pain.

Side effects of ketamine infusions are usually mild. They can include nausea and light-headedness.

Ketamine can calm pain syndromes that involve central sensitisation.
These include fibromyalgia and complex regional pain syndrome.

Many drugs are prescribed for nerve pain. These include gabapentin, pregabalin and duloxetine.

Chronic pain has many causes. These include injury, surgery and disease.

Our clinic accepts several insurers for pain treatment. These include Aetna and Cigna.

Please bring a few things to your first visit. These include a photo ID and a list of your current medications.
"""

TAKEN = {
    "Such conditions may include diabetic neuropathy, shingles pain and phantom limb pain.": "efficacy",
    "They can include nausea and light-headedness.": "side_effect",
    "These include fibromyalgia and complex regional pain syndrome.": "efficacy",
    "Ketamine can calm pain syndromes that involve central sensitisation.": None,
}
LEFT_OUT = (
    "These include gabapentin, pregabalin and duloxetine.",
    "These include injury, surgery and disease.",
    "These include Aetna and Cigna.",
    "These include a photo ID and a list of your current medications.",
)


claims = page_claims_fixture(PAGE, "Ketamine for nerve pain")


@pytest.mark.parametrize("quote", sorted(TAKEN))
def test_a_list_of_what_the_claim_before_says_is_a_claim_of_its_own(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    claim = claims[quote]
    if TAKEN[quote]:
        assert claim["kind"] == TAKEN[quote], claim["explanation"]
    assert claim["explanation"], claim


@pytest.mark.parametrize("quote", LEFT_OUT)
def test_a_list_after_other_drugs_the_disease_insurers_or_the_visit_stays_out(
    claims: dict[str, dict], quote: str
) -> None:
    assert not any(quote in q for q in claims), sorted(claims)


def test_the_conditions_listed_are_weighed_as_conditions_it_treats(claims: dict[str, dict]) -> None:
    claim = claims["Such conditions may include diabetic neuropathy, shingles pain and phantom limb pain."]
    assert claim["checkable"], claim["explanation"]
    assert "neuropathic" in claim["proposition"]["population"], claim["proposition"]
    assert claim["proposition"]["direction"] == "improves", claim["proposition"]
