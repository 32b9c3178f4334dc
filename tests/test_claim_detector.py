"""The claim detector on real clinic pages (the paraphrased pages of tests/pages and the shipped pages): a sentence
is a claim when it asserts something about ketamine, and not when it is about the disease, another drug, the
clinic's own visit or approach, or when it only asks. Each rule of extraction and kind is tried on the page
sentences that motivated it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ketalit.claims.extract import Candidate, extract_claims, not_claim_reason, sentences
from ketalit.claims.normalise import Normalised, normalise, page_context

from conftest import ROOT

PAGES = ROOT / "tests" / "pages"


def _page(name: str) -> Path:
    """A page by its short name: a paraphrased page (p02) or a shipped one (000)."""
    if name.startswith("p"):
        return next(PAGES.glob(f"*/{name}.txt"))
    return next((ROOT / "library" / "sources").glob(f"{name}_*.txt"))


@cache
def claims_of(name: str) -> dict[str, Candidate]:
    return {c.quote: c for c in extract_claims(_page(name).read_text(encoding="utf-8"), name)}


def _extracted(name: str, sentence: str) -> list[str]:
    """The extracted quotes that contain the sentence."""
    return [q for q in claims_of(name) if sentence in q]


def _normalised(page: str, sentence: str) -> Normalised:
    """The normalised form of the one claim that contains the sentence."""
    (quote,) = _extracted(page, sentence)
    return normalise(claims_of(page)[quote], _page(page).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # "it" after a sentence about the disease is the disease, wherever it stands in the sentence
        ("p02", "Caring for patients who live with it is made harder by the wide range of pain syndromes"),
        # the clinic's approach set apart from misuse: positioning, not a property of the drug
        ("000", "This controlled approach distinguishes medical ketamine use from recreational misuse."),
        # under a heading that names ketamine, sentences about the disease or the body that say nothing of what
        # patients get from the treatment
        ("p04", "Researchers suspect that central sensitization is the main mechanism at work"),
        ("p04", "In this wound-up state the threshold for pain drops"),
        ("p04", "The phenomenon is thought to be linked to neuroplasticity"),
        ("p04", "Notably, excess connectivity within the DMN has been tied to rumination"),
        ("p06", "Glutamate in turn switches on connections at a different receptor"),
        # the visit: the conversation before it, the needle, the drip; how many sessions depends on the patient
        ("p06", "We talk through ketamine in detail, what you expect from therapy"),
        ("p06", "Apart from a small prick when the IV goes in, the treatment does not hurt."),
        ("p06", "You just sit back and relax while the ketamine drips in."),
        ("p06", "Patients usually have a series of sessions, the number depending on how well the therapy treats"),
        # naming a process is not an assertion about ketamine
        ("p06", "The name for this complex process is synaptogenesis"),
        # a disclaimer, what the reader may have read elsewhere, fasting and a ride home, who did research on it
        ("p12", "Results may vary."),
        ("p12", "Online sources may tell you that ketamine can cause nightmares."),
        ("p12", "You must be NPO for 8 hours beforehand"),
        ("p13", "Yale researchers have led work on ketamine, testing sub-anesthetic intravenous doses"),
        # who gets it (a list item labelled as such, or "kept for" some patients): patient selection
        ("p11", "Eligibility: IV ketamine is usually kept for CRPS patients"),
        # that patients or conditions differ, with no time or measure of how
        ("001", "Some patients may only experience relief during the acute phase, while others may transition"),
        ("001", "Different pain conditions may respond differently to ketamine treatment."),
        ("p11", "Regimens differ."),
        # that it draws notice (not for what), and where to get advice
        ("p10", "Ketamine therapy is attracting notice as a workable option."),
        ("p10", "For individual advice about your pain management options, consult Pacific Pain Group."),
        # what the clinic asks of the patient, and who is at hand during the visit (held-out pages #3)
        ("p17", "We recommend skipping these medicines on the night before and the day of your infusion."),
        ("p17", "We suggest taking it easy and spending a restful day after the infusion."),
        ("p17", "Keep in mind that a healthcare professional will always be nearby during your infusion"),
        # a question the page asks, and the body's receptor as the subject
        ("p18", "In light of these results, one may ask why ketamine has worked against some migraine pain."),
        ("p18", "This receptor underlies the body's neural network"),
        # what the clinic offers; the treatment's standing (new, significant) or uses left unnamed (round 6)
        ("p23", "Our practice offers low dose ketamine for Sympathetic Syndromes and Severe Depression."),
        ("p15", "For such patients, ketamine is a significant treatment option."),
        ("p16", "For people living with chronic pain, ketamine infusion therapy is a fairly recent treatment choice."),
        ("p18", "research and anecdotal accounts have indicated that ketamine at lower doses may serve other purposes"),
        ("p18", 'Using ketamine for them is therefore regarded as "off-label" use of the drug.'),
        # the state of research: what is not yet understood, a trial that is running
        ("p19", "Exactly how ketamine relieves pain is still not completely understood."),
        ("p22", "Indeed, a very large drug company is running Phase 3 human trials of ketamine in depression."),
        # the disease and the body: a kind of pain, a term of physiology, the pain itself, the patient's plight
        ("p21", "It is a form of chronic neuropathic pain that arises after amputation."),
        ("p21", "Neuroplasticity is the capacity of the brain to alter and adapt when it meets new stimuli."),
        ("p21", "The pain may be anything from a dull ache to a sharp, shooting sensation"),
        ("p21", "You may be left feeling hopeless and struggling to get your pain under control."),
        # a paragraph on another drug stays on it until ketamine is named ("larger doses" are the opioid's)
        ("p20", "Yet long-term use can bring tolerance, so that ever larger doses are needed for the same relief"),
    ],
)
def test_not_a_claim(page: str, sentence: str) -> None:
    assert sentence in _page(page).read_text(encoding="utf-8")
    assert not _extracted(page, sentence), claims_of(page)


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # under a heading that names ketamine, a sentence that says what patients get from it
        ("000", "Relief often appears within 30"),
        ("p01", "Most patients say the experience is profoundly relaxing."),
        ("p07", "You can expect several more hours of tiredness after that."),
        ("004", "Patients with diabetic neuropathy, spinal injuries, or nerve compression may benefit"),
        # a sentence whose subject points back to what the sentence before said ketamine does
        ("003", "This inhibits neurons in the CNS from receiving and then transmitting pain signals"),
        # what a drug of abuse does that ketamine is said not to do
        ("p06", 'It does not, however, produce the kind of "high" people may get from opioids'),
        # being a painkiller, and not being an opioid, are properties of it
        ("p12", "It is a potent painkiller."),
        ("p12", "It is NOT an OPIOID."),
        # "this" after what the reader may have read about ketamine: the page's own word on it
        ("p12", "This is rare and depends on dose."),
        # patients differ, but by how soon relief comes: a claim
        ("p01", "Some patients feel better within hours or days, whereas for others relief builds gradually"),
        # a lead-in whose concession is the research agenda and whose main clause is a finding
        ("p11", "Research is still under way, but several studies and case series back its efficacy:"),
        # each sentence of a list item that is a claim on its own is one claim, with the list's lead-in
        ("p11", "Sigtermans et al. (2009, *Pain*) ran a double-blind placebo-controlled trial"),
        ("p11", "Functional gains in that trial were, however, limited."),
        ("p11", "They have documented long-term benefit in these patients as well."),
        ("p11", "Protocols in common use include infusions spread over several days"),
        # attention for what it does is a claim about what it does
        ("004", "As research expands, ketamine has gained attention for its unique ability to target pain pathways"),
        # what patients notice in their thinking or senses; lives saved; how the law classes it (round 6)
        ("p17", "Others notice what seem like changes in their thinking, eyesight and/or speech."),
        ("p22", "Ketamine infusions have allowed us to save countless lives."),
        ("p18", "Ketamine is classed as a Schedule III drug and is available as pills"),
        # how it is given, with what that achieves (its safety)
        ("p20", "For chronic pain, ketamine's safety profile is comparatively favorable, particularly when"),
        # "That" as the subject after a sentence on what ketamine does, followed by what it does in turn
        ("p16", "That can lessen how much pain is perceived and raise overall quality of life"),
    ],
)
def test_a_claim(page: str, sentence: str) -> None:
    assert len(_extracted(page, sentence)) == 1, claims_of(page)


def test_a_sentence_that_extends_the_claim_before_it_is_read_with_it() -> None:
    (quote,) = _extracted("p02", "That covers fibromyalgia")
    assert quote.startswith("For people with chronic pain, ketamine infusions are a highly effective form")
    assert "extends the claim" in claims_of("p02")[quote].why


@pytest.mark.parametrize(
    ("page", "sentence", "kind"),
    [
        # what sets it apart from other treatments is a comparison, even when a mechanism is among its properties
        ("000", "Its rapid onset, unique mechanism, and ability to reset pain pathways distinguish it", "comparative"),
        # an effect on pain where other analgesics give little relief is efficacy, even said of "pain pathways"
        ("000", "Over time, researchers discovered its powerful effects on pain pathways", "efficacy"),
        # relying less on opioids is an effect on pain (efficacy), not a dosing or dependence claim
        ("p06", "our doctors give it to chronic pain patients at lower doses", "efficacy"),
        # feeling sedated or relaxed during the infusion is a side effect; the "high" of opioids is dependence
        ("p06", "In fact, ketamine can leave you mellow and slightly sedated.", "side_effect"),
        ("p06", "In general, you can expect to stay relaxed but awake for the whole infusion.", "side_effect"),
        ("p06", 'It does not, however, produce the kind of "high"', "dependence"),
        # where it has been used is history, even when the use is a treatment
        ("p12", "Operating rooms have used it for pre-emptive analgesia", "history"),
        ("p12", "It has been widely used to treat chronic pain arising from a great many causes", "history"),
        # a harm said to be rare or unlikely, named in the claim or in the sentence it points back to, is safety
        ("p12", "This is rare and depends on dose.", "safety"),
        ("p12", "With the dosing used in our clinic it is extremely unlikely.", "safety"),
        # who may benefit is efficacy, even when the reason given is the nervous system
        ("p13", "two groups of chronic pain patients may benefit from ketamine", "efficacy"),
        # how the dose ought to be given is dosing, whatever it is for ("effective and safe")
        ("p13", "Whatever the route, the drug has to be dosed adequately", "dosing"),
        # side effects milder than another drug's: a safety claim against that drug
        ("p10", "its side effects can be milder than the severe ones that come with opioid use", "safety"),
        # what a regulator approved or listed is history, whatever it was approved for (held-out pages #3)
        ("p18", "The FDA has given ketamine approval as an anesthetic and also for pain control.", "history"),
        ("p18", "For now, the FDA has not approved ketamine for treating any of these conditions.", "history"),
        ("p14", "Ketamine appears on the World Health Organization's list of essential medicines", "history"),
        ("p17", "Others notice what seem like changes in their thinking, eyesight and/or speech.", "side_effect"),
        # where it has been used, what it is best known as (round 6)
        ("p14", "Ketamine has served as a general anesthetic for a long time.", "history"),
        ("p17", "This is a drug that has traditionally been given for anesthesia", "history"),
        ("p23", "is best known as an anesthetic agent", "history"),
        # safe for want of a risk of dependence is dependence; tolerated well is safety; safer than other drugs, or
        # ranked among the best, with no harm named, is a comparison
        ("p20", "It does this without producing physical dependence or respiratory depression", "dependence"),
        ("p16", "Ketamine also carries a fairly low addiction risk compared with other pain medicines", "dependence"),
        ("p16", "A further advantage of ketamine infusion therapy is that most patients tolerate it well.", "safety"),
        ("p22", "Indeed, one could argue they are safer than a lot of the drugs", "comparative"),
        ("p22", "For treating PTSD immediately, ketamine infusions rank among the best tools", "comparative"),
        # a mechanism that helps conditions, brings relief, treats them effectively: efficacy
        ("p22", "Ketamine infusions are able to help conditions that fall under the umbrella", "efficacy"),
        ("p21", 'Blocking these receptors lets ketamine in effect "switch off" the pain signals', "efficacy"),
        ("p18", "Other conditions it may treat effectively include depression", "efficacy"),
        # pain reduced for weeks is a duration; slowing the infusion is no speed of onset
        ("p15", "In some patients a single infusion has reduced pain levels for several weeks.", "duration"),
        ("p17", "we can lower the dose or slow the infusion to lessen them", "side_effect"),
    ],
)
def test_kind_on_page_sentences(page: str, sentence: str, kind: str) -> None:
    n = _normalised(page, sentence)
    assert n.kind == kind, n.reasons["kind"]


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # the clinic's own results: its track record, not a finding the literature can check
        ("p13", "Our results with IV ketamine infusions, the treatment offered at Infusion Therapeutix, are excellent"),
        # how it ought to be given: a rule of practice
        ("p13", "Whatever the route, the drug has to be dosed adequately"),
    ],
)
def test_not_checkable(page: str, sentence: str) -> None:
    n = _normalised(page, sentence)
    assert not n.checkable, n.reasons
    assert "checkable" in n.reasons


def test_a_list_item_of_several_claims_is_one_claim_each_with_the_lead_in() -> None:
    claims = claims_of("p11")
    (trial,) = _extracted("p11", "Sigtermans et al. (2009")
    (limited,) = _extracted("p11", "Functional gains in that trial were, however, limited.")
    assert trial != limited and "Functional gains" not in trial
    assert claims[limited].lead_in == claims[trial].lead_in
    assert claims[limited].lead_in.startswith("Research is still under way")
    (lead,) = _extracted("p11", "Research is still under way")
    assert claims[lead].clause.startswith("several studies and case series back its efficacy")


def test_a_sentence_of_a_list_item_that_points_back_stays_with_the_one_before() -> None:
    (quote,) = _extracted("002", "Ketamine’s action may help reduce that sensitization.")
    assert "Over time, nerves can become hypersensitive and overreactive." in quote


@pytest.mark.parametrize(
    ("sentence", "comparator"),
    [
        # a contrast that names nothing is with what the sentence before names...
        ("Ketamine, by contrast, acts on NMDA receptors and modulates glutamate", "opioids"),
        # ...else with what the page's title ("Ketamine vs. Opioids") compares it with
        ("According to Dr. Ananth, ketamine is an effective alternative.", "opioids"),
        ("its side effects can be milder than the severe ones that come with opioid use", "opioids"),
    ],
)
def test_a_contrast_compares_with_what_the_page_names(sentence: str, comparator: str) -> None:
    n = _normalised("p10", sentence)
    assert n.comparator == comparator, n.reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "He explains that it spares patients the heavy burden of addiction linked with opioids.",
        "Breathing is not depressed: its profile is safer where suppression of respiration is concerned.",
    ],
)
def test_a_harm_spared_or_denied_is_negative(sentence: str) -> None:
    n = _normalised("p10", sentence)
    assert n.polarity == "negative" and n.direction == "does_not_cause", n.reasons


# Wordings no labelled page has, written for this test, of the same causes as the page sentences above: what other
# people believe, the disclaimers of medical information, research in progress, the clinic's own schedule and who
# gives it; and synonyms of "reduces" that make a sentence about ketamine a claim.
OTHER_WORDINGS = (
    "Ketamine for Nerve Pain\n"
    "\n"
    "At Sunrise Wellness, our board-certified anesthesiologists provide ketamine infusions "
    "in a calm, spa-like setting. "
    "Our protocol typically begins with six infusions over two to three weeks, followed by boosters as needed. "
    "Most patients receive a five-day series. "
    "Ketamine does not work for everyone. "
    "Treatment is tailored to your needs.\n"
    "\n"
    "For patients with chronic migraine, standard medications like triptans often stop working over time.\n"
    "\n"
    "A common misconception is that ketamine infusions are addictive. "
    "Many people believe that the drug is only a party drug. "
    "Trials are currently under way at several universities to test nasal ketamine. "
    "This information is not intended to diagnose, treat, cure or prevent any disease. "
    "Results are not guaranteed, and individual results vary. "
    "Ketamine alleviates nerve pain in many patients. "
    "It also lessens the burning sensations of neuropathy.\n"
)


def test_other_wordings_of_the_same_causes() -> None:
    quotes = {c.quote for c in extract_claims(OTHER_WORDINGS, "900")}
    assert quotes == {
        "Ketamine alleviates nerve pain in many patients.",
        "It also lessens the burning sensations of neuropathy.",
    }


def test_a_title_that_names_a_condition_and_its_kind_of_pain_is_about_the_condition() -> None:
    title = "Intravenous Ketamine for Complex Regional Pain Syndrome (CRPS): A Promising Option for Refractory Pain"
    context = page_context(_page("p11").read_text(encoding="utf-8"), title=title)
    assert context.population == ["crps"]
    (quote,) = _extracted("p11", "Analgesia that begins rapidly in some patients.")
    assert normalise(claims_of("p11")[quote], context=context).population == ["crps"]


def test_what_patients_find_is_not_hearsay() -> None:
    page = "Ketamine for Nerve Pain\n\nSome people find that ketamine infusions ease their nerve pain within hours.\n"
    assert [c.quote for c in extract_claims(page, "900")] == [
        "Some people find that ketamine infusions ease their nerve pain within hours."
    ]


def test_a_rule_of_practice_that_says_why_is_checkable() -> None:
    n = _normalised("002", "Because these risks increase with higher doses or frequent use, therapy must be carefully")
    assert n.checkable, n.reasons


@pytest.mark.parametrize(
    "sentence", ["This is rare and depends on dose.", "With the dosing used in our clinic it is extremely unlikely."]
)
def test_a_harm_said_rare_does_not_happen_as_a_rule(sentence: str) -> None:
    n = _normalised("p12", sentence)
    assert n.kind == "safety" and n.direction == "does_not_cause", n.reasons


def test_side_effects_said_to_pass_after_their_list() -> None:
    page = (
        "Ketamine for Migraine\n\nPotential side effects:\n- Nausea\n- Temporary dissociation\n\n"
        "These usually resolve shortly after the infusion ends.\n"
    )
    (claim,) = [c for c in extract_claims(page, "900") if c.quote.startswith("These usually resolve")]
    n = normalise(claim, page)
    assert n.kind == "side_effect" and n.direction == "transient", n.reasons


def test_a_paragraph_on_another_drug_turns_to_ketamine_where_it_is_named() -> None:
    page = (
        "Ketamine for Nerve Pain\n\n"
        "Opioids act on opioid receptors in the brain. "
        "With long-term use, ever larger doses are needed for the same relief. "
        "Ketamine, by contrast, blocks NMDA receptors. It relieves nerve pain without that loss of effect.\n"
    )
    assert [c.quote for c in extract_claims(page, "900")] == [
        "Ketamine, by contrast, blocks NMDA receptors.",
        "It relieves nerve pain without that loss of effect.",
    ]


def test_a_yes_under_a_question_about_ketamine_asserts_what_it_asks() -> None:
    claim = claims_of("p22")["Put simply, yes."]
    assert claim.lead_in == "Do ketamine infusions truly help with severe depression, suicidal thoughts and PTSD?"
    n = _normalised("p22", "Put simply, yes.")
    assert n.kind == "efficacy" and "mood" in n.outcomes, n.reasons
    # a yes to a question about the disease is no claim about ketamine
    page = "Ketamine for Nerve Pain\n\nIs nerve pain common?\nYes. Millions of adults live with it.\n"
    assert extract_claims(page, "900") == []


# Wordings no labelled page has, written for this test, of the causes of round 6's page sentences: the clinic's track
# record and credentials (p22), the state of research (p19, p22), what happens at the visit and what it costs (p17),
# the patient's plight and the disease (p21), another drug (p20), puffery and disclaimers (p20); and claims in the
# ways pages put them that must stay (who may benefit, a difference noticed, less swelling, relief for weeks).
ROUND6_WORDINGS = (
    "Ketamine Infusions for Chronic Pain\n"
    "\n"
    "Dr. Patel is board-certified in anesthesiology and pain medicine. "
    "Our team has administered more than 4,000 ketamine infusions. "
    "Ketamine therapy at our clinic has helped over 2,000 patients since we opened. "
    "We have been offering ketamine in our practice since 2016. "
    "Many patients have tried medications, physical therapy and injections without success. "
    "Research on ketamine for chronic pain is still in its early stages. "
    "Over the past two decades, researchers have looked at low-dose ketamine as a way to calm the pain system. "
    "A single infusion is $495. "
    "Prices depend on the number of infusions and the dose needed. "
    "Ketamine therapy is transforming lives every day. "
    "Your journey to relief starts here. "
    "Don't let chronic pain control your life any longer. "
    "Relief is possible. "
    "The information on this website should not be relied upon as a substitute for professional medical advice. "
    "Ketamine used in clinics is pharmaceutical grade and given in carefully measured doses. "
    "More studies are needed to confirm the long-term benefits of ketamine. "
    "Interest in ketamine for pain has grown rapidly in the last decade. "
    "IV ketamine, by contrast, has been studied in many pain trials. "
    "Before your infusion, we will check your blood pressure and heart rate. "
    "If you take blood pressure medicine, tell your provider before the infusion. "
    "If you live with diabetic neuropathy, you know how the burning and tingling can take over your day. "
    "At Summit, we see these patients every week. "
    "Most patients start with six infusions over two weeks. "
    "A series of six infusions over two to three weeks. "
    "Our anesthesiologists adjust the rate based on how you feel. "
    "A 2018 systematic review concluded that evidence for long-term benefit remains limited. "
    "You should not drive for the rest of the day. "
    "Our intake coordinator will contact your neurologist to obtain records. "
    "Most patients are scheduled within one week of their first call.\n"
    "\n"
    "Carbamazepine is usually the first drug prescribed. "
    "Over time, however, it often loses its effect, and its side effects can be hard to bear. "
    "Larger trials have not yet been done, so these results should be read with caution.\n"
    "\n"
    "For people with chronic migraine, headaches occur on fifteen or more days a month. "
    "Triptans and preventive medicines work for many people, but not for everyone.\n"
    "\n"
    "Many people with chronic pain also struggle with depression and anxiety. "
    "It can affect every part of a person's life, from work to relationships.\n"
    "\n"
    "People whose pain has not improved with other treatments may benefit. "
    "Most patients notice a difference after the second or third infusion. "
    "Many patients also report less swelling and better movement in the affected limb. "
    "In a well-known trial, a four-day infusion reduced pain for up to twelve weeks. "
    "Most people feel relief within a day. "
    "The relief can last for weeks.\n"
    "\n"
    "Ketamine is an NMDA receptor antagonist. "
    "Because of this, patients may experience fewer and milder attacks. "
    "Some case reports describe patients whose pain disappeared for months after a short course of ketamine. "
    "Do not use ketamine if you are pregnant or have a history of psychosis. "
    "Many patients notice relief during or shortly after the first infusion. "
    "Oral ketamine is not approved for pain. "
    "It is sometimes prescribed between infusions to extend relief. "
    "Benefits were strongest in the first two weeks and faded by three months.\n"
)


def test_round6_wordings_of_the_same_causes() -> None:
    claims = extract_claims(ROUND6_WORDINGS, "900")
    assert [c.quote for c in claims] == [
        # how much evidence there is: since round 178 a claim that the evidence is weak, which the reviewers label
        # claims (weighing.toml [evidence_strength])
        "A 2018 systematic review concluded that evidence for long-term benefit remains limited.",
        "People whose pain has not improved with other treatments may benefit.",
        "Most patients notice a difference after the second or third infusion.",
        "Many patients also report less swelling and better movement in the affected limb.",
        "In a well-known trial, a four-day infusion reduced pain for up to twelve weeks.",
        "Most people feel relief within a day.",
        "The relief can last for weeks.",
        "Ketamine is an NMDA receptor antagonist.",
        "Because of this, patients may experience fewer and milder attacks.",
        "Some case reports describe patients whose pain disappeared for months after a short course of ketamine.",
        "Do not use ketamine if you are pregnant or have a history of psychosis.",
        "Many patients notice relief during or shortly after the first infusion.",
        "Oral ketamine is not approved for pain.",
        "It is sometimes prescribed between infusions to extend relief.",
        "Benefits were strongest in the first two weeks and faded by three months.",
    ]
    kinds = [normalise(c, ROUND6_WORDINGS, learned=False).kind for c in claims[4:]]  # the rules (see test_kind_model)
    assert kinds == [
        *("duration", "onset", "duration", "mechanism", "efficacy", "duration", "safety", "onset"),
        *("history", "dosing", "duration"),
    ]


def test_a_track_record_is_no_claim_but_its_list_is_read() -> None:
    lead = "Our practice has carried out more than 1200 successful ketamine infusions in patients with central"
    assert not_claim_reason(lead) == "track_record"
    assert claims_of("p22")["Fibromyalgia"].lead_in.startswith(lead)


def test_check_marks_are_list_markers() -> None:
    page = (
        "Why Choose Ketamine for Nerve Pain?\n\nBenefits of ketamine infusions:\n"
        "✓ Relief that often starts within hours\n✅ Helps when other treatments have failed\n"
    )
    claims = extract_claims(page, "900")
    assert [(c.lead_in, c.quote) for c in claims] == [
        ("Benefits of ketamine infusions:", "Relief that often starts within hours"),
        ("Benefits of ketamine infusions:", "Helps when other treatments have failed"),
    ]


def test_pain_scores_under_a_heading_that_names_ketamine_are_what_patients_get() -> None:
    claim = "In one trial, pain scores dropped by half on average."
    page = f"Ketamine Infusions for CRPS\n\nWhat the studies show\n{claim}\n"
    assert [c.quote for c in extract_claims(page, "900")] == [claim]


def test_what_to_do_around_the_visit_is_no_claim_but_what_you_may_notice_is_a_side_effect() -> None:
    page = (
        "Ketamine Infusion: What to Expect\n\n"
        "On the day of your infusion:\n- Arrive 15 minutes early to complete paperwork\n"
        "- Expect to be with us for about two hours\n\n"
        "During the infusion you may notice:\n- Blurred vision\n- Mild nausea\n\n"
        "After your infusion:\n- Rest for the remainder of the day\n- Avoid alcohol for 24 hours\n"
        "- Most side effects wear off within a few hours\n"
    )
    claims = extract_claims(page, "900")
    wear_off = "Most side effects wear off within a few hours"
    assert [c.quote for c in claims] == ["Blurred vision", "Mild nausea", wear_off]
    assert {normalise(c, page).kind for c in claims} == {"side_effect"}


def test_a_list_under_a_risks_heading_is_side_effects() -> None:
    page = "IV Ketamine for Chronic Pain\n\nRisks\n- Temporary increase in blood pressure\n- Feeling disconnected\n"
    claims = extract_claims(page, "900")
    assert [(c.lead_in, c.quote) for c in claims] == [
        ("Risks", "Temporary increase in blood pressure"),
        ("Risks", "Feeling disconnected"),
    ]
    assert {normalise(c, page).kind for c in claims} == {"side_effect"}


def test_a_low_risk_of_overdose_is_safety_not_dosing() -> None:
    claim = "Ketamine does not cause tolerance, and the risk of overdose at clinical doses is low."
    page = f"Ketamine vs. Opioids\n\n{claim}\n"
    (found,) = extract_claims(page, "900")
    assert found.quote == claim and normalise(found, page).kind == "safety"


# -- round 8: every labelled page in the folds, heldout6 among them ----------------------------------------------------


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # a study cited, its design and what its authors or patients were given: its findings come after
        ("p30", "Correll, Maleki and colleagues, Pain Medicine, Sep 2004; 5(3): 263-75."),
        ("p30", "A look back over past cases of sub-anesthetic ketamine infusion used as a new way of treating"),
        ("p30", "On average they received a long, low-dose ketamine infusion at 10-20mg/hr across 2-4 days."),
        ("p30", "SUMMARY: To assess ketamine infusion therapy for CRPS, the authors searched Pubmed"),
        # the state of research, however it is worded
        ("p34", "Exactly how ketamine acts on chronic pain is complicated and not well understood."),
        ("p32", "Studies on the best way to use ketamine infusions are still under way."),
        # results that vary, every patient different, the clinic's own preference and the visit
        ("p31", "You should understand that the results of a ketamine infusion can vary a great deal."),
        ("p26", "Every patient is different, and together we will help work out a treatment plan that suits you."),
        ("p34", "We generally prefer patients to receive the drug for 7 to 10 days."),
        ("p31", "The infusion starts at a very low dose so that nurses can watch you for side effects"),
        ("p28", "On treatment day you may eat and drink as usual."),
        ("p32", "At your first trial of a ketamine infusion you will start on a very low dose."),
        ("p32", "At Pain Matrix, a ketamine infusion means a carefully controlled dose given continuously"),
        ("p35", "You can talk with your doctor about booster treatments."),
        # who is eligible, and the clinic's team offering it
        ("p24", "Patients whose depression has been diagnosed as treatment resistant are candidates for ketamine"),
        ("p24", "the next step to consider should be ketamine infusions."),
        ("p29", "To help you manage chronic pain, the Allied Psychiatry & Mental Health team, based in Newport Beach"),
        # puffery: the reader asked to imagine relief, a treatment praised as new; the page and its sources
        ("p33", "Picture getting rid of a migraine just minutes after a dose of medicine."),
        ("p33", "Ketamine infusion therapy is a new and exciting treatment that many people with migraines have not"),
        ("p29", "If you are thinking about ketamine therapy and want to know how long its effect lasts, keep reading."),
        ("p29", "Dr. Hadi Estakhri describes how ketamine relieves pain and how long the relief may last."),
        ("p32", "Wikipedia's ketamine page gives plenty of background on its anaesthetic use"),
        ("p32", "Veterinarians often use it to anaesthetise animals."),
        # the disease's causes ("its pain" after them is the limb's), another therapy introduced
        ("p27", "This so-called Phantom Limb Pain is thought to possibly arise from several complex mechanisms"),
        ("p27", "This picture is so deeply imprinted that the memory of the limb, and of its pain, persists"),
        ("p33", "Fortunately, doctors recently introduced a therapy aimed specifically at migraines"),
        # a list's lead-in that only introduces its items says what they say
        ("p25", "Because of its unique mechanism of action, ketamine is effective in a range of chronic pain"),
    ],
)
def test_round8_not_a_claim(page: str, sentence: str) -> None:
    assert sentence in _page(page).read_text(encoding="utf-8")
    assert not [q for q in claims_of(page) if sentence in q or q in sentence], claims_of(page)


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # a study's findings that do not name ketamine: what its patients got
        ("p30", "For most of the patients the relief lasted three months or longer."),
        ("p30", "Among the CRPS patients, pain scores on a 0-10 scale fell by 7.2 points on average."),
        ("p30", "On average, relief lasted three weeks or more."),
        # harms listed under a heading that names the treatment
        ("p31", "Nausea and vomiting, and changes in blood pressure, can also happen."),
        # pain gone, and how the experience feels
        ("p24", "Ketamine infusions can change chronic pain dramatically or even make it disappear."),
        ("p28", "Most people find having a Ketamine infusion a pleasant experience."),
        # the claim in a sentence about the visit ("..., because the Ketamine will make you somewhat tired")
        ("p28", "because the Ketamine will make you somewhat tired"),
        ("p28", "Ketamine is usually well tolerated"),
        # a claim in the other clause of a protocol sentence, and one followed by a question about it
        ("p25", "IV infusion is still the most effective"),
        ("p29", "Everyone knows ketamine therapy relieves pain"),
    ],
)
def test_round8_a_claim(page: str, sentence: str) -> None:
    assert _extracted(page, sentence), sorted(claims_of(page))


def test_a_sentence_that_is_no_claim_inside_a_list_item_is_left_out_between_its_claims() -> None:
    quotes = [q for q in claims_of("p26") if "infusion" in q and "improv" in q]
    assert quotes == [
        "Most patients notice no improvement before their 3rd or 4th infusion.",
        "Some, though, improve straight away, and others see no improvement until after their 6th infusion.",
        "Patients with chronic pain appear to notice improvement after the 2nd or 3rd infusion, with relief that"
        " lasts.",
    ]
    assert not _extracted("p26", "Every patient is different.")


@pytest.mark.parametrize(
    ("page", "sentence", "kind"),
    [
        # a fast heart rate is a harm, not a speed
        ("p34", "palpitations (a fast heart rate, tachycardia);", "side_effect"),
        ("p26", "a faster heart rate and visual disturbances", "side_effect"),
        # the items of a list of side-effects (hyphenated in the lead-in)
        ("p34", "chemical irritation of the skin and the tissue beneath it (cellulitis)", "side_effect"),
        # the drug's effects passing after the infusion: a side effect that passes, not an onset
        ("p17", "Many patients have recovered 20-30 minutes after the infusion ends.", "side_effect"),
        ("p28", "Most of the drug's effects fade within minutes of the infusion ending", "side_effect"),
        ("p35", "whatever initial effects the drug has are over within 30 – 60 minutes", "side_effect"),
        # how the experience feels
        ("p26", "Most patients call it a pleasant experience.", "side_effect"),
        ("p35", "Most patients enjoy the ketamine experience", "side_effect"),
        # an item of a list of the conditions it helps, whatever its description names
        ("p25", "Fibromyalgia: a disorder that causes widespread musculoskeletal pain and fatigue.", "efficacy"),
        ("p25", "Migraines: some patients get relief from severe, persistent headaches.", "efficacy"),
        # a harm a study's patient developed; feeling well for months; relief counted in infusions
        ("p30", "After a first infusion one patient developed raised liver enzymes", "side_effect"),
        ("p28", "Most patients feel well for 1-2 months, while some may respond for as long as 6 months.", "duration"),
        ("p26", "Most patients notice no improvement before their 3rd or 4th infusion.", "onset"),
        ("p35", "Some people respond straight away, and others in the first 24 hours after a treatment.", "onset"),
        # used for acute pain and now more often for chronic: history; safer in a sentence that opens by comparing
        ("p34", "It has also been used for acute pain, and it is now used more often for chronic pain", "history"),
        ("p32", "Compared with the better-known intravenous route", "comparative"),
        ("p25", "but IV infusion is still the most effective", "comparative"),
    ],
)
def test_round8_kind(page: str, sentence: str, kind: str) -> None:
    n = _normalised(page, sentence)
    assert n.kind == kind, n.reasons["kind"]


def test_the_drugs_effects_passing_give_no_onset_of_relief() -> None:
    """ "Whatever initial effects the drug has are over within 30-60 minutes" says when the side effects end: read as
    an onset of relief within the hour, it was supported by every trial that shows relief at 15 minutes."""
    for page, sentence in (
        ("p17", "Many patients have recovered 20-30 minutes after the infusion ends."),
        ("p35", "whatever initial effects the drug has are over within 30 – 60 minutes"),
    ):
        n = _normalised(page, sentence)
        assert (n.kind, n.direction, n.quantity) == ("side_effect", "transient", None), n.reasons


def test_relief_counted_in_infusions_comes_from_repeated_ones() -> None:
    """An onset after the 3rd infusion is not relief within the hour of one: its regimen is repeated, so that trials of
    a single dose are indirect evidence for it."""
    for page, sentence in (
        ("p26", "Most patients notice no improvement before their 3rd or 4th infusion."),
        ("p35", "When a response happens, it generally appears within 1 to 3 infusions."),
    ):
        n = _normalised(page, sentence)
        assert (n.kind, n.regimen) == ("onset", "repeated"), n.reasons


def test_an_onset_in_the_first_hours_starts_from_none() -> None:
    n = _normalised("p35", "Some people respond straight away, and others in the first 24 hours after a treatment.")
    assert n.quantity is not None and (n.quantity.low, n.quantity.high) == (0.0, 1440.0), n.reasons


@pytest.mark.parametrize(
    ("page", "sentence", "population"),
    [
        # musculoskeletal pain on a clinic page is chronic pain, not the injuries of emergency trials
        ("p24", "assorted headaches and musculoskeletal pain, may benefit from ketamine", "chronic_noncancer"),
        ("p25", "Fibromyalgia: a disorder that causes widespread musculoskeletal pain and fatigue.", "fibromyalgia"),
    ],
)
def test_musculoskeletal_pain_is_not_trauma(page: str, sentence: str, population: str) -> None:
    n = _normalised(page, sentence)
    assert population in n.population and "trauma" not in n.population, n.population


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("p18", "Other conditions it may treat effectively include depression, anxiety, post-traumatic stress"),
        ("p12", "as well as bipolar disorder, post-traumatic stress disorder, and depression"),
    ],
)
def test_ptsd_is_no_injury(page: str, sentence: str) -> None:
    """PTSD was read as trauma: injury trials then counted as direct evidence for a claim about chronic pain."""
    n = _normalised(page, sentence)
    assert "trauma" not in n.population and "chronic_noncancer" in n.population, n.population


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("p22", "We have also treated people who lived through terrible trauma"),
        ("p26", "because it lets you work through deep-seated thoughts/emotions/traumas"),
    ],
)
def test_trauma_of_the_mind_is_no_injury(page: str, sentence: str) -> None:
    from ketalit.claims.normalise import _population

    text = next(line for line in _page(page).read_text(encoding="utf-8").splitlines() if sentence in line)
    assert "trauma" not in _population(text)


def test_attention_a_drug_has_drawn_is_no_outcome() -> None:
    n = _normalised("004", "As research expands, ketamine has gained attention for its unique ability")
    assert n.kind == "mechanism" and "cognition" not in n.outcomes, n.outcomes


# -- round 8b: a list under a heading that says its items are conditions ketamine helps -------------------------------


def test_a_list_under_a_question_heading_of_conditions_is_one_claim_per_condition() -> None:
    """heldout7 p41: thirteen bare conditions under "Which Pain Conditions Can Ketamine Treat?" are each a claim
    that ketamine treats that condition, the question their lead-in, the condition their population."""
    heading = "Which Pain Conditions Can Ketamine Treat?"
    items = [c for c in claims_of("p41").values() if c.lead_in == heading]
    assert len(items) == 13, [c.quote for c in items]
    assert {"Migraines", "Lupus", "Cyclic vomiting", "Chronic pancreatitis"} <= {c.quote for c in items}
    for sentence, population in (("Migraines", "headache_migraine"), ("Phantom limb pain", "neuropathic")):
        n = _normalised("p41", sentence)
        assert n.kind == "efficacy" and population in n.population, (n.kind, n.population)
    # a symptom named as a condition is still a condition it treats, not a side effect
    assert _normalised("p41", "Cyclic vomiting").kind == "efficacy"


def test_a_condition_the_vocabulary_lacks_must_be_named_by_its_evidence() -> None:
    """ "Lupus" has no population in the vocabulary: a finding must name it, or trials of chronic pain in general
    would settle whether ketamine treats lupus."""
    assert _normalised("p41", "Lupus").concepts == [["lupus"]]
    assert _normalised("p41", "Chronic Lyme disease").concepts == [["lyme"]]
    assert _normalised("p41", "Migraines").concepts == []  # the vocabulary knows migraine


def test_a_list_under_a_logistics_heading_stays_no_claims() -> None:
    """p05's list under "Before the Infusion" (fasting, a ride home) is logistics, and stays so when the heading is
    asked as a question; a list under a question that is not about what ketamine treats has no lead-in."""
    text = _page("p05").read_text(encoding="utf-8")
    for heading in ("Before the Infusion", "What Should You Do Before the Infusion?"):
        page = text.replace("Before the Infusion\n", f"{heading}\n")
        quotes = [c.quote for c in extract_claims(page, "p05")]
        assert not [q for q in quotes if "Arrange a ride home" in q or "Do not eat for 6 hours" in q], heading


@pytest.mark.parametrize(
    ("page", "sentence", "routes"),
    [
        # a sentence that names its route takes it, not the one of the sentence before or the page's
        ("p38", "When pain is severe, it is frequently given by vein.", {"intravenous"}),
        ("p38", "Pain relief began sooner with the under-the-tongue route", {"sublingual", "oral"}),
        ("p36", "It can be swallowed, but passing through the stomach", {"oral", "intravenous"}),
    ],
)
def test_a_route_named_in_plain_words(page: str, sentence: str, routes: set[str]) -> None:
    n = _normalised(page, sentence)
    assert set(n.routes) == routes, n.reasons.get("routes")


# -- general classes of misreading, each seen on several sites ----------------------------------------------------


@pytest.mark.parametrize(
    ("page", "sentence", "kind", "comparator", "outcome"),
    [
        # routes set against each other: "A, but B" compares B with A; a route after "against" is the one compared with
        ("p36", "It can be swallowed, but passing through the stomach", "comparative", "oral route", "pain_intensity"),
        ("p25", "but IV infusion is still the most effective", "comparative", "intranasal", "pain_intensity"),
        ("p32", "but in our view the subcutaneous infusion is safer", "comparative", "intravenous", "adverse_events"),
        ("p38", "On every other measure, the two routes relieved pain", "comparative", "other", "pain_intensity"),
        ("p38", "Pain relief began sooner with the under-the-tongue route", "onset", "oral route", "onset"),
    ],
)
def test_routes_set_against_each_other_are_compared_not_read_as_relief(
    page: str, sentence: str, kind: str, comparator: str, outcome: str
) -> None:
    """A claim that sets one route of ketamine against another keeps what it is compared with, so that only evidence
    comparing the routes can settle it: evidence that ketamine relieves pain does not show that one route relieves it
    more, or as much."""
    n = _normalised(page, sentence)
    assert (n.kind, n.comparator and n.comparator.startswith(comparator)) == (kind, True), n.reasons
    assert outcome in n.outcomes and n.direction != "improves", (n.outcomes, n.direction)
    assert "routes set against each other" in n.reasons["comparator"]


def test_one_route_among_several_named_without_a_comparison_compares_nothing() -> None:
    n = _normalised("p18", "Ketamine is classed as a Schedule III drug and is available as pills")
    assert (n.kind, n.comparator) == ("history", None), n.reasons
    n = _normalised("p08", "suggested that CRPS may respond to intravenous ketamine, to ketamine applied as a topical")
    assert (n.kind, n.comparator) == ("efficacy", None), n.reasons


@pytest.mark.parametrize(
    ("page", "sentence", "kind", "direction"),
    [
        # misuse in every form of the word is about dependence, not relief
        ("p38", "Ketamine is a controlled substance that can be misused.", "dependence", "causes"),
        ("p10", "Addiction risk is low when it is used in controlled settings", "dependence", "does_not_cause"),
        # who must not have it, misuse in their past among them, stays a contraindication
        ("p03", "anyone who has misused substances in the past should not use ketamine", "safety", "causes"),
    ],
)
def test_misuse_and_addiction_are_dependence(page: str, sentence: str, kind: str, direction: str) -> None:
    """Misuse said of ketamine is about dependence, not relief; a patient's own past misuse is who must not have it,
    and its harm is not dependence on ketamine (evidence on ketamine abuse does not show that these patients face a
    greater risk)."""
    n = _normalised(page, sentence)
    assert (n.kind, n.direction) == (kind, direction), n.reasons
    assert "pain_intensity" not in n.outcomes
    assert ("abuse_dependence" in n.outcomes) == (kind == "dependence"), n.outcomes


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("p37", "Migraine: a type of headache marked by intense pain together with nausea and vomiting."),
        ("p37", "Fibromyalgia: a chronic pain disorder producing pain all over the body."),
        ("p25", "Fibromyalgia: a disorder that causes widespread musculoskeletal pain and fatigue."),
    ],
)
def test_a_condition_defined_in_a_list_is_a_condition_it_helps_not_a_side_effect(page: str, sentence: str) -> None:
    """The symptoms in a listed condition's definition are the disease's (neither side effects nor outcomes): the item
    says ketamine helps that condition."""
    n = _normalised(page, sentence)
    assert (n.kind, n.direction) == ("efficacy", "improves"), n.reasons
    assert n.outcomes == ["pain_intensity"] and n.population, (n.outcomes, n.reasons)


def test_an_item_whose_head_is_no_bare_condition_is_read_whole() -> None:
    quote = "Headache: a dull ache after the infusion, which passes within the day."
    n = normalise(Candidate(document="900", quote=quote, start=0, end=len(quote), lead_in="Possible side effects:"))
    assert n.kind == "side_effect", n.reasons  # an item of a list of side effects, whatever its head
    # a head that names a benefit for a population is no condition being defined: its outcome is the whole item's
    n = _normalised("002", "Opioid-induced hyperalgesia relief:")
    assert n.kind == "efficacy" and "outcomes" not in n.reasons and "hyperalgesia" in n.outcomes, n.reasons


@pytest.mark.parametrize(
    ("page", "sentence", "rule"),
    [
        # the condition said to be hard to treat: what the disease is like
        ("p37", "It is often hard to treat.", "definition"),
        ("p39", "It is frequently hard to treat and can go together with depression", "definition"),
        ("002", "Chronic pain is notoriously difficult to treat.", "definition"),
        # a transition that points to the treatment without saying what it does
        ("p36", "That is where the ketamine nose spray proves useful.", "puffery"),
        ("p21", "This is the point at which ketamine comes in.", "puffery"),
        # uses left unnamed
        ("p40", "More than 1,000 publications advocate using Ketamine for purposes other than anesthesia.", "puffery"),
        # the author's own practice, in the first person
        (
            "p38",
            "As a rule I prescribe ketamine troches or infusions only once many other treatments have failed to bring "
            "relief.",
            "positioning",
        ),
        # how a study was designed, not what it found
        (
            "p38",
            "In a recent trial, researchers in Australia set oral against sublingual ketamine for pain relief in 16 "
            "patients.",
            "meta",
        ),
    ],
)
def test_statements_of_these_general_kinds_are_not_claims(page: str, sentence: str, rule: str) -> None:
    assert sentence in _page(page).read_text(encoding="utf-8")
    assert not_claim_reason(sentence) == rule
    assert not [q for q in claims_of(page) if sentence in q or q in sentence], claims_of(page)


def test_a_paragraph_on_opioids_stays_on_opioids_after_a_leading_phrase() -> None:
    """p41: "With time, opioids need ever larger doses ... Patients grow tolerant and keep raising their doses." The
    paragraph is on opioids from its first sentence, whose subject follows a short leading phrase."""
    assert not _extracted("p41", "Patients grow tolerant and keep raising their doses.")


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("p16", "Ketamine also carries a fairly low addiction risk compared with other pain medicines"),
        ("p22", "Indeed, one could argue they are safer than a lot of the drugs"),
    ],
)
def test_other_medicines_or_drugs_compared_with_are_standard_care(page: str, sentence: str) -> None:
    n = _normalised(page, sentence)
    assert n.comparator == "standard analgesics", n.reasons
    assert n.direction == "less_harm", n.reasons


def test_it_in_a_list_item_that_defines_a_condition_is_the_condition() -> None:
    """p37 lists conditions, each named and defined: the definition says ketamine helps the condition (a claim), and
    "it" in the item's next sentence is the condition, not ketamine."""
    assert _extracted("p37", "Complex regional pain syndrome (CRPS): a chronic pain disorder of the arms or legs.")
    assert not _extracted("p37", "An injury such as a burn or a broken bone frequently sets it off.")
    # an item whose head is a benefit, not a condition, keeps its later sentences
    quote = "Rapid relief: Ketamine can ease pain within hours. It also lifts mood in many patients."
    assert len(extract_claims(f"Benefits of ketamine infusions:\n- {quote}\n")) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine can help pain that is hard to treat.",
        "Researchers set IV ketamine against morphine in 40 patients and found that pain fell faster with ketamine.",
        "This is where ketamine infusions relieve pain that nothing else has touched.",
    ],
)
def test_the_same_words_beside_an_effect_of_ketamine_leave_it_a_claim(sentence: str) -> None:
    assert extract_claims(sentence), sentence


