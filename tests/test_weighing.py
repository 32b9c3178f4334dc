"""How the evidence engine weighs evidence the way a pharmacologist would, on real records of the shipped library:
before-after changes and reviews that rate their own evidence as weak are not strong evidence of a benefit; acute
pain around surgery is another population than chronic pain; the direct evidence decides; a claim of a large or
certain benefit needs evidence with nothing credible against it; a harm that occurs in both arms can still happen."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.findings import read_record
from ketalit.claims.link import evidence_for, link_claim
from ketalit.claims.negation import Context
from ketalit.claims.stance import concept_match, stance_of
from ketalit.claims.verdict import (
    Evidence,
    Tally,
    _states_figure,
    claim_condition,
    downgraded,
    history_effect,
    in_digits,
    shown_parts,
    strength_words,
    treated_diagnosis,
    verdict,
)
from ketalit.library import Library
from ketalit.search import SearchIndex

from conftest import ROOT, make_claim

LIBRARY = ROOT / "library"


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open(LIBRARY)  # read only


@pytest.fixture(scope="module")
def searched(shipped_copy: Path) -> tuple[Library, SearchIndex]:
    lib = Library.open(shipped_copy)
    return lib, SearchIndex.for_library(lib)


def claim(quote: str, **kw) -> Claim:
    return make_claim(quote, **kw)


def evidence(lib: Library, c: Claim, key: str):
    rec = lib.find(key)
    assert rec is not None, key
    return evidence_for(c, rec, 0, read_record(rec), 1.0)


CRPS = {"settings": ["crps"], "routes": ["intravenous"], "regimen": "infusion"}


def test_a_before_after_change_counts_as_an_observational_study(lib: Library) -> None:
    c = claim("Ketamine infusions relieve CRPS pain.", **CRPS)
    # a meta-analysis that pools the fall in pain from each patient's own baseline, with no control group
    zhao = evidence(lib, c, "29404715")
    assert zhao.stance == "supports" and zhao.controlled is False
    v, why = verdict(c, [zhao])
    assert v == "insufficient"  # one observational-grade record: a meta-analysis only in name
    assert "no control group" in why
    # a randomised comparison with placebo is controlled
    sigtermans = evidence(lib, c, "19604642")
    assert sigtermans.stance == "supports" and sigtermans.controlled is True


def test_a_pooled_estimate_or_standard_treatment_is_a_comparison_with_a_control(lib: Library) -> None:
    c = claim("Ketamine relieves neuropathic pain.", settings=["neuropathic"])
    # "Ketamine addition to standard treatment ... a statistically significant reduction of pain intensity (MD -2.14)"
    pereira = evidence(lib, c, "35431578")
    assert pereira.stance == "supports" and pereira.controlled is True


def test_a_review_that_rates_its_evidence_as_weak_is_not_strong_evidence(lib: Library) -> None:
    c = claim("Ketamine infusions relieve CRPS pain.", **CRPS)
    ratings = {
        "connolly2015systematic": "no high quality evidence",
        "21044263": "no conclusions can yet be made",  # Collins 2010
        "22136149": "trials are needed to establish the efficacy",  # Azari 2012
    }
    for key, words in ratings.items():
        e = evidence(lib, c, key)
        assert e.certainty == words, key
    # Azari 2012 finds ketamine "a promising treatment": alone it does not make the claim supported
    v, why = verdict(c, [evidence(lib, c, "22136149")])
    assert v == "insufficient" and "rates its evidence as weak" in why
    # a trial's placebo is an arm; a placebo named only in a call for future trials is not
    assert read_record(lib.find("19604642")).study.placebo
    assert read_record(lib.find("34820225")).study.placebo is None  # Chitneni 2021: "Future ... placebo-controlled"


def test_a_claim_of_a_large_or_certain_benefit_needs_evidence_with_nothing_credible_against_it(searched) -> None:
    lib, index = searched
    plain = claim("Ketamine infusions help patients with CRPS.", **CRPS)
    strong = claim("Ketamine infusions clearly help patients with CRPS.", **CRPS)
    _, v_plain, _ = link_claim(plain, index, lib)
    _, v_strong, why = link_claim(strong, index, lib)
    assert v_plain == "supported"  # two placebo-controlled trials of CRPS infusions
    # but reviews of CRPS rate the evidence as weak: "clearly" goes beyond it
    assert v_strong == "mixed"
    assert "'clearly'" in why and "rates its evidence as weak" in why


def test_surgery_and_emergency_care_are_another_population_for_a_chronic_pain_claim(lib: Library) -> None:
    c = claim("Ketamine relieves chronic pain that other treatments have not eased.", settings=["chronic_noncancer"])
    # intraoperative ketamine in opioid-dependent patients with chronic back pain: postoperative pain
    rec = lib.find("20693876")  # Loftus 2010
    st = stance_of(c, rec, read_record(rec))
    assert any("acute pain" in why for why in st.indirect), st.indirect
    # a review of several indications is read sentence by sentence, not set aside as a whole
    review = lib.find("28979762")  # Jonkman 2017: ED, postoperative, cancer and chronic non-cancer pain
    st = stance_of(c, review, read_record(review))
    assert not any("acute pain" in why for why in st.indirect)


def test_the_direct_evidence_decides(searched) -> None:
    lib, index = searched
    c = claim("Ketamine infusions help patients with CRPS.", **CRPS)
    found, v, why = link_claim(c, index, lib)
    # null trials in the emergency department and after surgery are among the records read...
    assert any(e.stance == "contradicts" and e.indirect for e in found)
    # ...but CRPS trials decide, and the explanation cites them, not another population's
    assert v == "supported"
    assert "[indirect]" not in why.split("Deciding:")[1]


def test_a_harm_seen_as_often_as_with_placebo_can_still_happen(lib: Library) -> None:
    c = claim("Most patients say the experience is profoundly relaxing.", kind="side_effect", outcomes=["mood"])
    assert c.proposition.direction == "causes"
    found = [evidence(lib, c, key) for key in ("shen2023effect", "10.1097/aln.0000000000003345")]
    assert any(e.stance == "contradicts" for e in found)  # mood no different from placebo
    v, _ = verdict(c, found)
    assert v != "contradicted"  # that it happens as often with placebo is not a report that it never happens


def test_matching_an_analgesic_shows_relief_not_an_effect_on_anything_else(lib: Library) -> None:
    c = claim("Improved mental clarity once pain subsides", outcomes=["cognition"])
    rec = lib.find("15983467")  # Joly 2005: "no significant differences in pain ... cognitive tests" vs remifentanil
    st = stance_of(c, rec, read_record(rec))
    assert st.stance != "supports"
    pain = claim("Ketamine relieves pain after surgery.", settings=["postoperative"])
    assert stance_of(pain, rec, read_record(rec)).stance == "supports"  # as effective as remifentanil for pain


def test_a_plasma_concentration_is_not_concentration_of_the_mind(lib: Library) -> None:
    rec = lib.find("29661389")  # Jonkman 2018: "... doubled at an esketamine concentration of 127 ng/ml"
    assert not [f for f in read_record(rec).findings if f.outcome == "cognition"]


MIGRAINE = {"settings": ["headache_migraine"]}


def test_a_claim_that_some_patients_benefit_is_shown_by_patients_who_did(searched) -> None:
    lib, index = searched
    # emergency-department trials of a migraine attack found no more relief than placebo (Etchison 2018)...
    _, v, _ = link_claim(claim("Ketamine helps migraines.", **MIGRAINE), index, lib)
    assert v == "mixed"
    # ...a single trial of that regimen does not refute that some patients with migraine benefit from infusions, as
    # case series and cohorts report (the single-dose trials are indirect for infusions)...
    infusions = {**MIGRAINE, "routes": ["intravenous"], "regimen": "infusion"}
    for quote in ("Ketamine helps migraines (some cases).", "Patients have described less severe headaches."):
        _, v, why = link_claim(claim(quote, **infusions), index, lib)
        assert v == "supported", quote
        assert "some patients benefit" in why
    # ...but trials by several groups finding no benefit (single doses in emergency care, ketamine against
    # prochlorperazine) are enough to decide on their own: against them, reports of patients who improved leave the
    # claim open
    _, v, why = link_claim(claim("Ketamine helps migraines (some cases).", **MIGRAINE), index, lib)
    assert v == "mixed", why
    assert "some patients benefit" not in why
    # but a claim about what trials found is judged on the trials
    _, v, _ = link_claim(claim("Clinical trials found that some patients benefit.", **MIGRAINE), index, lib)
    assert v != "supported"


def test_a_claim_that_the_response_differs_between_people_is_shown_by_evidence_both_ways(searched) -> None:
    lib, index = searched
    fibromyalgia = {"settings": ["fibromyalgia"]}
    # on fibromyalgia, a null trial (Noppers 2011) faces a favourable review and a series of responders...
    _, v, _ = link_claim(claim("Ketamine relieves fibromyalgia pain.", **fibromyalgia), index, lib)
    assert v == "mixed"
    # ...which is what a claim that people respond in different ways says
    _, v, why = link_claim(
        claim("People with fibromyalgia respond to ketamine in different ways.", **fibromyalgia), index, lib
    )
    assert v == "supported", why
    assert "differs between people ('in different ways')" in why
    # evidence that does not point both ways does not show it: one case series on trigeminal neuralgia
    quote = "How well ketamine works for trigeminal neuralgia differs between people."
    _, v, why = link_claim(claim(quote, settings=["neuropathic"]), index, lib)
    assert v == "insufficient", why


def test_an_emergency_trial_of_a_migraine_attack_is_about_migraine(lib: Library) -> None:
    c = claim("Ketamine helps migraines.", **MIGRAINE)
    rec = lib.find("10.5811/westjem.2018.8.37875")  # Etchison 2018: ED headache, no better than placebo
    st = stance_of(c, rec, read_record(rec))
    assert st.stance == "contradicts" and not st.indirect
    # ketamine worse than an active drug (prochlorperazine, Zitek 2018) counts against a claim that it helps
    rec = lib.find("10.1016/j.annemergmed.2017.08.063")
    st = stance_of(c, rec, read_record(rec))
    assert st.stance == "contradicts" and "prochlorperazine did better than ketamine" in st.why


def test_one_emergency_dose_is_indirect_for_infusion_therapy_and_series_alone_settle_nothing(searched) -> None:
    lib, index = searched
    infusions = claim("Research findings on ketamine infusions for migraines and other kinds of chronic headache have "
                      "been impressive.", routes=["intravenous"], regimen="infusion", **MIGRAINE)  # fmt: skip
    # Zitek 2018 gave one dose in the emergency department; its abstract states no dose, its population tag says so
    rec = lib.find("10.1016/j.annemergmed.2017.08.063")
    st = stance_of(infusions, rec, read_record(rec))
    assert any(w.startswith("regimen: a single dose") and "emergency_department" in w for w in st.indirect)
    # the direct evidence is uncontrolled series of infusions: too weak to decide, and the emergency trials against
    # them do not make the question open
    found, v, why = link_claim(infusions, index, lib)
    direct = [e for e in found if e.stance != "neutral" and not e.indirect and e.about_condition]
    assert direct and all(e.design != "rct" for e in direct)
    assert v == "insufficient", why
    # the same for pain that other treatments have not eased, a course of treatment whatever the claim's regimen;
    # a trial's stated single dose (Etchison 2018) is indirect for it too
    refractory = claim("For patients whose migraines have not improved with traditional therapies, ketamine is a great "
                       "option.", **MIGRAINE)  # fmt: skip
    for key in ("10.1016/j.annemergmed.2017.08.063", "10.5811/westjem.2018.8.37875"):
        rec = lib.find(key)
        st = stance_of(refractory, rec, read_record(rec))
        assert any(w.startswith("regimen: ") and "not improved" in w for w in st.indirect), st.indirect
    assert link_claim(refractory, index, lib)[1] == "insufficient"


def test_relief_gone_within_hours_is_not_relief_of_a_chronic_condition(lib: Library) -> None:
    # Noppers 2011: more responders 15 min after the infusion, no difference at 2.5 h or during 8 weeks: "efficacy
    # ... restricted in duration to its pharmacokinetics"
    rec = lib.find("noppers2011absence")
    st = stance_of(claim("Ketamine relieves fibromyalgia pain.", settings=["fibromyalgia"]), rec, read_record(rec))
    assert st.stance in ("contradicts", "mixed")
    # for pain after a procedure, relief in the first hours is the claim itself
    st = stance_of(claim("Ketamine relieves pain."), rec, read_record(rec))
    assert st.stance == "supports"


def test_evidence_from_other_populations_leaves_a_thinly_studied_question_open(searched) -> None:
    lib, index = searched
    # opioid-refractory cancer pain: one tiny crossover trial (Mercadante 2000) is direct; the large cancer-pain
    # trial and reviews of chronic pain, less direct, find little or no benefit
    c = claim("Cancer pain unresponsive to opioids", settings=["cancer", "opioid_tolerant"], all_settings=True)
    found, v, _ = link_claim(c, index, lib)
    assert [e for e in found if e.stance == "supports" and not e.indirect]
    assert v == "mixed"


def test_contradicted_only_when_nothing_credible_supports() -> None:
    def ev(stance: str, design: str, author: str) -> Evidence:
        return Evidence(0, None, None, author, "t", 2020, author, design, stance, ["A result."], related=1)

    c = claim("Ketamine relieves pain.")
    assert verdict(c, [ev("contradicts", "meta_analysis", "A"), ev("supports", "cohort", "B")])[0] == "contradicted"
    # a meta-analysis against, two trials for: the credible evidence does not say the opposite, it is divided
    two_trials = [ev("supports", "rct", "B"), ev("supports", "rct", "C")]
    assert verdict(c, [ev("contradicts", "meta_analysis", "A"), *two_trials])[0] == "mixed"


def test_unable_to_show_a_benefit_is_no_difference(lib: Library) -> None:
    rec = lib.find("czarnetzki2020perioperative")  # "We were unable to show any analgesic benefit of a ..."
    reading = read_record(rec)
    last = [f for f in reading.findings if "unable to show" in reading.text(rec, f.s)]
    assert last and all(f.direction == "same" for f in last)


# -- round 3: what a claim says must be what the evidence shows ------------------------------------------------------


def test_a_statement_must_name_a_share_of_what_the_claim_states(lib: Library) -> None:
    # a history claim without concept groups: "use" and "anesthetic" are in many abstracts, "FDA" and "approved" in
    # none of these; a sentence that names two of six words is on the topic, not a statement of the claim
    fda = claim("Its use as an anesthetic was approved by the FDA decades ago.", kind="history", outcomes=[],
                terms="use anesthetic approved fda decades ago")  # fmt: skip
    palamar = evidence(lib, fda, "36475433")
    assert palamar.stance == "neutral" and palamar.related
    assert "names only" in palamar.why
    assert verdict(fda, [palamar])[0] == "insufficient"
    # a sentence that names what the claim states does state it ("ketamine blocks NMDA receptors on GABA neurons
    # ... increased release of dopamine")
    gaba = claim("Ketamine blocks NMDA receptors on GABA neurons, which releases dopamine.", kind="mechanism",
                 outcomes=[], terms="blocks nmda receptors gaba neurons dopamine release")  # fmt: skip
    liu = evidence(lib, gaba, "27261367")
    assert liu.stance == "supports" and "states it" in liu.why


def test_a_claim_that_the_nervous_system_is_reset_is_not_shown_by_an_effect_while_the_drug_acts(lib: Library) -> None:
    def weigh(quote: str) -> str:
        c = claim(quote, kind="mechanism", outcomes=["hyperalgesia"])
        # two trials in which ketamine lowered hyperalgesia against one in which it did not (after amputation)
        found = [evidence(lib, c, k) for k in ("15983467", "8159441", "15264726")]
        assert [e.stance for e in found] == ["supports", "supports", "contradicts"]
        return verdict(c, found)[0]

    assert weigh("Ketamine reduces pain sensitivity.") == "supported"  # what the trials show, over one null trial
    # the same trials do not show that the nervous system is changed for good, nor that more than the pain is treated
    assert weigh("It alters how the brain processes pain signals and helps reset pain sensitivity.") == "mixed"
    assert weigh("It targets pain pathways in the nervous system rather than simply masking symptoms.") == "mixed"


def test_a_named_harm_is_not_shown_by_adverse_events_in_general(lib: Library) -> None:
    # "Patients in the ketamine group reported increased minor adverse effects": not secretions
    secretions = claim("Increased secretions (which can be managed)", kind="side_effect", outcomes=["adverse_events"],
                       lead_in="Possible side effects include:", direction="causes", severity="any")  # fmt: skip
    motov = evidence(lib, secretions, "25817884")
    assert motov.stance in ("supports", "mixed") and any("not the harm the claim names" in r for r in motov.indirect)
    assert verdict(secretions, [motov])[0] == "insufficient"
    # "Side effects were observed in all the 8 patients after injection of ketamine" names the injection, not pain
    # or irritation at the injection site
    site = claim("Pain or irritation at injection site", kind="side_effect", outcomes=["adverse_events"],
                 lead_in="The list of relatively mild side effects includes the following:", direction="causes",
                 severity="any")  # fmt: skip
    eide = evidence(lib, site, "10.1016/0304-3959(94)90129-5")
    assert any("not the harm the claim names" in r for r in eide.indirect)
    # that ketamine can cause adverse events is what the sentence shows
    general = claim("Ketamine can cause side effects.", kind="side_effect", outcomes=["adverse_events"],
                    direction="causes", severity="any")  # fmt: skip
    motov = evidence(lib, general, "25817884")
    assert motov.stance in ("supports", "mixed") and not motov.indirect


def test_a_named_harm_is_named_by_its_own_word_not_a_longer_word_it_begins(lib: Library) -> None:
    # "a numb or tingling lip" was supported by "the number of adverse events" (a meta-analysis) and "A number of
    # adverse events were observed" (a cohort): "numb" began "number"
    lip = claim("a numb or tingling lip", kind="side_effect", outcomes=["adverse_events"],
                lead_in="Side effects you may commonly notice are:", direction="causes", severity="any")  # fmt: skip
    for key in ("37445346", "28025837"):
        e = evidence(lib, lip, key)
        assert not (e.stance == "supports" and not e.indirect), (key, e.stance, e.why, e.rationale)
    assert verdict(lip, [evidence(lib, lip, k) for k in ("37445346", "28025837")])[0] != "supported"
    # the word in its own forms still names it
    from ketalit.claims.stance import _named_harm, _names

    harm = _named_harm("a numb lip")
    assert _names(harm, "Numbness of the lips was reported by two patients.")
    assert not _names(harm, "The number of adverse events was higher with ketamine.")


def test_a_rapid_action_that_sets_ketamine_apart_needs_a_head_to_head_comparison(lib: Library) -> None:
    c = claim("Its rapid action sets it apart from many other therapies.", kind="onset", outcomes=["onset"],
              comparator="standard analgesics")  # fmt: skip
    # relief within 10 minutes against placebo compares ketamine with no other therapy
    carr = evidence(lib, c, "15109503")
    assert carr.stance == "supports" and any(r.startswith("no comparison") for r in carr.indirect)
    # against fentanyl, head to head, ketamine was no faster
    silva = evidence(lib, c, "32739857")
    assert silva.stance == "contradicts" and "no faster" in silva.why
    assert verdict(c, [carr, silva])[0] != "supported"


def test_relief_long_after_the_claimed_maximum_is_not_the_claimed_relief(lib: Library) -> None:
    c = claim("This phase can last anywhere from a few hours to a day or two.", kind="duration",
              outcomes=["duration_of_relief"],
              measure={"quantity": "duration_days", "min": 0.1, "max": 2.0})  # fmt: skip
    # a meta-analysis with relief still present at 4 weeks (after infusions for chronic pain)
    michelet = evidence(lib, c, "29178663")
    assert michelet.stance == "neutral" and "much longer than the claimed" in michelet.why
    # the same record for a claim of weeks of relief
    weeks = claim("Relief lasts two to six weeks.", kind="duration", outcomes=["duration_of_relief"],
                  measure={"quantity": "duration_days", "min": 14.0, "max": 42.0})  # fmt: skip
    assert evidence(lib, weeks, "29178663").stance == "supports"


def test_a_reviewers_short_stem_names_the_word_it_starts(lib: Library) -> None:
    # a reviewer's concept group for "Mild dizziness" holds the stem "dizz"; Shen 2023: "the incidence of dizziness
    # (P<0.001) ... was higher in the S group than in the L group"
    c = claim("Mild dizziness", kind="side_effect", outcomes=["adverse_events"], direction="causes",
              lead_in="Common short-term effects include:", terms="mild dizziness",
              concepts=[["dizz", "lightheaded", "light-headed", "vertigo"]])  # fmt: skip
    assert concept_match(c.proposition, "the incidence of dizziness was higher") == "direct"
    shen = evidence(lib, c, "10.3389/fpsyt.2022.1038379")
    assert shen.stance == "supports" and "dizziness" in " ".join(shen.rationale)
    # number words and abbreviations stay whole words: "four" is not "fourteen", "CNS" not "CNSx"
    four = claim("Patients need four sessions.", kind="dosing", outcomes=[], concepts=[["four"], ["session"]])
    assert concept_match(four.proposition, "fourteen sessions were given") is None
    assert concept_match(four.proposition, "four sessions were given") == "direct"


def test_a_harm_more_frequent_in_the_control_arm_is_not_a_harm_of_ketamine(lib: Library) -> None:
    # Zakine 2008: "A higher rate of nausea was observed in the CTRL group compared with the PERI group (27% vs 4%)"
    nausea = claim("Temporary nausea", kind="side_effect", outcomes=["nausea_vomiting"], direction="causes",
                   lead_in="Common short-term effects include:")  # fmt: skip
    zakine = evidence(lib, nausea, "18499623")
    assert zakine.stance != "supports"
    rec = lib.find("18499623")
    reading = read_record(rec)
    ctrl = [f for f in reading.findings if f.outcome == "nausea_vomiting" and "CTRL" in reading.text(rec, f.s)]
    assert ctrl and all(f.arm == "placebo" and f.vs == "ketamine" for f in ctrl)


def test_a_call_for_larger_trials_states_nothing(lib: Library) -> None:
    # Schwartzman 2009: "The results of this study warrant a larger randomized placebo controlled trial using higher
    # doses of ketamine and a longer follow-up period."
    c = claim("Higher doses provide longer-lasting pain relief.", kind="dosing", outcomes=[],
              concepts=[["dose"], ["longer", "duration", "prolong", "lasting"]])  # fmt: skip
    schwartzman = evidence(lib, c, "10.1016/j.pain.2009.08.015")
    assert schwartzman.first_author == "Schwartzman"
    assert not any("warrant" in s for s in schwartzman.rationale)


def test_one_narrative_review_does_not_establish_a_mechanism(lib: Library) -> None:
    c = claim("Ketamine raises levels of brain-derived neurotrophic factor (BDNF).", kind="mechanism", outcomes=[],
              concepts=[["bdnf", "brain-derived neurotrophic"]])  # fmt: skip
    # Pardossi 2024, a narrative review of depression, states it; nothing else in the library does
    pardossi = evidence(lib, c, "pardossi2024variations")
    assert pardossi.stance == "supports"
    assert verdict(c, [pardossi])[0] == "insufficient"
    # two groups stating one mechanism establish it: Lodge 2015 and Pardossi 2024 on glutamate
    glutamate = claim("Ketamine acts on glutamate.", kind="mechanism", outcomes=[], concepts=[["glutamat"]])
    found = [evidence(lib, glutamate, key) for key in ("pardossi2024variations", "26075331")]
    assert all(e.stance == "supports" for e in found)
    assert verdict(glutamate, found)[0] == "supported"


def test_a_claim_that_ketamine_works_best_needs_evidence_with_nothing_credible_against_it(searched) -> None:
    lib, index = searched
    best = claim("Of all conditions, CRPS shows the best response to ketamine infusion therapy.", **CRPS)
    _, v, why = link_claim(best, index, lib)
    # CRPS infusions help (test above), but that they help CRPS more than anything else is not beyond doubt
    assert v == "mixed" and "'best'" in why


def test_each_part_of_a_listed_benefit_needs_its_own_evidence(searched) -> None:
    lib, index = searched
    # CRPS infusion trials show pain relief, not relief of the condition's bladder problems...
    after_effects = claim("It has also helped patients living with the after-effects of CRPS, such as neurogenic "
                          "bladder.", **{**CRPS, "outcomes": ["pain_intensity", "urological"]})  # fmt: skip
    _, v, why = link_claim(after_effects, index, lib)
    assert v == "insufficient" and "nothing direct shows urological" in why
    # ...and intravenous trials do not show what topical or epidural ketamine does
    routes = claim("CRPS may respond to intravenous ketamine, to a topical ointment, or to an epidural infusion.",
                   **{**CRPS, "routes": ["intravenous", "topical", "neuraxial"]})  # fmt: skip
    _, v, why = link_claim(routes, index, lib)
    assert v == "insufficient" and "route neuraxial" in why


def test_relief_that_outlasts_acute_pain_does_not_say_how_long_relief_lasts(lib: Library) -> None:
    lasting = claim("These patients report that their pain relief lasts a long time.", kind="duration",
                    outcomes=["duration_of_relief"], direction="lasts")  # fmt: skip
    # Laskowski 2011, a meta-analysis of ketamine after surgery (time to first analgesic request)
    laskowski = evidence(lib, lasting, "laskowski2011systematic")
    assert any("acute pain" in why for why in laskowski.indirect), laskowski.indirect
    # a relief of hours after a single dose is what such trials measure
    hours = claim("Relief lasting several hours after a single dose", kind="duration", outcomes=["duration_of_relief"],
                  direction="lasts", measure={"quantity": "duration_days", "min": 0.1, "max": 1.0})  # fmt: skip
    assert not any("acute pain" in why for why in evidence(lib, hours, "laskowski2011systematic").indirect)


def test_a_review_pooling_regimens_does_not_say_how_long_one_infusion_helps(lib: Library) -> None:
    weeks = {
        "kind": "duration",
        "outcomes": ["duration_of_relief"],
        "direction": "lasts",
        "regimen": "single",
        "settings": ["chronic_noncancer"],
        "measure": {"quantity": "duration_days", "min": 2.0, "max": 30.0},
    }
    one = claim("For patients who take part in one 40-minute infusion session, pain relief can last from a few days "
                "to a few weeks.", **weeks)  # fmt: skip
    # Michelet 2018 pools trials of chronic pain, multi-day infusions among them: relief still present at 4 weeks
    michelet = evidence(lib, one, "29178663")
    assert michelet.stance == "supports" and "regimen: a review pooling regimens, not one infusion" in michelet.indirect
    some = claim("Some studies show pain relief lasting days or even weeks after an infusion.", **weeks)
    assert not any("pooling" in why for why in evidence(lib, some, "29178663").indirect)


def test_a_harm_set_against_another_drugs_needs_a_comparison(lib: Library) -> None:
    kw = {"kind": "dependence", "outcomes": ["abuse_dependence"], "direction": "causes"}
    # Morgan 2012: addiction and dependence among ketamine users, compared with no other drug
    spares = claim("It spares patients the heavy burden of addiction linked with opioids.", comparator="opioids", **kw)
    morgan = evidence(lib, spares, "morgan2012ketamine")
    assert morgan.stance == "supports"  # it reports the harm with ketamine...
    assert verdict(spares, [morgan])[0] == "insufficient"  # ...which says nothing of how it compares with opioids
    can = claim("Ketamine can be addictive.", **kw)
    assert verdict(can, [evidence(lib, can, "morgan2012ketamine")])[0] == "supported"


def test_a_dosing_statement_must_give_the_claims_figures(lib: Library) -> None:
    def dose(quote: str) -> Claim:
        return claim(quote, kind="dosing", outcomes=[], routes=["intravenous"], terms="mg/kg over hour infusion")

    # Lauritsen 2016: "the average ketamine infusion rate at target was 0.34 mg/kg/hour (range 0.12-0.42 mg/kg/hr)"
    lauritsen = "lauritsen2016intravenous"
    other = evidence(lib, dose("Low doses via IV infusion (often 0.5 to 2 mg/kg over ~1 hour)"), lauritsen)
    assert other.stance == "neutral" and "other figures" in other.why
    same = evidence(lib, dose("Infusions run at about 0.34 mg/kg per hour"), lauritsen)
    assert same.stance == "supports"


def test_a_serious_harm_speaks_to_a_claim_that_ketamine_is_safe(searched) -> None:
    lib, index = searched
    safe = claim("Ketamine has a strong safety profile.", kind="safety", outcomes=["adverse_events"],
                 direction="does_not_cause")  # fmt: skip
    # Yoo 2024: liver injury after therapeutic ketamine, filed under hepatotoxicity, not adverse events
    yoo = evidence(lib, safe, "38505599")
    assert yoo.stance == "contradicts" and "serious hepatotoxicity" in yoo.why
    found, _, _ = link_claim(safe, index, lib)
    assert "38505599" in {e.pmid for e in found}


def test_a_plural_word_of_a_claim_names_the_singular(lib: Library) -> None:
    c = claim("IV ketamine infusion acts on NMDA receptors in the brain.", kind="mechanism", outcomes=[],
              terms="infusion acts nmda receptors brain")  # fmt: skip
    # Lodge 2015: "The discovery in 1983 of the NMDA receptor antagonist property of ketamine ..."
    lodge = evidence(lib, c, "26075331")
    assert lodge.stance == "supports" and "receptor" in " ".join(lodge.rationale)
    analgesics = claim("Fewer analgesics", concepts=[["analgesics"]])
    assert concept_match(analgesics.proposition, "analgesic use fell") == "direct"
    assert concept_match(claim("Less stress", concepts=[["stress"]]).proposition, "stres") is None


def test_a_higher_risk_in_the_ketamine_arm_is_a_finding_not_a_possibility(lib: Library) -> None:
    vomiting = claim("Vomiting", kind="side_effect", outcomes=["nausea_vomiting"], direction="causes",
                     lead_in="The list of relatively mild side effects includes")  # fmt: skip
    # Galili 2024: "There was a higher risk of nausea, vomiting, and dissociation in the LDK group during the first
    # 10 min."
    galili = evidence(lib, vomiting, "galili2024lowdose")
    assert galili.stance == "supports" and "higher risk of nausea" in " ".join(galili.rationale)
    # "at risk of" still says what might happen, not what did
    text = "Patients at risk of respiratory depression were excluded."
    at = text.index("respiratory")
    assert Context(text).possible(at, at + 11)


def test_a_harm_said_to_be_mild_short_lived_or_dose_dependent_is_not_shown_by_its_occurrence(lib: Library) -> None:
    # p16 (held-out pages #3): the sentence's point is that the side effects are mild and treatable; Seo 2025 and
    # Qiang 2007 show that nausea and vomiting happen with ketamine, nothing of how mild or treatable they are
    page = ("Some people may get side effects like dizziness or nausea, but these tend to be mild and can be treated "
            "with medication.")  # fmt: skip
    harm = {"kind": "side_effect", "outcomes": ["nausea_vomiting"], "direction": "causes"}
    plain = claim("Ketamine can cause nausea and vomiting.", **harm)
    keys = ("seo2025effect", "qiang2007continuous")
    records = [evidence(lib, plain, key) for key in keys]
    assert all(e.stance == "supports" for e in records)
    assert verdict(plain, records)[0] == "supported"
    for text in (page, "Ketamine can bring on nausea and vomiting that depend on the dose.",  # p12
                 "Side effects are temporary: dizziness, nausea, and changes in perception."):  # p10  # fmt: skip
        c = claim(text, **harm)
        v, why = verdict(c, [evidence(lib, c, key) for key in keys])
        assert v == "mixed" and "not checked" in why, text
    # a harm merely described is still a claim that it happens (p06: "including mild hallucinations")
    described = claim("Admittedly, some patients do have side effects, including mild nausea.", **harm)
    assert verdict(described, [evidence(lib, described, key) for key in keys])[0] == "supported"


def test_what_a_regulator_approved_is_not_established_by_abstracts(searched) -> None:
    lib, index = searched
    # p18 (held-out pages #3): that ketamine is an anaesthetic and relieves pain is in many abstracts; that the FDA
    # approved it for either is in none
    fda = claim("The FDA has given ketamine approval as an anesthetic and also for pain control.", kind="history",
                outcomes=[], terms="fda approval anesthetic pain control")  # fmt: skip
    found, v, why = link_claim(fda, index, lib)
    assert found and v == "insufficient" and "regulator" in why
    # tests/pages/heldout18/p104: the same decision in other words
    for quote in ("The FDA has cleared ketamine for anesthesia and for pain control.",
                  "Ketamine is licensed by the FDA as an anesthetic and for pain control."):  # fmt: skip
        other = claim(quote, kind="history", outcomes=[], terms="fda anesthetic pain control")
        found, v, why = link_claim(other, index, lib)
        assert found and v == "insufficient" and "regulator" in why, quote
    # the drug's history of use is not a regulator's decision
    used = claim("Ketamine has served as a general anesthetic for a long time.", kind="history", outcomes=[],
                 terms="served general anesthetic long time")  # fmt: skip
    assert "regulator" not in link_claim(used, index, lib)[2]


def test_what_one_meta_analysis_says_in_passing_of_history_is_one_voice(lib: Library) -> None:
    # p12 (held-out pages #2): Orhurhu 2019, a meta-analysis of ketamine infusions, says ketamine is widely used;
    # what it pooled is relief, not a history of use, and nothing else states it
    text = ("It has been widely used to treat chronic pain arising from a great many causes, as well as bipolar "
            "disorder, post-traumatic stress disorder, and depression that has not responded to conservative "
            "treatment.")  # fmt: skip
    history = claim(text, kind="history", outcomes=[], terms="widely used treat chronic pain")
    orhurhu = evidence(lib, history, "orhurhu2019ketamine")
    assert orhurhu.stance == "supports" and orhurhu.design == "meta_analysis"
    assert verdict(history, [orhurhu])[0] == "insufficient"
    # how a drug is given is what reviews document: one meta-analysis stating it is enough (000: Schnabel 2011)
    dosing = claim("Repeated or scheduled treatments often extend benefits.", kind="dosing", outcomes=[],
                   terms="repeated scheduled treatments extend benefits")  # fmt: skip
    schnabel = evidence(lib, dosing, "schnabel2011efficacy")
    assert schnabel.stance == "supports" and verdict(dosing, [schnabel])[0] == "supported"


def test_a_ranking_or_a_dose_dependence_is_stated_only_by_a_sentence_that_says_it(lib: Library) -> None:
    potent = claim("Of the NMDA receptor antagonists available in clinics today, it is the most potent.",
                   kind="mechanism", outcomes=[],
                   terms="nmda receptor antagonists available clinics today potent")  # fmt: skip
    # Schwartzman 2009: "Ketamine is the most potent clinically available safe NMDA antagonist ..."
    schwartzman = evidence(lib, potent, "schwartzman2009outpatient")
    assert schwartzman.stance == "supports" and "most potent" in schwartzman.rationale[0]
    # Pribish 2020 says ketamine is an NMDA receptor antagonist, not that it is the most potent one
    pribish = evidence(lib, potent, "pribish2020review")
    assert pribish.stance == "neutral" and "'the most'" in pribish.why
    assert verdict(potent, [pribish])[0] == "insufficient"
    # a sentence naming a dose and a duration does not say that higher doses last longer (Cogan 2017)
    higher = claim("Higher doses of ketamine tend to provide longer-lasting pain relief compared to lower doses.",
                   kind="dosing", outcomes=["duration_of_relief"],
                   concepts=[["dose"], ["longer", "duration", "lasting"]])  # fmt: skip
    cogan = evidence(lib, higher, "28994672")
    assert cogan.stance == "neutral" and "'Higher doses'" in cogan.why


def test_each_condition_of_a_listed_benefit_needs_its_own_evidence(lib: Library) -> None:
    # two placebo-controlled CRPS infusion trials (Sigtermans 2009, Schwartzman 2009) show relief of CRPS...
    def weigh(
        settings: list[str], text: str = "Ketamine infusions relieve the pain of CRPS and of migraine."
    ) -> tuple[str, str]:
        c = claim(text, settings=settings, **{k: v for k, v in CRPS.items() if k != "settings"})  # fmt: skip
        found = [evidence(lib, c, k) for k in ("19604642", "schwartzman2009outpatient")]
        assert all(e.stance == "supports" and "crps" in e.settings for e in found)
        return verdict(c, found)

    # (a reading of CRPS alone of the sentence that also names migraine leaves that part unchecked: coverage.py)
    assert weigh(["crps"], "Ketamine infusions relieve the pain of CRPS.")[0] == "supported"
    assert weigh(["crps"])[0] == "insufficient"
    # ...not relief of migraine, the other condition the claim lists
    v, why = weigh(["crps", "headache_migraine"])
    assert v == "insufficient" and "population headache_migraine" in why


def test_a_mechanism_in_lay_words_is_stated_in_technical_words(lib: Library) -> None:
    # Sawynok 2014: "... an action largely attributed to block of N-methyl-D-aspartate receptors in the spinal cord
    # and inhibition of central sensitization processes": quieting (inhibition) pain signals that are overactive
    # (sensitization)
    quieting = claim("Ketamine acts by quieting pain signals that have become overactive in the brain and the wider "
                     "nervous system.", kind="mechanism", outcomes=[],
                     terms="acts quieting pain signals become overactive brain wider nervous system")  # fmt: skip
    sawynok = evidence(lib, quieting, "10.1213/ane.0000000000000246")
    assert sawynok.stance == "supports" and "sensitiz" in sawynok.why
    assert "central sensitization" in sawynok.rationale[0]
    # it does not say that ketamine raises the amount of glutamate between neurons
    glutamate = claim("It attaches to these receptors, which raises the amount of a particular neurotransmitter, "
                      "glutamate, in the gaps between neurons.", kind="mechanism", outcomes=[],
                      terms="attaches receptors raises amount neurotransmitter glutamate gaps neurons")  # fmt: skip
    assert evidence(lib, glutamate, "10.1213/ane.0000000000000246").stance == "neutral"


def test_a_condition_with_only_its_wider_conditions_records_is_an_open_question(searched) -> None:
    lib, index = searched
    # no record here is about diabetic neuropathy; trials and reviews of neuropathic pain are, for it, indirect
    c = claim("Chronic Diabetic Neuropathy", lead_in="Ketamine infusion therapy is used to lessen or remove pain in "
              "patients with diagnoses such as:", settings=["neuropathic"], routes=["intravenous"])  # fmt: skip
    found, v, why = link_claim(c, index, lib)
    assert not [e for e in found if e.about_condition]
    assert v == "insufficient", why
    assert "diabetic neuropathy" in why and "neuropathic pain" in why and "indirect for it" in why


def test_a_reviews_other_drug_is_another_result_not_ketamines_comparator(lib: Library) -> None:
    # Collins 2010 pools placebo-controlled trials: "No significant effect on pain reduction could be established for
    # ketamine IV in CRPS (...) oral memantine in postherpetic neuralgia (...)": memantine is another pooled result
    crps = claim("Ketamine infusions relieve CRPS pain.", **CRPS)
    collins = evidence(lib, crps, "21044263")
    assert collins.stance == "contradicts" and "no difference from placebo" in collins.why
    assert "in CRPS" in collins.rationale[0]
    # "ketamine significantly reduced pain in postamputation pain" is about neuropathic pain, not CRPS
    neuropathic = evidence(lib, claim("Ketamine relieves neuropathic pain.", settings=["neuropathic"]), "21044263")
    assert neuropathic.stance == "mixed" and any("postamputation" in s for s in neuropathic.rationale)
    # the review finds no effect but says no conclusions can yet be made: an open question, not a refutation, so
    # two placebo-controlled trials showing relief still decide
    assert collins.certainty and downgraded(crps, collins)[0] == "inconclusive"
    alone, why = verdict(crps, [collins])
    assert alone == "insufficient" and "finds no effect but rates its evidence as weak" in why
    trials = [evidence(lib, crps, k) for k in ("19604642", "schwartzman2009outpatient")]
    assert verdict(crps, [*trials, collins])[0] == "supported"


def test_a_route_comparison_is_decided_by_routes_of_ketamine_compared_head_to_head(lib: Library) -> None:
    # "IV infusion is still the most effective" (than nasal sprays and oral lozenges): a review's results listed by
    # route (Collins 2010: "ketamine IV in CRPS ... oral memantine") and a trial of nebulized ketamine against IV
    # morphine (Kampan 2024) compare no routes of ketamine; they were read as "no better than ketamine by another
    # route" and made the claim contradicted
    c = claim("Ketamine can also be given as nasal sprays and oral lozenges, but IV infusion is still the most "
              "effective.", kind="comparative", routes=["intravenous"], direction="better",
              comparator="intranasal, oral and sublingual routes")  # fmt: skip
    found = [evidence(lib, c, k) for k in ("21044263", "10.1093/ageing/afad255")]
    assert not [e for e in found if "another route" in e.why]
    assert verdict(c, found)[0] != "contradicted"
    # IV against nebulized ketamine in one trial (Nguyen 2024) is head to head, but on neither route the claim is
    # compared with; for a claim that IV beats nebulized ketamine it is the deciding evidence against
    nguyen = "10.1016/j.annemergmed.2024.03.024"
    assert "another route" not in evidence(lib, c, nguyen).why
    nebulized = claim("IV ketamine works better than nebulized ketamine.", kind="comparative", routes=["intravenous"],
                      direction="better", comparator="nebulized ketamine")  # fmt: skip
    e = evidence(lib, nebulized, nguyen)
    assert e.stance == "contradicts" and "no better than ketamine by another route" in e.why
    # a claim read with the route it is compared with as its own ("compared with the better-known intravenous
    # route, this carries a lower risk"): a sentence naming IV alone compares no routes (Green 2009 "high intravenous
    # doses", Sigtermans 2009 "during drug infusion")
    safer = claim("Compared with the better-known intravenous route, this carries a lower risk of infection.",
                  kind="comparative", routes=["intravenous"], outcomes=["adverse_events"], direction="less_harm",
                  comparator="intravenous route")  # fmt: skip
    assert not [e for e in (evidence(lib, safer, k) for k in ("19201064", "19604642")) if "another route" in e.why]


def test_lessening_another_drugs_harm_is_read_as_such(lib: Library) -> None:
    # Jonkman 2018: "Esketamine effectively countered remifentanil-induced respiratory depression": every arm had
    # remifentanil, given to cause the harm; esketamine lessened it (against placebo, not against remifentanil)
    c = claim("Ketamine does not suppress breathing like opioids.", kind="safety", outcomes=["respiratory"],
              direction="less_harm", comparator="opioids")  # fmt: skip
    jonkman = evidence(lib, c, "29661389")
    assert jonkman.stance == "supports" and "opioid-induced" in jonkman.why
    assert any("remifentanil-induced" in f["words"] for f in jonkman.finding)


def test_a_claims_turns_of_phrase_are_not_what_a_statement_must_name(lib: Library) -> None:
    # "particular", "behave", "directly": twelve words of which a third must be named; the turns of phrase are left
    # out, so a review stating what the claim says about the nervous system (Sawynok 2014: "block of NMDA receptors
    # in the spinal cord and inhibition of central sensitization") states it
    words = "alters particular nerve cells central nervous system behave fewer pain signals reach"
    nerve = claim("It alters how particular nerve cells in the central nervous system behave, so that fewer pain "
                  "signals reach the brain.", kind="mechanism", outcomes=[], terms=words)  # fmt: skip
    sawynok = evidence(lib, nerve, "10.1213/ane.0000000000000246")
    assert sawynok.stance == "supports" and "central sensitization" in sawynok.rationale[0]
    # the bar stays: an abstract naming only "central" (Andersen 1996) is on the topic, not a statement of it
    andersen = evidence(lib, nerve, "10.1016/0304-3959(96)02995-8")
    assert andersen.stance == "neutral" and "names only" in andersen.why


def test_blocking_a_receptor_is_stated_as_antagonism(lib: Library) -> None:
    words = "use crps rsds rests powerful capacity block nmda receptors"
    crps = claim("Ketamine's use in CRPS/RSDS rests on its powerful capacity to block NMDA receptors.",
                 kind="mechanism", outcomes=[], terms=words)  # fmt: skip
    # Azari 2012: "NMDA antagonists such as ketamine continue to hold significant interest" in CRPS
    azari = evidence(lib, crps, "22136149")
    assert azari.stance == "supports" and "antagon" in azari.why
    # Goldberg 2005 says it in the claim's own word ("blocking central sensitization through ... the NMDA receptor")
    assert evidence(lib, crps, "16850072").stance == "supports"


def test_a_claims_american_spelling_names_the_british(lib: Library) -> None:
    c = claim("Ketamine has been used as an anesthetic for decades.", kind="history", outcomes=[],
              terms="used anesthetic decades")  # fmt: skip
    # Chesters 2015: "ketamine is used for both procedural sedation and as an anaesthetic agent"
    chesters = evidence(lib, c, "chesters2015ketamine")
    assert chesters.stance == "supports" and "anaesthetic agent" in chesters.rationale[0]


def test_a_supported_verdict_covers_no_more_than_was_checked(searched) -> None:
    lib, index = searched
    # tests/pages/heldout7/p38: a comparison of two routes, read without a comparator, is not shown by evidence that
    # ketamine relieves pain
    sooner = claim("Pain relief began sooner with the under-the-tongue route: after 7 minutes, against 13 minutes "
                   "when swallowed.", routes=["sublingual"])  # fmt: skip
    _, v, why = link_claim(sooner, index, lib)
    assert v != "supported" and "comparison ('sooner" in why
    # tests/pages/heldout6/p28: CRPS infusion trials show relief, none that 76% of patients were free of pain...
    figure = claim("After the first treatment course, 76% of the patients had full relief of their pain.", **CRPS)
    _, v, why = link_claim(figure, index, lib)
    assert v == "insufficient" and "figure ('76%') that no sentence cited for it states" in why
    # ...which is what the figure adds: without it the claim is supported
    relief = claim("After the first treatment course, the patients had relief of their pain.", **CRPS)
    assert link_claim(relief, index, lib)[1] == "supported"
    # tests/pages/tuning/p07: set against the patient's own pain before treatment, not another treatment
    before = claim("Hopefully, though, you will also notice a clear improvement in your pain compared with how it was "
                   "before treatment.", routes=["intravenous"], regimen="infusion")  # fmt: skip
    assert link_claim(before, index, lib)[1] == "supported"


def test_a_figure_in_words_is_a_figure_a_cited_sentence_must_state() -> None:
    # a count out of a count is stated by the same share, in words, digits or a percentage
    assert in_digits("two patients in every three") == "2 patients in every 3"
    assert in_digits("within a quarter of an hour, often") == "within 15 minutes, often"
    assert _states_figure("two patients in every three", "Pain fell by half in 67% of the patients.")
    assert _states_figure("one in four", "Nine of the 36 patients (25%) responded.")
    assert _states_figure("2 out of 3", "Two out of three patients responded.")
    assert not _states_figure("two patients in every three", "Mood improved in the 2 groups (p < 0.001).")
    assert not _states_figure("two patients in every three", "Pain fell in 30% of the patients.")
    # ... by a share of people, not by a confidence interval, a difference between arms or a count of other things
    assert not _states_figure("one in three", "Relief in 92% versus 54% (difference 37.5%; 95% CI 9.3-59.5%).")
    assert not _states_figure("nine in ten", "Pain fell in 30% of patients (95% CI 22 to 38%).")
    assert not _states_figure("nine in ten", "Nine patients in the ten-day trial were given infusions.")
    assert not _states_figure("nine in ten", "Allodynia was reversed in 9 of 10 mice.")
    # a span of time in words is stated by the same span in digits, and the other way round
    assert _states_figure("about two hours", "Side effects had resolved by 2 hours after the infusion.")
    assert _states_figure("a quarter of an hour", "Scores were back to baseline at 15 minutes.")
    assert not _states_figure("two hours", "The infusion lasted 4 hours; 2 patients withdrew.")


def test_a_claimed_figure_in_words_is_not_shown_by_evidence_without_it(searched) -> None:
    lib, index = searched
    # tests/pages/heldout17/p96 and p99: a share or a time in words, weighed as if the claim said no figure
    share = claim("On the statistics, two patients in every three with CRPS feel their pain ease after the first "
                  "course of infusions.", **CRPS)  # fmt: skip
    _, v, why = link_claim(share, index, lib)
    assert v == "insufficient" and "figure ('two patients in every three') that no sentence cited for it states" in why
    for said in ("Ninety percent", "90%", "90 per cent"):  # a percentage in words as in digits
        _, v, why = link_claim(claim(f"{said} of patients with CRPS feel their pain ease after the first course of "
                                     "infusions.", **CRPS), index, lib)  # fmt: skip
        assert v != "supported" and f"figure ('{said}')" in why, said
    # the same claim without the figure is what the CRPS trials show
    plain = claim("With CRPS, patients feel their pain ease after the first course of infusions.", **CRPS)
    assert link_claim(plain, index, lib)[1] == "supported"
    harm = {**INFUSIONS, "kind": "side_effect", "outcomes": ["adverse_events"], "direction": "causes"}
    for said in ("about two hours", "about 2 hours"):  # in words as in digits
        c = claim(f"Side effects of the infusion can occur, and {said} after it has stopped every one has worn off.",
                  **harm)  # fmt: skip
        _, v, why = link_claim(c, index, lib)
        assert v != "supported" and f"figure ('{said.split()[-2]} hours')" in why, said
    assert link_claim(claim("Side effects of the infusion can occur.", **harm), index, lib)[1] == "supported"
    # a figure in words is read whole ("eighty-five minutes", not its "five minutes", which a record states), and a
    # share in words is not stated by a confidence interval or a difference between arms
    for said, figure in (("eighty-five minutes after it has stopped every one has worn off", "eighty-five minutes"),
                         ("in one in three patients they last for weeks", "one in three"),
                         ("in ten out of ten patients they pass within the day", "ten out of ten"),
                         # any whole number in words, the teens and compounds too (claims/text.py NUMBER_WORDS)
                         ("seventeen minutes after it has stopped every one has worn off", "seventeen minutes"),
                         ("in nineteen out of twenty patients they pass within the day", "nineteen out of twenty"),
                         ("in twenty-five in thirty patients it is a day", "twenty-five in thirty")):  # fmt: skip
        c = claim(f"Side effects of the infusion can occur, and {said}.", **harm)
        _, v, why = link_claim(c, index, lib)
        assert v != "supported" and f"figure ('{figure}')" in why, said


def test_a_claim_of_exclusivity_is_a_comparison_with_every_other_treatment(searched) -> None:
    lib, index = searched
    # tests/pages/heldout17/p97: "ketamine is the only one that acts on allodynia", read without its comparison
    for quote in ("Ketamine is the only medicine that eases the pain of CRPS.",
                  "No other drug eases the pain of CRPS the way ketamine infusions do.",
                  "Only ketamine eases the pain of CRPS this way.",
                  "Nothing else eases the pain of CRPS like ketamine infusions.",
                  "Ketamine is the one and only medicine that eases the pain of CRPS."):  # fmt: skip
        _, v, why = link_claim(claim(quote, **CRPS), index, lib)
        assert v != "supported" and "makes a comparison (" in why, quote
    # without the exclusivity it is what the CRPS trials show, and so is a claim that denies exclusivity
    for quote in ("Ketamine infusions ease the pain of CRPS.",
                  "Ketamine infusions are not the only treatment that eases the pain of CRPS.",
                  "Ketamine infusions ease the pain of CRPS when no other treatment has worked."):  # fmt: skip
        assert link_claim(claim(quote, **CRPS), index, lib)[1] == "supported", quote
    # a mechanism claim whose mixed evidence is lifted to supported is held to its comparison too (the page's own
    # sentence, read as a mechanism of relief and of allodynia)
    acts = {"kind": "mechanism", "outcomes": ["pain_intensity", "hyperalgesia"]}
    only = "Other medicines can ease those symptoms as well, but ketamine is the only one that acts on allodynia."
    _, v, why = link_claim(claim(only, **acts), index, lib)
    assert v != "supported" and "makes a comparison ('the only one that acts on allodynia')" in why
    assert link_claim(claim("Ketamine acts on allodynia.", **acts), index, lib)[1] == "supported"
    # but not to a benefit's list of parts: what a mechanism's effects are, reviews state (tests/labels dev 003-04)
    surgical = (
        "Ketamine is effective as a surgical medication because its effects include sedation, temporary "
        "memory loss, and pain relief."
    )
    effects = {"kind": "mechanism", "outcomes": ["pain_intensity", "sedation", "cognition"]}
    assert link_claim(claim(surgical, **effects), index, lib)[1] == "supported"


INFUSIONS = {"routes": ["intravenous"], "regimen": "infusion"}


def test_a_benefit_of_several_parts_is_supported_only_if_each_part_is(searched) -> None:
    lib, index = searched
    # the pain evidence (meta-analyses of infusions) does not show better sleep or more energy: no record here
    # reports either
    several = claim("You may see better sleep, mood and energy, along with lower pain levels.", **INFUSIONS,
                    outcomes=["pain_intensity", "mood", "function_quality_of_life"])  # fmt: skip
    _, v, why = link_claim(several, index, lib)
    assert v == "insufficient" and "nothing direct shows sleep, energy" in why
    assert "pain intensity: " in why  # the parts that are shown, with the records that show them
    # in CRPS nothing direct shows a better mood, however well the pain evidence holds
    crps = claim("With ketamine infusions, CRPS patients may see lower pain levels and a better mood.", **CRPS,
                 outcomes=["pain_intensity", "mood"])  # fmt: skip
    _, v, why = link_claim(crps, index, lib)
    assert v == "insufficient" and "nothing direct shows mood" in why


def test_a_finding_against_a_part_does_not_show_it(lib: Library) -> None:
    c = claim("Ketamine infusions relieve CRPS pain and improve daily function.", **CRPS,
              outcomes=["pain_intensity", "function_quality_of_life"])  # fmt: skip
    # a review for relief, and a trial with relief but "no functional improvement" (Sigtermans 2009)
    azari, sigtermans = evidence(lib, c, "22136149"), evidence(lib, c, "19604642")
    assert (azari.stance, sigtermans.stance) == ("supports", "mixed")
    parts = shown_parts(Tally(c, [azari], [], [sigtermans]))
    assert sigtermans in parts["pain intensity"]
    assert parts["function quality of life"] == []


def test_a_mechanism_that_claims_a_benefit_is_not_supported_on_the_mechanism_alone(searched) -> None:
    lib, index = searched

    def weigh(quote: str, terms: str) -> tuple[str, str]:
        c = claim(quote, kind="mechanism", outcomes=[], direction="states", terms=terms)
        return link_claim(c, index, lib)[1:]

    assert weigh("Ketamine blocks the NMDA receptor.", "blocks nmda receptor")[0] == "supported"
    # reviews state the mechanism; that it halts chronic pain is a claim of benefit they do not settle
    halts = "Ketamine halts chronic pain by blocking the NMDA receptor."
    v, why = weigh(halts, "halts chronic pain blocking nmda receptor")
    assert v == "mixed" and "'halts chronic pain'" in why and "not checked" in why


def test_a_harm_said_to_happen_to_most_patients_needs_a_majority(searched) -> None:
    lib, index = searched
    harm = {**INFUSIONS, "kind": "side_effect", "outcomes": ["psychotomimetic"], "direction": "causes"}
    assert link_claim(claim("During the infusion patients may dissociate.", **harm), index, lib)[1] == "supported"
    # some trials report it in most patients (76%), others in a minority (29.5% of the patients of a cohort)
    _, v, why = link_claim(claim("During the infusion most patients dissociate.", **harm), index, lib)
    assert v == "mixed" and "'most patients'" in why and "minority" in why
    # how the harm feels is not what the records that report it show
    body = claim("In ketamine therapy patients may partly lose awareness of their own bodies, which can feel strange "
                 "but is generally pleasant.", **harm)  # fmt: skip
    _, v, why = link_claim(body, index, lib)
    assert v == "mixed" and "generally pleasant" in why


@pytest.mark.parametrize(
    "entry, error",
    [
        (
            {
                "psychiatric": True,
                "label": "depression",
                "patterns": ["depress"],
                "outcomes": ["mood"],
                "within": "neuropathic",
            },
            "population of its own",
        ),
        (
            {"psychiatric": True, "label": "depression", "patterns": ["depress"], "outcomes": ["moood"]},
            "'moood' is not a vocabulary outcome",
        ),
        ({"psychiatric": True, "label": "depression", "patterns": ["depress"], "outcome": ["mood"]}, "unknown key"),
        (
            {"psychiatric": True, "label": "depression", "patterns": ["depress("], "outcomes": ["mood"]},
            "does not compile",
        ),
    ],
)
def test_a_condition_entry_is_checked_when_the_weighing_file_is_loaded(monkeypatch, entry: dict, error: str) -> None:
    """A psychiatric condition of data/weighing.toml [condition] is a population of its own with the outcomes that
    show a benefit for it: a typo'd outcome, a key misspelt, a pattern that does not compile or a pain setting given
    to it is an error naming the entry, not a condition silently judged on pain."""
    from ketalit.claims import weighing as w

    data = dict(w.weighing())
    data["condition"] = {**data["condition"], "mood_test": entry}
    monkeypatch.setattr(w, "weighing", lambda: data)
    w.conditions.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"\[condition\.mood_test\].*" + error):
            w.conditions()
    finally:
        monkeypatch.undo()
        w.conditions.cache_clear()


def test_the_normaliser_reads_the_psychiatric_diagnoses_of_the_weighing_file(monkeypatch) -> None:
    """The psychiatric diagnoses have one home, data/weighing.toml [condition]: a claim on a fibromyalgia page that
    names one is not about the page's condition, and a diagnosis added there is one the normaliser reads so too;
    words that are not one ("breathing is not depressed") are none."""
    from ketalit.claims import normalise as n
    from ketalit.claims import weighing as w
    from ketalit.claims.extract import Candidate

    page = "Ketamine for Fibromyalgia\n\n"

    def population(quote: str) -> list[str]:
        return n.normalise(Candidate(document="900", quote=quote, start=0, end=len(quote)), page + quote,
                           n.page_context(page)).population  # fmt: skip

    assert population("Ketamine infusions also ease mood disorders.") == []
    assert population("Ketamine infusions also ease insomnia disorder.") == ["fibromyalgia"]
    assert not n._cues()["psychiatric"].search("Breathing is not depressed, unlike with opioids.")
    data = dict(w.weighing())
    entry = {"psychiatric": True, "label": "insomnia", "patterns": [r"\binsomnia\b"], "outcomes": ["mood"]}
    data["condition"] = {**data["condition"], "insomnia_test": entry}
    caches = (w.conditions, w.psychiatric_words, n._cues)
    monkeypatch.setattr(w, "weighing", lambda: data)
    for f in caches:
        f.cache_clear()
    try:
        assert population("Ketamine infusions also ease insomnia disorder.") == []
    finally:
        monkeypatch.undo()
        for f in caches:
            f.cache_clear()


def test_a_stated_date_of_first_use_supports_a_claimed_span_of_use_and_never_denies_it(lib: Library) -> None:
    # heldout9 p52: Kumar 2021 ("ketamine was first synthesized in 1962") states more than 60 years of use; its "In
    # the past 50 years, despite its potential benefits, it is not commonly used" is no denial of it
    used = claim("Hospitals all over the world have used it for more than 60 years.", kind="history", outcomes=[],
                 terms="hospitals all world used years")  # fmt: skip
    kumar = evidence(lib, used, "10.4097/kja.20663")
    assert kumar.stance == "supports" and "'used for decades'" in kumar.why
    assert any("1962" in s for s in kumar.rationale)
    # Schwenk 2018 ("ketamine infusions have been used for decades"): two decades is not sixty years
    schwenk = evidence(lib, used, "29870457")
    assert schwenk.stance == "neutral" and "not for 60 years" in schwenk.why


def test_each_part_of_a_mechanism_needs_records_that_state_it(lib: Library) -> None:
    # heldout9 p48: "NMDA, central, alter" (Azari 2012) and "NMDA, receptor, neural" (Eide 1994) name three of the
    # claim's words and state that ketamine acts on NMDA receptors; none of them states that it rewires the brain
    words = "acting nmda receptors brain drug helps rewire alters nerve-cell signalling pain stops"
    rewire = claim("By acting on NMDA receptors in the brain, the drug helps rewire the brain and alters nerve-cell "
                   "signalling so that pain stops.", kind="mechanism", outcomes=[], terms=words)  # fmt: skip
    found = [evidence(lib, rewire, k) for k in ("22136149", "eide1994relief", "goldberg2005multi")]
    assert [e.stance for e in found] == ["supports"] * 3
    v, why = verdict(rewire, found)
    assert v == "insufficient" and "'rewires the brain' (no record)" in why
    # the receptor part alone, the same records establish
    acts = claim("By acting on NMDA receptors in the brain, the drug alters nerve-cell signalling.", kind="mechanism",
                 outcomes=[], terms="acting nmda receptors brain drug alters nerve-cell signalling")  # fmt: skip
    found = [evidence(lib, acts, k) for k in ("22136149", "eide1994relief", "goldberg2005multi")]
    assert verdict(acts, found)[0] == "supported"


def test_an_anti_inflammatory_effect_states_that_ketamine_reduces_inflammation(lib: Library) -> None:
    # heldout9 p53: Dale 2012, a meta-analysis of IL-6 after surgery: "ketamine had an anti-inflammatory effect"
    mode = claim("Ketamine's mode of action is to reduce inflammation.", kind="mechanism", outcomes=[],
                 terms="mode action reduce inflammation")  # fmt: skip
    dale = evidence(lib, mode, "22826531")
    assert dale.stance == "supports" and "states 'reduces inflammation'" in dale.why


def test_the_route_a_record_studied_does_not_make_a_mechanism_indirect(lib: Library) -> None:
    # heldout9 p49: Sawynok 2014, a review of topical ketamine, states the block of NMDA receptors in the spinal cord;
    # how ketamine works does not depend on how it was given
    quote = ("Given as a continuous infusion into a vein, this medicine may block pain receptors located in the "
             "spinal cord and brain.")  # fmt: skip
    words = "given continuous infusion vein medicine block pain receptors located spinal cord brain"
    c = claim(quote, kind="mechanism", outcomes=[], routes=["intravenous"], terms=words)
    sawynok = evidence(lib, c, "10.1213/ane.0000000000000246")
    assert sawynok.stance == "supports" and not sawynok.indirect


REFRACTORY = [
    # heldout10 p54 #5, p57 #1, p54 #6, and the same said other ways
    "Broadly, ketamine may help chronic pain patients for whom other pain drugs or treatments have done little.",
    "Where conventional pain treatments are not enough, ketamine therapy relieves chronic pain.",
    "Patients who took opioids for their pain and found they did not work get relief from ketamine.",
    "Ketamine helps the patient whose chronic pain does not respond to the usual treatments.",
    "It eases chronic pain that has not responded to standard medications.",
]


@pytest.mark.parametrize("quote", REFRACTORY)
def test_a_refractory_claim_is_judged_directly_only_on_patients_other_treatments_had_not_helped(
    lib: Library, quote: str
) -> None:
    c = claim(quote, settings=["chronic_noncancer"])
    # Michelet 2018 pools trials of chronic non-cancer pain, its patients not said to be refractory: another
    # population for this claim, whatever its setting
    michelet = evidence(lib, c, "michelet2018ketamine")
    assert any(w.startswith("population: not said to be refractory") for w in michelet.indirect)
    # Amr 2010 treated intractable neuropathic pain after spinal cord injury: its patients are such
    amr = evidence(lib, c, "amr2010multi")
    assert not any("refractory" in w for w in amr.indirect)
    # a claim that names no such patients is judged on Michelet 2018 directly
    plain = claim("Ketamine relieves chronic pain.", settings=["chronic_noncancer"])
    plain = evidence(lib, plain, "michelet2018ketamine")
    assert not any("refractory" in w for w in plain.indirect)


def test_a_condition_named_by_its_abbreviation_is_that_condition(searched) -> None:
    # heldout10 p59 #7 (labelled insufficient): "refractory PHN" is post-herpetic neuralgia, of which the library
    # has one small crossover trial (Eide 1994), not the neuropathic pool that made it mixed
    lib, index = searched
    quote = ("Research has found that ketamine can substantially lower pain intensity and raise quality of life in "
             "patients with refractory PHN.")  # fmt: skip
    c = claim(quote, settings=["neuropathic"], outcomes=["pain_intensity", "function_quality_of_life"])
    condition = claim_condition(c)
    assert condition is not None and condition.id == "postherpetic_neuralgia"
    v, why = link_claim(c, index, lib)[1:]
    assert v == "insufficient" and "Eide 1994" in why


def _stating(design: str, author: str, sentence: str) -> Evidence:
    """A record whose result sentence states a dosing claim's words."""
    return Evidence(doc_id=0, pmid=None, doi=None, citekey=author.lower(), title=f"A {design} of ketamine", year=2020,
                    first_author=author, design=design, stance="supports", rationale=[sentence],
                    why="states it", where=["results"])  # fmt: skip


