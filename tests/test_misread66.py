"""Round 66 (in-sample, from the fifty-eighth set): two warnings were read as their opposite and contradicted, so that a
reader was told a true warning is false. "A word on safety: ketamine can push up blood pressure and heart rate, and it
may bring on nausea, dizziness or dissociation ..." was read as a claim that ketamine is safe (the label's "safety"),
refuted by the records of those harms; "Young people may believe that the short-term effects ... do no harm, but
ketamine is both dangerous and addictive" was read as the belief it reports ("do no harm"), refuted by the records of
dependence. A label that names safety or risks as the topic of what follows is read as a section label, without its
words ([normalise] section_label), and a belief reported only to be set aside by a "but" is not the claim
([normalise] belief_set_aside).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine infusions for pain"
SAFETY_WORD = (
    "A word on safety: ketamine can push up blood pressure and heart rate, and it may bring on nausea, dizziness or "
    "dissociation while the treatment is running."
)
BELIEF = (
    "Young people may believe that the short-term effects, such as feeling as if in a dream, do no harm, but ketamine "
    "is both dangerous and addictive."
)
# guards: a claim of safety after a safety label is still one; a contrast inside a phrase is no belief set aside
SAFE_AFTER_LABEL = "Safety: ketamine has an excellent safety record."
RELAXED = "In general, you can expect to stay relaxed but awake for the whole infusion."

claims = page_claims_fixture("\n\n".join([TITLE, SAFETY_WORD, BELIEF]) + "\n", TITLE)


def test_a_warning_is_not_read_as_its_opposite(claims: dict[str, dict]) -> None:
    warned = claims[SAFETY_WORD]
    assert warned["kind"] == "side_effect" and warned["proposition"]["direction"] == "causes", warned
    assert warned["verdict"] == "supported", warned["explanation"]
    addictive = claims[BELIEF]
    assert addictive["kind"] == "dependence" and addictive["proposition"]["direction"] == "causes", addictive
    assert addictive["verdict"] == "supported", addictive["explanation"]


def test_the_label_and_the_belief_are_no_words_of_the_claim() -> None:
    r = readings(TITLE, SAFETY_WORD, BELIEF, SAFE_AFTER_LABEL, RELAXED)
    assert "section label 'A word on safety:'" in r[SAFETY_WORD].reasons["asserts"]
    assert "the belief it reports and sets aside" in r[BELIEF].reasons["asserts"]
    assert r[SAFE_AFTER_LABEL].kind == "safety" and r[SAFE_AFTER_LABEL].direction == "does_not_cause"
    assert "belief" not in r[RELAXED].reasons.get("asserts", "")