# -- a sentence with no outcome of its own does not inherit the page's; routes come from the sentence's surroundings --


def _sentence(page: str, words: str) -> str:
    """The whole sentence of a page that contains the words."""
    for line in _page(page).read_text(encoding="utf-8").splitlines():
        for span in sentences(line, 0):
            if words in span.text:
                return span.text
    raise AssertionError(f"{words!r} is not on {page}")


@pytest.mark.parametrize(
    ("page", "words", "rule"),
    [
        # whom it suits and when it is offered: patient selection, not an effect
        ("p44", "Ketamine treatment suits chronic pain best when", "positioning"),
        ("p44", "ketamine is used for these conditions only when the usual medicines", "positioning"),
        ("p44", "your provider may propose ketamine infusions", "positioning"),
        ("p47", "Ketamine would not normally be tried first.", "positioning"),
        # the clinic's own schedule and procedure
        ("p45", "sessions are usually booked on five days in a row", "logistics"),
        ("p45", "The response is then assessed", "logistics"),
        # that it is being studied, and the page pointing ahead or to why it is about ketamine
        ("p47", "it is being widely researched as a pain reliever", "meta"),
        ("p47", "Below, we look more closely at what ketamine is", "meta"),
        ("p46", "The thinking behind ketamine for chronic pain relief", "meta"),
        # another drug as the subject, and the clinic's practice of combining it with ketamine
        ("p43", "Lidocaine, a local anesthetic given intravenously", "other_subject"),
        ("p43", "We often give lidocaine and ketamine together", "positioning"),
    ],
)
def test_selection_procedure_research_and_signposts_are_no_claims(page: str, words: str, rule: str) -> None:
    """Each of these sentences names ketamine and pain and so used to be taken as "ketamine relieves pain"."""
    assert not_claim_reason(_sentence(page, words)) == rule
    assert not _extracted(page, words)


