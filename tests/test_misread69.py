"""Round 69 (in-sample, from the sixty-first set): "The results point to intranasal ketamine being as effective and as
safe as IV ketamine and morphine ..., and to its being a handy option that needs no needle when IV access is hard to
get or slow" was `contradicted`: the 'no' of "needs no needle" was read as the harm's denial, so the claim became "no
adverse events at all" and the records of adverse events refuted it. A negation in a coordinated clause that names no
harm (normalise.negation_elsewhere) is not the harm's; a clause that names a harm only in general words ("no serious
health problems", [normalise] harm_unnamed) still denies it.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Intranasal ketamine for fracture pain in the emergency department"
NEEDLE = (
    "The results point to intranasal ketamine being as effective and as safe as IV ketamine and morphine for treating "
    "acute fracture pain in the ED, and to its being a handy option that needs no needle when IV access is hard to get "
    "or slow."
)
# guards: the negation is in the clause that names the harm, in general words or by name
PROBLEMS = "Side effects were very few, and there were no serious health problems."
ADDICTION = "Ketamine is safe, and it does not cause addiction."

claims = page_claims_fixture("\n\n".join([TITLE, NEEDLE]) + "\n", TITLE)


def test_a_negation_in_a_clause_that_names_no_harm_is_not_the_harms() -> None:
    r = readings(TITLE, NEEDLE, PROBLEMS, ADDICTION)
    assert r[NEEDLE].kind == "safety" and r[NEEDLE].polarity == "positive", r[NEEDLE].reasons
    assert "needs no needle" in r[NEEDLE].reasons["polarity"], r[NEEDLE].reasons
    assert r[PROBLEMS].polarity == "negative", r[PROBLEMS].reasons
    assert r[ADDICTION].polarity == "negative", r[ADDICTION].reasons


def test_the_claim_of_equal_safety_is_not_refuted_as_a_harm_denied(claims: dict[str, dict]) -> None:
    c = claims[NEEDLE]
    # set level with IV ketamine, which no comparator names: not something evidence on ketamine alone can show
    assert c["verdict"] == "not_checkable", c["explanation"]
