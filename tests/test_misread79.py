"""Round 79 (in-sample, from the sixty-sixth set): "Still, the effect cannot be guaranteed, and some patients may
relapse even after repeated treatments or higher doses" was read as a claim that ketamine causes no dependence (the
vocabulary's "relapse" is a relapse into drug use; "cannot" its negation; the trained kind model's safety) and
contradicted: a true warning told it is false. The condition said to come back ([normalise] condition_relapse) is
relief that does not last, kept against the kind model as other readings the rules make of what a sentence does, and
no word of dependence.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine infusion therapy"
RELAPSE = (
    "Still, the effect cannot be guaranteed, and some patients may relapse even after repeated treatments or higher "
    "doses."
)
# guards: a relapse into drug use is still dependence; relief said to last is still relief that lasts
DRUG_USE = "Ketamine helps people in recovery who might relapse into opioid use."
LASTS = "Relief from a series of infusions can last for several months."


def test_a_condition_coming_back_is_relief_that_does_not_last() -> None:
    r = readings(TITLE, RELAPSE, DRUG_USE, LASTS)
    got = r[RELAPSE]
    assert got.kind in ("efficacy", "duration"), got.reasons
    assert got.direction == "fades", got.reasons
    assert "abuse_dependence" not in got.outcomes and "duration_of_relief" in got.outcomes, got.outcomes
    assert "abuse_dependence" in r[DRUG_USE].outcomes, r[DRUG_USE].outcomes
    assert r[LASTS].direction == "lasts", r[LASTS].reasons
