"""Round 94 (in-sample, from the seventy-first set, after it was measured): "It may act by curbing cravings and by
helping to reset the brain's reward system" (of addiction to opioids and alcohol) was read as a claim that ketamine
causes dependence ("cravings") and `supported` by the records of ketamine misuse, where the reviewers find nothing on
ketamine treating an addiction (insufficient). Cravings said to be curbed, whatever they are for, are a dependence
treated ([normalise] dependence_treated), and a record of misuse of or dependence on ketamine itself (no control
group) is the drug's own harm, not evidence against a dependence it is said to treat (stance._vote_improves).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Frequently asked questions"
LEAD = (
    "Ketamine is a medicine that has been found to work against a range of conditions. Among the conditions it can "
    "treat are:"
)
ITEM = (
    "- Addiction: doctors have used ketamine to treat addiction to substances such as opioids and alcohol. It may act "
    "by curbing cravings and by helping to reset the brain's reward system."
)
CURBING = "It may act by curbing cravings and by helping to reset the brain's reward system."
ALCOHOL = "Ketamine may reduce cravings for alcohol."
# guard: a craving ketamine is said to cause is still dependence
CAUSES = "Ketamine can cause cravings and addiction."
PAGE = "\n".join([TITLE, "", LEAD, "", ITEM]) + "\n"
claims = page_claims_fixture(PAGE, TITLE)


def test_cravings_curbed_are_a_dependence_treated() -> None:
    r = readings(TITLE, LEAD + "\n\n" + ITEM, ALCOHOL, CAUSES)
    assert r[CURBING].kind == "efficacy" and r[CURBING].outcomes == ["abuse_dependence"], r[CURBING].reasons
    # the substance named is still what the dependence is on
    assert r[ALCOHOL].concepts == [["alcohol"]], r[ALCOHOL].concepts
    assert r[CAUSES].kind == "dependence" and r[CAUSES].direction == "causes"


def test_curbing_cravings_is_not_supported_by_misuse_of_ketamine(claims: dict[str, dict]) -> None:
    c = claims[CURBING]
    assert c["verdict"] not in ("supported", "contradicted"), c["explanation"]
