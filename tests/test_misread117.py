"""Round 117 (in-sample, from the eighty-second set): "Ketamine is an antagonist of the NMDA receptor: it stops
glutamate, a neurotransmitter that excites brain cells, from acting there" came out insufficient: no abstract that
states ketamine's NMDA antagonism also says what glutamate does ("names only antagonist, nmda, receptor of what the
claim states"); the reviewers call it supported. What a mechanism claim says its target is ([textbook] target_said in
weighing.toml) was an apposition ending at its noun ("glutamate, an excitatory neurotransmitter,"); it may now go on
with a relative clause ("a neurotransmitter that excites brain cells"), which a sentence stating the mechanism need
not name.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "What do doctors use ketamine for?"
EXCITES = (
    "Ketamine is an antagonist of the NMDA receptor: it stops glutamate, a neurotransmitter that excites brain cells, "
    "from acting there."
)
# guard: what the claim says ketamine does for patients is still read on its words
FOR_PATIENTS = "Ketamine blocks the NMDA receptor, a protein that rewires the brain so that depression lifts for good."
claims = page_claims_fixture("\n\n".join([TITLE, EXCITES, FOR_PATIENTS]), TITLE)


def test_what_the_target_does_need_not_be_stated_with_the_mechanism(claims: dict[str, dict]) -> None:
    c = claims[EXCITES]
    assert c["verdict"] == "supported", c["explanation"]
    assert "a neurotransmitter that excites brain cells" in c["explanation"], c["explanation"]


def test_a_benefit_said_of_the_mechanism_is_not_set_aside(claims: dict[str, dict]) -> None:
    assert claims[FOR_PATIENTS]["verdict"] != "supported", claims[FOR_PATIENTS]["explanation"]
