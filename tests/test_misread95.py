"""Round 95 (in-sample, from the seventy-third set, after it was measured): a reposted article wrote its reference marks
in square brackets after each full stop ("... full dissociation follows in 5-10 minutes.[3] By the IM route the dose
is 3-4 mg/kg ..."), and the sentence splitter, which wanted a space after the stop, joined three sentences into one
claim: read as a claim of safety and contradicted by records of sedation, it stood for eight labelled claims. A
reference mark in square brackets after a stop ends the sentence as the stop does (extract._SENT_END).
"""

from __future__ import annotations

from ketalit.claims.extract import sentences

ARTICLE = (
    "It usually starts to act within 1 minute, and full dissociation follows in 5-10 minutes.[3] By the IM route the "
    "dose is 3-4 mg/kg, and it takes 5-20 minutes to act.[2,3] IV doses above 1.5 mg/kg do not seem to deepen the "
    "sedation; they only make it last longer.[4-6] At sub-anaesthetic doses ketamine also relieves pain."
)


def test_a_reference_mark_after_the_stop_ends_the_sentence() -> None:
    got = [s.text for s in sentences(ARTICLE, 0)]
    assert got == [
        "It usually starts to act within 1 minute, and full dissociation follows in 5-10 minutes.[3]",
        "By the IM route the dose is 3-4 mg/kg, and it takes 5-20 minutes to act.[2,3]",
        "IV doses above 1.5 mg/kg do not seem to deepen the sedation; they only make it last longer.[4-6]",
        "At sub-anaesthetic doses ketamine also relieves pain.",
    ], got


def test_brackets_that_are_not_reference_marks_still_do_not_end_a_sentence() -> None:
    # a bracket inside a sentence, and a stop followed by a bracketed word, are read as before
    text = "Ketamine [an NMDA antagonist] eases pain. [Editor's note] It is given by drip."
    got = [s.text for s in sentences(text, 0)]
    assert got == ["Ketamine [an NMDA antagonist] eases pain.", "[Editor's note] It is given by drip."], got
