"""The benchmark suite: every stage of ketalit at N records, with wall time and peak memory, against Biopython.

    python bench/run.py                     # N = 1,000, 10,000 and 50,000 (30-60 minutes on 2 shared cores)
    python bench/run.py 5000                # one size
    python bench/run.py --src DIR 50000     # the ketalit of another source tree (DIR/src), to compare

For each N it builds bench/out/pubmed_N.xml (bench/make_library.py) and measures, each in a fresh process:
Biopython's Entrez.read of the file alone (the floor), `ketalit import` of it into a new library, the first
`ketalit search` after the import, single-record commands (`show`, `note`, `screen`, `tag ID --add`, each on
RECORDS records spread over the library: median and range), opening the library, `ketalit stats`, `ketalit screen
next`, `ketalit tag --all`, `ketalit claims link` (the shipped pages' claims catalogue), search latency (p50/p95
over a fixed set of queries, in-process and warm) and the whole `ketalit search` command, `ketalit export bibtex`,
`ketalit report`, and `ketalit --help` start-up. Every command is timed whole, start-up included. Peak memory is the
largest maximum resident set size of the process and its worker processes (parsing and tagging run on every core);
CPU time (user + system) is theirs added up, beside the wall time, since a shared machine stretches wall time.
Prints Markdown tables.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
RECORDS = 5  # single-record commands are timed on this many records
ENV = dict(os.environ)
QUERIES = [
    "ketamine",
    "intranasal ketamine",
    '"respiratory depression"',
    "route:intranasal outcome:onset design:rct",
    "nebulized OR nebulised",
    "(route:inhaled OR route:intranasal) NOT design:narrative_review",
    "author:motov year:2010..2020",
    "crps infusion long-term",
    "opioid consumption postoperative design:meta_analysis",
    "cystitis OR uropathy",
    "hallucinations emergence",
    "setting:emergency_department pain",
]

SEARCH_SCRIPT = """
import json, sys, time
from ketalit.library import Library
from ketalit.search import SearchIndex
from ketalit.tagging.tagger import default_vocabulary
lib = Library.open(sys.argv[1])
t = time.perf_counter(); index = SearchIndex.for_library(lib); load = time.perf_counter() - t
vocab = default_vocabulary()
known = {a: vocab.ids(a) for a in ("route", "outcome", "design", "setting")}
queries = json.loads(sys.argv[2])
for q in queries:
    index.search(q, known_tags=known)  # warm
lat = []
for _ in range(5):
    for q in queries:
        t = time.perf_counter(); index.search(q, known_tags=known); lat.append(time.perf_counter() - t)
