"""Round 90 (in-sample, from the seventieth set, after it was measured): "A genuine advantage of ketamine is that
patients go on breathing as strongly as they did before" was read as a claim that ketamine's harm to breathing
happens, and `supported` by the records of airway and breathing events, where the reviewers call it contradicted (an
absolute claim of no respiratory depression, against an apnoea and events in 3.9% of 8,282 sedations). A function
said to be kept ("breathing is preserved", "go on breathing", "keep breathing normally", "breathe on their own") is a
reassurance: the harm to it is said not to happen ([normalise] harm_reassured in claim_text.toml), and the function's
name stays the harm denied.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture, readings

TITLE = "Is ketamine safer than opioids?"
GO_ON = "A genuine advantage of ketamine is that patients go on breathing as strongly as they did before."
PRESERVED = "Breathing is preserved with ketamine."
KEEP = "With ketamine, patients keep breathing normally."
# guards: a harm to breathing said to happen is still one
SLOW = "Ketamine can slow your breathing."
NEAR_MISSES = {SLOW: "supported"}
PAGE = "\n\n".join([TITLE, GO_ON, PRESERVED, *NEAR_MISSES])
claims = page_claims_fixture(PAGE, TITLE)
test_claims_worded_near_the_misread_one_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_breathing_kept_is_a_harm_to_breathing_denied() -> None:
    r = readings(TITLE, GO_ON, PRESERVED, KEEP, SLOW)
    for quote in (GO_ON, PRESERVED, KEEP):
        assert r[quote].direction == "does_not_cause", (quote, r[quote].reasons)
        assert r[quote].outcomes == ["respiratory"], (quote, r[quote].outcomes)
    assert r[SLOW].direction == "causes" and "respiratory" in r[SLOW].outcomes


def test_breathing_as_strongly_as_before_is_not_supported_by_breathing_events(claims: dict[str, dict]) -> None:
    for quote in (GO_ON, PRESERVED):
        c = claims[quote]
        assert c["verdict"] != "supported", (quote, c["explanation"])
