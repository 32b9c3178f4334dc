"""The search index is kept up to date as records change: searching never rebuilds it, an index brought up to date
change by change ranks exactly as one built from scratch, and a stale, damaged or missing index catches up."""

from __future__ import annotations

import shutil
import signal
import subprocess
import textwrap
from pathlib import Path

import numpy as np
import orjson
import pytest

from ketalit.curation import edit_record, remove_records
from ketalit.duplicates import merge_records
from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.search import SearchIndex, search_library, tokenize
from ketalit.search.store import MAX_SEGMENTS, connect, indexed_shards
from ketalit.userfields import add_note, set_citekey, set_manual_tags

from conftest import FIXTURES, NCBI, Forked, cli_error, files_read, run_cli

QUERIES = [
    "ketamine",
    "intranasal ketamine",
    '"respiratory depression"',
    "route:intranasal design:rct",
    "nebulized OR nebulised",
    "ketamin*",
    "pain[tiab]",
    '"acute pain"[ti]',
    "analgesics[mh]",
    "randomized controlled trial[pt]",
    "author:motov",
    "title:ketamine year:2010..2024",
    "emergen* NOT child*",
    "citekey:2019",
]


def everything(lib: Library) -> dict:
    """What searching the library gives: every query's results with scores, and raw BM25 scores for some words."""
    index = SearchIndex.for_library(lib)
    out = {q: index.search(q, limit=None) for q in QUERIES}
    out["scores"] = index.scores(tokenize("ketamine pain intranasal children emergency dose")).tolist()
    out["ids"] = index.ids.tolist()
    index.close()
    return out


def rebuilt(lib: Library, tmp: Path) -> dict:
    copy = tmp / "rebuilt"
    shutil.copytree(lib.root, copy, ignore=shutil.ignore_patterns(".index"))
    index = SearchIndex.for_library(Library.open(copy), rebuild=True)
    index.close()
    return everything(Library.open(copy))


@pytest.fixture
def library(shipped_copy: Path, tmp_path: Path) -> Library:
    dest = tmp_path / "library"
    shutil.copytree(shipped_copy, dest, ignore=shutil.ignore_patterns(".index"))
    return Library.open(dest)


