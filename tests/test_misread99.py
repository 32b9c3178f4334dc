"""Round 99 (in-sample, from the seventy-fourth set): "It is also drawing attention in psychedelic exploration, where it
gives users deeply transformative experiences as they work through mental health problems" was read as a mechanism
(the cue "work through", as in "ketamine works through the NMDA receptor") said to improve psychotomimetic effects,
and contradicted by the records of those effects; the reviewers find the claim insufficient. People who "work
through" their problems ("they", "you", "we", "users", "people", "patients") are not the drug acting through a
target: the cue no longer matches after them. pages_eval --claims over the 73 sets: that claim from a wrong
contradicted to mixed (still not its label), nothing else moved.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Is ketamine an opioid?"
USERS = (
    "It is also drawing attention in psychedelic exploration, where it gives users deeply transformative experiences "
    "as they work through mental health problems."
)
# guards: the drug working through a target is still a mechanism
RECEPTOR = "Ketamine works through the NMDA receptor."
BLOCKING = "It acts through blocking NMDA receptors in the spinal cord."


def test_people_working_through_problems_is_no_mechanism() -> None:
    r = readings(TITLE, USERS, RECEPTOR, BLOCKING)
    assert r[USERS].kind != "mechanism", r[USERS].reasons
    assert r[RECEPTOR].kind == "mechanism" and r[BLOCKING].kind == "mechanism"
