"""Misreadings found on the folds in round 32.

- A painkiller is an analgesic, and children's medicine is spelled two ways: a history claim's own words ("an
  anaesthetic or painkilling drug", "in paediatric settings") are named by a sentence that says "analgesic",
  "pediatric" or "children" (``data/weighing.toml`` [textbook.lay_words]).
- Words that say only how or how much a mechanism works ("It works in another way, by blocking NMDA", "acts on many
  pathways, above all by blocking the NMDA receptor") are no effect on patients (``consequence_filler``), and easing
  pain as such ("eases pain chiefly by blocking NMDA receptors") is relief of pain, a mechanism still: the claim is
  not capped at `mixed` as if it claimed a benefit. Easing a kind of pain ("eases nerve pain") or lowering blood sugar
  by the same means still is one.
- A gloss in brackets that says a word again in lay words ("sedative (it induces sleep)") is no action of its own for
  the records to state (``gloss``).
- "have become" is coming to be, no word a sentence must name; what it became ("more popular") still is.
- A harm a list item names in lay words ("Common side effects include: Light-headedness") is named by a sentence that
  says it in clinical ones ("the incidence of ... dizziness was higher"): the words of one [harm] synonyms group are one
  harm for the sentences read, as they are for the harm's direct evidence, and the search looks for them too.
- A mechanism claim that says where its relief comes from ("Ketamine's pain relief comes partly from its binding to
  mu-opioid receptors") is a statement of the mechanism (``data/claim_text.toml`` relief_explained), as "relieves pain
  by blocking NMDA receptors" is: trials that show the relief do not show where it comes from, and they had made it
  `supported`.
"""

from __future__ import annotations

import pytest

from ketalit.claims.retrieve import query_text
from ketalit.claims.weighing import action_parts, harm_synonym_words, rest_named

from conftest import keeps_its_verdict, page_claims_fixture

PAINKILLING = (
    "Ketamine is an anaesthetic or painkilling drug that was developed in the 1960s and has been used widely in "
    "medicine ever since."
)
ANOTHER_WAY = "It works in another way, by blocking NMDA, a chemical in the brain."
ABOVE_ALL = (
    "It belongs to the phencyclidines and acts on many pathways of the central nervous system, above all by blocking "
    "the NMDA (N-methyl-D-aspartate) receptor."
)
EASES_PAIN = "Ketamine eases pain chiefly by blocking NMDA receptors in the brain and the spinal cord."
BECOME = "In the past ten years ketamine infusions have become more popular."
SIDE_EFFECTS = "Common side effects include:\n\n- Light-headedness.\n- Blue toenails."
RELIEF_FROM = "Ketamine's pain relief comes partly from its binding to mu-opioid receptors."
GLOSS = "Ketamine has sedative (it induces sleep) and analgesic (it relieves pain) effects."
# claims of a benefit drawn from the mechanism, worded like the ones above: still capped
BENEFIT_NEAR = {
    "Ketamine eases nerve pain by blocking NMDA receptors.": "mixed",
    "Ketamine lowers blood sugar by blocking NMDA receptors.": "mixed",
}
# true claims worded alike: their verdicts before the change
NEAR_MISSES = {
    "Ketamine blocks NMDA receptors in the spinal cord.": "supported",
    "Ketamine has been used as an anaesthetic for more than fifty years.": "supported",
    "The way it treats this kind of pain, however, is by blocking the NMDA receptors.": "supported",
    "Ketamine's pain relief comes partly from its blocking of NMDA receptors.": "supported",
}

PAGE = "Ketamine for Chronic Pain\n\n" + "\n\n".join(
    [
        SIDE_EFFECTS,
        PAINKILLING,
        ANOTHER_WAY,
        ABOVE_ALL,
        EASES_PAIN,
        GLOSS,
        BECOME,
        RELIEF_FROM,
        *BENEFIT_NEAR,
        *NEAR_MISSES,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine for Chronic Pain")
test_true_claims_worded_alike_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)
test_a_benefit_drawn_from_the_mechanism_is_still_capped = keeps_its_verdict(BENEFIT_NEAR)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ketamine is a potent analgesic at subanaesthetic doses.", "painkilling"),
        ("Ketamine is widely used for pediatric sedation.", "paediatric"),
        ("Ketamine is used for sedation of children in the emergency department.", "paediatric"),
    ],
)
def test_a_lay_word_of_a_history_claim_is_named_by_its_technical_word(sentence: str, word: str) -> None:
    assert rest_named(sentence, (word,), "history"), (sentence, word)


