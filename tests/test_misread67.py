"""Round 67 (in-sample, from the fifty-ninth set): all twenty-one wrong `contradicted` of the set came from three
sentences. Two clinics list addiction among the conditions ketamine treats ("Ketamine is of use in treating depression
..., fibromyalgia, addiction, and pain"); the sentence was read as a claim that ketamine causes no addiction and refuted
by the records of abuse. "Ketamine usually works quickly, and after prolonged ketamine infusions (4-14 days) the relief
can ... persist for as long as three months" took the infusions' length for the time relief takes to start and was
refuted by relief within minutes. Addiction named as an item of a list of conditions treated is a use disorder said to
be treated ([normalise] dependence_treated), and how long the infusions run is blanked out before a claim's time is read
([normalise] regimen_length).
"""

from __future__ import annotations

from ketalit.claims.normalise import guess_kind

from conftest import page_claims_fixture, readings

TITLE = "How does ketamine work?"
TREATS = (
    "Ketamine is of use in treating depression of both the bipolar and unipolar kind, anxiety disorders, PTSD, OCD, "
    "chronic migraine, fibromyalgia, addiction, and pain."
)
INFUSIONS = (
    "Ketamine usually works quickly, and after prolonged ketamine infusions (4-14 days) the relief can at times "
    "persist for as long as three months."
)

claims = page_claims_fixture("\n\n".join([TITLE, TREATS, INFUSIONS]) + "\n", TITLE)


def test_a_list_of_conditions_treated_is_not_a_denial_of_addiction(claims: dict[str, dict]) -> None:
    c = claims[TREATS]
    assert c["kind"] == "efficacy" and c["proposition"]["direction"] == "improves", c
    assert c["verdict"] != "contradicted", c["explanation"]
    # guard: addiction named among the harms after a "but" is still a harm
    kind, why = guess_kind("Ketamine treats pain, but it can cause hallucinations, nausea, and addiction.")
    assert kind == "dependence", why


def test_how_long_the_infusions_run_is_not_the_time_relief_takes(claims: dict[str, dict]) -> None:
    c = claims[INFUSIONS]
    measure = c.get("measure") or {}
    assert not (measure.get("quantity") == "onset_minutes" and measure.get("min", 0) >= 24 * 60), c
    assert c["verdict"] != "contradicted", c["explanation"]
    # guard: a time of relief beside an infusion's length is still read
    r = readings(TITLE, "After a 5-day ketamine infusion, relief can last for up to three months.")
    (reading,) = r.values()
    assert reading.quantity is not None and (reading.quantity.low, reading.quantity.high) == (90.0, 90.0)
