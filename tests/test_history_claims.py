"""History claims read as what they are (round 27, branch hist27; tests/adversarial/hist27.toml holds the false
sentences built on these readings).

- A history claim that places ketamine in a named event or list ("in the Vietnam War", "the List of Essential
  Medicines": ``data/weighing.toml`` [textbook] history_events) that no record on its topic names, and that no record
  supports or contradicts, is `no_evidence`, and the explanation names the event; one a record states part of stays
  `insufficient`.
- A regulator's decision as what the sentence says ("The FDA has not cleared it to relieve migraine, so ...") is a
  history claim, whatever it was approved for (``data/claim_text.toml`` regulator_role); the adjective "FDA-approved"
  does not make a claim of benefit one.
- A history set aside after the subject ("Ketamine, which has been used as an anesthetic since the 1960s, has shown
  ...") does not make the clause it interrupts a history claim, unless that clause speaks of its use too.
- A relative pronoun ("a drug whose first use ...") and where any anaesthetic is used ("in operating rooms") are no
  words a record must state; coming into use in a year ("entered clinical practice in 1995") is a date of use, which
  records must give.
- A drug that "kills pain" is said to work: a sentence that says so is no history claim for its use.
"""

from __future__ import annotations

from conftest import page_claims_fixture

PAGE = """Ketamine: a short history

It is listed in the Model List of Essential Medicines of the World Health Organization.

It first came into wide use in the Vietnam War.

Since the Vietnam War the US military has used ketamine as an anesthetic on the battlefield.

The FDA has not cleared ketamine to relieve migraine, so its use for migraine is off label.

FDA-approved ketamine relieves migraine within an hour.

Ketamine, which has been used as an anesthetic since the 1960s, has been shown to be useful in pain care.

Ketamine, which came into use as an anesthetic in 1966, is increasingly offered in private clinics for chronic pain.

Ketamine is a drug whose first use, in the 1960s, was as an anesthetic.

Ketamine is a drug whose first use, in the 1990s, was as an antidepressant.

Ketamine entered clinical practice in 1995 as a treatment for depression.

Ketamine is a dissociative anesthetic that has been used in operating rooms for decades.

Ketamine is a dissociative anesthetic that has been used in dental offices and operating rooms for decades.

Ketamine is a drug that kills pain, and it is used for nerve pain.
"""

claims = page_claims_fixture(PAGE, "Ketamine: a short history")


def test_an_event_no_record_names_is_no_evidence(claims: dict[str, dict]) -> None:
    for quote, event in (
        ("It is listed in the Model List of Essential Medicines of the World Health Organization.", "Essential"),
        ("It first came into wide use in the Vietnam War.", "Vietnam War"),
    ):
        c = claims[quote]
        assert c["kind"] == "history", c
        assert c["verdict"] == "no_evidence", c["explanation"]
        assert event in c["explanation"], c["explanation"]


def test_an_event_whose_claim_a_record_states_in_part_stays_insufficient(claims: dict[str, dict]) -> None:
    c = claims["Since the Vietnam War the US military has used ketamine as an anesthetic on the battlefield."]
    assert c["verdict"] == "insufficient", c["explanation"]


def test_a_regulators_decision_is_history_whatever_it_was_for(claims: dict[str, dict]) -> None:
    c = claims["The FDA has not cleared ketamine to relieve migraine, so its use for migraine is off label."]
    assert c["kind"] == "history", c
    assert c["verdict"] in ("insufficient", "no_evidence"), c["explanation"]
    other = claims["FDA-approved ketamine relieves migraine within an hour."]
    assert other["kind"] != "history", other
    assert other["verdict"] != "supported", other["explanation"]


def test_a_history_set_aside_after_the_subject_is_not_the_claim(claims: dict[str, dict]) -> None:
    c = claims[
        "Ketamine, which has been used as an anesthetic since the 1960s, has been shown to be useful in pain care."
    ]
    assert c["kind"] == "efficacy", c
    still = claims[
        "Ketamine, which came into use as an anesthetic in 1966, is increasingly offered in private clinics for "
        "chronic pain."
    ]
    assert still["kind"] == "history", still


def test_a_relative_pronoun_is_no_word_to_state(claims: dict[str, dict]) -> None:
    c = claims["Ketamine is a drug whose first use, in the 1960s, was as an anesthetic."]
    assert c["verdict"] == "supported", c["explanation"]
    assert "'used for decades'" in c["explanation"] and "'used as an anaesthetic'" in c["explanation"]
    false = claims["Ketamine is a drug whose first use, in the 1990s, was as an antidepressant."]
    assert false["verdict"] != "supported", false["explanation"]


def test_coming_into_use_in_a_year_is_a_date_records_must_give(claims: dict[str, dict]) -> None:
    c = claims["Ketamine entered clinical practice in 1995 as a treatment for depression."]
    assert c["verdict"] != "supported", c["explanation"]
    assert "'used for decades'" in c["explanation"], c["explanation"]


def test_where_any_anaesthetic_is_used_is_no_word_to_state(claims: dict[str, dict]) -> None:
    c = claims["Ketamine is a dissociative anesthetic that has been used in operating rooms for decades."]
    assert c["verdict"] == "supported", c["explanation"]
    other = claims[
        "Ketamine is a dissociative anesthetic that has been used in dental offices and operating rooms for decades."
    ]
    assert other["verdict"] == "insufficient", other["explanation"]
    assert "'dental offices'" in other["explanation"], other["explanation"]


def test_a_drug_that_kills_pain_is_said_to_work(claims: dict[str, dict]) -> None:
    c = claims["Ketamine is a drug that kills pain, and it is used for nerve pain."]
    assert c["kind"] == "efficacy", c
