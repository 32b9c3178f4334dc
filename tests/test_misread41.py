"""Round 41: misreadings found by reading the evidence of one in-sample claim of the thirty-eighth set ("to cut opioid
use in patients who have few options for handling chronic non-cancer pain", `supported`) record by record, and the
claims worded near them.

- A trial whose conclusion "refuted the hypothesis that ketamine provided pain relief at 5 weeks and cognitive-emotional
  benefit versus placebo and that a combination with magnesium had any additional analgesic effect" was read as
  showing an emotional benefit and fewer analgesics: the denial reached eight words, and "additional analgesic effect"
  was read as rescue analgesics. A hypothesis denied as a whole is denied to the end of its clause; an analgesic effect
  is not an analgesic given.
- A review's "finding minimal significant effect on reduction of pain scores or morphine requirements" is read as a
  reduction in morphine requirements: left as it is (strict xfail below). Read right, the review (Azari 2024: opioid
  sparing after surgery, little in chronic cancer pain) is mixed on opioid sparing, and a claim that patients need fewer
  opioids falls from supported to mixed at the edge of the consistent-body rule ([verdict] consistent_body), against
  nine reviews for it; in the three folds it cost two verdicts net (bench/README.md, "Round 41"). How a mixed review
  weighs against a consistent body is to be settled first.
- The same claims, read again: "Many people also notice a welcome rise in mood" counted a trial of a suggestion before
  sedation as a null on mood, from a sentence that describes its rating scale ("rate 'the overall mood of the dream'
  as ... neither or mixed"): the mood of a dream is not the patient's mood, and a sentence that says how a scale was
  given to patients is methods.
- "Ketamine is not an addictive drug." was read as a claim that ketamine is addictive and `supported` by the reports of
  ketamine dependence: "is not a/an" was taken for a statement of class ("It is not an opioid") even before a harm.
- "rely less on addictive painkillers such as morphine" made the claim one about ketamine's addictiveness.
"""

from __future__ import annotations

import pytest

from ketalit.claims.findings import read_record
from test_claims import record

from conftest import page_claims_fixture

REFUTED = (
    "The results of this trial in neuropathic pain refuted the hypothesis that ketamine provided pain relief at 5 "
    "weeks and cognitive-emotional benefit versus placebo and that a combination with magnesium had any additional "
    "analgesic effect."
)
MINIMAL = (
    "Ketamine was less effective when used as an analgesic for chronic pain management, with several studies on "
    "neuropathic pain finding minimal significant effect on reduction of pain scores or morphine requirements."
)


def findings(results: str) -> dict[str, set[str]]:
    rec = record("Ketamine versus placebo for neuropathic pain", results)
    out: dict[str, set[str]] = {}
    for f in read_record(rec).findings:
        out.setdefault(f.outcome, set()).add(f.direction)
    return out


def test_a_hypothesis_refuted_as_a_whole_is_denied_to_the_end_of_its_clause() -> None:
    got = findings(REFUTED)
    assert "better" not in got.get("mood", set()), got
    assert got.get("opioid_consumption") is None, got  # an analgesic effect, not analgesics given
    assert got["pain_intensity"] == {"same"}, got
    # a contrast ends the denial: what follows it is affirmed
    got = findings(
        "The trial refuted the hypothesis that ketamine improved sleep, but pain scores were significantly lower "
        "with ketamine than with placebo."
    )
    assert got["pain_intensity"] == {"lower"}, got


@pytest.mark.xfail(strict=True, reason="left: read right, it moves true opioid-sparing claims to mixed (see above)")
def test_a_minimal_effect_on_a_reduction_is_no_reduction() -> None:
    got = findings(MINIMAL)
    assert got["opioid_consumption"] == {"same"}, got
    assert "same" in got["pain_intensity"], got
    # a reduction said plainly is still one
    got = findings("Ketamine had a significant effect on reduction of morphine requirements compared with placebo.")
    assert got["opioid_consumption"] == {"lower"}, got


def test_the_mood_of_a_dream_and_a_rating_scale_are_not_findings_on_mood() -> None:
    scale = (
        'Patients were provided with a pleasantness/unpleasantness scale to rate "the overall mood of the dream" as '
        "very unpleasant (grade 1), neither or mixed (grade 3), or very pleasant (grade 5)."
    )
    rec = record("A positive suggestion before ketamine sedation and unpleasant dreams", "")
    rec["abstract"] = [  # an abstract without section labels, as the trial's is
        {"label": "", "category": "", "text": text}
        for text in (
            "We randomized 100 patients receiving sedation with ketamine into 2 groups.",
            scale,
            "Unpleasant dreams were less frequent in the suggestion group (P = 0.03).",
        )
    ]
    reading = read_record(rec)
    assert [s.role for s in reading.sentences][2] == "methods", reading.sentences
    assert not [f for f in reading.findings if f.outcome == "mood"], reading.findings
    # mood said of the patients is still mood
    got = findings("Mood was significantly better with ketamine than with placebo at 1 week.")
    assert got["mood"] == {"better"}, got


NOT_ADDICTIVE = ["Ketamine is not an addictive drug.", "Ketamine isn't a habit-forming medicine."]
PAINKILLERS = "Ketamine infusions help chronic pain patients rely less on addictive painkillers such as morphine."
PAGE = "Ketamine for Chronic Pain\n\n" + "\n\n".join([*NOT_ADDICTIVE, PAINKILLERS])
claims = page_claims_fixture(PAGE, "Ketamine for Chronic Pain")


def test_a_claim_that_ketamine_is_not_an_addictive_drug_is_read_as_a_denial(claims: dict[str, dict]) -> None:
    for quote in NOT_ADDICTIVE:
        c = claims[quote]
        assert c["polarity"] == "negative", (quote, c["proposition"])
        assert c["proposition"]["direction"] == "does_not_cause", (quote, c["proposition"])
        # the library's reports of ketamine dependence speak against it, never for it
        assert c["verdict"] != "supported", (quote, c["explanation"])


def test_painkillers_called_addictive_are_not_the_claims_outcome(claims: dict[str, dict]) -> None:
    c = claims[PAINKILLERS]
    assert c["proposition"]["outcomes"] == ["opioid_consumption"], c["proposition"]
