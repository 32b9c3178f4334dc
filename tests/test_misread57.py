"""Round 57 (in-sample, from the fifty-second set): a children's hospital's leaflet on ketamine sedation says "ketamine
is the safest and most effective sedative choice"; the claim was read as ketamine not causing sedation, and
contradicted by the trials in which sedation occurred with ketamine. Sedation is what it is given for there: the
claim is that ketamine is safe as a sedative.
"""

from __future__ import annotations

from ketalit.claims.check import page_claims

SEDATIVE = (
    "For children in the Emergency Department who need a brief procedure, ketamine is the safest and most effective "
    "sedative choice."
)
# guard: sedation denied as a harm is still sedation ("no sedative effects")
NOT_SLEEPY = "Low-dose ketamine has no sedative effects."


def _read(*sentences: str) -> dict[str, object]:
    text = "Ketamine sedation for children\n\n" + "\n\n".join(sentences) + "\n"
    return {c.quote: n for c, n in page_claims(text, title="Ketamine sedation for children")}


def test_a_claim_that_ketamine_is_a_safe_sedative_is_about_its_harms_not_sedation() -> None:
    n = _read(SEDATIVE)[SEDATIVE]
    assert n.direction == "does_not_cause", n
    assert n.outcomes == ["adverse_events"], n
    assert "what it is given for" in n.reasons["outcomes"]


def test_sedative_effects_denied_are_still_sedation_denied() -> None:
    n = _read(NOT_SLEEPY)[NOT_SLEEPY]
    assert "sedation" in n.outcomes, n
