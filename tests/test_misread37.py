"""Non-claims of the thirty-fifth set's pages given `supported` once they were measured and joined the folds (round 37).

- "At your first consultation Dr. Malek will go through the particular risks, side effects and alternatives with you"
  was read as a claim that ketamine causes side effects: a sentence set at the patient's first consultation or visit
  says what the clinic does then.
- "With American doctors cutting back on opioid pain medicines, a different drug is gaining ground: ketamine" was
  read as opioid sparing: a drug gaining ground (favour, momentum) is its standing, not what it does.
- "These days, profit-making clinics and internet health companies are turning to the drug more and more to treat
  pain, depression, anxiety and further conditions" was read as a claim that it treats them: its use spreading.
"""

from __future__ import annotations

from conftest import page_claims_fixture

CONSULT = (
    "At your first consultation Dr. Malek will go through the particular risks, side effects and alternatives with you."
)
CONSULT_2 = "During your initial visit, Dr. Lee will go over the risks and the other options with you."
GROUND = "With American doctors cutting back on opioid pain medicines, a different drug is gaining ground: ketamine."
GROUND_2 = "Among pain specialists, ketamine is gaining favour."
TURNING = (
    "These days, profit-making clinics and internet health companies are turning to the drug more and more to treat "
    "pain, depression, anxiety and further conditions."
)
TURNING_2 = "Hospitals are turning to ketamine more and more for pain after surgery."
KEPT = {
    "Ketamine is gaining ground because it relieves pain within hours.",
    "Today pain specialists are turning to low-dose ketamine, which blocks the NMDA receptors behind central "
    "sensitization.",
}
PAGE = "Ketamine for Pain\n\n" + "\n\n".join([CONSULT, CONSULT_2, GROUND, GROUND_2, TURNING, TURNING_2, *sorted(KEPT)])
claims = page_claims_fixture(PAGE, "Ketamine for Pain")


def test_the_first_consultation_is_the_clinics_practice(claims: dict[str, dict]) -> None:
    assert CONSULT not in claims and CONSULT_2 not in claims, sorted(claims)


def test_a_drug_gaining_ground_is_its_standing(claims: dict[str, dict]) -> None:
    assert GROUND not in claims and GROUND_2 not in claims, sorted(claims)


def test_clinics_turning_to_it_more_and_more_is_its_use_spreading(claims: dict[str, dict]) -> None:
    assert TURNING not in claims and TURNING_2 not in claims, sorted(claims)


def test_claims_worded_alike_are_kept(claims: dict[str, dict]) -> None:
    for quote in KEPT:
        assert quote in claims, (quote, sorted(claims))
