"""`ketalit --help` start-up: wall time (best of N runs, each a fresh process) and how many modules it imports.

    python bench/startup.py                                   # this checkout
    python bench/startup.py --src src --src ../main/src       # two checkouts, runs interleaved (fair on a busy machine)

Each command imports the Python API (``ketalit.api``) when it runs, and the API imports what a command needs only
inside the function that needs it, so `--help` must stay as quick as before the API existed (about 0.2 s on 2
cores).
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
    parser.add_argument("--src", type=Path, action="append", help="a package's source folder (repeatable)")
    parser.add_argument("-n", type=int, default=10, help="runs of each (the best and the median are reported)")
    opts = parser.parse_args()
    sources = opts.src or [ROOT / "src"]
    times: dict[Path, list[float]] = {src: [] for src in sources}
    for src in sources:
        run(src, ["--help"])  # warm the file cache
    for _ in range(opts.n):
        for src in sources:
            times[src].append(run(src, ["--help"]))
    for src, ts in times.items():
        ts.sort()
        print(
            f"`ketalit --help` from {src}: best {ts[0]:.3f} s, median {ts[len(ts) // 2]:.3f} s over {opts.n} runs; "
            f"{modules(src)} modules imported"
        )


if __name__ == "__main__":
    main()
