"""A claim that says what share of patients get a result, read against the shares a record states
(``data/weighing.toml`` [share], ``claims/stance.py`` share_vote): a record whose largest stated share is clearly
smaller than the claim's does not support the claim's figure, whatever else it shows."""

from __future__ import annotations

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.findings import read_record
from ketalit.claims.stance import claimed_share, stance_of, stated_shares
from ketalit.records import author, new_record

from conftest import make_claim


def claim(quote: str, **kw) -> Claim:
    return make_claim(quote, **kw)


def record(results: str, design: str = "cohort") -> dict:
    rec = new_record(
        title="Ketamine infusions for patients with chronic pain",
        authors=[author("Doe", "Jane")],
        year=2020,
        abstract=[
            {"label": "METHODS", "category": "", "text": "Patients received intravenous ketamine infusions."},
            {"label": "RESULTS", "category": "", "text": results},
        ],
    )
    rec["tags"] = {"design": [design], "route": [], "outcome": [], "setting": []}
    return rec


def read(c: Claim, rec: dict):
    reading = read_record(rec)
    st = stance_of(c, rec, reading)
    return st, [reading.text(rec, i) for i in st.rationale]


SMALLER = [
    (  # a share of infusions, against "more than 70% of patients"
        "More than 70% of patients get significant pain relief from the infusions.",
        "Overall, ketamine significantly reduced pain intensity (p < 0.001). "
        "In 37 % of infusions, patients had a greater than 20 % reduction in pain score.",
        {},
        "37 % of infusions",
    ),
    (  # a count out of a count, against "two out of three"
        "Roughly two out of three patients respond in a meaningful way.",
        "Pain scores fell significantly from baseline after the infusions (P < 0.001). "
        "The response rate was 12/40 (30 percent).",
        {},
        "12/40 (30 percent)",
    ),
    (  # a fraction word, against "most patients" (more than half)
        "Most patients get real relief from their pain.",
        "Pain was significantly lower with ketamine than with placebo (P = 0.01). "
        "Half of the patients were responders at the end of the infusion.",
        {},
        "Half of the patients",
    ),
    (  # a harm: the share of patients who had it, against "most patients dissociate"
        "During the infusion most patients dissociate.",
        "Neuropsychiatric adverse events were identified in 4% (9/210) of patients who received ketamine.",
        {"kind": "side_effect", "outcomes": ["psychotomimetic"]},
        "4% (9/210) of patients",
    ),
]


@pytest.mark.parametrize(("quote", "results", "fields", "share"), SMALLER)
def test_a_clearly_smaller_share_than_the_claim_says_makes_a_supporting_record_mixed(
    quote: str, results: str, fields: dict, share: str
) -> None:
    rec = record(results)
    # without the figure, the same record supports the claim
    plain = claim("Ketamine infusions bring " + ("dissociation." if fields else "pain relief."), **fields)
    assert read(plain, rec)[0].stance == "supports"
    st, sentences = read(claim(quote, **fields), rec)
    assert st.stance == "mixed"  # demoted, not turned against the effect it shows
    assert share in st.why and "claimed share rule" in st.why  # the words, where and which rule
    assert "(results)" in st.why
    assert any(share in s for s in sentences)  # the sentence stating the share is quoted
    assert any(v.side > 0 for v in st.votes)  # and the effect the record shows still is


@pytest.mark.parametrize(
    "results",
    [
        # the largest share in the sentence is of no result; the share with the result is smaller
        "80% of patients were non-responders, and 20% of patients had a greater than 30% reduction in pain.",
        "Pain intensity was reduced in 20% of patients, while 75% of patients reported no improvement in pain.",
        "95% of patients completed the study; pain decreased by more than 30% in 20% of patients.",
        # the larger share is another arm's, named before it
        "20% of patients had a greater than 30% reduction in pain. "
        "In the morphine group, 75% of patients had a greater than 30% reduction in pain.",
    ],
)
def test_a_share_counts_for_what_its_own_clause_says(results: str) -> None:
    """A record's share is read with its own clause: a share of non-responders, of patients without improvement, of
    completers or of another arm is not the share of ketamine's patients who got relief."""
    rec = record("Overall, ketamine significantly reduced pain intensity (p < 0.001). " + results)
    st, _ = read(claim("More than 70% of patients get significant pain relief from the infusions."), rec)
    assert st.stance == "mixed", st.why
    assert "claimed share rule" in st.why and "20%" in st.why


