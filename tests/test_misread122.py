"""Round 122 (in-sample, after the eighty-fourth set): fourteen of that set's 34 non-claims got a verdict, most of them
the design of a trial or review a page reports: "The trial set out to compare how well and how safely ...", "It was a
double-blind randomised controlled study of 90 emergency department patients ...", "The main outcome was how far the
numeric pain scores fell ...", "It was made up of three studies with 261 adult ED patients in total", "Study
population: 870 adults ...". What a study set out to do, what it was, what it measured and what it took in, with no
word of what it found, is now no claim ([extract.not_claim] meta), nor are studies set against each other before their
findings are given, nor a reference by its authors.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine or morphine for pain in the emergency department?"
AIM = "The trial set out to compare how well and how safely sub-dissociative IV ketamine and morphine relieve pain."
DESIGN = (
    "It was a double-blind randomised controlled study of 90 emergency department patients with acute pain, who "
    "received either morphine or intravenous ketamine at a sub-dissociative dose."
)
OUTCOME = "The main outcome was how far the numeric pain scores fell with ketamine compared with morphine."
TOOK_IN = "It was made up of three studies with 261 adult ED patients in total."
POPULATION = "Study population: 870 adults in all who attended the emergency department in acute pain."
SET_AGAINST = "Two meta-analyses published recently set ketamine against opioid painkillers in adults with acute pain."
REFERENCE = "Ghate G, Clark E and Vaillancourt C: a systematic review of low-dose ketamine in the ED."
DESIGNS = (AIM, DESIGN, OUTCOME, TOOK_IN, POPULATION, SET_AGAINST, REFERENCE)
# guards: what the trial found, and what a review that pooled trials showed, are still claims
FOUND = "In the trial, ketamine relieved pain as well as morphine at 30 minutes."
POOLED_FOUND = "The review pooled 12 trials and showed that ketamine relieved pain after surgery."


def test_a_study_design_is_not_a_claim() -> None:
    r = readings(TITLE, "Ketamine is a painkiller.", *DESIGNS, FOUND, POOLED_FOUND)
    assert [q for q in DESIGNS if q in r] == []
    assert FOUND in r and POOLED_FOUND in r
