"""The test suite's cost: wall time and CPU time (user + system) of every process it starts, browsers included.

    python bench/suite.py                  # the suite as the README runs it (`python -m pytest -q`)
    python bench/suite.py -- -n 0 tests/test_report.py

A process whose parent exits before it is orphaned and reaped by none of ours, so a plain `time` misses it (the
browser's helper processes are: about 100 CPU-s of the suite); this script makes itself the reaper of every process
the suite leaves behind (Linux's child subreaper), waits for them (up to 10 s after the suite ends) and counts them
all. The machine's load average before and after is printed beside the figures: on a shared machine the wall time
depends on it, the CPU time much less.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def reap(seconds: float) -> list[int]:
    """Wait for the processes orphaned to us to end, for up to ``seconds``; the ids of those still running."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return []
        if pid:
            continue
        if time.monotonic() > deadline:
            return [int(p) for p in os.listdir("/proc") if p.isdigit() and _parent(int(p)) == os.getpid()]
        time.sleep(0.1)


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    code = subprocess.call([sys.executable, "-m", "pytest", "-q", *args])
    wall = time.perf_counter() - started
    left = reap(seconds=10)  # the orphans the suite left, now ours
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"suite: {wall:.1f} s wall, {used.ru_utime + used.ru_stime:.1f} CPU-s "
        f"({used.ru_utime:.1f} user, {used.ru_stime:.1f} system); exit {code}; "
        f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    if left:
        print(f"still running, left behind by the suite (not counted): {' '.join(map(str, left))}")
    sys.exit(code)


if __name__ == "__main__":
    main()
