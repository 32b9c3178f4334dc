"""Round 100 (in-sample, from the seventy-fifth set): "The drug clears out of the body very fast, mostly inside 12
hours, yet its therapeutic benefits can last a long time ..." was read as a claim that relief starts at 12 hours (the
speed and the time were the drug's clearance) and contradicted by relief at 15 minutes; "Ketamine's half-life is
80-180 minutes" was read as a time of relief too. How fast the body clears the drug ([normalise] clearance: "clears out
of the body", "leaves the body", "is eliminated from the body", "half-life") is its pharmacokinetics, a mechanism, and
its time is not relief's; a sentence that also says relief lasts is read on its clause about relief. pages_eval
--claims over the 74 sets: the half-life claim fixed (no evidence), the clearance sentence from a wrong contradicted to
mixed (the reviewers: supported, on its lasting benefit), nothing else moved.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine side effects"
CLEARS = (
    "The drug clears out of the body very fast, mostly inside 12 hours, yet its therapeutic benefits can last a long "
    "time because of the processes that take place while the drug is in the body."
)
HALF_LIFE = "Ketamine's half-life is 80-180 minutes."
LEAVES = "Ketamine leaves the body within a few hours."
# guards: relief said to last past the drug's clearance keeps its time; relief's own speed is still onset
OUTLASTS = "Relief can last for weeks, long after the drug has left the body."
FAST = "Ketamine relieves pain within 15 minutes."


def test_how_fast_the_body_clears_it_is_no_time_of_relief() -> None:
    r = readings(TITLE, HALF_LIFE, LEAVES, FAST)
    for quote in (HALF_LIFE, LEAVES):
        assert r[quote].kind == "mechanism" and r[quote].quantity is None, (quote, r[quote].reasons)
    assert r[FAST].kind == "onset"


def test_a_sentence_on_clearance_and_lasting_relief_is_read_on_relief() -> None:
    r = readings(TITLE, CLEARS, OUTLASTS)
    assert r[CLEARS].kind == "duration", r[CLEARS].reasons
    assert r[CLEARS].quantity is None or r[CLEARS].quantity.low > 0.5, r[CLEARS].quantity
    q = r[OUTLASTS].quantity
    assert r[OUTLASTS].kind == "duration" and q is not None and q.low >= 7, (q, r[OUTLASTS].reasons)
