"""Round 72 (in-sample, from the sixty-third set): "I wouldn't say we've come to regard it as a replacement for
narcotics, but it definitely lowers the quantity of narcotics given, and so it reduces the narcotics' side effects,
namely respiratory depression, nausea, vomiting and constipation" was `contradicted`: "would not ... side effects" made
it a harm said not to happen, weighed as fewer harms than with ketamine's comparators, and records of more minor
harms with ketamine than with morphine refuted it. A negation in a clause that names no harm no longer makes the kind
(normalise._guess_kind, as round 69 did for the polarity); "narcotic" is an opioid for the cues of fewer opioids
([normalise] efficacy_first, outcome_words opioid_consumption); and a claim the rules read as fewer opioids keeps that
reading against the trained kind model, which took the opioids' side effects for the harm the claim is about.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine and pain"
NARCOTICS = (
    "I wouldn't say we've come to regard it as a replacement for narcotics, but it definitely lowers the quantity of "
    "narcotics given, and so it reduces the narcotics' side effects, namely respiratory depression, nausea, vomiting "
    "and constipation."
)
CUTS = "It plainly cuts how much narcotic is needed to control pain after an operation."
# guard: a harm denied in a clause of its own is still a harm said not to happen, after a negation of something else
DENIED = "We can't say how long the relief lasts, but ketamine does not cause respiratory depression."


def test_fewer_narcotics_and_so_fewer_of_their_side_effects_is_fewer_opioids() -> None:
    r = readings(TITLE, NARCOTICS, CUTS, DENIED)
    for quote in (NARCOTICS, CUTS):
        assert r[quote].kind == "efficacy" and "opioid_consumption" in r[quote].outcomes, r[quote].reasons
    assert r[NARCOTICS].reasons["kind"].startswith("fewer opioids"), r[NARCOTICS].reasons
    assert r[DENIED].kind == "safety" and r[DENIED].polarity == "negative", r[DENIED].reasons
