"""Round 166 (in-sample, from the hundred-and-thirty-third set): "As opioids do, ketamine can leave people sedated (calm
and drowsy)", under the heading "How these two kinds of drug differ", was read by the rules as a side effect
(sedation) and then taken by the trained kind model for a statement of how ketamine is given (dosing, at probability
0.54), weighed on no record of the harm: insufficient, where the reviewers, on the trials that report sedation, say
supported. A side effect the sentence names, with no word of a dose, of how it is given (data/claim_text.toml
how_given: "a run of infusions ... while holding side effects to a minimum" stays dosing) or of anything getting
better, now keeps the rules' kind against the model's dosing (claims/normalise.py), as it already did against the
model's efficacy.
"""

from __future__ import annotations

from ketalit.claims.check import page_claims

from conftest import page_claims_fixture

SEDATED = "As opioids do, ketamine can leave people sedated (calm and drowsy)."
# guards: a sentence about the dose, or about a course of infusions, stays a dosing claim though it names a side effect
DOSE = "The usual dose of ketamine for pain is 0.3 mg/kg, which can leave people drowsy."
COURSE = (
    "Instead of a single session, patients usually get a run of infusions spread over a number of days, an approach "
    "meant to draw out the most therapeutic benefit while holding side effects to a minimum."
)
TITLE = "Is Ketamine an Opioid?"
PAGE = (
    f"{TITLE}\n\nHow these two kinds of drug differ\nKetamine does not belong to the opioids.\n{SEDATED}\n"
    "Even so, sedation is not where most of its effects come from.\n"
)


def test_a_named_side_effect_is_not_read_as_dosing() -> None:
    n = {c.quote: n for c, n in page_claims(PAGE, title=TITLE)}[SEDATED]
    assert n.kind == "side_effect" and n.outcomes == ["sedation"], (n.kind, n.outcomes, n.reasons)
    assert n.direction == "causes", n.reasons


claims = page_claims_fixture(PAGE, TITLE)


def test_the_side_effect_is_weighed_on_the_records_of_sedation(claims: dict[str, dict]) -> None:
    c = claims[SEDATED]
    assert c["verdict"] == "supported", c["explanation"]
    assert "sedation" in c["explanation"], c["explanation"]


def test_a_dose_or_a_course_stays_dosing() -> None:
    for quote in (DOSE, COURSE):
        n = {c.quote: n for c, n in page_claims(f"Ketamine infusions\n\n{quote}\n", title="Ketamine infusions")}[quote]
        assert n.kind == "dosing", (quote, n.kind, n.reasons)
