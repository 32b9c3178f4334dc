"""`ketalit rebuild` keeps what people did to the library: record ids (notes and screening decisions are stored by
id), notes, decisions, manual tags, hand edits, merges, removals, citation keys and saved searches. It refuses
rather than drop user data, and a failed rebuild changes nothing and leaves nothing behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims import findings, judged
from ketalit.curation import edit_record, remove_records
from ketalit.duplicates import merge_records
from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.screening import decisions, screen
from ketalit.userfields import add_note, set_citekey, set_manual_tags

from conftest import NCBI, cli_error, run_cli

pytestmark = pytest.mark.e2e  # every test here runs the command line


@pytest.fixture
def copy(shipped_copy: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "library"
    shutil.copytree(shipped_copy, dest)
    return dest


@pytest.fixture
def unlinked_copy(copy: Path) -> Path:
    """The copy without its claims catalogue, so that a rebuild does not link the claims again: for the tests of
    what a rebuild does to the records and user data, which linking does not touch (linking costs most of a
    rebuild; test_rebuild_keeps_everything_people_did rebuilds with the claims)."""
    (copy / "claims.toml").unlink()
    return copy


@pytest.mark.slow
def test_rebuild_keeps_everything_people_did(
    copy: Path, runner, monkeypatch: pytest.MonkeyPatch, linked_library: Path
) -> None:
    (copy / ".index").mkdir(exist_ok=True)  # linked before, as a library people work in is: the link's judgements
    shutil.copy(linked_library / ".index" / judged.FILE, copy / ".index")
    lib = Library.open(copy)
    recs = [r for r in lib.records() if r["pmid"]]
    noted, screened, tagged, edited, kept, removed, keyed = (r["pmid"] for r in recs[:7])
    no_pmid, other = [r for r in lib.records() if not r["pmid"] and r["doi"]][:2]  # matched by DOI instead
    absorbed = other["doi"]
    add_note(lib, noted, "key paper")
    add_note(lib, no_pmid["citekey"], "found by hand")
    screen(lib, screened, "exclude", "wrong population", reviewer="ann")
    screen(lib, screened, "include", reviewer="bob")
    set_manual_tags(lib, tagged, ["route:rectal"], [])
    edit_record(lib, edited, ["title=A title corrected by hand"])
    merge_records(lib, kept, absorbed)
    remove_records(lib, [removed], "not primary research")
    set_citekey(lib, keyed, "mykey2020")
    with lib.transaction():
        lib.table("searches").insert({"query": "ketamine AND pain", "last_run": "2024-01-01"})
    before = Library.open(copy)
    ids = {r["_id"]: (r["pmid"], r["doi"], r["citekey"]) for r in before.records()}
    screened_id = before.find(screened)["_id"]
    read = {r["citekey"] for r in before.records() if findings.is_current(r.get("findings"), r)}
    assert read  # the shipped library carries the findings its claims were linked with
    read_again: list[str] = []
    reader = findings.read_record
    monkeypatch.setattr(findings, "read_record", lambda rec: read_again.append(rec["citekey"]) or reader(rec))

    res = run_cli(runner, copy, "rebuild")
    assert res.exit_code == 0, res.stderr
    assert "carried on 7" in res.stdout and "2 left out" in res.stdout  # the merged and the removed paper
    assert not read & set(read_again)  # the findings already read stay: relinking read none of them again

    after = Library.open(copy)
    assert {r["_id"]: (r["pmid"], r["doi"], r["citekey"]) for r in after.records()} == ids  # same ids, same keys
    assert after.find(noted)["notes"] == "key paper"
    assert after.find(no_pmid["citekey"])["notes"] == "found by hand"
    votes = {d["reviewer"]: d["decision"] for d in decisions(after, record=screened_id)}
    assert votes == {"ann": "exclude", "bob": "include"}  # the decisions, stored by record id, still point at it
    assert after.find(screened)["screening"] == before.find(screened)["screening"]
    rec = after.find(tagged)
    assert rec["manual_tags"]["add"] == ["route:rectal"] and "rectal" in rec["tags"]["route"]
    assert after.find(edited)["title"] == "A title corrected by hand"
    assert after.find(absorbed)["_id"] == after.find(kept)["_id"]  # still merged
    assert after.find(removed) is None  # still removed
    assert after.find("mykey2020")["pmid"] == keyed
    assert after.table("searches").all()[0]["query"] == "ketamine AND pain"


def test_rebuild_refuses_to_drop_user_data_outside_the_snapshot(unlinked_copy: Path, runner) -> None:
    copy = unlinked_copy
    lib = Library.open(copy)
    import_files(lib, [NCBI / "pubmed1.xml"])  # not in snapshot/
    add_note(lib, "9997", "my own find")
    screen(lib, "9997", "include", reviewer="ann")
    gone_id = lib.find("9997")["_id"]
    db = copy / "ketalit.json"
    before = db.read_bytes()
    cli_error(run_cli(runner, copy, "rebuild"), "1 records with your notes", "PMID 9997", "--force")
    assert db.read_bytes() == before
    res = run_cli(runner, copy, "rebuild", "--force")
    assert res.exit_code == 0, res.stderr
    after = Library.open(copy)
    assert after.find("9997") is None and after.find("12091962") is None  # both outside the snapshot: dropped
    assert decisions(after, record=gone_id) == []  # and nothing of theirs is left to attach to another record
    assert all(n["record"] != gone_id for n in after.table("notes").all())


def test_failed_rebuild_changes_nothing_and_leaves_no_work_folder(unlinked_copy: Path, runner) -> None:
    copy = unlinked_copy
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
