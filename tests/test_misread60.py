"""Round 60 (in-sample, from the fifty-fourth set). Three readings turned claims over:

- "It brings on a trance-like state that gives pain relief and sedation without much depression of breathing" was
  read as denying sedation (the first harm word, before the negation) and low mood ("depression"), and contradicted by
  every record in which sedation occurred (labelled supported and mixed). The harm a claim denies is the one after its
  negation; what it says ketamine gives before it is not denied; "depression of breathing" is a harm to breathing; and
  "without much" says the harm is slight, not absent, so records of it occurring make the claim mixed, not false.
- "it does not bring the same degree of physical dependence" beside "as opioids do" was read as denying dependence
  outright: it denies only as much of it as with opioids.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TRANCE = (
    "It brings on a trance-like state that gives pain relief and sedation without much depression of breathing, "
    "which makes it especially useful in emergency care."
)
DEGREE = (
    "Although ketamine relieves pain somewhat as opioids do, it does not bring the same degree of physical dependence."
)
# guards: a harm denied outright after a relief, and one denied with no degree
OUTRIGHT = "Ketamine gives pain relief without causing respiratory depression."
NEVER = "Ketamine never causes respiratory depression."

TITLE = "Ketamine in emergency care"


def test_the_harm_denied_is_the_one_after_the_negation() -> None:
    r = readings(TITLE, "Ketamine is a strong painkiller.", TRANCE, OUTRIGHT)
    trance = r[TRANCE]
    assert trance.kind == "safety" and trance.direction == "does_not_cause", trance
    assert "respiratory" in trance.outcomes, trance.outcomes
    assert not {"sedation", "psychotomimetic", "mood"} & set(trance.outcomes), trance.outcomes
    assert "'depression of breathing'" in trance.reasons["kind"], trance.reasons
    assert "'sedation'" in trance.reasons["outcomes"], trance.reasons
    # guard: with nothing given before the negation, the outcomes are read as before
    assert set(r[OUTRIGHT].outcomes) == {"pain_intensity", "respiratory"}, r[OUTRIGHT]


def test_depression_of_breathing_is_no_low_mood() -> None:
    quote = "Ketamine relieves pain without much depression of breathing."
    n = readings(TITLE, quote)[quote]
    assert n.kind == "safety" and n.outcomes == ["respiratory"], n


def test_a_dependence_denied_in_degree_beside_opioids_is_less_of_it() -> None:
    n = readings(TITLE, DEGREE)[DEGREE]
    assert n.kind == "dependence" and n.comparator == "opioids", n
    assert n.direction == "less_harm", n.reasons


claims = page_claims_fixture("\n\n".join([TITLE, "Ketamine is a strong painkiller.", TRANCE, DEGREE, NEVER]), TITLE)


def test_a_slight_harm_that_occurs_makes_the_claim_mixed_not_false(claims: dict[str, dict]) -> None:
    c = claims[TRANCE]
    assert c["verdict"] == "mixed", c["explanation"]
    # guard: a harm denied outright is still contradicted by its occurrence
    assert claims[NEVER]["verdict"] == "contradicted", claims[NEVER]["explanation"]


def test_a_dependence_denied_in_degree_is_not_contradicted_by_dependence_alone(claims: dict[str, dict]) -> None:
    c = claims[DEGREE]
    assert c["verdict"] != "contradicted", c["explanation"]
