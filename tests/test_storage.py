"""Storage in several files: what a command costs follows what it touches, a write is atomic across files (SIGKILL
at any moment, two writers at once), a reader sees one commit, every damaged file is refused, the single-file
library converts on first open, and a change to the shipped library is a small git diff."""

from __future__ import annotations

import gzip
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import orjson
import pytest

from ketalit.errors import KetalitError, LibraryChanged
from ketalit.library import Library
from ketalit.library.files import JOURNAL
from ketalit.library.migrate import BACKUP
from ketalit.records import author, new_record
from ketalit.screening import screen
from ketalit.tagging.tagger import default_tagger
from ketalit.userfields import add_note, set_manual_tags

from conftest import FIXTURES, ROOT, Forked, cli_error, copy_library_files, files_read, run_cli

OLD_LIBRARY = FIXTURES / "shipped_library_schema1.json.gz"  # the shipped library as the single-file layout held it
TOPICS = ["postoperative pain", "renal colic", "migraine", "cancer pain", "sickle cell crisis", "burns"]


def make_library(root: Path, n: int, shard_size: int) -> Library:
    """A library of ``n`` tagged records spread over files of ``shard_size`` records."""
    lib = Library.init(root, shard_size=shard_size)
    with lib.transaction():
        for i in range(1, n + 1):
            topic = TOPICS[i % len(TOPICS)]
            rec = new_record(
                pmid=str(70000 + i),
                doi=f"10.9999/trial.{i}",
                title=f"Intranasal ketamine for {topic}: trial {i}",
                year=2000 + i % 20,
                authors=[author("Motov" if i % 3 else "Smith", "Sergey")],
                abstract=[{"label": "", "category": "", "text": f"Randomized trial {i} of ketamine in {topic}."}],
                provenance=[{"kind": "file", "source": "made.xml", "format": "pubmed-xml", "at": ""}],
            )
            lib.upsert(default_tagger().apply(rec))
    return Library.open(root)


def files_of(root: Path) -> dict[str, bytes]:
    """Every file of a library folder but its caches and lock, by relative path."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not rel.startswith(".index") and not rel.endswith((".lock", ".tmp")):
            out[rel] = path.read_bytes()
    return out


def generations(root: Path) -> dict[str, int]:
    return orjson.loads((root / "ketalit.json").read_bytes())["meta"]["1"]["files"]


# -- what a command touches --------------------------------------------------------------------------------------------


def test_a_note_or_a_screening_decision_rewrites_user_data_only(tmp_path: Path) -> None:
    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    before, version = generations(lib.root), lib.records_version()
    add_note(lib, "70015", "dose checked")
    screen(Library.open(lib.root), "70015", "include", reviewer="ann")
    after = generations(lib.root)
    assert {n for n in after if after[n] != before.get(n)} == {"user.json"}
    lib = Library.open(lib.root)
    assert lib.records_version() == version  # the search index has nothing to catch up with
    rec = lib.find("70015")
    assert rec["notes"] == "dose checked" and rec["screening"]["decision"] == "include"


def test_a_manual_tag_rewrites_one_file_of_records(tmp_path: Path) -> None:
    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    before = generations(lib.root)
    set_manual_tags(lib, "70015", ["route:oral"], [])
    after = generations(lib.root)
    assert {n for n in after if after[n] != before.get(n)} == {"user.json", "records/0001.json"}
    rec = Library.open(lib.root).find("70015")
    assert rec["manual_tags"]["add"] == ["route:oral"] and "oral" in rec["tags"]["route"]


@pytest.mark.e2e
def test_showing_a_record_reads_its_file_and_no_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner) -> None:
    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    read = files_read(monkeypatch)
    res = run_cli(runner, lib.root, "show", "70025", "--json")
    assert res.exit_code == 0, res.stderr
    assert orjson.loads(res.stdout)["pmid"] == "70025"
    assert sorted(read) == ["ids/pmid.json", "records/0002.json", "user.json"]


# -- atomic across files ----------------------------------------------------------------------------------------------

# Changes every record (so every file of records), adds a note to each (user.json) and a citation key (ids), in one
# transaction; with a step given, stops there (prints it and sleeps) so that it can be killed exactly at that step.
WRITER = textwrap.dedent("""
    import os, sys, time
    import ketalit.library.files as files
    from ketalit.library import Library
    root, k, step = sys.argv[1], sys.argv[2], sys.argv[3]
    count = {"temp": 0, "rename": 0}
    def stop(name):
        print(name, flush=True)
        if name == step:
            time.sleep(60)
    real_temp, real_replace, real_unlink = files.write_temp, files.os.replace, files.Path.unlink
    def write_temp(path, data):
        out = real_temp(path, data)
        count["temp"] += 1
        stop(f"temp{count['temp']}")
        return out
    def replace(a, b):
        real_replace(a, b)
        if str(b).endswith(files.JOURNAL):
            stop("journal")
        else:
            count["rename"] += 1
            stop(f"rename{count['rename']}")
    def unlink(self, *args, **kwargs):
        real_unlink(self, *args, **kwargs)
        if self.name == files.JOURNAL:
            stop("unlinked")
    files.write_temp, files.os.replace, files.Path.unlink = write_temp, replace, unlink
    real_commit = Library._commit
    def commit(self):
        stop("commit")
        return real_commit(self)
    Library._commit = commit
    lib = Library.open(root)
    with lib.transaction():
        for doc_id, _ in list(lib.iter_records()):
            rec = lib.record(doc_id)
            rec["volume"] = k
            lib.put(doc_id, rec)
            lib.table("notes").insert({"record": doc_id, "text": k, "at": ""})
        first = min(i for i, _ in lib.iter_records())
        rec = lib.record(first)
        rec["citekey"], rec["citekey_pinned"] = f"key{k}", True
        lib.put(first, rec)
    print("done", flush=True)
