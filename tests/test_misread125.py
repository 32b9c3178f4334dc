"""Round 125 (in-sample, from the eighty-fifth set): "Ketamine does bring a risk of addiction, although its pattern is
not the same as that of opioids or alcohol" was read as a denial of addiction (the "is not" of its concession taken as
the claim's) and `contradicted` on the records of addiction: a red badge on a true warning. A trailing concession (",
although ...", ", though ...") is now no part of what the sentence mainly asserts (`normalise.main_clause`), as a
leading one already was not (a "though" that turns between clauses, "Here is the twist, though – ...", is no
concession). The claim keeps the opioids its concession names as a comparator, and comes out insufficient (no
head-to-head record of addiction), not supported: the concession's comparator is left for another round.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture, readings

TITLE = "Is ketamine addictive? Signs, risks and treatment"
RISK = "Ketamine does bring a risk of addiction, although its pattern is not the same as that of opioids or alcohol."
# guard: a denial in the main clause is still a denial, whatever the concession grants
DENIED = "Ketamine does not cause addiction, although some people misuse it."
NEAR_MISSES = {DENIED: "contradicted"}
claims = page_claims_fixture("\n\n".join([TITLE, RISK, *NEAR_MISSES]), TITLE)
test_a_denial_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_trailing_concession_is_not_the_claim(claims: dict[str, dict]) -> None:
    r = readings(TITLE, RISK, DENIED)
    assert r[RISK].polarity == "positive", r[RISK].reasons
    assert r[DENIED].polarity == "negative", r[DENIED].reasons
    # no red badge on the warning (what its comparator with opioids asks for is weighed as before)
    assert claims[RISK]["verdict"] not in ("contradicted", "mixed"), claims[RISK]["explanation"]
