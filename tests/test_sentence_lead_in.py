"""A list straight under a sentence that ends in a full stop, not a colon (round 50).

"Ketamine can be used to treat mental illness, chronic pain and neuropathic pain." over "- Fibromyalgia",
"- Lyme disease", ... (a pain practice's page in the forty-fourth set): the sentence is a claim and the lead-in of the
list of phrases under it, whose items each claim that ketamine helps the condition they name. Not a lead-in: a
sentence that is not about ketamine, or one over a list of sentences or a numbered list.
"""

from __future__ import annotations

from ketalit.claims.check import page_claims
from ketalit.claims.extract import extract_claims

TITLE = "Ketamine for chronic pain"
SENTENCE = "Ketamine can be used to treat mental illness, chronic pain and neuropathic pain."
LIST = "- Fibromyalgia\n- Pain in the pelvis\n- Lyme disease\n- Trigeminal neuralgia\n"


def _claims(text: str) -> dict[str, object]:
    return {c.quote: (c, n) for c, n in page_claims(text, title=TITLE)}


def test_the_items_of_a_list_under_a_claim_sentence_are_claims_with_it_as_their_lead_in() -> None:
    found = {c.quote: c for c in extract_claims(f"{SENTENCE}\n{LIST}")}
    assert SENTENCE in found  # a claim of its own as well
    for item in ("Fibromyalgia", "Pain in the pelvis", "Lyme disease", "Trigeminal neuralgia"):
        assert found[item].lead_in == SENTENCE


def test_an_item_that_names_a_condition_is_about_that_condition_not_every_one_the_sentence_names() -> None:
    claims = _claims(f"{SENTENCE}\n{LIST}")
    _, fibro = claims["Fibromyalgia"]
    assert fibro.kind == "efficacy"
    assert fibro.population == ["fibromyalgia"]
    _, neuralgia = claims["Trigeminal neuralgia"]
    assert "fibromyalgia" not in neuralgia.population and "chronic_noncancer" not in neuralgia.population


def test_an_item_naming_a_condition_the_vocabulary_lacks_must_be_named_by_its_evidence() -> None:
    _, lyme = _claims(f"{SENTENCE}\n{LIST}")["Lyme disease"]
    assert ["lyme"] in lyme.concepts  # not settled by evidence on chronic pain in general


def test_an_item_that_names_an_outcome_is_about_that_outcome_not_the_sentences() -> None:
    text = (
        "Ketamine acts in another way: it goes after central sensitization, the process that turns pain signals up.\n"
        "- Calms inflammation at doses below those used for anaesthesia\n"
        "- Can ease the emotional side of chronic pain (depression, anxiety)\n"
    )
    claims = _claims(text)
    assert claims["Calms inflammation at doses below those used for anaesthesia"][1].outcomes == ["inflammation"]
    assert "hyperalgesia" not in claims["Can ease the emotional side of chronic pain (depression, anxiety)"][1].outcomes


def test_no_lead_in_from_a_sentence_that_is_not_about_ketamine() -> None:
    text = "Chronic pain affects millions of people and is hard to treat.\n- Fibromyalgia\n- Lyme disease\n"
    quotes = {c.quote for c in extract_claims(text)}
    assert "Fibromyalgia" not in quotes and "Lyme disease" not in quotes


def test_no_lead_in_over_a_list_of_sentences_or_a_numbered_list() -> None:
    visit = (
        "Bring a companion to drive you home, because the Ketamine will make you somewhat tired.\n\n"
        "- Please dress in loose, comfortable clothes so we can attach the monitor leads.\n"
        "- Bring along a light blanket of your choice.\n"
    )
    assert all(not c.lead_in for c in extract_claims(visit))
    numbered = f"{SENTENCE}\n1. Fibromyalgia\n2. Lyme disease\n"
    assert all(not c.lead_in for c in extract_claims(numbered))
