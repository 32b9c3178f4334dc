"""Round 74 (in-sample, from the sixty-fourth set): "On top of that, ketamine might lessen tolerance to opioids" was
`supported` as relief of pain (an effect that names no outcome defaults to it). Tolerance to a drug said to be
lessened ([normalise] tolerance_lessened) is less opioid use, shown only by a record that names tolerance (a concept).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "How ketamine may help pain"
TOLERANCE = "On top of that, ketamine might lessen tolerance to opioids."
# guard: an effect that names no outcome is still relief of pain
HELPS = "Ketamine helps many patients."

claims = page_claims_fixture("\n\n".join([TITLE, TOLERANCE]) + "\n", TITLE)


def test_tolerance_lessened_is_not_pain_relief() -> None:
    r = readings(TITLE, TOLERANCE, HELPS)
    assert r[TOLERANCE].outcomes == ["opioid_consumption"], r[TOLERANCE].reasons
    assert r[TOLERANCE].concepts == [["tolerance"]], r[TOLERANCE].reasons
    assert r[HELPS].outcomes == ["pain_intensity"], r[HELPS].reasons


def test_tolerance_lessened_needs_a_record_that_names_tolerance(claims: dict[str, dict]) -> None:
    c = claims[TOLERANCE]
    assert c["verdict"] == "insufficient" and "'tolerance'" in c["explanation"], c["explanation"]
