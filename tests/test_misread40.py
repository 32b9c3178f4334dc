"""Round 40: misreadings found in the pooled in-sample sets and in the thirty-eighth set once it was measured.

- "Its effects on peripheral opioid receptors and on sodium and potassium channels ..." and "Ketamine blocks serotonin
  receptors" were `supported` by reviews that call ketamine an NMDA receptor antagonist: a receptor or transmitter
  family the claim names in words (serotonin, dopamine, opioid ...) is a name the cited sentence must give, as an
  abbreviation ("AMPA") already was.
- The thirty-eighth set (measured once, then read): "One of our patients was still having hallucinogenic flashbacks
  years after receiving ketamine infusions" was `supported` by trials in which hallucinations were more frequent
  during the infusion, and "our results so far have been very encouraging" (no claim) by trials of pain relief. A
  claim that tells of the clinic's own patients or results is its own practice, which no record tells; a harm said to
  last (years after, long-lasting) is not shown by how often it happens while the drug is given.
"""

from __future__ import annotations

from ketalit.claims.weighing import claim_names, names_missing

from conftest import keeps_its_verdict, page_claims_fixture

SEROTONIN = "Ketamine blocks serotonin receptors."
OPIOID = "Ketamine also acts on opioid receptors in the spinal cord."
FLASHBACKS = "One of our patients was still having hallucinogenic flashbacks years after receiving ketamine infusions."
YEARS_AFTER = "Ketamine can cause hallucinogenic flashbacks years after the infusions."
OUR_RESULTS = (
    "We cannot tell in advance how you will respond to ketamine treatment, but our results so far have been very "
    "encouraging."
)
NEAR_MISSES = {
    # the receptor the reviews name keeps its verdict
    "Ketamine blocks NMDA receptors.": "supported",
    # the harm itself, said to happen and not to last, keeps its verdict
    "Ketamine can cause hallucinations.": "supported",
}
PAGE = "Ketamine for Pain: Benefits and Risks\n\n" + "\n\n".join(
    [SEROTONIN, OPIOID, FLASHBACKS, YEARS_AFTER, OUR_RESULTS, *NEAR_MISSES]
)
claims = page_claims_fixture(PAGE, "Ketamine for Pain: Benefits and Risks")
test_claims_worded_near_the_misread_ones_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_receptor_family_named_in_words_is_a_name_a_sentence_must_give() -> None:
    assert claim_names(SEROTONIN) == ("serotonin",)
    assert claim_names("It lowers pain through opioids and dopamine.") == ("opioid", "dopamine")
    nmda_only = "Ketamine, an N-methyl-D-aspartate receptor antagonist, is used widely as an anesthetic."
    assert names_missing(SEROTONIN, nmda_only) == ["serotonin"]
    # the family's other words and spellings give it
    assert names_missing(SEROTONIN, "Ketamine inhibits serotonergic re-uptake.") == []
    assert names_missing("It acts on opiate receptors.", "Ketamine binds mu-opioid receptors weakly.") == []
    # a family denied is not given
    assert names_missing(OPIOID, "It acts on NMDA receptors, not opioid receptors.") == ["opioid receptor"]


def test_a_receptor_the_reviews_do_not_name_is_not_supported(claims: dict[str, dict]) -> None:
    for quote in (SEROTONIN, OPIOID):
        assert claims[quote]["verdict"] != "supported", (quote, claims[quote]["explanation"])


def test_the_clinics_own_patients_and_results_are_not_supported_by_the_literature(claims: dict[str, dict]) -> None:
    for quote in (FLASHBACKS, OUR_RESULTS):
        c = claims[quote]
        assert c["verdict"] != "supported", c["explanation"]
    assert "clinic's own patients or results" in claims[FLASHBACKS]["explanation"]


def test_a_harm_said_to_last_for_years_is_not_shown_by_how_often_it_happens(claims: dict[str, dict]) -> None:
    c = claims[YEARS_AFTER]
    assert c["verdict"] != "supported", c["explanation"]
    assert "the harm lasts ('years after')" in c["explanation"], c["explanation"]
