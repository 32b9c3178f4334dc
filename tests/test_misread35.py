"""Misreadings found on the thirty-first set's pages once they were measured and joined the folds (round 35).

- "Ketamine infusions are chosen because they lead to neither addiction nor physical dependence" was `supported` as
  "ketamine causes addiction": the sentence's main clause ("are chosen") was read for its negation, and the clause it
  gives as its reason, which holds the harm and its denial, was set aside. A sentence whose main clause names no harm
  is read for the harm's denial in the rest.
- "It is also not known to cause respiratory depression" was read as "it causes respiratory depression" ("is also not"
  was no negation); "not known to" now is one.
- A heading asked without its question mark ("How it works:") was proposed as a claim of efficacy; it says what
  follows and asserts nothing (the sentence after it still is a claim).
- "with opioid misuse and dependence rampant, ketamine might serve as a safe, sensible option" and "With abuse of and
  addiction to opioids running out of control, ... a reasonable and safe substitute" were read as claims that
  ketamine carries no risk of dependence and `contradicted` by the records of dependence on ketamine: a dependence on
  opioids the sentence sets the scene with is not ketamine's.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

BECAUSE = "Ketamine infusions are chosen because they lead to neither addiction nor physical dependence."
NOT_KNOWN = "It is also not known to cause respiratory depression."
SCENE = (
    "With abuse of and addiction to opioids running out of control, the people behind a new pooled analysis think "
    "ketamine could offer a reasonable and safe substitute when emergency departments have to treat acute pain."
)
NEAR_MISSES = {
    "Ketamine can cause dependence.": "supported",
    "Ketamine can cause breathing problems.": "supported",
}

HEADING = "How it works:"
AFTER_HEADING = "Blocking NMDA receptors: Ketamine acts mainly by blocking the brain's NMDA receptors."
PAGE = "Ketamine for Pain\n\n" + "\n\n".join(
    [
        BECAUSE,
        "Ketamine is used for pain. " + NOT_KNOWN,
        SCENE,
        "2. Observation:\n- While the infusion runs, staff watch patients closely.\n\n3. "
        + HEADING
        + "\n- "
        + AFTER_HEADING,
        *NEAR_MISSES,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine for Pain")
test_true_claims_worded_alike_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_harm_denied_in_the_reason_clause_is_denied(claims: dict[str, dict]) -> None:
    c = claims[BECAUSE]
    assert c["proposition"]["direction"] == "does_not_cause", c["proposition"]
    assert c["verdict"] != "supported", c["explanation"]  # the records show dependence on ketamine


def test_not_known_to_cause_is_a_denial(claims: dict[str, dict]) -> None:
    c = claims[NOT_KNOWN]
    assert c["proposition"]["direction"] == "does_not_cause", c["proposition"]
    assert c["verdict"] != "supported", c["explanation"]


def test_a_dependence_on_opioids_is_not_ketamines(claims: dict[str, dict]) -> None:
    c = claims[SCENE]
    assert c["kind"] != "dependence", c["kind_reason"]
    assert "abuse_dependence" not in c["proposition"]["outcomes"], c["proposition"]


def test_a_heading_asked_without_its_question_mark_is_no_claim(claims: dict[str, dict]) -> None:
    from ketalit.claims.extract import not_claim_match

    for heading in (HEADING, "What to expect:", "Why choose ketamine:"):
        assert not_claim_match(heading) == ("question", ""), heading
    assert not_claim_match("How ketamine relieves pain: it blocks NMDA receptors.") is None  # a sentence follows
    assert not any(quote.endswith(HEADING) for quote in claims), sorted(claims)
    assert any("blocking the brain's NMDA receptors" in quote for quote in claims), sorted(claims)
