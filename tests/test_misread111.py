"""Round 111 (in-sample, from the seventy-eighth set): a patient's "it did not set off any hallucinations" was
`supported` in part on two misread findings. Pereira 2022's "However, such pain reduction comes at the expense of
adverse outcomes, especially psychedelic effects related to the administration of ketamine" was read as fewer
psychedelic effects with ketamine (the "reduction" of the pain taken for theirs), and Green 2009's "..., with no such
important risk factors for clinically important recovery agitation" as no agitation with ketamine (the "no" denies
risk factors, not the agitation). What comes "at the expense of" or "at the cost of" an outcome is more of it
([direction] higher in findings.toml), and a clause on "similar" or "no (such important) risk factors for" an outcome
says nothing of how often it happens with ketamine ([ignore] clauses).
"""

from __future__ import annotations

from conftest import result_findings


def findings(title: str, results: str) -> list[tuple[str, str | None]]:
    return [(f.outcome, f.direction) for f in result_findings(title, "We pooled randomised trials.", results)]


def test_harm_that_relief_comes_at_the_expense_of_is_more_harm() -> None:
    got = findings(
        "Ketamine for neuropathic pain: a systematic review and meta-analysis",
        "However, such pain reduction comes at the expense of adverse outcomes, especially psychedelic effects "
        "related to the administration of ketamine.",
    )
    assert ("pain_intensity", "lower") in got, got
    assert ("psychotomimetic", "lower") not in got, got
    assert ("psychotomimetic", "higher") in got, got


def test_no_risk_factors_for_a_harm_do_not_deny_the_harm() -> None:
    got = findings(
        "Ketamine dissociative sedation in the emergency department: an individual-patient meta-analysis",
        "Similar risk factors for any recovery agitation are low IM dose and unusually high IV dose, with no such "
        "important risk factors for clinically important recovery agitation.",
    )
    assert not any(outcome == "psychotomimetic" for outcome, _ in got), got


def test_a_harm_denied_outright_is_still_absent() -> None:
    got = findings(
        "Ketamine for postoperative pain: a randomised trial",
        "Ketamine reduced pain scores, with no hallucinations in either group.",
    )
    assert ("psychotomimetic", "absent") in got, got
