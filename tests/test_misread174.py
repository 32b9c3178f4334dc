"""Round 174 (in-sample, from the hundred-and-forty-fourth set): "It has also been shown to have neuroprotective
properties" was supported on Dahmani 2011, a meta-analysis whose sentence names only 'shown' and 'properties': a
mechanism claim read on its own words needs a share of them named, and two of its three words say nothing of which
property it has. 'shown', 'demonstrated', 'proven' and 'properties' are now general words (data/weighing.toml
[textbook] general_words): the claim must be stated by a sentence that names what it is about (neuroprotective).
"""

from __future__ import annotations

from conftest import page_claims_fixture

SHOWN = "It has also been shown to have neuroprotective properties."
# a guard: a property the records do state keeps its support
STATED = "Ketamine has anti-inflammatory properties."

TITLE = "Ketamine"

claims = page_claims_fixture("\n\n".join([TITLE, SHOWN, STATED]), TITLE)


def test_shown_and_properties_do_not_state_a_property(claims: dict[str, dict]) -> None:
    c = claims[SHOWN]
    assert "(shown, propertie)" not in c["explanation"], c["explanation"]
    assert c["verdict"] != "supported", c["explanation"]


def test_a_property_the_records_state_keeps_its_support(claims: dict[str, dict]) -> None:
    c = claims[STATED]
    assert c["verdict"] == "supported", c["explanation"]
