"""Round 71 (in-sample, from the sixty-second set): "It has been given by many routes: into a vein, into a muscle, ...,
by mouth, ..., under the tongue, ... Ketamine lowers pain scores after surgery and after trauma, and it cuts how much
opioid is used." gave the claim the routes of the sentence before (intravenous, oral, sublingual), so only records of
those three routes could settle it. A heading or sentence before that lists the ways ketamine is given (three routes or
more, or "many routes": [normalise] routes_listed) gives the claim after it no route.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine for managing pain"
ROUTES = (
    "It has been given by many routes: into a vein, into a muscle, under the skin, by mouth, rectally, into the nose, "
    "under the tongue and epidurally."
)
CLAIM = "Ketamine lowers pain scores after surgery and after trauma, and it cuts how much opioid is used."
# guard: a sentence before that names one route still gives it
NASAL = "Our clinic gives ketamine as a nasal spray."


def test_a_list_of_routes_before_a_claim_is_not_the_claims_route() -> None:
    r = readings(TITLE, ROUTES, CLAIM)
    assert r[CLAIM].routes == [], r[CLAIM].reasons
    assert "lists the ways it is given" in r[CLAIM].reasons["routes"], r[CLAIM].reasons


def test_one_route_named_before_is_still_the_claims() -> None:
    r = readings(TITLE, NASAL, CLAIM)
    assert r[CLAIM].routes == ["intranasal"], r[CLAIM].reasons
