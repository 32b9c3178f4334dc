"""Round 113 (in-sample, from the seventy-eighth set): "Usually these side effects come on while the infusion is
running and fade soon after the treatment ends" was read as a claim of how soon relief comes (onset: "soon after the
treatment"), and came out insufficient; the reviewers call it supported (the records report side effects that pass
with the infusion). A sentence whose subject is the side effects ([cues] side_effect_timed) is a claim about them,
its times theirs; and a harm said to fade is read as passing ([cues] transient) when up to sixty characters, not
forty, stand between the harm and the word of fading.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine Infusion Therapy: Is It Safe?"
LEAD = "Its most frequent side effects are nausea, dizziness and headache."
TIMED = "Usually these side effects come on while the infusion is running and fade soon after the treatment ends."
# guard: relief said to come soon after the treatment is still onset
RELIEF = "Most patients feel relief from their pain soon after the treatment, often within an hour."
claims = page_claims_fixture("\n\n".join([TITLE, LEAD, TIMED, RELIEF]), TITLE)


def test_side_effects_that_come_and_go_with_the_infusion_are_a_claim_about_side_effects() -> None:
    r = readings(TITLE, LEAD, TIMED, RELIEF)
    assert r[TIMED].kind == "side_effect", r[TIMED].reasons
    assert r[RELIEF].kind == "onset", r[RELIEF].reasons


def test_they_are_weighed_on_side_effects_that_pass(claims: dict[str, dict]) -> None:
    c = claims[TIMED]
    assert c["verdict"] == "supported", c["explanation"]
    backing = [e for e in c["evidence"] if e["stance"] == "supports"]
    assert backing and all("transient" in (e.get("why") or "") for e in backing[:2]), backing[:2]
