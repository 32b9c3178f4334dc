"""Round 105 (in-sample, from the seventy-sixth set): "It works on the NMDA receptors that take part in central
sensitization, and also on opiate, monoaminergic and cholinergic targets and on voltage-sensitive calcium channels" was
supported by records that state only that ketamine blocks NMDA receptors; the reviewers find the other targets
unshown. The words of what the NMDA receptor does ("that take part in central sensitization", [normalise]
target_role) ran on past ", and also on ...", so every other target the claim names was set aside as a description
of the first one. The description now ends where the claim goes on to another target (", and also on", ", and on"),
and those targets are parts the records must state.
"""

from __future__ import annotations

from ketalit.claims.normalise import target_described

from conftest import page_claims_fixture

TITLE = "How ketamine works"
TARGETS = (
    "It works on the NMDA receptors that take part in central sensitization, and also on opiate, monoaminergic and "
    "cholinergic targets and on voltage-sensitive calcium channels."
)
# guard: a description that runs to the end of the sentence is still all the target's
ROLE = "Ketamine blocks NMDA receptors, which play a role in pain, memory and mood."
claims = page_claims_fixture("\n\n".join([TITLE, TARGETS]), TITLE)


def test_a_description_of_the_target_ends_where_the_claim_names_another() -> None:
    assert target_described(TARGETS) == ["take part in central sensitization"]
    assert target_described(ROLE) == ["play a role in pain, memory and mood"]


def test_the_other_targets_are_not_shown_by_records_of_the_nmda_receptor(claims: dict[str, dict]) -> None:
    c = claims[TARGETS]
    assert c["kind"] == "mechanism", c["kind"]
    assert c["verdict"] != "supported", c["explanation"]