def test_writes_keep_the_index_current_and_searching_reads_no_record(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_files(library, [NCBI / "pubmed2.xml", FIXTURES / "quirks.pubmed.xml"])
    on_disk = connect(library.root / ".index")
    assert indexed_shards(on_disk) == Library.open(library.root).shard_generations()  # before any search

    def no_records(self: Library, k: int) -> None:
        raise AssertionError("searching read a file of records")

    monkeypatch.setattr(Library, "_load_shard", no_records)
    assert [r["pmid"] for r in search_library(Library.open(library.root), "pmid:90000001")] == ["90000001"]


def test_a_fetch_keeps_the_index_current_batch_by_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ketalit.pubmed.eutils import EUtilsClient
    from ketalit.pubmed.fetch import fetch_query

    from eutils_server import Server, default_fake

    lib = Library.init(tmp_path / "lib", shard_size=25)
    with Server(default_fake()) as srv:
        client = EUtilsClient(base_url=srv.url, backoff_base=0.05, timeout=1.0, email="t@x.org", api_key="", rate=50.0)
        report = fetch_query(lib, "ketamine AND pain", batch_size=20, client=client)
    assert report.count > 40  # several batches, each its own commit
    assert indexed_shards(connect(lib.root / ".index")) == Library.open(lib.root).shard_generations()
    expected = rebuilt(lib, tmp_path)

    def no_records(self: Library, k: int) -> None:
        raise AssertionError("searching read a file of records")

    monkeypatch.setattr(Library, "_load_shard", no_records)
    assert everything(Library.open(lib.root)) == expected


def test_an_index_kept_up_to_date_ranks_as_one_built_from_scratch(library: Library, tmp_path: Path) -> None:
    lib = library
    import_files(lib, [NCBI / "pubmed1.xml", NCBI / "pubmed4.xml"])
    first = [r["citekey"] for r in lib.records()]
    edit_record(lib, first[0], ["title=Nebulized ketamine for acute pain in the emergency department"])
    set_manual_tags(lib, first[1], ["route:intranasal", "design:rct"], [])
    set_citekey(lib, first[2], "mine2019ketamine")
    remove_records(lib, [first[3]])
    no_pmid = next(r["citekey"] for r in lib.records() if not r["pmid"])
    merge_records(lib, first[4], no_pmid)
    add_note(lib, first[6], "respiratory depression seen")  # user data: the index has nothing to do
    for i, key in enumerate(first[10 : 12 + MAX_SEGMENTS]):  # one small segment each, then merged
        edit_record(lib, key, [f"keywords=respiratory depression, dose {i}"])
    import_files(lib, [NCBI / "pubmed6.xml", FIXTURES / "quirks.pubmed.xml"])
    conn = connect(lib.root / ".index")
    segments = conn.execute("SELECT count(DISTINCT seg) FROM docs").fetchone()[0]
    assert segments <= MAX_SEGMENTS + 1  # small segments were merged
    kept = everything(Library.open(lib.root))
    assert kept == rebuilt(lib, tmp_path)  # same results, same scores to the last bit
    assert any(r["title"].startswith("Nebulized ketamine for acute") for r in kept["nebulized OR nebulised"])


def test_postings_numbered_a_few_records_at_a_time_are_those_of_one_pass(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The words of a large commit are numbered many records at a time: where those groups end changes nothing.
    import ketalit.search.store as store

    import_files(library, [NCBI / "pubmed1.xml", NCBI / "pubmed4.xml", NCBI / "pubmed6.xml"])
    whole = _index_tables(library.root)
    monkeypatch.setattr(store, "_POSTINGS_CHUNK", 3)
    grouped = rebuilt(library, tmp_path)
    assert _index_tables(tmp_path / "rebuilt")["postings"] == whole["postings"]
    assert grouped == everything(library)


def test_a_search_catches_up_with_an_index_left_behind(
    library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lib = Library.init(tmp_path / "small", shard_size=2)
    import_files(lib, [NCBI / "pubmed1.xml", NCBI / "pubmed2.xml", NCBI / "pubmed4.xml", NCBI / "pubmed6.xml"])
    monkeypatch.setattr(Library, "_after_commit", lambda self, changes: None)  # killed right after its commit
    edit_record(lib, "9997", ["title=Ketamine and the flavocytochrome"])
    monkeypatch.undo()
    read = files_read(monkeypatch)
    hits = search_library(Library.open(lib.root), "flavocytochrome ketamine")
    assert [r["pmid"] for r in hits] == ["9997"]
    assert [n for n in read if n.startswith("records/")] == ["records/0000.json"]  # the changed file alone
    monkeypatch.undo()
    assert everything(Library.open(lib.root)) == rebuilt(lib, tmp_path)


@pytest.mark.e2e
def test_a_damaged_or_missing_index_is_made_again(library: Library, runner) -> None:
    expected = search_library(library, "intranasal ketamine", limit=None)
    index_file = library.root / ".index" / "index.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(str(index_file) + suffix).unlink(missing_ok=True)
    index_file.write_bytes(b"this is not a database")
    assert search_library(Library.open(library.root), "intranasal ketamine", limit=None) == expected
    shutil.rmtree(library.root / ".index")
    assert search_library(Library.open(library.root), "intranasal ketamine", limit=None) == expected
    res = run_cli(runner, library.root, "index", "--rebuild", "--json")
    assert res.exit_code == 0, res.stderr
    assert orjson.loads(res.stdout)["records"] == len(library)
    assert search_library(Library.open(library.root), "intranasal ketamine", limit=None) == expected


def test_scores_are_bm25_as_bm25s_computes_them(library: Library) -> None:
    """The Lucene variant that bm25s uses (k1 = 1.5, b = 0.75), computed here from the documents' words."""
    import bm25s

    index = SearchIndex.for_library(library)
    words = [t.split() for t in (r[0] for r in index.conn.execute("SELECT text FROM docs ORDER BY doc_id"))]
    reference = bm25s.BM25()
    reference.index([w or [""] for w in words], show_progress=False)
    for query in ("ketamine pain", "respiratory depression apnea", "intranasal children emergency ketamine ketamine"):
        tokens = [t for t in tokenize(query) if t in index.vocab]
        assert np.array_equal(index.scores(tokens), reference.get_scores(tokens))


def test_stored_findings_are_no_change_to_the_records(library: Library) -> None:
    """Findings stored with a record (claim linking does) leave the records version and the index's rows as they
    were, and the record vectors kept in the index stay valid."""
    index = SearchIndex.for_library(library)
    rows = index.conn.execute("SELECT * FROM docs ORDER BY doc_id").fetchall()
    index.close()
    version = library.records_version()
    with library.transaction():
        for doc_id in (1, 2, 3):
            library.put_derived(doc_id, "findings", {"version": "test", "sentences": [doc_id]})
    lib = Library.open(library.root)
    assert lib.records_version() == version
    assert lib.record(2)["findings"] == {"version": "test", "sentences": [2]}
    index = SearchIndex.for_library(lib)
    assert index.conn.execute("SELECT * FROM docs ORDER BY doc_id").fetchall() == rows
    index.close()
    edit_record(lib, lib.record(4)["citekey"], ["volume=12"])
    assert Library.open(library.root).records_version() == version + 1


def test_record_vectors_are_kept_and_made_again_only_for_changed_words(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ketalit import semantic

    made: list[int] = []
    real = semantic.embed

    def counting(texts: list[str], **kw) -> np.ndarray:
        made.append(len(texts))
        return real(texts, **kw)

    monkeypatch.setattr(semantic, "embed", counting)
    queries = ["ketamine for migraine in the emergency department", "nebulised ketamine in children"]

    def similarities() -> np.ndarray:
        index = SearchIndex.for_library(Library.open(library.root))
        try:
            return index.similarities(queries, library)
        finally:
            index.close()

    first = similarities()
    assert made == [len(library), len(queries)]  # every record, then the queries
    made.clear()
    assert np.array_equal(similarities(), first)
    assert made == [0, len(queries)]  # the vectors kept in the index
    target = library.record(5)
    edit_record(library, target["citekey"], ["title=Nebulised ketamine for children with migraine"])
    with library.transaction():
        library.put_derived(6, "findings", {"version": "test"})
    made.clear()
    changed = similarities()
    assert made == [1, len(queries)]  # the edited record alone
    position = sorted(r["_id"] for r in library.records()).index(5)
    assert changed[position, 1] > first[position, 1]
    assert np.delete(changed, position, axis=0).tolist() == np.delete(first, position, axis=0).tolist()


@pytest.mark.e2e
def test_index_command_on_a_damaged_library_file(library: Library, runner) -> None:
    (library.root / "records" / "0000.json").write_bytes(b"")
    cli_error(run_cli(runner, library.root, "index", "--rebuild"), "records/0000.json", "damaged library file")


def test_words_are_read_as_the_regular_expression_reads_them() -> None:
    """Words are runs of letters, digits and underscores of two characters or more, or one digit (\\w\\w+|\\d) of
    the text folded to lower-case ASCII, stop words left out and lightly stemmed."""
    import random
    import re

    from ketalit.search.text import STOPWORDS, fold, stem

    def reference(text: str) -> list[str]:
        return [stem(w) for w in re.findall(r"\w\w+|\d", fold(text)) if w not in STOPWORDS]

    rng = random.Random(1)
    alphabet = "ab_12 -é.ß,ﬁ²\u0301ΩxK\t\nIesTHE"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert tokenize(text) == reference(text), repr(text)
    assert tokenize("Anaesthesia: the infusions of ketamine (5 mg/kg)") == [
        "anesthesia",
        "infusion",
        "ketamine",
        "5",
        "mg",
        "kg",
    ]


# Imports the files given after the library into it, with every commit that changes records indexed by a second
# process while the commit writes its files (no other thread runs here, as in the command). ``fail``: the commit's
# writing fails; ``kill``: this process is killed while writing, after the index has been written beside it. Prints
# how many times this process itself wrote records into the index.
BESIDE_SCRIPT = textwrap.dedent("""
    import os, signal, sys, time
    import ketalit.search.store as store
    from ketalit.importer import import_files
    from ketalit.library import Library
    from ketalit.library.files import FileSet
    store.BESIDE_ROWS = 1
    wrote = []
    real_apply = store._apply
    def counted(*args, **kwargs):
        wrote.append(os.getpid())
        return real_apply(*args, **kwargs)
    store._apply = counted
    how, lib, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    real_commit = FileSet.commit
    def commit(self, writes, meta):
        time.sleep(1)  # the index is written beside the commit meanwhile
        if how == "fail":
            raise OSError(28, "No space left on device")
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        return real_commit(self, writes, meta)
    FileSet.commit = commit
    try:
        import_files(Library.open(lib), files)
    except Exception as exc:
        print(type(exc).__name__, exc)
    print("INDEXED-HERE", len(wrote), flush=True)
""")


def _index_tables(root: Path) -> dict[str, list]:
    conn = connect(root / ".index")
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("docs", "postings", "segs", "meta")}
    conn.close()
    return out


def _beside(how: str, lib: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    proc = Forked(BESIDE_SCRIPT, how, str(lib), *map(str, files))
    out, err = proc.communicate(timeout=120)
    assert isinstance(out, str) and isinstance(err, str) and proc.returncode is not None
    return subprocess.CompletedProcess(["-c", BESIDE_SCRIPT], proc.returncode, out, err)


@pytest.mark.e2e
def test_a_large_commit_indexed_beside_it_gives_the_index_of_one_indexed_after_it(tmp_path: Path) -> None:
    files = [NCBI / "pubmed1.xml", NCBI / "pubmed4.xml", NCBI / "pubmed6.xml"]
    after = Library.init(tmp_path / "after")
    import_files(after, files[:1])
    import_files(after, files[1:])
    beside = Library.init(tmp_path / "beside")
    for batch in (files[:1], files[1:]):  # the second commit adds to an index that holds the first
        done = _beside("write", beside.root, *batch)
        assert done.stdout.split()[-2:] == ["INDEXED-HERE", "0"], done.stdout + done.stderr  # the other process did
    assert _index_tables(beside.root)["docs"]
    got, want = _index_tables(beside.root), _index_tables(after.root)
    assert got["docs"] == want["docs"] and got["postings"] == want["postings"] and got["segs"] == want["segs"]
    assert everything(Library.open(beside.root)) == rebuilt(Library.open(beside.root), tmp_path)


@pytest.mark.e2e
@pytest.mark.parametrize("how", ["fail", "kill"])
def test_an_index_written_beside_a_commit_that_does_not_happen_is_left_as_it_was(tmp_path: Path, how: str) -> None:
    lib = Library.init(tmp_path / "lib")
    import_files(lib, [NCBI / "pubmed1.xml"])
    files_before = {p.relative_to(lib.root): p.read_bytes() for p in lib.root.rglob("*.json")}
    index_before = _index_tables(lib.root)
    done = _beside(how, lib.root, NCBI / "pubmed4.xml", NCBI / "pubmed6.xml")
    if how == "fail":
        assert "LibraryWriteError" in done.stdout and "nothing was changed" in done.stdout
    else:
        assert done.returncode == -signal.SIGKILL
    assert {p.relative_to(lib.root): p.read_bytes() for p in lib.root.rglob("*.json")} == files_before
    assert _index_tables(lib.root) == index_before  # the other process rolled back: nothing of the import
    report = import_files(Library.open(lib.root), [NCBI / "pubmed4.xml"])  # it let go of the index, too
    assert report.added > 0
    assert everything(Library.open(lib.root)) == rebuilt(Library.open(lib.root), tmp_path)
