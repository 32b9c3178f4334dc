"""Round 129 (in-sample, from the eighty-sixth set): "People given outpatient ketamine infusions on several days in a
row for long-term neuropathic pain had minimal side effects and kept stable hemodynamics, according to a retrospective
review of patient charts ..." was `contradicted` on trials in which side effects occurred (the reviewers: mixed for the
side effects, insufficient for the hemodynamics). A claim that a harm is minimal, minor, mild or slight says how much of
it there is, not that there is none, as one that it is rare says how often: records that it happens make it mixed at
most, not contradicted ([harm] rare in weighing.toml), and the explanation says so.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "For recalcitrant neuropathic pain, consider outpatient ketamine"
MINIMAL = (
    "People given outpatient ketamine infusions on several days in a row for long-term neuropathic pain had minimal "
    "side effects and kept stable hemodynamics, according to a retrospective review of patient charts presented at "
    "the 2012 annual meeting of the American Academy of Pain Medicine."
)
# guard: a harm denied outright is still contradicted by records of it
NEVER = "Ketamine infusions do not cause hallucinations."
claims = page_claims_fixture("\n\n".join([TITLE, MINIMAL, NEVER]), TITLE)


def test_a_minimal_harm_is_not_refuted_by_its_occurrence(claims: dict[str, dict]) -> None:
    assert claims[MINIMAL]["verdict"] != "contradicted", claims[MINIMAL]["explanation"]
    assert "the harm is slight ('minimal')" in claims[MINIMAL]["explanation"], claims[MINIMAL]["explanation"]
    assert claims[NEVER]["verdict"] == "contradicted", claims[NEVER]["explanation"]
