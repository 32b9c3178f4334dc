"""Round 89 (in-sample, from the sixty-eighth set): "Ketamine also acts on opioid receptors, which are involved in
regulating pain" was `supported` by trials and reviews that name opioids and pain ("Low-dose ketamine is one opioid
alternative for the treatment of acute pain in the ED"), where the reviewers found no abstract in the library that
reports an action of ketamine at opioid receptors. The word of a family that names drugs too ("opioid", "opiate",
"cannabinoid") is, when the claim names the family's receptor or system, a name a sentence gives only by naming that
receptor or system ("mu-opioid receptors", "the opioid system"): [textbook.names] drug_families.
"""

from __future__ import annotations

from ketalit.claims.weighing import claim_names, names_missing

from conftest import keeps_its_verdict, page_claims_fixture

TITLE = "How ketamine eases pain"
OPIOID_RECEPTORS = "Ketamine also acts on opioid receptors, which are involved in regulating pain."
NEAR_MISSES = {
    # the receptor the reviews name keeps its verdict
    "Ketamine blocks NMDA receptors.": "supported",
}
PAGE = "\n\n".join([TITLE, OPIOID_RECEPTORS, *NEAR_MISSES])
claims = page_claims_fixture(PAGE, TITLE)
test_claims_worded_near_the_misread_one_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_the_opioid_receptor_is_a_name_the_opioids_do_not_give() -> None:
    assert claim_names(OPIOID_RECEPTORS) == ("opioid receptor",)
    drugs = "Low-dose ketamine (LDK) is one opioid alternative for the treatment of acute pain in the ED."
    assert names_missing(OPIOID_RECEPTORS, drugs) == ["opioid receptor"]
    # the receptor or its system, in any of its spellings, gives it
    for said in (
        "Ketamine binds mu-opioid receptors weakly.",
        "Ketamine interacts with the opioid system.",
        "an effect at the opioid-receptor level",
        "activation of kappa receptors",
    ):
        assert names_missing(OPIOID_RECEPTORS, said) == [], said
    # denied, it is not given
    assert names_missing(OPIOID_RECEPTORS, "It acts on NMDA receptors, not opioid receptors.") == ["opioid receptor"]
    # the family named as drugs is still the family: "ketamine is not an opioid" is about the drug class
    assert claim_names("Ketamine is not an opioid.") == ("opioid",)
    assert claim_names("It works with cannabinoid receptors.") == ("cannabinoid receptor",)
    # the family's other word names the same receptor
    assert claim_names("It acts on opiate receptors.") == ("opioid receptor",)
    # a receptor the claim sets its mechanism against is not what it says ketamine acts on
    for against in (
        "Ketamine blocks NMDA receptors rather than opioid receptors.",
        "Instead of aiming at opioid receptors in the brain, it acts on NMDA receptors.",
    ):
        assert "opioid receptor" not in claim_names(against), against


def test_an_action_at_the_opioid_receptor_is_not_supported_by_records_about_opioids(claims: dict[str, dict]) -> None:
    c = claims[OPIOID_RECEPTORS]
    assert c["verdict"] != "supported", c["explanation"]
    assert "not opioid receptor" in c["explanation"], c["explanation"]
