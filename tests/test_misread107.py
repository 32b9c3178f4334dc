"""Round 107 (in-sample, from the seventy-sixth set): a page explaining how the FDA approves drugs had its general
sentences checked as claims about ketamine ("To get a drug approved, a company has to send the Food and Drug
Administration its clinical data", "After the FDA has approved a drug for one purpose, doctors are usually allowed to
prescribe it for others", "Calling a drug 'safe' does not mean it is free of side effects"), each given a verdict; the
labellers mark them as not claims. A sentence about any drug in general ("a drug", "any medicine" among its first words)
that does not refer to ketamine is about another subject ([extract.not_claim] other_subject). Not one whose subject is
ketamine ("This is a medicine that ...") nor one that likens ketamine to any drug ("Like any medicine, they can cause
side effects").
"""

from __future__ import annotations

from conftest import readings

TITLE = "Is ketamine approved for pain?"
APPROVED = "To get a drug approved, a company has to send the Food and Drug Administration its clinical data to review."
PRESCRIBED = (
    "After the FDA has approved a drug for one purpose, doctors are usually allowed to prescribe it for others."
)
SAFE = 'Calling a drug "safe" does not mean it is free of side effects.'
# guards: ketamine as the subject, or likened to any medicine, is still a claim
THIS = "This is a medicine that eases nerve pain quickly."
LIKE = "Like any medicine, ketamine can cause side effects, including hallucinations."


def test_how_any_drug_is_approved_is_not_a_claim_about_ketamine() -> None:
    r = readings(TITLE, APPROVED, PRESCRIBED, SAFE, THIS, LIKE)
    for quote in (APPROVED, PRESCRIBED, SAFE):
        assert quote not in r, (quote, r[quote].kind)
    assert r[THIS].kind == "onset" and r[LIKE].kind == "side_effect"
