"""Round 123 (in-sample, after the eighty-fourth set): a hospital's pathway for ketamine in the emergency department
lists what is checked ("Monitoring: Blood pressure, heart rate, breathing rate, oxygen saturation and pain score before
the dose, 15 minutes after it and 60 minutes after it") and who gives it ("The attending physician must approve it and
the prescriber must give it"); the first was read as a claim that ketamine changes blood pressure and heart rate and
`supported`. The vital signs checked and when, with no change said of them, and who must approve or give it, are now
the protocol ([extract.not_claim] protocol), and when a study's outcomes were taken ("Side effects and pain scores were
noted at 15, 30, 60, 90 and 120 minutes") is its design ([extract.not_claim] meta).
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine (dosing below the dissociative range)"
LEAD = "Ketamine blocks the NMDA receptor and is a strong painkiller."
CHECKED = (
    "Blood pressure, heart rate, breathing rate, oxygen saturation and pain score before the dose, 15 minutes after it "
    "and 60 minutes after it"
)
WHO = "The attending physician must approve it and the prescriber must give it (nurses may not)"
NOTED = "Side effects and pain scores were noted at 15, 30, 60, 90 and 120 minutes."
# guards: a change in blood pressure said of the dose, and pain scores with what they showed, are still claims
RISES = "Ketamine raises blood pressure and heart rate a little in the minutes after the dose."
SHOWED = "Pain scores were recorded at 30 minutes and were lower with ketamine than with morphine."


def test_what_is_checked_and_who_gives_it_is_the_protocol() -> None:
    r = readings(
        TITLE, LEAD, "Monitoring:", f"- {CHECKED}", "Dose and how to give it:", f"- {WHO}", NOTED, RISES, SHOWED
    )
    found = {q.split(": ", 1)[-1] for q in r}
    assert CHECKED not in found and WHO not in found and NOTED not in found, sorted(found)
    assert RISES in found and SHOWED in found, sorted(found)
