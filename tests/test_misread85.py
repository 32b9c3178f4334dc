"""Round 85 (in-sample, from the sixty-eighth set): "Whereas opioids do no more than block pain signals, ketamine acts
on the NMDA receptors of the brain and the spinal cord" was read as a negative claim ("no") and contradicted by the
records that state the very mechanism it names. "No more than" and "no less than" say how much, not that something
is denied ([normalise] negation: "no" before them is no negation).
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine troche dosage for pain"
WHEREAS = (
    "Whereas opioids do no more than block pain signals, ketamine acts on the NMDA receptors of the brain and the "
    "spinal cord."
)
# guard: "no" is still a negation elsewhere
DENIED = "Ketamine causes no respiratory depression."


def test_no_more_than_is_no_negation() -> None:
    r = readings(TITLE, WHEREAS, DENIED)
    assert r[WHEREAS].kind == "mechanism" and r[WHEREAS].polarity == "positive", r[WHEREAS].reasons
    assert r[DENIED].polarity == "negative" or r[DENIED].direction == "does_not_cause", r[DENIED].reasons
