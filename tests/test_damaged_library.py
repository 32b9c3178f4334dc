"""A library file that is not what ketalit wrote, a folder that cannot be written, a full disk, a lock path taken by
something else: every command says so in one line, and the library file stays byte for byte as it was."""

from __future__ import annotations

import errno
import gzip
import os
import signal
import subprocess
import tempfile
import textwrap
from pathlib import Path

import orjson
import pytest

import ketalit.importer as importer
import ketalit.library.storage as storage
from ketalit.errors import LibraryWriteError
from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.library.db import SCHEMA_VERSION
from ketalit.userfields import add_note

from conftest import FIXTURES, NCBI, Forked, cli_error, one_line_error, run_cli, run_ketalit

PMID = "12091962"  # in pubmed1.xml

DAMAGED = {
    "empty": b"",
    "blank": b" \n",
    "null": b"null",
    "list": b"[]",
    "not-json": b"ketalit library\n",
    "cut-short": b'{"meta": {"1": {"schema_version": 1}}, "records": {"1": {"title": "x"',
    "table-is-a-list": b'{"meta": {"1": {"schema_version": 1}}, "records": []}',
    "row-is-a-string": b'{"meta": {"1": {"schema_version": 1}}, "records": {"1": "x"}}',
    "row-key-not-a-number": b'{"meta": {"1": {"schema_version": 1}}, "records": {"one": {}}}',
    "no-schema-version": b'{"records": {}}',
    "schema-version-not-a-number": b'{"meta": {"1": {"schema_version": "1"}}}',
    "records-version-not-a-number": b'{"meta": {"1": {"schema_version": 1, "records_version": [2]}}}',
}


def commands(tmp: Path) -> list[list[str]]:
    return [
        ["init"],
        ["stats"],
        ["show", PMID],
        ["search", "ketamine"],
        ["search", "ketamine", "--ids"],
        ["import", str(NCBI / "pubmed2.xml")],
        ["note", PMID, "a note"],
        ["note", PMID],
        ["screen", PMID, "include"],
        ["key", PMID, "mykey2020"],
        ["edit", PMID, "title=Another title"],
        ["remove", PMID, "--yes"],
        ["prisma"],
        ["duplicates"],
        ["tag", PMID, "--add", "route:oral"],
        ["tag", "--all"],
        ["export", "bibtex"],
        ["export", "jsonl", "-o", str(tmp / "out.jsonl")],
        ["claims", "list"],
        ["claims", "link"],
        ["claims", "pages"],
        ["check", str(tmp / "page.txt")],
        ["screen", "next"],
        ["report", "-o", str(tmp / "report")],
        ["fetch", "--pmid", "123"],
    ]


@pytest.mark.e2e
@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_library_is_an_error_for_every_command_and_never_written_over(
    case: str, lib: Library, runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KETALIT_EUTILS_URL", "http://127.0.0.1:9/")  # fetch must fail on the library, not go out
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    db.write_bytes(DAMAGED[case])
    (tmp_path / "page.txt").write_text("IV ketamine relieves pain within minutes, and the relief lasts for months.")
    for args in commands(tmp_path):
        line = cli_error(run_cli(runner, lib.root, *args), str(db), "damaged library file", "restore")
        assert db.read_bytes() == DAMAGED[case], (args, line)
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "report").exists()


@pytest.mark.e2e
def test_zero_byte_library_in_a_real_process(lib: Library) -> None:
    """The reported case: a 0-byte file read as an empty library, then written over by the next import."""
    db = lib.root / "ketalit.json"
    db.write_bytes(b"")
    proc = run_ketalit("--library", str(lib.root), "import", str(NCBI / "pubmed1.xml"))
    one_line_error(proc.returncode, proc.stderr, str(db), "the file is empty")
    assert db.read_bytes() == b""


