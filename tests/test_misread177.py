"""Round 177 (in-sample, from the hundred-and-fifty-fifth set): "Unlike other anaesthetic drugs such as fentanyl,
ketamine carries no risk of depressed breathing, but its hallucinogenic side effects, which are at times
unpredictable, are a big problem when it is used" was read as one claim that ketamine causes none of the harms it
names, hallucinations among them, and contradicted on the records of breathing events and side effects (the reviewers
support the warning). The clause after "but" names ketamine's harms again as its subject ("its hallucinogenic side
effects"), with a relative clause before its verb: data/claim_text.toml [parts] subject_again now takes its side
effects, and again_relative lets ", which ...," come between that subject and its verb, so the sentence is cut in
two: the denial of depressed breathing, and the warning of hallucinations, each weighed on its own.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

WARNED = (
    "Unlike other anaesthetic drugs such as fentanyl, ketamine carries no risk of depressed breathing, but its "
    "hallucinogenic side effects, which are at times unpredictable, are a big problem when it is used."
)
# a guard: a relative clause inside one claim does not cut it ("which" after a subject that is not ketamine's harm)
ONE = "Ketamine relieves nerve pain, which is hard to treat, and is given by infusion."

TITLE = "Ketamine"

claims = page_claims_fixture("\n\n".join([TITLE, WARNED]), TITLE)


def test_a_warning_after_but_is_its_own_claim_of_harm() -> None:
    reading = readings(TITLE, WARNED)[WARNED]
    parts = {p["quote"]: p for p in reading.parts}
    warning = next(p for q, p in parts.items() if q.startswith("its hallucinogenic side effects"))
    assert warning["direction"] == "causes", warning
    assert "psychotomimetic" in warning["outcomes"], warning
    denial = next(p for q, p in parts.items() if "no risk of depressed breathing" in q)
    assert "psychotomimetic" not in denial["outcomes"], denial


def test_the_warning_of_hallucinations_is_not_contradicted(claims: dict[str, dict]) -> None:
    c = claims[WARNED]
    assert "Part 2, 'its hallucinogenic side effects" in c["explanation"], c["explanation"]
    part = c["explanation"].split("Part 2, ")[1]
    assert not part.split(":", 1)[1].strip().startswith("Contradicted"), c["explanation"]


def test_a_relative_clause_after_another_subject_does_not_cut_the_sentence() -> None:
    reading = readings(TITLE, ONE)[ONE]
    assert not any(p["quote"].startswith("which") for p in reading.parts), reading.parts