@pytest.mark.parametrize(
    ("page", "words"),
    [
        # the treatment's standing said for a condition, labelled claims in the sets before: still claims
        ("p25", "Ketamine for chronic pain, however, has emerged as a promising alternative."),
        ("000", "When used responsibly under medical guidance, ketamine offers hope"),
        ("p11", "Intravenous (IV) ketamine infusion therapy has come forward as a worthwhile treatment choice"),
    ],
)
def test_claims_about_the_treatments_standing_for_a_condition_stay_claims(page: str, words: str) -> None:
    assert _extracted(page, words)


def test_a_claim_naming_no_outcome_effect_or_condition_is_not_weighed_on_pain() -> None:
    """heldout4 p22's "Ketamine infusions have allowed us to save countless lives." names no outcome, effect or
    condition of its own: it gets none (not the page's relief of pain) and cannot be weighed."""
    n = _normalised("p22", "Ketamine infusions have allowed us to save countless lives.")
    assert n.outcomes == []
    assert not n.checkable
    assert "no outcome" in n.reasons["checkable"]


@pytest.mark.parametrize(
    ("page", "words", "why"),
    [
        # "it" is the condition the sentence before names (CRPS): relief of its pain
        ("p11", "has come forward as a worthwhile treatment choice for it", "points back"),
        # an effect said without an outcome on a pain page ("the infusions clearly help")
        ("p08", "Whatever the case, the infusions clearly help.", "'help'"),
    ],
)
def test_a_claim_whose_outcome_is_implied_keeps_relief_of_pain(page: str, words: str, why: str) -> None:
    n = _normalised(page, words)
    assert "pain_intensity" in n.outcomes
    assert n.checkable
    assert why in n.reasons["outcomes"]


