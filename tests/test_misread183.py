"""Round 183 (in-sample, from the hundred-and-sixtieth and hundred-and-sixty-second sets): two side-effect claims were
supported on records that ketamine's side effects occur, though each says more. "Side effects were frequent; every one
of them began during the infusion and was gone a few minutes after the ketamine was given" says how they go (the
reviewers: mixed), and a palliative-care sheet's "Ketamine has an interaction with theophylline (tachycardia,
seizures) and one with levothyroxine" is about ketamine given with another drug (the reviewers: no evidence in the
library). data/weighing.toml [harm] qualifiers now take side effects that are "gone", "fade", "disappear", "vanish" or
"subside" (the harm is shown to happen; how it goes is not checked: mixed), and [interaction] partner takes "an
interaction with" as well as "interacts with" (a supported verdict whose cited sentences never name the other drug is
insufficient).
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

GONE = (
    "Side effects were frequent; every one of them began during the infusion and was gone a few minutes after the "
    "ketamine was given."
)
INTERACTION = (
    "Ketamine has an interaction with theophylline (tachycardia, seizures) and one with levothyroxine (watch for "
    "hypertension and tachycardia)."
)
# a guard: side effects said to happen, with nothing said of how they go, are still supported
PLAIN = "Ketamine infusions can cause nausea and vomiting."
TITLE = "Ketamine infusions for chronic pain"

claims = page_claims_fixture("\n\n".join([TITLE, GONE, INTERACTION, PLAIN]), TITLE)


def test_side_effects_said_to_be_gone_soon_are_not_supported_on_their_occurring(claims: dict[str, dict]) -> None:
    c = claims[GONE]
    assert c["verdict"] == "mixed", c["explanation"]
    assert "The claim says how the harm goes ('was gone')" in c["explanation"], c["explanation"]


def test_an_interaction_with_another_drug_is_not_shown_by_ketamine_s_own_effects(claims: dict[str, dict]) -> None:
    c = claims[INTERACTION]
    assert c["verdict"] == "insufficient", c["explanation"]
    assert "an interaction with 'theophylline'" in c["explanation"], c["explanation"]


test_side_effects_that_happen_are_still_supported = keeps_its_verdict({PLAIN: "supported"})
