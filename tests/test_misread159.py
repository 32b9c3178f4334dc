"""Round 159 (in-sample, from the hundred-and-sixteenth, hundred-and-eighteenth and hundred-and-twenty-fourth sets): a
denial of an effect the sentence reports as one study's or one source's result ("The study also showed that ketamine
did not lower how many opioid prescriptions patients received in the months after their treatment", "According to
researchers in the US, ketamine neither brings pain down nor cuts the need for opioid painkillers") was contradicted by
the trials that found the effect elsewhere, as if the page had denied it on its own authority; the reviewers call such
reports mixed or insufficient. The study's null result is itself evidence: records that find the effect now make the
evidence divided (mixed, data/weighing.toml [evidence_strength] reported), not the report refuted. A denial the page
makes on its own authority is weighed as before.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for pain"
REPORTED = (
    "According to researchers in the US, ketamine neither brings pain down nor cuts the need for opioid painkillers "
    "in the days following surgery."
)
OWN = "Ketamine does not reduce the need for opioid painkillers in the days following surgery."
claims = page_claims_fixture("\n\n".join([TITLE, REPORTED, OWN]), TITLE)


def test_a_studys_null_result_is_not_refuted_by_trials_that_found_the_effect(claims: dict[str, dict]) -> None:
    claim = claims[REPORTED]
    assert claim["verdict"] == "mixed", claim["explanation"]
    assert "reports a study's or a source's finding ('According to')" in claim["explanation"], claim["explanation"]


def test_a_denial_on_the_pages_own_authority_is_weighed_as_before(claims: dict[str, dict]) -> None:
    claim = claims[OWN]
    assert claim["verdict"] == "contradicted", claim["explanation"]
    assert "reports a study" not in claim["explanation"], claim["explanation"]
