"""Round 162 (in-sample, from the hundred-and-twenty-third, hundred-and-thirtieth and hundred-and-thirty-first sets): a
negation that names no harm was read as a claim that a harm never happens and contradicted by any report of the harm:
"It is still prized today ... for cases needing sedation, pain relief or induction without an IV line" (sedation and
pain scores taken for the harm), "On all those counts ketamine's risk profile is very, very low, which is not
something you can say of morphine". A claim is now absolute about a harm only where the clause it denies names one
(data/claim_text.toml harm, side_effect, dependence, harm_general, harm_grave): "has no side effects" and "no risk of
addiction" still are.
"""

from __future__ import annotations

from ketalit.claims.catalogue import Claim
from ketalit.claims.verdict import absolute_denial


def _claim(quote: str, kind: str, outcomes: list[str]) -> Claim:
    return Claim(
        id="000-01", document="000", file="", quote=quote, start=0, end=len(quote), kind=kind, routes=[],
        outcomes=outcomes, settings=[], assertion="", direction="does_not_cause",
    )  # fmt: skip


def test_a_denial_that_names_no_harm_is_not_absolute() -> None:
    for quote in (
        "It is still prized today for cases needing sedation, pain relief or induction without an IV line.",
        "Its risk profile is very, very low, which is not something you can say of morphine.",
        "No standard protocol exists, and the best dose is still under study.",
    ):
        assert absolute_denial(_claim(quote, "safety", ["adverse_events"])) == "", quote


def test_a_denial_that_names_the_harm_stays_absolute() -> None:
    assert absolute_denial(_claim("Ketamine has no side effects.", "safety", ["adverse_events"])).startswith("no")
    assert absolute_denial(_claim("There is no risk of addiction.", "dependence", ["abuse_dependence"])) != ""
    assert absolute_denial(_claim("It works without causing hallucinations.", "side_effect", ["psychotomimetic"]))
    # a harm named more finely than its outcome ("the heart rate") is a harm too
    lowering = "Its value lay in producing anesthesia and amnesia without lowering either the heart rate or breathing."
    assert absolute_denial(_claim(lowering, "safety", ["cardiovascular", "respiratory"])) != ""