""")


def check_one_commit(root: Path, n: int) -> str:
    """Assert that the library holds the whole of some commit of WRITER and nothing of a later one; return it."""
    lib = Library.open(root)
    recs = lib.records()
    assert len(recs) == n == len(lib)
    volumes = {r["volume"] for r in recs}
    assert len(volumes) == 1, volumes
    volume = volumes.pop()
    notes = Counter(row["text"] for row in lib.table("notes").all())
    assert all(c == n for c in notes.values()), notes
    assert max(notes, key=int, default="") == volume
    if volume:
        assert lib.find(f"key{volume}")["_id"] == recs[0]["_id"]  # the id map is of the same commit
    for r in recs:
        assert lib.find(r["pmid"])["_id"] == r["_id"]
    assert not (root / JOURNAL).exists()  # a reader finished whatever a killed writer had committed
    return volume


def start_writer(root: Path, k: int, step: str = "-") -> Forked:
    return Forked(WRITER, str(root), str(k), step)


@pytest.mark.e2e
def test_a_commit_killed_at_every_step_leaves_the_old_state_or_the_new(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(root, 40, shard_size=10)
    # Each commit writes user.json, ids/citekey.json, the four files of records and the manifest: seven files.
    steps = ["temp1", "temp4", "temp7", "journal", "rename1", "rename4", "rename7", "unlinked"]
    expected = ""
    for k, step in enumerate(steps, start=1):
        before = files_of(root)
        proc = start_writer(root, k, step)
        wait_for(proc, step)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        committed = not step.startswith("temp")
        if not committed:
            assert files_of(root) == before  # nothing of the killed commit is visible...
        expected = str(k) if committed else expected
        assert check_one_commit(root, 40) == expected  # ...or all of it, once a reader finished the renames
    leftovers = [p for p in root.rglob("*.tmp")]
    proc = start_writer(root, 99)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    assert not [p for p in leftovers if p.exists()]  # the next write deleted the killed writers' temporary files
    assert check_one_commit(root, 40) == "99"


def wait_for(proc: Forked, marker: str) -> None:
    for line in proc.stdout:
        if line.strip() == marker:
            return
    pytest.fail(f"the writer never printed {marker}: {proc.stderr.read()}")


@pytest.mark.slow
@pytest.mark.e2e
def test_sigkill_at_random_moments_across_files(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    make_library(root, 400, shard_size=10)  # 40 files of records change in every commit
    proc = start_writer(root, 1)
    wait_for(proc, "commit")
    start = time.monotonic()
    wait_for(proc, "done")
    took = time.monotonic() - start  # writing 47 files, the journal, 47 renames
    assert proc.wait(timeout=60) == 0
    rng = random.Random(7)
    committed = 0
    for k in range(2, 14):
        proc = start_writer(root, k)
        wait_for(proc, "commit")
        time.sleep(rng.uniform(0, 1.2) * took)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        committed += check_one_commit(root, 400) == str(k)
    print(f"{committed} of 12 writers were killed after their commit point, the others before it")


CONCURRENT = textwrap.dedent("""
    import sys
    from ketalit.library import Library
    root, who, ids, rounds = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3].split(",")], int(sys.argv[4])
    lib = Library.open(root)
    for r in range(rounds):
        with lib.transaction():
            for i in ids:
                rec = lib.record(i)
                rec["pages"] = f"{who}-{r}"
                lib.put(i, rec)
            lib.table("notes").insert({"record": ids[0], "text": f"{who}-{r}", "at": ""})
