"""A claim that the drug does away with the pain or the condition, that more of it does more, that gives a share of
patients the records do not show, or that likens ketamine to another drug is not supported on evidence that ketamine
lessens pain (tests/adversarial/fix22b.toml holds the false sentences). Here: the part is named in the explanation, and
true claims worded alike keep the verdicts they had (main 376a0b4)."""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

PAGE = """Ketamine Infusions for Pain

Our clinic offers intravenous ketamine infusions for chronic pain.

Ketamine reduces pain after surgery.

Many patients feel relief within hours of an infusion.

Ketamine is an NMDA receptor antagonist.

Ketamine can cause nausea.

As with any medication, ketamine can cause side effects.

Like other anesthetics, ketamine can cause nausea.

Ketamine relieves CRPS pain.

Ketamine reduces opioid use after surgery.

Higher doses of ketamine can cause hallucinations.

Ketamine does not cure CRPS.

Ketamine reduces pain in patients with CRPS for weeks.

Ketamine is safe at low doses.

The majority of our patients get relief from ketamine.

Ketamine has a success rate of 85%.

Ketamine resolves CRPS.
"""

# True claims worded like the false ones (a harm of a higher dose, a denied cure, a likeness to every drug of a class,
# relief lasting weeks, safety at the doses given, relief in many patients): each keeps its verdict (main 376a0b4).
NEAR_MISSES = {
    "Ketamine reduces pain after surgery.": "mixed",
    # 'within hours' sets only the upper end (branch ends28): relief at 15 minutes is within it, no longer against it
    "Many patients feel relief within hours of an infusion.": "supported",
    "Ketamine is an NMDA receptor antagonist.": "supported",
    "Ketamine can cause nausea.": "supported",
    "As with any medication, ketamine can cause side effects.": "supported",
    "Like other anesthetics, ketamine can cause nausea.": "supported",
    "Ketamine relieves CRPS pain.": "supported",
    "Ketamine reduces opioid use after surgery.": "supported",
    "Higher doses of ketamine can cause hallucinations.": "supported",
    "Ketamine does not cure CRPS.": "mixed",
    "Ketamine reduces pain in patients with CRPS for weeks.": "supported",
    "Ketamine is safe at low doses.": "mixed",
}


claims = page_claims_fixture(PAGE, "Ketamine Infusions for Pain")


test_a_true_claim_worded_like_a_false_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_cure_is_not_shown_by_relief_and_the_reason_is_named(claims: dict[str, dict]) -> None:
    cure = claims["Ketamine resolves CRPS."]
    assert cure["verdict"] == "insufficient", cure["explanation"]
    assert "done away with ('resolves')" in cure["explanation"]


def test_a_share_of_the_clinics_own_patients_is_named_as_its_own_figure(claims: dict[str, dict]) -> None:
    own = claims["The majority of our patients get relief from ketamine."]
    assert own["verdict"] == "insufficient", own["explanation"]
    assert "the clinic's own patients ('The majority of our patients')" in own["explanation"]
