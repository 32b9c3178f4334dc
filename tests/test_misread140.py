"""Round 140 (in-sample, from the ninety-seventh set): a news story's "Because little research exists on how well it
works against pain, certain experts fear the country could be making once more the errors that led to the opioid
crisis: prescribing too much of a doubtful drug that brings considerable risks to safety and of abuse" was read as a
claim that ketamine is safe for want of a risk of abuse ("safety" taken for a word of safety) and `contradicted` on the
records of abuse: a red badge on a true warning (the reviewers: supported). Risks to safety, and safety risks or
concerns, put safety in doubt: a warning that harm may come (claim_text.toml safety_doubted).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine becomes a new option for pain"
FEAR = (
    "Because little research exists on how well ketamine works against pain, certain experts fear doctors are "
    "prescribing too much of a doubtful drug that brings considerable risks to safety and of abuse."
)
CONCERNS = "Ketamine carries safety concerns when it is used over long periods."
# guards: a denial of safety concerns is still a claim of safety, and a plain one still is
NONE = "Nor were there any significant safety concerns with ketamine."
SAFE = "Ketamine has an excellent safety record."
claims = page_claims_fixture("\n\n".join([TITLE, FEAR, SAFE]), TITLE)


def test_risks_to_safety_are_a_warning_of_harm_not_a_claim_of_safety(claims: dict[str, dict]) -> None:
    r = readings(TITLE, FEAR, CONCERNS, NONE, SAFE)
    assert r[FEAR].direction == "causes", r[FEAR].reasons
    assert claims[FEAR]["verdict"] != "contradicted", claims[FEAR]["explanation"]
    assert r[CONCERNS].direction == "causes", r[CONCERNS].reasons
    assert r[SAFE].direction == "does_not_cause", r[SAFE].reasons
    assert NONE not in r or r[NONE].direction != "causes", r[NONE].reasons
