"""Importing a large PubMed XML file stores each part as the workers finish it, while they parse the next: the
records, tags and provenance are those of the plain serial import, a part that cannot be read leaves the library as
it was, and an import killed while parts are being stored loses nothing that was committed before it."""

from __future__ import annotations

import gc
import os
import signal
import textwrap
from pathlib import Path

import pytest

import ketalit.formats.detect as detect
import ketalit.formats.pubmed as pubmed
from ketalit.errors import ImportFormatError, KetalitError
from ketalit.importer import import_files, prepare
from ketalit.library import Library
from ketalit.userfields import add_note

from conftest import NCBI, Forked


@pytest.fixture(autouse=True)
def _test_process_heap_set_aside():
    """The test process's objects set aside from the collector (``gc.freeze``) while the test runs, and given back
    after it. The import's workers are forked from this process, and each one's first part collects what it
    inherited and sets it aside (``pubmed._parse_part``): forked from a `ketalit import`, that is the command's few
    objects; forked from a test process, it was every object the process had made in its earlier tests (hundreds of
    MB after the claims files), walked and so copied page by page in every worker: 4.0 CPU-s of the workers over this
    file after `test_check.py` in one process, 1.0 now (bench/README.md, "The suite, round 27"). What the workers and
    the import do is the same."""
    gc.freeze()
    yield
    gc.unfreeze()


def _big_file(tmp_path: Path, copies: int = 60, broken_last: bool = False) -> Path:
    """pubmed6.xml's articles ``copies`` times over under new PMIDs: enough articles to be cut into parts."""
    body = (NCBI / "pubmed6.xml").read_text()
    head, rest = body.split("<PubmedArticleSet>", 1)
    articles, tail = rest.rsplit("</PubmedArticleSet>", 1)
    parts = [articles.replace('<PMID Version="1">', f'<PMID Version="1">{k}0') for k in range(1, copies + 1)]
    if broken_last:
        parts[-1] = parts[-1].replace("</ArticleTitle>", "</ArticleTitel>", 1)
    path = tmp_path / ("broken.xml" if broken_last else "big.xml")
    path.write_text(head + "<PubmedArticleSet>" + "".join(parts) + "</PubmedArticleSet>" + tail)
    return path


