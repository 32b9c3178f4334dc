"""Misreadings found on the thirty-fourth set's pages once they were measured and joined the folds (round 36).

- "Ketamine is a drug generally given together with a sedative for anaesthesia" was `supported` as "ketamine causes
  sedation": a sedative given with it is another drug, not its effect ("has sedative effects" still is one).
- "Ketamine seems to provide pain relief without opioids, offering an alternative to these addictive drugs" was read
  as a denial that ketamine is addictive and `contradicted` by the records of its misuse: the addictive drugs are the
  opioids the sentence names; what it claims is relief.
- "Even so, for some people ketamine infusions do improve their quality of life" was `contradicted` by trials that
  found no benefit on average: averages do not show that no patient benefits.
- "So far, little research has looked at whether ketamine works ..." and "a team ... set out to find whether ketamine
  is ..." were proposed as claims: what a clause of whether asks is not asserted (a finding reported with it is).
- "2. Indications:" (a numbered label of one word) was proposed as a claim of efficacy.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

SEDATIVE = "Ketamine is a drug generally given together with a sedative for anaesthesia."
SEDATIVE_2 = "During the infusion it is usually given with a sedative such as midazolam."
ADDICTIVE = "Ketamine seems to provide pain relief without opioids, offering an alternative to these addictive drugs."
ADDICTIVE_2 = "Ketamine eases severe pain and is a good alternative to addictive opioids."
SOME = "Even so, for some people ketamine infusions do improve their quality of life."
ASKED = "So far, little research has looked at whether ketamine works as a non-opioid medicine for pain relief."
ASKED_2 = "Recently a team at a medical school set out to find whether ketamine is as effective as morphine in the ER."
ASKED_FOUND = "Researchers who looked at whether ketamine eases CRPS pain found that it reduced pain scores by half."
LABEL = "Indications:"
NEAR_MISSES = {
    "Ketamine has sedative effects.": "supported",
    "Put simply, it works as a sedative.": "supported",  # (the thirty-first set's p184: ketamine is the sedative)
    "Unlike opioids, ketamine is not addictive.": "contradicted",
}
PAGE = "Ketamine Infusions for Chronic Pain\n\n" + "\n\n".join(
    [
        SEDATIVE,
        SEDATIVE_2,
        ADDICTIVE,
        ADDICTIVE_2,
        SOME,
        ASKED,
        ASKED_2,
        ASKED_FOUND,
        "2. " + LABEL + "\nKetamine infusions relieve the pain of nerve damage (neuropathic pain).",
        *NEAR_MISSES,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine Infusions for Chronic Pain")
test_true_claims_worded_alike_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_sedative_given_with_it_is_no_side_effect(claims: dict[str, dict]) -> None:
    for quote in (SEDATIVE, SEDATIVE_2):
        c = claims.get(quote)
        if c is None:  # left out as a description of how it is given: nothing endorsed either
            continue
        assert c["kind"] != "side_effect", (quote, c["kind_reason"])
        assert "sedation" not in c["proposition"]["outcomes"], (quote, c["proposition"])
        assert c["verdict"] != "supported", (quote, c["explanation"])


def test_the_addictive_drugs_are_the_opioids_it_names(claims: dict[str, dict]) -> None:
    for quote in (ADDICTIVE, ADDICTIVE_2):
        c = claims[quote]
        assert c["kind"] == "efficacy", (quote, c["kind_reason"])
        assert "abuse_dependence" not in c["proposition"]["outcomes"], (quote, c["proposition"])
        assert c["verdict"] != "contradicted", (quote, c["explanation"])


def test_some_patients_benefit_is_not_contradicted_by_averages(claims: dict[str, dict]) -> None:
    c = claims[SOME]
    assert c["verdict"] in ("mixed", "insufficient"), c["explanation"]
    assert "do not show that none do" in c["explanation"], c["explanation"]


def test_what_a_study_asks_is_not_a_claim(claims: dict[str, dict]) -> None:
    assert ASKED not in claims and ASKED_2 not in claims, sorted(claims)
    assert ASKED_FOUND in claims, sorted(claims)  # a finding reported with the question is one


def test_a_label_with_a_colon_is_no_claim(claims: dict[str, dict]) -> None:
    from ketalit.claims.extract import not_claim_match

    for label in ("2. Indications:", "Side effects:", "Scope:"):
        assert not_claim_match(label, list_item=True) == ("heading", ""), label
    assert not_claim_match("Ketamine relieves nerve pain: most patients feel better.") is None
    assert not any(quote.rstrip().endswith(LABEL) for quote in claims), sorted(claims)
    assert any("neuropathic" in quote for quote in claims), sorted(claims)