@pytest.mark.parametrize(
    "quote",
    [
        "When pain is severe, it is frequently given by vein.",
        "Infusions usually last between 40 minutes and four hours.",
        "Once the series is finished, booster infusions are often needed.",
    ],
)
def test_a_regimen_stated_by_single_studies_is_insufficient_and_says_why(quote: str) -> None:
    """How ketamine is given is documented by guidelines and reviews: two trials that each state their own regimen
    leave a dosing claim insufficient, and the explanation says so; a guideline stating it makes it supported."""
    c = claim(quote, kind="dosing", outcomes=[], terms=quote)
    trials = [_stating("rct", "Smith", quote), _stating("cohort", "Jones", quote)]
    v, why = verdict(c, trials)
    assert v == "insufficient"
    assert "documented by guidelines and reviews" in why
    v, why = verdict(c, [*trials, _stating("guideline", "Brown", quote)])
    assert v == "supported" and "documented by guidelines" not in why


def _given(stance: str, design: str, author: str, size: int | None = None, indirect: tuple[str, ...] = ()) -> Evidence:
    return Evidence(0, None, None, author, "t", 2020, author, design, stance, ["A result."], related=1, size=size,
                    indirect=list(indirect))  # fmt: skip


# a meta-analysis finds a benefit; a large RCT and another meta-analysis find none: divided on how well it works
DIVIDED = [_given("supports", "meta_analysis", "A"), _given("contradicts", "rct", "B", size=200),
           _given("contradicts", "meta_analysis", "C")]  # fmt: skip
