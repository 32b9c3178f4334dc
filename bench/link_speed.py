"""What a link of every claim of the shipped library costs from scratch (no judgement kept from an earlier link), in
process, and what it writes:

    python bench/link_speed.py [--rounds K] [--keep DIR]      # PYTHONPATH=OTHER/src: another source tree

Each round links a fresh copy of one template: the shipped library with its search index and every record's
embedding made beforehand (as a library that was searched or linked before has them), so that the figure is the
link itself: retrieval, reading each candidate's findings, the evidence engine's stances, the verdicts, the write.
Prints the CPU seconds (the process's user + system) and wall seconds of each round, their median and the machine's
load average. ``--keep DIR``: the last round's linked library is copied to DIR, to compare what two source trees
write (``claims.json`` and the records' stored findings, apart from the time stamps).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="copy the last round's linked library here")
    args = parser.parse_args()

    from ketalit.claims.store import link_all
    from ketalit.library import Library
    from ketalit.search.index import SearchIndex

    print(f"load average {os.getloadavg()[0]:.1f} before; ketalit from {sys.modules['ketalit'].__file__}")
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        shutil.copytree(ROOT / "library", template, ignore=shutil.ignore_patterns("*.lock", ".index"))
        lib = Library.open(template)
        index = SearchIndex.for_library(lib)
        try:
            index.similarity("", lib)  # the index and every record's embedding, as linking first makes them
        finally:
            index.close()
        runs = []
        for k in range(args.rounds):
            copy = Path(tmp) / f"round{k}"
            shutil.copytree(template, copy)
            before, started = time.process_time(), time.perf_counter()
            link_all(Library.open(copy))
            cpu, wall = time.process_time() - before, time.perf_counter() - started
            runs.append((cpu, wall))
            print(f"round {k + 1}: {cpu:.2f} CPU-s, {wall:.2f} s wall")
            if args.keep and k == args.rounds - 1:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(copy, args.keep)
            shutil.rmtree(copy)
    print(
        f"link of the shipped library: median {statistics.median(c for c, _ in runs):.2f} CPU-s, "
        f"{statistics.median(w for _, w in runs):.2f} s wall; load average {os.getloadavg()[0]:.1f} after"
    )


if __name__ == "__main__":
    main()
