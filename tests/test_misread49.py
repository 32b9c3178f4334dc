"""Round 49 (in-sample, once the forty-fourth set was measured): a claim that ketamine is safe is capped at `mixed` by
credible reports of serious harms with it, and a harm that is serious whatever words report it (liver injury, bladder
injury: weighing.toml [harm] serious_outcomes) was read as serious by the stance rule ("serious hepatotoxicity
occurred with ketamine") but not by the cap, which counted only a sentence's own word for it. "Ketamine is safe" was
`mixed` only because a second record said "serious" in so many words; "Ketamine is safe at low doses", whose closest
records differ, was `supported` over Niesters 2014's liver and bladder injury and Yoo 2024's liver injury. And a record
read both ways on the claim (Niesters 2014: "well tolerated", and serious hepatotoxicity) was not counted as reporting
a serious harm: "Yes, when the right physician gives it at doses below those used for anesthesia, Ketamine is both
safe and effective" (the forty-fourth set's, labelled mixed) was `supported`.
"""

from __future__ import annotations

from conftest import page_claims_fixture

SAFE_LOW = "Ketamine is safe at low doses."
SAFE = "Ketamine is safe."
# the forty-fourth set's: Niesters 2014 is read both ways on it ("well tolerated"; serious hepatotoxicity), and a
# record read both ways that reports a serious harm reports it all the same
RIGHT_PHYSICIAN = (
    "Yes, when the right physician gives it at doses below those used for anesthesia, Ketamine is both safe and "
    "effective."
)
PAGE = "\n\n".join(["Is ketamine safe?", SAFE_LOW, SAFE, RIGHT_PHYSICIAN])
claims = page_claims_fixture(PAGE, "Is ketamine safe?")


def test_serious_harms_cap_a_claim_of_safety_whatever_words_report_them(claims: dict[str, dict]) -> None:
    for quote in (SAFE_LOW, SAFE, RIGHT_PHYSICIAN):
        c = claims[quote]
        assert c["kind"] == "safety", c
        assert c["verdict"] == "mixed", c["explanation"]
        # the explanation names the serious harms that cap it, with the records that report them
        assert "Serious harms are reported with ketamine" in c["explanation"], c["explanation"]
        assert "hepatotoxicity" in c["explanation"], c["explanation"]