NEURO = {"settings": ["neuropathic"]}


@pytest.mark.parametrize("quote", [
    "It has been used as well for neuropathic pain, for instance nerve pain after an injury.",
    "For pain management, ketamine is usually prescribed off-label to help treat neuropathic pain.",
    "Since the 1990s, pain specialists have been using it to treat neuropathic pain.",
    "Neuropathic pain clinics commonly use ketamine infusions, and doctors prescribe it for nerve pain.",
])  # fmt: skip
def test_a_claim_that_ketamine_is_used_is_shown_by_records_that_give_it_whatever_they_found(quote: str) -> None:
    c = claim(quote, **NEURO)
    v, why = verdict(c, DIVIDED)
    assert v == "supported", why
    assert "not how well it works" in why and "3 direct record(s) by 3 group(s)" in why


@pytest.mark.parametrize("quote", [
    "Ketamine relieves neuropathic pain.",
    "Ketamine can ease neuropathic pain.",
    "Ketamine has likewise been used with success to treat neuropathic pain.",
    "It has been used safely and effectively for neuropathic pain.",
    "Ketamine is now used under medical supervision for: Neuropathic pain",
    "Conditions Ketamine Infusion Is Used For Neuropathic pain (nerve pain after an injury)",
])  # fmt: skip
def test_a_claim_of_benefit_with_credible_direct_evidence_against_is_not_made_supported(quote: str) -> None:
    # what it says besides use ("with success", "safely"), or words that introduce a list's items in the present (what
    # it is for) or as a heading, make it a claim that ketamine works: the same divided evidence leaves it mixed
    v, why = verdict(claim(quote, **NEURO), DIVIDED)
    assert v == "mixed", why
    assert "not how well it works" not in why


