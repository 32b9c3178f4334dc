"""`ketalit check` end to end (text, HTML, stdin), extraction and normalisation rules, and every review path: a
reviewed stance survives relinking, re-import and re-checking; overruling a verdict keeps the machine's; the report
and `claims list/show` show both."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from ketalit._compat import tomllib
from ketalit.claims.check import check_page
from ketalit.claims.extract import Candidate, extract_claims
from ketalit.claims.normalise import normalise, page_context
from ketalit.claims.pages import read_catalogue, write_catalogue
from ketalit.claims.review import (
    adopt_catalogue,
    reviewed_catalogue,
    reviews,
    set_stance,
    set_verdict,
    write_reviewed_catalogue,
)
from ketalit.claims.store import get_claim, link_all
from ketalit.cli import app
from ketalit.library import Library
from ketalit.report.render import write_report

from conftest import ROOT, built_once, run_bench, run_cli, run_ketalit

PAGES = ROOT / "tests" / "pages" / "tuning"


def _json(res) -> dict:
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


# -- extraction and normalisation ------------------------------------------------------------------------------


def test_extraction_keeps_claims_and_skips_what_is_not_one() -> None:
    text = (
        "Ketamine for Nerve Pain\n\n"
        "Call us today at (555) 010-0199 to book a consultation.\n\n"
        "Ketamine blocks NMDA receptors in the spinal cord. Most patients say the experience is calming. "
        "Our team has treated patients since 2012. Talk to your doctor before starting any treatment.\n\n"
        "A 2010 review called its benefit small. Our own results clearly show otherwise.\n\n"
        "What You Might Experience\n\n- Nausea\n- Mild dizziness\n\n"
        "Before the Infusion\n\n- Arrange a ride home\n- Do not eat for 6 hours beforehand\n\n"
        "Many patients keep their relief for years with periodic booster infusions. "
        "Some are able to cut or stop their opioid medicines.\n"
    )
    found = extract_claims(text, "900")
    quotes = [c.quote for c in found]
    assert "Ketamine blocks NMDA receptors in the spinal cord." in quotes
    assert "Most patients say the experience is calming." in quotes  # about ketamine without naming it
    assert "Many patients keep their relief for years with periodic booster infusions." in quotes
    assert "Some are able to cut or stop their opioid medicines." in quotes
    both = next(c for c in found if c.quote.startswith("A 2010 review"))
    assert both.quote.endswith("clearly show otherwise.")  # a claim over two sentences
    items = {c.quote: c for c in found if c.lead_in}
    assert set(items) == {"Nausea", "Mild dizziness"} and items["Nausea"].lead_in == "What You Might Experience"
    for absent in ("Call us", "Our team", "Talk to your doctor", "Arrange a ride", "Do not eat"):
        assert not any(absent in q for q in quotes), absent
    for c in found:  # exact offsets, and every claim says why it was taken
        assert text[c.start : c.end] == c.quote and c.why
        if c.lead_in:
            assert text[c.lead_start : c.lead_end] == c.lead_in


# A page written for these tests (no clinic's words): every kind of sentence that looks like a claim but is not one,
# next to the claims a reviewer would keep.
GENERAL_PAGE = (
    "How Ketamine Infusions Ease Nerve Pain\n"
    "\n"
    "Understanding Nerve Pain and Why It Lingers\n"
    "\n"
    "Conditions often linked to lasting pain include:\n"
    "\n"
    "  • Fibromyalgia\n"
    "  • Arthritis\n"
    "\n"
    "The Science Behind Ketamine\n"
    "\n"
    "NMDA receptors carry pain signals to the brain. "
    "When these receptors stay overactive, pain grows worse. "
    "Ketamine breaks this cycle.\n"
    "\n"
    "Ketamine is not a new medicine. It was first approved in 1970 for surgery.\n"
    "\n"
    "What Happens at a Visit\n"
    "\n"
    "A typical infusion session lasts about 45 minutes. "
    "Patients often receive six infusions over two weeks. "
    "A low, sub-anesthetic dose is given so that the drug is absorbed slowly.\n"
    "\n"
    "While ketamine has shown real promise in easing nerve pain, "
    "it is essential to discuss your options with a doctor.\n"
    "\n"
    "Everyone responds differently, and several factors influence results.\n"
    "\n"
    "Researchers are now exploring:\n"
    "\n"
    "  • Longer-lasting relief\n"
    "  • Home-based formulations\n"
    "\n"
    "Ketamine offers new hope to people living with stubborn nerve pain. Ketamine offers new hope.\n"
    "\n"
    "1. Early Phase\n"
    "\n"
    "Relief may last from several days to a few weeks, and sometimes up to a month.\n"
)


def test_extraction_skips_what_only_looks_like_a_claim() -> None:
    found = extract_claims(GENERAL_PAGE, "900")
    quotes = {c.quote: c for c in found}
    for kept in (
        "When these receptors stay overactive, pain grows worse. Ketamine breaks this cycle.",  # read as one claim
        "Ketamine is not a new medicine. It was first approved in 1970 for surgery.",
        "A low, sub-anesthetic dose is given so that the drug is absorbed slowly.",  # says why the dose is so
        "Ketamine offers new hope to people living with stubborn nerve pain.",  # hope *for* a condition
        "Relief may last from several days to a few weeks, and sometimes up to a month.",
    ):
        assert kept in quotes, kept
    concession = quotes[
        "While ketamine has shown real promise in easing nerve pain, it is essential to discuss your options with a "
        "doctor."
    ]
    assert concession.clause.startswith("While ketamine has shown real promise") and "clause" in concession.why
    for absent in (
        "Fibromyalgia",  # a list of conditions linked to pain, under a lead-in that is not about ketamine
        "NMDA receptors carry pain signals to the brain.",  # physiology
        "A typical infusion session lasts about 45 minutes.",  # the protocol of a visit
        "Patients often receive six infusions over two weeks.",
        "Everyone responds differently, and several factors influence results.",  # variability only
        "Longer-lasting relief",  # a research agenda
        "Ketamine offers new hope.",  # promise alone
        "Early Phase",  # a numbered heading
    ):
        assert absent not in quotes, absent
    for c in found:
        assert GENERAL_PAGE[c.start : c.end] == c.quote and c.why


def test_extraction_of_a_clinic_page_with_lists_and_a_testimonial() -> None:
    text = (
        "Ketamine for Fibromyalgia\n\n"
        "Fibromyalgia affects millions of adults. It causes widespread pain and poor sleep.\n\n"
        "At our clinic, we have helped hundreds of patients. In our experience, about 70% of patients see a "
        "meaningful reduction in pain after the first series.\n\n"
        '"After my third infusion I could finally sleep through the night." - J. D.\n\n'
        "Conditions we treat\n\n- CRPS\n- Fibromyalgia\n\n"
        "The treatment process\n\n1. Medical evaluation\n2. Six infusions over two weeks\n"
        "3. Booster infusions as needed\n"
    )
    found = {c.quote: c for c in extract_claims(text, "900")}
    assert "It causes widespread pain and poor sleep." not in found  # "it" is the disease
    assert not any("we have helped" in q for q in found)  # the clinic's track record
    assert any(q.startswith("In our experience, about 70%") for q in found)
    assert {"CRPS", "Fibromyalgia"} <= set(found) and found["CRPS"].lead_in == "Conditions we treat"
    for step in ("Medical evaluation", "Six infusions over two weeks", "Booster infusions as needed"):
        assert step not in found, step  # a visit's protocol, with no effect said of it
    quote = '"After my third infusion I could finally sleep through the night." - J. D.'
    testimonial = normalise(found[quote], text)
    assert not testimonial.checkable and "anecdote" in testimonial.reasons["checkable"]


@pytest.mark.parametrize(
    ("quote", "lead_in", "kind", "direction", "comparator"),
    [
        ("It can cut the need for high doses of opioids after surgery.", "", "efficacy", "improves", None),
        ("It also acts on sodium and potassium ion channels.", "", "mechanism", "states", None),
        ("It may reverse opioid-induced hyperalgesia.", "", "efficacy", "improves", None),
        ("Ketamine is less prone to tolerance than opioids.", "", "dependence", "less_harm", "opioids"),
        (
            "Raised blood pressure (which can be managed)",
            "Possible side effects include:",
            "side_effect",
            "causes",
            None,
        ),
        ("At low doses ketamine is generally well tolerated.", "", "safety", "does_not_cause", None),
        ("No respiratory depression at therapeutic doses", "Advantages of ketamine", "safety", "does_not_cause", None),
        ("Booster infusions every few weeks help sustain relief.", "", "dosing", "states", None),
        ("The FDA approved ketamine as an anesthetic in 1970.", "", "history", "states", None),
        ("Ketamine reduces central sensitization in the spinal cord.", "", "mechanism", "improves", None),
    ],
)
def test_kinds_follow_the_reviewers_conventions(
    quote: str, lead_in: str, kind: str, direction: str, comparator: str | None
) -> None:
    n = normalise(Candidate(document="900", quote=quote, start=0, end=len(quote), lead_in=lead_in))
    assert (n.kind, n.direction, n.comparator) == (kind, direction, comparator), n.reasons
    assert n.reasons["kind"]


def test_normalised_fields_come_from_the_claims_place_on_the_page() -> None:
    text = (
        "Ketamine for Pain\n\nIntravenous (IV) infusion\n\nRelief often begins within an hour.\n\n"
        "Oral ketamine\n\nIt usually takes longer to work.\n\n"
        "Other routes\n\nSome clinics offer nasal sprays too. Patients report good relief.\n"
    )
    found = {c.quote: normalise(c, text) for c in extract_claims(text, "900")}
    iv = found["Relief often begins within an hour."]
    assert iv.routes == ["intravenous"] and "heading" in iv.reasons["routes"] and iv.regimen == "infusion"
    oral = found["It usually takes longer to work."]
    assert (oral.kind, oral.routes, oral.comparator, oral.direction) == ("onset", ["oral"], "other routes", "slower")
    # a page about several routes is about none: a claim that names none has none
    assert found["Patients report good relief."].routes == ["intranasal"]  # the sentence before names it
    assert page_context(text).routes == []
    assert page_context("Relief.", url="https://example.org/ketamine-infusion-therapy/").routes == ["intravenous"]
    q = normalise(next(c for c in extract_claims(GENERAL_PAGE) if c.quote.startswith("Relief may last")))
    assert q.quantity is not None and (q.quantity.low, q.quantity.high) == (1.0, 30.0)


@pytest.mark.parametrize(
    ("sentence", "kind", "direction", "quantity"),
    [
        (
            "Nasal ketamine acts faster than oral forms, with effects often felt within 20-40 minutes.",
            "onset",
            "faster",
            ("onset_minutes", 20, 40),
        ),
        (
            "Relief often lasts weeks or months after a series of infusions.",
            "duration",
            "lasts",
            ("duration_days", 7, 365),
        ),
        ("Ketamine is non-addictive and does not cause respiratory depression.", "dependence", "does_not_cause", None),
        ("Ketamine can cause hallucinations and nausea.", "side_effect", "causes", None),
        ("Doctors first used it decades ago as an anesthetic.", "history", "states", None),
        ("Ketamine blocks NMDA receptors in the spinal cord.", "mechanism", "states", None),
        ("Ketamine infusions relieve CRPS pain.", "efficacy", "improves", None),
    ],
)
def test_normalised_proposition(sentence: str, kind: str, direction: str, quantity: tuple | None) -> None:
    cand = extract_claims(sentence)[0]
    n = normalise(cand, sentence)
    assert (n.kind, n.direction) == (kind, direction), n.reasons
    if quantity:
        assert n.quantity and (n.quantity.name, n.quantity.low, n.quantity.high) == quantity
    assert n.reasons["kind"] and n.assertion
    if kind == "onset":
        assert n.comparator == "oral" and n.routes == ["intranasal"]
    if kind == "dependence":
        assert n.polarity == "negative" and "abuse_dependence" in n.outcomes
    if kind == "efficacy":
        assert n.routes == ["intravenous"] and "crps" in n.population and "pain_intensity" in n.outcomes


def test_shipped_catalogue_is_what_check_found_plus_the_reviews() -> None:
    """claims.toml holds what `ketalit check` finds in the five shipped pages today; the reviewed catalogue is that
    plus the reviewers' decisions (none of the machine's claims is edited by hand in claims.toml)."""
    lib = Library.open(ROOT / "library")
    catalogue = read_catalogue(lib.root)
    for doc, meta in catalogue["documents"].items():
        text = (lib.root / meta["file"]).read_text(encoding="utf-8")
        machine = {c["quote"] for c in catalogue["claim"] if c["id"].startswith(f"{doc}-")}
        assert machine == {c.quote for c in extract_claims(text, doc)}, doc
        assert meta["title"] and meta["accessed"]
    actions = {r["action"] for r in reviews(lib)}
    assert {"edit", "add"} <= actions and all(r["reviewer"] and r["at"] for r in reviews(lib))
    # every claim is linked: the reviewed ones and the machine's own, which nobody removed and are shown as such
    rows = lib.table("claims").all()
    removed = {r["claim"] for r in reviews(lib) if r["action"] == "remove"}
    assert {c["id"] for c in catalogue["claim"]} - {r["id"] for r in rows} == removed
    assert len(reviewed_catalogue(lib)) == len(rows)
    machine = [r for r in rows if not r["claim_reviewed"]]
    assert machine and all(r["verdict"] and not r["edited"] for r in machine)


# -- check: text, HTML, stdin --------------------------------------------------------------------------------------


@pytest.mark.e2e
def test_check_warns_of_unreviewed_verdicts_until_a_person_has_reviewed_them(runner, records_only: Path) -> None:
    page = str(PAGES / "p07.txt")
    first = run_cli(runner, records_only, "check", page)
    assert first.exit_code == 0, first.output
    lib = Library.open(records_only)
    decided = [r for r in _json(run_cli(runner, records_only, "claims", "list", "--json"))
               if r["verdict"] in ("supported", "contradicted")]  # fmt: skip
    assert decided, "the page should get at least one supported or contradicted verdict"
    assert f"{len(decided)} supported or contradicted verdicts are the machine's" in " ".join(first.output.split())
    for r in decided:
        set_verdict(lib, r["id"], r["verdict"], reviewer="alice")  # accepted by a person
    again = run_cli(runner, records_only, "check", page)
    assert again.exit_code == 0, again.output
    assert "verdicts are the machine's" not in " ".join(again.output.split())


@pytest.mark.e2e
def test_check_a_text_page(runner, records_only: Path) -> None:
    out = _json(
        run_cli(
            runner,
            records_only,
            "check",
            str(PAGES / "p07.txt"),
            "--title",
            "Frequently Asked Questions",
            "--url",
            "http://ketaminevirginia.com/faq/",
            "--clinic",
            "Ketamine Virginia",
            "--accessed",
            "2026-11-30",
            "--json",
        )
    )
    assert out["page"]["url"] == "http://ketaminevirginia.com/faq/" and out["page"]["accessed"] == "2026-11-30"
    assert out["name"].startswith("Frequently Asked Questions, Ketamine Virginia, http://ketaminevirginia.com/faq/")
    kept = (records_only / out["page"]["file"]).read_text(encoding="utf-8")
    assert kept == (PAGES / "p07.txt").read_text(encoding="utf-8")
    quotes = {c["quote"]: c for c in out["claims"]}
    hallucinations = quotes["On its own, Ketamine can cause hallucinations."]
    assert hallucinations["kind"] == "side_effect" and hallucinations["proposition"]["direction"] == "causes"
    assert "psychotomimetic" in hallucinations["outcomes"]
    assert not any("responsible adult" in q or "promise" in q for q in quotes)
    for c in out["claims"]:
        assert c["verdict"] == c["machine_verdict"] and c["reviewed"] is False
        assert c["assertion"] and c["kind"] and "evidence" in c
    # named by its title everywhere, never by file name
    listing = run_cli(runner, records_only, "claims", "pages").output
    assert "Frequently Asked Questions" in listing and "sources/" not in listing


def test_the_same_item_under_two_lead_ins_keeps_two_ids_when_checked_again(records_only: Path) -> None:
    """A bare item that stands under two lead-ins ("- Addiction" under "Ketamine never causes:" and under "Unlike
    ketamine, opioids cause:") is two claims. Checking the page again once gave both the first one's id, and the
    catalogue with a repeated id then stopped every later command; each keeps its own id, and its review."""
    page = (
        b"Ketamine versus opioids\n\nKetamine never causes:\n- Addiction\n- Nausea\n\n"
        b"Unlike ketamine, opioids cause:\n- Addiction\n- Constipation\n"
    )

    def ids_by_lead_in() -> dict[tuple[str, str], str]:
        result = check_page(Library.open(records_only), page, "p.txt", title="Ketamine versus opioids")
        ids = [c["id"] for c in result.claims]
        assert len(ids) == len(set(ids)), ids
        return {(c.get("lead_in", ""), c["quote"]): c["id"] for c in result.claims}

    first = ids_by_lead_in()
    addiction = [cid for (lead, quote), cid in first.items() if quote == "Addiction"]
    assert len(addiction) == 2
    second_id = first[("Unlike ketamine, opioids cause:", "Addiction")]
    set_verdict(Library.open(records_only), second_id, "insufficient", "opioids' harm, not ketamine's", reviewer="dan")
    assert ids_by_lead_in() == first
    assert ids_by_lead_in() == first  # and again: the catalogue read back has no repeated id
    assert get_claim(Library.open(records_only), second_id)["verdict"] == "insufficient"


def test_a_page_retelling_a_trial_the_library_lacks_gets_no_supported_verdict(records_only: Path) -> None:
    # tests/pages/heldout7/p38 retells an oral-versus-sublingual trial that is not in the library; both reviewers
    # found no evidence for either comparison. Pain-relief and side-effect reviews of ketamine by any route are
    # evidence for weaker claims: the onset claim is read as a comparison with the oral route (only head-to-head
    # evidence counts), and the explanation of the other says what was not checked.
    page = ROOT / "tests" / "pages" / "heldout7" / "p38.txt"
    result = check_page(Library.open(records_only), page.read_bytes(), "p38.txt", title="Sublingual ketamine for pain")
    quotes = {c["quote"]: c for c in result.claims}
    sooner = quotes["Pain relief began sooner with the under-the-tongue route: after 7 minutes, against 13 minutes "
                    "when swallowed."]  # fmt: skip
    more_often = quotes["The sublingual route also produced side effects more often."]
    assert sooner["verdict"] != "supported" and more_often["verdict"] != "supported"
    assert sooner["kind"] == "onset" and sooner["proposition"]["comparator"] == "oral route"
    assert sooner["proposition"]["direction"] == "faster"
    # "the two routes relieved pain to a similar degree" was read as relief and weighed on every trial of ketamine for
    # pain (mixed); it is a comparison of routes, and no record in the library compares these two
    similar = quotes["On every other measure, the two routes relieved pain to a similar degree."]
    assert similar["kind"] == "comparative" and similar["proposition"]["comparator"] == "other routes"
    assert similar["verdict"] not in ("supported", "mixed"), similar["explanation"]
    assert "comparison ('more often')" in more_often["explanation"]
    assert "no record in this library is read as comparing the two" in more_often["explanation"]


@pytest.fixture(scope="module")
def p41_listed(records_only_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """heldout7 p41 checked once (into its own copy of the records) for the tests that read its list of thirteen
    conditions under "Which Pain Conditions Can Ketamine Treat?": each item, by its words."""
    lib = tmp_path_factory.mktemp("p41") / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    page = ROOT / "tests" / "pages" / "heldout7" / "p41.txt"
    result = check_page(Library.open(lib), page.read_bytes(), "p41.txt", title="Ketamine for Chronic Pain")
    return {c["quote"]: c for c in result.claims if c.get("lead_in") == "Which Pain Conditions Can Ketamine Treat?"}


def test_a_list_of_conditions_under_a_question_is_checked_condition_by_condition(p41_listed: dict[str, dict]) -> None:
    """heldout7 p41 lists thirteen conditions under "Which Pain Conditions Can Ketamine Treat?": each is a claim with
    that question as its lead-in, and one the library has no study of (lupus, gastroparesis) is not judged on trials
    of chronic pain in general."""
    assert len(p41_listed) == 13 and all(c["kind"] == "efficacy" for c in p41_listed.values()), sorted(p41_listed)
    for condition in ("Lupus", "Gastroparesis", "Chronic pancreatitis"):
        item = p41_listed[condition]
        assert item["verdict"] in ("insufficient", "no_evidence"), item["explanation"]


def test_a_condition_no_record_names_has_no_evidence_and_one_the_library_studies_has_some(
    p41_listed: dict[str, dict],
) -> None:
    """heldout7 p41's "Lupus": no record in the library names lupus, so trials of chronic pain in general leave the
    claim without evidence (reviewers say no_evidence, not insufficient), and the explanation names the condition;
    the list's "Migraines" is a condition the library does study, and keeps its evidence."""
    lupus = p41_listed["Lupus"]
    assert lupus["verdict"] == "no_evidence", lupus["explanation"]
    assert re.search(r"none of the \d+ records closest to the claim names 'lupus'", lupus["explanation"])
    migraine = p41_listed["Migraines"]
    assert migraine["verdict"] not in ("no_evidence", "not_checkable"), migraine["explanation"]
    assert "records closest to the claim names" not in migraine["explanation"]


def test_a_named_condition_is_judged_on_its_own_records(p41_listed: dict[str, dict]) -> None:
    """heldout7 p41's list of conditions, weighed like a GRADE reviewer: "Trigeminal neuralgia" has one record about
    it (a case series without a finding read for or against), so it is insufficient and the explanation names that
    record, though some eighty records on other pain conditions support relief of pain in general; "Phantom limb
    pain" is supported by the reviews that report on post-amputation pain, and a meta-analysis that also pools CRPS
    trials is read from its post-amputation sentence only; evidence on other conditions is never what decides."""
    trigeminal = p41_listed["Trigeminal neuralgia"]
    assert trigeminal["verdict"] == "insufficient", trigeminal["explanation"]
    assert re.search(r"records about trigeminal neuralgia: 1 record\(s\), Garcia 2023", trigeminal["explanation"])
    assert re.search(r"the other \d+ records, on other pain conditions, are indirect", trigeminal["explanation"])
    phantom = p41_listed["Phantom limb pain"]
    assert phantom["verdict"] == "supported", phantom["explanation"]
    about = {e["first_author"] for e in phantom["evidence"] if e.get("about_condition")}
    deciding = phantom["explanation"].split("Deciding: ")[1].split(". Judged")[0]
    assert {"Collins", "Richardson"} <= about
    assert re.findall(r"(\w[\w-]*) \d{4} \(", deciding) and all(
        a in about for a in re.findall(r"(\w[\w-]*) \d{4} \(", deciding)
    ), deciding
    collins = next(e for e in phantom["evidence"] if e["first_author"] == "Collins")
    assert collins["stance"] == "supports"
    assert all("postamputation" in s and "CRPS" not in s for s in collins["rationale"]), collins["rationale"]


def test_a_crps_item_is_judged_on_the_crps_trials_and_a_list_of_two_conditions_is_not(records_only: Path) -> None:
    """heldout7 p37's "Complex regional pain syndrome (CRPS): a chronic pain disorder of the arms or legs" is a claim
    about CRPS: the placebo-controlled CRPS trials decide it (supported), and the meta-analysis that finds no
    pooled effect in CRPS counts against it, read from its CRPS sentence. heldout5 p29's "neuropathic pain or complex
    regional pain syndrome" names two conditions: it keeps the whole evidence on both."""
    lib = Library.open(records_only)
    page = ROOT / "tests" / "pages" / "heldout7" / "p37.txt"
    result = check_page(lib, page.read_bytes(), "p37.txt")
    crps = next(c for c in result.claims if c["quote"].startswith("Complex regional pain syndrome (CRPS):"))
    assert crps["verdict"] == "supported", crps["explanation"]
    assert "Judged on the records about Complex regional pain syndrome" in crps["explanation"]
    deciding = crps["explanation"].split("Deciding: ")[1]
    assert "Sigtermans 2009 (RCT) supports" in deciding or "Schwartzman 2009 (RCT) supports" in deciding
    collins = next(e for e in crps["evidence"] if e["first_author"] == "Collins")
    assert collins["stance"] == "contradicts" and all("CRPS" in s for s in collins["rationale"]), collins
    page = ROOT / "tests" / "pages" / "heldout5" / "p29.txt"
    result = check_page(lib, page.read_bytes(), "p29.txt")
    both = next(c for c in result.claims if "neuropathic pain or complex regional pain syndrome" in c["quote"])
    assert "Judged on the records about" not in both["explanation"]
    assert not any(e.get("about_condition") for e in both["evidence"])


INVENTED = """Ketamine Infusion Therapy

Our clinic offers ketamine infusions for chronic pain.

Conditions we treat:
- Zorbitis syndrome
- Fibromyalgia

Ketamine infusion therapy is used to lessen or remove pain in patients with diagnoses such as:
- Zorbitis syndrome
- Complex regional pain syndrome
"""


def test_an_invented_condition_in_a_list_of_conditions_is_never_judged_on_pain_in_general(records_only: Path) -> None:
    """A condition no record studies ("Zorbitis syndrome", invented) in a clinic's list of conditions it treats has
    no evidence, whatever the list's lead-in: some eighty records on relief of pain in general never make it
    supported or mixed, and the explanation names what was searched for. The same lists' real pain conditions are
    judged on their own records."""
    result = check_page(Library.open(records_only), INVENTED.encode(), "invented.txt", title="Ketamine Infusions")
    invented = [c for c in result.claims if c["quote"] == "Zorbitis syndrome"]
    assert len(invented) == 2, [c["quote"] for c in result.claims]
    for c in invented:
        assert c["verdict"] == "no_evidence", c["explanation"]
        assert re.search(r"none of the \d+ records closest to the claim names 'zorbitis' in its", c["explanation"])
    known = [c for c in result.claims if c["quote"] in ("Fibromyalgia", "Complex regional pain syndrome")]
    assert len(known) == 2 and all("Judged on the records about" in c["explanation"] for c in known), known


def test_side_effects_said_to_be_minimal_and_brief_are_weighed_as_a_safety_claim(records_only: Path) -> None:
    """heldout8 p45: "Side effects of the infusions are minimal and go away within minutes or hours after treatment."
    "Within minutes" was read as the onset of relief, and trials showing relief at 15 minutes made this safety claim
    supported; the reviewers said mixed (harms such as liver injury after repeated infusions). It says the harm is
    small, so the harms the library reports weigh against it, and the evidence cited is on adverse events."""
    page = ROOT / "tests" / "pages" / "heldout8" / "p45.txt"
    result = check_page(Library.open(records_only), page.read_bytes(), "p45.txt")
    (claim,) = [c for c in result.claims if c["quote"].startswith("Side effects of the infusions are minimal")]
    prop = claim["proposition"]
    assert (claim["kind"], prop["direction"], prop["outcomes"], prop["quantity"]) == (
        "safety",
        "does_not_cause",
        ["adverse_events"],
        None,
    )
    assert claim["verdict"] != "supported", claim["explanation"]
    assert "contradict" in claim["explanation"] and "onset" not in claim["explanation"]


def test_a_remedy_for_hallucinations_is_not_supported_by_trials_that_report_hallucinations(records_only: Path) -> None:
    """heldout8 p44: "At the start of treatment your provider gives you a sedative to prevent hallucinations." The
    reviewers found nothing on sedative premedication (insufficient); read as "ketamine causes hallucinations" it was
    supported by the hallucination meta-analyses. Only records comparing ketamine with and without the remedy count."""
    page = ROOT / "tests" / "pages" / "heldout8" / "p44.txt"
    result = check_page(Library.open(records_only), page.read_bytes(), "p44.txt")
    (claim,) = [c for c in result.claims if "a sedative to prevent hallucinations" in c["quote"]]
    assert claim["proposition"]["comparator"] == "ketamine without the remedy", claim["proposition"]
    assert claim["verdict"] not in ("supported", "mixed"), claim["explanation"]


def test_a_harm_kept_from_happening_and_a_receptor_in_lower_case_are_not_supported(records_only: Path) -> None:
    """ "We give you an anti-nausea medicine with your ketamine; it prevents vomiting" was supported as "ketamine causes
    vomiting" ("it" is the medicine, and the sentence says a harm is prevented); "Ketamine prevents vomiting" says the
    harm does not happen, which the records of vomiting contradict (some find less of it than opioids do: mixed at
    most); "Ketamine blocks ampa receptors ..." was supported
    by sentences naming only the NMDA receptor. "Ketamine can cause vomiting" stays supported."""
    page = (
        "Ketamine Infusions\n\nWe give you an anti-nausea medicine with your ketamine; it prevents vomiting. "
        "Ketamine prevents vomiting. Ketamine blocks ampa receptors and acts on mu-opioid receptors to relieve pain. "
        "Ketamine can cause vomiting.\n"
    )
    result = check_page(Library.open(records_only), page.encode(), "p.txt")
    verdicts = {c["quote"]: c["verdict"] for c in result.claims}
    assert verdicts["We give you an anti-nausea medicine with your ketamine; it prevents vomiting."] != "supported"
    assert verdicts["Ketamine prevents vomiting."] in ("contradicted", "mixed")
    assert verdicts["Ketamine blocks ampa receptors and acts on mu-opioid receptors to relieve pain."] != "supported"
    assert verdicts["Ketamine can cause vomiting."] == "supported"


def test_a_psychiatric_diagnosis_in_a_list_of_conditions_is_never_judged_on_pain_relief(records_only: Path) -> None:
    """heldout8 p43 lists "Depression", "OCD/PTSD", "Severe Anxiety" and "Widespread Pain" under "used to lessen or
    remove pain in patients with diagnoses such as:". A psychiatric diagnosis is a population of its own: the
    library has no trial in it, only mood scores of patients in pain or around surgery, which are indirect, so
    depression and anxiety are insufficient (naming the records about them and why they were not counted) and
    OCD/PTSD, which no record names, has no evidence. "Widespread Pain" is a condition the vocabulary cannot place:
    it is judged on the records that name it, not on relief of pain in general. tuning p05 and heldout4 p22 list
    depression, anxiety and bipolar disorder the same way."""
    lib = Library.open(records_only)
    listed = {}
    for folder, name in (("heldout8", "p43"), ("tuning", "p05"), ("heldout4", "p22")):
        page = ROOT / "tests" / "pages" / folder / f"{name}.txt"
        listed.update({c["quote"]: c for c in check_page(lib, page.read_bytes(), f"{name}.txt").claims})
    for quote, condition in (
        ("Depression", "depression"),
        ("Severe Anxiety", "anxiety"),
        ("Treatment-resistant depression", "depression"),
        ("Bipolar disorder or severe anxiety (selected cases)", "bipolar disorder"),
        ("Anxiety disorders", "anxiety"),
        ("Depressive disorders", "depression"),
    ):
        c = listed[quote]
        assert c["verdict"] == "insufficient", c["explanation"]
        assert re.search(rf"Judged on the records about [^:]*{condition}: \d+ record", c["explanation"]), c
        assert "in patients in pain or around surgery" in c["explanation"], c["explanation"]
        assert "Deciding:" not in c["explanation"], c["explanation"]  # nothing on relief of pain decides it
    ocd = listed["OCD/PTSD"]
    assert ocd["verdict"] == "no_evidence", ocd["explanation"]
    assert re.search(r"none of the \d+ records closest to the claim is about .*PTSD.*OCD", ocd["explanation"])
    widespread = listed["Widespread Pain"]
    assert widespread["verdict"] in ("insufficient", "no_evidence"), widespread["explanation"]
    assert "Widespread Pain" in widespread["explanation"] and "'widespread'" in widespread["explanation"]
    assert re.search(r"the other \d+ records, on other pain conditions, are indirect", widespread["explanation"])


def test_some_patients_benefit_is_not_shown_against_trials_by_several_groups(records_only: Path) -> None:
    """heldout5 p25's "- Migraines: some patients get relief from severe, persistent headaches": the migraine
    records include placebo- and drug-controlled trials by several groups that find no benefit, which reports of
    patients who improved do not outweigh (mixed); "Cluster headaches or migraines (some cases)" on an infusion
    page (tuning p05) faces one such trial only (the others give a single dose), and is supported by them."""
    lib = Library.open(records_only)
    page = ROOT / "tests" / "pages" / "heldout5" / "p25.txt"
    result = check_page(lib, page.read_bytes(), "p25.txt")
    some = next(c for c in result.claims if "some patients get relief" in c["quote"])
    assert some["verdict"] == "mixed", some["explanation"]
    page = ROOT / "tests" / "pages" / "tuning" / "p05.txt"
    result = check_page(lib, page.read_bytes(), "p05.txt")
    cases = next(c for c in result.claims if c["quote"].startswith("Cluster headaches or migraines"))
    assert cases["verdict"] == "supported", cases["explanation"]
    assert "some patients benefit" in cases["explanation"]


@pytest.mark.e2e
def test_check_an_html_page_drops_the_page_furniture(runner, records_only: Path, tmp_path: Path) -> None:
    out = _json(
        run_cli(runner, records_only, "check", str(PAGES / "p05.html"), "--report", str(tmp_path / "r"), "--json")
    )
    report = Path(out["report"]).read_text(encoding="utf-8")
    assert "Ketamine Infusion Therapy" in report and "Phantom limb pain" in report
    assert out["page"]["format"] == "html"
    assert out["page"]["title"] == "Ketamine Infusion Therapy"
    assert out["page"]["url"] == "https://horizonpainutah.com/ketamine-infusion"  # the canonical link
    kept = (records_only / out["page"]["file"]).read_text(encoding="utf-8")
    assert "cookie" not in kept.lower() and "gtag" not in kept and "Our Providers" not in kept
    assert "- Phantom limb pain" in kept
    limb = next(c for c in out["claims"] if c["quote"] == "Phantom limb pain")
    assert limb["lead_in"] == "Conditions Ketamine Infusion Is Used For" and limb["kind"] == "efficacy"
    assert not any("ride home" in c["quote"] or "monitored" in c["quote"] for c in out["claims"])


@pytest.mark.e2e
def test_check_reads_stdin(runner, records_only: Path) -> None:
    page = (PAGES / "p03.txt").read_text(encoding="utf-8")
    res = runner.invoke(
        app,
        ["--library", str(records_only), "check", "-", "--url", "https://etketamine.com/migraine", "--json"],
        input=page,
    )
    out = _json(res)
    assert out["page"]["title"] == "Can Ketamine Treat Migraines and Headaches?"
    assert any(c["quote"] == "It delivers fast pain relief." for c in out["claims"])


@pytest.mark.e2e
def test_check_errors_are_one_line(runner, records_only: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for args in (
        ["check", str(empty)],
        ["check", str(tmp_path / "missing.html")],
        ["check", str(PAGES / "p01.txt"), "--accessed", "yesterday"],
    ):
        res = run_cli(runner, records_only, *args)
        assert res.exit_code == 1 and "Traceback" not in res.output
        assert len(res.output.strip().splitlines()) == 1, res.output


@pytest.mark.e2e
def test_a_fifo_or_folder_as_page_is_refused_not_waited_on(records_only: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    for args in (["check", str(fifo)], ["claims", "extract", str(fifo)], ["check", str(tmp_path)]):
        proc = run_ketalit("--library", str(records_only), *args, timeout=60)  # nobody writes to the pipe
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert proc.stderr.strip().count("\n") == 0 and "not a regular file" in proc.stderr, proc.stderr
        assert "give - to read stdin" in proc.stderr


CRPS_PAGE = """<!doctype html>
<html><head><title>Ketamine Infusions for CRPS | Example Pain Clinic</title>
<link rel="canonical" href="https://example.org/ketamine-infusions-crps"></head>
<body><nav><a href="/">Home</a> <a href="/book">Book now</a></nav>
<article><h2>What to expect</h2>
<p>Most patients feel their pain ease within an hour of the first session.</p>
<p>Relief often lasts several weeks, and many patients need fewer opioids afterwards.</p>
</article><footer>Call us today</footer></body></html>
"""


@pytest.mark.e2e
def test_claims_extract_reads_a_page_as_check_does(runner, records_only: Path, tmp_path: Path) -> None:
    """Neither sentence names the route or the condition: the page's title does, for both commands alike."""
    page = tmp_path / "crps.html"
    page.write_text(CRPS_PAGE, encoding="utf-8")
    extracted = {c["quote"]: c for c in _json(run_cli(runner, records_only, "claims", "extract", str(page), "--json"))}
    assert len(extracted) == 2
    assert all(c["routes"] == ["intravenous"] and c["population"] == ["crps"] for c in extracted.values())
    _json(run_cli(runner, records_only, "check", str(page), "--json"))
    for c in read_catalogue(records_only)["claim"]:
        e = extracted[c["quote"]]
        assert (c["kind"], c["routes"], c["settings"], c.get("topic", "")) == (
            e["kind"],
            e["routes"],
            e["population"],
            e["topic"],
        )
    # the page's stdin form reads the same way
    res = runner.invoke(app, ["--library", str(records_only), "claims", "extract", "-", "--json"], input=CRPS_PAGE)
    assert {c["quote"]: c["routes"] for c in _json(res)} == {q: c["routes"] for q, c in extracted.items()}


@pytest.mark.e2e
def test_a_new_pages_claim_meets_another_pages_on_the_same_topic(runner, records_only: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "safety.txt", tmp_path / "side-effects.txt"
    first.write_text(
        "Is ketamine safe?\n\nKetamine causes no respiratory depression at therapeutic doses.\n\n"
        "Ketamine is generally well tolerated.\n",
        encoding="utf-8",
    )
    second.write_text(
        "Side effects of ketamine infusions\n\nPossible side effects include:\n\n- Breathing problems\n"
        "- Mild dizziness\n",
        encoding="utf-8",
    )
    out = _json(run_cli(runner, records_only, "check", str(first), "--json"))
    assert out["contradictions"] == []
    ids = {c["quote"]: c["id"] for c in out["claims"]}
    out = _json(run_cli(runner, records_only, "check", str(second), "--json"))
    ids.update({c["quote"]: c["id"] for c in out["claims"]})
    assert [c["topic"] for c in out["contradictions"]] == ["respiratory_depression"]  # not dizziness vs tolerated
    pair = ids["Ketamine causes no respiratory depression at therapeutic doses."], ids["Breathing problems"]
    assert out["contradictions"][0]["claims"] == list(pair)
    text = run_cli(runner, records_only, "check", str(second)).output
    assert "contradicts another page (respiratory_depression)" in text
    # a reviewer who gives the claim a topic of its own separates it; an empty topic is the proposition's again
    breathing = ids["Breathing problems"]
    assert run_cli(runner, records_only, "claims", "edit", breathing, "topic=airway_in_sedation").exit_code == 0
    assert _json(run_cli(runner, records_only, "claims", "link", "--json"))["contradictions"] == []
    assert run_cli(runner, records_only, "claims", "edit", breathing, "topic=").exit_code == 0
    conflicts = _json(run_cli(runner, records_only, "claims", "link", "--json"))["contradictions"]
    assert [c["topic"] for c in conflicts] == ["respiratory_depression"]


# -- reviews -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def checked_template(records_only_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict]:
    """``records_only`` with the saved page p05 checked, made once per run: the library folder (never written to),
    the page's document and its claim about tingling."""

    def build(folder: Path) -> tuple[Path, str, dict]:
        root = folder / "library"
        shutil.copytree(records_only_template, root, ignore=shutil.ignore_patterns("*.lock"))
        result = check_page(
            Library.open(root), (PAGES / "p05.txt").read_bytes(), "p05.txt", url="https://horizonpainutah.com/k"
        )
        tingling = next(r for r in result.claims if r["quote"].startswith("Tingling"))
        return root, result.document, tingling

    return built_once(tmp_path_factory, "checked", build)


@pytest.fixture
def page_with_claims(checked_template: tuple[Path, str, dict], records_only: Path) -> tuple[Library, str, dict]:
    """``records_only`` as checking p05 leaves it (a copy of ``checked_template``): the library, the page's document
    and its claim about tingling."""
    root, document, tingling = checked_template
    shutil.rmtree(records_only)
    shutil.copytree(root, records_only, ignore=shutil.ignore_patterns("*.lock"))
    return Library.open(records_only), document, copy.deepcopy(tingling)


@pytest.mark.e2e
def test_reviewed_stance_survives_relinking_reimport_and_rebuild(runner, records_only: Path, page_with_claims) -> None:
    lib, _, claim = page_with_claims
    linked = next(e for e in claim["evidence"] if e["pmid"])
    set_stance(lib, claim["id"], linked["pmid"], "irrelevant", "sedation study, not the claim", reviewer="alice")
    missed = "19604642"  # a CRPS infusion trial the machine did not link to this claim
    assert not any(e["pmid"] == missed for e in claim["evidence"])
    set_stance(lib, claim["id"], missed, "neutral", "no tingling reported", reviewer="alice")

    def check_kept() -> None:
        row = get_claim(Library.open(records_only), claim["id"])
        by_pmid = {e["pmid"]: e for e in row["evidence"]}
        assert by_pmid[linked["pmid"]]["stance"] == "irrelevant"
        assert by_pmid[linked["pmid"]]["machine_stance"] == linked["stance"]
        assert by_pmid[linked["pmid"]]["review"]["reviewer"] == "alice"
        assert by_pmid[missed]["stance"] == "neutral" and by_pmid[missed]["machine_stance"] is None
        assert row["reviewed"] is True

    check_kept()
    assert run_cli(runner, records_only, "claims", "link").exit_code == 0
    check_kept()
    res = run_cli(runner, records_only, "import", str(records_only / "snapshot" / "ketamine_pain.pubmed.xml"))
    assert res.exit_code == 0, res.output
    assert run_cli(runner, records_only, "claims", "link").exit_code == 0
    check_kept()
    assert run_cli(runner, records_only, "rebuild").exit_code == 0
    check_kept()


@pytest.mark.e2e
def test_overruling_a_verdict_keeps_the_machines(runner, records_only: Path, page_with_claims, tmp_path: Path) -> None:
    lib, doc, claim = page_with_claims
    machine = claim["verdict"]
    other = "no_evidence" if machine != "no_evidence" else "insufficient"
    res = run_cli(runner, records_only, "claims", "verdict", claim["id"], other)
    assert res.exit_code == 1 and "--note" in res.output  # overruling needs a reason
    res = run_cli(
        runner,
        records_only,
        "claims",
        "verdict",
        claim["id"],
        other,
        "--note",
        "no record reports tingling",
        "--reviewer",
        "bob",
    )
    assert res.exit_code == 0, res.output
    rows = _json(run_cli(runner, records_only, "claims", "list", "--json"))
    row = next(r for r in rows if r["id"] == claim["id"])
    assert (row["verdict"], row["machine_verdict"], row["reviewed"]) == (other, machine, True)
    assert all(r["reviewed"] is False for r in rows if r["id"] != claim["id"])
    shown = " ".join(run_cli(runner, records_only, "claims", "show", claim["id"]).output.split())
    assert f"machine's verdict: {machine}" in shown and f"reviewed verdict: {other} by bob" in shown
    assert "no record reports tingling" in shown and "Ketamine Infusion Therapy" in shown
    # relinking recomputes the machine's verdict and keeps the person's
    link_all(Library.open(records_only))
    row = get_claim(Library.open(records_only), claim["id"])
    assert (row["verdict"], row["machine_verdict"]) == (other, machine)
    # the report shows both, with the counts of what is reviewed, and names the page
    files = write_report(Library.open(records_only), tmp_path / "report")
    html = files.html.read_text(encoding="utf-8")
    md = files.markdown.read_text(encoding="utf-8")
    block = html[html.index(f'id="claim-{claim["id"]}"') :][:1500]
    assert f"v-{other}" in block and f'machine said: <span class="verdict v-{machine}">' in block and "by bob" in block
    assert f"A person reviewed 1 of these {len(rows)} judgements" in html
    assert f"**{other}** (reviewed by bob" in md and f"machine: {machine}" in md
    assert "https://horizonpainutah.com/k" in html and "sources/" not in html[html.index('id="claims"') :]


@pytest.mark.e2e
def test_reviews_survive_reimport_and_the_report_shows_the_reviewed_stance_beside_the_machines(
    runner, records_only: Path, tmp_path: Path, page_with_claims
) -> None:
    lib, _, claim = page_with_claims
    linked = next(e for e in claim["evidence"] if e["pmid"] and e["stance"] != "irrelevant")
    set_stance(lib, claim["id"], linked["pmid"], "irrelevant", "sedation study, not the claim", reviewer="alice")
    machine = get_claim(Library.open(records_only), claim["id"])["machine_verdict"]
    other = "no_evidence" if machine != "no_evidence" else "insufficient"
    set_verdict(Library.open(records_only), claim["id"], other, "nothing on tingling", reviewer="bob")
    res = run_cli(runner, records_only, "import", str(records_only / "snapshot" / "ketamine_pain.pubmed.xml"))
    assert res.exit_code == 0, res.output
    assert run_cli(runner, records_only, "claims", "link").exit_code == 0
    row = get_claim(Library.open(records_only), claim["id"])
    assert (row["verdict"], row["machine_verdict"]) == (other, machine)  # the overruled verdict, and the machine's
    files = write_report(Library.open(records_only), tmp_path / "report")
    md = files.markdown.read_text(encoding="utf-8")
    html = files.html.read_text(encoding="utf-8")
    # the reviewed stance is shown with who reviewed it and what the machine had read
    assert f"- irrelevant (reviewed by alice; machine: {linked['stance']})" in md
    block = html[html.index(f'id="claim-{claim["id"]}"') :]
    block = block[: block.index("</details>")] if "</details>" in block else block[:20000]
    assert '<span class="tag reviewed">alice</span>' in block and f"machine: {linked['stance']}" in block
    assert f"**{other}** (reviewed by bob" in md and f"machine: {machine}" in md


def test_checking_a_page_keeps_the_findings_it_read(records_only: Path, monkeypatch) -> None:
    """`check` stores the findings it reads with their records, as `claims link` does: the next check reads none."""
    from ketalit.claims import findings

    lib = Library.open(records_only)
    with lib.transaction():
        for doc_id, _ in list(lib.iter_records()):
            lib.put_derived(doc_id, "findings", None)  # as after a change to the finding rules
    page = (PAGES / "p07.txt").read_bytes()
    result = check_page(Library.open(records_only), page, "p07.txt")
    lib = Library.open(records_only)
    cited = {e["citekey"] for r in result.claims for e in r["evidence"]}
    assert cited
    for key in cited:
        rec = lib.find(key)
        assert findings.is_current(rec.get("findings"), rec), key
    read_again: list[str] = []
    real = findings.read_record
    monkeypatch.setattr(findings, "read_record", lambda rec: read_again.append(rec["citekey"]) or real(rec))
    check_page(Library.open(records_only), page, "p07.txt")
    assert read_again == []


def test_a_study_summary_page_gets_verdicts_for_its_findings_not_its_citations(records_only: Path) -> None:
    """A page of study summaries (heldout6 p30): the citations and what the authors did get no verdict; the findings
    that do not name ketamine ("For most of the patients the relief lasted three months or longer.") are checked."""
    page = ROOT / "tests" / "pages" / "heldout6" / "p30.txt"
    result = check_page(Library.open(records_only), page.read_bytes(), "p30.txt", title="Pain Research")
    quotes = {r["quote"]: r for r in result.claims}
    assert not [q for q in quotes if "Pain Medicine" in q or "the authors searched" in q or "they received" in q]
    lasted = quotes["For most of the patients the relief lasted three months or longer."]
    assert lasted["kind"] == "duration" and lasted["verdict"] != "not_checkable"


def test_relief_only_after_several_infusions_is_not_supported_by_relief_within_the_hour(records_only: Path) -> None:
    """ "Most patients notice no improvement before their 3rd or 4th infusion" was read as relief within the hour
    and supported by trials showing relief 15 minutes into one infusion; those trials are of another regimen."""
    page = ROOT / "tests" / "pages" / "heldout5" / "p26.txt"
    result = check_page(Library.open(records_only), page.read_bytes(), "p26.txt")
    onsets = [r for r in result.claims if "infusion" in r["quote"] and "improv" in r["quote"]]
    assert len(onsets) == 3 and all(r["kind"] == "onset" for r in onsets), [r["quote"] for r in onsets]
    assert not [r["quote"] for r in onsets if r["verdict"] == "supported"]


def test_rechecking_a_page_keeps_every_review(records_only: Path, page_with_claims) -> None:
    lib, doc, claim = page_with_claims
    other = get_claim(lib, f"{doc}-03")
    set_verdict(lib, claim["id"], "no_evidence", "nothing on tingling", reviewer="carol")
    from ketalit.claims.review import add_claim, edit_claim, remove_claim

    remove_claim(lib, other["id"], "a list heading, not a claim", reviewer="carol")
    edit_claim(
        Library.open(records_only),
        f"{doc}-01",
        {"kind": "comparative", "comparator": "placebo"},
        "says 'better than'",
        reviewer="carol",
    )
    added = add_claim(
        Library.open(records_only),
        doc,
        "Delivered by IV line in a setting where you are monitored",
        lead_in="How the Infusion Works",
        note="route claim",
        reviewer="carol",
    )
    # the page changes a little (a new sentence) and is checked again, found by its URL
    changed = (
        (PAGES / "p05.txt")
        .read_text(encoding="utf-8")
        .replace("What Is Ketamine?\n\n", "What Is Ketamine?\n\nKetamine relieves pain within 20-40 minutes.\n\n")
    )
    again = check_page(Library.open(records_only), changed.encode(), "p05.txt", url="https://horizonpainutah.com/k")
    assert again.document == doc and again.new == 1 and again.dropped == 0
    rows = {r["id"]: r for r in again.claims}
    assert rows[claim["id"]]["quote"] == claim["quote"] and rows[claim["id"]]["verdict"] == "no_evidence"
    assert rows[claim["id"]]["machine_verdict"] == claim["machine_verdict"]
    assert other["id"] not in rows  # removed stays removed
    assert rows[f"{doc}-01"]["kind"] == "comparative"  # the edit stays
    assert added["claim"] in rows and rows[added["claim"]]["edited"] and not rows[added["claim"]]["reviewed"]
    assert len({r["id"] for r in again.claims}) == len(again.claims)
    kept = read_catalogue(records_only)["documents"][doc]
    assert kept["url"] == "https://horizonpainutah.com/k" and (records_only / kept["file"]).read_text() == changed


def _hand_catalogue(path: Path, root: Path, doc: str, claims: list[dict], removed: list[dict] = ()) -> Path:
    """A hand-made catalogue of one page of library ``root`` (the format `claims adopt` reads)."""
    import tomli_w

    meta = read_catalogue(root)["documents"][doc]
    out = {"documents": {doc: {"file": meta["file"]}}, "claim": claims}
    if removed:
        out["removed"] = list(removed)
    path.write_text(tomli_w.dumps(out), encoding="utf-8")
    return path


@pytest.mark.e2e
def test_adopting_a_partial_catalogue_leaves_the_other_claims_to_the_machine(
    runner, records_only: Path, page_with_claims, tmp_path: Path
) -> None:
    """A hand catalogue that lists some of a page's claims is a person's decision on those only: the claims it leaves
    out stay, linked and judged, shown as the machine's; a [[removed]] entry removes; every earlier review stays;
    adopting the same file again changes nothing."""
    from ketalit.claims.review import remove_claim

    lib, doc, tingling = page_with_claims
    machine = {c["quote"]: c for c in read_catalogue(records_only)["claim"]}
    by_start = sorted(machine.values(), key=lambda c: c["start"])
    same, edited, gone, dropped = by_start[0], by_start[1], by_start[3], by_start[4]
    heart = next(c for c in by_start if c["quote"].startswith("A temporary rise"))
    # a person's decisions before the adoption: a verdict, a stance, a removal
    set_verdict(lib, tingling["id"], "no_evidence", "nothing on tingling", reviewer="carol")
    rec = next(e for e in get_claim(lib, heart["id"])["evidence"] if e["pmid"])
    set_stance(Library.open(records_only), heart["id"], rec["pmid"], "irrelevant", "not about heart rate", "carol")
    remove_claim(Library.open(records_only), dropped["id"], "a list item about depression", reviewer="carol")
    top_before = read_catalogue(records_only)["documents"][doc]["last_claim"]

    def copy(c: dict, **changes) -> dict:  # the machine's reading, as a hand would copy it
        return {**{k: v for k, v in c.items() if k not in ("why", "reasons")}, **changes}

    text = (records_only / read_catalogue(records_only)["documents"][doc]["file"]).read_text(encoding="utf-8")
    monitored = "Delivered by IV line in a setting where you are monitored"
    hand = _hand_catalogue(
        tmp_path / "hand.toml",
        records_only,
        doc,
        [
            copy(same, id=f"{doc}-03"),  # the hand numbers it 03
            copy(edited, id=f"{doc}-04", kind="comparative"),
            copy(heart),
            {
                "id": f"{doc}-90",
                "quote": monitored,
                "start": text.index(monitored),
                "end": text.index(monitored) + len(monitored),
                "kind": "safety",
                "routes": ["intravenous"],
                "outcomes": [],
                "settings": [],
                "assertion": "given under monitoring",
            },
        ],
        [
            {
                "id": f"{doc}-91",
                "quote": gone["quote"],
                "start": gone["start"],
                "end": gone["end"],
                "note": "not a claim",
            }
        ],
    )
    counts = adopt_catalogue(Library.open(records_only), hand, "dana", "partial hand catalogue")
    assert (counts["accepted"], counts["edited"], counts["added"], counts["removed"]) == (2, 1, 1, 1)
    assert counts["machine"] == len(machine) - 5  # all but the three listed, the one removed now and the one before
    assert run_cli(runner, records_only, "claims", "link").exit_code == 0
    rows = {r["quote"]: r for r in _json(run_cli(runner, records_only, "claims", "list", "--json"))}
    assert gone["quote"] not in rows and dropped["quote"] not in rows  # removed by the file; by carol before
    assert rows[same["quote"]]["id"] == f"{doc}-03" and rows[same["quote"]]["claim_reviewed"]
    assert not rows[same["quote"]]["edited"]  # accepted as the machine read it
    assert rows[edited["quote"]]["kind"] == "comparative" and rows[edited["quote"]]["edited"]
    added = rows[monitored]
    assert added["id"] == f"{doc}-90" and added["claim_reviewed"]
    left = [r for q, r in rows.items() if q not in (same["quote"], edited["quote"], heart["quote"], added["quote"])]
    assert len(left) == len(machine) - 5 and all(not r["claim_reviewed"] and not r["edited"] for r in left)
    assert all(r["verdict"] and "evidence" in r for r in left)  # linked and judged like any other
    # the machine claim the hand's number 03 belonged to took a new number, never used before
    moved = rows[by_start[2]["quote"]]
    assert by_start[2]["id"] == f"{doc}-03" and int(moved["id"].split("-")[1]) > top_before
    # every earlier review survives, on the claims it was made on
    t = rows[tingling["quote"]]
    assert (t["verdict"], t["reviewed"], t["claim_reviewed"]) == ("no_evidence", True, False)
    h = rows[heart["quote"]]
    assert next(e for e in h["evidence"] if e["pmid"] == rec["pmid"])["stance"] == "irrelevant"
    # the page as `check` and the report show it: the machine's claims marked as such
    again = check_page(Library.open(records_only), (PAGES / "p05.txt").read_bytes(), "p05.txt")
    flags = {r["quote"]: r["claim_reviewed"] for r in again.claims}
    assert flags[same["quote"]] and not flags[tingling["quote"]] and len(flags) == len(rows)
    md = write_report(Library.open(records_only), tmp_path / "report").markdown.read_text(encoding="utf-8")
    assert md.count("(claim found by the machine, not reviewed)") == len(left)

    # adopting the same file again records nothing and renumbers nothing
    n_reviews, toml = len(reviews(Library.open(records_only))), (records_only / "claims.toml").read_bytes()
    counts = adopt_catalogue(Library.open(records_only), hand, "dana", "partial hand catalogue")
    assert counts["accepted"] == counts["edited"] == counts["added"] == counts["removed"] == 0
    assert counts["unchanged"] == 5 and counts["machine"] == len(machine) - 5
    assert len(reviews(Library.open(records_only))) == n_reviews
    assert (records_only / "claims.toml").read_bytes() == toml

    # a catalogue entry without its offsets is refused with one line naming it, and nothing is recorded
    bad = _hand_catalogue(tmp_path / "bad.toml", records_only, doc, [{"id": f"{doc}-03", "quote": same["quote"]}])
    res = run_ketalit("--library", str(records_only), "claims", "adopt", str(bad), "--reviewer", "x", "-n", "y")
    assert res.returncode == 1 and "bad.toml: [[claim]] number 1" in res.stderr and "Traceback" not in res.stderr
    assert len(reviews(Library.open(records_only))) == n_reviews

    # the old reading, as an explicit option: the file is every claim of its page
    assert "--remove-absent" in " ".join(run_cli(runner, records_only, "claims", "adopt", "--help").output.split())
    res = run_cli(
        runner, records_only, "claims", "adopt", str(hand), "--reviewer", "dana", "-n", "all", "--remove-absent"
    )
    assert res.exit_code == 0, res.output
    assert run_cli(runner, records_only, "claims", "link").exit_code == 0
    ids = {r["id"] for r in _json(run_cli(runner, records_only, "claims", "list", "--json"))}
    assert ids == {f"{doc}-03", f"{doc}-04", heart["id"], f"{doc}-90"}
    assert len(reviews(Library.open(records_only))) == n_reviews + len(machine) - 5  # the earlier ones all kept


def test_remaking_the_catalogue_under_the_reviews_keeps_every_one(
    records_only: Path, page_with_claims, tmp_path: Path
) -> None:
    """library/CLAIMS_REVIEW.md's steps: the claims a person judged written out, the machine's catalogue emptied to
    its pages, each page checked again, the written catalogue adopted. Every claim a person judged keeps its id and
    fields, every removal stays, every verdict review stays; a judged claim the extraction no longer finds comes back
    as an added claim; the machine's other claims come back as the machine's, with numbers never used before."""
    from ketalit.claims.review import add_claim, edit_claim, remove_claim

    lib, doc, claim = page_with_claims
    remove_claim(lib, f"{doc}-03", "a list heading, not a claim", reviewer="carol")
    edit_claim(Library.open(records_only), claim["id"], {"kind": "safety", "topic": "tingling"}, reviewer="carol")
    add_claim(Library.open(records_only), doc, "Delivered by IV line in a setting where you are monitored")
    set_verdict(Library.open(records_only), f"{doc}-02", "insufficient", "one small study", reviewer="carol")
    lib = Library.open(records_only)
    before = {c.id: c.as_dict() for c in reviewed_catalogue(lib)}
    judged = {claim["id"], next(cid for cid, c in before.items() if c["quote"].startswith("Delivered"))}
    hand = tmp_path / "reviewed.toml"
    assert write_reviewed_catalogue(lib, hand) == len(judged)  # the machine's other claims are left to it
    top = read_catalogue(lib.root)["documents"][doc]["last_claim"]

    with lib.transaction():
        write_catalogue(lib.root, {"documents": read_catalogue(lib.root)["documents"], "claim": []})
    page = read_catalogue(lib.root)["documents"][doc]
    check_page(lib, (records_only / page["file"]).read_bytes(), "p05.txt", link=False)
    machine = read_catalogue(lib.root)
    machine["claim"] = [c for c in machine["claim"] if c["quote"] != claim["quote"]]  # the rules no longer find it
    write_catalogue(lib.root, machine)
    counts = adopt_catalogue(lib, hand, "carol", "re-made under the reviews")
    assert counts["added"] == 1 and counts["removed"] == 0  # the claim no longer found; 03 is still removed
    link_all(Library.open(records_only))
    after = {c.id: c.as_dict() for c in reviewed_catalogue(Library.open(records_only))}
    assert {cid: after[cid] for cid in judged} == {cid: before[cid] for cid in judged}
    assert after[claim["id"]]["kind"] == "safety" and after[claim["id"]]["topic"] == "tingling"

    def by_quote(cat: dict) -> dict:
        return {c["quote"]: {k: v for k, v in c.items() if k != "id"} for c in cat.values()}

    assert by_quote(after) == by_quote(before)  # the machine's claims are back as they were, nothing more
    assert all(int(cid.split("-")[1]) > top for cid in after if cid not in judged)
    row = get_claim(
        Library.open(records_only), next(k for k, c in after.items() if c["quote"] == before[f"{doc}-02"]["quote"])
    )
    assert row["verdict"] == "insufficient" and row["review"]["verdict"]["reviewer"] == "carol"


@pytest.mark.e2e
def test_interactive_review_walks_the_evidence(runner, records_only: Path, page_with_claims) -> None:
    _, _, claim = page_with_claims
    n = len(claim["evidence"])
    answers = ["c", "wrong population"] + ["a", ""] + [""] * (n - 2) + ["", "insufficient", "only weak evidence"]
    res = runner.invoke(
        app,
        ["--library", str(records_only), "claims", "review", claim["id"], "--reviewer", "dan"],
        input="\n".join(answers) + "\n",
    )
    assert res.exit_code == 0, res.output
    row = get_claim(Library.open(records_only), claim["id"])
    first, second = row["evidence"][0], row["evidence"][1]
    assert first["stance"] == "contradicts" and first["review"]["note"] == "wrong population"
    assert second["review"]["stance"] == second["machine_stance"]  # accepted
    assert row["verdict"] == "insufficient" and row["review"]["verdict"]["reviewer"] == "dan"


@pytest.mark.e2e
def test_report_without_claims_and_for_one_page(runner, records_only: Path, tmp_path: Path) -> None:
    res = run_cli(runner, records_only, "report", "-o", str(tmp_path / "plain"), "--json")
    out = _json(res)
    html = Path(out["html"]).read_text(encoding="utf-8")
    assert "Evidence gap map" in html and "Library summary" in html and out["verdicts"] == {}
    check_page(Library.open(records_only), (PAGES / "p07.txt").read_bytes(), "p07.txt", title="FAQ page")
    check_page(Library.open(records_only), (PAGES / "p03.txt").read_bytes(), "p03.txt")
    stale = tmp_path / "one" / "evidence" / "000-99.html"  # a claim's page from an earlier report in this folder
    stale.parent.mkdir(parents=True)
    stale.write_text("<p>an earlier report's page</p>", encoding="utf-8")
    out = _json(
        run_cli(runner, records_only, "report", "-o", str(tmp_path / "one"), "--document", "FAQ page", "--json")
    )
    html = Path(out["html"]).read_text(encoding="utf-8")
    assert "FAQ page" in html and "Can Ketamine Treat Migraines" not in html
    # the evidence folder holds the pages this report links to, and no page of a claim it does not show
    assert not stale.exists()
    assert all(f'href="evidence/{page.name}"' in html for page in stale.parent.glob("*.html"))
    assert run_cli(runner, records_only, "report", "--document", "no such page").exit_code == 1


def _pages_eval(*args: str) -> dict[tuple[str, str], list[str]]:
    """(set, page) -> the figures `bench/pages_eval.py` prints for it."""
    rows, current = {}, ""
    for line in run_bench("pages_eval.py", *args).splitlines():
        if line.startswith("set: "):
            current = line.removeprefix("set: ")
        elif line.split() and line.split()[0] != "page" and not line.startswith(" "):
            rows[(current, line.split()[0])] = line.split()
    return rows


@pytest.mark.e2e
def test_pages_eval_prints_figures_per_set_page_and_field() -> None:
    rows = _pages_eval("--no-link", "--set", "tuning") | _pages_eval("--no-link", "--set", "shipped")
    assert {("tuning", p) for p in ("p01", "p03", "p05", "p07", "p08", "overall")} <= set(rows)
    # the shipped pages are read from the file their labels name
    assert {("shipped", d) for d in ("000", "001", "002", "003", "004", "overall")} <= set(rows)
    for key in (("tuning", "overall"), ("shipped", "overall")):
        figures = rows[key][3:6] + rows[key][8:]
        assert len(figures) == 3 + 8 and all(0 <= float(x) <= 1 for x in figures), rows[key]
    precision, recall, kind = (float(x) for x in rows[("tuning", "overall")][3:6])
    assert precision >= 0.9 and recall >= 0.9 and kind >= 0.9  # a regression guard, not a figure


def test_pages_eval_writes_a_line_per_labelled_claim(tmp_path: Path) -> None:
    """``--claims FILE``: every labelled claim of the set, found or not, with the kind and verdict check gave it, so
    that two runs can be joined on (set, page, n)."""
    out = tmp_path / "claims.jsonl"
    run_bench("pages_eval.py", "--no-link", "--set", "tuning", "--claims", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    labelled = {
        (path.name.split(".")[0], c["n"])
        for path in (ROOT / "tests" / "pages" / "tuning").glob("*.labels.toml")
        for c in tomllib.loads(path.read_text(encoding="utf-8")).get("claim", [])
    }
    assert {(r["page"], r["n"]) for r in rows} == labelled and len(rows) == len(labelled)
    assert {r["set"] for r in rows} == {"tuning"}
    found = [r for r in rows if r["found"]]
    assert found and all(r["got_kind"] for r in found)
    assert all(r["got"] is None and r["got_kind"] is None for r in rows if not r["found"])


def test_pages_eval_compares_fields_in_the_labels_terms() -> None:
    spec = importlib.util.spec_from_file_location("pages_eval", ROOT / "bench" / "pages_eval.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules["pages_eval"] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    right = bench.field_right
    label = {"regimen": "boosters", "comparator": "opioid-receptor pain medications", "direction": "safe"}
    assert right("regimen", label, {"regimen": "repeated"})[0]
    assert not right("regimen", {"regimen": "unspecified"}, {"regimen": "infusion"})[0]
    assert right("comparator", label, {"comparator": "opioids"})[0]
    assert not right("comparator", label, {"comparator": None})[0]
    assert right("direction", label, {"direction": "does_not_cause"})[0]
    assert not right("direction", label, {"direction": "causes"})[0]
    q = {"quantity": {"kind": "onset_minutes", "min": 20, "max": 40}}
    assert right("quantity", q, {"quantity": ("onset_minutes", 20.0, 42.0)})[0]
    assert not right("quantity", q, {"quantity": ("onset_minutes", 1.0, 60.0)})[0]
    assert not right("quantity", {}, {"quantity": ("duration_days", 1.0, 7.0)})[0]


@pytest.mark.e2e
def test_claim_edits_from_the_command_line(runner, records_only: Path, page_with_claims) -> None:
    lib, doc, claim = page_with_claims
    cid = f"{doc}-02"
    longer = get_claim(lib, cid)["quote"]
    short = longer.split(":")[0]  # "It acts differently from conventional medications"
    res = run_cli(
        runner,
        records_only,
        "claims",
        "edit",
        cid,
        f"quote={short}",
        "kind=comparative",
        "comparator=standard analgesics",
        "routes=",
        "--note",
        "the NMDA part is a second claim",
    )
    assert res.exit_code == 0, res.output
    # a later decision on the edited claim still finds it, after relinking too
    rec = next(e for e in get_claim(Library.open(records_only), cid)["evidence"] if e["pmid"])
    assert run_cli(runner, records_only, "claims", "stance", cid, rec["pmid"], "neutral").exit_code == 0
    assert run_cli(runner, records_only, "claims", "link").exit_code == 0
    row = get_claim(Library.open(records_only), cid)
    assert row["quote"] == short and row["kind"] == "comparative" and row["routes"] == []
    assert next(e for e in row["evidence"] if e["pmid"] == rec["pmid"])["review"]["stance"] == "neutral"
    assert row["start"] == (records_only / read_catalogue(records_only)["documents"][doc]["file"]).read_text().find(
        short
    )
    bad = run_cli(runner, records_only, "claims", "edit", cid, "routes=by_mouth")
    assert bad.exit_code == 1 and "not a route" in bad.output
    assert run_cli(runner, records_only, "claims", "remove", cid).exit_code != 0  # needs --note
    assert run_cli(runner, records_only, "claims", "remove", cid, "--note", "duplicate").exit_code == 0
    assert cid not in {r["id"] for r in _json(run_cli(runner, records_only, "claims", "list", "--json"))}
    res = run_cli(
        runner,
        records_only,
        "claims",
        "add",
        doc,
        "it targets NMDA receptors located in the spinal cord and brain",
        "kind=mechanism",
        "--note",
        "the second half of the sentence",
    )
    assert res.exit_code == 0, res.output
    rows = _json(run_cli(runner, records_only, "claims", "list", "--json"))
    added = next(r for r in rows if r["quote"].startswith("it targets NMDA"))
    assert added["kind"] == "mechanism" and added["edited"] and added["id"] not in (cid,)
    assert run_cli(runner, records_only, "claims", "add", doc, "words that are not on the page").exit_code == 1


@pytest.mark.e2e
def test_accepting_a_machine_claim_from_the_command_line(runner, records_only: Path, page_with_claims) -> None:
    _, _, claim = page_with_claims
    rows = _json(run_cli(runner, records_only, "claims", "list", "--json"))
    assert rows and not any(r["claim_reviewed"] for r in rows)  # nobody has judged any claim of a page just checked
    res = run_cli(runner, records_only, "claims", "accept", claim["id"], "--note", "a side effect", "--reviewer", "eve")
    assert res.exit_code == 0, res.output
    rows = {r["id"]: r for r in _json(run_cli(runner, records_only, "claims", "list", "--json"))}
    assert rows[claim["id"]]["claim_reviewed"] and not rows[claim["id"]]["edited"]
    assert sum(r["claim_reviewed"] for r in rows.values()) == 1
    (page,) = _json(run_cli(runner, records_only, "claims", "pages", "--json"))
    assert (page["claims"], page["claims_reviewed"], page["reviewed"]) == (len(rows), 1, 0)
    assert rows[claim["id"]]["verdict"] == claim["verdict"]  # the verdict is the machine's still
    shown = " ".join(run_cli(runner, records_only, "claims", "show", claim["id"]).output.split())
    assert "accept by eve" in shown and "a side effect" in shown
    assert run_cli(runner, records_only, "claims", "accept", "999-01").exit_code == 1


@pytest.mark.e2e
def test_check_lists_the_sentences_left_out_with_their_rule(runner, records_only: Path, tmp_path: Path) -> None:
    page = tmp_path / "practice.txt"
    page.write_text(
        "Ketamine Infusions for Chronic Pain\n\n"
        "Ketamine infusions relieve nerve pain in many patients. "
        "A small pump keeps the drip steady for two to three hours while the dose is adjusted. "
        "Medicare does not pay for ketamine infusions at present.\n",
        encoding="utf-8",
    )
    out = run_cli(runner, records_only, "check", str(page), "--left-out")
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "not a claim, delivery ('pump'): A small pump keeps the drip steady" in text
    assert "not a claim, coverage ('Medicare'): Medicare does not pay" in text
    assert ": Ketamine infusions relieve nerve pain" not in text  # the claim is not listed as left out
    assert "not a claim" not in " ".join(run_cli(runner, records_only, "check", str(page)).output.split())
    # the same, read by a program: each left-out sentence with its rule and words
    data = _json(run_cli(runner, records_only, "check", str(page), "--json", "--left-out"))
    omitted = {o["sentence"][:20]: (o["rule"], o["words"]) for o in data["left_out"]}
    assert omitted["A small pump keeps t"] == ("delivery", "pump")
    assert omitted["Medicare does not pa"] == ("coverage", "Medicare")
    assert not any(s.startswith("Ketamine infusions relieve") for s in omitted)
    assert "left_out" not in _json(run_cli(runner, records_only, "check", str(page), "--json"))
