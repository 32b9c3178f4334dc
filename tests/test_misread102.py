"""Round 102 (in-sample, from the seventy-sixth set): "Because the early results looked promising, the FDA has given two
drugs based on ketamine breakthrough therapy status and fast-tracked their development" was read as a claim of onset
("fast", in "fast-tracked") and supported by relief at 15 minutes; the reviewers find no evidence. A regulator's
"fast-tracked" or "fast track" is the speed of an approval, not of the drug's action, and a regulator's designation
(breakthrough therapy status, fast track, orphan status) is a regulator's decision ([normalise] regulator_role): a
statement of its history, what it was given for read as its purpose.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine infusion for chronic pain"
FAST_TRACKED = (
    "Because the early results looked promising, the FDA has given two drugs based on ketamine breakthrough therapy "
    "status and fast-tracked their development."
)
# guards: the drug's own speed is still onset; an approval is still a regulator's decision
FAST = "Ketamine gives fast relief."
APPROVED = "The FDA approved ketamine as an anaesthetic in 1970."


def test_a_regulators_fast_track_is_no_speed_of_relief() -> None:
    r = readings(TITLE, FAST_TRACKED, FAST, APPROVED)
    assert r[FAST_TRACKED].kind == "history", r[FAST_TRACKED].reasons
    assert r[FAST].kind == "onset" and r[APPROVED].kind == "history"
