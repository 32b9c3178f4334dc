"""A claimed benefit for a named pain condition of the classification (data/weighing.toml [condition], the ICD-11
chronic pain classes) is judged on the records about that condition, never on pain in general."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalit.claims.link import link_claim
from ketalit.claims.verdict import claim_condition, listed_conditions
from ketalit.library import Library
from ketalit.search import SearchIndex
from test_weighing import claim


@pytest.fixture(scope="module")
def searched(shipped_copy: Path) -> tuple[Library, SearchIndex]:
    lib = Library.open(shipped_copy)
    return lib, SearchIndex.for_library(lib)


LEAD = "Types of Chronic Pain Ketamine Can Treat"

# one condition of a class filed under chronic non-cancer pain, one under neuropathic pain: no record here is about
# either, so whatever the trials of other pain conditions show, the claim is open or unasked
ALONE = [
    ("failed back surgery syndrome", "Failed Back Surgery Syndrome", {"lead_in": LEAD}),
    ("failed back surgery syndrome", "Ketamine infusions can ease the pain of failed back surgery syndrome.", {}),
    ("failed back surgery syndrome", "Patients with FBSS often find lasting relief with ketamine.", {}),
    ("arthritis", "- Osteoarthritis", {"lead_in": LEAD}),
    ("arthritis", "People living with rheumatoid arthritis may benefit from ketamine infusions.", {}),
    ("arthritis", "Ketamine relieves the joint pain of arthritis.", {}),
    ("peripheral neuropathy", "Small fiber neuropathy responds well to ketamine infusions.", {}),
    ("peripheral neuropathy", "Painful polyneuropathy can be relieved by IV ketamine.", {"routes": ["intravenous"]}),
    ("peripheral neuropathy", "- Peripheral Neuropathy", {"lead_in": LEAD}),
]


@pytest.mark.parametrize(("label", "quote", "kw"), ALONE)
def test_a_benefit_for_a_classified_condition_no_record_is_about_is_not_judged_on_pain_in_general(
    searched, label: str, quote: str, kw: dict
) -> None:
    lib, index = searched
    c = claim(quote, settings=["chronic_noncancer"], **kw)
    condition = claim_condition(c)
    assert condition is not None and condition.label == label
    found, v, why = link_claim(c, index, lib)
    assert not [e for e in found if e.about_condition]
    assert v in ("insufficient", "no_evidence"), why
    assert f"is about {label}" in why


# a list naming a classified condition beside others: that condition is a part only its own records show
LISTS = [
    ("temporomandibular (TMJ) pain", "Other kinds of chronic pain, for instance long-standing TMJ (temporomandibular "
     "joint) pain, assorted headaches and musculoskeletal pain, may benefit from ketamine infusions as well."),
    ("Lyme disease", "Ketamine infusions have helped our patients with migraine, CRPS and chronic Lyme disease."),
    ("carpal tunnel syndrome", "Ketamine can relieve phantom limb pain and the nerve pain of carpal tunnel syndrome."),
]  # fmt: skip


@pytest.mark.parametrize(("label", "quote"), LISTS)
def test_a_listed_condition_no_record_is_about_leaves_the_claim_open(searched, label: str, quote: str) -> None:
    lib, index = searched
    c = claim(quote, settings=["chronic_noncancer"], routes=["intravenous"])
    assert claim_condition(c) is None
    assert label in [x.label for x in listed_conditions(c)]
    found, v, why = link_claim(c, index, lib)
    listed = next(x for x in listed_conditions(c) if x.label == label)
    assert not [e for e in found if listed.id in e.about_listed]
    assert v == "insufficient", why
    assert f"The claim names {label} among the conditions it is about" in why


def test_each_listed_condition_with_records_about_it_is_not_held_back(searched) -> None:
    lib, index = searched
    # records about spinal cord injury pain (Amr 2010, Kvarnström 2004) and phantom limb pain (Hayes 2004, Richardson
    # 2017) are here: the list rule holds back neither, and says so of no condition
    c = claim("Ketamine helps with spinal cord injury pain and phantom limb pain.", settings=["neuropathic"])
    assert {x.id for x in listed_conditions(c)} == {"spinal_cord_injury", "phantom_limb"}
    found, _, why = link_claim(c, index, lib)
    about = {i for e in found for i in e.about_listed}
    assert about == {"spinal_cord_injury", "phantom_limb"}
    assert "among the conditions it is about" not in why


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
