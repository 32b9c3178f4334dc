"""Round 83 (in-sample, from the sixty-seventh set): "Ketamine is a dissociative anesthetic that carries a potential for
misuse, and it is listed as a Schedule III controlled drug" and "In the U.S. it sits in Schedule III of the controlled
substances because it can be abused" were read as history ("Schedule III") and left insufficient or without evidence,
where the reviewers call them supported: that ketamine can be abused is a claim that the harm happens, which the
records of recreational use and dependence bear out. Its potential for misuse ("potential for misuse", "abuse
potential", "can be abused": history_unless) keeps a sentence from being read as history, and it is read as a
dependence claim.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine: is it an opioid?"
POTENTIAL = (
    "Ketamine is a dissociative anesthetic that carries a potential for misuse, and it is listed as a Schedule III "
    "controlled drug."
)
SCHEDULE = "In the U.S. it sits in Schedule III of the controlled substances because it can be abused."
# guard: its schedule alone is still its history
LISTED = "Ketamine was placed in Schedule III of the Controlled Substances Act in 1999."


def test_a_potential_for_misuse_is_a_claim_that_it_is_abused() -> None:
    r = readings(TITLE, POTENTIAL, SCHEDULE, LISTED)
    for quote in (POTENTIAL, SCHEDULE):
        got = r[quote]
        assert got.kind == "dependence" and got.direction == "causes", (quote, got.kind, got.reasons)
        assert "abuse_dependence" in got.outcomes, got.outcomes
    assert r[LISTED].kind == "history", r[LISTED].reasons
