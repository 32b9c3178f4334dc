"""Round 44: the fortieth set's contradicted sentence, read for its general cause once measured (in-sample since).

"After being developed in the 1960s as a safer substitute for phencyclidine, ketamine turned out to produce deep pain
relief and amnesia" was read as a safety claim ("safer") about pain relief: that ketamine does not cause pain. Weighed
so, one emergency trial in which pain was higher with ketamine than with the comparator refuted it against every record
of relief. Relief is not a harm: a claim of safety whose only outcomes are relief speaks of side effects in general.
The same misreading made "Ketamine offers safe pain relief." `contradicted`.

The set's one non-claim given `supported`: a case report's "The patient, aged 16, was under treatment for complex
regional pain syndrome (CRPS-Type1)", read (from the ketamine of the sentences after it) as a claim that ketamine
relieves CRPS. A case report's history of its one patient, before anything is said of ketamine's effect, is not a claim.
"""

from __future__ import annotations

from conftest import page_claims_fixture

SAFER = (
    "After being developed in the 1960s as a safer substitute for phencyclidine, ketamine turned out to produce deep "
    "pain relief and amnesia."
)
SAFE_RELIEF = "Ketamine offers safe pain relief."
SAFE_BREATHING = "Ketamine is safe and does not cause respiratory depression."
CASE = "The patient, aged 16, was under treatment for complex regional pain syndrome (CRPS-Type1)."
CASE_REST = (
    "Once several other medicines had been tried without success, oral ketamine was added to her treatment, and "
    "she said her neuropathic pain fell markedly. Yet after nine days of ketamine (8mg/kg daily), she began to have "
    "painful urination, frequency, urgency and incontinence."
)
CASE_OUTCOME = "The patient, aged 16, was treated with ketamine and her CRPS pain resolved within a week."
PAGE = "Ketamine in Chronic Pain Management\n\n" + "\n\n".join(
    [SAFER, SAFE_RELIEF, SAFE_BREATHING, f"{CASE} {CASE_REST}", CASE_OUTCOME]
)
claims = page_claims_fixture(PAGE, "Ketamine in Chronic Pain Management")


def test_a_claim_of_safety_is_not_weighed_as_pain_not_being_caused(claims: dict[str, dict]) -> None:
    assert claims[SAFE_RELIEF]["kind"] == "safety", claims[SAFE_RELIEF]["kind"]
    for quote in (SAFER, SAFE_RELIEF):
        c = claims[quote]
        if c["kind"] != "safety":
            continue  # read as another kind (history, as the reviewers did): not this misreading
        outcomes = c["proposition"]["outcomes"]
        assert not {"pain_intensity", "onset", "duration_of_relief"} & set(outcomes), (quote, outcomes)
        assert c["verdict"] != "contradicted" or "pain intensity" not in c["explanation"], c["explanation"]


def test_a_claim_of_safety_that_names_a_harm_keeps_it(claims: dict[str, dict]) -> None:
    c = claims[SAFE_BREATHING]
    assert c["kind"] == "safety", c["kind"]
    assert "respiratory" in c["proposition"]["outcomes"], c["proposition"]


def test_a_case_reports_patient_history_is_not_a_claim(claims: dict[str, dict]) -> None:
    assert CASE not in claims, claims.get(CASE, {}).get("explanation")
    assert CASE_OUTCOME in claims, sorted(claims)  # what ketamine did for the patient is still read
