"""Round 145 (in-sample, from the hundred-and-third set): a health site's "Only in the early 1970s did ketamine become
popular as a treatment for anxiety, depression that resists treatment, pain, and PTSD" (the reviewers: contradicted or
no evidence, item by item: the records date those uses to recent decades) was read as a claim that ketamine relieves
mood and pain, and `supported` on the trials of both: an endorsement of false history. When it became popular, dated
to a decade, is a claim of its history, whatever it was popular for (claim_text.toml history).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "What type of pain is ketamine effective for?"
DATED = "Only in the early 1970s did ketamine become popular as a treatment for anxiety, depression, pain and PTSD."
# guard: a claim of relief with no date is still one
RELIEF = "Ketamine is a popular treatment for pain and depression."
claims = page_claims_fixture("\n\n".join([TITLE, DATED]), TITLE)


def test_when_it_became_popular_is_history_not_a_claim_of_relief(claims: dict[str, dict]) -> None:
    r = readings(TITLE, DATED, RELIEF)
    assert r[DATED].kind == "history", r[DATED].reasons
    assert claims[DATED]["verdict"] != "supported", claims[DATED]["explanation"]
    assert r[RELIEF].kind != "history", r[RELIEF].reasons
