"""Round 103 (in-sample, from the seventy-sixth set and earlier ones): "Sublingual ketamine is widely used for
depression that has resisted other treatment, for anxiety, for PTSD and for chronic pain" was supported by records of
ketamine given into a vein ("IV ketamine is widely used to treat patients with chronic pain"), and "Applied to the skin,
ketamine cream is used to treat neuropathic pain" likewise; the reviewers find nothing on those routes. A use of a route
the claim's own words name is a use of that route, which records of another route do not record: history claims, and
side effects a route is said to cause, now need records that state the route, as effects and safety already did ([route]
support_kinds). Mechanism is the same whatever the route, and a route the page gives (not the claim's words) still does
not count. pages_eval --claims over the 75 sets: four fixed (a use of sublingual ketamine, of ketamine cream, side
effects of the oral drug and of troches named in a list's lead-in), nothing broken.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine at home"
SUBLINGUAL = (
    "Sublingual ketamine is widely used for depression that has resisted other treatment, for anxiety, for PTSD and "
    "for chronic pain."
)
CREAM = "Applied to the skin, ketamine cream is used to treat neuropathic pain, such as diabetic neuropathy."
# guards: the same use with no route named is still supported; a mechanism naming a route is read whatever the route
USED = "Ketamine is widely used to treat patients with chronic pain."
NMDA = "Ketamine cream blocks NMDA receptors."
claims = page_claims_fixture("\n\n".join([TITLE, SUBLINGUAL, CREAM, USED, NMDA]), TITLE)


def test_a_use_of_a_named_route_needs_records_of_that_route(claims: dict[str, dict]) -> None:
    for quote in (SUBLINGUAL, CREAM):
        c = claims[quote]
        assert c["kind"] == "history", (quote, c["kind"])
        assert c["verdict"] == "insufficient", (quote, c["explanation"])
        assert "one route" in c["explanation"], c["explanation"]


def test_a_use_with_no_route_named_and_a_mechanism_are_read_as_before(claims: dict[str, dict]) -> None:
    assert claims[USED]["kind"] == "history" and claims[USED]["verdict"] == "supported", claims[USED]["explanation"]
    assert claims[NMDA]["kind"] == "mechanism", claims[NMDA]["kind"]
    assert claims[NMDA]["verdict"] == "supported", claims[NMDA]["explanation"]