@pytest.mark.parametrize(("lead_in", "quote"), [
    ("", "Ketamine is sometimes offered as a treatment for neuropathic pain."),
    ("", "Lately ketamine has been tried as a therapy for neuropathic pain."),
    ("", "In recent years doctors have turned to ketamine for neuropathic pain."),
    ("", "Physicians still give it by IV to help relieve neuropathic pain."),
    ("", "Ketamine infusions tend to be prescribed for neuropathic pain once other treatments have failed."),
    ("", "It is mainly given to people with neuropathic pain who have tried other medications and got no relief."),
    ("", "Some health professionals have begun using ketamine for neuropathic pain."),
    ("", "Ketamine is currently in use for neuropathic pain."),
    ("", "It is used by pain specialists for neuropathic pain that other treatments have failed to help."),
    ("In recent years it has been used to treat conditions such as:", "Neuropathic pain"),
    ("Doctors have also turned to it for:", "Neuropathic pain"),
])  # fmt: skip
def test_a_claim_of_use_in_other_verbs_frames_and_lead_ins_is_shown_by_records_that_give_it(
    lead_in: str, quote: str
) -> None:
    """Verbs of giving a drug other than "used" ("offered", "tried", "turned to", "give", "in use"), adverbs of time
    and frequency ("lately", "sometimes", "still", "mainly"), patients whose other treatments failed, and a list's
    lead-in that says ketamine is used for its items: a claim of use, shown by records that give it, whatever they
    found; the explanation says so."""
    v, why = verdict(claim(quote, lead_in=lead_in, **NEURO), DIVIDED)
    assert v == "supported", why
    assert "not how well it works" in why and "3 direct record(s) by 3 group(s)" in why


