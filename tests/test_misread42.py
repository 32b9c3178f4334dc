"""Round 42: the thirty-ninth set's wrong verdicts, read for their general cause once it was measured (in-sample since).

- "Is able to 'reset' pain-signalling pathways that have become overactive" was `supported` by trials in which
  hyperalgesia was lower while ketamine was given. Words that say ketamine changes the nervous system for good ("reset",
  "rewire", "does not simply mask") held such a claim at mixed only when credible evidence was against it; read as a
  claim of an effect, it now needs a cited sentence that states a lasting effect, as a mechanism claim already did.
- "Ketamine treatment given for long-term nerve pain can last a fair while longer than when it is given for depression
  ..." was `contradicted` by trials in which relief of neuropathic pain did not last: a claim that compares ketamine
  with something its reading does not name is neither shown nor refuted by what ketamine alone does (it was kept from
  `supported` only). A harm denied outright beside such a comparison ("In contrast to morphine, ketamine causes neither
  ...") is still refuted by what ketamine does.
"""

from __future__ import annotations

from conftest import page_claims_fixture

RESET = '- Are able to "reset" pain-signalling pathways that have become overactive'  # a list item, read as an effect
LONGER = (
    "Ketamine treatment given for long-term nerve pain can last a fair while longer than when it is given for "
    "depression that has not responded to other care."
)
NEITHER = "In contrast to morphine, ketamine causes neither low blood pressure nor respiratory depression."
PAGE = "Ketamine Therapy for Chronic Nerve Pain\n\n" + "\n\n".join([f"Ketamine infusions:\n{RESET}", LONGER, NEITHER])
claims = page_claims_fixture(PAGE, "Ketamine Therapy for Chronic Nerve Pain")


def test_a_lasting_change_is_not_supported_by_an_effect_while_the_drug_acts(claims: dict[str, dict]) -> None:
    c = claims[RESET.removeprefix("- ")]
    assert c["verdict"] != "supported", c["explanation"]
    if c["verdict"] == "insufficient":
        assert "'reset'" in c["explanation"], c["explanation"]


def test_a_comparison_with_what_the_reading_does_not_name_is_not_refuted(claims: dict[str, dict]) -> None:
    c = claims[LONGER]
    assert c["verdict"] != "contradicted", c["explanation"]
    assert "comparison" in c["explanation"], c["explanation"]


def test_a_harm_denied_outright_beside_a_comparison_is_still_refuted(claims: dict[str, dict]) -> None:
    assert claims[NEITHER]["verdict"] == "contradicted", claims[NEITHER]["explanation"]
