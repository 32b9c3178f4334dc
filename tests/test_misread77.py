"""Round 77 (in-sample, the same record as round 76): e Silva 2020's "Ketamine had a higher risk of non-serious
adverse events (RR 2.00, ...), and no patients receiving ketamine had a serious adverse event" was read as a serious
harm with ketamine, twice over: "serious" matched inside "non-serious", and the serious event the clause denies was
taken for the one it reports. A serious harm caps a claim that ketamine is safe, so a record that reports none must
not be read as reporting one. "non-serious" is not serious ([severity] serious in findings.toml), and a harm said
to happen is serious only by words the clause does not deny; a denied harm keeps the words ("No serious adverse
events occurred" is about serious harms).
"""

from __future__ import annotations

from conftest import result_findings


def findings(results: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.outcome, f.direction, f.serious)
        for f in result_findings(
            "Intranasal ketamine versus intranasal fentanyl for acute pain in children: a meta-analysis",
            "We pooled trials of intranasal ketamine against fentanyl.",
            results,
        )
    ]


def test_non_serious_harms_and_a_denied_serious_one_are_not_a_serious_harm() -> None:
    got = findings(
        "Ketamine had a higher risk of non-serious adverse events (RR 2.00, 95% CI 1.43 to 2.79), and no patients "
        "receiving ketamine had a serious adverse event."
    )
    assert ("adverse_events", "higher", None) in got, got


def test_a_serious_harm_that_happened_is_still_serious() -> None:
    got = findings("Serious adverse events occurred in three patients receiving ketamine.")
    assert ("adverse_events", "occurred", "Serious") in got, got


def test_a_denied_serious_harm_keeps_its_words() -> None:
    got = findings("No serious adverse events occurred with ketamine.")
    assert ("adverse_events", "absent", "serious") in got, got