@pytest.mark.parametrize(("lead_in", "quote"), [
    ("", "Ketamine is sometimes offered as a cure for neuropathic pain."),
    ("", "Doctors have turned to ketamine because it works when nothing else does for neuropathic pain."),
    ("", "Ketamine is offered as a treatment for neuropathic pain and gives lasting relief."),
    ("", "Ketamine is given by most pain doctors for neuropathic pain."),
    ("", "Ketamine is the standard of care, offered to patients with neuropathic pain."),
    ("", "Ketamine is tried as a first-line treatment for neuropathic pain."),
    ("", "Ketamine has been used successfully for neuropathic pain once other treatments have failed."),
    ("", "Doctors still give ketamine by IV to relieve neuropathic pain within minutes."),
    ("", "Ketamine is FDA-approved and prescribed for neuropathic pain."),
    ("Lately it has been used with great success to treat conditions such as:", "Neuropathic pain"),
    ("Ketamine is offered by every major hospital for:", "Neuropathic pain"),
    ("Conditions Ketamine Is Offered For", "Neuropathic pain"),
    ("Conditions ketamine has been used for", "Neuropathic pain"),
    ("Ketamine is now used under medical supervision for:", "Neuropathic pain"),
    ("Ketamine is offered for:", "Neuropathic pain"),
])  # fmt: skip
def test_a_claim_of_use_that_says_more_than_use_is_not_shown_by_records_that_give_it(lead_in: str, quote: str) -> None:
    """Words of use beside a result ("a cure", "because it works", "gives lasting relief", "successfully", "within
    minutes"), a scope no record of use shows ("by most pain doctors", "the standard of care", "first-line", "every
    major hospital"), a regulator's approval, a lead-in of success, a heading or a lead-in in the present (a list of
    what it is for): not a claim of use only, never supported on divided evidence because the records gave ketamine."""
    v, why = verdict(claim(quote, lead_in=lead_in, **NEURO), DIVIDED)
    assert v != "supported", why
    assert "not how well it works" not in why


def test_a_claim_that_ketamine_is_used_needs_direct_records_by_two_groups_or_a_review() -> None:
    c = claim("It has been used as well for neuropathic pain.", **NEURO)
    # one trial, or records on other patients only, do not show that it is used for these
    assert verdict(c, [_given("contradicts", "rct", "B", size=40)])[0] != "supported"
    other = ("population: postoperative, not neuropathic",)
    elsewhere = [_given("supports", "meta_analysis", "A", indirect=other),
                 _given("supports", "rct", "D", indirect=other)]  # fmt: skip
    assert verdict(c, elsewhere)[0] != "supported"
    assert verdict(c, [_given("contradicts", "rct", "B", size=40), _given("supports", "cohort", "E")])[0] == "supported"


def test_each_condition_a_claim_of_use_lists_needs_a_record_that_gives_ketamine_for_it() -> None:
    def given(stance: str, design: str, author: str, setting: str) -> Evidence:
        e = _given(stance, design, author)
        e.settings = [setting]
        return e

    crps_null = [given("contradicts", "rct", "B", "crps"), given("supports", "meta_analysis", "A", "crps")]
    migraine_series = [given("supports", "case_series", "P", "headache_migraine")]
    migraine_series[0].controlled = False  # patients compared with themselves before treatment
    for quote in ("It has been used as well for CRPS and for migraine.",
                  "Doctors have been using it to treat CRPS and migraine.",
                  "Ketamine infusion therapy has been applied to CRPS and to chronic migraine."):  # fmt: skip
        c = claim(quote, settings=["crps", "headache_migraine"])
        # a trial that found no benefit in CRPS documents its use there; a case series documents use in migraine
        v, why = verdict(c, crps_null + migraine_series)
        assert v == "supported", why
        # with nothing direct on migraine, the use for migraine is not shown
        v, why = verdict(c, crps_null)
        assert v == "insufficient" and "population headache_migraine" in why, why
    # a claim that it works in both still needs a controlled record showing the benefit in each
    v, why = verdict(claim("Ketamine relieves CRPS and migraine.", settings=["crps", "headache_migraine"]),
                     crps_null + migraine_series)  # fmt: skip
    assert v != "supported", why


# -- how ketamine is given: what the patients of primary studies received -------------------------------------------


def _trial(author_name: str, methods: str, results: str, design: str = "rct") -> dict:
    """A small constructed record: a primary study whose methods sentence says what its patients received, and a
    result that ketamine relieved pain."""
    from ketalit.records import author, new_record

    rec = new_record(
        title=f"Ketamine for chronic pain: a study by {author_name}",
        authors=[author(author_name, "A")],
        year=2020,
        abstract=[{"label": "METHODS", "text": methods}, {"label": "RESULTS", "text": results}],
    )
    rec["tags"] = {"setting": [], "design": [design], "route": ["intravenous"]}
    return rec


GIVEN_TRIALS = (
    ("Adams", "Patients received 0.5 mg/kg ketamine infused over 40 min on five consecutive days.",
     "Pain scores were significantly lower with ketamine than with placebo at week 2."),
    ("Baker", "Subjects were given intravenous ketamine infusions over 40 minutes daily for 10 days.",
     "Ketamine significantly reduced pain compared with placebo."),
)  # fmt: skip


def _received(c: Claim, trials=GIVEN_TRIALS, design: str = "rct") -> list[Evidence]:
    out = []
    for name, methods, results in trials:
        rec = _trial(name, methods, results, design)
        out.append(evidence_for(c, rec, 0, read_record(rec), 1.0))
    return out


@pytest.mark.parametrize(
    ("quote", "kw"),
    [
        ("A low dose is given over a period of 40 minutes to 4 hours.", {"regimen": "infusion"}),
        ("Infusion duration: anywhere from 40 minutes to several hours.", {"regimen": "infusion"}),
        ("It is usually delivered as IV infusions.", {"regimen": "infusion", "routes": ["intravenous"]}),
        ("Protocols in common use include infusions on consecutive days.", {"regimen": "repeated"}),
    ],
)
def test_what_two_groups_patients_received_states_how_ketamine_is_received(quote: str, kw: dict) -> None:
    """A dosing claim that says only how ketamine is given is stated by the methods of trials (what their patients
    received), differently worded: two research groups support it, and the explanation says so; one does not."""
    c = claim(quote, kind="dosing", outcomes=[], terms=quote, **kw)
    found = _received(c)
    assert all(e.stance == "supports" and "what its patients received" in e.why for e in found)
    assert all(e.where == ["methods"] for e in found)
    v, why = verdict(c, found)
    assert v == "supported" and "2 research groups" in why and "not evidence that it works" in why
    assert verdict(c, found[:1])[0] == "insufficient"


def test_what_patients_received_must_be_the_claims_figures_route_and_a_primary_study() -> None:
    # other figures: 30 minutes is not "40 minutes to 4 hours"
    c = claim("A low dose is given over a period of 40 minutes to 4 hours.", kind="dosing", outcomes=[],
              terms="low dose given period minutes hours", regimen="infusion")  # fmt: skip
    other = (("Cole", "Patients received ketamine infused over 30 min.", "Ketamine reduced pain."),
             ("Dean", "Patients received ketamine infused over 2 days.", "Ketamine reduced pain."))  # fmt: skip
    assert all(e.stance == "neutral" for e in _received(c, other))
    # another route: a claim about IV infusions is not stated by oral ketamine
    iv = claim("It is usually delivered as IV infusions.", kind="dosing", outcomes=[], terms="usually delivered iv",
               regimen="infusion", routes=["intravenous"])  # fmt: skip
    oral = (("Ford", "Patients received oral ketamine 20 mg three times daily.", "Ketamine reduced pain."),
            ("Gray", "Patients received oral ketamine for 10 days.", "Ketamine reduced pain."))  # fmt: skip
    assert all(e.stance == "neutral" for e in _received(iv, oral))
    # a review's methods are how it searched, not how ketamine is given
    assert all(e.stance == "neutral" for e in _received(iv, GIVEN_TRIALS, design="meta_analysis"))


@pytest.mark.parametrize(
    ("quote", "kw"),
    [
        ("Ketamine infusions relieve chronic pain.", {"kind": "efficacy", "direction": "improves"}),
        ("Relief begins within 40 minutes of an infusion.", {"kind": "onset", "outcomes": ["onset"]}),
        ("Relief from a series of infusions lasts 10 days.", {"kind": "duration", "outcomes": ["duration_of_relief"]}),
        (
            "Ketamine infusions are safe.",
            {"kind": "safety", "outcomes": ["adverse_events"], "direction": "does_not_cause"},
        ),
        ("Longer-lasting results require a series of ketamine infusions.", {"kind": "dosing", "outcomes": []}),
        ("A single dose of ketamine over 40 minutes does little for the patient.", {"kind": "dosing", "outcomes": []}),
    ],
)
def test_what_patients_received_never_shows_that_it_works(quote: str, kw: dict) -> None:
    """The same methods sentences never support a claim that ketamine works, is safe, acts fast or for long, nor a
    dosing claim that says what a regimen does: no stance rests on them."""
    c = claim(quote, terms=quote, regimen="infusion", routes=["intravenous"], **kw)
    no_results = tuple((name, methods, "The study is ongoing.") for name, methods, _ in GIVEN_TRIALS)
    for e in _received(c, no_results):
        assert "what its patients received" not in e.why
        assert e.stance == "neutral" or "methods" not in e.where
    assert verdict(c, _received(c, no_results))[0] != "supported"


def test_a_count_in_words_is_a_figure_and_routes_set_against_each_other_are_a_comparison() -> None:
    # "four to six sessions": figures in words, which five days or ten days of infusions are not
    sessions = claim("Patients often have four to six sessions of ketamine infusions.", kind="dosing", outcomes=[],
                     terms="four six sessions infusions", regimen="repeated", routes=["intravenous"])  # fmt: skip
    assert all(e.stance == "neutral" for e in _received(sessions))
    assert verdict(sessions, _received(sessions))[0] != "supported"
    # which route is the standard is not what each trial's patients received
    im = (("Hale", "Patients received intramuscular ketamine 0.5 mg/kg.", "Ketamine reduced pain."),
          ("Irwin", "Patients were given intravenous ketamine infusions.", "Ketamine reduced pain."),
          ("Jones", "Patients received intramuscular or intravenous ketamine.", "Ketamine reduced pain."))  # fmt: skip
    for quote in ("Some clinics offer intramuscular injections, but IV infusion remains the standard.",
                  "IV infusions are used far more than intramuscular injections."):  # fmt: skip
        c = claim(quote, kind="dosing", outcomes=[], terms=quote, routes=["intravenous", "intramuscular"])
        assert all("what its patients received" not in e.why for e in _received(c, im))
    # the same trials state a claim that names the routes without setting them against each other
    both = claim("It can be given as intramuscular injections or IV infusions.", kind="dosing", outcomes=[],
                 terms="given intramuscular injections", routes=["intravenous", "intramuscular"])  # fmt: skip
    assert verdict(both, _received(both, im))[0] == "supported"


# -- what a claim of use or of how ketamine is given may say besides: nothing that says it works -----------------------


AGAINST = [_given("contradicts", "meta_analysis", "A"), _given("contradicts", "rct", "B", size=200),
           _given("contradicts", "rct", "C", size=300)]  # fmt: skip


@pytest.mark.parametrize("quote", [
    "Doctors use ketamine because it relieves neuropathic pain within hours.",
    "Ketamine has been used for neuropathic pain and provides lasting relief.",
    "Ketamine is used to relieve neuropathic pain quickly and for weeks at a time.",
    "Doctors who use ketamine for neuropathic pain see dramatic improvement in their patients.",
    "Ketamine has been used for decades with remarkable results in neuropathic pain.",
])  # fmt: skip
def test_a_claim_of_use_that_also_says_it_works_is_weighed_as_a_claim_that_it_works(quote: str) -> None:
    """Words of use with a further clause or predicate ("because it relieves ...", "and provides lasting relief", "with
    remarkable results", "doctors who use it see ..."): a claim that ketamine works, contradicted when every direct
    record finds no benefit, never supported because those records gave ketamine."""
    v, why = verdict(claim(quote, **NEURO), AGAINST)
    assert v == "contradicted", why
    assert "not how well it works" not in why
    # the use alone, on the same records, is shown by them
    v, why = verdict(claim("Doctors commonly use ketamine for neuropathic pain.", **NEURO), AGAINST)
    assert v == "supported" and "not how well it works" in why, why


@pytest.mark.parametrize("quote", [
    "More recently it has been used for neuropathic pain that resists treatment.",
    "Today it is also used in treating neuropathic pain and other chronic pain disorders.",
    "Ketamine infusion therapy has been applied to chronic pain conditions, among them neuropathic pain.",
])  # fmt: skip
def test_a_claim_of_use_may_say_when_and_describe_the_patients(quote: str) -> None:
    """When it has been used ("more recently", "today") and who the patients are ("pain that resists treatment",
    "among them neuropathic pain") say nothing of how well it works: still a claim of use; a relative clause that says
    what it does is not."""
    v, why = verdict(claim(quote, **NEURO), AGAINST)
    assert v == "supported" and "not how well it works" in why, why
    relieves = claim("More recently it has been used for neuropathic pain that it relieves within hours.", **NEURO)
    v, why = verdict(relieves, AGAINST)
    assert v == "contradicted", why


DOSED_TRIALS = (
    ("Adams", "Patients received intravenous ketamine 0.5 mg/kg infused over 40 minutes on five consecutive days.",
     "The study is ongoing."),
    ("Baker", "Subjects were given IV ketamine infusions of 0.5 mg/kg over 40 min daily for 10 days.",
     "The study is ongoing."),
)  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "regimen"),
    [
        ("Five IV infusions of 0.5 mg/kg on consecutive days produce lasting remission.", "repeated"),
        ("Ketamine is given as IV infusions over 40 minutes, which is why it acts so fast.", "infusion"),
        ("A 40-minute IV ketamine infusion of 0.5 mg/kg starts working within hours.", "infusion"),
        ("A 0.5 mg/kg IV infusion over 40 minutes is enough for most patients.", "infusion"),
        ("A 0.5 mg/kg IV infusion over 40 minutes is the optimal dose.", "infusion"),
        ("IV infusions of 0.5 mg/kg over 40 minutes act within hours.", "infusion"),
    ],
)
def test_a_dosing_claim_that_says_what_a_regimen_does_is_not_stated_by_methods(quote: str, regimen: str) -> None:
    """A dosing claim that says anything but the drug, route, dose, regimen and timing ("produce lasting remission",
    "acts so fast", "starts working", "is enough", "optimal") says what the regimen does: the methods of two trials
    that gave exactly that regimen do not support it; the same regimen said alone is supported by them."""
    kw = {"kind": "dosing", "outcomes": [], "regimen": regimen, "routes": ["intravenous"]}
    c = claim(quote, terms=quote, **kw)
    found = _received(c, DOSED_TRIALS)
    assert all("what its patients received" not in e.why for e in found)
    assert verdict(c, found)[0] != "supported"
    alone = claim("Five IV infusions of 0.5 mg/kg are given over 40 minutes on consecutive days.",
                  terms="infusions given minutes consecutive days", **kw)  # fmt: skip
    assert verdict(alone, _received(alone, DOSED_TRIALS))[0] == "supported"


