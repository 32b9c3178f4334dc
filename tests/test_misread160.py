"""Round 160 (in-sample, met while writing round 159's test): "Ketamine does not cut the need for opioid painkillers in
the days following surgery" was read as a claim that ketamine cuts it, and so supported by the trials that found less
opioid use, the reverse of what the sentence says; "did not cut" and "does not bring pain down" were not among the
words that deny an effect (data/claim_text.toml effect_denied), as "does not reduce" and "does not lower" are. They are
now, and such a sentence is weighed as a denial of the effect.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for pain"
CUT = "Ketamine does not cut the need for opioid painkillers in the days following surgery."
REDUCE = "Ketamine does not reduce the need for opioid painkillers after an operation."
claims = page_claims_fixture("\n\n".join([TITLE, CUT, REDUCE]), TITLE)


def test_does_not_cut_denies_the_effect_as_does_not_reduce_does(claims: dict[str, dict]) -> None:
    for quote in (CUT, REDUCE):
        claim = claims[quote]
        assert claim["proposition"]["direction"] == "no_effect", claim["proposition"]
        assert claim["verdict"] != "supported", claim["explanation"]
        assert "the claim denies that" in claim["explanation"], claim["explanation"]
