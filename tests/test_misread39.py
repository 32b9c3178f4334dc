"""The thirty-seventh set's misreadings once it was measured and joined the folds (round 39).

- "Even so, there is no denying that it works well as an anesthetic" was read as a denial ("no ... works": a harm
  that never happens) and `contradicted` by reports of side effects: a double negative that affirms what follows is
  no negation of the claim.
- "The final outcome is that the pain response of the nervous system gets restarted" was `supported` by reviews that
  name the central nervous system and pain: a restart, like a reset, says the nervous system is changed for good,
  which no trial of a dose shows.
- "Ketamine interacts with theophylline (tachycardia, seizures)" was `supported` by records of ketamine's own
  cardiovascular effects: an interaction needs a cited sentence that names the other drug.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

NO_DENYING = "Even so, there is no denying that it works well as an anesthetic."
RESTARTED = "The final outcome is that the pain response of the nervous system gets restarted."
REBOOTS = "A course of ketamine infusions reboots the way the nervous system handles pain."
THEOPHYLLINE = (
    "Ketamine interacts with theophylline (tachycardia, seizures) and with levothyroxine (watch for high blood "
    "pressure and tachycardia)."
)
NEAR_MISSES = {
    # a double negative before a denial keeps the denial
    "There's no doubt that ketamine does not cause addiction.": "contradicted",
    # what ketamine interacts with in the body is its mechanism, not another drug
    "Ketamine relieves pain mainly through how it interacts with the NMDA receptor in the spinal cord and brain.": (
        "supported"
    ),
}
PAGE = "Ketamine in the Emergency Room\n\nAbout Ketamine\n\n" + "\n\n".join(
    [
        "Ketamine has gained something of a bad name as a drug taken recreationally. " + NO_DENYING + " It has been "
        "used in medicine ever since the Food and Drug Administration (FDA) first approved it, as long ago as 1970.",
        RESTARTED,
        REBOOTS,
        THEOPHYLLINE,
        *NEAR_MISSES,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine in the Emergency Room")
test_claims_worded_near_the_misread_ones_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_double_negative_that_affirms_is_no_denial(claims: dict[str, dict]) -> None:
    c = claims[NO_DENYING]
    assert c["polarity"] == "positive", c
    assert c["verdict"] != "contradicted", c["explanation"]
    assert "absolute claim" not in c["explanation"], c["explanation"]


def test_a_nervous_system_restarted_is_not_shown_by_a_dose(claims: dict[str, dict]) -> None:
    for quote in (RESTARTED, REBOOTS):
        assert claims[quote]["verdict"] != "supported", (quote, claims[quote]["explanation"])


def test_an_interaction_needs_a_record_that_names_the_other_drug(claims: dict[str, dict]) -> None:
    c = claims[THEOPHYLLINE]
    assert c["verdict"] != "supported", c["explanation"]
    assert "interaction with 'theophylline'" in c["explanation"] or c["verdict"] in ("insufficient", "no_evidence")


# A palliative-care prescribing guideline, twice among the sets (the twenty-first and the thirty-seventh): its
# overview describes the drug without naming it, and its list of conditions stands under "When to use".
FORMULARY = """Ketamine in Palliative Care

Overview
An anaesthetic drug which, under a specialist's supervision, serves as a third-line painkiller for managing pain that \
is very complicated. It inhibits the N-methyl-D-aspartate (NMDA) receptor.

When to use
- Incident bone pain that is poorly controlled (this often has a neuropathic component).
- Complicated neuropathic pain of the viscera or abdomen.

When not to use
- Avoid ketamine in a patient with raised intracranial pressure or a past history of psychosis.
"""
formulary = page_claims_fixture(FORMULARY, "Ketamine in Palliative Care")


def test_a_formularys_it_is_the_drug_it_describes(formulary: dict[str, dict]) -> None:
    c = formulary.get("It inhibits the N-methyl-D-aspartate (NMDA) receptor.")
    assert c is not None, sorted(formulary)
    assert c["kind"] == "mechanism", c


def test_a_formularys_list_under_when_to_use_is_of_conditions_it_is_used_for(formulary: dict[str, dict]) -> None:
    for item in (
        "Incident bone pain that is poorly controlled (this often has a neuropathic component).",
        "Complicated neuropathic pain of the viscera or abdomen.",
    ):
        assert item in formulary, sorted(formulary)
        assert formulary[item]["kind"] == "efficacy", formulary[item]
    avoid = "Avoid ketamine in a patient with raised intracranial pressure or a past history of psychosis."
    assert avoid not in formulary or formulary[avoid]["kind"] != "efficacy", formulary[avoid]