@pytest.mark.parametrize(
    "methods",
    [
        "Patients who had previously received intravenous ketamine infusions were excluded.",
        "Patients received an intravenous lidocaine infusion; none had received ketamine before.",
        "We will recruit patients with prior intravenous ketamine infusions.",
        "Patients received an intravenous lidocaine infusion after ketamine had failed.",
    ],
)
def test_a_methods_sentence_states_how_ketamine_is_given_only_when_the_patients_received_it(methods: str) -> None:
    """An exclusion criterion, a history of earlier use, a planned study or another drug received names ketamine and an
    IV infusion without the patients being given ketamine so: two such sentences do not support "It is usually
    delivered as IV infusions."; two that say the patients received it do."""
    c = claim("It is usually delivered as IV infusions.", kind="dosing", outcomes=[], terms="usually delivered iv",
              regimen="infusion", routes=["intravenous"])  # fmt: skip
    found = _received(c, (("Adams", methods, "The study is ongoing."), ("Baker", methods, "The study is ongoing.")))
    assert all(e.stance == "neutral" for e in found)
    assert verdict(c, found)[0] != "supported"
    given = (("Adams", "Patients received intravenous ketamine infusions.", "The study is ongoing."),
             ("Baker", "Ketamine or saline was infused intravenously over 40 minutes.", "No result yet."))  # fmt: skip
    assert verdict(c, _received(c, given))[0] == "supported"


def test_figures_in_words_and_with_thousands_are_read_whole_and_several_is_no_exact_count() -> None:
    kw = {"kind": "dosing", "outcomes": [], "regimen": "infusion", "routes": ["intravenous"]}

    def trials(*methods: str) -> tuple[tuple[str, str, str], ...]:
        return tuple((name, m, "The study is ongoing.") for name, m in zip(("Adams", "Baker"), methods, strict=True))

    # "twenty four hours" is 24 h, not 4 h
    day = claim("IV ketamine infusions are given continuously over twenty four hours.", terms="given hours", **kw)
    four = trials("Patients received intravenous ketamine infused over 4 hours.",
                  "Subjects were given IV ketamine infusions over 4 h.")  # fmt: skip
    assert verdict(day, _received(day, four))[0] != "supported"
    whole = trials("Patients received intravenous ketamine infused over 24 hours.",
                   "Subjects were given IV ketamine infusions over 24 h.")  # fmt: skip
    assert verdict(day, _received(day, whole))[0] == "supported"
    # "several days" is not 3 days: trials of 5 and 7 days give it, and it does not give a claim of 3 days
    several = trials("Patients received intravenous ketamine infusions for 5 days.",
                     "Subjects were given IV ketamine infusions over 7 days.")  # fmt: skip
    c = claim("IV ketamine infusions are given over several days.", terms="given several days", **kw)
    assert verdict(c, _received(c, several))[0] == "supported"
    three = claim("IV ketamine infusions are given over 3 days.", terms="given days", **kw)
    vague = trials("Patients received intravenous ketamine infusions over several days.",
                   "Subjects were given IV ketamine infusions for several days.")  # fmt: skip
    assert verdict(three, _received(three, vague))[0] != "supported"
    # "1,000 mg" is a thousand milligrams, which 2,000 mg is not
    dose = claim("IV ketamine infusions are given as 1,000 mg a day.", terms="given day", **kw)
    twice = trials("Patients received intravenous ketamine infusions of 2,000 mg daily.",
                   "Subjects were given IV ketamine infusions of 2,000 mg.")  # fmt: skip
    assert verdict(dose, _received(dose, twice))[0] != "supported"
    once = trials("Patients received intravenous ketamine infusions of 1,000 mg daily.",
                  "Subjects were given IV ketamine infusions of 1,000 mg.")  # fmt: skip
    assert verdict(dose, _received(dose, once))[0] == "supported"


def test_a_claimed_action_is_stated_only_by_a_sentence_with_its_verb_and_its_object() -> None:
    from ketalit.claims.weighing import action_parts

    # the verb, its direction and what it acts on are read from the claim's grammar, whatever the wording
    (raise_,) = action_parts("After it binds, ketamine boosts the level of a messenger called glutamate.")
    assert (raise_.direction, raise_.words, raise_.amount) == ("up", ("glutamate",), True)
    # a sentence that shares the noun only, or names another amount, does not state it; one that says both does
    assert raise_.named_in("Ketamine exerts its effects through activation of glutamate-related pathways.") is None
    assert raise_.named_in("Ketamine is discussed in relation to other glutamatergic mechanisms.") is None
    assert raise_.named_in("Ketamine increased the release of glutamate in the prefrontal cortex.") is not None
    # a raise is not stated by a fall, and an amount not by an action on something else
    assert raise_.named_in("Ketamine reduced glutamate levels in the cortex.") is None
    assert raise_.named_in("Ketamine increased BDNF levels; glutamate was not measured.") is None
    (damp,) = action_parts("It also seems to quiet the activity of glutamate, the chief excitatory neurotransmitter.")
    assert (damp.direction, damp.words, damp.amount) == ("down", ("glutamate",), False)
    assert damp.named_in("Ketamine inhibited glutamate signalling at cortical synapses.") is not None
    assert damp.named_in("Ketamine acts through activation of glutamate-related pathways.") is None
    # a verb of change is stated by a verb of any direction on the same object
    (modulate,) = action_parts("Ketamine alters glutamate transmission.")
    assert modulate.named_in("Ketamine acts through activation of glutamate-related pathways.") is not None
    # what a configured part is about (a receptor), where it acts (the brain) and a pronoun are no action parts
    assert action_parts("Ketamine blocks the NMDA receptor in the brain.") == ()
    assert action_parts("It changes the way things work in the nervous system.") == ()
    assert action_parts("It stops glutamate (the main excitatory messenger) from binding to NMDA receptors.") == ()
    # pain and its amplification are what analgesic records state in many words: the effect, not an object
    assert action_parts("Ketamine breaks the loop that feeds chronic pain and lowers nerve hypersensitivity.") == ()


def test_a_mechanism_whose_claimed_action_no_record_states_is_not_supported(lib: Library) -> None:
    # heldout13 p69 reworded: Littlejohn 2017 and Goldberg 2005 state that ketamine acts on NMDA receptors, and share
    # words with the claim; neither says that it raises the amount of glutamate
    words = "bound brain n-methyl-d-aspartate nmda receptors boosts level messenger glutamate"
    boosts = claim("Once bound to the brain's N-methyl-D-aspartate (NMDA) receptors, ketamine boosts the level of a "
                   "messenger called glutamate.", kind="mechanism", outcomes=[], terms=words)  # fmt: skip
    found = [evidence(lib, boosts, k) for k in ("28536358", "goldberg2005multi")]
    assert [e.stance for e in found] == ["supports"] * 2
    v, why = verdict(boosts, found)
    assert v == "insufficient"
    assert "'boosts the level of a messenger called glutamate' (raises an amount of glutamate: no cited" in why
    # the receptor alone, the same records establish
    bound = claim("Ketamine binds to the brain's N-methyl-D-aspartate (NMDA) receptors.", kind="mechanism",
                  outcomes=[], terms="binds brain n-methyl-d-aspartate nmda receptors")  # fmt: skip
    found = [evidence(lib, bound, k) for k in ("28536358", "goldberg2005multi")]
    assert verdict(bound, found)[0] == "supported"


def test_a_mechanism_that_also_claims_relief_of_a_pain_condition_says_so_in_either_voice() -> None:
    from ketalit.claims.verdict import effect_of_mechanism

    def effect(quote: str) -> str:
        return effect_of_mechanism(claim(quote, kind="mechanism", outcomes=[], terms="x"))

    assert effect("By blocking NMDA receptors, ketamine can relieve fibromyalgia pain.") == "relieve fibromyalgia"
    assert effect("Ketamine soothes nerves and so eases neuropathy.") == "eases neuropathy"
    assert effect("Once the signals are blocked, chronic pain can be reduced or even eliminated.") == (
        "chronic pain can be reduced or even eliminated"
    )
    assert effect("Blocking these receptors brings relief in many chronic pain conditions.").startswith("brings relief")
    # relief of pain as such is a mechanism still; being studied as a treatment is not a claim that it works
    assert effect("Ketamine relieves pain by blocking NMDA receptors.") == ""
    assert effect("Because it blocks NMDA receptors, it has been studied as a treatment for CRPS.") == ""
    assert effect("Ketamine blocks NMDA receptors, which are involved in chronic pain.") == ""


# -- history claims, part by part: what ketamine was used as, since when, and what else the claim says ---------------


def _review(author_name: str, year: int, *sentences: str, design: str = "narrative_review") -> dict:
    """A small constructed review: its background sentences say what it says of ketamine's history, and a conclusion
    says something else."""
    from ketalit.records import author, new_record

    rec = new_record(
        title=f"Ketamine: a review by {author_name}",
        authors=[author(author_name, "A")],
        year=year,
        abstract=[{"label": "BACKGROUND", "text": " ".join(sentences)},
                  {"label": "CONCLUSIONS", "text": "More trials of ketamine for chronic pain are needed."}],
    )  # fmt: skip
    rec["tags"] = {"setting": [], "design": [design], "route": []}
    return rec


def _weigh(c: Claim, *records: dict) -> tuple[str, str]:
    return verdict(c, [evidence_for(c, r, 0, read_record(r), 1.0) for r in records])


def _history(text: str, terms: str) -> Claim:
    return claim(text, kind="history", outcomes=[], terms=terms)


DATED = (  # two groups that date ketamine's use and say what it was used as, each in its own words
    _review("Ames", 2021, "Ketamine was first synthesized in 1962.", "It has since been used as an anesthetic."),
    _review("Bory", 2023, "The clinical use of ketamine began in the 1960s, as a drug for sedation and anesthesia."),
)
HISTORIES = (  # the same history in three wordings: a decade of first use, a span in words, an age without a figure
    ("It was developed in the 1960s as an anaesthetic.", "developed 1960s anaesthetic"),
    ("Ketamine has served as a general anesthetic for more than fifty years.", "served general anesthetic fifty years"),
    ("Doctors have relied on ketamine as an anaesthetic for a long time.", "doctors relied anaesthetic long time"),
)


@pytest.mark.parametrize(("text", "terms"), HISTORIES)
def test_a_history_of_use_is_stated_part_by_part_by_two_groups(text: str, terms: str) -> None:
    c = _history(text, terms)
    v, why = _weigh(c, *DATED)
    # "first synthesized in 1962" and "began in the 1960s" date the use; "used as an anesthetic" and "a drug for
    # sedation and anesthesia" say what it was used as, in other words than the page's
    assert v == "supported"
    assert "'used for decades' (" in why and "'used as an anaesthetic' (" in why and "Ames 2021" in why
    # one group is one voice, however many of its sentences state the history
    assert _weigh(c, DATED[0])[0] == "insufficient"
    # records that say it is an anaesthetic and give no date leave the time part unstated
    undated = [_review(n, 2020, "Ketamine is an anesthetic agent used in operating rooms.") for n in ("Cole", "Dunn")]
    v, why = _weigh(c, *undated)
    assert v == "insufficient" and "'used for decades' (no record)" in why
    # records that date its use and say nothing of anaesthesia leave what it was used as unstated
    pain = [_review(n, 2022, "Ketamine was first synthesized in 1962 and has since been used for chronic pain.")
            for n in ("Eyre", "Ford")]  # fmt: skip
    v, why = _weigh(c, *pain)
    assert v == "insufficient" and "'used as an anaesthetic' (no record)" in why


def test_a_date_of_use_must_be_as_old_as_the_claim_and_a_span_is_of_use_not_an_age() -> None:
    sixties = _history("It was developed in the 1960s as an anaesthetic.", "developed 1960s anaesthetic")
    late = [_review(n, 2020, "Ketamine has been in clinical use as an anaesthetic since 2005.")
            for n in ("Gray", "Hale")]  # fmt: skip
    v, why = _weigh(sixties, *late)
    assert v == "insufficient" and "'used for decades'" in why
    fifty = _history("Ketamine has served as a general anesthetic for more than fifty years.",
                     "served general anesthetic fifty years")  # fmt: skip
    old = [_review(n, 2003, "Ketamine has been used as an anaesthetic in clinical practice for over 30 yr.")
           for n in ("Gray", "Hale")]  # fmt: skip
    # 2003 less 30 years: 1973, within the tolerance of fifty years, not of the 1960s
    assert _weigh(fifty, *old)[0] == "supported"
    assert _weigh(sixties, *old)[0] == "insufficient"
    # an age is no span of use: sedation of children younger than 2 years dates nothing
    ages = [_review(n, 2020, "Ketamine was used as an anaesthetic for sedation of children younger than 2 years.")
            for n in ("Gray", "Hale")]  # fmt: skip
    long_time = _history("Doctors have relied on ketamine as an anaesthetic for a long time.",
                         "doctors relied anaesthetic long time")  # fmt: skip
    assert _weigh(long_time, *ages)[0] == "insufficient"
    # a word of age with no figure states a claim that gives none, never a claim of a span
    long_used = [_review(n, 2016, "Ketamine has long been used as an anesthetic agent.") for n in ("Ivy", "Jung")]
    assert _weigh(long_time, *long_used)[0] == "supported"
    assert _weigh(fifty, *long_used)[0] == "insufficient"


def test_a_date_of_use_is_stated_by_a_span_back_from_the_record_s_year_in_the_same_decade_or_year() -> None:
    # a sentence that gives no year dates ketamine's use by a span back from when it was written: "its fiftieth
    # birthday" in 2012 is 1962, "for 50 years" in 2016 is 1966
    birthday = [_review(n, 2012, "Ketamine celebrates its fiftieth birthday; it is still used as an anaesthetic.")
                for n in ("Ames", "Bory")]  # fmt: skip
    fifty = [_review(n, 2016, "Ketamine has been used as an anaesthetic for 50 years.") for n in ("Ames", "Bory")]
    sixties = _stated("It was developed in the 1960s as an anaesthetic.", "history")
    v, why = _weigh(sixties, *birthday)
    assert v == "supported" and "fiftieth birthday" in why
    assert _weigh(sixties, *fifty)[0] == "supported"
    # held to the claim's year as a year named is: 1966 is not 1962, and 1962 is not 1970
    assert _weigh(_stated("Ketamine was first synthesized in 1962.", "history"), *birthday)[0] == "supported"
    v, why = _weigh(_stated("Ketamine was first synthesized in 1962.", "history"), *fifty)
    assert v != "supported" and "from 1966, not from 1962" in why
    assert _weigh(_stated("Ketamine has been used since 1970.", "history"), *birthday)[0] != "supported"
    # a span that is a lower bound says use began then or earlier, never in the claimed decade or year: "for
    # decades" in 2015 is not the 1990s, "over 50 years" in 2025 is not 1975, "more than 20 years" in 2010 not 1990
    in_sixties = "It was developed in the 1960s as an anaesthetic."
    for claimed, year, said in (("It was developed in the 1990s as an anaesthetic.", 2015, "for decades"),
                                ("Ketamine was first used as an anaesthetic in 1975.", 2025, "for over 50 years"),
                                ("Ketamine was first used as an anaesthetic in 1990.", 2010, "for more than 20 years"),
                                (in_sixties, 2016, "over 50 years"), (in_sixties, 2016, "for 50+ years")):  # fmt: skip
        bound = [_review(n, year, f"Ketamine has been used as an anaesthetic {said}.") for n in ("Ames", "Bory")]
        assert _weigh(_stated(claimed, "history"), *bound)[0] != "supported", (claimed, said)


def test_what_a_dated_history_claim_says_besides_its_parts_is_a_part_too() -> None:
    c = _history("Ketamine has been used in emergency departments and operating rooms for decades.",
                 "used emergency departments operating rooms decades")  # fmt: skip
    # the date of use is stated, the settings are not
    v, why = _weigh(c, *DATED)
    assert v == "insufficient" and "what it says besides them" in why
    settings = [_review(n, 2019, "Ketamine is used in emergency departments and operating rooms for sedation.")
                for n in ("Kerr", "Lamb")]  # fmt: skip
    v, why = _weigh(c, *DATED, *settings)
    assert v == "supported" and "what it says besides them" in why and "Kerr 2019" in why


def test_a_history_claim_with_a_part_no_record_states_is_never_supported() -> None:
    # what a regulator approved, a first trial, a ranking: the same well-dated records state none of it
    for text, terms in (
        ("The FDA approved ketamine as an anesthetic in the 1960s.", "fda approved anesthetic 1960s"),
        ("It was developed in the 1960s and is the most widely used anaesthetic.", "developed 1960s most widely used"),
        (
            "It was developed in the 1960s as an anaesthetic for battlefield surgery in the Vietnam War.",
            "developed 1960s anaesthetic battlefield surgery vietnam war",
        ),
    ):
        assert _weigh(_history(text, terms), *DATED)[0] != "supported", text


# -- a textbook claim read by the relation it states and the names it gives, not by the words it shares -------------


def _stated(text: str, kind: str = "mechanism") -> Claim:
    """A mechanism or history claim with the words the normaliser searches for."""
    from ketalit.claims.normalise import _terms

    return claim(text, kind=kind, outcomes=[], direction="states", terms=_terms(text))


