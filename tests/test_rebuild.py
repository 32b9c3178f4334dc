"""`ketalit rebuild` carries what people put on records across; it refuses rather than drop it; a failed rebuild
changes nothing and leaves nothing behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.userfields import set_manual_tags, set_note, set_screening

from conftest import NCBI, cli_error, run_cli


@pytest.fixture
def copy(shipped_copy: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "library"
    shutil.copytree(shipped_copy, dest)
    return dest


def test_rebuild_keeps_notes_screening_manual_tags_keys_and_saved_searches(copy: Path, runner) -> None:
    lib = Library.open(copy)
    recs = [r for r in lib.records() if r["pmid"]]
    noted, screened, tagged = recs[0]["pmid"], recs[1]["pmid"], recs[2]["pmid"]
    no_pmid = next(r for r in lib.records() if not r["pmid"])  # matched by DOI or title and year instead
    set_note(lib, noted, "key paper")
    set_note(lib, no_pmid["citekey"], "found by hand")
    set_screening(lib, screened, "exclude", "wrong population")
    set_manual_tags(lib, tagged, ["route:rectal"], [])
    with lib.transaction():
        lib.table("searches").insert({"query": "ketamine AND pain", "last_run": "2024-01-01"})
    keys = {r["citekey"] for r in Library.open(copy).records()}

    res = run_cli(runner, copy, "rebuild")
    assert res.exit_code == 0, res.stderr
    assert "carried on 4" in res.stdout

    after = Library.open(copy)
    assert after.find(noted)["notes"] == "key paper"
    assert after.find(no_pmid["citekey"])["notes"] == "found by hand"
    assert after.find(screened)["screening"]["reason"] == "wrong population"
    rec = after.find(tagged)
    assert rec["manual_tags"]["add"] == ["route:rectal"] and "rectal" in rec["tags"]["route"]
    assert {r["citekey"] for r in after.records()} == keys
    assert after.table("searches").all()[0]["query"] == "ketamine AND pain"


def test_rebuild_refuses_to_drop_user_data_outside_the_snapshot(copy: Path, runner) -> None:
    lib = Library.open(copy)
    import_files(lib, [NCBI / "pubmed1.xml"])  # not in snapshot/
    set_note(lib, "9997", "my own find")
    db = copy / "ketalit.json"
    before = db.read_bytes()
    cli_error(run_cli(runner, copy, "rebuild"), "1 records with your notes", "PMID 9997", "--force")
    assert db.read_bytes() == before
    res = run_cli(runner, copy, "rebuild", "--force")
    assert res.exit_code == 0, res.stderr
    after = Library.open(copy)
    assert after.find("9997") is None and after.find("12091962") is None  # both outside the snapshot: dropped


def test_failed_rebuild_changes_nothing_and_leaves_no_work_folder(copy: Path, runner) -> None:
    db = copy / "ketalit.json"
    before = db.read_bytes()
    (copy / "snapshot" / "more.ris").write_text("TY  - JOUR\nTI  - Ketamine for pain\nER  - \nTY  - JOUR\nTI  - Cut")
    cli_error(run_cli(runner, copy, "rebuild"), "more.ris", "no 'ER  -'")
    assert db.read_bytes() == before
    assert not (copy / ".rebuild").exists()
    (copy / "snapshot" / "more.ris").unlink()
    (copy / ".rebuild").mkdir()  # what a failed rebuild of an earlier version left behind
    (copy / ".rebuild" / "ketalit.json").write_text("{}")
    assert run_cli(runner, copy, "rebuild").exit_code == 0
    assert not (copy / ".rebuild").exists()
