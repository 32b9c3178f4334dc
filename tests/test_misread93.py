"""Round 93 (in-sample, from the seventy-first set, after it was measured): two comparisons with opioids were read as
absolute claims of safety and contradicted by the records of breathing events with ketamine: "Ketamine also carries a
low risk of breathing-related adverse events compared with other pain medicines such as opioids" (the reviewers: mixed)
and "The reason is that ketamine does not seem to affect breathing the way opioids do" (supported). A low risk set
against another drug ([normalise] less_harm) and a harm denied "the way opioids do" ([normalise] harm_degree_denied)
are less harm than the comparator's, not none.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine for pain relief: pros and cons"
LOW_RISK = (
    "Ketamine also carries a low risk of breathing-related adverse events compared with other pain medicines such as "
    "opioids."
)
THE_WAY = "The reason is that ketamine does not seem to affect breathing the way opioids do."
# guard: a denial with no drug beside it stays a denial
DENIED = "Ketamine does not affect breathing."
claims = page_claims_fixture("\n\n".join([TITLE, LOW_RISK, THE_WAY]), TITLE)


def test_a_harm_set_beside_opioids_is_less_of_it_than_theirs() -> None:
    r = readings(TITLE, LOW_RISK, THE_WAY, DENIED)
    for quote in (LOW_RISK, THE_WAY):
        assert r[quote].direction == "less_harm" and r[quote].comparator == "opioids", (quote, r[quote].reasons)
    assert r[DENIED].direction == "does_not_cause" and r[DENIED].comparator is None


def test_comparisons_with_opioids_are_not_contradicted_as_absolute_denials(claims: dict[str, dict]) -> None:
    for quote in (LOW_RISK, THE_WAY):
        c = claims[quote]
        assert c["verdict"] != "contradicted", (quote, c["explanation"])
