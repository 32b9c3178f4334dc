"""Round 188 (in-sample, from the hundred-and-seventy-second set): "Ketamine acts as an antagonist of the
N-methyl-D-aspartate (NMDA) receptor and so blocks what the neurotransmitter glutamate does in the central nervous
system" was insufficient: the action it states ('blocks what the neurotransmitter glutamate does') took "what" and
"does" for words of its object, and no cited sentence names "what". Blocking glutamate is what an NMDA antagonist's
records state (data/weighing.toml [[textbook.parts]] acts_on), and the reviewers support the claim. [textbook.actions]
object_skip now holds "what", "does" and their kin: the object is glutamate. An action on another messenger ("stops
what dopamine does") still needs a record that names it.
"""

from __future__ import annotations

from conftest import page_claims_fixture

BLOCKS = (
    "Ketamine acts as an antagonist of the N-methyl-D-aspartate (NMDA) receptor and so blocks what the "
    "neurotransmitter glutamate does in the central nervous system."
)
# a guard: no record says ketamine stops what dopamine does
DOPAMINE = "Ketamine stops what dopamine does in the brain."
TITLE = "What is ketamine?"

claims = page_claims_fixture("\n\n".join([TITLE, BLOCKS, DOPAMINE]), TITLE)


def test_blocking_what_glutamate_does_is_stated_by_records_of_the_antagonist(claims: dict[str, dict]) -> None:
    c = claims[BLOCKS]
    assert c["verdict"] == "supported", c["explanation"]
    assert "glutamate" in c["explanation"], c["explanation"]


def test_what_another_messenger_does_still_needs_a_record(claims: dict[str, dict]) -> None:
    assert claims[DOPAMINE]["verdict"] != "supported", claims[DOPAMINE]["explanation"]
