"""`ketalit import` against Biopython's parse of the same file, in interleaved pairs, for a ratio that noise on a
shared machine moves less than a single pair does.

    python bench/import_ratio.py [N] [--pairs K] [--src DIR ...]

Builds bench/out/pubmed_N.xml (N = 50,000 by default) if need be, then runs K rounds (default 3). Each round runs,
each in a fresh process, Biopython's Entrez.read of the file (the floor) and `ketalit import` of it into a new library
for each source tree given (``--src DIR``: the ketalit of DIR/src, e.g. main's worktree against this one; default:
this tree), in an order that alternates between rounds. Prints every run, then per command the min and median of
wall and CPU time (user + system, worker processes included), and the import's ratio to the floor three ways: min to
min, median to median, and the median of each round's own ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from run import CPU, OUT, PARSE_SCRIPT, PY, ROOT, measure, pubmed_xml, stop_on_sigterm


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=50_000, help="records (default 50,000)")
    ap.add_argument("--pairs", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--src", type=Path, action="append", default=[], help="a source tree to measure (repeatable)")
    args = ap.parse_args()
    stop_on_sigterm()
    n, pairs = args.n, args.pairs
    srcs = [s.resolve() for s in args.src] or [ROOT]
    xml = pubmed_xml(n)
    for src in srcs:
        subprocess.run([PY, "-m", "compileall", "-q", str(src / "src")], check=True, capture_output=True)
    runs: dict[str, list[tuple[float, float]]] = {}
    parse_cmd = [PY, "-c", PARSE_SCRIPT, str(xml)]
    commands: list[tuple[str, list[str], dict[str, str], Path | None]] = [("parse", parse_cmd, {}, None)]
    for k, src in enumerate(srcs):
        lib = OUT / f"ratio_lib_{k}"
        env = {**os.environ, "PYTHONPATH": str(src / "src")}
        cmd = [PY, "-m", "ketalit", "--library", str(lib), "import", str(xml)]
        commands.append((f"import {src.name}", cmd, env, lib))
    print(f"{n:,} records, {pairs} rounds ({time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f})\n")
    print("| round | command | wall s | CPU s | load |\n| --- | --- | --- | --- | --- |")
    ratios: dict[str, list[float]] = {}
    for r in range(pairs):
        order = commands if r % 2 == 0 else commands[::-1]
        this: dict[str, float] = {}
        for name, cmd, env, lib in order:
            if lib is not None:
                shutil.rmtree(lib, ignore_errors=True)
                subprocess.run([*cmd[:5], "init"], check=True, capture_output=True, env=env)
            wall, _, _ = measure(cmd, env or None)
            runs.setdefault(name, []).append((wall, CPU[0]))
            this[name] = wall
            print(f"| {r + 1} | {name} | {wall:.1f} | {CPU[0]:.1f} | {os.getloadavg()[0]:.1f} |", flush=True)
        for name in this:
            if name != "parse":
                ratios.setdefault(name, []).append(this[name] / this["parse"])
    print("\n| command | wall min | wall median | CPU min | CPU median |\n| --- | --- | --- | --- | --- |")
    for name, got in runs.items():
        walls, cpus = [w for w, _ in got], [c for _, c in got]
        print(
            f"| {name} | {min(walls):.1f} | {statistics.median(walls):.1f} | {min(cpus):.1f} | "
            f"{statistics.median(cpus):.1f} |"
        )
    parse = [w for w, _ in runs["parse"]]
    print("\n| import | min / min | median / median | median of each round's ratio |\n| --- | --- | --- | --- |")
    for name, rs in ratios.items():
        walls = [w for w, _ in runs[name]]
        print(
            f"| {name} | {min(walls) / min(parse):.2f}x | {statistics.median(walls) / statistics.median(parse):.2f}x "
            f"| {statistics.median(rs):.2f}x |"
        )


if __name__ == "__main__":
    main()
