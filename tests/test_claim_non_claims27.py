"""Sentences that are not claims and were taken as claims (round 27; every labelled non-claim given a verdict,
grouped by shape): the state of research, what the page is asked or will explain, how far interest in the drug has
got, and a study described without its finding (meta); the plan the clinic draws up with each patient (positioning);
advice to discuss it with a doctor; the relief other treatments fail to give and how many people have the disease
(plight, definition); and a treatment wished for or in general ("needs a treatment that works", "the usual treatment
for neuropathy"), which is not the treatment the page is about. Each rule is tried on rewordings, not on the labelled
sentences, both ways: what it must leave out (with the rule and the words that left it out) and the claims worded
alike that must stay in."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims, not_claim_match

HEAD = "Ketamine Infusions for Chronic Pain\n\n"
LEAD = "Ketamine infusions relieve nerve pain in many patients. "


def _taken(sentence: str, lead: str = LEAD) -> bool:
    quotes = [c.quote for c in extract_claims(HEAD + lead + sentence + "\n", "t")]
    return any(sentence[:30] in q for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        # the state of research: who studies whether, what research set out to find or has not worked out
        ("Scientists in Boston are now testing whether ketamine might prevent migraine.", "meta", "testing whether"),
        ("Much recent research has set out to learn how ketamine acts on the brain.", "meta", "set out to learn"),
        ("Science has not yet worked out how ketamine eases nerve pain.", "meta", "worked out"),
        ("How ketamine eases nerve pain has not been fully worked out.", "meta", "worked out"),
        ("Various theories have been proposed for how ketamine relieves pain.", "meta", "proposed"),
        ("Doctors simply don't know yet which patients ketamine will help most.", "meta", "know"),
        ("Whether ketamine belongs in routine pain care is still undecided.", "meta", "undecided"),
        ("The use of ketamine for nerve pain is still evolving.", "meta", "still evolving"),
        ("Ketamine is now being examined as a treatment for cluster headache.", "meta", "being examined"),
        # how far interest and use have got, and the press
        ("Interest has increased sharply in ketamine as a pain treatment.", "meta", "Interest has increased"),
        ("More and more patients are turning to ketamine for their chronic pain.", "meta", "turning to"),
        ("Many patients are beginning to wonder what ketamine might do for migraine.", "meta", "beginning to"),
        ("Ketamine has been featured in the national press as a pain treatment.", "meta", "featured in"),
        # what the page is asked or will explain
        ("Patients often ask us if ketamine helps nerve pain; we are asked whether it is safe.", "meta", "asked"),
        ("Most readers want to know whether ketamine is addictive.", "meta", "want to know whether"),
        ("Whether ketamine helps fibromyalgia has no easy answer.", "meta", "no easy answer"),
        ("This section covers only oral ketamine used for pain relief.", "meta", "This section covers"),
        # a study described, not what it found
        ("It followed 40 patients who were given ketamine after knee surgery.", "meta", "followed 40"),
        ("A course counts as a success if pain falls by half or more.", "meta", "counts as a success if"),
        ("A 2019 review called for larger trials of ketamine in migraine.", "meta", "called for larger trials"),
        ("Only two trials to date have looked at ketamine for cluster headache.", "meta", "looked at"),
        # the clinic's plan for each patient, and advice
        ("Together we will design a treatment plan that suits your life.", "positioning", "design a treatment plan"),
        ("Care plans are made for each patient after the first visit.", "positioning", "plans are made"),
        ("Before starting ketamine, discuss the risks with your doctor.", "advice", "discuss the risks"),
    ],
)
def test_research_state_questions_and_plans_are_not_claims_and_say_why(sentence: str, rule: str, words: str) -> None:
    assert not _taken(sentence)
    found = not_claim_match(sentence)
    assert found is not None and found[0] == rule and words.lower() in found[1].lower(), found


@pytest.mark.parametrize(
    "sentence",
    [
        # the same shapes, stating what ketamine does or what a study found
        "Researchers tested whether ketamine prevents migraine and found that it cut attacks by half.",
        "Research set out to learn how ketamine acts, and showed that it blocks the NMDA receptor.",
        "Interest has grown since trials showed that ketamine relieves CRPS pain within days.",
        "More and more patients are turning to ketamine because it relieves their pain within hours.",
        "Ketamine has been studied in CRPS, and studies have shown that it relieves pain for weeks.",
        "A growing number of studies have shown ketamine to be safe and effective in nerve pain.",
        "Ketamine is a treatment that works when other drugs have failed.",
        "This is a drug that has traditionally been given for anesthesia in operations.",
        "Most people feel deeply relaxed in response to a treatment.",
        "Some people respond straight away, and others in the first day after a treatment.",
        # a plan that is not the clinic's, and a study's finding about a protocol
        "Studies find this five-day protocol gives the longest relief.",
        "It followed 40 patients for a year and found that ketamine halved their pain.",
        "Two trials have looked at ketamine for cluster headache and both reported fewer attacks.",
        "The exact mechanism has not been worked out, but ketamine clearly blocks NMDA receptors.",
    ],
)
def test_claims_worded_alike_stay_claims(sentence: str) -> None:
    assert _taken(sentence)


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        # other treatments failing, the options patients lack, how many have the disease
        ("Many patients get little relief from the usual painkillers.", "plight"),
        ("About half of people with nerve pain get no benefit from standard drugs.", "plight"),
        ("People with CRPS need better options than they have today.", "plight"),
        ("Until recently, people with this pain had few options.", "plight"),
        ("Around 8 percent of adults live with nerve pain.", "definition"),
    ],
)
def test_the_disease_and_other_treatments_failing_are_not_claims(sentence: str, rule: str) -> None:
    assert not _taken(sentence, lead="")
    found = not_claim_match(sentence)
    assert found is not None and found[0] == rule, found


@pytest.mark.parametrize(
    "sentence",
    [
        # the same shapes, said of ketamine: a claim
        "For people who get no relief from painkillers, ketamine infusions often bring relief within days.",
        "It is most often given to people who tried other drugs and got no relief.",
        "Around 70 percent of people who had the infusions reported less pain.",
        "Ketamine gave relief to 60% of people whose pain had resisted other treatments.",
        # the relief lacking, with no other treatment named: what ketamine does for some
        "About a third of patients get little relief after the first session.",
    ],
)
def test_the_same_shapes_said_of_ketamine_stay_claims(sentence: str) -> None:
    assert _taken(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nerve pain badly needs a treatment that actually works.",
        "Pelvic pain takes a therapy that deals with the nerves and the mood alike.",
        "Conditions like CRPS can take years to respond to any treatment.",
        "The usual treatment for shingles pain is a course of antivirals and painkillers.",
        "Many wait a long time for treatment, and some give up.",
    ],
)
def test_a_treatment_wished_for_or_in_general_is_not_the_treatment_the_page_is_about(sentence: str) -> None:
    """Under a heading naming ketamine, after a sentence about the disease: "a treatment that works", "any
    treatment", "the usual treatment", "for treatment" name no treatment the page is about."""
    assert not _taken(sentence, lead="Chronic pain is common and hard to live with. ")


