"""`ketalit --help` start-up: wall time (best of N runs, each a fresh process) and how many modules it imports.

    python bench/startup.py                  # this checkout
    python bench/startup.py --src OTHER/src  # another checkout's package, e.g. to compare with main

The command line imports the Python API (``ketalit.api``) at start-up; the API imports what a command needs only
when the command runs, so `--help` must stay as quick as before the API existed (about 0.2 s on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(src: Path, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ketalit", *args], env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def modules(src: Path) -> int:
    code = (
        "import sys, runpy\nsys.argv = ['ketalit', '--help']\n"
        "try:\n    runpy.run_module('ketalit', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(len(sys.modules), file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return int(out.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the package's source folder")
    parser.add_argument("-n", type=int, default=10, help="runs (the best is reported)")
    opts = parser.parse_args()
    run(opts.src, ["--help"])  # warm the file cache
    times = sorted(run(opts.src, ["--help"]) for _ in range(opts.n))
    print(
        f"`ketalit --help` from {opts.src}: best {times[0]:.3f} s, median {times[len(times) // 2]:.3f} s "
        f"over {opts.n} runs; {modules(opts.src)} modules imported"
    )


if __name__ == "__main__":
    main()
