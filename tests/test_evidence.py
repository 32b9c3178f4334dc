"""The evidence engine on real records of the shipped library: one group of tests for each of the six ways the
first engine went wrong (retrieval, the wrong sentence, misread stance, quantities, verdict kinds, the catalogue),
and the findings stored with the records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ketalit.claims.findings import Reading, is_current, read_record, reading_of
from ketalit.claims.retrieve import CANDIDATES, candidates, query_text
from ketalit.claims.review import reviewed_catalogue
from ketalit.claims.stance import effect_of, stance_of
from ketalit.claims.store import link_all, stored_claims
from ketalit.claims.text import abbreviations, split_sentences, times
from ketalit.library import Library
from ketalit.records import new_record
from ketalit.search import SearchIndex

from conftest import ROOT, run_cli

LIBRARY = ROOT / "library"


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library.open(LIBRARY)  # read only


@pytest.fixture(scope="module")
def claims() -> dict:
    return {c.id: c for c in reviewed_catalogue(Library.open(LIBRARY))}  # as the reviewers left it


@pytest.fixture(scope="session")
def linked(linked_library: Path) -> dict:
    return {r["id"]: r for r in stored_claims(Library.open(linked_library))}


def stance(claims: dict, lib: Library, claim_id: str, key: str):
    rec = lib.find(key)
    assert rec is not None, key
    return stance_of(claims[claim_id], rec, read_record(rec)), rec


def cited(row: dict, citekey: str) -> dict | None:
    return next((e for e in row["evidence"] if e["citekey"] == citekey), None)


# -- 1. retrieval reaches the deciding records -----------------------------------------------------------------------


def test_retrieval_reads_subpopulations_unrouted_records_and_synonyms(shipped_copy: Path, claims: dict) -> None:
    lib = Library.open(shipped_copy)
    index = SearchIndex.for_library(lib)

    def keys(claim_id: str) -> set[str]:
        found = candidates(index, claims[claim_id], lib)
        assert len(found) >= 40  # at least 40 candidates are read per claim
        return {lib.record(c.doc_id)["citekey"] for c in found}

    # records tagged only crps or fibromyalgia belong to chronic non-cancer pain
    assert {"sigtermans2009ketamine", "noppers2011absence"} <= keys("003-06")
    # the phase III null trial in opioid-refractory cancer pain reaches the opioid-resistant pain claims
    assert "hardy2012randomized" in keys("000-40")
    # liver damage ~ hepatotoxicity, liver enzymes; non-addictive ~ abuse, use disorder
    assert "noppers2011drug" in keys("003-18")
    assert any("abuse" in (lib.find(k)["title"] or "").lower() for k in keys("004-20"))
    # a record with no route tag is still read for a route claim
    iv = keys("000-17")
    assert any(not (lib.find(k)["tags"].get("route")) for k in iv)


def test_the_query_is_the_normalised_claim_not_the_page_boilerplate(claims: dict) -> None:
    q = query_text(claims["000-39"]).lower()
    assert "advantages of ketamine" not in q
    assert "dependence" in q and "opioid" in q
    assert "hepatic" in query_text(claims["003-18"]).lower()


# -- 2. the right sentence decides -----------------------------------------------------------------------------------


def test_an_abstract_labelled_only_abstract_is_read_sentence_by_sentence(lib: Library) -> None:
    rec = lib.find("schwartzman2009outpatient")
    assert [s.get("label") for s in rec["abstract"]] == ["ABSTRACT"]
    reading = read_record(rec)
    roles = [s.role for s in reading.sentences]
    assert roles[0] == "title" and "results" in roles and "conclusions" in roles and "methods" in roles
    assert any(f.outcome == "pain_intensity" and f.direction == "lower" for f in reading.findings)


def test_rationales_are_result_or_conclusion_sentences(claims: dict, lib: Library) -> None:
    for claim_id, key in (("000-05", "19604642"), ("000-24", "22965960"), ("003-19", "11027905")):
        st, rec = stance(claims, lib, claim_id, key)
        reading = read_record(rec)
        assert st.rationale and all(reading.sentences[i].role in ("results", "conclusions") for i in st.rationale)
        assert all(reading.text(rec, i) != rec["title"] for i in st.rationale)


def test_at_least_is_not_the_liver_test_ast() -> None:
    rec = new_record(
        title="Ketamine infusion",
        abstract=[{"label": "RESULTS", "text": "At least one adverse event was reported in 20% of patients."}],
    )
    rec["tags"] = {"setting": [], "design": ["cohort"]}
    assert not [f for f in read_record(rec).findings if f.outcome == "hepatotoxicity"]


def test_a_finding_about_another_drug_is_not_about_ketamine(lib: Library) -> None:
    xie = lib.find("37426819")
    reading = read_record(xie)
    dex = [f for f in reading.findings if f.outcome == "nausea_vomiting" and f.arm == "dexmedetomidine"]
    assert dex and all(effect_of(f, reading) is None for f in dex)
    kampan = lib.find("kampan2024non")
    reading = read_record(kampan)
    nausea = [f for f in reading.findings if f.outcome == "nausea_vomiting"]
    # "the morphine group had considerably higher incidence of nausea ... zero patients in the ketamine group"
    effects = [effect_of(f, reading) for f in nausea]
    assert nausea and all(e is None or e.direction != "higher" for e in effects)


def test_a_sentence_about_another_population_does_not_decide(claims: dict, lib: Library) -> None:
    # Jonkman 2017: "most effective for relief of postoperative pain" is not evidence for opioid-refractory cancer pain
    st, rec = stance(claims, lib, "000-24", "28979762")
    reading = read_record(rec)
    assert not any("postoperative pain" in reading.text(rec, i) for i in st.rationale if st.stance == "supports")


# -- 3. stance is read the right way round ---------------------------------------------------------------------------


def test_negation_has_scope_and_direction(claims: dict, lib: Library) -> None:
    # "No patient in either group reported sedation, hallucinations, nightmares ..."
    st, _ = stance(claims, lib, "003-19", "15673878")
    assert st.stance == "contradicts" and "did not occur" in st.why
    # "Ketamine failed to exhibit a postoperative opioid-sparing effect."
    reading = read_record(lib.find("dahmani2011ketamine"))
    failed = [f for f in reading.findings if "failed" in f.cue]
    assert failed and all(f.direction == "same" for f in failed)


def test_less_nausea_when_ketamine_spares_opioids_does_not_refute_that_it_can_cause_nausea(
    claims: dict, lib: Library
) -> None:
    # "the incidence of postoperative nausea and vomiting was decreased by 44% with ketamine"
    st, _ = stance(claims, lib, "004-29", "10.1097/j.pain.0000000000000705")
    assert st.stance != "contradicts"


def test_common_phrasings_are_read(claims: dict, lib: Library) -> None:
    reading = read_record(lib.find("10.1097/j.pain.0000000000000705"))
    assert any(f.direction == "lower" and f.cue.startswith("decreased") for f in reading.findings)  # "decreased by 32%"
    st, _ = stance(claims, lib, "004-08", "10.3390/ph17091165")  # "LDK does not exhibit significant differences"
    assert st.stance == "contradicts"
    st, _ = stance(claims, lib, "003-19", "37445346")  # "the model favors the control group ... hallucinations"
    assert st.stance == "supports"
    assert [round(t.days * 1440) for t in times("Fifteen minutes after drug injection")] == [15]
    assert [(t.days, t.kind) for t in times("Pain scores over the 12-week study period")] == [(84, "window")]


def test_a_p_value_belongs_to_the_change_it_follows_and_a_later_null_is_its_own_finding(lib: Library) -> None:
    # Shen 2023: "... score was lower in the S group than in the L group at 24 hours after surgery (P=0.016), and
    # there was no significant difference in resting pain and mobilisation pain at 4h, 8h, and 48 h ..."
    reading = read_record(lib.find("shen2023effect"))
    pain = [
        f
        for f in reading.findings
        if f.outcome == "pain_intensity" and "(P=0.016)" in reading.text(lib.find("shen2023effect"), f.s)
    ]
    lower = next(f for f in pain if f.direction == "lower")
    same = next(f for f in pain if f.direction == "same")
    assert lower.significant is True and [t[3] for t in lower.times] == ["24 hours"]
    assert same.significant is False and "48 h" in [t[3] for t in same.times]


def test_less_than_a_number_is_a_bound_not_a_change(claims: dict, lib: Library) -> None:
    # Rabben 2001: "13 patients experienced an analgesic effect which lasted for less than 1 h (transient effect)
    # in seven and for several hours (long-term effect) in six"
    reading = read_record(lib.find("rabben2001interindividual"))
    assert not any(f.cue == "less" for f in reading.findings)
    st, _ = stance(claims, lib, "000-27", "rabben2001interindividual")
    assert st.stance == "supports" and "3 h" in st.why


def test_a_drug_given_with_ketamine_is_not_what_ketamine_is_added_to(lib: Library) -> None:
    # Riediger 2015: "S-ketamine intranasal spray combined with intra-nasal midazolam" against morphine PCA
    reading = read_record(lib.find("riediger2015analgesic"))
    assert reading.study.add_on == ["midazolam"]
    similar = next(f for f in reading.findings if f.outcome == "pain_intensity" and f.direction == "same")
    effect = effect_of(similar, reading)
    assert effect is not None and effect.vs == "active:morphine"  # as good as morphine, not "no better than placebo"


def test_onset_needs_the_route_or_an_injection(claims: dict, lib: Library) -> None:
    # Mahshidfar 2017 names no route but says "Fifteen minutes after drug injection ... a significant reduction"
    st, _ = stance(claims, lib, "002-04", "29696126")  # intravenous: an injection can be
    assert st.stance == "supports"
    st, _ = stance(claims, lib, "000-20", "29696126")  # oral or sublingual: an injection is not
    assert st.stance == "neutral"


def test_abbreviations_are_expanded_before_reading() -> None:
    text = "Postoperative nausea and vomiting (PONV) was recorded. PONV was lower with ketamine."
    assert abbreviations(text) == {"PONV": "Postoperative nausea and vomiting"}
    two = "Pain fell (P < .01). Nausea vs. placebo was rare."
    assert [two[a:b] for a, b in split_sentences(two)] == [
        "Pain fell (P < .01).",
        "Nausea vs. placebo was rare.",
    ]


# -- 4. quantities are read at both ends ---------------------------------------------------------------------------


def test_a_null_finding_over_35_days_bounds_relief_from_above(claims: dict, lib: Library, linked: dict) -> None:
    # Pickering 2020: "Daily pain intensity was not significantly different ... over 35 days"
    for claim_id in ("002-09", "004-13"):
        st, _ = stance(claims, lib, claim_id, "pickering2020ketamine")
        assert st.stance == "contradicts", claim_id
        assert "lasted 5 weeks" not in st.why and "still present" not in st.why
    for row in linked.values():
        e = cited(row, "pickering2020ketamine")
        assert e is None or "relief still present at 5 weeks" not in e["why"], row["id"]


def test_the_claimed_maximum_is_checked_too(claims: dict, lib: Library, linked: dict) -> None:
    # "several months or even years": relief over 12 weeks, lost at week 12
    st, _ = stance(claims, lib, "001-09", "19604642")
    assert st.stance == "contradicts" and "12" in st.why
    assert linked["001-09"]["verdict"] != "supported"


def test_onset_is_a_measured_time_to_relief_not_an_observation_window(claims: dict, lib: Library) -> None:
    # Andolfatto 2013: "Median time required to achieve a 13mm VAS reduction was 9.5minutes"
    st, _ = stance(claims, lib, "000-21", "24127709")
    assert st.measured is not None and round(st.measured * 1440, 1) == 9.5
    rec = new_record(
        title="Intravenous ketamine versus placebo",
        abstract=[
            {"label": "RESULTS", "text": "Pain was recorded every 10 minutes over a 120-minute observation period."}
        ],
    )
    rec["tags"] = {"setting": [], "design": ["rct"]}
    assert stance_of(claims["000-17"], rec, read_record(rec)).stance == "neutral"


# -- 5. verdicts follow the kind of claim ------------------------------------------------------------------------------


def test_verdicts_per_claim_kind(linked: dict) -> None:
    # that a harm can happen is shown by case series and cohorts
    assert linked["003-18"]["verdict"] == "supported"
    # "strong safety profile" with serious harms on record is at best mixed
    assert linked["004-16"]["verdict"] in ("mixed", "contradicted")
    # a comparison with opioids needs head-to-head evidence
    assert linked["000-39"]["verdict"] == "insufficient"
    # "non-addictive" against documented abuse and dependence
    assert linked["004-20"]["verdict"] == "contradicted"
    for row in linked.values():
        if row["verdict"] in ("supported", "contradicted"):
            assert "Deciding:" in row["explanation"], row["id"]
            assert any(e["rationale"] and set(e["where"]) <= {"results", "conclusions", "background", "objective"}
                       for e in row["evidence"] if e["stance"] != "neutral"), row["id"]  # fmt: skip


def test_relief_is_not_evidence_of_the_mechanism_said_to_explain_it(claims: dict, lib: Library, linked: dict) -> None:
    # "Fast brain penetration due to lipid solubility": intranasal ketamine relieving pain within 10 min is what
    # that would explain, not a sign of it
    st, _ = stance(claims, lib, "000-22", "carr2004safety")
    assert "shows the effect, not the mechanism" in st.indirect
    assert linked["000-22"]["verdict"] in ("insufficient", "no_evidence")
    # but where the claim names the effects themselves (sedation, memory loss, pain relief), they count
    st, _ = stance(claims, lib, "003-04", "dahmani2011ketamine")
    assert st.stance == "supports" and not st.indirect


# -- 6. the catalogue keeps every claim, per page ----------------------------------------------------------------------


def test_the_catalogue_keeps_the_claims_the_first_one_dropped(claims: dict) -> None:
    texts = {(c.document, c.quote) for c in claims.values()}
    assert ("003", "Increased blood pressure") in texts
    for condition in ("Neuropathic pain", "Fibromyalgia", "Migraines", "Post-surgical nerve pain"):
        assert ("004", condition) in texts
    mask = claims["000-30"]
    assert mask.checkable and "modify the underlying pain response" in mask.quote
    # the same words on two pages are two claims
    assert ("003", "Dizziness or lightheadedness") in texts and ("004", "Dizziness") in texts


# -- findings are stored with the record ---------------------------------------------------------------------------


def test_findings_round_trip_and_are_read_again_when_the_record_changes(lib: Library) -> None:
    for rec in lib.records():
        reading = read_record(rec)
        back = Reading.from_dict(json.loads(json.dumps(reading.as_dict())))
        assert back.findings == reading.findings and back.sentences == reading.sentences, rec["citekey"]
    rec = lib.find("19604642")
    stored = read_record(rec).as_dict()
    assert is_current(stored, rec)
    changed = dict(rec, title=rec["title"] + " (corrected)")
    assert not is_current(stored, changed)
    assert reading_of(changed).text(changed, 0).endswith("(corrected)")


def test_linking_stores_the_findings_it_read(tmp_path: Path, linked_library: Path) -> None:
    copy = tmp_path / "lib"  # linked once already: five records lose their findings, linking again reads them
    shutil.copytree(linked_library, copy, ignore=shutil.ignore_patterns("*.lock"))
    lib = Library.open(copy)
    with lib.transaction():
        for doc_id, _rec in list(lib.iter_records())[:5]:
            lib.put(doc_id, {k: v for k, v in lib.record(doc_id).items() if k != "findings"})
    link_all(Library.open(copy))
    lib = Library.open(copy)
    cited_ids = {e["citekey"] for r in stored_claims(lib) for e in r["evidence"]}
    for _, rec in lib.iter_records():
        if rec.get("citekey") in cited_ids:
            full = lib.find(rec["citekey"])
            assert is_current(full.get("findings"), full), rec["citekey"]


@pytest.mark.e2e
def test_show_findings_and_claims_json(runner, shipped_copy: Path) -> None:
    res = run_cli(runner, shipped_copy, "show", "19604642", "--findings")
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "results: Pain scores over the 12-week study period" in flat and "lower ('significantly lower')" in flat
    data = json.loads(run_cli(runner, shipped_copy, "show", "19604642", "--findings", "--json").output)
    sentence = next(s for s in data["findings"]["sentences"] if s["text"].startswith("Pain scores over"))
    assert sentence["role"] == "results" and sentence["findings"][0]["vs"] == "placebo"
    rows = json.loads(run_cli(runner, shipped_copy, "claims", "list", "--json").output)
    row = next(r for r in rows if r["id"] == "000-21")
    assert row["proposition"]["quantity"] == {"name": "onset_minutes", "min": 20.0, "max": 40.0}
    assert all("finding" in e and "where" in e for e in row["evidence"])
    assert len(rows) >= CANDIDATES  # every claim of the catalogue is listed
