"""The cost of each pure per-record step, on one core: what a distributed run over PubMed's baseline would pay.

    python bench/per_record_costs.py [N]      # N records of bench/out/pubmed_N.xml (default 10,000; built if absent)

Each step runs in this one process over the same N records, in the order an import and a claim link run them:
parse (Biopython's Entrez.read of the XML and ketalit's conversion into a record), normalise, tag, the search
index's words and columns (``search.store.entry``), and findings (``claims.findings.read_record``, which claim
linking runs on each candidate). Prints milliseconds per record and records per second per core, the sizes of a
record as XML and as stored, and the load average (the machine is shared: wall time is only an estimate of CPU time,
so CPU time is printed too).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "src"))

from ketalit.claims.findings import read_record  # noqa: E402
from ketalit.formats.pubmed import _parse_serial  # noqa: E402
from ketalit.library.db import split  # noqa: E402
from ketalit.records import no_gc, normalise  # noqa: E402
from ketalit.search.store import entry  # noqa: E402
from ketalit.tagging.tagger import default_tagger  # noqa: E402


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    xml = OUT / f"pubmed_{n}.xml"
    if not xml.exists():
        OUT.mkdir(exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_library.py"), str(n)], check=True)
    data = xml.read_bytes()
    tagger = default_tagger()
    rows = []
    with no_gc():
        records, wall, cpu = timed(lambda: _parse_serial(data, xml.name))
        rows.append(("parse (Entrez.read and conversion)", wall, cpu))
        _, wall, cpu = timed(lambda: [normalise(r) for r in records])
        rows.append(("normalise", wall, cpu))
        records, wall, cpu = timed(lambda: [tagger.apply(r) for r in records])
        rows.append(("tag", wall, cpu))
        _, wall, cpu = timed(lambda: [entry(r) for r in records])
        rows.append(("search index words and columns", wall, cpu))
        readings, wall, cpu = timed(lambda: [read_record(r) for r in records])
        rows.append(("findings", wall, cpu))
    count = len(records)
    print(f"{count:,} records of {xml.name}, one core, load average {os.getloadavg()[0]:.1f}\n")
    print("| step | ms per record (wall) | ms per record (CPU) | records/s per core (CPU) |")
    print("| --- | --- | --- | --- |")
    for name, wall, cpu in rows:
        print(f"| {name} | {wall / count * 1000:.2f} | {cpu / count * 1000:.2f} | {count / cpu:,.0f} |")
    total_wall, total_cpu = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"| all | {total_wall / count * 1000:.2f} | {total_cpu / count * 1000:.2f} | {count / total_cpu:,.0f} |")
    stored = [
        len(orjson.dumps(split({**r, "findings": g.as_dict()})[0])) for r, g in zip(records, readings, strict=True)
    ]
    print(
        f"\nA record: {len(data) / count / 1024:.1f} KiB of PubMed XML, {sum(stored) / count / 1024:.1f} KiB stored "
        "(with tags, tag reasons and findings, compact JSON)"
    )


if __name__ == "__main__":
    main()
