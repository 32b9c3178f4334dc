"""The library lock with real processes: a suspended holder is named (never "delete the lock file"), a dead holder's
lock is taken at once, and deleting the lock file under a suspended holder loses nothing silently."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest

from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.library.lock import process_state

from conftest import NCBI, one_line_error, run_ketalit

pytestmark = pytest.mark.e2e  # every test here runs the command line

A, B = "12091962", "9997"  # the two records of pubmed1.xml

# Takes the lock, writes a note inside the transaction, then stops itself (as Ctrl-Z would), or sleeps, or forks a
# child that outlives it; on SIGCONT it commits.
HOLDER = textwrap.dedent("""
    import os, signal, sys, time
    from ketalit.errors import KetalitError
    from ketalit.library import Library
    from ketalit.userfields import add_note
    root, ident, text, how = sys.argv[1:5]
    lib = Library.open(root)
    try:
        with lib.transaction():
            add_note(lib, ident, text)
            if how == "fork":
                child = os.fork()
                if child == 0:
                    time.sleep(60)
                    os._exit(0)
                print("CHILD", child, flush=True)
            print("HOLDING", flush=True)
            if how == "sleep":
                time.sleep(60)
            else:
                os.kill(os.getpid(), signal.SIGSTOP)
    except KetalitError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
""")


def hold(root: Path, ident: str, text: str, how: str = "stop") -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root), ident, text, how],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline().strip()
    if how == "fork":
        proc.child = int(line.split()[1])
        line = proc.stdout.readline().strip()
    assert line == "HOLDING"
    if how != "sleep":
        for _ in range(200):
            if process_state(proc.pid) == "stopped":
                break
            time.sleep(0.01)
    return proc


def env(timeout: float) -> dict[str, str]:
    return {**os.environ, "KETALIT_LOCK_TIMEOUT": str(timeout)}


@pytest.fixture
def library(lib: Library) -> Library:
    import_files(lib, [NCBI / "pubmed1.xml"])
    return lib


def notes(lib: Library) -> dict[str, str]:
    return {r["pmid"]: r["notes"] for r in Library.open(lib.root).records()}


def test_suspended_holder_is_named_and_nothing_is_lost(library: Library) -> None:
    db = library.root / "ketalit.json"
    before = db.read_bytes()
    holder = hold(library.root, A, "from the suspended one")
    try:
        assert process_state(holder.pid) == "stopped"
        proc = run_ketalit("--library", str(library.root), "note", B, "second", env=env(1))
        line = one_line_error(proc.returncode, proc.stderr, "busy", f"pid {holder.pid}", "stopped", "kill -CONT")
        assert "delete" not in line and "remove" not in line
        assert db.read_bytes() == before
        assert (library.root / ".ketalit.lock").exists()
    finally:
        holder.send_signal(signal.SIGCONT)
    assert holder.wait(timeout=30) == 0, holder.stderr.read()
    assert run_ketalit("--library", str(library.root), "note", B, "second", env=env(5)).returncode == 0
    assert notes(library) == {A: "from the suspended one", B: "second"}


def test_running_holder_is_named(library: Library) -> None:
    holder = hold(library.root, A, "slow", how="sleep")
    try:
        proc = run_ketalit("--library", str(library.root), "note", B, "second", env=env(0.5))
        line = one_line_error(proc.returncode, proc.stderr, "busy", f"pid {holder.pid}", "wait for it to finish")
        assert "slow sleep" in line  # what the holder runs
    finally:
        holder.kill()
        holder.wait(timeout=10)


def test_dead_holder_lock_is_taken_at_once(library: Library) -> None:
    holder = hold(library.root, A, "never committed")
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    recorded = orjson.loads((library.root / ".ketalit.lock").read_bytes())
    assert recorded["pid"] == holder.pid  # the lock file still names the dead process...
    start = time.monotonic()
    proc = run_ketalit("--library", str(library.root), "note", B, "second", env=env(1))
    assert proc.returncode == 0, proc.stderr  # ...and is taken without waiting for a timeout
    assert time.monotonic() - start < 30
    assert notes(library) == {A: "", B: "second"}


def test_child_of_a_dead_holder_does_not_keep_the_lock(library: Library) -> None:
    """Worker processes forked inside a transaction (the tagger's) must not hold the lock after their parent dies."""
    holder = hold(library.root, A, "never committed", how="fork")
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    try:
        assert process_state(holder.child) != "gone"  # the child lives on
        proc = run_ketalit("--library", str(library.root), "note", B, "second", env=env(2))
        assert proc.returncode == 0, proc.stderr
    finally:
        os.kill(holder.child, signal.SIGKILL)


def test_lock_file_deleted_under_a_suspended_holder(library: Library) -> None:
    """The reported loss: the old message said to delete the lock file; doing so let two writers in."""
    holder = hold(library.root, A, "from the suspended one")
    try:
        (library.root / ".ketalit.lock").unlink()
        proc = run_ketalit("--library", str(library.root), "note", B, "second", env=env(5))
        assert proc.returncode == 0, proc.stderr
    finally:
        holder.send_signal(signal.SIGCONT)
    assert holder.wait(timeout=30) == 1
    assert "was removed while this command held it" in holder.stderr.read()
    assert notes(library) == {A: "", B: "second"}  # the second writer's note is kept; the first was refused, loudly
