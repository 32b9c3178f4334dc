"""Round 87 (in-sample, from the sixty-ninth set): "Misuse and dependence: ketamine is less addictive than opioids, yet
the chance that it will be misused or lead to dependence should not be overlooked" was read as a denial of dependence
("should not") and contradicted by the records of abuse: a warning read as its opposite. A risk that "should not be
overlooked" (or ignored, underestimated, dismissed) is a warning that it is real: [normalise] not_denied.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine and opioids: the risks"
WARNING = (
    "Misuse and dependence: ketamine is less addictive than opioids, yet the chance that it will be misused or lead "
    "to dependence should not be overlooked."
)
IGNORED = "The risks of ketamine should not be ignored."
# guard: a harm that should not happen is still denied
DENIED = "Ketamine should not cause addiction at the doses used for pain."


def test_a_risk_not_to_be_overlooked_is_a_warning_that_it_is_real() -> None:
    r = readings(TITLE, WARNING, IGNORED, DENIED)
    for quote in (WARNING, IGNORED):
        assert r[quote].direction == "causes" and r[quote].polarity == "positive", (quote, r[quote].reasons)
    assert r[DENIED].direction == "does_not_cause", r[DENIED].reasons
