"""Round 161 (in-sample, from the hundred-and-twenty-sixth set): "It blocks the N-methyl-D-aspartate (NMDA) receptor in
a non-competitive way and produces dissociative anesthesia: patients get pain relief and amnesia but do not lose
consciousness" was read as a denial of the whole mechanism (polarity negative, from "do not lose consciousness"), and
so contradicted by the very records that state the NMDA block. What the mechanism brings patients, said after a colon
with the patients as its subject, is now set aside with its negation (data/weighing.toml [textbook]
denied_consequence): the mechanism is read as stated, and the explanation names the words not checked.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for pain"
BLOCK = (
    "It blocks the N-methyl-D-aspartate (NMDA) receptor in a non-competitive way and produces dissociative "
    "anesthesia: patients get pain relief and amnesia but do not lose consciousness, as they typically would with "
    "other anesthetics."
)
DENIED = "Ketamine does not act on opioid receptors."
claims = page_claims_fixture("\n\n".join([TITLE, BLOCK, DENIED]), TITLE)


def test_a_negation_in_what_patients_get_does_not_deny_the_mechanism(claims: dict[str, dict]) -> None:
    claim = claims[BLOCK]
    assert claim["polarity"] == "positive", claim
    assert claim["verdict"] != "contradicted", claim["explanation"]
    assert "not read as its own" in claim["explanation"], claim["explanation"]


def test_a_mechanism_denied_by_its_own_verb_stays_a_denial(claims: dict[str, dict]) -> None:
    assert claims[DENIED]["polarity"] == "negative", claims[DENIED]
