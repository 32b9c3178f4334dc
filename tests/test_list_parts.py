"""Round 65: a list inside a sentence is checked item by item (claims/parts.py list_items). The fifty-sixth set's
pharmacy page lists nineteen side effects in one sentence ("Ketamine may bring on serious side effects, such as
sedation, dissociation, ... a dry mouth, ... and speech that is slurred") and the reviewers judged each: some are
shown by the records, some no record names. Each item is now a part of the claim, read with the words before the list
as its lead-in as an item of a bulleted list is, and linked on its own; the sentence keeps its verdict as a whole (the
list illustrates what its lead says), with each item's verdict named in its explanation. Sentences whose commas join
clauses or phrases are no lists."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import _subject
from ketalit.claims.parts import list_items

from conftest import page_claims_fixture, readings

TITLE = "Ketamine troches and nasal spray"
HARMS = "Ketamine may bring on serious side effects, such as sedation, nausea, a dry mouth and slurred speech."
USES = "Ketamine infusions help with complex regional pain syndrome, fibromyalgia and depression."

claims = page_claims_fixture("\n\n".join([TITLE, HARMS, USES]) + "\n", TITLE)


def _items(sentence: str) -> list[str] | None:
    _, end, verb = _subject(sentence)
    found = list_items(sentence, end + len(verb))
    return None if found is None else [sentence[a:b] for a, b in found[1]]


def test_the_items_of_a_list_are_found_after_its_opener_or_its_verb() -> None:
    assert _items(HARMS) == ["sedation", "nausea", "a dry mouth", "slurred speech"]
    assert _items(USES) == ["complex regional pain syndrome", "fibromyalgia", "depression"]
    # what is inside brackets is the item's, and a relative clause is the item's too
    assert _items(
        "Ketamine may cause side effects, including psychiatric problems (especially in people with schizophrenia, "
        "or mania), anxiety, vision that is blurred and speech that is slurred."
    ) == ["psychiatric problems (especially in people with schizophrenia, or mania)", "anxiety",
          "vision that is blurred", "speech that is slurred"]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        # clauses with verbs of their own
        "What sets ketamine apart is that breathing and airway reflexes are kept, the heart is stimulated and blood "
        "pressure rises.",
        # phrases of the sentence, not items
        "According to these results, ketamine could be a workable choice for managing acute pain in EDs, possibly "
        "giving quicker early relief and a better safety profile.",
        # two items are no list
        "Ketamine may cause nausea and vomiting.",
        # a list whose lead names neither ketamine nor side effects
        "Conditions such as CRPS, fibromyalgia and migraine are hard to treat.",
    ],
)
def test_commas_that_join_clauses_or_phrases_are_no_list(sentence: str) -> None:
    assert _items(sentence) is None


def test_each_item_is_read_with_the_words_before_the_list() -> None:
    r = readings(TITLE, HARMS)
    parts = r[HARMS].parts
    assert [p["quote"] for p in parts] == ["sedation", "nausea", "a dry mouth", "slurred speech"]
    assert {p["lead_in"] for p in parts} == {"Ketamine may bring on serious side effects, such as"}
    assert [p["kind"] for p in parts] == ["side_effect"] * 4
    assert [p["outcomes"] for p in parts[:2]] == [["sedation"], ["nausea_vomiting"]]
    page = "\n\n".join([TITLE, HARMS]) + "\n"
    for p in parts:
        assert page[p["start"] : p["end"]] == p["quote"]
        assert page[p["lead_start"] : p["lead_end"]] == p["lead_in"]


def test_each_item_gets_its_own_verdict_and_the_sentence_keeps_its_own(claims: dict[str, dict]) -> None:
    c = claims[HARMS]
    verdicts = {p["quote"]: p["verdict"] for p in c["parts"]}
    # the records show sedation and nausea; none names a dry mouth or slurred speech
    assert verdicts["sedation"] == verdicts["nausea"] == "supported", c["parts"]
    assert verdicts["a dry mouth"] != "supported" and verdicts["slurred speech"] != "supported", c["parts"]
    assert c["verdict"] == "supported", c["explanation"]
    assert "The sentence lists 4 items, each checked on its own" in c["explanation"]
    assert "'a dry mouth' insufficient" in c["explanation"], c["explanation"]
    # the records cited for an item say which part they are for
    assert any(e["why"].startswith("for part 3 ('") for e in c["evidence"]) or verdicts["a dry mouth"] == "no_evidence"
    # a list of conditions: each on its own records (the CRPS trials; fibromyalgia's few, which disagree; no trial
    # in depression)
    helps = {p["quote"]: p["verdict"] for p in claims[USES]["parts"]}
    want = {"complex regional pain syndrome": "supported", "fibromyalgia": "mixed", "depression": "insufficient"}
    assert helps == want
