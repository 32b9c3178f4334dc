"""A claimed benefit for a named pain condition of the classification (data/weighing.toml [condition], the ICD-11
chronic pain classes) is judged on the records about that condition, never on pain in general."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalit.claims.link import link_claim
from ketalit.claims.verdict import claim_condition
from ketalit.library import Library
from ketalit.search import SearchIndex
from test_weighing import claim


@pytest.fixture(scope="module")
def searched(shipped_copy: Path) -> tuple[Library, SearchIndex]:
    lib = Library.open(shipped_copy)
    return lib, SearchIndex.for_library(lib)


LEAD = "Types of Chronic Pain Ketamine Can Treat"
NEURO = {"settings": ["neuropathic"]}

# two conditions of classes filed under chronic non-cancer pain (postsurgical, secondary musculoskeletal), one under
# neuropathic pain: no record here is about any of them, so whatever the trials of other pain conditions show, the
# claim is open or unasked
ALONE = [
    ("failed back surgery syndrome", "Failed Back Surgery Syndrome", {"lead_in": LEAD}),
    ("failed back surgery syndrome", "Ketamine infusions can ease the pain of failed back surgery syndrome.", {}),
    ("failed back surgery syndrome", "Patients with FBSS often find lasting relief with ketamine.", {}),
    ("arthritis", "- Osteoarthritis", {"lead_in": LEAD}),
    ("arthritis", "People living with rheumatoid arthritis may benefit from ketamine infusions.", {}),
    ("arthritis", "Ketamine relieves the joint pain of arthritis.", {}),
    ("peripheral neuropathy", "Small fiber neuropathy responds well to ketamine infusions.", NEURO),
    (
        "peripheral neuropathy",
        "Painful polyneuropathy can be relieved by IV ketamine.",
        {**NEURO, "routes": ["intravenous"]},
    ),
    ("peripheral neuropathy", "- Peripheral Neuropathy", {**NEURO, "lead_in": LEAD}),
]


@pytest.mark.parametrize(("label", "quote", "kw"), ALONE)
def test_a_benefit_for_a_classified_condition_no_record_is_about_is_not_judged_on_pain_in_general(
    searched, label: str, quote: str, kw: dict
) -> None:
    lib, index = searched
    c = claim(quote, **{"settings": ["chronic_noncancer"], **kw})
    condition = claim_condition(c)
    assert condition is not None and condition.label == label
    found, v, why = link_claim(c, index, lib)
    assert not [e for e in found if e.about_condition]
    assert v in ("insufficient", "no_evidence"), why
    assert f"is about {label}" in why


def test_a_classified_condition_with_records_is_judged_on_them(searched) -> None:
    lib, index = searched
    # one review here names chemotherapy-induced neuropathy (a class of neuropathic pain after cancer treatment): it
    # is the claim's evidence ("several studies on neuropathic pain or chemotherapy-induced neuropathy finding minimal
    # significant effect"), and the many trials of other pain conditions, which make pain in general mixed, are not
    # counted
    c = claim("Ketamine infusions relieve chemotherapy-induced neuropathy.", settings=["neuropathic"])
    condition = claim_condition(c)
    assert condition is not None and condition.id == "chemotherapy_neuropathy"
    found, v, why = link_claim(c, index, lib)
    about = [e for e in found if e.about_condition]
    assert about and all("chemotherapy-induced neuropathy" in e.about_condition for e in about)
    assert "Judged on the records about chemotherapy-induced neuropathy: 1 record(s), Azari 2024" in why
    assert "on other pain conditions, are indirect and not counted" in why
    assert v == "contradicted" and "Azari 2024 (systematic review) contradicts" in why


def test_a_name_is_the_most_specific_condition_it_names() -> None:
    # "diabetic peripheral neuropathy" is diabetic neuropathy, not peripheral neuropathy as well; "lumbar
    # radiculopathy" is back pain
    named = (
        ("Ketamine eases diabetic peripheral neuropathy.", "diabetic_neuropathy"),
        ("Ketamine eases lumbar radiculopathy.", "back_pain"),
        ("Ketamine eases chemotherapy-induced peripheral neuropathy.", "chemotherapy_neuropathy"),
    )
    for quote, cid in named:
        condition = claim_condition(claim(quote, settings=["neuropathic"]))
        assert condition is not None and condition.id == cid, quote
