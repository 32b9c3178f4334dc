"""Round 124 (in-sample, after the eighty-fourth set): "Early evidence now suggests, though, that ketamine given at
"sub-dissociative" doses works about as well as opioids" was read as a comparison of psychotomimetic effects (its
"dissociative" taken as the outcome) and came out insufficient on records of hallucinations; the reviewers call it
supported. A dose below the dissociative range ("sub-dissociative", "non-dissociative") is a dose, not an effect: it no
longer names the psychotomimetic outcome, in a claim or in an abstract (vocabulary.toml [outcome.psychotomimetic],
claim_text.toml), and a comparison that says ketamine "works about as well as" another drug is one of relief
([normalise] compared_relief).
"""

from __future__ import annotations

from ketalit.records import new_record
from ketalit.tagging.tagger import default_tagger

from conftest import keeps_its_verdict, page_claims_fixture, readings

TITLE = "Ketamine (dosing below the dissociative range)"
AS_WELL = (
    "Early evidence now suggests, though, that ketamine given at sub-dissociative doses works about as well as opioids."
)
# guards: dissociation said outright is still the outcome, and still supported as a side effect
DISSOCIATION = "Ketamine can cause dissociation."
NEAR_MISSES = {DISSOCIATION: "supported"}
claims = page_claims_fixture("\n\n".join([TITLE, AS_WELL, *NEAR_MISSES]), TITLE)
test_dissociation_said_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_sub_dissociative_dose_is_not_an_effect(claims: dict[str, dict]) -> None:
    r = readings(TITLE, AS_WELL, DISSOCIATION)
    assert r[AS_WELL].outcomes == ["pain_intensity"], r[AS_WELL].reasons
    assert "psychotomimetic" in r[DISSOCIATION].outcomes
    assert claims[AS_WELL]["verdict"] == "supported", claims[AS_WELL]["explanation"]


def test_an_abstract_on_a_sub_dissociative_dose_is_not_tagged_psychotomimetic() -> None:
    def outcomes(text: str) -> list[str]:
        return default_tagger().tag(new_record(title=text)).tags.get("outcome", [])

    assert "psychotomimetic" not in outcomes("Intranasal ketamine at a sub-dissociative dose for acute pain")
    assert "psychotomimetic" in outcomes("Dissociation after intranasal ketamine for acute pain")
