"""What the clinic does, how the drug is delivered and who pays are not claims: a clause whose subject is the clinic or
the reader with a verb of practice ("we monitor", "we will judge", "your doctor will check"), a sentence about the
pump, the drip, the ward or how long a session runs, and insurance or a referral. Each stays a claim when it states an
outcome of ketamine ("we give it by drip because it works faster that way") or a dose as right ("a low, sub-anesthetic
dose"). Each rule is tried on rewordings of the sentences that showed it (the eighteenth set of clinic pages), not on
those sentences, both ways; and a sentence left out keeps the rule and the words that left it out."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims, not_claim_match
from ketalit.claims.normalise import normalise

from conftest import run_bench

HEAD = "Ketamine Infusions for Chronic Pain\n\n"
LEAD = "Ketamine infusions relieve nerve pain in many patients. "


def _taken(sentence: str) -> bool:
    quotes = [c.quote for c in extract_claims(HEAD + LEAD + sentence + "\n", "t")]
    return any(sentence[:30] in q for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        # the clinic or the reader as subject, a verb of practice, no outcome stated (a condition or what is assessed
        # names an outcome without stating it)
        ("During each session our nurses monitor your breathing, heart rate and blood pressure.", None, None),
        ("If you tolerate the first infusion well, we advise two more in the same week.", "clinic_practice", "advise"),
        ("We reserve ketamine for pain that other medicines have not controlled.", "clinic_practice", "We reserve"),
        ("Your doctor will check how well the infusions are working after a week.", "clinic_practice", "check"),
        ("The starting rate is kept low, so that we can watch how you tolerate it.", "clinic_practice", "we can watch"),
        ("Yes. We place a small line in your hand and give the medicine slowly.", "clinic_practice", "We place"),
        ("Our pain team at Riverside Health LLC, based in Dayton, Ohio, provides ketamine for migraine.", None, None),
        # delivery in the third person: pump, drip, ward, session length, titration, a schedule with nothing said of it
        ("A small pump keeps the drip steady for two to three hours while the dose is adjusted.", "delivery", "pump"),
        ("The infusions are done in our outpatient suite, so there is no overnight stay.", "delivery", "outpatient"),
        ("Most people have four infusions over about ten days.", "delivery", "four infusions over"),
        ("The dose is then raised gradually, with monitoring, until the target is reached.", "delivery", "gradually"),
        ("Ketamine goes in through a thin catheter in the back of your hand.", "delivery", "catheter"),
        ("A pump delivers the right dose of ketamine through a line in your arm.", "delivery", "pump"),
        (
            "Ketamine infusions here are an outpatient procedure, with no need to stay overnight.",
            "delivery",
            "outpatient",
        ),
        # coverage
        ("Medicare does not pay for ketamine infusions at present.", "coverage", "Medicare"),
        ("Most health plans will not reimburse these infusions yet.", "coverage", "reimburse"),
    ],
)
def test_practice_delivery_and_coverage_are_not_claims_and_say_why(
    sentence: str, rule: str | None, words: str | None
) -> None:
    assert not _taken(sentence)
    if rule is not None:
        found = not_claim_match(sentence)
        assert found is not None and found[0] == rule and words is not None and words in found[1]


@pytest.mark.parametrize(
    "sentence",
    [
        # the same shapes, stating an outcome of ketamine or a dose as right
        "Our nurses place a drip, and ketamine relieves the pain of most patients within hours.",
        "A pump delivers ketamine over four hours, and the relief often lasts for weeks.",
        "We give ketamine through a drip because it works faster that way.",
        "Your provider gives you a mild sedative to prevent unpleasant dreams.",
        "Patients usually need a series of six infusions over two weeks to get lasting relief.",
        "A pump delivers a low, sub-anesthetic dose of ketamine over four hours.",
        "How long relief lasts after the infusions can vary.",
        "Even so, ketamine infusions eased pain for most patients on the ward within a day.",
        "In our view, much of its power to relieve nerve pain comes from how it blocks the NMDA receptor.",
    ],
)
def test_practice_and_delivery_that_state_an_outcome_stay_claims(sentence: str) -> None:
    assert _taken(sentence)


def test_a_leading_phrase_of_delivery_does_not_veto_the_main_clause() -> None:
    """ "Given as a drip into a vein, this medicine may block ...": the veto matches only the phrase."""
    found = not_claim_match("Given as a slow drip into a vein, ketamine may quiet overactive pain receptors.")
    assert found is None or found[0] not in ("delivery", "clinic_practice", "coverage")


def test_pages_eval_lists_why_a_labelled_non_claim_was_left_out() -> None:
    out = run_bench("pages_eval.py", "--set", "heldout18", "--no-link", "-v")
    assert "DROPPED A monitored pump lets the dose be raised" in out
    assert "(not a claim: delivery, 'pump')" in out
    assert "(not a claim: clinic_practice, 'Throughout the infusion we monitor')" in out


def test_which_part_of_the_regimen_matters_is_a_claim_not_a_session_length() -> None:
    """ "..., but I have found that ... how long the treatment lasts matters more than how much ketamine is given" says
    which part of the regimen works: a claim of dosing, read whole."""
    sentence = (
        "Clinicians use many different schedules when giving ketamine, but I have found that, for a lasting block of "
        "the nerves, how long the treatment lasts matters more than how much ketamine is given."
    )
    (claim,) = [c for c in extract_claims(HEAD + sentence + "\n", "t") if "schedules" in c.quote]
    assert claim.clause == ""
    assert not_claim_match(sentence) is None


# A sentence left out is never checked: a claim that a rule of practice, delivery or coverage drops is worse than a
# non-claim it keeps. Each states an outcome of ketamine in the words the claim detector reads as one (lowered, cut,
# effect, remission, addictive, tolerated, safer, risk, reverse, worked, "within 40 minutes"), or makes its claim in
# one clause with the clinic's practice in the other, or names a frequency ("once a week") or a condition that ends
# before the claim ("when other drugs fail and ...").
@pytest.mark.parametrize(
    "sentence",
    [
        # delivery words, an outcome stated
        "Compared with saline, ketamine lowered pain scores by 30%.",
        "In an outpatient trial, ketamine cut migraine days in half.",
        "Studies in hospital patients show ketamine cuts opioid use by half.",
        "Ketamine treatment takes effect within 40 minutes.",
        "The effect of one treatment lasts 72 hours.",
        "Outpatient ketamine is non-addictive and well tolerated.",
        "Outpatient ketamine is safer than opioids.",
        "Outpatient ketamine has a favourable safety profile.",
        "Outpatient ketamine carries a low risk of addiction.",
        "Blood pressure increased only slowly and modestly during the infusions.",
        "Patients who had five infusions over five days had lower pain at three months.",
        "Infusions given in hospital over five days reverse central sensitization.",
        # the clinic's practice, an outcome stated
        "We keep the dose low so hallucinations are rare.",
        "We keep the dose low, and at this dose ketamine is not addictive.",
        "We deliver ketamine in a way that eliminates the risk of addiction.",
        "We use ketamine to reset the brain's pain pathways.",
        "We use ketamine for nerve pain, and it lowers pain scores by half.",
        "We use ketamine for CRPS, and it has worked for 8 of 10 patients.",
        "We give ketamine slowly, which greatly lowers the chance of hallucinations.",
        "We check your blood pressure because ketamine can raise it.",
        # a frequency is no condition; a condition without a comma ends before the claim
        "We give ketamine once a week and it relieves pain for most patients.",
        "We use ketamine when other drugs fail and most patients improve within days.",
        "We check how well you respond and almost everyone improves after one infusion.",
        # a claim clause followed by one of practice
        "Ketamine resets pain pathways, and we monitor you throughout.",
        "Ketamine is non-addictive, so we can give it weekly.",
        "Ketamine blocks the NMDA receptor; we give it as a slow drip.",
        # coverage with a claim beside it
        "Insurers don't pay for ketamine, though studies show it outperforms opioids.",
        "Patients who came to us on referral from their neurologist reported 60% less pain.",
    ],
)
def test_a_claim_beside_practice_delivery_or_coverage_is_not_dropped(sentence: str) -> None:
    assert _taken(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the clinic's practice with a frequency, a condition or a clause of practice, and no outcome stated
        "We give the first infusion once a week, on a weekday morning.",
        "If the first infusion goes well, we book two more in the same week.",
        "We adjust the dose when you tell us, and we monitor you throughout.",
        "We check your blood pressure before each session; we keep you with us for an hour after.",
        "Most insurers don't pay for ketamine infusions, and a referral is not needed.",
        # "once a" is a frequency only before a span of time: "once a patient has responded" is a condition
        "Once a patient has responded well, we book monthly ketamine boosters.",
        "Once an infusion has eased your pain, we schedule the next ketamine session.",
        # a harm stated of another drug beside the clinic's practice is that drug's, not ketamine's (a review: it was
        # supported as a side effect of ketamine)
        "We monitor you throughout, and gabapentin causes drowsiness.",
        "We check on you often, and morphine can slow your breathing.",
    ],
)
def test_practice_with_a_frequency_or_a_second_clause_of_practice_stays_left_out(sentence: str) -> None:
    assert not _taken(sentence)


@pytest.mark.parametrize(
    ("sentence", "taken"),
    [
        # the clinic's rooms, tests and questions name no outcome; "we'll" is the clinic as much as "we"
        ("We'll monitor your blood pressure throughout the ketamine infusion.", False),
        ("We review your lab results before each ketamine infusion.", False),
        ("We ask how you feel before each ketamine infusion.", False),
        ("Our nurses keep you in the recovery room for 30 minutes after each ketamine infusion.", False),
        # the same words stating an outcome
        ("We'll monitor you, and ketamine relieves pain for most patients within hours.", True),
        ("We review your results: most patients feel better after one ketamine infusion.", True),
    ],
)
def test_practice_words_that_name_rooms_tests_and_questions_state_no_outcome(sentence: str, taken: bool) -> None:
    assert _taken(sentence) is taken


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("We check your blood pressure because ketamine can raise it.", "cardiovascular"),
        ("We watch your breathing because ketamine can slow it.", "respiratory"),
    ],
)
def test_a_because_clause_with_a_pronoun_is_checked_with_what_the_pronoun_stands_for(
    sentence: str, outcome: str
) -> None:
    # a review: the quote was the clause alone, "ketamine can raise it", read as a claim that ketamine improves pain
    (claim,) = [c for c in extract_claims(HEAD + LEAD + sentence + "\n", "t") if "because" in c.quote]
    assert claim.quote == sentence
    assert outcome in normalise(claim).outcomes


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ketamine is safe; call us today to book your infusion.", "Ketamine is safe"),
        (
            "Our friendly staff will guide you, and ketamine relieves nerve pain within hours.",
            "ketamine relieves nerve pain within hours.",
        ),
        (
            "Ketamine relieves nerve pain, so call us today to book your first infusion.",
            "Ketamine relieves nerve pain",
        ),
        ("Contact our team today; ketamine eases migraine pain for weeks.", "ketamine eases migraine pain for weeks."),
        (
            "Bring a friend to drive you home, and ketamine will start to lift your pain within a day.",
            "ketamine will start to lift your pain within a day.",
        ),
    ],
)
def test_a_claim_beside_a_call_to_action_or_the_visits_logistics_is_quoted_alone(sentence: str, claim: str) -> None:
    """A sentence whose one clause calls the reader or says what happens at the visit and whose other clause is a claim
    about ketamine: the claim clause is a claim, quoted alone (the call or the logistics is not)."""
    quotes = [c.quote for c in extract_claims(HEAD + LEAD + sentence + "\n", "t")]
    assert claim in quotes, quotes
    assert sentence not in quotes


@pytest.mark.parametrize(
    "sentence",
    [
        "Call us today, and find out how ketamine can help your pain.",
        "Book your consultation today; our team will explain how ketamine works.",
        "Contact us to learn whether ketamine is right for you.",
        "Arrange a ride home, and our nurse will check on you after your ketamine infusion.",
        "Our staff will greet you, and the ketamine infusion will be set up in a private room.",
    ],
)
def test_a_call_to_action_or_logistics_with_no_claim_clause_stays_out(sentence: str) -> None:
    assert not _taken(sentence)
