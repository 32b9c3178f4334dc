"""Round 101 (in-sample, from the seventy-fourth and seventy-fifth sets and earlier ones): a mechanism set against the
opioids' ("Opioids blunt pain by attaching to mu-opioid receptors, whereas ketamine works by blocking the brain's NMDA
receptors", "Ketamine acts in a different way from opioids: it targets NMDA receptors") was insufficient: the opioid
receptors of the other drugs' clause, and the word "opioids" itself, were names a sentence stating the claim must give.
A receptor named in a clause whose subject is another drug, and a drug family's word for the drugs set beside ketamine
or as a clause's subject ("unlike opioids", "Opioids act ..."; not "through opioids and dopamine"), are now no names to
find (weighing.claim_names). Without the name, "And, unlike opioids, it does not depress the central nervous system" was
supported as a mechanism by one meta-analysis against two records; depressing the central nervous system is now a harm
(sedation), and the claim a denial of it, contradicted by the records of sedation, as the reviewers find. pages_eval
--claims over the 74 sets: four fixed, one broken (labelled insufficient: "It works by blocking a receptor called the
NMDA receptor, so the way it acts is entirely unlike that of opioids, which act at opioid receptors", now supported on
the NMDA records).
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "How long does ketamine pain relief last?"
WHEREAS = (
    "Opioids blunt pain by attaching to mu-opioid receptors, whereas ketamine works by blocking the brain's "
    "N-methyl-D-aspartate (NMDA) receptors."
)
DEPRESS = "Unlike opioids, ketamine does not depress the central nervous system."
# guard: ketamine said to act on opioid receptors still needs records that name them
ITS_OWN = "Ketamine also acts on opioid receptors, which are involved in regulating pain."
BEFORE = (
    "That ketamine went from an anaesthetic on the battlefield to a therapy for chronic pain shows how versatile it is."
)
PAGE = "\n\n".join([TITLE, "What Ketamine Does in Pain Management", f"{BEFORE} {WHEREAS}", DEPRESS, ITS_OWN])
claims = page_claims_fixture(PAGE, TITLE)


def test_the_other_drugs_receptor_is_no_name_to_find(claims: dict[str, dict]) -> None:
    c = claims[WHEREAS]
    assert c["kind"] == "mechanism" and c["verdict"] == "supported", c["explanation"]
    assert claims[ITS_OWN]["verdict"] != "supported", claims[ITS_OWN]["explanation"]


def test_not_depressing_the_nervous_system_is_a_harm_denied(claims: dict[str, dict]) -> None:
    c = claims[DEPRESS]
    assert c["kind"] == "safety" and c["verdict"] == "contradicted", (c["kind"], c["explanation"])