lat.sort()
print(json.dumps({"index_load": load, "p50": lat[len(lat) // 2], "p95": lat[int(len(lat) * 0.95)]}))
"""

OPEN_SCRIPT = """
import sys, time
t = time.perf_counter()
from ketalit.library import Library
lib = Library.open(sys.argv[1]); n = sum(1 for _ in lib.iter_records())
print(time.perf_counter() - t)
"""

PARSE_SCRIPT = """
import sys
from Bio import Entrez
with open(sys.argv[1], "rb") as fh:
    data = Entrez.read(fh)
print(len(data["PubmedArticle"]))
"""


CPU: list[float] = []  # CPU seconds (user + system) of the last command measured, with its worker processes


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of a command run to completion in its own process (its CPU seconds
    go to CPU). The resource usage wait4 reports covers the worker processes the command waited for. The command
    runs in a process group of its own, which is stopped whole (its worker processes too) if this one is interrupted
    (Ctrl-C, or SIGTERM after ``stop_on_sigterm``)."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, env=env or ENV, start_new_session=True
        )
        try:
            out = proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            raise
        wall = time.perf_counter() - t
        if status != 0:
            err.seek(0)
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err.read().decode()[-2000:]}")
    CPU[:] = [usage.ru_utime + usage.ru_stime]
    return wall, usage.ru_maxrss / 1024, out.decode()


def stop_on_sigterm() -> None:
    """SIGTERM interrupts this script as Ctrl-C does, so that ``measure`` stops the command it runs."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def cpu() -> str:
    return f"CPU {CPU[0]:.2f} s"


def ketalit(lib: Path, *args: str) -> list[str]:
    return [PY, "-m", "ketalit", "--library", str(lib), *args]


def per_record(lib: Path, n: int, *args: str) -> tuple[str, str]:
    """A single-record command timed on RECORDS records spread over the library (ID in ``args`` is replaced by
    each one's PMID): 'median s (min-max)', and the largest peak RSS."""
    times, cpus, peak = [], [], 0.0
    for k in range(RECORDS):
        pmid = str(60_000_000 + (n - 1) * (2 * k + 1) // (2 * RECORDS))
        wall, rss, _ = measure(ketalit(lib, *[pmid if a == "ID" else a for a in args]))
        times.append(wall)
        cpus.append(CPU[0])
        peak = max(peak, rss)
    times.sort()
    cpus.sort()
    mid = len(times) // 2
    return f"{times[mid]:.2f} s ({times[0]:.2f}-{times[-1]:.2f}; CPU {cpus[mid]:.2f} s)", f"{peak:,.0f}"


def pubmed_xml(n: int) -> Path:
    """bench/out/pubmed_N.xml, built by make_library.py if it is not there yet."""
    xml = OUT / f"pubmed_{n}.xml"
    if not xml.exists():
        OUT.mkdir(exist_ok=True)
        subprocess.run([PY, str(HERE / "make_library.py"), str(n)], check=True, capture_output=True, env=ENV)
    return xml


def run(n: int) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []

    def command(label: str, *args: str, digits: int = 1, rate: bool = False) -> None:
        """One whole ketalit command on the library timed: a row of its wall and CPU seconds and peak RSS."""
        wall, rss, _ = measure(ketalit(lib, *args))
        per = f"{n / wall:,.0f} rec/s; " if rate else ""
        rows.append((label, f"{wall:.{digits}f} s ({per}{cpu()})", f"{rss:,.0f}"))

    xml = pubmed_xml(n)
    lib = OUT / f"bench_lib_{n}{'_' + Path(ENV['PYTHONPATH']).parent.name if 'PYTHONPATH' in ENV else ''}"
    shutil.rmtree(lib, ignore_errors=True)
    subprocess.run(ketalit(lib, "init"), check=True, capture_output=True, env=ENV)
    shutil.copy(ROOT / "library" / "claims.toml", lib / "claims.toml")
    shutil.copytree(ROOT / "library" / "sources", lib / "sources")

    wall, rss, _ = measure([PY, "-c", PARSE_SCRIPT, str(xml)])
    parse = wall
    floor = f"{wall:.1f} s ({n / wall:,.0f} rec/s; {cpu()})"
    rows.append(("Biopython Entrez.read alone (floor)", floor, f"{rss:,.0f}"))
    wall, rss, _ = measure(ketalit(lib, "import", str(xml)))
    rows.append(
        (
            "`ketalit import` (parse, tag, store)",
            f"{wall:.1f} s ({n / wall:,.0f} rec/s; {wall / parse:.2f}x the floor; {cpu()})",
            f"{rss:,.0f}",
        )
    )
    command(
        "first `ketalit search` after the import, whole command", "search", "intranasal ketamine", "--ids", digits=2
    )
    for label, args in (
        ("`ketalit show ID`", ("show", "ID")),
        ("`ketalit note ID TEXT`", ("note", "ID", "dose checked against the full text")),
        ("`ketalit screen ID include`", ("screen", "ID", "include", "--reviewer", "ann")),
        ("`ketalit tag ID --add route:oral`", ("tag", "ID", "--add", "route:oral")),
    ):
        t, mem = per_record(lib, n, *args)
        rows.append((f"{label}, whole command ({RECORDS} records: median, range)", t, mem))
    wall, rss, out = measure([PY, "-c", OPEN_SCRIPT, str(lib)])
    rows.append(("library open (load every record), in-process", f"{float(out):.2f} s", f"{rss:,.0f}"))
    command("`ketalit stats` (reads every record)", "stats", digits=2)
    measure(ketalit(lib, "screen", "60000003", "exclude", "--reason", "wrong population", "--reviewer", "ann"))
    command("`ketalit screen next` (refits on the whole pool)", "screen", "next", "--reviewer", "ann")
    command("`ketalit tag --all`", "tag", "--all", rate=True)
    wall, rss, _ = measure(ketalit(lib, "claims", "link"))
    claims = (lib / "claims.toml").read_text().count("\n[[claim]]")
    rows.append((f"`ketalit claims link` ({claims} claims), first run", f"{wall:.1f} s ({cpu()})", f"{rss:,.0f}"))
    command("`ketalit claims link` again", "claims", "link")
    wall, rss, out = measure([PY, "-c", SEARCH_SCRIPT, str(lib), json.dumps(QUERIES)])
    s = json.loads(out)
    rows.append(
        (
            "search latency, warm, in-process (12 queries x 5)",
            f"p50 {s['p50'] * 1000:.0f} ms, p95 {s['p95'] * 1000:.0f} ms (index load {s['index_load']:.2f} s)",
            f"{rss:,.0f}",
        )
    )
    command(
        "`ketalit search ...` whole command", "search", "route:intranasal outcome:onset design:rct", "--ids", digits=2
    )
    command("`ketalit export bibtex` (all records)", "export", "bibtex", "-o", str(lib / "all.bib"))
    command("`ketalit report`", "report", "-o", str(lib / "report"))
    return rows


def main() -> None:
    stop_on_sigterm()
    args = sys.argv[1:]
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return
    if args[:1] == ["--src"]:
        ENV["PYTHONPATH"] = str(Path(args[1]).resolve() / "src")
        args = args[2:]
    sizes = [int(a) for a in args] or [1_000, 10_000, 50_000]
    OUT.mkdir(exist_ok=True)
    # Byte-compile the source measured, as an installed package is: with PYTHONDONTWRITEBYTECODE set, every command
    # would otherwise compile ketalit's modules afresh (about 0.04 s of each start-up).
    src = Path(ENV["PYTHONPATH"]) if "PYTHONPATH" in ENV else ROOT / "src"
    subprocess.run([PY, "-m", "compileall", "-q", str(src)], check=True, capture_output=True, env=ENV)
    runs = []
    for _ in range(5):
        wall, rss, _ = measure([PY, "-m", "ketalit", "--help"])
        runs.append((wall, CPU[0]))
    best = min(runs)
    print(f"`ketalit --help` start-up: {best[0]:.2f} s (best of 5; CPU {best[1]:.2f} s), peak {rss:,.0f} MB\n")
    for n in sizes:
        print(f"### {n:,} records ({time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f})\n")
        print("| stage | time | peak RSS (MB) |\n| --- | --- | --- |")
        for stage, t, mem in run(n):
            print(f"| {stage} | {t} | {mem} |", flush=True)
        print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}\n")


if __name__ == "__main__":
    main()
