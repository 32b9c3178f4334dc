"""The storage and index alternatives, measured on a real library: why the library keeps 1,000 records per file and
its search index as postings in SQLite with BM25 computed when searching.

    python bench/storage_alternatives.py DIR      # DIR: a library, e.g. bench/out/bench_lib_50000 after bench/run.py

Prints, for the records of DIR:

- files of records of 250 / 500 / 1,000 / 2,000 / 5,000 records, and one file of all (the single-file library):
  the time to read the file holding one record (what `show` pays), to dump one and write it back with its fsync
  (what `tag ID --add` pays), and to write all of them (what an import of the whole library pays);
- the id map: one file for every kind of identifier, or one file per kind (what `show PMID` reads);
- the search index: bm25s built from scratch (the earlier index, rebuilt on the first search after every change),
  SQLite's FTS5 (ranks with its own BM25: k1 = 1.2, and an idf that differs from bm25s's), and the index kept here
  (postings per segment, BM25 as bm25s computes it): the time to index every record and to add one, the time of a
  query, and how far FTS5's top 20 differs from bm25s's.

Parsing, dumping, indexing and querying are timed in CPU time, which a busy machine changes little; what includes
writing to disk is timed in wall time.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ketalit.library import Library  # noqa: E402
from ketalit.library.db import split  # noqa: E402
from ketalit.library.storage import dump_tables, write_temp  # noqa: E402
from ketalit.search.store import entry  # noqa: E402
from ketalit.search.text import tokenize  # noqa: E402

QUERIES = [
    "ketamine",
    "intranasal ketamine",
    "respiratory depression",
    "nebulized OR nebulised",
    "crps infusion long-term",
    "opioid consumption postoperative",
    "hallucinations emergence",
    "emergency department pain",
]


def timed(fn, repeat: int = 1, clock=time.perf_counter) -> float:
    """Median seconds of ``fn()`` over ``repeat`` runs (wall time, or CPU time with ``clock=time.process_time``)."""
    times = []
    for _ in range(repeat):
        t = clock()
        fn()
        times.append(clock() - t)
    return statistics.median(times)


CPU = time.process_time  # what parsing and dumping cost, whatever the load of the machine


def files_of_records(rows: dict[int, dict], size: int, folder: Path) -> list[tuple[Path, dict]]:
    folder.mkdir(parents=True, exist_ok=True)
    shards: dict[int, dict[str, dict]] = {}
    for i, row in rows.items():
        shards.setdefault((i - 1) // size, {})[str(i)] = row
    out = []
    for k, part in sorted(shards.items()):
        path = folder / f"{k:04d}.json"
        path.write_bytes(dump_tables({"records": part}))
        out.append((path, part))
    return out


def write_with_fsync(path: Path, data: bytes) -> None:
    os.replace(write_temp(path, data), path)


def storage(rows: dict[int, dict], work: Path) -> None:
    print(
        "| records per file | files | size of one | read the file of one record (CPU) "
        "| write it back: dump (CPU) and fsync (wall) | write every file (wall) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for size in (250, 500, 1000, 2000, 5000, len(rows)):
        folder = work / f"s{size}"
        files = files_of_records(rows, size, folder)
        middle, part = files[len(files) // 2]
        data = middle.read_bytes()
        read = timed(lambda p=middle: orjson.loads(p.read_bytes()), 9, CPU)
        dump = timed(lambda t=part: dump_tables({"records": t}), 9, CPU)
        write = timed(lambda p=middle, d=data: write_with_fsync(p, d), 9)
        whole = timed(lambda f=files: [write_with_fsync(p, dump_tables({"records": t})) for p, t in f])
        label = f"{size:,}" + (" (one file)" if size == len(rows) else "")
        print(
            f"| {label} | {len(files)} | {len(data) / 2**20:.1f} MiB | {read * 1000:.0f} ms "
            f"| {dump * 1000:.0f} ms + {write * 1000:.0f} ms | {whole:.2f} s |"
        )
        shutil.rmtree(folder)


def idmap(lib: Library) -> None:
    ids = lib.root / "ids"
    kinds = {p.stem: p.read_bytes() for p in sorted(ids.glob("*.json"))}
    one = b"{" + b",".join(orjson.dumps(k) + b":" + v for k, v in kinds.items()) + b"}"
    print("\n| id map | bytes read by `show PMID` | parse (CPU) |\n| --- | --- | --- |")
    print(f"| one file, every kind | {len(one):,} | {timed(lambda: orjson.loads(one), 9, CPU) * 1000:.0f} ms |")
    pmid = kinds["pmid"]
    print(f"| one file per kind (kept) | {len(pmid):,} | {timed(lambda: orjson.loads(pmid), 9, CPU) * 1000:.0f} ms |")


def index(lib: Library, recs: list[tuple[int, dict]], work: Path) -> None:
    import bm25s

    from ketalit.search import SearchIndex

    print(
        "\n| index | index every record (CPU) | add one record (wall, written to disk) | query (CPU, median of 8) |"
        "\n| --- | --- | --- | --- |"
    )
    t = CPU()
    texts = [entry(r)["text"].split() or [""] for _, r in recs]
    tokenized = CPU() - t
    retriever = bm25s.BM25()
    t = CPU()
    retriever.index(texts, show_progress=False)
    built = CPU() - t
    q_tokens = [[t for t in tokenize(q.replace(" OR ", " ")) if t in retriever.vocab_dict] for q in QUERIES]
    query = statistics.median(timed(lambda q=q: retriever.get_scores(q), clock=CPU) for q in q_tokens if q)
    print(
        f"| bm25s, from scratch (the earlier index) | {tokenized + built:.1f} s (words {tokenized:.1f} s) "
        f"| {tokenized + built:.1f} s (all again) | {query * 1000:.1f} ms |"
    )

    conn = sqlite3.connect(work / "fts.sqlite")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize = 'unicode61 tokenchars ''_''')")
    t = CPU()
    with conn:
        conn.executemany("INSERT INTO fts (rowid, text) VALUES (?, ?)", ((i, " ".join(w)) for i, w in enumerate(texts)))
    fts_build = CPU() - t
    t = time.perf_counter()
    with conn:
        conn.execute("INSERT INTO fts (rowid, text) VALUES (?, ?)", (len(texts), " ".join(texts[0])))
    fts_one = time.perf_counter() - t
    overlaps, fts_times = [], []
    for tokens in q_tokens:
        if not tokens:
            continue
        match = " OR ".join(f'"{t}"' for t in dict.fromkeys(tokens))
        t = CPU()
        got = [
            r[0] for r in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 20", (match,))
        ]
        fts_times.append(CPU() - t)
        scores = retriever.get_scores(tokens)
        want = [int(i) for i in scores.argsort()[::-1][:20]]
        overlaps.append(len(set(got) & set(want)) / 20)
    print(
        f"| SQLite FTS5 (its own BM25) | {tokenized + fts_build:.1f} s | {fts_one * 1000:.0f} ms "
        f"| {statistics.median(fts_times) * 1000:.1f} ms; top 20 shares {statistics.mean(overlaps):.0%} with bm25s's |"
    )
    conn.close()

    shutil.rmtree(lib.root / ".index", ignore_errors=True)
    t = CPU()
    kept = SearchIndex.for_library(Library.open(lib.root))
    kept_build = CPU() - t
    kept_query = statistics.median(timed(lambda q=q: kept.scores(q), clock=CPU) for q in q_tokens if q)
    kept.close()
    from ketalit.curation import edit_record

    first = recs[0][1]
    t = time.perf_counter()
    edit_record(Library.open(lib.root), first["pmid"], ["keywords=respiratory depression"])
    one = time.perf_counter() - t
    print(
        f"| postings in SQLite, BM25 when searching (kept) | {kept_build:.1f} s | {one:.2f} s (the whole edit) "
        f"| {kept_query * 1000:.1f} ms (words' postings read from disk) |"
    )


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    source = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(dir=ROOT / "bench" / "out") as tmp:
        work = Path(tmp)
        copy = work / "library"
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".index", "*.lock", "*.bak"))
        lib = Library.open(copy)
        recs = list(lib.iter_records())
        rows = {i: split(r)[0] for i, r in recs}
        print(f"{len(rows):,} records, load average {os.getloadavg()[0]:.1f}\n")
        storage(rows, work)
        idmap(lib)
        index(lib, recs, work)


if __name__ == "__main__":
    main()
