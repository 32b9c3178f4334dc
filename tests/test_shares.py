"""A claim that says what share of patients get a result, read against the shares a record states
(``data/weighing.toml`` [share], ``claims/stance.py`` share_vote): a record whose largest stated share is clearly
smaller than the claim's does not support the claim's figure, whatever else it shows."""

from __future__ import annotations

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.findings import read_record
from ketalit.claims.stance import claimed_share, stance_of, stated_shares
from ketalit.records import author, new_record


def claim(quote: str, **kw) -> Claim:
    fields = {
        "id": "900-01",
        "document": "900",
        "file": "x.txt",
        "quote": quote,
        "start": 0,
        "end": len(quote),
        "kind": "efficacy",
        "routes": [],
        "outcomes": ["pain_intensity"],
        "settings": [],
        "assertion": quote,
    }
    fields.update(kw)
    return Claim(**fields)


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


# -- the primary endpoint ------------------------------------------------------------------------------------------


def trial(methods: str, results: str, conclusions: str = "", design: str = "rct") -> dict:
    sections = [{"label": "METHODS", "category": "", "text": methods}]
    sections.append({"label": "RESULTS", "category": "", "text": results})
    if conclusions:
        sections.append({"label": "CONCLUSIONS", "category": "", "text": conclusions})
    rec = new_record(
        title="Ketamine versus placebo for pain", authors=[author("Doe", "Jane")], year=2020, abstract=sections
    )
    rec["tags"] = {"design": [design], "route": [], "outcome": [], "setting": []}
    return rec


NULL_PRIMARY = [
    (  # a meta-analysis: null at the primary time point, positive in a sensitivity analysis and at other times
        "Ketamine infusions relieve chronic pain.",
        {},
        trial(
            "Trials comparing ketamine with placebo were pooled. The primary endpoint was pain relief 4 weeks after "
            "the beginning of treatment.",
            "Ketamine did not decrease pain intensity at 4 weeks compared with placebo (MD -1.12, 95% CI -2.33 to "
            "0.09). However, in a sensitivity analysis of trials with low risk of bias ketamine decreased pain "
            "intensity at 4 weeks. Ketamine also decreased pain intensity at all other time points.",
            design="meta_analysis",
        ),
        "Ketamine did not decrease pain intensity at 4 weeks",
    ),
    (  # a trial: null at 24 h (the primary outcome), lower pain at 2 h (secondary)
        "Ketamine relieves pain after surgery.",
        {},
        trial(
            "Patients were randomized to ketamine or saline placebo. The primary outcome was the pain score at 24 "
            "hours.",
            "Pain scores at 24 hours did not differ between the ketamine and placebo groups (P = 0.41). Pain scores "
            "at 2 hours were significantly lower with ketamine than with placebo (P = 0.01).",
            "Ketamine reduced early postoperative pain.",
        ),
        "Pain scores at 24 hours did not differ",
    ),
    (  # an emergency trial read for an onset claim: the change within the ketamine arm is not the primary result
        "It delivers fast pain relief.",
        {"kind": "onset"},
        trial(
            "Patients with migraine received ketamine or placebo. Our primary efficacy outcome was the difference in "
            "NRS score reduction between groups at 30 minutes.",
            "There was no statistically significant difference in NRS score reductions between ketamine and "
            "placebo-treated groups after 30 minutes. Median NRS score reductions at 30 minutes were 3.0 for the "
            "ketamine group.",
        ),
        "There was no statistically significant difference",
    ),
]


@pytest.mark.parametrize(("quote", "fields", "rec", "sentence"), NULL_PRIMARY)
def test_a_null_primary_endpoint_keeps_secondary_results_from_making_a_record_supporting(
    quote: str, fields: dict, rec: dict, sentence: str
) -> None:
    st, sentences = read(claim(quote, **fields), rec)
    assert st.stance == "mixed", st.why  # demoted, not flipped: the positive results are still there
    assert any(v.side > 0 for v in st.votes)
    assert "primary endpoint rule" in st.why and "no different from placebo" in st.why
    assert any(s.startswith(sentence) for s in sentences)  # the primary result is quoted


@pytest.mark.parametrize(
    "rec",
    [
        trial(  # a positive primary endpoint with a null secondary one stays supporting
            "Patients were randomized to ketamine or placebo. The primary outcome was pain intensity at 2 hours.",
            "Pain intensity at 2 hours was significantly lower with ketamine than with placebo (P < 0.01). Pain "
            "intensity at 24 hours did not differ between groups.",
        ),
        trial(  # no different from an active drug on the primary endpoint is as good as it, not a null result
            "Patients were randomized to ketamine or morphine. The primary outcome was pain reduction at 30 minutes.",
            "Pain reduction at 30 minutes was not significantly different between the ketamine and morphine groups. "
            "Pain decreased significantly from baseline with ketamine (P < 0.001).",
        ),
        trial(  # a primary endpoint on another outcome (opioid use) says nothing of the pain it did not measure
            "Patients were randomized to ketamine or placebo. The primary outcome was morphine consumption at 24 "
            "hours.",
            "Morphine consumption at 24 hours did not differ between groups. Pain scores were significantly lower "
            "with ketamine than with placebo at 2 and 6 hours (P < 0.01).",
        ),
    ],
)  # fmt: skip
def test_a_positive_primary_or_one_against_an_active_drug_or_on_another_outcome_leaves_it_supporting(
    rec: dict,
) -> None:
    st, _ = read(claim("Ketamine relieves acute pain."), rec)
    assert st.stance == "supports", st.why
    assert "primary endpoint rule" not in st.why
