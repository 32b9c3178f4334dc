"""The parts of a claim its reading does not carry, second round (tests/adversarial/scope21b*.toml hold the false
sentences): true claims worded like them keep their verdict. An abbreviation the deciding records name by its expansion
("SCI": the records on spinal cord injury) is checked, a setting of care ("ER", "ICU") is no condition, and an onset
joined to a short stretch of relief the onset's own records measure ("lasts about an hour") is carried; the parts that
are not checked are named."""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

PAGE = """Fast Pain Relief

Our clinic offers intravenous ketamine infusions for chronic pain.

Ketamine relieves pain within minutes.

Relief starts within minutes and lasts about an hour.

Ketamine relieves pain in the ER within minutes.

Ketamine reduces pain in the emergency department within minutes.

Ketamine reduces opioid use in the ICU.

Ketamine relieves pain in SCI patients.

Ketamine reduces opioid use after surgery.

Patients feel better after ketamine.

Relief from a ketamine infusion can last for weeks.

Ketamine relieves pain in POTS.

Within minutes, ketamine relieves pain for months.

Ketamine works within minutes and reverses nerve damage.
"""

# Each was supported before the first round of this guard (main 0d61014); the ones it capped are restored.
NEAR_MISSES = {
    "Ketamine relieves pain within minutes.": "supported",
    "Relief starts within minutes and lasts about an hour.": "supported",
    "Ketamine relieves pain in the ER within minutes.": "supported",
    "Ketamine reduces pain in the emergency department within minutes.": "supported",
    "Ketamine reduces opioid use in the ICU.": "supported",
    "Ketamine relieves pain in SCI patients.": "supported",
    "Ketamine reduces opioid use after surgery.": "supported",
    "Patients feel better after ketamine.": "supported",
    "Relief from a ketamine infusion can last for weeks.": "supported",
}


claims = page_claims_fixture(PAGE, "Fast Pain Relief")


test_a_true_claim_worded_like_a_false_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_an_abbreviation_the_deciding_records_spell_out_is_checked(claims: dict[str, dict]) -> None:
    sci = claims["Ketamine relieves pain in SCI patients."]
    assert "spinal cord injury" in sci["explanation"]
    pots = claims["Ketamine relieves pain in POTS."]
    assert pots["verdict"] == "insufficient"
    assert "abbreviation 'POTS'" in pots["explanation"]


def test_a_stretch_of_relief_past_the_onset_and_a_repair_are_named(claims: dict[str, dict]) -> None:
    months = claims["Within minutes, ketamine relieves pain for months."]
    assert months["verdict"] == "insufficient"
    assert "duration 'for months'" in months["explanation"]
    # a sentence whose subject is ketamine is cut into its parts, each checked on its own (tests/test_parts.py): the
    # repair is named as a part with its own verdict, and the sentence holds only as far as it does
    repair = claims["Ketamine works within minutes and reverses nerve damage."]
    assert repair["verdict"] == "insufficient"
    parts = {p["quote"]: p["verdict"] for p in repair["parts"]}
    assert parts == {"Ketamine works within minutes": "supported", "reverses nerve damage": "insufficient"}, parts
    assert "Part 2, 'Ketamine reverses nerve damage': Insufficient" in repair["explanation"]
