"""Round 137 (in-sample, from the ninety-fifth set): "Is ketamine an opioid? It is not: it is an anaesthetic that
sedates the body and has a dissociative effect on the brain" was read as a denial of its sedation and dissociation
(the "is not" that answers the question taken for a negation of what follows the colon) and `contradicted` on the
records of both (the reviewers: supported, four labels). An "is not" before a colon or semicolon has its object in
the question before it and negates nothing after it (claim_text.toml negation).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Is ketamine an opioid?"
ANSWER = "Is ketamine an opioid? It is not: it is an anaesthetic that sedates the body and has a dissociative effect."
# guards: a denial of the harm itself is still one, and so is "does not, however, ..."
DENIAL = "Ketamine is not addictive."
HOWEVER = 'It does not, however, produce the kind of "high" people may get from opioids.'
claims = page_claims_fixture("\n\n".join([TITLE, ANSWER, DENIAL, "Ketamine relieves pain. " + HOWEVER]), TITLE)


def test_an_answer_that_ends_in_is_not_negates_nothing_after_it(claims: dict[str, dict]) -> None:
    r = readings(TITLE, ANSWER, DENIAL, "Ketamine relieves pain. " + HOWEVER)
    answer = next(q for q in r if "It is not:" in q)
    assert r[answer].direction == "causes", r[answer].reasons
    assert claims[answer]["verdict"] != "contradicted", claims[answer]["explanation"]
    assert r[DENIAL].direction == "does_not_cause", r[DENIAL].reasons
    however = next(q for q in r if "does not, however" in q)
    assert r[however].polarity == "negative", r[however].reasons
