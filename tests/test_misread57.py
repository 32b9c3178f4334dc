"""Round 57 (in-sample, from the fifty-second set): a children's hospital's leaflet on ketamine sedation says "ketamine
is the safest and most effective sedative choice"; the claim was read as ketamine not causing sedation, and
contradicted by the trials in which sedation occurred with ketamine. Sedation is what it is given for there: the
claim is that ketamine is safe as a sedative.
"""

from __future__ import annotations

from conftest import readings

SEDATIVE = (
    "For children in the Emergency Department who need a brief procedure, ketamine is the safest and most effective "
    "sedative choice."
)
# guard: sedation denied as a harm is still sedation ("no sedative effects")
NOT_SLEEPY = "Low-dose ketamine has no sedative effects."


def test_a_claim_that_ketamine_is_a_safe_sedative_is_about_its_harms_not_sedation() -> None:
    n = readings("Ketamine sedation for children", SEDATIVE)[SEDATIVE]
    assert n.direction == "does_not_cause", n
    assert n.outcomes == ["adverse_events"], n
    assert "what it is given for" in n.reasons["outcomes"]


def test_sedative_effects_denied_are_still_sedation_denied() -> None:
    n = readings("Ketamine sedation for children", NOT_SLEEPY)[NOT_SLEEPY]
    assert "sedation" in n.outcomes, n
