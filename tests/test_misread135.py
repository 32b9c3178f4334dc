"""Round 135 (in-sample, from the ninety-first set): "Although plenty of evidence points to ketamine being effective and
safe, many clinicians still hold back from endorsing it, because it carries a risk of habituation and of misuse" was
read as safe for want of a risk of dependence (its "safe" taken from the concession) and `contradicted` on the records
of abuse: a red badge on a true warning (the reviewers: supported). What a sentence grants in a leading concession
("Although ..., ") is not what it says of ketamine's safety: neither the kind's "safe" nor the harm said to be absent
is read there (normalise._LEADING_CONCESSION; not a "while" that sets the scene).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "How does ketamine decrease the use of opioids in the emergency room?"
WARNING = (
    "Although plenty of evidence points to ketamine being effective and safe, many clinicians still hold back from "
    "endorsing it, because it carries a risk of habituation and of misuse."
)
# guards: safety said in the main clause is still read
SAFE = "Ketamine is safe and carries no risk of addiction."
MAIN = "Although it is given in hospital, ketamine is safe and is not addictive."
# a "while" that sets the scene is no concession: the alternative it seeks is what ketamine is offered as
SCENE = (
    "While medicine looks for safer alternatives without addiction risk for handling chronic pain, ketamine has drawn "
    "interest as a promising choice."
)
claims = page_claims_fixture("\n\n".join([TITLE, WARNING, SAFE, MAIN, SCENE]), TITLE)


def test_safe_in_a_leading_concession_is_not_the_claim(claims: dict[str, dict]) -> None:
    r = readings(TITLE, WARNING, SAFE, MAIN, SCENE)
    assert r[WARNING].kind == "dependence", r[WARNING].reasons
    assert r[WARNING].direction == "causes", r[WARNING].reasons
    assert claims[WARNING]["verdict"] != "contradicted", claims[WARNING]["explanation"]
    assert r[SAFE].direction == "does_not_cause", r[SAFE].reasons
    assert r[MAIN].direction == "does_not_cause", r[MAIN].reasons
    assert r[SCENE].direction == "does_not_cause", r[SCENE].reasons
