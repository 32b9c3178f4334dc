"""Round 56 (in-sample, from the fifty-first set): the engine was too cautious on claims its reviewers call supported,
through three misreadings.

- Psychedelic effects are a harm: "Ketamine can cause psychedelic effects" was read as an effect that improves
  psychotomimetic symptoms; "psychedelic effects were more frequent with ketamine than with placebo (ratio of risks
  5.35 ...)" as a claim of safety (the trained kind model read "risks"; "ratio of risks" is a statistic's name).
- A comparison with placebo is what a controlled trial of ketamine shows, not a comparison with a treatment the
  reading does not name.
- "It cannot make pain go away for good" says relief is only temporary: its "for good" is carried by that reading.
"""

from __future__ import annotations

from conftest import page_claims_fixture

CAUSES = "Ketamine can cause psychedelic effects."
MORE_OFTEN = (
    "Across 4 studies, psychedelic effects were more frequent with ketamine than with placebo (ratio of risks 5.35)."
)
NOT_FOR_GOOD = "It cannot make pain go away for good."
# guards: a claim of safety keeps its kind; a comparison with another drug is still one
SAFE = "Ketamine is safe, and the risk of addiction is low."
THAN_MORPHINE = "Ketamine relieves pain better than morphine."

claims = page_claims_fixture(
    "\n\n".join(["Ketamine for chronic pain", CAUSES, MORE_OFTEN, NOT_FOR_GOOD, SAFE, THAN_MORPHINE]),
    "Ketamine for chronic pain",
)


def test_psychedelic_effects_are_a_harm_that_happens(claims: dict[str, dict]) -> None:
    for sentence in (CAUSES, MORE_OFTEN):
        c = claims[sentence]
        assert c["kind"] == "side_effect", c
        assert c["proposition"]["direction"] == "causes" and "psychotomimetic" in c["proposition"]["outcomes"], c
        assert c["verdict"] == "supported", c["explanation"]
        assert "does not name" not in c["explanation"], c["explanation"]


def test_relief_not_for_good_is_read_as_only_temporary(claims: dict[str, dict]) -> None:
    c = claims[NOT_FOR_GOOD]
    assert c["proposition"]["direction"] == "fades", c
    assert c["verdict"] == "supported", c["explanation"]


def test_safety_and_a_comparison_with_another_drug_are_read_as_before(claims: dict[str, dict]) -> None:
    assert claims[SAFE]["kind"] in ("safety", "dependence"), claims[SAFE]
    assert claims[THAN_MORPHINE]["kind"] == "comparative", claims[THAN_MORPHINE]
