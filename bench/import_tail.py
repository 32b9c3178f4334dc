"""The part of an import that comes after the last record is parsed: the commit (writing the files of records and
the id map, with the search index brought up to date beside it) and any index update after the commit.

    python bench/import_tail.py [N] [--rounds K]    # then, to compare: PYTHONPATH=OTHER/src python bench/...

Imports bench/out/pubmed_N.xml (N = 10,000 by default; built by make_library.py if need be) into a new library K
times (default 3), in this process, and prints for each the whole import, the commit, the index update after it,
and the CPU time of this process (all its threads) and of its worker processes; then min and median.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import time
from pathlib import Path

from run import OUT, pubmed_xml

from ketalit.importer import import_files
from ketalit.library import Library


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000, help="records (default 10,000)")
    ap.add_argument("--rounds", type=int, default=3, help="imports to time (default 3)")
    args = ap.parse_args()
    n, rounds = args.n, args.rounds
    xml = pubmed_xml(n)
    spent: dict[str, float] = {}

    def timed(name: str) -> None:
        real = getattr(Library, name)

        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return real(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

        setattr(Library, name, wrapper)

    timed("_commit")
    timed("_after_commit")
    import ketalit

    print(f"{n:,} records, ketalit from {Path(ketalit.__file__).parent}\n")
    print("| round | import | commit | index after it | tail | CPU this process | CPU workers |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    tails, totals = [], []
    for r in range(rounds):
        lib = OUT / "tail_lib"
        shutil.rmtree(lib, ignore_errors=True)
        spent.clear()
        before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        import_files(Library.init(lib), [xml])
        total = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = [a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before, strict=True)]
        commit, index = spent.get("_commit", 0.0), spent.get("_after_commit", 0.0)
        tails.append(commit + index)
        totals.append(total)
        print(
            f"| {r + 1} | {total:.2f} s | {commit:.2f} s | {index:.2f} s | {commit + index:.2f} s | {cpu[0]:.1f} s "
            f"| {cpu[1]:.1f} s |",
            flush=True,
        )
    print(
        f"\ntail: min {min(tails):.2f} s, median {statistics.median(tails):.2f} s; import: min {min(totals):.2f} s, "
        f"median {statistics.median(totals):.2f} s"
    )


if __name__ == "__main__":
    main()
