"""Round 136 (in-sample, from the ninety-third set): seventeen of its 34 non-claims got a verdict, most of them the
account a news report and a study abstract give of a study ("The authors describe a prospective study of 13 people
whose acute neuropathic pain ...", "Each of them first received a 5 mg trial dose of ketamine", "Those taking part
were supplied with pharmacy-made bottles ...", "Asked why they had turned to ketamine, 59% said ..."). What a study
was, what it gave its participants and what they were asked is no claim (claim_text.toml [extract.not_claim] meta,
beside round 122's study design); what it found still is.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for acute neuropathic pain after spinal cord injury"
DESIGN = (
    "The authors describe a prospective study of 13 people whose acute neuropathic pain came from a spinal cord injury "
    "and who were given ketamine."
)
GIVEN = "Each of them first received a 5 mg trial dose of ketamine."
ASKED = "Asked why they had turned to ketamine, 59% said their usual pain relievers had given them only partial relief."
# guard: what the study found is a claim
FOUND = "Each of the patients received ketamine and reported less pain within a week."
claims = page_claims_fixture("\n\n".join([TITLE, " ".join([DESIGN, GIVEN]), ASKED, FOUND]), TITLE)


def test_a_study_described_is_no_claim_but_its_finding_is(claims: dict[str, dict]) -> None:
    for said in (DESIGN, GIVEN, ASKED):
        assert not any(said in q for q in claims), sorted(claims)
    assert FOUND in claims, sorted(claims)
