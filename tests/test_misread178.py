"""Round 178 (in-sample, from sets to the hundred-and-fifty-fifth): sentences that say how strong the evidence is were
left out or read as claims of the effect. "The evidence so far is limited" was left out as the state of research
(data/claim_text.toml [extract.not_claim] meta), though of the six such sentences the rule left out the reviewers
label five claims, each supported; and "Research on how well ketamine works for pain is limited", "have only limited
evidence behind them", "the research so far, which is limited", "too little is known to judge whether it works", "no
good-quality evidence supporting", "is not enough to support" were weighed as claims that ketamine works (mixed,
insufficient, once contradicted). data/weighing.toml [evidence_strength] now reads the evidence named with what it
is on before it is called weak, evidence "behind" or "supporting" a use, evidence not enough to support it, and too
little known: each is weighed as a claim that the evidence is weak, which holds where the effect is mixed or
insufficient here.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

WEAK = [
    "Research on how well ketamine works for pain is limited.",
    "For nerve pain, ketamine preparations applied to the skin have only limited evidence behind them.",
    "In 2018 a review found that too little is known to judge whether ketamine works for chronic pain.",
    "Two small randomised trials give no good-quality evidence supporting oral ketamine for chronic pain.",
    "The evidence from two small trials is not enough to support giving oral ketamine for chronic pain.",
]
# left out before this round as the state of research
LEFT_OUT = "The evidence so far for ketamine in chronic pain is limited, and any benefit depends on repeated infusions."
# guards: research that reports a finding is no doubt about the evidence, nor is evidence limited to some patients
SHOWS = "Research shows that the side effects of ketamine are limited to the hours of the infusion."
LIMITED_TO = "The evidence that ketamine relieves pain is limited to patients with nerve pain."

TITLE = "Ketamine for pain"

claims = page_claims_fixture("\n\n".join([TITLE, *WEAK, LEFT_OUT, SHOWS, LIMITED_TO]), TITLE)


@pytest.mark.parametrize("quote", [*WEAK, LEFT_OUT])
def test_a_claim_that_the_evidence_is_weak_is_weighed_as_one(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    c = claims[quote]
    assert "the claim is about the strength of the evidence" in c["explanation"], c["explanation"]
    assert c["verdict"] == "supported", c["explanation"]


@pytest.mark.parametrize("quote", [SHOWS, LIMITED_TO])
def test_evidence_that_shows_something_is_no_doubt_about_it(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    assert "strength of the evidence" not in claims[quote]["explanation"], claims[quote]["explanation"]
