"""The Python API: its errors are typed and name its own parameters (the command line names its flags), and the
tagging vocabulary is checked as it is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

import ketalit
from ketalit import api
from ketalit.cli.app import app, flags, with_flags
from ketalit.errors import BadInput, KetalitError, NotFound
from ketalit.tagging.vocabulary import load_vocabulary

from conftest import NCBI, ROOT, cli_error, run_cli

PAGE = ROOT / "tests" / "pages" / "tuning" / "p07.txt"


@pytest.fixture
def library(tmp_path: Path) -> ketalit.Library:
    lib, created = api.init(tmp_path / "lib")
    assert created and not api.init(tmp_path / "lib")[1]  # the second init finds it
    api.import_files(lib, [NCBI / "pubmed1.xml"])
    return lib


BAD_CALLS = {
    "sort": lambda lib: api.search(lib, "ketamine", sort="newest"),
    "fmt": lambda lib: api.export(lib, "endnote"),
    "encoding": lambda lib: api.export(lib, "bibtex", encoding="latin-1"),
    "max_records": lambda lib: api.fetch(lib, "ketamine", max_records=0),
    "mindate": lambda lib: api.fetch(lib, "ketamine", mindate="2015/13"),
    "timeout": lambda lib: api.parse_duration("soon", "timeout"),
    "stage": lambda lib: api.screen_next(lib, stage="abstract_only"),
    "reason": lambda lib: api.screen(lib, "9997", "exclude"),
    "accessed": lambda lib: api.check(lib, PAGE, accessed="yesterday"),
    "note": lambda lib: api.remove_claim(lib, "000-01", note=" "),
}


@pytest.mark.parametrize("option", sorted(BAD_CALLS))
def test_api_errors_name_the_parameter_never_a_flag(library: ketalit.Library, option: str) -> None:
    with pytest.raises(BadInput) as info:
        BAD_CALLS[option](library)
    assert option in info.value.options and option in str(info.value)
    assert "--" not in str(info.value)


def test_the_command_line_puts_its_flags_in_place_of_the_parameters() -> None:
    known = flags(get_command(app))
    assert (known["max_records"], known["fmt"], known["reason"], known["deadline"]) == (
        "--max",
        "--format",
        "--reason",
        "--deadline",
    )
    exc = BadInput("mindate 2020 is after maxdate 2015 (a maxdate_x stays)", options=("mindate", "maxdate"))
    assert with_flags(exc, known) == "--mindate 2020 is after --maxdate 2015 (a maxdate_x stays)"
    assert with_flags(KetalitError("max_records is fine"), known) == "max_records is fine"  # no options: as it is


@pytest.mark.e2e
def test_a_flag_in_a_cli_error_comes_from_the_api_parameter(runner, library: ketalit.Library) -> None:
    line = cli_error(run_cli(runner, library.root, "search", "ketamine", "--sort", "newest"), "--sort")
    assert line.endswith("--sort must be relevance or year, not 'newest'")


def test_records_not_found_and_the_package_exports(library: ketalit.Library) -> None:
    with pytest.raises(NotFound, match="no record '1' in .*lib/"):
        api.show(library, "1")
    with pytest.raises(NotFound, match="'2'"):
        api.records(library, ["9997", "2"])
    assert ketalit.api is api and ketalit.Library is type(library) and ketalit.errors.NotFound is NotFound
    assert all(callable(getattr(api, n)) for n in api.__all__ if n.islower())
    with pytest.raises(AttributeError):
        ketalit.no_such_thing  # noqa: B018


DESIGNS = "[axes.design]\nORDER\n[axes.design.tiers]\nrct = 'trial'\nobservational = 'cohort'\n"
COHORT = "[design.cohort]\nlabel = 'Cohort'\nshort = 'cohort'\ntier = 'observational'\nweight = 2.0\n"
VOCABULARY_PROBLEMS = {
    "unknown key": ("[route.oral]\nlabel = 'Oral'\npaterns = ['oral']\n", "route.oral: unknown keys paterns"),
    "no label": ("[route.oral]\npatterns = ['oral']\n", "route.oral: needs a label"),
    "bad pattern": ("[outcome.pain]\nlabel = 'Pain'\npatterns = ['(pain']\n", "outcome.pain: pattern '(pain'"),
    "unknown axis": ("[rout.oral]\nlabel = 'Oral'\n", "rout: not an axis"),
    "order": (f"{DESIGNS}{COHORT}evidence_rank = 1\n".replace("ORDER", "order = ['rct']"), "names unknown tags rct"),
    "design rank": (f"{DESIGNS}{COHORT}", "design.cohort: a design needs an evidence_rank, a tier"),
    "ranks": (f"{DESIGNS}{COHORT}evidence_rank = 2\n", "evidence ranks must be 1 to 1, each once"),
    "not TOML": ("[route.oral\n", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(VOCABULARY_PROBLEMS))
def test_a_vocabulary_is_checked_as_it_is_loaded(tmp_path: Path, case: str) -> None:
    text, words = VOCABULARY_PROBLEMS[case]
    path = tmp_path / "vocabulary.toml"
    path.write_text(text.replace("ORDER", ""))
    with pytest.raises(BadInput, match=f"^{path}: ") as info:
        load_vocabulary(path)
    assert words in str(info.value)


def test_a_records_findings_through_the_api(library: ketalit.Library) -> None:
    rec = api.show(library, "9997")
    reading = api.findings(library, "9997")
    spans = [(s.role, (rec["title"] if s.section < 0 else rec["abstract"][s.section]["text"])[s.start : s.end])
             for s in reading.sentences]  # fmt: skip
    assert spans[0] == ("title", rec["title"][: len(spans[0][1])]) and len(spans) > 2
    assert " ".join(text for _, text in spans[1:]) in " ".join(rec["abstract"][0]["text"].split())
    with pytest.raises(NotFound, match="'1'"):
        api.findings(library, "1")
