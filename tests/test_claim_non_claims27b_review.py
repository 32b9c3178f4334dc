# ruff: noqa: E501  (the review's sentences, verbatim)
"""The 91 sentences an independent review of round 27's non-claim rules built in the shapes of those rules (rule
probed, expected 'claim' or 'non', sentence), each read on a page in three shapes: alone under a heading naming
ketamine, after a sentence about the disease, and after a sentence that is a claim of ketamine. On branch nc27, 52 real
claims that main keeps were left out, because a rule that describes the state of research, the clinic's plan, advice,
the patient's plight or how many people have a disease left out a sentence that also says what ketamine does. Round 27b
reads the new rules only where no clause states a finding of the treatment (`extract.states_finding`), the plight only
where the sentence does not refer to the treatment, the share of people only where they live with the disease, and "the
response to treatment" and "is a treatment that" as the treatment the page is about.

Eight claims are left out on main too, by older rules (named per sentence): expected failures, kept so the review's
list is whole."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims

HEAD = "Ketamine Infusions for Chronic Pain\n\n"
SHAPES = {
    "alone": "",
    "para": "Chronic pain affects millions of people and can be hard to live with. ",
    "lead": "Ketamine infusions relieve nerve pain in many patients. ",
}
LEFT_OUT_ON_MAIN = {
    "Patients with CRPS are good candidates for treatment, and most see relief within a week.",
    "Our doctors find the five-day protocol relieves CRPS pain in most patients.",
    "Researchers investigating how ketamine works discovered that it blocks NMDA receptors in the spinal cord.",
    "Various mechanisms are put forward for ketamine, and each involves blocking the NMDA receptor that amplifies pain.",
    "Doctors are starting to consider ketamine because it reduces opioid use by a third.",
    "The study enrolled 120 patients, and those given ketamine needed half as much morphine.",
    "Patients need other options, and this medication relieves pain when opioids fail.",
}

REVIEW = [
    ("ref", "claim", "For many patients with CRPS, this is a treatment that brings relief within days."),
    ("ref", "claim", "Most patients respond to treatment within a day."),
    (
        "ref",
        "claim",
        "Patients with CRPS are good candidates for treatment, and most see relief within a week.",
    ),  # main leaves it out too: positioning: 'are good candidates for'
    ("ref", "claim", "The response to treatment is usually felt within 24 hours."),
    ("ref", "claim", "Relief from any treatment session usually lasts two to three weeks."),
    ("ref", "claim", "Pain relief after a treatment that lasts only 40 minutes can persist for several weeks."),
    ("ref", "claim", "About 70% of patients respond to therapy after the third visit."),
    ("plan", "claim", "We find that a protocol of six infusions over two weeks gives the longest relief."),
    (
        "plan",
        "claim",
        "Our doctors find the five-day protocol relieves CRPS pain in most patients.",
    ),  # main leaves it out too: logistics: 'Our doctors'
    ("plan", "claim", "Together with physical therapy, patients find the ketamine regimen cuts pain by half."),
    (
        "plan",
        "claim",
        "In our experience, we find a course of treatment of six infusions keeps pain down for three months.",
    ),
    ("plan", "claim", "Treatment plans are designed around six infusions because fewer give shorter relief."),
    ("discuss", "claim", "Ketamine can raise blood pressure, so discuss any heart problems with your doctor."),
    (
        "discuss",
        "claim",
        "Because ketamine can interact with benzodiazepines, discuss your medications with your physician.",
    ),  # kept since round 28 (drops28): 'interact' is an effect the extractor reads
    ("discuss", "claim", "Ketamine may cause dissociation and nausea; discuss these side effects with your provider."),
    (
        "discuss",
        "claim",
        "Ketamine raises blood pressure for about an hour, which is why you should discuss heart disease with a specialist first.",
    ),
    ("looked", "claim", "Trials in over 500 patients examined ketamine, and it cut pain by half."),
    ("looked", "claim", "Trials with several hundred patients have tested ketamine, and pain dropped by a third."),
    ("looked", "claim", "Recent randomised trials examined ketamine in CRPS and saw pain fall by 40%."),
    (
        "whether",
        "claim",
        "Researchers investigating how ketamine works discovered that it blocks NMDA receptors in the spinal cord.",
    ),  # main leaves it out too: meta: 'Researchers investigating' (main's rule)
    ("whether", "claim", "Doctors testing whether ketamine helps CRPS saw pain scores fall by half."),
    (
        "whether",
        "claim",
        "Scientists examining how ketamine relieves pain traced its effect to NMDA receptor blockade.",
    ),
    ("whether", "claim", "Trials testing whether a single infusion helps migraine recorded relief in 60% of patients."),
    ("whether", "claim", "Researchers looking at how long relief lasts measured benefits of up to 11 weeks."),
    (
        "setout",
        "claim",
        "Research that set out to find the best dose established 0.5 mg/kg as effective for most patients.",
    ),
    (
        "setout",
        "claim",
        "Research aimed to see whether ketamine lowers opioid use, and patients used 40% less morphine.",
    ),
    (
        "workedout",
        "claim",
        "Although the precise mechanism has not been pinned down, ketamine reliably reduces pain within hours.",
    ),
    (
        "workedout",
        "claim",
        "Ketamine relieves nerve pain within hours, though how it does so has not been fully worked out.",
    ),
    (
        "workedout",
        "claim",
        "Why relief lasts weeks after the drug is gone has not been figured out, but it often lasts three weeks or more.",
    ),
    (
        "proposed",
        "claim",
        "Several mechanisms have been proposed, and ketamine is known to block NMDA receptors and reverse central sensitisation.",
    ),
    (
        "proposed",
        "claim",
        "Various mechanisms are put forward for ketamine, and each involves blocking the NMDA receptor that amplifies pain.",
    ),  # main leaves it out too: protocol: 'involves'
    ("dontknow", "claim", "Doctors don't yet know exactly why, but ketamine quiets overactive pain signals."),
    ("dontknow", "claim", "We don't know how long relief lasts for everyone, but most patients get two to six weeks."),
    (
        "dontknow",
        "claim",
        "Doctors do not fully know why ketamine relief outlasts the drug in the body by several weeks.",
    ),
    (
        "dontknow",
        "claim",
        "Experts are still undecided about the best dose, though 0.5 mg/kg relieves pain in most patients.",
    ),
    ("evolving", "claim", "Our understanding is still evolving, but ketamine consistently lowers pain scores in CRPS."),
    ("evolving", "claim", "New trials are published every year showing that ketamine relieves CRPS pain."),
    ("evolving", "claim", "The evidence is still developing, yet a single ketamine infusion reduces pain for weeks."),
    ("interest", "claim", "Interest has grown because ketamine works within hours."),
    ("interest", "claim", "Interest has grown because ketamine relieves pain that resists opioids."),
    ("moreandmore", "claim", "More and more patients are turning to ketamine, which relieves pain within hours."),
    (
        "moreandmore",
        "claim",
        "A growing number of patients are seeking ketamine, as it eases pain that opioids cannot.",
    ),
    (
        "moreandmore",
        "claim",
        "Doctors are starting to consider ketamine because it reduces opioid use by a third.",
    ),  # main leaves it out too: positioning: 'Doctors are starting to consider'
    ("moreandmore", "claim", "Many clinicians have begun to explore ketamine, which relieves CRPS pain for weeks."),
    ("press", "claim", "Ketamine has been featured in the news for relieving depression within hours."),
    ("press", "claim", "Ketamine, discussed widely in the media, relieves nerve pain within hours."),
    ("asked", "claim", "We are often asked whether ketamine is addictive; at these low doses, addiction is rare."),
    ("asked", "claim", "Whether it is safe has no simple answer, but serious side effects at infusion doses are rare."),
    ("asked", "claim", "To help you understand the risks, ketamine can raise blood pressure for about an hour."),
    (
        "asked",
        "claim",
        "Patients who want to know whether it works should know that 70% respond after three infusions.",
    ),
    ("review", "claim", "This review looks at 12 trials, and ketamine cut pain for up to four weeks in most of them."),
    ("review", "claim", "This summary covers why ketamine relieves CRPS pain for up to 12 weeks."),
    ("explored", "claim", "Ketamine is also being explored for migraine, where it cuts attack pain within an hour."),
    ("explored", "claim", "Ketamine is now being evaluated for cancer pain, and early results are encouraging."),
    ("followed", "claim", "One study followed 60 patients for a year, and their pain stayed 40% lower."),
    (
        "followed",
        "claim",
        "The study enrolled 120 patients, and those given ketamine needed half as much morphine.",
    ),  # main leaves it out too: meta: 'The study enrolled' (main's rule)
    (
        "followed",
        "claim",
        "It tracked 30 migraine patients whose attacks fell from eight to three a month on ketamine.",
    ),
    ("success", "claim", "A patient counted as a responder if pain fell by half, and 55% of patients on ketamine did."),
    ("calledfor", "claim", "The review found that ketamine relieved pain for four weeks and called for larger trials."),
    ("calledfor", "claim", "Ketamine halved pain scores in the trial, whose authors called for larger studies."),
    ("plight", "claim", "Patients who get no relief from opioids often respond to this treatment within days."),
    ("plight", "claim", "Two thirds of patients who get no benefit from opioids respond to the drug."),
    ("plight", "claim", "Patients who found no relief from standard drugs report 50% less pain after the therapy."),
    (
        "plight",
        "claim",
        "Patients need other options, and this medication relieves pain when opioids fail.",
    ),  # main leaves it out too: other_subject: 'opioids'
    ("plight", "claim", "People who have had no relief from other medicines usually improve after a few sessions."),
    ("pct", "claim", "About 30% of people feel dizzy or nauseous after a dose."),
    ("pct", "claim", "Fewer than 1% of people develop bladder problems at clinic doses."),
    ("pct", "claim", "Around 5 percent of adults given the medication vomit during the session."),
    ("non", "non", "Researchers are also studying whether ketamine could help prevent PTSD."),
    ("non", "non", "Together we will work out a treatment plan suited to your circumstances."),
    ("non", "non", "Make sure you discuss its possible risks and benefits with your doctor."),
    ("non", "non", "Interest in ketamine for pain has grown considerably in recent years."),
    ("non", "non", "Plenty of patients get too little relief from these medicines."),
    ("non", "non", "Close to 20 percent of adults in the U.S. live with chronic back pain."),
    ("non", "non", "We are often asked whether ketamine really helps migraine."),
    ("non", "non", "It followed 25 amputees who had phantom limb pain for over a year."),
    ("non", "non", "Nerve pain badly needs a treatment that works."),
    ("non", "non", "Ketamine has been discussed on TV and in newspapers."),
    ("non", "non", "How ketamine eases pain has not been fully worked out."),
    ("ref", "claim", "It is a treatment that works within hours for many patients."),
    ("ref", "claim", "Many people who respond to treatment stay pain-free for weeks."),
    ("ref", "claim", "Nausea is common in people new to treatment and fades within an hour."),
    ("ref", "claim", "Patients referred for treatment with CRPS usually report less pain after the first week."),
    ("whether", "claim", "Researchers studying how ketamine works have learned that it blocks NMDA receptors."),
    ("whether", "claim", "Studies looking at whether ketamine reduces opioid use point to a 30% reduction."),
    ("interest", "claim", "Interest has exploded as patients discover that ketamine eases pain in hours."),
    (
        "plight",
        "claim",
        "Patients who get little relief from standard painkillers often do well with a series of sessions.",
    ),
    ("pct", "claim", "About 40% of people notice blurred vision for an hour afterwards."),
    ("discuss", "claim", "Discuss with your doctor first, because ketamine can cause a brief rise in heart rate."),
    ("plan", "claim", "Our team will develop a regimen, and most patients need six infusions for lasting relief."),
    ("looked", "claim", "Clinical trials have examined ketamine in CRPS, with pain scores falling for up to 12 weeks."),
]


def _taken(sentence: str, lead: str) -> bool:
    page = HEAD + lead + sentence + "\n"
    start = len(HEAD + lead)
    end = start + len(sentence)
    return any(c.start < end and c.end > start for c in extract_claims(page, "review"))


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize(
    ("rule", "expected", "sentence"),
    [
        pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason="left out on main too, by an older rule"))
        if row[2] in LEFT_OUT_ON_MAIN
        else row
        for row in REVIEW
    ],
)
def test_review_sentences_claims_kept_and_non_claims_left_out(
    rule: str, expected: str, sentence: str, shape: str
) -> None:
    assert _taken(sentence, SHAPES[shape]) == (expected == "claim"), (rule, shape)