def test_a_sentence_without_the_word_does_not_name_it() -> None:
    assert not rest_named("Ketamine is a dissociative anaesthetic.", ("painkilling",), "history")


def test_a_painkilling_drug_is_stated_by_records_of_an_analgesic(claims: dict[str, dict]) -> None:
    c = claims[PAINKILLING]
    assert c["verdict"] == "supported", c["explanation"]
    assert "('painkilling')" in c["explanation"], c["explanation"]  # the part is named, with the records stating it


@pytest.mark.parametrize("quote", [ANOTHER_WAY, ABOVE_ALL, EASES_PAIN])
def test_how_a_mechanism_works_is_no_effect_on_patients(claims: dict[str, dict], quote: str) -> None:
    c = claims[quote]
    assert "does for patients" not in c["explanation"], c["explanation"]
    assert c["verdict"] == "supported", c["explanation"]


@pytest.mark.parametrize("quote", sorted(BENEFIT_NEAR))
def test_the_cap_names_the_benefit(claims: dict[str, dict], quote: str) -> None:
    assert "does for patients" in claims[quote]["explanation"], claims[quote]["explanation"]


def test_a_gloss_in_brackets_is_no_action() -> None:
    assert action_parts(GLOSS) == ()
    assert [a.name for a in action_parts("Ketamine induces sleep.")] == ["induces sleep"]


def test_a_claim_with_a_gloss_is_read_by_the_word_it_glosses(claims: dict[str, dict]) -> None:
    c = claims[GLOSS]
    assert "induces sleep" not in c["explanation"], c["explanation"]
    assert c["verdict"] == "supported", c["explanation"]


def test_becoming_is_no_word_to_find_but_what_it_became_is(claims: dict[str, dict]) -> None:
    c = claims[BECOME]
    assert "becom" not in c["explanation"].split("Each part")[-1], c["explanation"]
    # what it became is still needed: since round 50 a part of its own ("its use has grown"), which Cohen 2018's
    # guideline states ("the use of intravenous ketamine infusions ... has increased dramatically"); until then it was
    # looked for word by word ('infusions popular') and not found
    assert "'its use has grown' (" in c["explanation"] and "Cohen 2018" in c["explanation"], c["explanation"]
    assert c["verdict"] == "supported", c["explanation"]


def test_a_lay_word_for_a_harm_is_found_in_its_clinical_word(claims: dict[str, dict]) -> None:
    c = claims["Light-headedness."]
    assert c["verdict"] == "supported", c["explanation"]
    assert any("dizziness" in " ".join(e["rationale"]).lower() for e in c["evidence"] if e["stance"] == "supports")


def test_a_harm_no_record_names_is_not_found_in_another() -> None:
    assert harm_synonym_words("Blue toenails.") == ()
    assert {"dizziness", "dizzy"} <= set(harm_synonym_words("Light-headedness."))


def test_the_search_for_a_lay_harm_has_its_clinical_words() -> None:
    from ketalit.claims.catalogue import Claim

    def item(quote: str) -> Claim:
        return Claim(
            id="x-1", document="x", file="", quote=quote, start=0, end=len(quote), kind="side_effect", routes=[],
            outcomes=["adverse_events"], settings=[], assertion="ketamine causes adverse events",
            lead_in="Common side effects include:", direction="causes", terms=quote.lower().strip("."),
        )  # fmt: skip

    assert "dizziness" in query_text(item("Light-headedness.")), query_text(item("Light-headedness."))
    assert "dizziness" not in query_text(item("Blue toenails.")), query_text(item("Blue toenails."))


def test_where_relief_comes_from_is_a_statement_of_mechanism(claims: dict[str, dict]) -> None:
    c = claims[RELIEF_FROM]
    assert c["proposition"]["direction"] == "states", c["proposition"]
    assert "pain_intensity" not in c["proposition"]["outcomes"], c["proposition"]
    assert c["verdict"] != "supported", c["explanation"]
    assert "pain intensity" not in c["explanation"], c["explanation"]  # no trial of relief is cited for it