def test_one_sentence_naming_a_nasal_spray_does_not_make_the_page_intranasal() -> None:
    """heldout8 p47 names a route once, in the sentence about esketamine's nasal spray: its other claims name none
    and take none; the sentence itself keeps its route."""
    text = _page("p47").read_text(encoding="utf-8")
    assert page_context(text).routes == []
    routes = {q: normalise(c, text).routes for q, c in claims_of("p47").items()}
    assert [q for q, r in routes.items() if "intranasal" in r] == [_sentence("p47", "Spravato nasal spray")]
    assert not routes[_sentence("p47", "Ketamine therapy has emerged as a fitting option")]


def test_a_page_that_names_one_route_in_several_sentences_is_about_it() -> None:
    """heldout7 p39, one paragraph that speaks of ketamine infusions sentence after sentence: its claims that name
    no route are about intravenous ketamine, as its labels say."""
    text = _page("p39").read_text(encoding="utf-8")
    assert page_context(text).routes == ["intravenous"]
    n = _normalised("p39", "Ketamine has proved effective for numerous kinds of chronic pain")
    assert n.routes == ["intravenous"]
    assert n.reasons["routes"].startswith("the route the page is about")


@pytest.mark.parametrize(
    ("page", "sentence", "kind", "direction", "outcome"),
    [
        # side effects said to be minimal and to go away within minutes: a small harm (their time is theirs, not the
        # onset of relief)
        (
            "p45",
            "Side effects of the infusions are minimal and go away within minutes or hours",
            "safety",
            "does_not_cause",
            "adverse_events",
        ),
        # side effects said to be brief, lasting only hours: they pass (not "ketamine causes adverse events")
        (
            "p51",
            "Infusion side effects are usually brief, generally lasting only a few hours.",
            "side_effect",
            "transient",
            "adverse_events",
        ),
        # a rapid heart rate is a harm, not a speed
        (
            "p49",
            "Fatigue, nausea, a rapid heart rate and raised blood pressure may also occur.",
            "side_effect",
            "causes",
            "cardiovascular",
        ),
        # what a leading "Besides ..." sets aside is not the claim: an antidepressant effect is a benefit on mood
        (
            "p46",
            "Besides acting on pain perception, ketamine also has strong antidepressant effects.",
            "efficacy",
            "improves",
            "mood",
        ),
    ],
)
def test_the_clause_that_asserts_decides_kind_and_outcome(
    page: str, sentence: str, kind: str, direction: str, outcome: str
) -> None:
    """A cue word elsewhere in the sentence ("within minutes" said of side effects, "rapid" said of the heart rate, the
    pain a leading "Besides ..." names) does not decide what the sentence asserts."""
    n = _normalised(page, sentence)
    assert (n.kind, n.direction) == (kind, direction), n.reasons
    assert outcome in n.outcomes, n.outcomes
    assert n.quantity is None and "onset" not in n.outcomes, n.reasons
    assert kind != "efficacy" or n.outcomes == [outcome]  # not relief of the pain the leading phrase named


