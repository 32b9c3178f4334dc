"""Round 126 (in-sample, from the eighty-fifth set): a clinicians' news item sets out a case ("Take a typical case: a
patient in middle age with neuropathic pain that resists treatment, who has gone through the usual add-on drugs with
no lasting benefit"), a non-claim that was read as a claim of lasting relief and `supported`: its "treatment" was
taken for ketamine, and under a heading that names ketamine its "patient" for what patients get. Treatment that a pain
resists is treatment in general ([extract] ketamine), and a patient who has gone through other drugs with no lasting
benefit, in a sentence that names no ketamine, is the patient's plight ([extract.not_claim] plight).
"""

from __future__ import annotations

from conftest import readings

HEADING = "How ketamine fits into chronic pain care"
CASE = (
    "Take a typical case: a patient in middle age with neuropathic pain that resists treatment, who has gone through "
    "the usual add-on drugs with no lasting benefit."
)
# guard: what a short course of infusions does for such a patient is still a claim
COURSE = "A short course of low-dose ketamine infusions can bring relief within days for such patients."


def test_a_case_set_out_is_not_a_claim() -> None:
    r = readings("NMDA receptor antagonists in chronic pain", HEADING, CASE, COURSE)
    assert CASE not in r, r[CASE].reasons if CASE in r else None
    assert COURSE in r
