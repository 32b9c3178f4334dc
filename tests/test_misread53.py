"""Round 53 (in-sample, from the forty-ninth set): three sentences read as the opposite of what they claim, each
`contradicted` where the reviewers call the claim supported.

- A negation of the main clause is not the harm's when the main clause names no harm and the harm is in the clause
  that gives its reason ("it is not usually chosen as the main anaesthetic, as it can bring on hallucinations").
- A symptom that is an inability ("eye movements that cannot be controlled") is a harm described, not denied.
- A span of a practice's use of ketamine ("We have been doing this at Cedars-Sinai for over 10 years") is no time of
  relief.
"""

from __future__ import annotations

from conftest import readings

NOT_CHOSEN = "Still, it is not usually chosen as the main anaesthetic, as it can bring on hallucinations."
UNCONTROLLED = (
    "Side effects of ketamine may include raised blood pressure, nausea, and visual changes such as double vision or "
    "eye movements that cannot be controlled."
)
PRACTICE = (
    "We have been doing this at our hospital for over 10 years, and published studies show that it reduces the amount "
    "of opioid needed."
)
# guards: a harm denied in its own clause, in the reason clause, or by the main clause that names it
DENIED_IN_REASON = "Patients need not worry, as ketamine does not cause hallucinations at these doses."
DENIED_IN_MAIN = "Ketamine is not addictive, as it is given in small doses under supervision."
RELIEF_SPAN = "For some patients, relief from a series of infusions lasts for over 10 weeks."


def test_a_negation_of_the_main_clause_does_not_deny_the_harm_in_its_reason() -> None:
    n = readings("Ketamine for pain", NOT_CHOSEN)[NOT_CHOSEN]
    assert (n.kind, n.polarity, n.direction) == ("side_effect", "positive", "causes"), n
    assert "psychotomimetic" in n.outcomes
    assert "the clause of its reason" in n.reasons["polarity"], n.reasons


def test_a_harm_denied_in_its_own_clause_or_named_in_the_main_clause_stays_denied() -> None:
    read = readings("Ketamine for pain", DENIED_IN_REASON, DENIED_IN_MAIN)
    for sentence in (DENIED_IN_REASON, DENIED_IN_MAIN):
        assert read[sentence].polarity == "negative", (sentence, read[sentence])


def test_an_uncontrollable_symptom_is_a_harm_described_not_denied() -> None:
    n = readings("Ketamine for pain", UNCONTROLLED)[UNCONTROLLED]
    assert (n.polarity, n.direction) == ("positive", "causes"), n


def test_a_practice_span_is_no_time_of_relief() -> None:
    read = readings("Ketamine for pain", PRACTICE, RELIEF_SPAN)
    n = read[PRACTICE]
    assert n.kind != "duration" and n.quantity is None, n
    assert "opioid_consumption" in n.outcomes
    assert read[RELIEF_SPAN].kind == "duration" and read[RELIEF_SPAN].quantity is not None