@pytest.mark.e2e
def test_only_init_creates_a_missing_library_file(lib: Library, runner) -> None:
    db = lib.root / "ketalit.json"
    db.unlink()
    cli_error(run_cli(runner, lib.root, "import", str(NCBI / "pubmed1.xml")), "no ketalit library", "ketalit init")
    cli_error(run_cli(runner, lib.root, "note", PMID, "x"), "no ketalit library")
    assert not db.exists()
    assert run_cli(runner, lib.root, "init").exit_code == 0
    assert run_cli(runner, lib.root, "import", str(NCBI / "pubmed1.xml")).exit_code == 0
    assert len(Library.open(lib.root)) == 2


def test_library_removed_during_a_command_is_not_recreated(lib: Library) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    opened = Library.open(lib.root)
    (lib.root / "ketalit.json").unlink()
    with pytest.raises(Exception, match="no ketalit library"):
        with opened.transaction():
            opened.table("searches").insert({"query": "x"})
    assert not (lib.root / "ketalit.json").exists()


@pytest.mark.e2e
def test_search_on_a_freshly_initialised_library(lib: Library, runner) -> None:
    res = run_cli(runner, lib.root, "search", "ketamine")
    assert res.exit_code == 0 and res.exception is None, res.stderr
    assert "no records match" in res.stderr
    assert run_cli(runner, lib.root, "search", "ketamine", "--json").stdout.strip() == "[]"


# -- read-only, full disk ------------------------------------------------------------------------------------------


@pytest.mark.e2e
def test_read_only_library_file_is_refused_and_keeps_its_mode(lib: Library, runner) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    before = db.read_bytes()
    db.chmod(0o444)
    try:
        cli_error(run_cli(runner, lib.root, "note", PMID, "x"), str(db), "read-only", "chmod u+w")
        cli_error(run_cli(runner, lib.root, "import", str(NCBI / "pubmed2.xml")), "read-only")
        assert db.read_bytes() == before
        assert db.stat().st_mode & 0o777 == 0o444
        assert run_cli(runner, lib.root, "search", "ketamine", "--ids").exit_code == 0  # reading still works
    finally:
        db.chmod(0o644)


@pytest.mark.e2e
def test_a_write_keeps_the_library_file_mode(lib: Library, runner) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    db.chmod(0o640)
    assert run_cli(runner, lib.root, "note", PMID, "kept").exit_code == 0
    assert db.stat().st_mode & 0o777 == 0o640
    assert Library.open(lib.root).find(PMID)["notes"] == "kept"


