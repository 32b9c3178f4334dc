"""The tagger: what it tags, for which drug, from which words, and that its reasons point at those words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ketalit.records import author, new_record
from ketalit.tagging.tagger import default_tagger, default_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def rec(title: str, abstract: str = "", **kw) -> dict:
    sections = [{"label": "", "category": "", "text": abstract}] if abstract else []
    return new_record(title=title, abstract=sections, authors=[author("Doe", "Jane")], **kw)


def tagged(r: dict) -> dict:
    """The record with its tags from the shipped vocabulary (manual tags on top)."""
    return default_tagger().apply(r)


def tags(r: dict, axis: str) -> list[str]:
    return tagged(r)["tags"][axis]


def test_comparator_route_is_not_ketamines() -> None:
    r = rec("Intranasal ketamine vs intravenous morphine for renal colic: a randomized trial")
    assert tags(r, "route") == ["intranasal"]
    out = tagged(r)
    assert [(c["route"], c["drug"].lower()) for c in out["comparator_routes"]] == [("intravenous", "morphine")]


@pytest.mark.parametrize("extra", ["", " (n = 40; 2 µg/kg)", " in Zürich"])
def test_whose_route_a_route_word_is_does_not_depend_on_the_characters_of_its_sentence(extra: str) -> None:
    # Sentences of plain ASCII are read lower-cased for speed, others as written: the drug named in a route's
    # sentence and its owner are the same either way, and the drug is given as the record writes it.
    abstract = (
        f"Patients{extra} received intravenous MORPHINE and Intranasal Ketamine. "
        f"Then intravenous ketamine{extra} was given. Intramuscular Lidocaine{extra} was injected."
    )
    out = tagged(rec("A study", abstract))
    assert out["tags"]["route"] == ["intravenous", "intranasal"]
    ketamine_iv = next(r for r in out["tag_reasons"] if r["tag"] == "intravenous")
    assert ketamine_iv["drug"] == "ketamine" and abstract[ketamine_iv["start"] :].startswith("intravenous ketamine")
    assert [(c["route"], c["drug"]) for c in out["comparator_routes"]] == [
        ("intravenous", "MORPHINE"),
        ("intramuscular", "Lidocaine"),
    ]


@pytest.mark.parametrize(
    "text,route",
    [
        ("Patients received 0.3 mg/kg IV ketamine.", "intravenous"),
        ("Ketamine 0.3 mg/kg was given i.v. over 10 minutes.", "intravenous"),
        ("Ketamine 0.3 mg/kg intravenously.", "intravenous"),
        ("IN ketamine 1 mg/kg was given.", "intranasal"),
        ("Ketamine 4 mg/kg IM.", "intramuscular"),
        ("Nebulised ketamine was inhaled.", "inhaled"),
        ("Nebulized ketamine 0.75 mg/kg.", "inhaled"),
        ("A ketamine gargle before intubation.", "topical"),
        ("Ketamine 2.5 mg/kg PO.", "oral"),
        ("Ketamine lozenges were given SL.", "sublingual"),
        ("Caudal ketamine with bupivacaine in children.", "neuraxial"),
        ("Ketamine added to bupivacaine for wound infiltration.", "local_infiltration"),
        ("Ketamine 5 ug/kg/min during surgery.", "intravenous"),
    ],
)
def test_route_words_abbreviations_and_spellings(text: str, route: str) -> None:
    assert route in tags(rec("A study", text), "route")


def test_reason_points_at_the_matched_words() -> None:
    r = tagged(rec("Nebulized ketamine for pain", "Patients were randomly assigned to ketamine or placebo."))
    for reason in r["tag_reasons"]:
        if reason.get("start") is None:
            continue
        field = reason["field"]
        text = r["title"] if field == "title" else r["abstract"][int(field[9:-1])]["text"]
        assert text[reason["start"] : reason["end"]] == reason["match"]
    inhaled = next(x for x in r["tag_reasons"] if x["tag"] == "inhaled")
    assert inhaled["field"] == "title" and inhaled["match"] == "Nebulized"


def test_publication_type_and_mesh_are_used_when_present() -> None:
    r = rec(
        "Ketamine and pain",
        "We studied ketamine.",
        publication_types=["Journal Article", "Meta-Analysis"],
        mesh=[{"descriptor": "Administration, Intranasal", "ui": "D000281", "major": False, "qualifiers": []}],
    )
    out = tagged(r)
    assert out["tags"]["design"] == ["meta_analysis"] and "intranasal" in out["tags"]["route"]
    design = next(x for x in out["tag_reasons"] if x["axis"] == "design")
    assert design["field"] == "publication_type" and design["match"] == "Meta-Analysis"


def test_a_tag_two_mesh_headings_give_takes_its_reason_from_the_first_in_every_process() -> None:
    """Stored reasons must not change between runs (storage is deterministic): the heading a tag's reason quotes is
    the record's first that gives the tag, whatever the interpreter's hash seed."""
    script = (
        "import json\n"
        "from ketalit.records import author, new_record\n"
        "from ketalit.tagging.tagger import default_tagger\n"
        "heads = ['Infusions, Intravenous', 'Administration, Intravenous', 'Injections, Intravenous']\n"
        "r = new_record(title='Ketamine and pain', authors=[author('Doe', 'Jane')],\n"
        "               mesh=[{'descriptor': h, 'ui': '', 'major': False, 'qualifiers': []} for h in heads])\n"
        "out = default_tagger().apply(r)\n"
        "print(json.dumps([x for x in out['tag_reasons'] if x['axis'] == 'route']))\n"
    )
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        seen.add(done.stdout)
    assert len(seen) == 1
    (reason,) = json.loads(seen.pop())
    assert reason["tag"] == "intravenous" and reason["field"] == "mesh" and reason["match"] == "Infusions, Intravenous"


def test_design_precedence_and_negation() -> None:
    assert tags(rec("Ketamine for pain: a systematic review and meta-analysis"), "design") == ["meta_analysis"]
    sr = rec("Systematic review of ketamine", "Heterogeneity among studies precluded meta-analysis.")
    assert tags(sr, "design") == ["systematic_review"]
    review = rec("Ketamine therapies", "There are few randomized trials. This article presents an overview.")
    assert tags(review, "design") == ["narrative_review"]
    pilot = rec("Intranasal ketamine: a pilot study", "Patients were randomized to ketamine or morphine.")
    assert tags(pilot, "design") == ["rct"]


def test_background_sections_do_not_give_outcomes() -> None:
    r = new_record(
        title="Ketamine study",
        abstract=[
            {"label": "BACKGROUND", "category": "", "text": "Ketamine can cause hallucinations and nausea."},
            {"label": "RESULTS", "category": "", "text": "Pain scores fell."},
        ],
    )
    out = tags(r, "outcome")
    assert "pain_intensity" in out and "psychotomimetic" not in out and "nausea_vomiting" not in out


def test_procedural_sedation_is_a_use_not_a_sedation_outcome() -> None:
    assert "sedation" not in tags(rec("Ketamine for procedural sedation in children"), "outcome")
    assert "sedation" in tags(rec("Ketamine", "Ramsay sedation scores were higher."), "outcome")


def test_vocabulary_has_the_required_ids() -> None:
    v = default_vocabulary()
    assert set(v.ids("route")) >= {
        "intravenous",
        "intramuscular",
        "intranasal",
        "oral",
        "sublingual",
        "subcutaneous",
        "inhaled",
        "neuraxial",
        "topical",
        "local_infiltration",
        "rectal",
    }
    assert set(v.ids("design")) >= {
        "meta_analysis",
        "systematic_review",
        "rct",
        "non_randomized_trial",
        "cohort",
        "case_control",
        "cross_sectional",
        "case_series",
        "case_report",
        "narrative_review",
        "guideline",
        "preclinical",
        "other",
    }
    assert len(v.ids("outcome")) >= 20 and len(v.ids("setting")) >= 14


@pytest.mark.e2e
def test_accuracy_on_hand_labels_meets_targets() -> None:
    """The bench's figures on the hand-labelled set (tests/labels): a regression guard for vocabulary edits."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "tagging_eval.py"), "--json"], capture_output=True, text=True, check=True
    )
    f1 = {axis: v["f1"] for axis, v in json.loads(proc.stdout).items()}
    assert f1["route"] >= 0.90 and f1["outcome"] >= 0.85 and f1["design"] >= 0.90, f1


def test_tagger_is_deterministic_and_pure() -> None:
    r = rec("Intravenous ketamine infusion for CRPS", "A randomised, placebo-controlled trial in 60 patients.")
    before = json.dumps(r, sort_keys=True)
    a, b = tagged(r), tagged(r)
    assert a == b and json.dumps(r, sort_keys=True) == before


@pytest.mark.parametrize(
    ("abstract", "route"),
    [
        ("We studied a topical ketamine cream, as opposed to parenteral and oral forms, in CRPS.", ["topical"]),
        ("Ketamine was given as a topical gel rather than by intravenous infusion.", ["topical"]),
        ("Oral ketamine was given instead of the intravenous route.", ["oral"]),
    ],
)
def test_a_route_set_aside_as_another_form_is_not_the_records(abstract: str, route: str) -> None:
    assert tags(rec("Ketamine for neuropathic pain", abstract), "route") == route
