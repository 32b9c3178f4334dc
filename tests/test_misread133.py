"""Round 133 (in-sample, from the eighty-ninth set): "Research has produced mixed findings on whether ketamine gives
pain relief that lasts over the long term", a claim about the evidence, was weighed as a claim that relief lasts and
called mixed (the reviewers: supported, for the evidence is mixed). The evidence said to be mixed
([evidence_strength] mixed in weighing.toml) is now weighed for the effect as weak evidence is: it holds where the
effect is mixed and is mixed where the effect is supported; said of one study ("A 2005 study ... reported mixed
results") it is that study's result, a claim of the effect.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Can ketamine deliver the pain relief you need?"
MIXED = "Research has produced mixed findings on whether ketamine gives pain relief that lasts over the long term."
# guard: one study's mixed results are that study's, not the state of the evidence
ONE = "A 2005 study by Goldberg and colleagues reported mixed results with outpatient ketamine infusions for pain."
claims = page_claims_fixture("\n\n".join([TITLE, MIXED, ONE]), TITLE)


def test_evidence_said_to_be_mixed_holds_where_the_effect_is_mixed(claims: dict[str, dict]) -> None:
    c = claims[MIXED]
    assert "the strength of the evidence ('mixed findings')" in c["explanation"], c["explanation"]
    assert ("weighed for that effect, mixed" in c["explanation"]) == (c["verdict"] == "supported"), c["explanation"]
    assert "strength of the evidence" not in claims[ONE]["explanation"], claims[ONE]["explanation"]