@pytest.mark.parametrize(
    ("quote", "results"),
    [
        (  # the record's largest share is not smaller: the rule does not fire
            "Around 70% of patients get relief from the infusions.",
            "Forty-eight (77%) of the 61 patients were immediate responders. "
            "Sustained response occurred in 40% of patients at visit 1. "
            "Pain decreased significantly from baseline (P < 0.001).",
        ),
        (  # a share of another outcome (nausea) says nothing of the share relieved
            "More than 70% of patients get relief from the infusions.",
            "Pain was significantly lower with ketamine than with placebo (P = 0.01). 20% of patients reported nausea.",
        ),
        (  # a share of the placebo arm is not a share of ketamine's patients
            "More than 70% of patients get relief from the infusions.",
            "Pain was significantly lower with ketamine than with placebo (P < 0.001). "
            "Pain relief was reported by 30% of placebo patients.",
        ),
        (  # a share of patients with pain is not a share relieved
            "More than 70% of patients get relief from the infusions.",
            "Pain was significantly lower with ketamine than with placebo (P < 0.001). "
            "At 6 months, 28.8% of patients in the ketamine group had neuropathic pain.",
        ),
    ],
)  # fmt: skip
def test_a_share_not_smaller_or_not_of_the_result_leaves_the_record_supporting(quote: str, results: str) -> None:
    st, _ = read(claim(quote), record(results))
    assert st.stance == "supports", st.why
    assert "claimed share rule" not in st.why


def test_only_a_share_of_a_result_that_bounds_the_claim_from_below_is_checked() -> None:
    assert claimed_share("roughly 20-30% of patients have no response to the treatments") is None
    assert claimed_share("a few people (under 1%) are very sensitive even to lower doses") is None
    assert claimed_share("those who respond may see their pain fall by as much as 50%") is None  # a size, not a share
    assert claimed_share("Ketamine relieves chronic pain.") is None
    two_thirds = claimed_share("roughly two out of three patients respond")
    assert two_thirds is not None and round(two_thirds.percent) == 67
    most = claimed_share("During the infusion most patients dissociate")
    assert most is not None and most.above and most.percent == 50
    # in a record: "10%, 20%, and 35% of patients respectively" is each arm's in turn, not ketamine's
    assert stated_shares("During placebo, ketamine, and ketamine/magnesium infusions, 10%, 20%, and 35% of patients "
                         "respectively reported at least one adverse event.") == []  # fmt: skip
    assert [s.percent for s in stated_shares("Forty-eight (77%) of the 61 patients were immediate responders.")] == [77]


# -- the forms of a share beyond a percentage of people: counts, rates, words of nearly everyone, ranges -------------

RELIEF = "Overall, ketamine significantly reduced pain intensity (p < 0.001). "