def test_what_a_leading_apart_from_sets_aside_is_not_the_claims_outcome() -> None:
    n = _normalised("p27", "Apart from pain control, researchers are also studying Ketamine")
    assert n.outcomes == ["mood"], n.reasons
    assert "Apart from pain control" in n.reasons["asserts"]


def test_the_fact_a_since_clause_states_stays_checkable_under_advice() -> None:
    """heldout8 p47: "since it can cause side effects and has potential for misuse, it needs to be used under doctors'
    close supervision": the advice is no finding, but the reason it gives is one (reviewers: supported)."""
    n = _normalised("p47", "since it can cause side effects and has potential for misuse")
    assert n.checkable, n.reasons
    assert (n.kind, n.direction) == ("dependence", "causes") and "abuse_dependence" in n.outcomes


@pytest.mark.parametrize(
    ("page", "sentence", "population"),
    [
        ("p37", "Complex regional pain syndrome (CRPS): a chronic pain disorder of the arms or legs.", "crps"),
        ("p37", "Fibromyalgia: a chronic pain disorder producing pain all over the body.", "fibromyalgia"),
        ("p25", "Cancer-Related Pain: patients may be helped by ketamine", "cancer"),
    ],
)
def test_a_condition_described_in_apposition_is_that_condition(page: str, sentence: str, population: str) -> None:
    """The description after a listed condition ("a chronic pain disorder ...") says what the condition is; it does not
    add chronic pain in general to the population the claim is judged on."""
    n = _normalised(page, sentence)
    assert n.population == [population], n.reasons


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("p44", "At the start of treatment your provider gives you a sedative to prevent hallucinations."),
        ("p49", "Changing the dose will help with these side effects."),
        ("p07", "To make this side effect less frequent, we give midazolam"),
        ("p17", "we can lower the dose or slow the infusion to lessen them"),
    ],
)
def test_a_remedy_for_the_side_effects_is_a_claim_about_the_remedy(page: str, sentence: str) -> None:
    """A dose change or a drug given with ketamine said to prevent or lessen its side effects asserts what the remedy
    does (ketamine with it against ketamine without it), not that ketamine causes them: read as "ketamine causes
    hallucinations", heldout8 p44 and heldout9 p49 were supported by every trial that reports hallucinations."""
    n = _normalised(page, sentence)
    assert (n.kind, n.direction, n.polarity) == ("side_effect", "less_harm", "positive"), n.reasons
    assert n.comparator == "ketamine without the remedy" and "remedy" in n.reasons["comparator"]
    assert "remedy" in n.reasons["kind"]


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        ("p51", "In the past, ketamine has been used to put people under anesthesia and keep them there"),
        ("p40", "Ketamine is a medicine ordinarily given during anesthesia to produce sedation, dissociation"),
        ("p49", "Ketamine is an anesthetic drug in wide use."),
    ],
)
def test_its_use_in_anaesthesia_is_history_not_the_effects_of_the_anaesthesia(page: str, sentence: str) -> None:
    """A sentence on ketamine's use in anaesthesia states a fact of its use, judged on what the literature says of its
    use; the sedation or dissociation an anaesthetic gives is not a side effect claimed of the treatment (read so,
    heldout9 p51 was "ketamine causes sedation in children"), nor is "in wide use" an effect with no outcome."""
    n = _normalised(page, sentence)
    assert (n.kind, n.direction, n.outcomes) == ("history", "states", []), n.reasons
    assert n.checkable and "history" in n.reasons["kind"]


