"""The CLI over the library API: init, import, show, stats, export jsonl, tag, note, screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketalit.cli import app
from ketalit.formats.detect import read_file

from conftest import FIXTURES, NCBI, SNAPSHOT, cli_error, run_cli

pytestmark = pytest.mark.e2e  # every test here runs the command line


def test_init_import_show_stats_export(runner, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert run_cli(runner, lib, "init").exit_code == 0
    res = run_cli(runner, lib, "import", str(NCBI / "pubmed2.xml"), str(FIXTURES / "quirks.pubmed.xml"), "--json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    expected = read_file(NCBI / "pubmed2.xml").records + read_file(FIXTURES / "quirks.pubmed.xml").records
    assert report["added"] == len(expected)

    shown = json.loads(run_cli(runner, lib, "show", "90000001", "--json").output)
    assert shown["title"].startswith("Intranasal S-ketamine") and "intranasal" in shown["tags"]["route"]
    assert shown["tags"]["design"] == ["rct"]  # from PublicationType
    by_doi = json.loads(run_cli(runner, lib, "show", "https://doi.org/10.9999/JTA.1998.0001", "--json").output)
    assert by_doi["pmid"] == "90000001"
    text = run_cli(runner, lib, "show", "90000002").output
    assert "RETRACTED" in text

    stats = json.loads(run_cli(runner, lib, "stats", "--json").output)
    assert stats["records"] == len(expected)
    assert stats["with_pmid"] == sum(1 for r in expected if r["pmid"])
    assert stats["with_doi"] == sum(1 for r in expected if r["doi"])
    assert stats["retracted"] == 1

    out = tmp_path / "dump.jsonl"
    assert run_cli(runner, lib, "export", "jsonl", "-o", str(out)).exit_code == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert {x["pmid"] for x in lines} == {r["pmid"] for r in expected}
    for x in lines:
        assert set(x["tags"]) == {"route", "outcome", "design", "setting"}
        assert {"title", "authors", "abstract", "mesh", "provenance", "tag_reasons", "citekey"} <= set(x)


def test_show_unknown_record_is_a_clear_error(runner, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run_cli(runner, lib, "init")
    res = run_cli(runner, lib, "show", "123456789")
    assert res.exit_code == 1 and "no record '123456789'" in res.output


def test_manual_tags_survive_retag_and_reimport(runner, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run_cli(runner, lib, "init")
    run_cli(runner, lib, "import", str(FIXTURES / "quirks.pubmed.xml"))
    res = run_cli(runner, lib, "tag", "90000001", "--add", "route:oral", "--remove", "route:intranasal", "--json")
    assert res.exit_code == 0, res.output
    tags = json.loads(res.output)["tags"]
    assert "oral" in tags["route"] and "intranasal" not in tags["route"]
    run_cli(runner, lib, "tag", "--all")
    run_cli(runner, lib, "import", str(FIXTURES / "quirks.pubmed.xml"))
    shown = json.loads(run_cli(runner, lib, "show", "90000001", "--json").output)
    assert "oral" in shown["tags"]["route"] and "intranasal" not in shown["tags"]["route"]
    assert any(r["source"] == "manual" and r["tag"] == "oral" for r in shown["tag_reasons"])


def test_unknown_tag_is_refused(runner, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run_cli(runner, lib, "init")
    run_cli(runner, lib, "import", str(FIXTURES / "quirks.pubmed.xml"))
    res = run_cli(runner, lib, "tag", "90000001", "--add", "route:telepathic")
    assert res.exit_code == 1 and "unknown route tag" in res.output


def test_exclusion_needs_a_reason(runner, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run_cli(runner, lib, "init")
    run_cli(runner, lib, "import", str(FIXTURES / "quirks.pubmed.xml"))
    assert run_cli(runner, lib, "screen", "90000001", "exclude").exit_code == 1
    assert run_cli(runner, lib, "screen", "90000001", "exclude", "--reason", "animal study").exit_code == 0


def test_shipped_library_stats_match_the_snapshot(runner, shipped_copy: Path) -> None:
    items = json.loads((SNAPSHOT / "ketamine_pain.csl.json").read_text())
    proc = run_cli(runner, shipped_copy, "stats", "--json")  # in process: the figures, not the process, are tested
    assert proc.exit_code == 0, proc.output
    stats = json.loads(proc.stdout)
    assert stats["records"] == len(items)
    assert stats["with_pmid"] == sum(1 for i in items if i.get("PMID"))
    assert stats["with_doi"] == sum(1 for i in items if i.get("DOI"))
    years = [i["issued"]["date-parts"][0][0] for i in items]
    assert (stats["year_min"], stats["year_max"]) == (min(years), max(years))
    assert stats["abstract_incomplete"] == sum("abstract incomplete" in i["note"] for i in items)


def test_rebuild_reproduces_the_shipped_records(runner, shipped_copy: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "library"
    shutil.copytree(shipped_copy, copy)
    # without the claims catalogue the rebuild does not link the claims again: linking adds nothing to what `export
    # jsonl` shows of a record (test_rebuild.py rebuilds with the claims)
    (copy / "claims.toml").unlink()
    proc = run_cli(runner, copy, "rebuild")
    assert proc.exit_code == 0, proc.output

    def dump(lib: Path) -> list[dict]:
        out = run_cli(runner, lib, "export", "jsonl").stdout.splitlines()
        recs = [json.loads(x) for x in out]
        for r in recs:
            for p in r["provenance"]:
                p.pop("at")
        return sorted(recs, key=lambda r: r["citekey"])

    assert dump(copy) == dump(shipped_copy)


def _library_with_records(runner, tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    run_cli(runner, lib, "init")
    assert run_cli(runner, lib, "import", str(FIXTURES / "quirks.pubmed.xml")).exit_code == 0
    return lib


def test_tag_all_refuses_a_record_or_manual_tags(runner, tmp_path: Path) -> None:
    """`tag ID --all --add route:bogus` exited 0 and ignored both the record and the (unknown) tag."""
    lib = _library_with_records(runner, tmp_path)
    before = (lib / "ketalit.json").read_bytes()
    cli_error(run_cli(runner, lib, "tag", "90000001", "--all", "--add", "route:bogus"), "--all", "--add")
    cli_error(run_cli(runner, lib, "tag", "--all", "--add", "route:oral"), "--all")
    cli_error(run_cli(runner, lib, "tag", "--all", "--remove", "route:oral"), "--all")
    cli_error(run_cli(runner, lib, "tag", "90000001", "--add", "route:bogus"), "unknown route tag")
    assert (lib / "ketalit.json").read_bytes() == before


def test_export_refuses_meaningless_selections(runner, tmp_path: Path) -> None:
    lib = _library_with_records(runner, tmp_path)
    cli_error(run_cli(runner, lib, "export", "bibtex", "-"), "'-' is not a query")
    cli_error(run_cli(runner, lib, "export", "ris", "-"), "'-' is not a query")
    res = run_cli(runner, lib, "search", "-")
    assert res.exit_code == 1 and "'-' has no letters or digits" in res.stderr
    cli_error(run_cli(runner, lib, "export", "bibtex", "oral", "--claim", "000-01"), "not both")
    res = run_cli(runner, lib, "export", "bibtex", "")
    assert res.exit_code == 1 and "empty query" in res.stderr and res.stdout == ""
    everything = run_cli(runner, lib, "export", "bibtex")
    assert everything.exit_code == 0 and everything.stdout.count("@") == 3


def test_export_output_paths(runner, tmp_path: Path) -> None:
    lib = _library_with_records(runner, tmp_path)
    missing = tmp_path / "no" / "such" / "folder"
    cli_error(run_cli(runner, lib, "export", "bibtex", "-o", str(missing / "refs.bib")), f"{missing}/ does not exist")
    assert not (tmp_path / "no").exists()  # a typo in the path is not a new folder
    cli_error(run_cli(runner, lib, "export", "bibtex", "-o", str(tmp_path)), "it is a folder")
    (tmp_path / "file").write_text("x")
    cli_error(run_cli(runner, lib, "export", "ris", "-o", str(tmp_path / "file" / "refs.ris")), "is not a folder")
    assert run_cli(runner, lib, "export", "bibtex", "-o", str(tmp_path / "refs.bib")).exit_code == 0
    assert (tmp_path / "refs.bib").read_text().count("@") == 3


def test_report_output_folder(runner, tmp_path: Path) -> None:
    lib = _library_with_records(runner, tmp_path)
    missing = tmp_path / "typo" / "report"
    cli_error(run_cli(runner, lib, "report", "-o", str(missing)), f"{missing.parent}/ does not exist")
    assert not missing.parent.exists()
    (tmp_path / "a-file").write_text("x")
    cli_error(run_cli(runner, lib, "report", "-o", str(tmp_path / "a-file")), "it is a file")


USAGE_ERRORS = {
    "batch-size-zero": (["fetch", "ketamine", "--batch-size", "0"], ["--batch-size", "fetch --help`"]),
    "batch-size-too-big": (["fetch", "ketamine", "--batch-size", "10001"], ["--batch-size", "10000"]),
    "batch-size-words": (["fetch", "ketamine", "--batch-size", "many"], ["--batch-size", "integer"]),
    "search-limit-negative": (["search", "ketamine", "--limit", "-1"], ["--limit", "search --help`"]),
    "screen-next-zero": (["screen", "next", "-n", "0"], ["--limit", "screen next --help`"]),
    "unknown-option": (["stats", "--bogus"], ["--bogus", "stats --help`"]),
    "unknown-top-level-option": (["--bogus", "stats"], ["--bogus", "--help`"]),
    "missing-argument": (["claims", "stance"], ["claim_id", "claims stance --help`"]),
}


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_a_command_line_that_cannot_be_read_is_one_line(case: str, runner, tmp_path: Path) -> None:
    """Out-of-range numbers, unknown options and missing arguments are the project's one-line error, not a boxed
    usage message; nothing is asked of NCBI and the library is not touched."""
    lib = tmp_path / "lib"
    assert run_cli(runner, lib, "init").exit_code == 0
    before = (lib / "ketalit.json").read_bytes()
    args, words = USAGE_ERRORS[case]
    res = run_cli(runner, lib, *args)
    line = cli_error(res, *words)
    assert line.startswith("error: ") and "╭" not in res.stderr and "Usage:" not in res.stderr
    assert (lib / "ketalit.json").read_bytes() == before


def test_a_bare_group_still_shows_its_help(runner, tmp_path: Path) -> None:
    res = run_cli(runner, tmp_path, "export")
    assert "Usage:" in res.output and "bibtex" in res.output and "error" not in res.output


def test_the_help_names_every_verdict_a_command_accepts(runner, tmp_path: Path) -> None:
    from ketalit.claims import VERDICTS

    for command in (["claims", "verdict"], ["claims", "list"]):
        res = runner.invoke(app, [*command, "--help"])
        assert res.exit_code == 0 and all(v in res.output for v in VERDICTS), (command, res.output)


def test_the_help_of_claims_stance_names_every_stance_it_accepts(runner, tmp_path: Path) -> None:
    from ketalit.claims import STANCES

    res = runner.invoke(app, ["claims", "stance", "--help"])
    assert res.exit_code == 0 and all(s in res.output for s in STANCES), res.output
