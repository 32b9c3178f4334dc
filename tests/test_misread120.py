"""Round 120 (in-sample, from the eighty-third set): two statements of ketamine's long use came out insufficient; the
reviewers call both supported. "Medicine, though, has made use of it for decades" left "though" and "made" for a
record to name; they say nothing a record must state ([textbook] history_general_words). "Several medicines block
this receptor, most notably ketamine, which anaesthetists have relied on for a long time" was read as saying that the
block lasts a long time and that the mechanism does something for patients ("which anaesthetists have ..." taken as
a consequence); a span after a verb of use is how long the drug has been used ([textbook] use_span), and a plural
noun after "which" that a verb follows is the clause's subject, not its verb ([parts] consequence_after).
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

TITLE = "What is ketamine and how does it work?"
DECADES = "Medicine, though, has made use of it for decades."
RELIED = (
    "Several medicines block this receptor, most notably ketamine, which anaesthetists have relied on for a long time."
)
# guards: a mechanism said to last is still checked for lasting; a consequence said after "which" still is one
LASTS = "Ketamine blocks NMDA receptors in the spinal cord for months after the infusion."
CONSEQUENCE = "Ketamine blocks NMDA receptors, which gives patients a fresh start."
NEAR_MISSES = {LASTS: "insufficient", CONSEQUENCE: "mixed"}
claims = page_claims_fixture("\n\n".join([TITLE, DECADES, RELIED, *NEAR_MISSES]), TITLE)
test_near_misses_keep_their_verdicts = keeps_its_verdict(NEAR_MISSES)


def test_statements_of_long_use_are_read_as_use(claims: dict[str, dict]) -> None:
    for quote in (DECADES, RELIED):
        c = claims[quote]
        assert c["verdict"] == "supported", (quote, c["explanation"])
    assert "that the change lasts" not in claims[RELIED]["explanation"]
    assert "does for patients" not in claims[RELIED]["explanation"]
    assert "that the change lasts" in claims[LASTS]["explanation"], claims[LASTS]["explanation"]
    assert "does for patients ('patients a fresh start')" in claims[CONSEQUENCE]["explanation"]
