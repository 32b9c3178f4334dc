"""Round 121 (in-sample, from the eighty-third set): "Your quality of life has slipped from where it once was", on a
copywriter's page about infusions for chronic pain, under "What Conditions Do Ketamine Infusions Treat?", is the
reader's plight, not a claim (the labellers: a non-claim); it was read as a claim that ketamine improves quality of
life and got `contradicted`. A life, sleep, mood or work that the disease has worn down, in a sentence that names no
treatment, is now the patient's plight ([extract.not_claim] plight).
"""

from __future__ import annotations

from conftest import readings

HEADING = "What Conditions Do Ketamine Infusions Treat?"
LEAD = "Many people with a range of conditions have been helped by low-dose ketamine, according to the evidence."
BURDEN = "Anyone who lives with chronic pain knows how thoroughly it can upend a life."
SLIPPED = "Your quality of life has slipped from where it once was."
# guard: a quality of life the treatment improved is still a claim
IMPROVED = "Your quality of life improves after the infusions."
PAGE = ("Ketamine infusions for chronic pain", HEADING, LEAD, BURDEN, SLIPPED, IMPROVED)


def test_a_life_worn_down_is_the_plight_not_a_claim() -> None:
    r = readings(*PAGE)
    assert SLIPPED not in r, r[SLIPPED].reasons if SLIPPED in r else None
    assert r[IMPROVED].kind == "efficacy", r[IMPROVED].reasons