def test_another_drug_said_to_stop_ketamine_working_is_not_weighed_as_relief() -> None:
    """heldout9 p50: "Indeed, opioids may stop ketamine from helping at all." (reviewers: contradicted, since patients
    on opioids got relief in the trials). Read as "ketamine relieves pain", those very trials supported it. The
    proposition cannot name an interaction between drugs: the claim stays, not checkable, with the reason."""
    n = _normalised("p50", "Indeed, opioids may stop ketamine from helping at all.")
    assert not n.checkable and "interaction" in n.reasons["checkable"], n.reasons
    # the sentence before, which says what ketamine does, stays checkable
    assert _normalised("p50", "ketamine, by contrast, relieves not only pain but inflammation too").checkable


# -- round 10: a veto reaches only the clause it matches ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "sentence", "clause"),
    [
        # a variability frame before a claim ("Every patient is unique ..., but more than 70% ...")
        ("p51", "Every patient is unique and results cannot be guaranteed, but more than 70%", "more than 70%"),
        # "Some ..., while for others <what the treatment does>": read from what the first patients get
        ("p51", "Some patients get long-term relief from one series of infusions, while for others", "long-term"),
        ("p31", "Some people report that their pain does not improve, while others report", "does not improve"),
        ("p29", "Some people get significant pain relief straight after their first session, whereas", "straight"),
        # "controlled setting" inside a participial phrase, "be given regularly" in a second predicate
        ("p51", "given in a monitored and controlled setting, ketamine has no addictive potential", "no addictive"),
    ],
)
def test_a_claim_beside_a_variability_or_setting_clause_is_kept(page: str, sentence: str, clause: str) -> None:
    """heldout9 p51's claims were skipped whole because one clause or phrase said patients differ or named the
    setting; one of them ("given in a monitored and controlled setting, ketamine has no addictive potential") is a
    false safety claim the reviewers contradicted, which was never checked. The claim is the clause the veto does not
    reach, and it is reported with that clause (for "while others", what the first patients get, so that p29's is
    about onset and p51's about how long relief lasts, as the reviewers read them)."""
    (quote,) = _extracted(page, sentence)
    candidate = claims_of(page)[quote]
    assert clause in candidate.clause, candidate.why
    assert "controlled setting" not in candidate.clause


