"""A claim is supported only if every part of it is: a part of the sentence its reading does not carry (a joined clause,
a share or universal, an abbreviation the reading does not name, a fraction in words, a superlative, a comparison
without its comparator) caps a supported verdict at insufficient and is named. tests/adversarial/scope21.toml holds
the false sentences; here, the explanation, and true claims worded alike that keep the verdict they had."""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

PAGE = """Ketamine Infusions for Pain

Our clinic offers intravenous ketamine infusions for chronic pain.

Ketamine is an NMDA receptor antagonist.

Ketamine can cause nausea.

Ketamine relieves CRPS pain.

Ketamine relieves pain in patients with CRPS.

Ketamine relieves pain within minutes.

The most common side effects of ketamine are dissociation and nausea.

Ketamine reduces opioid use after surgery.

Ketamine blocks NMDA receptors and reduces central sensitization.

Ketamine can raise blood pressure and heart rate.

Relief from a ketamine infusion can last for weeks.

Relief begins within minutes and lasts up to a year.

Ketamine relieves pain in POTS.
"""

# True claims worded like the false ones (a superlative of a harm's frequency, an abbreviation the reading names, a
# clause joined by "and" whose words the reading carries, an onset alone): each keeps its verdict (main 0350f2f).
NEAR_MISSES = {
    "Ketamine is an NMDA receptor antagonist.": "supported",
    "Ketamine can cause nausea.": "supported",
    "Ketamine relieves CRPS pain.": "supported",
    "Ketamine relieves pain in patients with CRPS.": "supported",
    "Ketamine relieves pain within minutes.": "supported",
    "The most common side effects of ketamine are dissociation and nausea.": "supported",
    "Ketamine reduces opioid use after surgery.": "supported",
    "Ketamine blocks NMDA receptors and reduces central sensitization.": "supported",
    "Ketamine can raise blood pressure and heart rate.": "supported",
    "Relief from a ketamine infusion can last for weeks.": "supported",
}


claims = page_claims_fixture(PAGE, "Ketamine Infusions for Pain")


test_a_true_claim_worded_like_a_false_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_the_unchecked_part_is_named_and_the_verdict_on_the_reading_kept(claims: dict[str, dict]) -> None:
    # (a sentence whose subject is ketamine, "Ketamine relieves pain within minutes and lasts up to a year", is cut
    # into its parts and each is checked: tests/test_parts.py; one whose subject is the relief is read whole)
    joined = claims["Relief begins within minutes and lasts up to a year."]
    assert joined["verdict"] == "insufficient"
    assert "joined clause 'lasts up to a year'" in joined["explanation"]
    assert "On the reading alone the evidence would be supported" in joined["explanation"]
    abbreviation = claims["Ketamine relieves pain in POTS."]
    assert abbreviation["verdict"] == "insufficient"
    assert "abbreviation 'POTS'" in abbreviation["explanation"]
