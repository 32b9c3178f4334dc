"""Round 97 (in-sample, from the thirty-third, thirty-fifth, forty-sixth and seventy-second sets): four claims were not
extracted because no effect word of [extract] effect was in them: "It is also excellent therapy for fibromyalgia."
(after "Ketamine infusion works for chronic pain syndromes too."), "One of the many candidate remedies for chronic pain
is the ketamine infusion.", "... winning more acceptance as a therapy for chronic pain", and "His patients did not go
through withdrawal when they came off liquid ketamine". A therapy or remedy "for" a condition asserts what it treats,
and withdrawal is a harm of dependence (a claim of kind dependence, its outcome abuse and dependence), unless it is
withdrawal said to be eased ("may help ease withdrawal symptoms": a dependence treated, kind efficacy); the sentences
are claims when they refer to ketamine, as with the other effect words. pages_eval --claims over the 72 sets: four more
labelled claims found, no verdict moved, extraction precision unchanged.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine infusions for fibromyalgia"
LEAD = "Ketamine infusion works for chronic pain syndromes too."
THERAPY = "It is also excellent therapy for fibromyalgia."
REMEDY = "One of the many candidate remedies for chronic pain is the ketamine infusion."
WITHDRAWAL = "His patients did not go through withdrawal when they came off liquid ketamine."
# guards: another treatment's "therapy for", and withdrawal said of people who stopped opioids, are not claims about
# ketamine
PHYSIO = "Physical therapy for fibromyalgia is also important."
OPIOIDS = "Many of our patients took opioids for years."
STOPPED = "They went through withdrawal when they stopped."


def test_a_therapy_for_a_condition_is_a_claim_of_what_it_treats() -> None:
    r = readings(TITLE, LEAD, THERAPY, REMEDY, PHYSIO)
    assert THERAPY in r and r[THERAPY].kind == "efficacy", sorted(r)
    assert REMEDY in r and r[REMEDY].kind == "efficacy", sorted(r)
    assert PHYSIO not in r


def test_withdrawal_after_ketamine_is_a_claim_about_dependence() -> None:
    r = readings(TITLE, WITHDRAWAL, OPIOIDS, STOPPED)
    assert WITHDRAWAL in r and r[WITHDRAWAL].kind == "dependence", sorted(r)
    assert r[WITHDRAWAL].direction == "does_not_cause"
    assert STOPPED not in r


EASED = "There is some evidence that ketamine may help ease withdrawal symptoms."


def test_withdrawal_said_to_be_eased_is_a_dependence_treated() -> None:
    r = readings(TITLE, EASED)
    assert r[EASED].kind == "efficacy" and r[EASED].direction == "improves", r[EASED].reasons
    assert r[EASED].outcomes == ["abuse_dependence"]
