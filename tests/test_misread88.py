"""Round 88 (in-sample, from the sixty-ninth set): "It was chosen because it made the sedatives used in surgery work
better and because it eased pain" was read as a claim that ketamine improves sedation (the outcome word "sedatives")
and contradicted by the trials in which sedation was worse with ketamine, where the reviewers call the relief
supported. "The sedatives" are drugs given, not the patient sedated ([normalise.outcome_words] sedation).
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine infusion for chronic pain"
CHOSEN = "It was chosen because it made the sedatives used in surgery work better and because it eased pain."
# guards: sedation the drug gives is still sedation
SEDATIVE = "Ketamine is a sedative."
SLEEPY = "Ketamine can make you sleepy, like the sedatives you may know."


def test_the_sedatives_given_are_not_sedation() -> None:
    r = readings(TITLE, CHOSEN, SEDATIVE, SLEEPY)
    assert "sedation" not in r[CHOSEN].outcomes and "pain_intensity" in r[CHOSEN].outcomes, r[CHOSEN].outcomes
    for quote in (SEDATIVE, SLEEPY):
        assert r[quote].kind == "side_effect" and "sedation" in r[quote].outcomes, (quote, r[quote].kind)
