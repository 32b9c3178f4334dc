"""Round 78 (in-sample, the same record as rounds 76 and 77): in e Silva 2020, a meta-analysis of intranasal ketamine
against intranasal fentanyl, "Ketamine had a higher risk of non-serious adverse events (RR 2.00, 95% CI 1.43 to
2.79)" was a finding against no comparator, so a claim of fewer side effects than opioids could not use it. A pooled
or between-group estimate in a report that names one comparator and no placebo, in a clause that names no other
drug, is against that comparator (a report that names none was already read as against placebo).
"""

from __future__ import annotations

from conftest import result_findings


def findings(title: str, results: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.outcome, f.direction, f.vs)
        for f in result_findings(title, "We pooled randomized trials in emergency department pain.", results)
    ]


FENTANYL = "Intranasal ketamine versus intranasal fentanyl for acute pain in children: a meta-analysis"


def test_an_estimate_in_a_one_comparator_review_is_against_that_comparator() -> None:
    got = findings(FENTANYL, "Ketamine had a higher risk of adverse events (RR 2.00, 95% CI 1.43 to 2.79).")
    assert ("adverse_events", "higher", "fentanyl") in got, got


def test_a_clause_that_names_another_drug_is_not_given_the_comparator() -> None:
    got = findings(
        "Ketamine versus morphine for prehospital trauma pain: a meta-analysis",
        "Co-administration of ketamine+morphine was more effective than ketamine alone (SMD -0.62, 95% CI -1.12 to "
        "-0.12).",
    )
    assert got and all(vs != "morphine" for _, _, vs in got), got


def test_without_an_estimate_no_comparator_is_supplied() -> None:
    got = findings(FENTANYL, "Ketamine had more adverse events.")
    assert got and all(vs is None for _, _, vs in got), got
