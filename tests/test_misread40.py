"""Round 40: misreadings found in the pooled in-sample sets and in the thirty-eighth set once it was measured.

- "Its effects on peripheral opioid receptors and on sodium and potassium channels ..." and "Ketamine blocks serotonin
  receptors" were `supported` by reviews that call ketamine an NMDA receptor antagonist: a receptor or transmitter
  family the claim names in words (serotonin, dopamine, opioid ...) is a name the cited sentence must give, as an
  abbreviation ("AMPA") already was.
"""

from __future__ import annotations

from ketalit.claims.weighing import claim_names, names_missing

from conftest import keeps_its_verdict, page_claims_fixture

SEROTONIN = "Ketamine blocks serotonin receptors."
OPIOID = "Ketamine also acts on opioid receptors in the spinal cord."
NEAR_MISSES = {
    # the receptor the reviews name keeps its verdict
    "Ketamine blocks NMDA receptors.": "supported",
}
PAGE = "How Ketamine Works\n\n" + "\n\n".join([SEROTONIN, OPIOID, *NEAR_MISSES])
claims = page_claims_fixture(PAGE, "How Ketamine Works")
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
    assert names_missing(OPIOID, "It acts on NMDA receptors, not opioid receptors.") == ["opioid"]


def test_a_receptor_the_reviews_do_not_name_is_not_supported(claims: dict[str, dict]) -> None:
    for quote in (SEROTONIN, OPIOID):
        assert claims[quote]["verdict"] != "supported", (quote, claims[quote]["explanation"])
