"""Round 171 (in-sample, from the hundred-and-thirty-ninth set): "It was originally created in the 1960s for use in
animals" was supported on the records that date ketamine's use and on two that merely name animals as what research
was done in ("Animal and clinical studies have suggested ...", "animal models of schizophrenia"): the history claim's
unparted word 'animals' was found, but not what the claim says of them. A word a history claim says besides its parts
is no longer stated by a sentence that names it as the subject of research (data/weighing.toml [textbook]
research_after, research_before).
"""

from __future__ import annotations

from ketalit.claims.weighing import rest_named

from conftest import page_claims_fixture

ANIMALS = "It was originally created in the 1960s for use in animals."
# a guard: a history claim whose word besides its parts the records do state keeps its support
EMERGENCY = "Ketamine has been used in emergency departments for decades."

TITLE = "Ketamine: history and pharmacology"


def test_research_in_animals_does_not_state_use_in_animals() -> None:
    rest = ("animals",)
    for sentence in (
        "Animal and clinical studies have suggested that NMDA antagonists may improve opioid analgesia.",
        "Its history runs through drugs of abuse and animal models of schizophrenia.",
        "Studies in animals show that ketamine reduces hyperalgesia.",
    ):
        assert rest_named(sentence.lower(), rest, "history") == [], sentence
    # what ketamine is used for in animals states it, in lay words or a vet's ("veterinary medicine"); a mechanism
    # claim's words are found as before
    assert rest_named("ketamine is widely used to anaesthetise animals in veterinary practice", rest, "history")
    assert rest_named("it has long been used as an anesthetic agent in humans and veterinary medicine", rest, "history")
    assert rest_named("in animal models, ketamine blocks nmda receptors", rest, "mechanism")


claims = page_claims_fixture("\n\n".join([TITLE, ANIMALS, EMERGENCY]), TITLE)


def test_a_word_named_only_as_research_does_not_support_the_history(claims: dict[str, dict]) -> None:
    c = claims[ANIMALS]
    assert c["verdict"] != "supported", c["explanation"]
    assert "animal" not in c["explanation"].split("Deciding:")[-1].split("Each part")[0], c["explanation"]


def test_a_word_the_records_state_keeps_the_support(claims: dict[str, dict]) -> None:
    c = claims[EMERGENCY]
    assert c["verdict"] == "supported", c["explanation"]
