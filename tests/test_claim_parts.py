"""Parts of a claim no reading checks: a qualifier that names who, where or how (a population, a setting, a regimen)
the proposition does not carry, a second claim joined to the one read ("... and swelling", "..., letting patients
work again", "..., which prevents overdose deaths"), words about the evidence itself ("Strong evidence shows",
"Every study agrees") and a route the supporting records do not state. tests/adversarial/fix23b.toml holds the false
sentences; here, what the explanation says, and true claims worded alike that keep the verdict they had (main
4dcacee)."""

from __future__ import annotations

import pytest

from conftest import keeps_its_verdict, page_claims_fixture

TITLE = "Ketamine for CRPS and pain after surgery"
PAGE = f"""{TITLE}

IV ketamine relieves CRPS pain.

Studies show ketamine relieves pain after surgery.

Ketamine reduces opioid use after surgery.

Ketamine relieves pain in patients with CRPS.

Ketamine can cause nausea.

Ketamine is an NMDA receptor antagonist.

Ketamine relieves CRPS pain in pregnant women.

Ketamine is safe without any monitoring.

Ketamine relieves CRPS pain without any monitoring.

Ketamine relieves CRPS pain and redness.

Ketamine reduces opioid use after surgery, which prevents overdose deaths.

Every study agrees that ketamine relieves CRPS pain.

Strong evidence shows ketamine relieves CRPS pain.

Ketamine reduces opioid use after surgery when taken as a pill.
"""

# True claims worded like the false ones: an attribution without a word of strength, a route the records state, a
# population the reading carries, a harm, a mechanism; each keeps its verdict (main 4dcacee).
NEAR_MISSES = {
    "IV ketamine relieves CRPS pain.": "supported",
    "Studies show ketamine relieves pain after surgery.": "mixed",
    "Ketamine reduces opioid use after surgery.": "supported",
    "Ketamine relieves pain in patients with CRPS.": "supported",
    "Ketamine can cause nausea.": "supported",
    "Ketamine is an NMDA receptor antagonist.": "supported",
}


claims = page_claims_fixture(PAGE, TITLE)


test_a_true_claim_worded_like_a_false_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


@pytest.mark.parametrize(
    ("quote", "part"),
    [
        ("Ketamine relieves CRPS pain in pregnant women.", "qualifier 'in pregnant women'"),
        ("Ketamine relieves CRPS pain without any monitoring.", "qualifier 'without any monitoring'"),
        ("Ketamine relieves CRPS pain and redness.", "joined clause 'redness'"),
        ("Ketamine reduces opioid use after surgery, which prevents overdose deaths.", "consequence 'which prevents"),
    ],
)
def test_a_part_the_reading_does_not_carry_is_named_and_the_reading_kept(
    claims: dict[str, dict], quote: str, part: str
) -> None:
    claim = claims[quote]
    assert claim["verdict"] == "insufficient", claim["explanation"]
    assert part in claim["explanation"]
    assert "On the reading alone the evidence would be supported" in claim["explanation"]


def test_a_claim_of_safety_with_a_part_no_reading_checks_is_still_capped_by_serious_harms(
    claims: dict[str, dict],
) -> None:
    # its reading ("ketamine is safe") is mixed at best where serious harms are reported (round 49): the qualifier
    # the reading does not carry cannot make it more than that
    claim = claims["Ketamine is safe without any monitoring."]
    assert claim["verdict"] == "mixed", claim["explanation"]
    assert "Serious harms are reported with ketamine" in claim["explanation"]


def test_a_claim_that_every_study_agrees_is_contradicted_by_the_record_that_does_not(claims: dict[str, dict]) -> None:
    claim = claims["Every study agrees that ketamine relieves CRPS pain."]
    assert claim["verdict"] == "contradicted", claim["explanation"]
    assert "The claim says every study agrees ('Every study agrees')" in claim["explanation"]


def test_a_claim_of_strong_evidence_is_not_supported_by_the_effect_alone(claims: dict[str, dict]) -> None:
    effect = claims["IV ketamine relieves CRPS pain."]
    strong = claims["Strong evidence shows ketamine relieves CRPS pain."]
    assert effect["verdict"] == "supported"
    assert strong["verdict"] in ("mixed", "insufficient"), strong["explanation"]
    assert "The claim says the evidence is strong ('Strong evidence')" in strong["explanation"]


def test_a_route_is_supported_only_by_records_that_state_it(claims: dict[str, dict]) -> None:
    pill = claims["Ketamine reduces opioid use after surgery when taken as a pill."]
    assert claims["Ketamine reduces opioid use after surgery."]["verdict"] == "supported"
    assert pill["verdict"] == "insufficient", pill["explanation"]
    assert "The claim is about ketamine by one route (oral)" in pill["explanation"]
