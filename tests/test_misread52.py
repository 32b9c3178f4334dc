"""Round 52 (in-sample, from the forty-seventh set): a harm the claim says the dose keeps small ("so that its
psychotropic effects are kept to a minimum") or says is needed ("a certain amount of dissociation is in fact needed")
was read as a plain claim that ketamine causes it, and `supported` by the records that it happens. What the claim
says of the harm is its point; the records show that the harm happens, not that, so the claim is at best `mixed`.
"""

from __future__ import annotations

from conftest import page_claims_fixture

MINIMUM = (
    "For chronic pain, ketamine is often given at subanaesthetic doses so that its psychotropic effects are kept to a "
    "minimum."
)
NEEDED = "A certain amount of dissociation is in fact needed during the ketamine infusion."
NECESSARY = "Some dissociation is necessary for the treatment to work."
# guards: a harm said to happen, with or without a requirement that is not the harm's
CAUSES = "Ketamine can produce side effects, among them hallucinations and dizziness."
MONITORED = "Because ketamine can cause hallucinations, close medical monitoring is required."

claims = page_claims_fixture(
    "\n\n".join(["Ketamine for nerve pain", "Side effects:", f"- {CAUSES}\n- {MINIMUM}", NEEDED, NECESSARY, MONITORED]),
    "Ketamine for nerve pain",
)


def test_a_harm_the_dose_keeps_small_is_not_shown_by_its_happening(claims: dict[str, dict]) -> None:
    c = claims[MINIMUM]
    assert c["kind"] == "side_effect", c
    assert c["verdict"] == "mixed", c["explanation"]
    assert "'kept to a minimum'" in c["explanation"], c["explanation"]


def test_a_harm_said_to_be_needed_is_not_shown_by_its_happening(claims: dict[str, dict]) -> None:
    for sentence in (NEEDED, NECESSARY):
        c = claims[sentence]
        assert c["verdict"] != "supported", c["explanation"]
        assert "not that; that part is not checked" in c["explanation"], c["explanation"]


def test_a_harm_said_to_happen_is_still_supported(claims: dict[str, dict]) -> None:
    for sentence in (CAUSES, MONITORED):
        c = claims[sentence]
        assert c["verdict"] == "supported", c["explanation"]
        assert "how the harm goes" not in c["explanation"], c["explanation"]
