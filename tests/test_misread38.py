"""A false mechanism endorsed on the thirty-sixth set's pages once they were measured and joined the folds (round 38).

"Ketamine acts by blocking the receptors to which those stress hormones attach, and this can help lower inflammation
and pain" was `supported` by reviews that say ketamine blocks NMDA receptors: a receptor claim was read on its words
("antagon", "receptor", "pain") and by the NMDA part, whatever the receptor named ("Ketamine blocks cortisol
receptors." was `supported` too). A receptor named by what binds to it, other than glutamate, needs cited sentences
that name it.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture

STRESS = (
    "Ketamine acts by blocking the receptors to which those stress hormones attach, and this can help lower "
    "inflammation and pain."
)
CORTISOL = "Ketamine blocks cortisol receptors."
HISTAMINE = "It works by blocking histamine receptors in the spinal cord."
NEAR_MISSES = {
    "Ketamine blocks NMDA receptors.": "supported",
    "Ketamine blocks receptors in the brain.": "supported",
}
PAGE = "How Ketamine Works\n\n" + "\n\n".join([STRESS, CORTISOL, HISTAMINE, *NEAR_MISSES])
claims = page_claims_fixture(PAGE, "How Ketamine Works")
test_receptor_claims_worded_alike_keep_their_verdict = keeps_its_verdict(NEAR_MISSES)


def test_a_receptor_named_by_another_ligand_is_not_the_nmda_receptor(claims: dict[str, dict]) -> None:
    for quote, ligand in ((STRESS, "stress hormones"), (CORTISOL, "cortisol"), (HISTAMINE, "histamine")):
        c = claims[quote]
        assert c["verdict"] != "supported", (quote, c["explanation"])
        assert f"receptors of '{ligand}'" in c["explanation"] or c["verdict"] in ("insufficient", "no_evidence"), (
            quote,
            c["explanation"],
        )
