"""Round 110 (in-sample, from the seventy-eighth set): "These risks are generally small, however, and close monitoring
by a qualified healthcare provider can reduce them" was read as a claim that ketamine causes adverse events and
`supported` by the records that report them: the engine endorsed a claim of small risk with evidence of risk. The words
of a small or low risk (claim_text [cues] harm_absent and harm_rare) named "risk" only, so "risks are ... small" was not
one; they now name "risks" too, and the claim is weighed as one that harm is small (the reviewers: insufficient and
mixed).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine Infusion Therapy: Is It Safe?"
LEAD = (
    "Rarely, ketamine therapy can lead to more serious side effects, for example seizures, allergic reactions or "
    "respiratory depression."
)
SMALL = (
    "These risks are generally small, however, and close monitoring by a qualified healthcare provider can reduce them."
)
# guard: a risk that is said to be there is still a claim that the harm happens
THERE = "Ketamine carries a risk of hallucinations and vivid dreams."
claims = page_claims_fixture("\n\n".join([TITLE, LEAD, SMALL, THERE]), TITLE)


def test_risks_said_to_be_small_are_not_supported_by_records_of_harm(claims: dict[str, dict]) -> None:
    c = claims[SMALL]
    assert c["verdict"] != "supported", c["explanation"]
    backing = [e for e in c["evidence"] if e["stance"] == "supports"]
    assert not any("more frequent with ketamine" in (e.get("why") or "") for e in backing), backing


def test_a_small_risk_is_read_as_harm_that_is_small_and_a_risk_there_as_harm_that_happens() -> None:
    r = readings(TITLE, LEAD, SMALL, THERE)
    assert r[SMALL].direction != "causes", r[SMALL].reasons
    assert r[THERE].direction == "causes", r[THERE].reasons
