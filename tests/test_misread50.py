"""Round 50 (in-sample): a statement of mechanism that also says the drug works for pain conditions ("Ketamine blocks
the NMDA receptor, and studies have shown it works for neuropathic pain, chronic pain and psychiatric conditions", the
forty-fourth set's, labelled mixed) was `supported` by sentences that ketamine blocks the NMDA receptor: "works for"
a condition was not read as a benefit the claim draws from the mechanism, as "relieves" or "effective against" is.
And two readings of the forty-fifth set's evidence summary (below): advice against giving ketamine, and relief no
more than placebo's, are claims that it does not work.
"""

from __future__ import annotations

from conftest import page_claims_fixture

WORKS_FOR = (
    "Ketamine blocks the NMDA (N-methyl-D-aspartate) receptor, and studies have shown it works for neuropathic pain, "
    "chronic pain and psychiatric conditions."
)
BLOCKS = "Ketamine blocks the NMDA (N-methyl-D-aspartate) receptor."
claims = page_claims_fixture("\n\n".join(["How ketamine works", WORKS_FOR, BLOCKS]), "How ketamine works")


def test_a_mechanism_that_works_for_pain_conditions_is_not_supported_by_the_mechanism_alone(
    claims: dict[str, dict],
) -> None:
    c = claims[WORKS_FOR]
    assert c["kind"] == "mechanism", c
    assert c["verdict"] != "supported", c["explanation"]
    assert "what the mechanism does for patients ('works for neuropathic" in c["explanation"], c["explanation"]


def test_the_mechanism_alone_is_still_supported(claims: dict[str, dict]) -> None:
    assert claims[BLOCKS]["verdict"] == "supported", claims[BLOCKS]["explanation"]


# The forty-fifth set's evidence summary on ketamine for migraine (labelled: efficacy, denied): advice against giving
# it by vein was read as routes set against each other ("against ... by vein"), and a trial in which it relieved pain
# "no more than placebo did" as a claim that it relieves pain.
ADVISED_AGAINST = (
    "The joint clinical practice guideline of the US Department of Veterans Affairs and Department of Defense "
    "specifically advises against giving ketamine by vein to treat migraine."
)
NO_MORE = "In a randomised trial, a low dose of ketamine by vein relieved acute migraine pain no more than placebo did."
ROUTES = "Given as a nasal spray, ketamine eased pain after 7 minutes, against 13 minutes when swallowed."


def _read(sentence: str) -> tuple[str, str]:
    from ketalit.claims.check import page_claims

    (only,) = [n for c, n in page_claims(f"Ketamine for migraine\n\n{sentence}\n", title="Ketamine for migraine")]
    return only.kind, only.polarity


def test_advice_against_giving_it_is_a_denied_benefit_not_a_comparison_of_routes() -> None:
    assert _read(ADVISED_AGAINST) == ("efficacy", "negative")


def test_relief_no_more_than_placebo_is_a_denied_benefit() -> None:
    assert _read(NO_MORE) == ("efficacy", "negative")


def test_a_route_set_against_another_is_still_a_comparison() -> None:
    assert _read(ROUTES)[0] == "comparative"


# References written out on a page (sets 39-43): each was a claim, some with a verdict.
REFERENCES = [
    "Sigtermans MJ and colleagues.",
    "Published in Pain, 2009, volume 145, pages 304-11.",
    "Ahern TL and co-authors, a report on the first 500 patients as low-dose ketamine came into broad use.",
    "Reference: Gregoire MC, MacLellan D, Finley D. Letter to the editor describing a ketamine-associated cystitis.",
]


def test_a_reference_written_out_is_not_a_claim() -> None:
    from ketalit.claims.extract import extract_claims

    page = "Ketamine for CRPS\n\nKetamine relieved CRPS pain for weeks in a trial.\n\n" + "\n\n".join(REFERENCES)
    quotes = {c.quote for c in extract_claims(page)}
    assert "Ketamine relieved CRPS pain for weeks in a trial." in quotes
    assert not quotes & set(REFERENCES)
    # a finding its authors report is still a claim
    found = "Schwartzman and colleagues found that ketamine relieved CRPS pain."
    assert found in {c.quote for c in extract_claims(f"Ketamine for CRPS\n\n{found}")}


def test_an_instruction_to_the_patient_is_not_a_claim() -> None:
    from ketalit.claims.extract import extract_claims

    told = "Don't raise the dose or suddenly stop without your doctor's explicit go-ahead."
    page = f"Taking ketamine lozenges\n\nKetamine lozenges ease nerve pain.\n\n{told}"
    quotes = {c.quote for c in extract_claims(page)}
    assert "Ketamine lozenges ease nerve pain." in quotes and told not in quotes


def test_what_a_study_did_or_set_out_to_do_is_not_a_claim() -> None:
    from ketalit.claims.extract import extract_claims

    methods = [
        "Each session lasted 40 minutes, and sessions were given on five consecutive days.",
        "Their aim was to find out whether giving ketamine in addition to opioids helps to manage cancer pain.",
    ]
    found = "Ketamine given with opioids eased cancer pain in that trial."
    quotes = {c.quote for c in extract_claims("\n\n".join(["Ketamine for cancer pain", *methods, found]))}
    assert found in quotes and not quotes & set(methods)
    # what a study found stays a claim, however it is told
    relief = "Relief from the infusions lasted three weeks."
    assert relief in {c.quote for c in extract_claims(f"Ketamine for CRPS\n\n{relief}")}


def test_a_claim_that_its_use_has_grown_is_read_for_that_part() -> None:
    from ketalit.claims.weighing import textbook_parts

    claim = "In the past ten years ketamine infusions have become more popular."
    (grown,) = [p for p in textbook_parts(claim, "history") if p.name == "its use has grown"]
    # a guideline's statement that its use has grown states it; a rise in something else does not
    assert grown.named_in("Over the past 2 decades, the use of ketamine infusions has increased dramatically.")
    assert grown.named_in("A recent surge in usage has made the infusions a mainstay of treatment.")
    assert not grown.named_in("Ketamine increased the duration of sensory block after major surgery.")
    assert not grown.named_in("There is a growing body of clinical evidence to support the use of ketamine.")


claims50 = page_claims_fixture(
    "Ketamine's history\n\nIn the past ten years ketamine infusions have become more popular.\n", "Ketamine's history"
)


def test_its_use_has_grown_is_supported_by_the_records_that_say_so(claims50: dict[str, dict]) -> None:
    c = claims50["In the past ten years ketamine infusions have become more popular."]
    assert c["verdict"] == "supported", c["explanation"]
    assert "'its use has grown' (" in c["explanation"], c["explanation"]


def test_the_page_talking_about_itself_or_its_speaker_or_asking_to_follow_instructions_is_not_a_claim() -> None:
    from ketalit.claims.extract import extract_claims

    not_claims = [
        "In this piece we look at what Ketamine treatment is, the way it acts, and the possible advantages it offers.",
        "Jijun Xu, MD, PhD, a pain medicine specialist, answers questions about CRPS and how ketamine infusions work.",
        "Do follow your provider's instructions, so that the infusion is safe and does its job.",
    ]
    claim = "Ketamine infusions ease CRPS pain."
    quotes = {c.quote for c in extract_claims("\n\n".join(["Ketamine for CRPS", *not_claims, claim]))}
    assert claim in quotes and not quotes & set(not_claims)
