"""Round 181 (in-sample, from the hundred-and-fifty-seventh set): "Ketamine is an old drug ... but a very unusual one:
it induces sleep, causes amnesia, widens the airways, lifts depression and relieves pain, all with a safe profile of
use" was read as a claim of safety about mood and function (the depression it lifts, the sleep it brings on) and
contradicted on trials where function improved (Eide 1994, Khavanin 2021): a benefit counted as a harm the claim
denies. The reviewers call the safety claim mixed: serious harms beside favourable safety. data/claim_text.toml
benefit_done now names what ketamine is said to do for the patient; in a claim of safety an outcome named only inside
those words is left out, so the claim is about side effects in general.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

SENTENCE = (
    "Ketamine is an old drug (it was first used in anaesthesia in the 1960s) but a very unusual one: it induces "
    "sleep, causes amnesia, widens the airways, lifts depression and relieves pain, all with a safe profile of use."
)
TITLE = "Ketamine in emergency medicine: an old molecule that still has a future"

claims = page_claims_fixture("\n\n".join([TITLE, SENTENCE]), TITLE)


def test_the_benefits_named_are_not_the_harms_its_safety_denies() -> None:
    n = readings(TITLE, SENTENCE)[SENTENCE]
    assert n.kind == "safety"
    assert "mood" not in n.outcomes and "function_quality_of_life" not in n.outcomes, n.outcomes


def test_a_safe_profile_beside_benefits_is_weighed_on_harms(claims: dict[str, dict]) -> None:
    c = claims[SENTENCE]
    assert c["verdict"] == "mixed", c["explanation"]
    assert "function quality of life more frequent" not in c["explanation"], c["explanation"]


def test_a_harm_the_sentence_denies_is_still_its_outcome() -> None:
    # a guard: mood named as a harm said not to happen stays the claim's outcome, beside mood lifted
    quote = "Ketamine is safe: it lifts mood and does not cause depression or anxiety."
    n = readings(TITLE, quote)
    assert any("mood" in r.outcomes or any("mood" in p[1].outcomes for p in r.parts) for r in n.values()), n
