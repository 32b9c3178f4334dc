"""Round 70 (in-sample, from the sixty-second set). A page that retells studies ("In 2002 a German team ... kept six
CRPS patients unconscious on a continuous ketamine infusion for a week. Four of them were cured, ...") had its study
descriptions taken for claims and its results left out: the results name neither ketamine nor "patients", only a share
of "them" ([extract] patient_effect now reads "Four of them were cured", "Three quarters of them had complete relief",
"31 percent remained pain-free"; [extract.not_claim] meta: what a study did to its patients). A page's references,
source line, byline with several degrees and a date with no year are furniture (byline). What people bring to the
treatment ("people come with plenty of preconceptions about ketamine as a way of treating ...") is hearsay. An answer's
"Yes:" before a participial phrase no longer hides the claim after it ("Yes: given in a controlled setting ...,
ketamine is safe").
"""

from __future__ import annotations

from ketalit.claims.extract import not_claim_match

from conftest import readings

TITLE = "Ketamine for CRPS"
KIEFER = "In 2002 a German team kept six CRPS patients unconscious on a continuous ketamine infusion for a week."
CURED = "Four of them were cured, and the remaining two had relief from their pain for one month and three months."
CORRELL = (
    "The group of G.E. Correll at Penn State went through the charts of 33 patients who had instead been given "
    "low-dose ketamine for CRPS."
)
QUARTERS = (
    "Three quarters of them had complete relief of their pain, and 31 percent remained pain-free half a year later."
)
TRIAL = (
    "That result led to a prospective trial in which 40 CRPS patients received ketamine at doses too small to matter."
)


def test_a_studys_results_about_them_are_claims_and_what_it_did_is_not() -> None:
    r = readings(TITLE, KIEFER, CURED, CORRELL, QUARTERS, TRIAL)
    assert CURED in r and QUARTERS in r, sorted(r)
    assert KIEFER not in r and CORRELL not in r and TRIAL not in r, sorted(r)
    assert r[QUARTERS].kind == "efficacy" and "pain_intensity" in r[QUARTERS].outcomes, r[QUARTERS].reasons


def test_a_study_that_reports_a_finding_is_still_a_claim() -> None:
    found = "In a trial in which 40 patients received ketamine, pain was reduced by half."
    assert not_claim_match(found) is None
    assert not_claim_match("Researchers treated 20 patients with ketamine and found their pain improved.") is None


def test_page_furniture_is_not_a_claim() -> None:
    for line in (
        "By Demian Gitnacht, MD, MPH, FAAFP",
        "April 29",
        '* Source: R. Andrew Sewell, MD, "Ketamine: Peril and Promise"',
        "Pain Physician 2005;8:175-179 (Goldberg ME and colleagues): low-dose ketamine infused over several days.",
    ):
        assert not_claim_match(line) is not None, line
    # guards: a sentence that begins with a month's name or "By" and says what ketamine does
    assert not_claim_match("May 5 patients improve quickly with ketamine?") is not None  # a question
    assert not_claim_match("By blocking NMDA receptors, ketamine relieves pain.") is None


def test_what_people_bring_to_it_is_hearsay_unless_the_page_answers() -> None:
    doubts = (
        "We understand that people come with plenty of preconceptions about ketamine as a way of treating long-term "
        "pain."
    )
    assert not_claim_match(doubts) == ("hearsay", "people come with plenty of preconceptions about")
    assert not_claim_match("Many patients have concerns about side effects, but ketamine is safe.") is None


def test_an_answers_yes_does_not_hide_the_claim_after_its_phrase() -> None:
    yes = "Yes: given in a controlled setting by doctors with the right training, ketamine is safe."
    r = readings("Ketamine infusion FAQ", "Is ketamine safe?", yes)
    assert [n.kind for q, n in r.items() if "ketamine is safe" in q] == ["safety"], sorted(r)
