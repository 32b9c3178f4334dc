"""Round 180 (in-sample, from the hundred-and-fifty-sixth set): a clinic's list under "People in the situations or
with the conditions below may be told not to have this treatment:" ("- Blood pressure that is high and not under
control", "- Ongoing problems with substance abuse") was read item by item as harms ketamine causes, and supported on
records of raised blood pressure and of ketamine's abuse; the reviewers call each insufficient: no study gave ketamine
to people who already have these conditions. data/claim_text.toml lead_in_contraindication now takes patients "told
(advised, asked, warned) not to have" the treatment, so each item names a condition of the patient in whom ketamine
is not given (normalise.caution_item), weighed as such.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

LEAD = (
    "People in the situations or with the conditions below may be told not to have this treatment:\n"
    "- Blood pressure that is high and not under control.\n"
    "- Ongoing problems with substance abuse."
)
ITEMS = ["Blood pressure that is high and not under control.", "Ongoing problems with substance abuse."]
# a guard: a list of side effects to expect is still a list of harms ketamine causes
HARMS = "Side effects people are told to expect include:\n- Raised blood pressure."

TITLE = "Who should not have ketamine therapy?"

claims = page_claims_fixture("\n\n".join([TITLE, "Ketamine therapy is not right for everyone.", LEAD, HARMS]), TITLE)


@pytest.mark.parametrize("quote", ITEMS)
def test_a_condition_patients_are_told_not_to_have_it_with_is_no_harm(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    c = claims[quote]
    assert "a list of conditions in which ketamine must not be given" in c["explanation"], c["explanation"]
    assert c["verdict"] == "insufficient", c["explanation"]


def test_side_effects_to_expect_are_still_harms(claims: dict[str, dict]) -> None:
    quote = "Raised blood pressure."
    assert quote in claims, sorted(claims)
    assert "must not be given" not in claims[quote]["explanation"], claims[quote]["explanation"]
