"""Round 150 (in-sample, over every set to the hundred-and-ninth): sentences that say what a study was, whom it took
in and what it gave them, with nothing of what it found, got verdicts as claims on the hundred-and-fourth to
hundred-and-ninth sets ("AIM OF THE STUDY: to bring together the data on ...", "They searched PubMed systematically
for papers on ...", "Most of the participants were women", "it went back over the records of 1,034 patients", "The
studies in children covered 16 patients given ketamine into a vein", "In the study by Pickering & McCabe (2014),
people with CRPS received ... across 10 days"). They join data/claim_text.toml [extract.not_claim] meta. And "the review
included ..." was a study's design however the sentence went on: "The review included 20 trials and found that ketamine
reduced pain after surgery" was dropped; it now needs no finding after it to be one.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "What the studies did"
DESIGN = [
    "AIM OF THE STUDY: to bring together the data on ketamine for cancer pain that resists treatment.",
    "They searched PubMed systematically for papers on fibromyalgia and ketamine published between 1990 and 2023.",
    "Most of the participants were women, and their ages ran from 23 to 53 years.",
    "The project was retrospective: it went back over the records of 1,034 patients given one ketamine protocol.",
    "The studies in children covered 16 patients given ketamine into a vein.",
    "In the study by Pickering and McCabe, people with CRPS received low doses of ketamine on and off across 10 days.",
]
FOUND = "The review included 20 trials and found that ketamine reduced pain after surgery."
claims = page_claims_fixture("\n\n".join([TITLE, *DESIGN, FOUND]), TITLE)


def test_what_a_study_was_and_whom_it_took_in_is_no_claim(claims: dict[str, dict]) -> None:
    for text in DESIGN:
        assert text not in claims, claims[text]


def test_what_a_review_included_and_found_is_a_claim(claims: dict[str, dict]) -> None:
    assert FOUND in claims, sorted(claims)
    assert claims[FOUND]["kind"] == "efficacy", claims[FOUND]