FORMS_SMALLER = [
    # a record's count out of a count with its percentage, against a claim's percentage
    ("More than 70% of patients get significant pain relief.",
     "8 of 40 patients (20%) had a greater than 30% reduction in pain.", "8 of 40 patients (20%)"),
    # a record's count out of a count alone, against "two out of three"
    ("Two out of three patients respond to the infusions.",
     "Pain relief of at least 30% was reported by 12/30 patients.", "12/30 patients"),
    # a record's count of people with its percentage, the whole elsewhere in the sentence
    ("Most patients get real relief from their pain.",
     "Of the 40 patients enrolled, a pain reduction of at least 30% was reported by nine patients (22.5%).",
     "nine patients (22.5%)"),
    # a claim's words of nearly everyone
    ("The vast majority of patients get relief from their pain.",
     "A greater than 30% reduction in pain occurred in 18 of 40 patients (45%).", "18 of 40 patients (45%)"),
    ("Nearly all patients get relief from their pain.",
     "Pain relief of at least 30% occurred in 26 of 40 patients (65%).", "26 of 40 patients (65%)"),
    ("Almost everyone feels their pain lift after an infusion.",
     "A greater than 30% reduction in pain occurred in 18 of 40 patients (45%).", "18 of 40 patients (45%)"),
    # a claim's rate, against a record's rate or count
    ("Ketamine infusions have a 70% success rate for chronic pain.",
     "Pain was significantly reduced at 24 hours, with a response rate of 30%.", "response rate of 30%"),
    ("Our clinic sees a response rate of 80% in chronic pain.",
     "A greater than 30% reduction in pain occurred in 18 of 40 patients (45%).", "18 of 40 patients (45%)"),
    ("We see success in 4 out of 5 patients with chronic pain.",
     "A greater than 30% reduction in pain occurred in 18 of 40 patients (45%).", "18 of 40 patients (45%)"),
    # a claim's "up to" read by its top: 80% against 60% is clearly larger
    ("Up to 80% of patients get significant pain relief.",
     "60% of patients had a greater than 30% reduction in pain.", "60% of patients"),
    # a record's range read by its top, still clearly smaller
    ("More than 70% of patients get significant pain relief.",
     "Pain response rates ranged from 20% to 40% across the infusions.", "ranged from 20% to 40%"),
]  # fmt: skip


@pytest.mark.parametrize(("quote", "results", "share"), FORMS_SMALLER)
def test_every_form_of_a_share_is_read_and_a_clearly_smaller_one_makes_the_record_mixed(
    quote: str, results: str, share: str
) -> None:
    rec = record(RELIEF + results)
    assert read(claim("Ketamine infusions bring pain relief."), rec)[0].stance == "supports"
    st, sentences = read(claim(quote), rec)
    assert st.stance == "mixed", st.why  # demoted, never turned against the effect the record shows
    assert "claimed share rule" in st.why and share in st.why  # the record's share, quoted
    assert (claimed_share(quote) or pytest.fail("no claimed share")).words in st.why  # and the claim's
    assert any(share in s for s in sentences)
    assert any(v.side > 0 for v in st.votes)


FORMS_NOT_SMALLER = [
    # a claim's range read by its top: "50-70%" against 60% is not clearly larger
    ("50-70% of patients get significant pain relief.", "60% of patients had a greater than 30% reduction in pain."),
    # a record's range read by its top: 65% against "more than 70%" is not clearly smaller (its bottom, 40%, would be)
    ("More than 70% of patients get significant pain relief.",
     "Pain response rates ranged from 40% to 65% across the infusions."),
    # another arm's count
    ("More than 70% of patients get significant pain relief.",
     "Pain relief was reported by 8 of 40 placebo patients (20%)."),
    # a count of non-responders
    ("The vast majority of patients get relief from their pain.", "12 of 40 patients (30%) were non-responders."),
    # a count of completers
    ("Nearly all patients get relief from their pain.",
     "Pain decreased from baseline to 6 months, and 12/40 patients completed the 6-month follow-up."),
    # a count of a harm, against a claim of benefit
    ("Ketamine infusions have a 70% success rate for chronic pain.",
     "Pain decreased from baseline; nausea occurred in 6 of 40 patients (15%)."),
    # a universal without a figure is not a share
    ("Ketamine infusions work for everyone with chronic pain.",
     "A greater than 30% reduction in pain occurred in 18 of 40 patients (45%)."),
    ("Ketamine always brings pain relief.", "A greater than 30% reduction in pain occurred in 8 of 40 patients (20%)."),
]  # fmt: skip


@pytest.mark.parametrize(("quote", "results"), FORMS_NOT_SMALLER)
def test_a_form_of_a_share_not_clearly_smaller_or_not_of_the_result_leaves_the_record_supporting(
    quote: str, results: str
) -> None:
    st, _ = read(claim(quote), record(RELIEF + results))
    assert st.stance == "supports", st.why
    assert "claimed share rule" not in st.why


