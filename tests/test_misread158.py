"""Round 158 (in-sample, from the hundred-and-tenth, hundred-and-sixteenth and hundred-and-twenty-third sets): a
sentence that says the research on ketamine is too little or the question still open ("There is little research on how
well it works against pain", "It has also not been researched enough, which raises worries over whether it is safe",
"its safety ... and its potential for addiction are still open questions") was weighed as a claim that it works, or
that the harm happens or does not, and records that called it safe contradicted the doubt. Such words are now words of
the strength of the evidence (data/weighing.toml [evidence_strength] weak): an effect claim is weighed for the effect,
and a doubt about its safety for the claim that it does not cause the harm, the doubt holding where that is not
established and mixed where it is.
"""

from __future__ import annotations

from ketalit.claims.catalogue import Claim
from ketalit.claims.verdict import weak_evidence_words

from conftest import page_claims_fixture

TITLE = "Ketamine for pain"
LITTLE = "There is little research on how well ketamine works against pain."
NOT_ENOUGH = "Ketamine has also not been researched enough, which raises worries over whether it is safe."
OPEN = "Even so, the safety of ketamine and its potential for addiction are still open questions."
DENIED = "Ketamine is also not known to cause respiratory depression."
claims = page_claims_fixture("\n\n".join([TITLE, LITTLE, NOT_ENOUGH, OPEN, DENIED]), TITLE)


def test_too_little_research_is_a_claim_about_the_evidence(claims: dict[str, dict]) -> None:
    claim = claims[LITTLE]
    assert "strength of the evidence ('little research')" in claim["explanation"], claim["explanation"]
    assert claim["verdict"] != "contradicted", claim["explanation"]


def test_a_doubt_about_safety_is_not_refuted_by_records_that_call_it_safe(claims: dict[str, dict]) -> None:
    for quote in (NOT_ENOUGH, OPEN):
        claim = claims[quote]
        assert "puts in doubt whether ketamine is safe" in claim["explanation"], claim["explanation"]
        assert claim["verdict"] in ("supported", "mixed"), claim["explanation"]


def test_a_harm_not_known_to_happen_is_still_a_denial_of_it(claims: dict[str, dict]) -> None:
    claim = claims[DENIED]
    assert claim["proposition"]["direction"] == "does_not_cause", claim["proposition"]
    assert "puts in doubt" not in claim["explanation"], claim["explanation"]


def test_too_little_evidence_of_a_harm_is_a_reassurance_not_a_doubt() -> None:
    def claim(quote: str, kind: str, direction: str) -> Claim:
        return Claim(
            id="000-01", document="000", file="", quote=quote, start=0, end=len(quote), kind=kind, routes=[],
            outcomes=["adverse_events"], settings=[], assertion="", direction=direction,
        )  # fmt: skip

    assert weak_evidence_words(claim("There is little evidence of lasting harm.", "safety", "does_not_cause")) == ""
    assert weak_evidence_words(claim("There is little research on its long-term safety.", "safety", "causes")) == (
        "little research"
    )
    # a doubt opened as a concession the sentence goes past is not the claim
    assert (
        weak_evidence_words(claim("Despite how little data there was, it proved safe.", "safety", "does_not_cause"))
        == ""
    )
