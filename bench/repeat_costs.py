"""What the commands people run again and again cost the first time and the next: a link of every claim, the
whole-library report and a check of a clinic page, each run twice on a copy of the shipped library (the second
with nothing changed in between), in processes of their own.

    python bench/repeat_costs.py [--rounds K]        # PYTHONPATH=OTHER/src: another source tree

Prints the CPU seconds (user + system, the command's process and its children) and wall seconds of each run,
the median over the rounds (default 3), and the machine's load average: on a shared machine compare CPU time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "pages" / "heldout10"


def cpu_of(lib: Path, *args: str) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``ketalit --library lib ARGS`` run to completion; stops on an error."""
    before, started = os.times(), time.perf_counter()
    command = [sys.executable, "-m", "ketalit", "--library", str(lib), *args]
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall, after = time.perf_counter() - started, os.times()
    if proc.returncode:
        sys.exit(f"ketalit {' '.join(args)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return after.children_user - before.children_user + after.children_system - before.children_system, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    page = sorted(PAGE.glob("*.txt"))[0]
    steps = [
        ("claims link", ["claims", "link"]),
        ("claims link, again", ["claims", "link"]),
        ("report", ["report", "-o", "{out}/r1"]),
        ("report, again", ["report", "-o", "{out}/r2"]),
        (f"check {page.name}", ["check", str(page), "--accessed", "2026-12-01"]),
        (f"check {page.name}, again", ["check", str(page), "--accessed", "2026-12-01"]),
    ]
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in steps}
    print(f"load average {os.getloadavg()[0]:.1f} before")
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            lib = Path(tmp) / "library"
            shutil.copytree(ROOT / "library", lib, ignore=shutil.ignore_patterns("*.lock", ".index"))
            for name, argv in steps:
                figures[name].append(cpu_of(lib, *[a.format(out=tmp) for a in argv]))
    for name, runs in figures.items():
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        print(f"{name:40} {cpu:6.2f} CPU-s  {wall:6.2f} s wall   (CPU: {', '.join(f'{c:.2f}' for c, _ in runs)})")
    print(f"load average {os.getloadavg()[0]:.1f} after")


if __name__ == "__main__":
    main()
