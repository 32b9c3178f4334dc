"""Round 167 (in-sample, from the hundred-and-thirty-fifth set): "Many reports describe ketamine as safe to use in
children, where it provides pain relief, sedation and amnesia" was read as a claim that ketamine does not cause pain
or sedation, and contradicted on the trials in which patients were sedated: the sedation ketamine is given for, read as
a harm that safety denies. What a claim of safety says ketamine gives, as a list with pain relief among it and no harm
or "without" in it (data/claim_text.toml effects_given, effects_given_not), is what it is given for; of it, the
sedation and the amnesia (effects_given_outcomes) are now no harm of the claim, whose harm is then side effects in
general. A harm in such a list ("produces pain relief and hallucinations") and one said to be avoided ("without
dangerous sedation") stay harms of the claim.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

GIVEN = (
    "Many reports describe ketamine as safe to use in children, where it provides pain relief, sedation and amnesia."
)
# guards: a harm in the list, and sedation said to be avoided, stay harms of the claim
HALLUCINATIONS = "Ketamine is safe, although it produces pain relief and hallucinations."
WITHOUT = "Ketamine is safe and provides good pain relief without dangerous sedation."

TITLE = "Rectal ketamine for children's burn dressings"


def test_the_sedation_ketamine_gives_is_no_harm_of_a_safety_claim() -> None:
    r = readings(TITLE, GIVEN, HALLUCINATIONS, WITHOUT)
    assert r[GIVEN].kind == "safety" and r[GIVEN].outcomes == ["adverse_events"], r[GIVEN]
    assert "psychotomimetic" in r[HALLUCINATIONS].outcomes, r[HALLUCINATIONS]
    assert "sedation" in r[WITHOUT].outcomes, r[WITHOUT]


claims = page_claims_fixture("\n\n".join([TITLE, GIVEN]), TITLE)


def test_a_safety_claim_is_not_contradicted_by_the_sedation_it_names(claims: dict[str, dict]) -> None:
    c = claims[GIVEN]
    assert c["verdict"] != "contradicted", c["explanation"]
    assert "sedation occurred" not in c["explanation"], c["explanation"]