@pytest.mark.parametrize(
    ("page", "sentence", "kind"),
    [
        ("p29", "Some people get significant pain relief straight after their first session", "onset"),
        ("p51", "Some patients get long-term relief from one series of infusions", "duration"),
    ],
)
def test_a_while_others_sentence_is_read_from_what_the_first_patients_get(page: str, sentence: str, kind: str) -> None:
    """Read whole, "... straight after their first session, whereas others may need several infusions" was a claim
    about the dose; reviewers read it as how soon relief comes, and p51's as how long it lasts."""
    assert _normalised(page, sentence).kind == kind


def test_a_safety_claim_inside_a_setting_phrase_is_checked_as_no_dependence() -> None:
    """The p51 sentence the reviewers contradicted reaches the evidence as what it asserts: no dependence."""
    n = _normalised("p51", "given in a monitored and controlled setting, ketamine has no addictive potential")
    assert (n.kind, n.outcomes, n.polarity) == ("dependence", ["abuse_dependence"], "negative"), n.reasons
    assert n.checkable


@pytest.mark.parametrize(
    ("page", "sentence"),
    [
        # the work-up before treatment, whatever outcome or drug the sentence names
        ("p48", "Anyone who comes to our clinic will already have been seen by a neurologist"),
        # the clinician explaining the procedure, "including its possible complications and side effects"
        ("p49", "the doctor will walk you through the procedure in detail"),
        # where it stands among treatments, even for a named condition
        ("p50", "It is regarded as a third-line option for pain relief"),
        ("p50", "I also prescribe it for other conditions that have not responded to treatment."),
        # what is set for each patient
        ("p51", "Infusion dose and frequency are individualised for each patient"),
        ("p52", "Each client's series is custom-made in close collaboration"),
        # a disclaimer with an effect word after it
        ("p52", "It cures neither condition; instead it is a tool that helps clients cope better"),
    ],
)
def test_procedure_positioning_and_disclaimers_are_not_claims(page: str, sentence: str) -> None:
    """heldout9's non-claims that were extracted and then weighed (p49's walk-through and p50's third-line sentence
    were "supported"): a sentence whose asserting clause is the clinic's procedure, the treatment's place among others
    or a disclaimer is no claim, though another clause names side effects, a condition or relief."""
    assert _extracted(page, sentence) == []