# Round 27b: the rules above leave a sentence out only where no clause of it states what the treatment does (a finding
# reported or a result, harm or action stated, outside the rule's words and the questions it asks), the plight only
# where the sentence does not refer to the treatment, the share of people only where they live with the disease.
@pytest.mark.parametrize(
    "sentence",
    [
        # the state of research, with a finding said in other words than "showed" or "found"
        "Investigators testing whether ketamine eases phantom limb pain recorded relief in two of three patients.",
        "Scientists looking into how ketamine acts have traced its effect to the NMDA receptor.",
        "Ketamine eases CRPS pain within days, although how it does so has not been worked out.",
        "Interest has surged as patients learn that ketamine eases pain in hours.",
        "More and more people are trying ketamine, which cuts their pain within a day.",
        "We are often asked whether ketamine is safe; at clinic doses, serious side effects are rare.",
        "It followed 50 patients for six months, and their pain stayed 30% lower.",
        "Ketamine has been covered in the press for easing depression within hours.",
        # the clinic's plan, with what the treatment does said in it
        "Together with counselling, patients find the infusion protocol eases their pain for weeks.",
        "We find that a regimen of four infusions over a week gives the longest relief.",
        # advice with a harm stated in the same sentence
        "Ketamine can cause a brief spike in heart rate, so discuss any heart condition with your doctor.",
        # the relief other treatments fail to give, said of patients who then get it from the treatment
        "People who got no relief from opioids often feel better after the therapy.",
        "Patients who get little benefit from standard medication usually respond to the drug within a day.",
        "People who have had no relief from other painkillers usually improve after a few sessions.",
        # a share of people given the treatment: a rate of its harms
        "About 10 percent of people feel sick for an hour after a dose.",
        "Fewer than 2% of people have hallucinations at clinic doses.",
        # the response to treatment, and a treatment that the treatment is
        "The response to treatment usually shows within a day.",
    ],
)
def test_round27b_the_same_shapes_stating_what_the_treatment_does_stay_claims(sentence: str) -> None:
    assert _taken(sentence)
    assert _taken(sentence, lead="")


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Scientists are now asking whether ketamine might ease tinnitus.", "meta"),
        ("What ketamine does to the brain over years has not been worked out.", "meta"),
        ("Doctors don't yet know which patients ketamine will help for longest.", "meta"),
        ("Few trials have examined what ketamine may do to the bladder over years, so caution is needed.", "meta"),
        ("Several theories have been put forward for ketamine's lasting effect on pain.", "meta"),
        ("A patient counts as a responder if pain falls by 30% or more.", "meta"),
        ("Together we will draw up a treatment plan that fits your goals.", "positioning"),
        ("Together we will choose the course of treatment most likely to help you.", "positioning"),
        ("Please discuss your medical history with your doctor before booking.", "advice"),
        ("Many patients get no relief from the usual painkillers and grow discouraged.", "plight"),
        ("Roughly 8 percent of adults have some form of nerve pain.", "definition"),
    ],
)
def test_round27b_the_same_shapes_stating_no_finding_stay_out(sentence: str, rule: str) -> None:
    assert not _taken(sentence)
    found = not_claim_match(sentence)
    assert found is not None and found[0] == rule, found
