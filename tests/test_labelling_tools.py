"""The tools that make a held-out set (bench/labelling/): a label the evaluation cannot score is caught when it is
written, and a labeller's brief lists the values the checks and the evaluation know, read from their homes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ketalit.tagging.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "bench" / "labelling"

PAGE = "Ketamine clinic\n\nKetamine infusions relieve nerve pain within an hour.\n\nCall us today.\n"
LABEL = """[page]
id = "p900"
url = "https://example.org/"
title = "t"
clinic = "c"
accessed = "2026-12-05"

[[claim]]
n = 1
quote = "Ketamine infusions relieve nerve pain within an hour."
kind = "onset"
proposition = "relief starts within an hour"
routes = {routes}
regimen = "infusion"
population = {population}
outcome = ["onset"]
direction = "{direction}"
polarity = "positive"
comparator = ""
quantity = {{ kind = "onset_minutes", min = 1, max = {qmax} }}

[[nonclaim]]
quote = "Call us today."
why = "a call to action"
"""


def _check(tmp_path: Path, **fields) -> subprocess.CompletedProcess:
    values = {"routes": '["intravenous"]', "population": '["neuropathic"]', "direction": "faster", "qmax": 60}
    values.update(fields)
    (tmp_path / "p900.txt").write_text(PAGE)
    (tmp_path / "p900.labels.toml").write_text(LABEL.format(**values))
    return subprocess.run(
        [sys.executable, str(TOOLS / "check_labels.py"), str(tmp_path)], capture_output=True, text=True, timeout=120
    )


def test_a_well_formed_label_passes(tmp_path):
    run = _check(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "problems: 0" in run.stdout


def test_values_the_evaluation_cannot_score_are_each_reported(tmp_path):
    # persistent_postsurgical_pain is an outcome in the vocabulary, not a population; "iv" is not a route id;
    # "quicker" is not a labelled direction; a quantity whose ends are the wrong way round cannot be compared.
    run = _check(
        tmp_path,
        routes='["iv"]',
        population='["persistent_postsurgical_pain"]',
        direction="quicker",
        qmax=0,
    )
    assert run.returncode == 1
    for field, value in (
        ("routes", "'iv'"),
        ("population", "'persistent_postsurgical_pain'"),
        ("direction", "'quicker'"),
        ("quantity", "ends 1..0"),
    ):
        assert f"p900.labels.toml 1 not a label value: {field}: {value}" in run.stdout
    assert "problems: 4" in run.stdout
    # the quote is not printed with a field problem (the label file is the place to read it)
    assert "nerve pain" not in run.stdout


def test_a_brief_lists_the_vocabulary_as_it_is_now(tmp_path):
    run = subprocess.run(
        [sys.executable, str(TOOLS / "brief.py"), "briefs/label_pages.md", "REPO=/repo", "heldoutNN=heldout99"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    brief = run.stdout
    assert not brief.startswith("<!--")
    routes_line = next(line for line in brief.splitlines() if line.startswith("- routes: list from "))
    assert routes_line.removeprefix("- routes: list from ").split(" (")[0].split(", ") == load_vocabulary().ids("route")
    assert "{routes}" not in brief and "{population}" not in brief
    assert "REPO/" not in brief and "/repo/tests/pages/README.md" in brief and "heldout99" in brief


def test_a_placeholder_the_brief_does_not_have_is_an_error():
    run = subprocess.run(
        [sys.executable, str(TOOLS / "brief.py"), "briefs/verdicts.md", "NOSUCH=1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and "NOSUCH does not occur" in run.stderr
