"""Round 164 (in-sample, from the hundred-and-twenty-seventh set): "Ketamine, in contrast to opioids, does not bring an
equal danger of addiction, so it is a safer option" was read as denying addiction outright, and contradicted by every
report of ketamine dependence, records that compare nothing with opioids. A harm denied as "an equal" or "as great a"
danger beside a named treatment is now less of it than with that treatment (data/claim_text.toml harm_degree_denied,
as "the same degree of" was since round 60), which only records that compare the two can show.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

EQUAL = (
    "Ketamine, in contrast to opioids, does not bring an equal danger of addiction, so it is a safer option when used "
    "over a long period."
)
AS_GREAT = "Unlike opioids, ketamine relieves pain without as great a risk of addiction."
# guards: the harm denied outright beside opioids, and with no comparator at all
OUTRIGHT = "Unlike opioids, ketamine does not lead to addiction."
NONE = "Ketamine carries no risk of addiction."

TITLE = "Ketamine and opioids"


def test_a_harm_denied_as_an_equal_danger_beside_opioids_is_less_of_it() -> None:
    r = readings(TITLE, EQUAL, AS_GREAT, OUTRIGHT)
    for quote in (EQUAL, AS_GREAT):
        n = r[quote]
        assert n.kind == "dependence" and n.comparator == "opioids", (quote, n)
        assert n.direction == "less_harm", (quote, n.reasons)
    # guard: a denial with no degree stays a denial, though opioids are named
    assert r[OUTRIGHT].direction == "does_not_cause", r[OUTRIGHT].reasons


claims = page_claims_fixture("\n\n".join([TITLE, EQUAL, AS_GREAT, NONE]), TITLE)


def test_less_danger_than_opioids_is_not_contradicted_by_records_that_compare_nothing(claims: dict[str, dict]) -> None:
    for quote in (EQUAL, AS_GREAT):
        c = claims[quote]
        assert c["verdict"] not in ("contradicted", "supported"), (quote, c["explanation"])
        assert "[indirect]" in c["explanation"], c["explanation"]
    # guard: "no risk of addiction" is still contradicted by reports that addiction occurs
    assert claims[NONE]["verdict"] == "contradicted", claims[NONE]["explanation"]
