"""Round 75 (in-sample, from the sixty-fifth set): "Patients have described hallucinations, mood swings and cognitive
disturbances, which raises alarm about how safe the drug is when it is used over long periods" was `contradicted` as a
claim that the drug is safe ("how safe"): a warning read as its opposite. Safety put in doubt ([normalise]
safety_doubted: concerns, alarm, questions or doubts about its safety or how safe it is) is a warning that harm may
come, read before the words of safety.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine for chronic pain"
ALARM = (
    "Patients have described hallucinations, mood swings and cognitive disturbances, which raises alarm about how safe "
    "the drug is when it is used over long periods."
)
CONCERNS = "There are concerns about the long-term safety of ketamine."
# guard: a claim of safety is still one
RECORD = "Ketamine has an excellent safety record."


def test_safety_put_in_doubt_is_a_warning_of_harm() -> None:
    r = readings(TITLE, ALARM, CONCERNS, RECORD)
    for quote in (ALARM, CONCERNS):
        assert r[quote].direction == "causes", r[quote].reasons
        assert "safety put in doubt" in r[quote].reasons["direction"], r[quote].reasons
    assert r[RECORD].direction == "does_not_cause", r[RECORD].reasons
