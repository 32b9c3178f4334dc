"""A harm named as a label and qualified ("Nausea – rare", "Breathing problems: none", "High blood pressure: not an
issue") is the sentence it abbreviates: the qualifier is its predicate, read by the rules of rarity, negation and
reassurance, and an item whose qualifier no rule reads is not checkable, never "ketamine causes the harm". A claim for
every patient, cause, age or severity, or of the same relief however many infusions are given, names a part no reading
of an average effect checks. tests/adversarial/fix24b.toml holds the false sentences; here, how the items are read,
and true claims worded alike that keep the verdict they had (main d876a5a)."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import HARM_KINDS, normalise

from conftest import keeps_its_verdict, page_claims_fixture

LEAD = "Ketamine infusions: what to expect\n\nSide effects of ketamine therapy:\n\n"


def _item(item: str):
    (claim,) = [c for c in extract_claims(LEAD + f"- {item}\n", "t") if item[:12] in c.quote]
    return normalise(claim)


@pytest.mark.parametrize(
    "item",
    [
        "Nausea – rare",
        "Hallucinations: very rare",
        "Dizziness — uncommon and mild",
        "Vomiting – infrequent",
        "Breathing problems: none",
        "Addiction — none reported in pain patients",
        "Memory problems: not seen with infusions",
        "High blood pressure: not an issue",
        "Bladder damage: not a risk with medical ketamine",
        "Raised heart rate: not a concern at pain doses",
    ],
)
def test_a_harm_labelled_rare_or_absent_is_read_as_not_happening(item: str) -> None:
    n = _item(item)
    assert n.kind in HARM_KINDS, n.reasons
    assert n.direction == "does_not_cause", n.reasons
    assert "label" in n.reasons["asserts"], n.reasons


@pytest.mark.parametrize(
    "item",
    ["Nausea: mild and brief", "Dizziness: nothing to worry about", "Vomiting: mild", "Nausea – nothing serious"],
)
def test_a_qualifier_no_rule_reads_leaves_the_item_unchecked(item: str) -> None:
    n = _item(item)
    assert not n.checkable, n.reasons
    assert "qualifier" in n.reasons["checkable"], n.reasons


@pytest.mark.parametrize(
    "item",
    [
        "Nausea: common",
        "Hallucinations: frequent at higher doses",
        "Dizziness – possible during the infusion",
        "Nausea",
    ],
)
def test_a_harm_said_to_happen_or_named_bare_keeps_its_reading(item: str) -> None:
    n = _item(item)
    assert (n.kind in HARM_KINDS, n.direction, n.checkable) == (True, "causes", True), n.reasons


def test_a_list_of_harms_after_a_colon_is_no_qualifier() -> None:
    (claim,) = extract_claims("Ketamine infusions\n\nSide effects: nausea, dizziness and vivid dreams.\n", "t")
    n = normalise(claim)
    assert (n.direction, n.checkable) == ("causes", True), n.reasons
    assert "asserts" not in n.reasons


TITLE = "Ketamine infusions: side effects and results"
PAGE = f"""{TITLE}

Common side effects include:

- Nausea
- Hallucinations

Side effects of ketamine therapy:

- Nausea: common
- Hallucinations: frequent at higher doses

Side effects: nausea, dizziness and vivid dreams.

Ketamine can cause nausea.

Hallucinations are common with ketamine.

Ketamine relieves CRPS pain.

Ketamine is an NMDA receptor antagonist.

Ketamine reduces opioid use after surgery.

Repeated ketamine infusions relieve CRPS pain.

Ketamine relieves CRPS pain regardless of age.

Ketamine keeps working infusion after infusion.
"""

# True claims worded like the false ones: a harm named bare or said to happen, a list of harms after a colon, relief
# of a condition, repeated infusions as the subject; each keeps its verdict (main d876a5a)
NEAR_MISSES = {
    "Nausea": "supported",
    "Hallucinations": "supported",
    "Nausea: common": "supported",
    "Hallucinations: frequent at higher doses": "supported",
    "Side effects: nausea, dizziness and vivid dreams.": "supported",
    "Ketamine can cause nausea.": "supported",
    "Hallucinations are common with ketamine.": "supported",
    "Ketamine relieves CRPS pain.": "supported",
    "Ketamine is an NMDA receptor antagonist.": "supported",
    "Ketamine reduces opioid use after surgery.": "supported",
    "Repeated ketamine infusions relieve CRPS pain.": "supported",
}


claims = page_claims_fixture(PAGE, TITLE)


test_a_true_claim_worded_like_a_false_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


@pytest.mark.parametrize(
    ("quote", "part"),
    [
        ("Ketamine relieves CRPS pain regardless of age.", "universal 'regardless of'"),
        ("Ketamine keeps working infusion after infusion.", "repetition 'infusion after infusion'"),
    ],
)
def test_a_claim_for_every_patient_or_infusion_names_the_part_unchecked(
    claims: dict[str, dict], quote: str, part: str
) -> None:
    assert claims[quote]["verdict"] == "insufficient", claims[quote]["explanation"]
    assert part in claims[quote]["explanation"]
