"""Round 73 (in-sample, from the sixty-fourth set), three misreadings behind wrong `contradicted` verdicts:

- "I had no idea what was going on, then I became very nauseated, kept vomiting ..." was read as the harm denied ("no
  idea" is no negation: [normalise] negation, [harm] absolute, [textbook] negation_outside) and "kept vomiting" as the
  harm kept off (keep with a verb in -ing is to go on doing it: harm_lessened);
- "We suggest putting together a relaxing playlist to hear while the infusion runs, since it helps you feel calm":
  the reason given for advice is the advice's, its "it" what is advised (extract: not a claim);
- "It attaches to the NMDA receptor and sets off a surge of glutamate": the verb of a predicate joined after the
  receptor ("and sets off") is not what the claim says of the receptor (weighing.part_relation).
"""

from __future__ import annotations

from ketalit.claims.extract import extract_claims
from ketalit.claims.weighing import part_relation

from conftest import readings

NAUSEA = (
    "I had no idea what was going on, then I became very nauseated, kept vomiting for the whole treatment, and "
    "afterwards slept for 24 hours without a break."
)


def test_no_idea_and_kept_vomiting_say_the_harm_happened() -> None:
    r = readings("Ketamine for Lyme disease", NAUSEA, "Ketamine has no side effects.")
    assert r[NAUSEA].kind == "side_effect" and r[NAUSEA].polarity == "positive", r[NAUSEA].reasons
    assert r[NAUSEA].direction == "causes", r[NAUSEA].reasons
    assert r["Ketamine has no side effects."].polarity == "negative"  # guard: "no" still denies


def test_the_reason_for_advice_is_not_a_claim() -> None:
    page = (
        "Ketamine consultation\n\n"
        "We suggest putting together a relaxing playlist to hear while the infusion runs, since it helps you feel "
        "calm.\n\nWe recommend a companion to drive you home, because ketamine will make you tired.\n"
    )
    quotes = [c.quote for c in extract_claims(page)]
    assert quotes == ["We recommend a companion to drive you home, because ketamine will make you tired."], quotes


def test_a_verb_joined_after_the_receptor_is_not_said_of_it() -> None:
    part = "acts on the NMDA receptor"
    joined = "It attaches to the NMDA receptor and sets off a surge of glutamate."
    assert part_relation(joined, "mechanism", part) is None
    assert part_relation("NMDA receptors are activated by ketamine.", "mechanism", part) == ("opposite", "activated")