def _refuse_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` read-only. Root writes anywhere, so for root the write fails as the kernel fails it for
    everyone else."""
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real = tempfile.mkstemp

        def mkstemp(*args, dir=None, **kwargs):
            if dir is not None and Path(dir) == folder:
                raise PermissionError(errno.EACCES, "Permission denied", str(folder))
            return real(*args, dir=dir, **kwargs)

        monkeypatch.setattr(storage.tempfile, "mkstemp", mkstemp)


@pytest.mark.e2e
def test_read_only_library_folder(lib: Library, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    before = db.read_bytes()
    _refuse_writes_in(lib.root, monkeypatch)
    try:
        cli_error(run_cli(runner, lib.root, "import", str(NCBI / "pubmed2.xml")), str(db), "read-only", "nothing")
        cli_error(run_cli(runner, lib.root, "note", PMID, "x"), "read-only")
        assert db.read_bytes() == before
        res = run_cli(runner, lib.root, "search", f"pmid:{PMID}", "--ids")  # searched, just not cached
        assert res.exit_code == 0 and PMID in res.stdout
    finally:
        lib.root.chmod(0o755)


def _older_layout(root: Path) -> tuple[bytes, dict]:
    """A library of the single-file layout (converted on first open) at ``root``: its file, and the first record."""
    root.mkdir()
    raw = gzip.decompress((FIXTURES / "shipped_library_schema1.json.gz").read_bytes())
    (root / "ketalit.json").write_bytes(raw)
    (root / ".ketalit.lock").touch()  # an older ketalit left its lock file: the lock can be taken
    return raw, orjson.loads(raw)["records"]["1"]


@pytest.mark.e2e
def test_a_library_of_the_older_layout_in_a_read_only_folder(
    tmp_path: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # converted in memory where the folder takes no new file (it reads), and a change is refused with the line a
    # library of the current layout gives, not at its commit
    root = tmp_path / "lib"
    raw, record = _older_layout(root)
    _refuse_writes_in(root, monkeypatch)
    try:
        res = run_cli(runner, root, "show", record["pmid"], "--json")
        assert res.exit_code == 0 and orjson.loads(res.stdout)["title"] == record["title"]
        for args in (["note", record["pmid"], "x"], ["import", str(NCBI / "pubmed2.xml")]):
            words = ("ketalit.json: cannot write beside it", "read-only", "nothing was changed", f"chmod u+w {root}")
            cli_error(run_cli(runner, root, *args), *words)
        assert (root / "ketalit.json").read_bytes() == raw
        assert sorted(p.name for p in root.iterdir()) == [".ketalit.lock", "ketalit.json"]
    finally:
        root.chmod(0o755)


def test_a_library_converted_in_memory_is_converted_on_disk_by_a_change_once_it_can_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "lib"
    raw, record = _older_layout(root)
    _refuse_writes_in(root, monkeypatch)
    try:
        lib = Library.open(root)  # read-only: converted in memory
        assert len(lib) == len(orjson.loads(raw)["records"])
    finally:
        root.chmod(0o755)
    monkeypatch.undo()
    add_note(lib, record["pmid"], "kept")  # the same Library, the folder writable again
    again = Library.open(root)
    assert again.schema_version() == SCHEMA_VERSION and len(again) == len(lib)
    assert "kept" in again.find(record["pmid"])["notes"]


def test_an_import_into_a_read_only_folder_is_refused_before_any_file_is_read(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the import parses without the lock, which it takes only to commit: the folder is tried first, so that a large
    # file is not parsed for minutes only to be refused at the end
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = {p.name: p.read_bytes() for p in lib.root.rglob("*") if p.is_file()}
    opened: list[str] = []
    real_open = importer.open_file
    monkeypatch.setattr(
        importer, "open_file", lambda path, *a, **kw: opened.append(str(path)) or real_open(path, *a, **kw)
    )
    _refuse_writes_in(lib.root, monkeypatch)
    try:
        with pytest.raises(LibraryWriteError, match=r"ketalit\.json: cannot write beside it .*read-only.*nothing"):
            import_files(Library.open(lib.root), [NCBI / "pubmed2.xml"])
        assert opened == []
        assert {p.name: p.read_bytes() for p in lib.root.rglob("*") if p.is_file()} == before
    finally:
        lib.root.chmod(0o755)
    monkeypatch.undo()
    assert import_files(Library.open(lib.root), [NCBI / "pubmed2.xml"]).added > 0


@pytest.mark.e2e
def test_full_disk(lib: Library, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    before = db.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", disk_full)
    line = cli_error(run_cli(runner, lib.root, "import", str(NCBI / "pubmed4.xml")), str(db), "No space left")
    assert "nothing was changed" in line and "free some space" in line
    cli_error(run_cli(runner, lib.root, "export", "jsonl", "-o", str(lib.root / "x.jsonl")), "No space left")
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert not [p for p in os.listdir(lib.root) if p.endswith(".tmp")]
    assert not (lib.root / "x.jsonl").exists()


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 1 MiB tmpfs (needs the right to mount: root in CI); skipped where it cannot be made."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (the monkeypatched test above covers the code path)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


@pytest.mark.e2e
def test_full_disk_for_real(tiny_disk: Path) -> None:
    root = tiny_disk / "lib"
    import_files(Library.init(root), [NCBI / "pubmed1.xml"])
    db = root / "ketalit.json"
    before = db.read_bytes()
    free = os.statvfs(tiny_disk).f_bavail * os.statvfs(tiny_disk).f_frsize
    (tiny_disk / "filler").write_bytes(b"x" * (free - 4096))
    proc = run_ketalit("--library", str(root), "import", str(NCBI / "pubmed4.xml"))
    one_line_error(proc.returncode, proc.stderr, str(db), "No space left on device", "nothing was changed")
    assert db.read_bytes() == before
    assert not [p for p in os.listdir(root) if p.endswith(".tmp")]
    (tiny_disk / "filler").unlink()
    assert run_ketalit("--library", str(root), "import", str(NCBI / "pubmed4.xml")).returncode == 0


# -- the lock path, symbolic links -------------------------------------------------------------------------------


@pytest.mark.e2e
def test_lock_path_that_is_a_folder(lib: Library, runner) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = (lib.root / "ketalit.json").read_bytes()
    (lib.root / ".ketalit.lock").unlink()
    (lib.root / ".ketalit.lock").mkdir()
    cli_error(run_cli(runner, lib.root, "note", PMID, "x"), ".ketalit.lock", "is a folder")
    assert (lib.root / "ketalit.json").read_bytes() == before


@pytest.mark.e2e
def test_lock_path_that_is_a_symlink_is_never_followed(lib: Library, runner, tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("do not truncate me")
    (lib.root / ".ketalit.lock").unlink()
    (lib.root / ".ketalit.lock").symlink_to(victim)
    cli_error(run_cli(runner, lib.root, "import", str(NCBI / "pubmed1.xml")), "symbolic link")
    assert victim.read_text() == "do not truncate me"


@pytest.mark.e2e
def test_symlink_loops(lib: Library, runner, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    cli_error(run_cli(runner, lib.root, "import", str(loop)), str(loop), "symbolic links")
    cli_error(run_cli(runner, lib.root, "export", "jsonl", "-o", str(loop)), str(loop), "symbolic links")
    cli_error(run_cli(runner, loop, "stats"), "no ketalit library")
    db = lib.root / "ketalit.json"
    db.unlink()
    db.symlink_to(db)
    cli_error(run_cli(runner, lib.root, "init"), str(db), "symbolic links")
    assert db.is_symlink()


# -- left behind -------------------------------------------------------------------------------------------------

KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    import ketalit.library.storage as storage
    from ketalit.importer import import_files
    from ketalit.library import Library
    real_fsync = os.fsync
    def slow_fsync(fd):
        real_fsync(fd)
        print("WRITTEN-NOT-RENAMED", flush=True)
        time.sleep(60)
    storage.os.fsync = slow_fsync
    import_files(Library.open(sys.argv[1]), sys.argv[2:])
""")


@pytest.mark.e2e
def test_temporary_file_of_a_killed_writer_is_removed_by_the_next_write(lib: Library) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    proc = Forked(KILLED_WRITER, str(lib.root), str(NCBI / "pubmed4.xml"), text=False)
    assert proc.stdout.readline().strip() == b"WRITTEN-NOT-RENAMED"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    left = list(lib.root.rglob("*.tmp"))  # the library's files are in its folder and its records/ and ids/
    assert len(left) == 1
    replaces = left[0].parent / left[0].name[1:].split(f".{storage._TMP_HOST}.")[0]
    assert left[0].stat().st_size > replaces.stat().st_size  # the new version of a file, never put in place
    live = lib.root / f"{storage._tmp_prefix(lib.root / 'ketalit.json')}inflight.tmp"  # this (live) process's
    live.write_bytes(b"being written")
    proc = run_ketalit("--library", str(lib.root), "note", PMID, "after the crash")
    assert proc.returncode == 0, proc.stderr
    assert not left[0].exists()  # its writer is gone
    assert live.exists()  # its writer is alive: never touched
    assert Library.open(lib.root).find(PMID)["notes"] == "after the crash"