def test_a_harm_counted_in_a_record_against_a_claim_that_nearly_everyone_has_it() -> None:
    fields = {"kind": "side_effect", "outcomes": ["psychotomimetic"]}
    rec = record("Dissociative symptoms occurred in 3 of 40 patients (7.5%) who received ketamine.")
    st, _ = read(claim("Nearly all patients dissociate during the infusion.", **fields), rec)
    assert st.stance == "mixed" and "3 of 40 patients (7.5%)" in st.why, st.why


def test_the_forms_a_claim_states_its_share_in() -> None:
    def pct(quote: str) -> float | None:
        share = claimed_share(quote)
        return None if share is None else round(share.percent)

    assert pct("Ketamine has a 70% success rate") == 70
    assert pct("a response rate of 80% in depression") == 80
    assert pct("an 80% overall response rate") == 80
    assert pct("response rates of 50% to 70%") == 70  # a range by its top
    assert pct("up to 80% of patients respond") == 80
    assert pct("success in 4 out of 5 patients") == 80
    assert pct("the vast majority of patients feel better") == 80
    assert pct("The vast majority respond within hours") == 80
    assert pct("almost everyone feels relief") == 90
    # not a share of patients, or bounded from above, or no figure at all
    assert pct("the vast majority of side effects are mild") is None
    assert pct("a success rate of less than 10%") is None
    assert pct("Ketamine works for everyone") is None
    assert pct("It always works, for all patients") is None


def test_the_forms_a_record_states_its_share_in() -> None:
    def pcts(text: str) -> list[float]:
        return [round(s.percent, 1) for s in stated_shares(text)]

    assert pcts("8 of 40 patients (20%) had a greater than 30% reduction in pain.") == [20]
    assert pcts("12/30 patients responded.") == [40]
    assert pcts("Pain relief was reported by nine patients (22.5%) of the 40 enrolled.") == [22.5]
    assert pcts("Response rates ranged from 20% to 40%.") == [40]  # a range by its top
    assert pcts("A 45% response rate was seen at 24 hours.") == [45]
    # a percentage of another thing beside a count is not the count's share; an inexact count gives no whole
    assert pcts("Of 40 patients (20% male), pain decreased.") == []
    assert pcts("Several of the 40 patients responded.") == []


@pytest.mark.parametrize(
    "results",
    [
        "Response rate was 67%.",  # the share of patients who answered a survey, perhaps: no result named beside it
        "The questionnaire response rate was 40%.",
    ],
)
def test_a_rate_that_names_no_result_but_itself_is_not_a_share_relieved(results: str) -> None:
    st, _ = read(claim("More than 90% of patients get significant pain relief."), record(RELIEF + results))
    assert st.stance == "supports", st.why
    assert "claimed share rule" not in st.why


@pytest.mark.parametrize(
    "change",
    [
        "Pain scores were reduced from 8 to 4 in 5 patients.",  # a score of 4, not 4 of 5 patients (80%)
        "Pain intensity decreased from 7.5 to 3 in 20 patients.",
        "The mean NRS score was 4 in 5 patients after the infusion.",
    ],
)
def test_a_figure_that_ends_a_change_or_is_a_score_is_not_a_count_of_people(change: str) -> None:
    assert stated_shares(change) == []
    rec = record(RELIEF + "In 20 % of patients, pain scores had a greater than 30 % reduction. " + change)
    st, _ = read(claim("More than 70% of patients get significant pain relief from the infusions."), rec)
    assert st.stance == "mixed" and "20 % of patients" in st.why, st.why


def test_a_count_of_people_beside_a_change_is_still_a_share() -> None:
    assert [s.percent for s in stated_shares("Pain fell from 8 to 4, and 4 in 5 patients responded.")] == [80.0]
    assert [s.percent for s in stated_shares("Pain decreased by half in 16 of 20 patients.")] == [80.0]
    share = claimed_share("Up to 4 in 5 patients get relief from 2 to 3 infusions.")
    assert share is not None and share.percent == 80.0