def test_a_receptor_or_regulator_the_claim_names_must_be_named_by_the_stating_sentence() -> None:
    # heldout17 p98: the AMPA receptor is named by no cited sentence; the NMDA receptor is everywhere
    ampa = _stated("It acts on the AMPA receptor, which is believed to play a large part in its antidepressant action.")
    nmda = [_review(n, 2020, "Ketamine acts on the NMDA receptor, which plays a part in its antidepressant action.")
            for n in ("Ames", "Bory")]  # fmt: skip
    v, why = _weigh(ampa, *nmda)
    assert v != "supported" and "AMPA" in why
    named = [_review(n, 2020, "Ketamine acts on AMPA receptors, which play a key role in its antidepressant action.")
             for n in ("Ames", "Bory")]  # fmt: skip
    assert _weigh(ampa, *named)[0] == "supported"
    # the same when the claim is read by its parts: blocking the AMPA receptor is not blocking the NMDA receptor
    blocks = _stated("It blocks AMPA receptors.")
    assert _weigh(blocks, *[_review(n, 2020, "Ketamine blocks NMDA receptors.") for n in ("Ames", "Bory")])[0] != (
        "supported"
    )
    assert _weigh(blocks, *[_review(n, 2020, "Ketamine blocks AMPA receptors.") for n in ("Ames", "Bory")])[0] == (
        "supported"
    )
    # a name inside a hyphenated or slashed word is a name too ("5-HT2A", "AMPA/kainate"), and a long run of letters
    # and digits is read in one pass (a pattern that found names and counted capitals at once took seconds on this)
    from ketalit.claims.weighing import claim_names

    assert claim_names("It blocks 5-HT2A and AMPA/kainate receptors.") == ("HT2A", "AMPA")
    blocks_nmda = [_review(n, 2020, "Ketamine blocks NMDA receptors.") for n in ("Ames", "Bory")]
    # a name the sentence gives only as denied is not given ("not AMPA receptors", "non-AMPA")
    for denied in ("Ketamine blocks NMDA receptors, not AMPA receptors.", "Ketamine blocks non-AMPA receptors."):
        said = [_review(n, 2020, denied) for n in ("Ames", "Bory")]
        assert _weigh(_stated("It blocks AMPA receptors."), *said)[0] != "supported", denied
    assert _weigh(_stated("It blocks AMPA/kainate receptors."), *blocks_nmda)[0] != "supported"
    assert claim_names("It acts on " + "Ab" * 600 + "/x and " + "a1" * 600 + "_ receptors.") == ("Ab" * 600,)
    # a name spelled out states it too; a name of the date's part is no name of the receptor's
    spelled = [_review(n, 2020, "Ketamine is an N-methyl-D-aspartate receptor antagonist.") for n in ("Ames", "Bory")]
    assert _weigh(_stated("Ketamine blocks NMDA receptors."), *spelled)[0] == "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Ketamine blocks ampa receptors and acts on opioid receptors to relieve pain.",
        "It works on the ampa receptor as well.",
        "Ketamine acts on Ampa receptors to relieve pain.",
        "Ketamine acts on D2 receptors to relieve pain.",
        "Ketamine raises bdnf levels, which relieves pain.",
    ],
)
def test_a_name_the_page_writes_in_lower_case_or_with_a_digit_must_be_named_too(claim: str) -> None:
    """ "Ketamine blocks ampa receptors" claims what "blocks AMPA receptors" claims: a sentence that names only the NMDA
    receptor does not state it, however the page writes the name; a name with a digit ("D2") is a name."""
    blocks_nmda = [_review(n, 2020, "Ketamine blocks NMDA receptors, which relieves pain.") for n in ("Ames", "Bory")]
    v, why = _weigh(_stated(claim), *blocks_nmda)
    assert v != "supported", why


def test_a_lower_case_name_the_evidence_gives_and_an_everyday_word_are_not_held_against_a_claim() -> None:
    from ketalit.claims.weighing import claim_names

    # the name as the evidence gives it, in either case, states it; "who" in lower case is no World Health Organization
    blocks_nmda = [_review(n, 2020, "Ketamine blocks NMDA receptors.") for n in ("Ames", "Bory")]
    assert _weigh(_stated("Ketamine blocks nmda receptors."), *blocks_nmda)[0] == "supported"
    assert claim_names("Ketamine helps patients who have nerve pain through the nmda receptor.") == ("nmda",)
    assert claim_names("The WHO lists ketamine as an essential medicine.") == ("WHO",)
    assert claim_names("Ketamine helps people in their 20s and 30s, and those over 65.") == ()


def test_a_sub_anaesthetic_dose_and_a_mechanism_claim_name_no_anaesthetic_use() -> None:
    from ketalit.claims.weighing import textbook_parts

    def named(text: str, kind: str) -> list[str]:
        return [p.name for p in textbook_parts(text, kind)]

    assert "used as an anaesthetic" in named("It has served as a general anesthetic for years.", "history")
    assert "used as an anaesthetic" not in named("Given at sub-anaesthetic doses, it eases pain.", "history")
    assert "used as an anaesthetic" not in named("The anaesthetic ketamine blocks NMDA receptors.", "mechanism")


def test_when_a_regulator_first_approved_it_is_no_date_of_use() -> None:
    from ketalit.claims.weighing import textbook_parts

    approved = "The FDA initially approved this medication in 1970 for use in medical procedures."
    assert "used for decades" not in [p.name for p in textbook_parts(approved, "history")]
    used = "It was initially used in medical procedures."
    assert "used for decades" in [p.name for p in textbook_parts(used, "history")]


# -- what a mechanism claim says the mechanism does: each verb governs its own object ---------------------------------


def _mechanism(text: str) -> Claim:
    return claim(text, kind="mechanism", outcomes=[], direction="states", terms=text.lower().rstrip("."))


TWO_WAYS = [  # one sentence, two verbs, each on its own object
    "Ketamine decreased serotonin and increased glutamate in the cortex.",
    "Ketamine decreased serotonin, and glutamate was increased in the cortex.",
    "Ketamine reduced serotonin turnover, which increased glutamate in the cortex.",
]


@pytest.mark.parametrize("sentence", TWO_WAYS)
def test_a_verb_states_an_action_only_on_the_object_it_governs(sentence: str) -> None:
    from ketalit.claims.weighing import action_parts

    (up_serotonin,) = action_parts("Ketamine increases serotonin.")
    (down_serotonin,) = action_parts("Ketamine lowers serotonin.")
    (up_glutamate,) = action_parts("Ketamine boosts glutamate.")
    (down_glutamate,) = action_parts("Ketamine reduces glutamate.")
    assert up_serotonin.named_in(sentence) is None and down_glutamate.named_in(sentence) is None
    assert down_serotonin.named_in(sentence) is not None and up_glutamate.named_in(sentence) is not None
    records = [_review(n, 2020, sentence) for n in ("Ames", "Bory")]
    assert _weigh(_mechanism("Ketamine increases serotonin."), *records)[0] != "supported"
    assert _weigh(_mechanism("Ketamine boosts glutamate."), *records)[0] == "supported"


def test_a_verb_that_is_a_noun_or_has_its_object_first_still_states_it() -> None:
    from ketalit.claims.weighing import action_parts

    (up,) = action_parts("Ketamine raises glutamate.")
    (down,) = action_parts("Ketamine lowers glutamate.")
    assert up.named_in("Glutamate release was decreased by ketamine.") is None
    assert down.named_in("Glutamate release was decreased by ketamine.") is not None
    assert up.named_in("NMDA receptor antagonists such as ketamine increase glutamate efflux.") is not None
    assert up.named_in("Ketamine inhibits GABA interneurons, thereby increasing glutamate release.") is not None
    assert down.named_in("Ketamine decreased the release of glutamate.") is not None
    assert up.named_in("Ketamine decreased the release of glutamate.") is None


def test_objects_joined_by_and_are_each_an_action() -> None:
    from ketalit.claims.weighing import action_parts

    both = action_parts("Ketamine raises glutamate and serotonin levels.")
    assert [(a.direction, a.words, a.amount) for a in both] == [
        ("up", ("glutamate",), True),
        ("up", ("serotonin",), True),
    ]
    assert [a.direction for a in action_parts("Ketamine raises glutamate and lowers GABA.")] == ["up", "down"]
    records = [_review(n, 2020, "Ketamine increased glutamate levels and decreased serotonin in the cortex.")
               for n in ("Ames", "Bory")]  # fmt: skip
    v, why = _weigh(_mechanism("Ketamine raises glutamate and serotonin levels."), *records)
    assert v != "supported" and "serotonin" in why
    assert _weigh(_mechanism("Ketamine raises glutamate and BDNF levels."), *records)[0] != "supported"
    both_up = [
        _review(n, 2020, "Ketamine increased glutamate and BDNF levels in the cortex.") for n in ("Ames", "Bory")
    ]
    assert _weigh(_mechanism("Ketamine raises glutamate and BDNF levels."), *both_up)[0] == "supported"


BENEFITS = [  # a benefit said by a verb or noun of relief, reduction, cure or ending, on a condition of the vocabulary
    ("By blocking NMDA receptors, ketamine alleviates chronic pain.", "alleviates chronic pain"),
    ("Ketamine blocks NMDA receptors, giving lasting relief from chronic pain.", "relief from chronic pain"),
    ("Blocking NMDA receptors, ketamine reduces chronic pain.", "reduces chronic pain"),
    ("Ketamine blocks NMDA receptors, and this ends chronic pain.", "ends chronic pain"),
    ("Ketamine blocks NMDA receptors, reducing chronic pain symptoms.", "reducing chronic pain"),
    ("Ketamine blocks NMDA receptors, which relieves back pain.", "relieves back pain"),
    ("Ketamine blocks NMDA receptors, which relieves arthritis pain.", "relieves arthritis"),
    ("Ketamine blocks NMDA receptors, which cures depression.", "cures depression"),
    ("Ketamine blocks NMDA receptors, so chronic pain goes away.", "chronic pain goes away"),
    ("Ketamine blocks NMDA receptors, which soothes the pain of diabetic neuropathy.", "soothes the pain of diabetic"),
]


@pytest.mark.parametrize(("quote", "said"), BENEFITS)
def test_a_benefit_claimed_from_a_mechanism_in_any_words_of_its_class_caps_it(quote: str, said: str) -> None:
    from ketalit.claims.verdict import effect_of_mechanism

    c = _mechanism(quote)
    assert said in effect_of_mechanism(c)
    records = [_review(n, 2020, "Ketamine is an NMDA receptor antagonist.", "Ketamine blocks NMDA receptors.")
               for n in ("Ames", "Bory")]  # fmt: skip
    v, why = _weigh(c, *records)
    assert v == "mixed" and "not checked" in why


@pytest.mark.parametrize(
    "quote",
    [
        "Ketamine relieves pain by blocking NMDA receptors.",  # pain as such
        "Ketamine reduces NMDA receptor activity in neuropathic pain.",  # the verb acts on the receptor
        "Ketamine reduces central sensitization, which drives chronic pain.",  # another clause
        "Ketamine lowers glutamate in people with depression.",  # not a verb of benefit
        "In the end, ketamine blocks NMDA receptors in chronic pain.",
    ],
)
def test_a_mechanism_that_acts_in_a_condition_claims_no_benefit(quote: str) -> None:
    from ketalit.claims.verdict import effect_of_mechanism

    assert effect_of_mechanism(_mechanism(quote)) == ""


@pytest.mark.parametrize(
    ("quote", "direction", "amount"),
    [
        ("Serotonin is increased by ketamine.", "up", False),
        ("Serotonin levels are raised by ketamine.", "up", True),
        ("Ketamine leads to higher serotonin levels.", "up", True),
        ("Ketamine causes a rise in serotonin.", "up", False),
        ("Ketamine blocks NMDA receptors, causing a drop in serotonin.", "down", False),
        ("Ketamine blocks NMDA receptors, and serotonin levels fall.", "down", True),
    ],
)
def test_a_passive_or_a_noun_of_change_is_an_action_on_its_object(quote: str, direction: str, amount: bool) -> None:
    from ketalit.claims.weighing import action_parts

    (action,) = action_parts(quote)
    assert (action.direction, action.words, action.amount) == (direction, ("serotonin",), amount)
    # the records say serotonin fell: they state a claimed fall, and a claimed rise is not supported by them
    fell = "Ketamine decreased serotonin levels and increased glutamate in the cortex."
    assert (action.named_in(fell) is not None) == (direction == "down")
    if direction == "up":
        v, why = _weigh(_mechanism(quote), *[_review(n, 2020, fell) for n in ("Ames", "Bory")])
        assert v != "supported" and "serotonin" in why, why


def test_what_precedes_an_active_verb_is_not_its_object() -> None:
    from ketalit.claims.weighing import action_parts

    assert [a.words for a in action_parts("Ketamine is thought to increase BDNF.")] == [("bdnf",)]
    assert action_parts("NMDA receptors are blocked by ketamine.") == ()  # a configured part's object
    assert action_parts("Pain is reduced.") == ()  # the effect, not an object
    # a modal is of the verb's group, not its object: the pain is the effect here too
    assert action_parts("The pain signals are cut off, so that chronic pain can be changed or even eliminated.") == ()
    assert [a.words for a in action_parts("Serotonin can be increased by ketamine.")] == [("serotonin",)]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Ketamine has been used to treat depression for decades.", "used treat depression decades"),
        ("Ketamine has been used for migraine for decades.", "used migraine decades"),
        ("Ketamine was originally developed as an antidepressant.", "originally developed antidepressant"),
        ("Ketamine was originally developed as a painkiller.", "originally developed painkiller"),
        ("Ketamine was first used as an anesthetic in World War II.", "first used anesthetic world war"),
        ("Ketamine was first used as an anaesthetic by the US Army.", "first used anaesthetic army"),
        ("Ketamine has been used in veterinary medicine for decades.", "used veterinary medicine decades"),
    ],
)
def test_one_or_two_words_a_history_claim_says_besides_its_parts_are_checked_too(text: str, terms: str) -> None:
    # the same two reviews date ketamine's use as an anaesthetic; a condition, a use, a place, an agent or an event
    # they do not name, even one word, is not stated by them
    v, why = _weigh(_history(text, terms), *DATED)
    assert v != "supported" and "what it says besides them" in why, text
    # records that name it too state it
    dated = "Ketamine was first synthesized in 1962 and has since been used as an anesthetic"
    named = [_review(n, 2022, f"{dated}; {text}") for n in ("Moss", "Nash")]
    assert _weigh(_history(text, terms), *named)[0] == "supported", text


def test_a_true_history_claim_is_still_stated_by_the_reviews_that_date_it() -> None:
    for text, terms in (
        ("Ketamine has been used as an anaesthetic since the 1960s.", "used anaesthetic since 1960s"),
        ("Doctors have relied on ketamine as an anaesthetic for a long time.", "doctors relied anaesthetic long time"),
        ("Hospitals have used ketamine as an anesthetic for decades.", "hospitals used anesthetic decades"),
        # where any anaesthetic is used, words for the drug, verbs of use, function words and hedges are not checked
        (
            "Yet it has served as an anesthetic in surgery for over half a century.",
            "yet served anesthetic surgery half century",
        ),
        (
            "It is a well-known drug, given for anaesthesia ever since the 1960s.",
            "well-known drug given anaesthesia ever since",
        ),
        ("Ketamine is an anesthetic agent in wide use for decades.", "anesthetic agent wide use decades"),
        ("Ketamine is classified as an anaesthetic, in use since the 1960s.", "classified anaesthetic use since"),
    ):
        assert _weigh(_history(text, terms), *DATED)[0] == "supported", text


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Ketamine has been used as an anaesthetic since the 1930s.", "used anaesthetic since 1930s"),
        ("Ketamine was invented in 1902 as an anesthetic.", "invented 1902 anesthetic"),
        ("Ketamine has been used as an anaesthetic for over a century.", "used anaesthetic over century"),
        ("Ketamine has been used as an anaesthetic for centuries.", "used anaesthetic centuries"),
    ],
)
def test_a_claimed_date_older_than_any_records_is_not_stated(text: str, terms: str) -> None:
    # records that date ketamine's use from the 1960s do not state a use from the 1930s, 1902 or a century ago: the
    # claim's date is read as a date, not as an undated "long time" nor as a word besides its parts
    v, why = _weigh(_history(text, terms), *DATED)
    assert v != "supported" and "'used for decades' (no record)" in why, why
    assert "what it says besides them" not in why
    # the same claim moved to the records' time is stated by them
    for old, new in (("1930s", "1960s"), ("1902", "the 1960s"), ("a century", "fifty years"), ("centuries", "decades")):
        if old in text:
            moved = _history(text.replace(old, new), terms.replace(old.split()[-1], new.split()[-1]))
            assert _weigh(moved, *DATED)[0] == "supported", moved.text


def test_a_point_in_time_is_stated_only_by_records_giving_that_time() -> None:
    # records dating ketamine's use from the 1960s are older than the 1990s or 1985, but do not say it began then
    for text, terms in (
        ("Ketamine was invented in the 1990s as an anesthetic.", "invented 1990s anesthetic"),
        ("Ketamine has been used as an anesthetic since 1985.", "used anesthetic since 1985"),
        ("Ketamine was developed in the 1970s as an anaesthetic.", "developed 1970s anaesthetic"),
    ):
        v, why = _weigh(_history(text, terms), *DATED)
        assert v != "supported" and "'used for decades' (no record)" in why, text
    # the decade they give states it; a year needs records giving that year, not its decade
    sixties = _history("Ketamine was invented in the 1960s as an anesthetic.", "invented 1960s anesthetic")
    assert _weigh(sixties, *DATED)[0] == "supported"
    year = _history("Ketamine has been used as an anesthetic since 1962.", "used anesthetic since 1962")
    assert _weigh(year, *DATED)[0] != "supported"
    both = [_review(n, 2020, "Ketamine was first synthesized in 1962 and has been used as an anesthetic since.")
            for n in ("Orr", "Pike")]  # fmt: skip
    assert _weigh(year, *both)[0] == "supported"
    # a span is still stated by records at least that old
    fifty = _history("Ketamine has been used as an anesthetic for more than 50 years.", "used anesthetic 50 years")
    assert _weigh(fifty, *DATED)[0] == "supported"


