"""What a single-record command pays when the page cache is cold: `ketalit show ID` timed warm, with the library's
files dropped from the page cache, and with Python's and ketalit's code dropped from it.

    python bench/cold_start.py LIBRARY ID [--rounds K]     # PYTHONPATH=OTHER/src: another source tree

Each round (default 5) runs the command warm (after a run that fills the cache), then after asking the kernel to
drop the library's files from the page cache, then after asking it to drop every file of the standard library,
the installed packages and ketalit's source (``posix_fadvise(DONTNEED)``: the files are read from disk again by the
next process that needs them; nothing else changes). Prints min and median wall time of each, and how many modules
the command imports and how large their files are.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sysconfig
from pathlib import Path

from run import PY, ROOT, ketalit, measure

COUNT = """
import os, runpy, sys, importlib.util
sys.argv = ["ketalit", *sys.argv[1:]]
try:
    runpy.run_module("ketalit", run_name="__main__")
except SystemExit:
    pass
files = [m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
paths = [importlib.util.cache_from_source(f) if f.endswith(".py") else f for f in files]
size = sum(os.path.getsize(p) for p in paths if os.path.exists(p))
print(len(files), size, file=sys.stderr)
"""


def evict(*folders: Path) -> None:
    for folder in folders:
        for dirpath, _, names in os.walk(folder):
            for name in names:
                try:
                    fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library", type=Path, help="the library's folder")
    ap.add_argument("id", help="a record's PMID, DOI or citation key")
    ap.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    args = ap.parse_args()
    lib, ident, rounds = args.library, args.id, args.rounds
    cmd = ketalit(lib, "show", ident)
    paths = sysconfig.get_paths()
    code = {Path(paths[k]) for k in ("stdlib", "platstdlib", "purelib", "platlib")} | {ROOT / "src"}
    code |= {Path(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p}  # a source tree measured
    got: dict[str, list[float]] = {"warm": [], "library cold": [], "code cold": []}
    for _ in range(rounds):
        measure(cmd)  # fills the page cache
        got["warm"].append(measure(cmd)[0])
        evict(lib)
        got["library cold"].append(measure(cmd)[0])
        evict(*code)
        got["code cold"].append(measure(cmd)[0])
    print(f"`ketalit show {ident}`, {rounds} rounds, load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| page cache | min | median |\n| --- | --- | --- |")
    for name, times in got.items():
        print(f"| {name} | {min(times):.3f} s | {statistics.median(times):.3f} s |")
    out = subprocess.run([PY, "-c", COUNT, *cmd[3:]], check=True, capture_output=True, text=True).stderr.split()
    print(f"\nModules imported: {out[-2]}, their files {int(out[-1]) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
