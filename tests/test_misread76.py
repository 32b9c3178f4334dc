"""Round 76 (in-sample, from a record cited for the sixty-fifth set's claims): e Silva 2020's "No patients receiving
either IN fentanyl or ketamine had significant sedation" was read as sedation occurring with ketamine: the subject
"No patients ..." is nine words long once "IN" is expanded, and a preceding trigger reaches eight. A denied subject
([ketalit] subject in negation.toml) denies its whole clause, up to a comma, an "and" or a contrast; past those only
the usual eight words reach.
"""

from __future__ import annotations

from ketalit.claims.negation import Context

from conftest import result_findings


def findings(results: str) -> dict[str, tuple[str | None, str | None]]:
    found = result_findings(
        "Intranasal ketamine versus intranasal fentanyl for acute pain in children: a randomized trial",
        "Children were given intranasal ketamine or fentanyl.",
        results,
    )
    return {f.outcome: (f.direction, f.arm) for f in found}


def test_a_long_denied_subject_denies_the_harm_at_the_end_of_its_clause() -> None:
    got = findings("No patients receiving either IN fentanyl or ketamine had significant sedation.")
    assert got["sedation"] == ("absent", "ketamine"), got


def test_the_denied_subject_stops_at_a_new_clause() -> None:
    sentence = "No patient had hallucinations, and five patients receiving ketamine later reported nausea."
    got = findings(sentence)
    assert got["psychotomimetic"][0] == "absent", got
    assert got["nausea_vomiting"][0] == "occurred", got
    ctx = Context(sentence)
    at = sentence.index("nausea")
    assert ctx.negated(at, at + len("nausea")) is None


def test_a_list_after_the_denied_subject_is_denied_as_before() -> None:
    got = findings("No patient in either group reported sedation, hallucinations, nightmares, or diplopia.")
    assert got["sedation"][0] == "absent", got
    assert got["psychotomimetic"][0] == "absent", got
