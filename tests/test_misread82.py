"""Round 82 (in-sample, from the sixty-fifth set): "Thanks to this distinctive mechanism it gives rapid pain relief and
also lowers the risk of depressed breathing and of addiction", after "Ketamine acts in a different way from opioids",
was one dependence claim against nothing, read as "ketamine causes no addiction" and contradicted, where the reviewers
call the addiction part insufficient (nothing compares ketamine with opioids on it). Two readings were missing: a
phrase of cause with no comma before "it" ("Thanks to this distinctive mechanism it gives") is not the sentence's
subject, so the sentence is cut into its claims; and dependence said to be less likely ("lowers the risk of",
[normalise] lower_risk) is less likely than with another drug, here the opioids of the sentence before.
"""

from __future__ import annotations

from ketalit.claims.extract import _subject

from conftest import readings

TITLE = "Goodbye opioids: the rise of other ways to manage pain"
BEFORE = "Ketamine acts in a different way from opioids: it targets NMDA receptors in the brain."
SENTENCE = (
    "Thanks to this distinctive mechanism it gives rapid pain relief and also lowers the risk of depressed breathing "
    "and of addiction."
)


def test_a_phrase_of_cause_without_a_comma_is_not_the_subject() -> None:
    start, end, verb = _subject(SENTENCE)
    assert SENTENCE[start:end].strip() == "it" and verb == "gives"
    # guard: a phrase of cause that runs to a comma is the leading phrase it was
    text = "Because of the hallucinations it causes when taken recreationally, it is also known as a party drug."
    start, end, verb = _subject(text)
    assert text[start:end].strip() == "it" and verb == "is"


def test_a_lower_risk_of_a_harm_is_lower_than_what_the_sentence_before_names() -> None:
    r = readings(TITLE, f"{BEFORE} {SENTENCE}")
    parts = {p["quote"]: p for p in r[SENTENCE].parts}
    risk = next(p for q, p in parts.items() if q.startswith("lowers the risk"))
    assert risk["comparator"] == "opioids", risk
    assert "abuse_dependence" in risk["outcomes"], risk
    assert any(p["kind"] == "onset" for p in parts.values()), parts


def test_a_lower_risk_of_another_harm_is_not_made_a_comparison() -> None:
    # a lower risk of nausea may be said of ketamine added to opioids: only dependence takes the comparator
    claim = "Ketamine lowers the risk of nausea."
    r = readings(TITLE, f"{BEFORE} {claim}")
    assert r[claim].comparator is None, (r[claim].kind, r[claim].comparator, r[claim].reasons)
