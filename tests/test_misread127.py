"""Round 127 (in-sample, a class open since the seventy-eighth set): "Do not mix ketamine with other substances that
alter mood or perception (alcohol, opioids, benzodiazepines, cannabis, stimulants), because the combination can be
toxic" was read as a denial of the harm ("Do not" as the claim's negation) and `contradicted` on the records of
psychotomimetic effects: a red badge on a warning (the reviewers: supported). Advice not to do something with the drug
("Do not mix", "Never combine", "Don't drive") for a reason that names a harm is now no denial
(`normalise._ADVICE_REASON`): the harm is in the reason, which does not deny it.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture, readings

TITLE = "Ketamine: what you should know"
MIX = (
    "Do not mix ketamine with other substances that alter mood or perception (alcohol, opioids, benzodiazepines, "
    "cannabis, stimulants), because the combination can be toxic."
)
# guard: a "do not" that denies the harm is still a denial
DENIAL = "Do not worry: ketamine does not cause addiction."
NEAR_MISSES = {DENIAL: "contradicted"}
claims = page_claims_fixture("\n\n".join([TITLE, MIX, *NEAR_MISSES]), TITLE)
test_a_denial_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_advice_for_a_reason_is_not_a_denial(claims: dict[str, dict]) -> None:
    r = readings(TITLE, MIX, DENIAL)
    assert r[MIX].polarity == "positive", r[MIX].reasons
    assert "advice" in r[MIX].reasons.get("polarity", ""), r[MIX].reasons
    assert claims[MIX]["verdict"] != "contradicted", claims[MIX]["explanation"]