""")


@pytest.mark.e2e
@pytest.mark.parametrize("same_file", [False, True], ids=["different-files", "same-file"])
def test_two_concurrent_writers_lose_nothing(tmp_path: Path, same_file: bool) -> None:
    root = tmp_path / "lib"
    make_library(root, 30, shard_size=10)
    mine = {"a": [1, 3, 5], "b": [2, 4, 6]} if same_file else {"a": [1, 2, 3], "b": [21, 22, 23]}
    rounds = 12
    procs = [Forked(CONCURRENT, str(root), who, ",".join(map(str, ids)), str(rounds)) for who, ids in mine.items()]
    assert all(p.wait(timeout=180) == 0 for p in procs)
    lib = Library.open(root)
    for who, ids in mine.items():
        assert all(lib.record(i)["pages"] == f"{who}-{rounds - 1}" for i in ids)
    texts = Counter(n["text"].split("-")[0] for n in lib.table("notes").all())
    assert texts == {"a": rounds, "b": rounds}


def test_changes_made_without_the_lock_are_committed_only_if_nobody_committed_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    other = Library.open(lib.root)
    monkeypatch.setenv("KETALIT_LOCK_TIMEOUT", "0")
    rec = lib.record(5)
    rec["volume"] = "mine"
    with pytest.raises(LibraryChanged, match="nothing was written"):
        with lib.transaction(unlocked=True):
            lib.put(5, rec)
            with other.transaction():  # the lock is free while the changes are made
                theirs = other.record(25)
                theirs["volume"] = "theirs"
                other.put(25, theirs)
    after = Library.open(lib.root)
    assert after.record(25)["volume"] == "theirs" and after.record(5)["volume"] != "mine"
    with lib.transaction(unlocked=True):  # nobody commits meanwhile: the changes are written
        lib.put(5, rec)
    after = Library.open(lib.root)
    assert after.record(5)["volume"] == "mine" and after.record(25)["volume"] == "theirs"


# -- readers -----------------------------------------------------------------------------------------------------------


def test_a_reader_sees_one_commit(tmp_path: Path) -> None:
    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    reader = Library.open(lib.root)
    assert reader.find("70005")["notes"] == ""  # read: PMIDs, the first file of records, user.json
    with lib.transaction():  # another writer changes only a file the reader has not read
        rec = lib.record(25)
        rec["volume"] = "99"
        lib.put(25, rec)
    assert reader.record(25)["volume"] == "99"  # the reader moves on to the newer commit
    add_note(lib, "70005", "changed under the reader")  # now a file it has read
    with lib.transaction():
        rec = lib.record(15)
        rec["volume"] = "98"
        lib.put(15, rec)
    with pytest.raises(LibraryChanged, match="run the command again"):
        reader.record(15)
    reader.release()  # starting again shows the library as it is
    assert reader.record(15)["volume"] == "98" and reader.record(5)["notes"] == "changed under the reader"


# -- damaged files ----------------------------------------------------------------------------------------------------

DAMAGE = {
    "empty": lambda raw: b"",
    "not-json": lambda raw: b"ketalit library\n",
    "cut-short": lambda raw: raw[: len(raw) // 2],
    "a-list": lambda raw: b"[]",
}
# A command that must read the file fails; the others may run (a damaged claims file does not stop `show`).
READERS = {
    "user.json": [["show", "12091962"], ["note", "12091962", "x"], ["screen", "12091962", "include"], ["stats"]],
    "claims.json": [["claims", "list"], ["claims", "link"]],
    "ids/pmid.json": [["show", "12091962"], ["note", "12091962", "x"], ["import", "IMPORT"]],
    "records/0000.json": [["show", "12091962"], ["stats"], ["export", "bibtex"], ["tag", "--all"], ["prisma"]],
}
OTHERS = [
    ["search", "ketamine", "--ids"],
    ["duplicates"],
    ["tag", "12091962", "--add", "route:oral"],
    ["key", "12091962", "mykey2020"],
    ["edit", "12091962", "title=Another title"],
    ["screen", "next"],
    ["remove", "12091962", "--yes"],
]


@pytest.mark.e2e
@pytest.mark.parametrize("name", sorted(READERS))
@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_every_damaged_file_is_refused_and_never_written_over(name: str, case: str, tmp_path: Path, runner) -> None:
    from conftest import NCBI, write_claims_catalogue

    lib = Library.init(tmp_path / "lib")
    from ketalit.importer import import_files

    import_files(lib, [NCBI / "pubmed1.xml"])
    add_note(lib, "12091962", "a note")
    write_claims_catalogue(lib.root)
    assert run_cli(runner, lib.root, "claims", "link").exit_code == 0
    path = lib.root / name
    damaged = DAMAGE[case](path.read_bytes())
    path.write_bytes(damaged)
    for args in READERS[name] + OTHERS:
        args = [str(NCBI / "pubmed2.xml") if a == "IMPORT" else a for a in args]
        res = run_cli(runner, lib.root, *args)
        if args in READERS[name] or res.exit_code:
            cli_error(res, str(path), "damaged library file", "restore")
        assert path.read_bytes() == damaged, args


@pytest.mark.e2e
def test_a_damaged_journal_is_refused(tmp_path: Path, runner) -> None:
    lib = make_library(tmp_path / "lib", 5, shard_size=10)
    (lib.root / JOURNAL).write_bytes(b'{"renames": [["../../etc/passwd", "ketalit.json"]]}')
    cli_error(run_cli(runner, lib.root, "note", "70001", "x"), JOURNAL, "damaged library file")
    cli_error(run_cli(runner, lib.root, "show", "70001"), JOURNAL, "damaged library file")
    assert (lib.root / JOURNAL).exists()


@pytest.mark.e2e
def test_a_file_of_records_holding_another_files_records_is_refused(tmp_path: Path, runner) -> None:
    lib = make_library(tmp_path / "lib", 20, shard_size=10)
    shutil.copy(lib.root / "records/0000.json", lib.root / "records/0001.json")  # ids 1-10 where 11-20 belong
    cli_error(run_cli(runner, lib.root, "show", "70015"), "records/0001.json", "record 1 belongs in records/0000.json")


# -- the single-file library -------------------------------------------------------------------------------------------


def old_library(folder: Path) -> tuple[bytes, dict]:
    raw = gzip.decompress(OLD_LIBRARY.read_bytes())
    folder.mkdir(parents=True)
    (folder / "ketalit.json").write_bytes(raw)
    return raw, orjson.loads(raw)


def expected_records(old: dict) -> list[dict]:
    """The records as the single-file library gave them: stored fields, tag reasons and findings parsed, with their
    ids."""
    out = []
    for key in sorted(old["records"], key=int):
        rec = dict(old["records"][key], _id=int(key))
        for f in ("tag_reasons", "comparator_routes", "findings"):
            if isinstance(rec.get(f), str):
                rec[f] = orjson.loads(rec[f])
        out.append(rec)
    return out


@pytest.mark.e2e
def test_the_single_file_library_converts_on_first_open_and_keeps_everything(tmp_path: Path, runner) -> None:
    root = tmp_path / "lib"
    raw, old = old_library(root)
    lib = Library.open(root)
    assert (root / BACKUP).read_bytes() == raw  # the old file, kept
    assert lib.records() == expected_records(old)  # every record, tag, tag reason and user field
    for table in sorted(set(old) - {"meta", "records"}):
        rows = lib.table(table).all()
        assert {r.doc_id: dict(r) for r in rows} == {int(k): v for k, v in old[table].items()}, table
    assert lib.records_version() == old["meta"]["1"].get("records_version", 0)
    for rec in expected_records(old):
        for ident in (rec["pmid"], rec["doi"], rec["citekey"]):
            if ident:
                assert lib.find(ident)["_id"] == rec["_id"]
    assert run_cli(runner, root, "claims", "list", "--json").exit_code == 0
    res = run_cli(runner, root, "search", "intranasal ketamine", "--ids")
    assert res.exit_code == 0 and res.stdout.split()
    again = files_of(root)
    Library.open(root)  # converted once: opening again changes nothing
    assert files_of(root) == again


MIGRATOR = textwrap.dedent("""
    import sys
    from ketalit.library import Library
    Library.open(sys.argv[1])
    print("done", flush=True)