def _count_batches(monkeypatch: pytest.MonkeyPatch, stored: Path | None = None) -> list[int]:
    """Parse every file in parts on the workers, and note the size of each batch handed to the library (and, with
    ``stored``, make that file once the first batch has been taken)."""
    monkeypatch.setattr(pubmed, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(pubmed.os, "cpu_count", lambda: 2)
    sizes: list[int] = []
    original = detect.iter_pubmed_xml

    def counted(*args, **kwargs):
        for batch in original(*args, **kwargs):
            sizes.append(len(batch))
            yield batch
            if stored is not None:
                stored.touch()

    monkeypatch.setattr(detect, "iter_pubmed_xml", counted)
    return sizes


def _as_stored(lib: Library) -> list[dict]:
    out = []
    for rec in Library.open(lib.root).records():
        for p in rec["provenance"]:
            p.pop("at")  # when it was imported
        out.append(rec)
    return out


def test_records_stored_part_by_part_equal_those_of_the_serial_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _big_file(tmp_path)
    serial = Library.init(tmp_path / "serial")
    import_files(serial, [big], relative_to=tmp_path)
    sizes = _count_batches(monkeypatch)
    streamed = Library.init(tmp_path / "streamed")
    report = import_files(streamed, [big], relative_to=tmp_path)
    assert len(sizes) > 2 and sum(sizes) == report.added == len(serial)  # several parts, each stored as it came
    got, want = _as_stored(streamed), _as_stored(serial)
    assert [r["tags"] for r in got] == [r["tags"] for r in want]
    assert got == want  # tags, tag reasons, citation keys, provenance: every field
    from ketalit.search import SearchIndex

    word = max((w for w in want[0]["title"].split() if w.isalpha()), key=len)
    hits = [SearchIndex.for_library(Library.open(lib.root)).search(word) for lib in (streamed, serial)]
    assert hits[0] and hits[0] == hits[1]  # each import brought its search index up to date


def test_a_file_whose_articles_differ_greatly_in_size_is_cut_between_them_and_imported_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is cut at even shares of its bytes: one article larger than several shares holds several of those
    # places, and is still parsed once, whole, in its place among the others.
    big = _big_file(tmp_path, copies=12)
    text = big.read_text()
    start = text.index("<AbstractText>", len(text) // 4)
    big.write_text(text[:start] + "<AbstractText>" + "Ketamine was given intranasally. " * 40_000 + text[start + 14 :])
    serial = Library.init(tmp_path / "serial")
    import_files(serial, [big], relative_to=tmp_path)
    sizes = _count_batches(monkeypatch)
    streamed = Library.init(tmp_path / "streamed")
    report = import_files(streamed, [big], relative_to=tmp_path)
    assert len(sizes) > 2 and sum(sizes) == report.added == len(serial)
    assert _as_stored(streamed) == _as_stored(serial)


def test_a_part_that_cannot_be_read_leaves_the_library_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library.init(tmp_path / "lib")
    import_files(lib, [NCBI / "pubmed1.xml"])
    pmid = Library.open(lib.root).records()[0]["pmid"]
    add_note(Library.open(lib.root), pmid, "read in full")
    before = {p.relative_to(lib.root): p.read_bytes() for p in lib.root.rglob("*.json")}
    sizes = _count_batches(monkeypatch)
    with pytest.raises(ImportFormatError, match=r"broken\.xml: truncated or malformed XML at line \d+"):
        import_files(Library.open(lib.root), [_big_file(tmp_path, broken_last=True)])
    assert sizes and sum(sizes) > 0  # parts before the broken one had been stored in memory
    assert {p.relative_to(lib.root): p.read_bytes() for p in lib.root.rglob("*.json")} == before
    assert "read in full" in Library.open(lib.root).find(pmid)["notes"]


def _elements(articles: list) -> list:
    """Biopython's elements of some articles as plain values, each element's attributes included."""

    def plain(x):
        attrs = dict(getattr(x, "attributes", {}) or {})
        if isinstance(x, dict):
            return {k: plain(v) for k, v in x.items()}, attrs
        if isinstance(x, list):
            return [plain(v) for v in x], attrs
        return str(x), attrs

    return [plain(a) for a in articles]


def test_a_worker_reads_the_dtds_once_and_its_later_parts_get_their_attribute_defaults(tmp_path: Path) -> None:
    # A worker's parser reads the DTDs with the first part it is given, and only then: the articles of its later
    # parts still get the attribute values the DTD gives when a file leaves them out (ValidYN="Y" of an author,
    # MajorTopicYN="N" of a keyword), exactly as the whole file read at once does.
    text = _big_file(tmp_path, copies=6).read_text().replace(' ValidYN="Y"', "").replace(' MajorTopicYN="N"', "")
    assert "ValidYN" not in text and "MajorTopicYN" not in text
    data = text.encode()
    cuts = pubmed._split(data, 6)
    assert cuts is not None and len(cuts) == 6
    whole = pubmed.read_entrez_xml(data)
    opened: list[str] = []
    reader = pubmed._PartReader(data[: cuts[0][0]])
    reader.handler.open_dtd_file = lambda name: opened.append(name)  # type: ignore[method-assign]
    got = []
    for _, a, b in cuts[::-1]:  # in any order, as the parts come to a worker
        got = [*_elements(reader.read(data[a:b])[0]), *got]
    assert opened == []  # no part read a DTD again
    assert got == _elements(whole["PubmedArticle"])
    last = got[-1][0]["MedlineCitation"][0]
    authors = last["Article"][0]["AuthorList"][0]
    keywords = [k for kl, _ in last["KeywordList"][0] for k in kl]
    assert authors and all(attrs == {"ValidYN": "Y"} for _, attrs in authors)
    assert keywords and all(attrs == {"MajorTopicYN": "N"} for _, attrs in keywords)


@pytest.mark.parametrize(
    "ending", ["<!-- a comment not closed", "<PubmedArticle><MedlineCitation>", "<![CDATA[ not closed"]
)
def test_a_part_that_does_not_end_between_articles_is_refused(tmp_path: Path, ending: str) -> None:
    # A part cut in the wrong place (inside a comment, an article or a section) would run on into the next part
    # the worker reads: it is refused (and the file is then parsed serially).
    data = _big_file(tmp_path, copies=4).read_bytes()
    cuts = pubmed._split(data, 4)
    assert cuts is not None
    _, a, b = cuts[1]
    reader = pubmed._PartReader(data[: cuts[0][0]])
    with pytest.raises(ValueError, match="does not end between two articles"):
        reader.read(data[a:b] + ending.encode())
    # The worker's parser is left inside the part: every later part it is given is refused too.
    try:
        pubmed._DOCUMENT, pubmed._READER = data, reader
        with pytest.raises(ImportFormatError, match="a part of the file could not be read"):
            pubmed._read_part(cuts[2], "big.xml")
    finally:
        pubmed._DOCUMENT, pubmed._READER = b"", None


def _prepare_then_die_on_copy_fifty(records: list[dict]) -> list[dict]:
    """The importer's per-record work in a worker, which is killed on the part holding the fiftieth copy's article,
    once the library has taken a first part (the file named by $STORED_FIRST_PART: on a loaded machine the other
    worker may not have finished one yet)."""
    import multiprocessing
    import time

    assert multiprocessing.parent_process() is not None, "the file was not parsed in worker processes"
    if any((r.get("pmid") or "").startswith("500") for r in records):
        until = time.monotonic() + 60
        while not os.path.exists(os.environ["STORED_FIRST_PART"]) and time.monotonic() < until:
            time.sleep(0.02)
        os.kill(os.getpid(), signal.SIGKILL)
    return prepare(records)


def test_a_worker_killed_while_parsing_fails_the_import_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library.init(tmp_path / "lib")
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = {p.relative_to(lib.root): p.read_bytes() for p in lib.root.rglob("*") if p.is_file()}
    stored = tmp_path / "first-part-stored"
    monkeypatch.setenv("STORED_FIRST_PART", str(stored))
    sizes = _count_batches(monkeypatch, stored)
    monkeypatch.setattr("ketalit.importer.prepare", _prepare_then_die_on_copy_fifty)
    with pytest.raises(KetalitError, match=r"big\.xml: a process parsing the file was stopped .* nothing was imported"):
        import_files(Library.open(lib.root), [_big_file(tmp_path)])
    assert sizes and sum(sizes) > 0  # the parts before were stored in memory, and then dropped
    assert {p.relative_to(lib.root): p.read_bytes() for p in lib.root.rglob("*") if p.is_file()} == before
    monkeypatch.undo()
    report = import_files(Library.open(lib.root), [_big_file(tmp_path)])  # no lock or half-written file left behind
    assert report.added > 0


# An import that stops after storing two parts (in memory) and says so, until the file named by its third argument
# exists (at most a minute), then finishes and prints how many records it added.
PAUSED_SCRIPT = textwrap.dedent("""
    import os, sys, time
    import ketalit.formats.detect as detect
    import ketalit.formats.pubmed as pubmed
    from ketalit.importer import import_files
    from ketalit.library import Library
    pubmed.PARALLEL_BYTES = 0
    pubmed.os.cpu_count = lambda: 2
    original = detect.iter_pubmed_xml
    def paused(*args, **kwargs):
        for n, batch in enumerate(original(*args, **kwargs)):
            yield batch
            if n == 1:
                print("STORED-TWO-PARTS", flush=True)
                until = time.monotonic() + 60
                while not os.path.exists(sys.argv[3]) and time.monotonic() < until:
                    time.sleep(0.05)
    detect.iter_pubmed_xml = paused
    report = import_files(Library.open(sys.argv[1]), [sys.argv[2]])
    print("ADDED", report.added, flush=True)
""")


@pytest.mark.e2e
def test_an_import_killed_while_storing_parts_loses_nothing_committed(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    import_files(lib, [NCBI / "pubmed1.xml"])
    first = Library.open(lib.root).records()
    add_note(Library.open(lib.root), first[0]["pmid"], "committed before the import")
    big = _big_file(tmp_path)
    # In a session of its own, so that the kill takes the importer's parsing workers with it (as the kill of a whole
    # command does) instead of leaving them orphaned for the rest of the test run.
    proc = Forked(PAUSED_SCRIPT, str(lib.root), str(big), str(tmp_path / "never"), text=False, new_session=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"STORED-TWO-PARTS"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    after = Library.open(lib.root)
    assert [r["pmid"] for r in after.records()] == [r["pmid"] for r in first]  # none of the import, all of before
    assert "committed before the import" in after.find(first[0]["pmid"])["notes"]
    report = import_files(after, [big])  # the dead importer's lock is gone with it
    assert report.added == len(Library.open(lib.root)) - len(first) > 0


def test_citation_keys_of_many_records_with_one_base_are_those_tried_one_by_one(tmp_path: Path) -> None:
    """Sixty copies of each article share their base key: the keys are the base, then a, b, c... in import order,
    as if every suffix were tried again for each record."""
    from ketalit.library.citekey import assign_key, base_key

    lib = Library.init(tmp_path / "lib")
    import_files(lib, [_big_file(tmp_path)])
    records = Library.open(lib.root).records()
    assert len({base_key(r) for r in records}) < len(records) // 10
    taken: set[str] = set()
    for rec in records:
        assert rec["citekey"] == assign_key(rec, taken)
        taken.add(rec["citekey"])


@pytest.mark.e2e
def test_another_writer_commits_while_a_large_file_is_parsed_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library.init(tmp_path / "lib")
    import_files(lib, [NCBI / "pubmed1.xml"])
    first = Library.open(lib.root).records()
    big, go = _big_file(tmp_path), tmp_path / "go"
    proc = Forked(PAUSED_SCRIPT, str(lib.root), str(big), str(go), text=False)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"STORED-TWO-PARTS"
        monkeypatch.setenv("KETALIT_LOCK_TIMEOUT", "0")  # the import parses, and does not hold the lock
        add_note(Library.open(lib.root), first[0]["pmid"], "written while the import parsed")
    finally:
        go.touch()
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0
    added = int(out.split()[-1])
    after = Library.open(lib.root)
    assert added == len(after) - len(first) > 0
    assert "written while the import parsed" in after.find(first[0]["pmid"])["notes"]  # the import stored again
    serial = Library.init(tmp_path / "serial")
    import_files(serial, [NCBI / "pubmed1.xml"])
    import_files(serial, [big])
    got, want = _as_stored(after), _as_stored(serial)
    for rec in got + want:
        rec.pop("notes")
    assert got == want  # the records, tags, citation keys and provenance of an import that nothing interrupted
