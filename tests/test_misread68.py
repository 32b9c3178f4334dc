"""Round 68 (in-sample, from the sixtieth set): "At lower doses it may bring on mild hallucinations and changes in
perception; at higher doses it can produce a trance-like state ..." was contradicted by the records of hallucinations:
read as a harm lessened ("lower ... may bring on"). Round 63 had added a verb of causing ("may bring on") to the side
effect cues, and those cues are read as the names of harms elsewhere (a verb that lessens a harm, "lowers", then found
one after it). The verb of causing is now a cue of the kind only ([normalise] side_effect_caused), never a harm's name.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine for chronic pain"
DOSES = (
    "At lower doses it may bring on mild hallucinations and changes in perception; at higher doses it can produce a "
    "trance-like state with deeper dissociation."
)
# guard: a harm the verb lessens is still lessened
PREVENTS = "Ketamine lowers the risk of nausea after surgery."

claims = page_claims_fixture("\n\n".join([TITLE, DOSES]) + "\n", TITLE)


def test_a_dose_named_lower_does_not_lessen_the_harm_that_follows(claims: dict[str, dict]) -> None:
    c = claims[DOSES]
    assert c["kind"] == "side_effect" and c["proposition"]["direction"] == "causes", c
    assert c["verdict"] == "supported", c["explanation"]


def test_a_verb_of_causing_is_a_cue_of_the_kind_only() -> None:
    r = readings(TITLE, DOSES, PREVENTS, "Ketamine may cause dry mouth.")
    assert r[DOSES].direction == "causes", r[DOSES].reasons
    assert r[PREVENTS].direction == "does_not_cause", r[PREVENTS].reasons
    assert r["Ketamine may cause dry mouth."].kind == "side_effect", r["Ketamine may cause dry mouth."].reasons
