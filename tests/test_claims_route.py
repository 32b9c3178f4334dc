"""A route the claim names is a part of it: evidence divided on another route is indirect for it (GRADE)."""

from __future__ import annotations

import pytest

from ketalit.claims.normalise import routes_named
from ketalit.claims.verdict import Evidence, verdict

from conftest import make_claim

# the same claim said in other words, each naming a route other than into a vein
REWORDINGS = [
    "Trials of low-dose oral ketamine for pain have had some success.",
    "Ketamine taken by mouth has eased chronic pain in trials.",
    "Ketamine tablets help people with long-lasting nerve pain.",
    "Ketamine lozenges placed under the tongue relieve chronic pain.",
    "A ketamine nasal spray relieves chronic pain.",
    "Intranasal ketamine helps patients with chronic pain.",
]


def ev(stance: str, design: str, author: str, routes: list[str] | None = None) -> Evidence:
    return Evidence(
        doc_id=hash(author) % 1000,
        pmid=author,
        doi=None,
        citekey=author,
        title=f"{author} study",
        year=2020,
        first_author=author,
        design=design,
        stance=stance,
        rationale=["A sentence."],
        why="w",
        related=1,
        size=200,
        routes=routes or [],
    )


def claim_of(quote: str):
    routes, _ = routes_named(quote)
    return make_claim(quote, routes=routes)


def divided_elsewhere() -> list[Evidence]:
    """Credible evidence both ways, all of it into a vein or of no stated route; on the claim's route only a series."""
    return [
        ev("supports", "meta_analysis", "Ivsup", ["intravenous"]),
        ev("contradicts", "meta_analysis", "Unstated"),
        ev("contradicts", "rct", "Ivcon", ["intravenous"]),
        ev("supports", "case_series", "Route", ["oral", "sublingual", "intranasal"]),
    ]


@pytest.mark.parametrize("quote", REWORDINGS)
def test_evidence_divided_on_another_route_leaves_the_claim_insufficient(quote: str) -> None:
    c = claim_of(quote)
    assert c.proposition.routes and "intravenous" not in c.proposition.routes
    v, why = verdict(c, divided_elsewhere())
    assert v == "insufficient"
    # the explanation names the route, the record that states it and a record indirect for it
    assert "one route" in why and "Route" in why and ("Ivsup" in why or "Unstated" in why or "Ivcon" in why)


def test_the_same_evidence_divides_a_claim_about_the_usual_route_or_none() -> None:
    for quote in ("Ketamine infusions relieve chronic pain.", "Ketamine relieves chronic pain."):
        c = claim_of(quote)
        assert verdict(c, divided_elsewhere())[0] == "mixed"


@pytest.mark.parametrize("quote", REWORDINGS)
def test_evidence_divided_on_the_claims_own_route_stays_divided(quote: str) -> None:
    c = claim_of(quote)
    route = c.proposition.routes
    evidence = [
        ev("supports", "meta_analysis", "Onsup", route),
        ev("contradicts", "rct", "Oncon", route),
        ev("contradicts", "meta_analysis", "Unstated"),
    ]
    assert verdict(c, evidence)[0] == "mixed"


@pytest.mark.parametrize("quote", REWORDINGS)
def test_a_claim_contradicted_only_on_another_route_is_not_contradicted(quote: str) -> None:
    c = claim_of(quote)
    elsewhere = [ev("contradicts", "meta_analysis", "Unstated"), ev("contradicts", "rct", "Ivcon", ["intravenous"])]
    assert verdict(c, elsewhere)[0] == "insufficient"
    on_route = [*elsewhere, ev("contradicts", "rct", "Oncon", c.proposition.routes)]
    assert verdict(c, on_route)[0] == "contradicted"


def test_the_route_part_never_makes_a_claim_supported() -> None:
    # support on the claim's route against division elsewhere: not shown either way, never endorsed
    for quote in REWORDINGS:
        c = claim_of(quote)
        evidence = [*divided_elsewhere(), ev("supports", "rct", "Onsup", c.proposition.routes)]
        assert verdict(c, evidence)[0] != "supported"
