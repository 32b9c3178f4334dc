"""Round 54 (in-sample, from the forty-ninth and fiftieth sets): what some people think of the drug is no claim of the
page's ("Some people think of it as a party drug that is very addictive" got `supported`); the label of a section
before a sentence ("Background: Ketamine at sub-anesthetic doses is effective ...") is no word of the claim (the
trained kind model read it as history); and pain or patients said not to respond to other treatment ("pain that does
not respond to opioids") are who is treated, not a negation of what ketamine does.
"""

from __future__ import annotations

from conftest import readings

THINK = "Some people think of it as a party drug that is very addictive; others think it is unsafe."
THINK_BACK = "Many people who hear the name ketamine think back to its era of street abuse."
# guard: the page's own claim after what people think
THINK_BUT = "Some people think of it as a party drug, but ketamine is a safe anaesthetic used in hospitals every day."
LABELLED = "Background: Ketamine relieves pain after surgery."
UNLABELLED = "Ketamine relieves pain after surgery."
REFRACTORY = "Ketamine at sub-anesthetic doses is effective for pain that does not respond to opioids."
# guard: a harm denied, beside patients who do not respond
DENIED = "Ketamine does not cause addiction in patients who do not respond to opioids."


def test_what_some_people_think_is_no_claim_unless_the_page_goes_on_to_its_own() -> None:
    read = readings("Ketamine for pain", THINK, THINK_BACK, THINK_BUT)
    assert THINK not in read and THINK_BACK not in read, list(read)
    assert THINK_BUT in read


def test_a_section_label_is_no_word_of_the_claim() -> None:
    read = readings("Ketamine for pain", LABELLED, UNLABELLED)
    labelled, plain = read[LABELLED], read[UNLABELLED]
    assert (labelled.kind, labelled.outcomes, labelled.population) == (plain.kind, plain.outcomes, plain.population)
    assert "section label 'Background:'" in labelled.reasons["asserts"]


def test_patients_who_do_not_respond_are_no_negation_of_the_claim() -> None:
    read = readings("Ketamine for pain", REFRACTORY, DENIED)
    assert read[REFRACTORY].polarity == "positive", read[REFRACTORY]
    assert "pain_intensity" in read[REFRACTORY].outcomes
    assert (read[DENIED].polarity, read[DENIED].direction) == ("negative", "does_not_cause"), read[DENIED]