def test_a_list_under_the_warning_signs_of_the_disease_is_not_claims() -> None:
    """heldout9 p48: "Some people notice warning signs that a migraine may be on its way:" introduces the disease's
    signs ("Feeling sick and vomiting", "Trouble speaking"), which were read as side effects of ketamine and as pain it
    relieves. The page's claims about ketamine are still found."""
    for item in ("Feeling sick and vomiting", "Trouble speaking", "Blind spots in vision", "Flashes of light"):
        assert _extracted("p48", item) == []
    assert len(claims_of("p48")) >= 5


def test_a_verb_that_takes_pain_away_undoes_damage_or_ranks_the_drug_makes_a_claim() -> None:
    # each was left out as "no reference to ketamine with an effect", so the reader never saw it go unchecked
    said = [
        "Ketamine cuts pain scores after knee surgery.",
        "Ketamine halves the morphine patients need after surgery.",
        "Ketamine eliminates the burning pain of shingles.",
        "Ketamine repairs the nerves that CRPS has damaged.",
        "Ketamine is the first-line treatment for phantom limb pain.",
    ]
    page = "Ketamine for pain\n\n" + "\n\n".join(said) + "\n"
    assert [c.quote for c in extract_claims(page, "900")] == said
    # the same words about a clinic or a visit, not the drug, stay what they were
    visit = "Ketamine for pain\n\nOur team will repair your IV line if it slips.\n\nParking is the best option.\n"
    assert extract_claims(visit, "900") == []


def test_a_claim_clause_beside_a_call_is_kept_when_it_says_what_patients_get() -> None:
    page = "Ketamine infusions for CRPS\n\nCall us today to book your first visit; relief lasts for years.\n"
    assert [c.quote for c in extract_claims(page, "900")] == ["relief lasts for years."]
    page = "Ketamine infusions for CRPS\n\nCall us today to book your first visit; parking is free.\n"
    assert extract_claims(page, "900") == []