""")


@pytest.mark.slow
@pytest.mark.e2e
def test_a_conversion_killed_at_random_moments_leaves_a_library(tmp_path: Path) -> None:
    rng = random.Random(3)
    outcomes = set()
    for k in range(8):
        root = tmp_path / f"lib{k}"
        raw, old = old_library(root)
        proc = subprocess.Popen([sys.executable, "-c", MIGRATOR, str(root)], stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        converted = orjson.loads((root / "ketalit.json").read_bytes())["meta"]["1"]["schema_version"] == 2
        if not converted:
            assert (root / "ketalit.json").read_bytes() == raw
        outcomes.add(converted)
        assert Library.open(root).records() == expected_records(old)
    print("converted before the kill:", outcomes)


@pytest.mark.e2e
def test_a_read_only_single_file_library_is_read_in_memory(tmp_path: Path, runner) -> None:
    root = tmp_path / "lib"
    raw, old = old_library(root)
    (root / "ketalit.json").chmod(0o444)
    try:
        assert Library.open(root).records() == expected_records(old)
        res = run_cli(runner, root, "show", old["records"]["1"]["pmid"], "--json")
        assert res.exit_code == 0 and orjson.loads(res.stdout)["title"] == old["records"]["1"]["title"]
        cli_error(run_cli(runner, root, "note", old["records"]["1"]["pmid"], "x"), "read-only")
        assert (root / "ketalit.json").read_bytes() == raw
        assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == ["ketalit.json"]
    finally:
        (root / "ketalit.json").chmod(0o644)


# -- git ---------------------------------------------------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_one_note_in_the_shipped_library_is_a_small_git_diff(tmp_path: Path, runner) -> None:
    repo = tmp_path / "repo"
    copy_library_files(ROOT / "library", repo / "library")

    def git(*args: str) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
        env["GIT_COMMITTER_EMAIL"] = "t@x"
        return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout

    (repo / ".gitignore").write_text(".index/\n*.lock\n")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "library")
    rows = orjson.loads((repo / "library/records/0000.json").read_bytes())["records"]
    pmid = next(r["pmid"] for r in rows.values() if r["pmid"])
    assert run_cli(runner, repo / "library", "note", pmid, "Dose confirmed against the full text.").exit_code == 0
    changed = {}
    for line in git("diff", "--numstat").splitlines():
        added, removed, path = line.split("\t")
        changed[path] = int(added) + int(removed)
    assert set(changed) == {"library/user.json", "library/ketalit.json"}, changed
    assert sum(changed.values()) <= 20, changed
    assert "Dose confirmed against the full text." in git("diff", "library/user.json")


def test_files_are_written_the_same_way_every_time(tmp_path: Path) -> None:
    a = make_library(tmp_path / "a", 25, shard_size=10)
    b = make_library(tmp_path / "b", 25, shard_size=10)
    fa, fb = files_of(a.root), files_of(b.root)
    assert fa == fb
    rows = orjson.loads(fa["records/0000.json"])["records"]
    assert list(rows) == [str(i) for i in range(1, 11)]  # rows in id order
    assert all(list(r) == sorted(r) for r in rows.values())  # fields in sorted order


def test_a_write_that_fails_changes_no_file(tmp_path: Path) -> None:
    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    before = files_of(lib.root)
    with pytest.raises(KetalitError, match="boom"):
        with lib.transaction():
            for i in (1, 15, 25):
                rec = lib.record(i)
                rec["volume"] = "x"
                lib.put(i, rec)
            raise KetalitError("boom")
    assert files_of(lib.root) == before


def test_a_commit_that_cannot_write_its_files_leaves_the_search_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ketalit.library import files
    from ketalit.search import search_library
    from ketalit.search.store import connect, indexed_shards

    lib = make_library(tmp_path / "lib", 30, shard_size=10)
    assert search_library(Library.open(lib.root), "flavocytochrome") == []  # the index is made and up to date
    conn = connect(lib.root / ".index")
    assert conn is not None
    indexed = indexed_shards(conn)
    conn.close()
    before = files_of(lib.root)

    def full(path, data):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(files, "write_temp", full)
    with pytest.raises(KetalitError, match="No space left on device.*nothing was changed"):
        with lib.transaction():
            rec = lib.record(15)
            rec["title"] = "Ketamine and the flavocytochrome"
            lib.put(15, rec)
    monkeypatch.undo()
    assert files_of(lib.root) == before
    conn = connect(lib.root / ".index")
    assert conn is not None and indexed_shards(conn) == indexed
    conn.close()
    assert search_library(Library.open(lib.root), "flavocytochrome") == []
