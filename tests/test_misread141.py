"""Round 141 (in-sample, from the ninety-seventh set): a clinic's "A recent survey points to ketamine's long-term
safety: it looked at 6,630 patients given IV ketamine for depression across 36 separate treatment centres" read the
depression the patients were given ketamine for as a harm it was said not to cause (a claim that it does not worsen
mood), and was `contradicted` on the records of mood and adverse events (the reviewers: mixed, as a claim of safety
with serious harms on record). In a safety claim the conditions the patients were given it for are what it treats,
not a harm denied (claim_text.toml safe_for_condition).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "The disclaimer"
SURVEY = (
    "A recent survey points to ketamine's long-term safety: it looked at 6,630 patients given IV ketamine for "
    "depression across 36 separate treatment centres."
)
# guard: a harm said not to happen is still one in a safety claim
NO_MOOD = "Ketamine is safe and does not cause depression."
claims = page_claims_fixture("\n\n".join([TITLE, SURVEY]), TITLE)


def test_the_condition_patients_were_given_it_for_is_no_harm_denied(claims: dict[str, dict]) -> None:
    r = readings(TITLE, SURVEY, NO_MOOD)
    assert "mood" not in r[SURVEY].outcomes, r[SURVEY].reasons
    assert claims[SURVEY]["verdict"] != "contradicted", claims[SURVEY]["explanation"]
    assert "mood" in r[NO_MOOD].outcomes, r[NO_MOOD].reasons