@pytest.mark.parametrize(
    ("year", "sentence"),
    [
        (2000, "Ketamine is used as an anaesthetic in patients over 65 years."),
        (2000, "Ketamine has been used as an anaesthetic in patients aged more than 60 years."),
        (2000, "Ketamine use as an anaesthetic was followed up over 60 years in this cohort."),
        (2020, "Ketamine use as an anaesthetic has grown over the last 10 years."),
        (2020, "Patients with a history of ketamine use as an anaesthetic were excluded."),
    ],
)
def test_an_age_a_follow_up_a_growth_or_an_exclusion_is_no_span_of_use(year: int, sentence: str) -> None:
    records = [_review(n, year, sentence) for n in ("Gray", "Hale")]
    for text, terms in (
        ("Ketamine has been used as an anesthetic for more than 60 years.", "used anesthetic more than 60 years"),
        ("Ketamine has been used as an anaesthetic for a long time.", "used anaesthetic long time"),
        ("Ketamine was first used as an anaesthetic.", "first used anaesthetic"),
    ):
        assert _weigh(_history(text, terms), *records)[0] != "supported", (sentence, text)
    # a span of use in the same words is one
    used = [
        _review(n, 2020, "Ketamine has been used as an anaesthetic in patients for over 60 years.")
        for n in ("Gray", "Hale")
    ]
    sixty = _history(
        "Ketamine has been used as an anesthetic for more than 60 years.", "used anesthetic more than 60 years"
    )
    assert _weigh(sixty, *used)[0] == "supported"


def test_a_year_among_a_history_claims_words_is_a_date_not_a_word_to_find() -> None:
    # the claim's words may carry a year its text dates nothing with (a figure of the page around it): the dated part
    # reads the claim's dates, and a record need not name that figure as a word
    c = _history(
        "Doctors first used it decades ago as an anesthetic.", "doctors first used decades ago anesthetic 1970"
    )
    assert _weigh(c, *DATED)[0] == "supported"
    # a word besides the parts is still needed
    war = _history(
        "Doctors first used it decades ago as an anesthetic in war.", "doctors first used decades anesthetic war 1970"
    )
    assert _weigh(war, *DATED)[0] != "supported"


def _harm_record(author: str, design: str, stance: str, why: str, serious: bool = False, size: int = 200) -> Evidence:
    """A record read for a claim that ketamine is safe: adverse events absent (supports) or a harm reported."""
    outcome = "hepatotoxicity" if serious else "adverse_events"
    return Evidence(0, None, None, author, "t", 2020, author, design, stance, ["A result."], why=why, related=1,
                    size=size, finding=[{"outcome": outcome, "serious": serious, "direction": "occurred"}])  # fmt: skip


def test_serious_harms_reported_by_reviews_and_case_reports_cap_a_claim_that_ketamine_is_safe() -> None:
    safe = claim("Ketamine has been used safely in hospitals for decades.", kind="safety", outcomes=["adverse_events"],
                 direction="does_not_cause")  # fmt: skip
    trials = [
        _harm_record("Aa", "meta_analysis", "supports", "adverse events did not occur"),
        _harm_record("Bb", "meta_analysis", "supports", "adverse events no more frequent than with placebo"),
        _harm_record("Cc", "rct", "supports", "adverse events did not occur"),
    ]
    # liver injury in one case report and two narrative reviews, by three groups: reports of a serious harm
    harms = [
        _harm_record("Dd", "case_report", "contradicts", "serious hepatotoxicity occurred with ketamine", True, 1),
        _harm_record("Ee", "narrative_review", "contradicts", "serious hepatotoxicity occurred with ketamine", True),
        _harm_record("Ff", "narrative_review", "contradicts", "serious urological occurred with ketamine", True),
    ]
    assert verdict(safe, trials + harms)[0] == "mixed"
    # one case report alone is not a credible report; nor is a harm that is not serious
    assert verdict(safe, trials + harms[:1])[0] == "supported"
    mild = [_harm_record(a, "narrative_review", "contradicts", "adverse events occurred with ketamine") for a in "GH"]
    assert verdict(safe, trials + mild)[0] == "supported"


@pytest.mark.parametrize(
    ("quote", "treated"),
    [
        ("Studies have shown ketamine to be safe and effective in depression that resists treatment.", "depression"),
        ("For mood and anxiety disorders the dose given is very small and safe.", "anxiety"),
        ("Low-dose ketamine is a safe option for patients with PTSD.", "PTSD"),
        ("Ketamine does not cause depression.", ""),
        ("Ketamine will not make your anxiety worse.", ""),
        # a negated verb before "in" or "with" makes it the verb's: the diagnosis is the harm
        ("Ketamine does not result in depression.", ""),
        ("Ketamine is not linked with depression or suicidal thoughts.", ""),
        ("Ketamine will not leave you with depression.", ""),
        ("Ketamine never ends in anxiety.", ""),
        ("Ketamine doesn't leave patients with PTSD.", ""),
        # ... but "not only" names who is treated, and so does any negated word that is not a verb of bringing about
        ("Ketamine is not only safe but effective in depression.", "depression"),
        ("Ketamine is a safe treatment that is not risky for patients with PTSD.", "PTSD"),
        ("Ketamine is safe and not habit forming for patients with depression.", "depression"),
    ],
)
def test_a_diagnosis_a_safe_claim_is_given_for_is_not_the_harm(quote: str, treated: str) -> None:
    safe = claim(quote, kind="safety", outcomes=["mood"], direction="does_not_cause")
    assert treated_diagnosis(safe) == treated
    # records that mood does not worsen: evidence on the diagnosis, not on ketamine's harms in these patients
    mood = [
        Evidence(
            0, None, None, a, "t", 2020, a, d, "supports", ["A result."], why="mood less frequent", related=1, size=300
        )  # fmt: skip
        for a, d in (("Hh", "meta_analysis"), ("Ii", "rct"), ("Jj", "rct"))
    ]
    v, why = verdict(safe, mood)
    if treated:
        assert v == "insufficient" and f"('{treated}')" in why
    else:
        assert v == "supported"


@pytest.mark.parametrize(
    ("quote", "strong"),
    [
        ("Ketamine infusions can bring marked pain relief to people with CRPS.", "marked"),
        ("In CRPS, pain scores fall sharply after ketamine infusions.", "sharply"),
        ("Ketamine infusions give a sharp drop in CRPS pain.", "sharp drop"),
        ("Ketamine infusions relieve CRPS pain substantially.", "substantially"),
        ("Ketamine has a profound effect on CRPS pain.", "profound"),
        ("CRPS is a condition marked by burning pain, which ketamine infusions relieve.", ""),
        ("Ketamine infusions relieve the sharp, burning pain of CRPS.", ""),
    ],
)
def test_degree_words_in_either_form_claim_a_large_benefit(searched, quote: str, strong: str) -> None:
    lib, index = searched
    c = claim(quote, **CRPS)
    assert strength_words(c, "strong") == strong
    _, v, why = link_claim(c, index, lib)
    if strong:
        # two placebo-controlled trials of CRPS infusions, but reviews of CRPS rate the evidence as weak
        assert v == "mixed" and f"'{strong}'" in why and "not beyond doubt" in why
    else:
        assert v == "supported"


# -- a history claim that also says what ketamine does: every part ---------------------------------------------------

USED_FOR_PAIN = tuple(  # two groups that report ketamine used for chronic pain, and nothing of how well it works
    _review(n, y, sentence)
    for n, y, sentence in (
        ("Cole", 2020, "Ketamine has been used for chronic pain in many clinics."),
        ("Dunn", 2022, "Ketamine is used in the treatment of chronic pain."),
    )
)


@pytest.mark.parametrize(
    ("text", "terms", "said"),
    [
        ("Ketamine has been used to cure chronic pain.", "used cure chronic pain", "cure"),
        ("Ketamine is a medicine long used to eliminate chronic pain.", "medicine long used eliminate chronic pain",
         "eliminate"),
        ("Ketamine has been used for chronic pain and gives permanent relief in all cases.",
         "used chronic pain gives permanent relief cases", "gives permanent relief"),
        ("Ketamine has been used for chronic pain and brings lasting relief to every patient.",
         "used chronic pain brings lasting relief patient", "brings lasting relief"),
        ("Ketamine is a drug often used for chronic pain and never causes addiction.",
         "drug often used chronic pain never causes addiction", "addiction"),
        ("Ketamine has been used for chronic pain without any serious side effects.",
         "used chronic pain serious side effects", "side effects"),
        ("Ketamine has been used for chronic pain and it is completely safe.", "used chronic pain completely safe",
         "safe"),
        ("Ketamine has been used for chronic pain, leaving nine in ten patients pain-free.",
         "used chronic pain leaving nine ten patients pain-free", "nine in ten patients"),
        ("Ketamine has been used for chronic pain, and the vast majority of patients respond.",
         "used chronic pain vast majority patients respond", "the vast majority of patients"),
        ("Ketamine has been used for chronic pain with excellent results.", "used chronic pain excellent results",
         "with excellent results"),
        ("Ketamine has been used for chronic pain, transforming the lives of patients.",
         "used chronic pain transforming lives patients", "transforming the lives"),
    ],
)  # fmt: skip
def test_a_history_claim_that_also_says_what_ketamine_does_is_not_shown_by_records_of_its_use(
    text: str, terms: str, said: str
) -> None:
    # records that report the use show that part; what the claim says ketamine does for or to patients (a cure,
    # relief, safety, no addiction, a share of patients) is a claim of its own kind, which they were not read for
    c = _history(text, terms)
    assert history_effect(c) == said
    v, why = _weigh(c, *USED_FOR_PAIN)
    assert v != "supported" and f"('{said}')" in why, (text, v, why)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Ketamine has been used for chronic pain.", "used chronic pain"),
        ("Ketamine has been used to treat chronic pain.", "used treat chronic pain"),
        ("Doctors have used ketamine to help manage chronic pain.", "doctors used help manage chronic pain"),
        ("Ketamine is used for chronic pain relief in many clinics.", "used chronic pain relief clinics"),
    ],
)
def test_a_history_claim_of_use_and_its_purpose_only_is_still_shown_by_its_use(text: str, terms: str) -> None:
    c = _history(text, terms)
    assert history_effect(c) == ""
    assert _weigh(c, *USED_FOR_PAIN)[0] == "supported", text


def test_a_true_history_of_anaesthetic_use_stays_supported() -> None:
    seventies = [
        _review(n, y, sentence)
        for n, y, sentence in (
            ("Ford", 2019, "Ketamine has been used as an anaesthetic since the 1970s."),
            ("Gale", 2021, "Ketamine has been in clinical use as an anesthetic agent since the 1970s."),
        )
    ]
    c = _history("Ketamine has been used as an anaesthetic since the 1970s.", "used anaesthetic since 1970s")
    assert history_effect(c) == ""
    assert _weigh(c, *seventies)[0] == "supported"
    sixties = _history("Ketamine has been used as an anaesthetic since the 1960s.", "used anaesthetic since 1960s")
    assert _weigh(sixties, *DATED)[0] == "supported"


# -- a mechanism claim read as a benefit, with a share of patients ---------------------------------------------------


def _nmda_mood(quote: str, direction: str = "improves", outcomes: tuple[str, ...] = ("mood",)) -> tuple[str, str]:
    c = claim(quote, kind="mechanism", outcomes=list(outcomes), direction=direction, terms=quote.lower().rstrip("."))
    records = [
        Evidence(0, None, None, a, "t", 2020, a, d, "supports",
                 ["Ketamine, an NMDA receptor antagonist, blocks NMDA receptors and reduced depression."],
                 why="mood better with ketamine than with placebo", related=1, size=300)
        for a, d in (("Kk", "meta_analysis"), ("Ll", "rct"), ("Mm", "narrative_review"))
    ]  # fmt: skip
    return verdict(c, records)


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        ("Ketamine reduces depression in nearly all patients by blocking NMDA receptors.", "reduces depression"),
        ("By blocking NMDA receptors, ketamine lifts depression in nearly all patients.", "nearly all patients"),
        (
            "Ketamine, an NMDA receptor antagonist, helps the vast majority of patients with depression.",
            "the vast majority of patients",
        ),
    ],
)
def test_a_mechanism_claim_read_as_a_benefit_is_capped_by_its_benefit_and_its_share(quote: str, said: str) -> None:
    # the records state the mechanism; the benefit and how many get it are a clinical claim, not weighed as one here
    v, why = _nmda_mood(quote)
    assert v == "mixed" and f"('{said}')" in why, (v, why)


def test_a_true_mechanism_claim_stays_supported() -> None:
    for quote in ("Ketamine blocks NMDA receptors.", "Ketamine works by blocking NMDA receptors in the brain."):
        assert _nmda_mood(quote, "states", ())[0] == "supported", quote
    # relief of pain as such is a mechanism still
    assert _nmda_mood("Ketamine relieves pain by blocking NMDA receptors.", "improves", ("pain_intensity",))[0] == (
        "supported"
    )


HARM_KEYS = {
    "sotoodehnia": "10.3344/kjp.2019.32.2.97",  # bolus: "increased systolic blood pressure ... higher with ketamine"
    "carr": "15109503",  # intranasal: "two patients experienced transient elevation in blood pressure"
    "zeiler": "10.1007/s12028-013-9950-y",  # bolus: "mean blood pressure increased"
    "mildh": "mildh1998effect",  # no regimen stated: "stimulation of haemodynamics"
    "park": "10.1371/journal.pone.0224035",  # continuous infusion: heart rate fell, blood pressure did not change
    "sheehy": "26620833",  # outpatient infusions: "not associated with ... hemodynamic perturbations"
    "motov": "25817884",  # bolus: "no ... clinically concerning changes in vital signs"
}


def listed_harm(quote: str, regimen: str | None = None) -> Claim:
    return claim(quote, kind="side_effect", outcomes=["cardiovascular"], lead_in="Common side effects include:",
                 direction="causes", severity="any", routes=["intravenous"], regimen=regimen)  # fmt: skip


@pytest.mark.parametrize("quote", ["A faster heart rate.", "Your pulse may speed up.", "It can cause tachycardia."])
def test_a_sentence_on_another_harm_of_the_same_outcome_is_no_evidence_on_a_named_harm(
    lib: Library, quote: str
) -> None:
    c = listed_harm(quote)
    # blood pressure rose: nothing said of the heart rate
    sotoodehnia = evidence(lib, c, HARM_KEYS["sotoodehnia"])
    assert sotoodehnia.stance == "neutral" and "names blood pressure" in sotoodehnia.why
    # a sentence naming the heart rate, or the circulation as a whole, still counts
    assert evidence(lib, c, HARM_KEYS["park"]).stance == "contradicts"
    assert evidence(lib, c, HARM_KEYS["sheehy"]).stance == "contradicts"
    assert evidence(lib, c, HARM_KEYS["mildh"]).stance == "supports"


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Systolic blood pressure and heart-rate increased significantly (p<0.001).", {"blood_pressure", "heart_rate"}),
        ("Blood-pressure rose in four patients.", {"blood_pressure"}),
        ("Pulse-rate and intra-cranial pressure did not change.", {"heart_rate", "intracranial_pressure"}),
    ],
)
def test_a_named_harm_is_read_in_every_spelling(sentence: str, named: set[str]) -> None:
    # a review: "heart-rate increased" read as naming blood pressure only turned four contradicting trials neutral
    # and "Ketamine does not raise your heart rate" supported
    from ketalit.claims.weighing import harms_named

    assert {h.id for h in harms_named(sentence)} == named


@pytest.mark.parametrize("quote", ["A rise in blood pressure.", "It can push your blood pressure up."])
def test_a_named_harm_is_shown_by_the_sentences_that_name_it(lib: Library, quote: str) -> None:
    c = listed_harm(quote)
    assert evidence(lib, c, HARM_KEYS["sotoodehnia"]).stance == "supports"
    assert evidence(lib, c, HARM_KEYS["carr"]).stance == "supports"


def test_a_usual_harm_shown_with_a_bolus_and_not_with_infusions_is_mixed(lib: Library) -> None:
    for regimen in (None, "infusion"):
        c = listed_harm("A rise in blood pressure.", regimen)
        v, why = verdict(c, [evidence(lib, c, key) for key in HARM_KEYS.values()])
        assert v == "mixed" and "divided by regimen" in why, (regimen, why)
    # the harm the records show for the claimed regimen stays supported
    c = listed_harm("A rise in blood pressure after a single bolus.", "single")
    v, why = verdict(c, [evidence(lib, c, key) for key in HARM_KEYS.values()])
    assert v == "supported", why
    # that it can happen is shown by the bolus trials, whatever infusions show
    for quote, regimen in (("It can also push blood pressure up.", None), ("Blood pressure may rise.", "infusion")):
        c = claim(quote, kind="side_effect", outcomes=["cardiovascular"], direction="causes", severity="any",
                  routes=["intravenous"], regimen=regimen)  # fmt: skip
        v, why = verdict(c, [evidence(lib, c, key) for key in HARM_KEYS.values()])
        assert v == "supported", (quote, why)
