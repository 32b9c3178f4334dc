"""Round 155 (in-sample, from the hundred-and-fourteenth and hundred-and-seventeenth sets): harm words that name no
harm ketamine brings. "Ketamine also has strong sympathomimetic effects, so it suits patients whose circulation is
unstable and patients at risk of having their breathing suppressed" was read as a claim that ketamine suppresses
breathing and supported by the reports of airway events, where it says ketamine does not add to the patients' risk
(the reviewers: contradicted, by those reports); a harm named as the risk of the patients ketamine is said to suit is
now denied (data/claim_text.toml harm_suited_despite). "A ketamine infusion helped lower fatigue severity" was read as
a claim about sedation and contradicted by the trials where ketamine sedated; fatigue lowered is a sign relieved
(sign_relieved, which had "reduce" and "lessen" but not "lower"), which a record must name.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for surgery"
SUITS = "Ketamine suits patients whose circulation fails and patients at risk of having their breathing suppressed."
FATIGUE = "In people with multiple sclerosis a ketamine infusion helped lower fatigue severity."
claims = page_claims_fixture("\n\n".join([TITLE, SUITS, FATIGUE]), TITLE)


def test_a_harm_named_as_the_risk_of_the_patients_it_suits_is_denied(claims: dict[str, dict]) -> None:
    claim = claims[SUITS]
    assert claim["proposition"]["direction"] == "does_not_cause", claim["assertion"]
    assert claim["verdict"] != "supported", claim["explanation"]


def test_fatigue_lowered_is_a_sign_relieved_not_sedation_spared(claims: dict[str, dict]) -> None:
    claim = claims[FATIGUE]
    assert claim["kind"] == "efficacy", claim["assertion"]
    assert claim["verdict"] != "contradicted", claim["explanation"]
