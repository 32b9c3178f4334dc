"""Round 106 (in-sample, from the seventy-second set): "There is also evidence that how fast it is given may affect side
effects" was read as a claim of onset ("how fast" it acts) and supported by relief within minutes; the reviewers
call it mixed, a claim about the rate of giving and side effects. "How fast it is given", "how fast the infusion is
delivered" and "the speed of the infusion" are the rate at which the drug is given, not the speed of its action
([normalise] speed). pages_eval --claims over the 75 sets: that wrong supported to insufficient, nothing else moved.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine"
RATE = "There is also evidence that how fast it is given may affect side effects."
SPEED = "The speed of the infusion may change which side effects patients have."
# guards: how fast it works is still onset
WORKS = "Patients are often amazed by how fast it works on their pain."
FAST = "Ketamine works fast."


def test_the_rate_of_giving_is_no_speed_of_action() -> None:
    r = readings(TITLE, RATE, SPEED, WORKS, FAST)
    for quote in (RATE, SPEED):
        assert r[quote].kind != "onset", (quote, r[quote].reasons)
        assert "how fast it acts" not in r[quote].reasons["kind"], r[quote].reasons
    assert r[WORKS].kind == "onset" and r[FAST].kind == "onset"
