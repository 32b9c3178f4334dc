"""The library: identity and merging, user fields, atomic and locked writes, crash safety."""

from __future__ import annotations

import os
import shutil
import signal
import textwrap
import time
from pathlib import Path

import orjson
import pytest

from ketalit.errors import KetalitError
from ketalit.importer import import_files
from ketalit.library import SCHEMA_VERSION, Library
from ketalit.records import normalize_doi, parse_date
from ketalit.screening import screen
from ketalit.userfields import add_note, set_manual_tags

from conftest import FIXTURES, NCBI, Forked


def test_doi_normalisation() -> None:
    assert normalize_doi("https://doi.org/10.1001/JAMA.2020.1") == "10.1001/jama.2020.1"
    assert normalize_doi("doi:10.1001/jama.2020.1.") == "10.1001/jama.2020.1"
    assert normalize_doi("http://dx.doi.org/10.1001/Jama.2020.1") == "10.1001/jama.2020.1"
    assert normalize_doi("not a doi") is None


def test_medline_dates() -> None:
    assert parse_date("2019 Jan-Feb") == (2019, 1)
    assert parse_date("1998 Dec-1999 Jan") == (1998, 12)
    assert parse_date("Summer 2001") == (2001, 6)
    assert parse_date("2017/06/01") == (2017, 6)
    assert parse_date("") == (None, None)


def count(path: Path) -> int:
    from ketalit.formats.detect import read_file

    return len(read_file(path).records)


def test_reimport_is_idempotent_and_keeps_user_fields(lib: Library) -> None:
    n = count(NCBI / "pubmed2.xml") + count(FIXTURES / "quirks.pubmed.xml")
    first = import_files(lib, [NCBI / "pubmed2.xml", FIXTURES / "quirks.pubmed.xml"])
    assert first.added == n and first.updated == 0
    pmid = lib.records()[0]["pmid"]
    add_note(lib, pmid, "key paper")
    screen(lib, pmid, "exclude", "wrong population")
    set_manual_tags(lib, pmid, ["route:oral"], [])
    key = lib.find(pmid)["citekey"]
    again = import_files(lib, [NCBI / "pubmed2.xml", FIXTURES / "quirks.pubmed.xml"])
    assert again.added == 0 and again.updated == n
    assert len(Library.open(lib.root)) == n
    rec = Library.open(lib.root).find(pmid)
    assert rec["notes"] == "key paper"
    assert rec["screening"]["decision"] == "exclude" and rec["screening"]["reason"] == "wrong population"
    assert "oral" in rec["tags"]["route"] and rec["manual_tags"]["add"] == ["route:oral"]
    assert rec["citekey"] == key


def test_same_paper_by_two_formats_is_one_record(lib: Library, tmp_path: Path) -> None:
    xml_rec = next(
        r
        for r in __import__("ketalit.formats.detect", fromlist=["x"]).read_file(NCBI / "pubmed4.xml").records
        if r["doi"]
    )
    ris = tmp_path / "one.ris"
    ris.write_text(
        f"TY  - JOUR\nAU  - {xml_rec['authors'][0]['family']}, {xml_rec['authors'][0]['given']}\n"
        f"TI  - {xml_rec['title']}\nPY  - {xml_rec['year']}\n"
        f"DO  - https://doi.org/{xml_rec['doi'].upper()}\nER  - \n"
    )
    import_files(lib, [ris])
    assert len(lib) == 1 and lib.records()[0]["pmid"] is None
    add_note(lib, xml_rec["doi"], "from RIS")
    import_files(lib, [NCBI / "pubmed4.xml"])
    lib = Library.open(lib.root)
    merged = [r for r in lib.records() if r["doi"] == xml_rec["doi"]]
    assert len(merged) == 1
    assert merged[0]["pmid"] == xml_rec["pmid"] and merged[0]["notes"] == "from RIS"
    assert {p["format"] for p in merged[0]["provenance"]} == {"ris", "pubmed-xml"}
    assert len(lib) == count(NCBI / "pubmed4.xml")


def test_doi_match_needs_matching_title(lib: Library, tmp_path: Path) -> None:
    """Book chapters share their book's DOI: same DOI, different titles -> two records."""
    ris = tmp_path / "chapters.ris"
    ris.write_text(
        "TY  - CHAP\nTI  - Ketamine pharmacology\nPY  - 2020\nDO  - 10.9999/handbook\nER  - \n"
        "TY  - CHAP\nTI  - Opioid withdrawal management\nPY  - 2020\nDO  - 10.9999/handbook\nER  - \n"
    )
    report = import_files(lib, [ris])
    assert report.added == 2 and len(lib) == 2


def test_title_year_identity_without_ids(lib: Library, tmp_path: Path) -> None:
    a = tmp_path / "a.json"
    a.write_text(
        '[{"id": "x", "type": "article-journal", "title": "Ketamine for pain: a review", '
        '"issued": {"date-parts": [[2019]]}}]'
    )
    b = tmp_path / "b.json"
    b.write_text(
        '[{"id": "y", "type": "article-journal", "title": "KETAMINE for Pain - A Review.", '
        '"issued": {"date-parts": [[2019]]}, "DOI": "10.1000/abc"}]'
    )
    import_files(lib, [a])
    import_files(lib, [b])
    assert len(lib) == 1 and lib.records()[0]["doi"] == "10.1000/abc"


def test_schema_version_is_stored(lib: Library) -> None:
    raw = orjson.loads((lib.root / "ketalit.json").read_bytes())
    assert raw["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 2
    raw["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1  # written by a newer ketalit: refused, not misread
    (lib.root / "ketalit.json").write_bytes(orjson.dumps(raw))
    with pytest.raises(KetalitError, match="schema version 3; this ketalit reads up to 2"):
        Library.open(lib.root)


def test_failed_transaction_writes_nothing(lib: Library) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = (lib.root / "ketalit.json").read_bytes()
    try:
        with lib.transaction():
            import_files(lib, [NCBI / "pubmed4.xml"])
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert (lib.root / "ketalit.json").read_bytes() == before
    assert len(Library.open(lib.root)) == count(NCBI / "pubmed1.xml")


CRASH_SCRIPT = textwrap.dedent("""
    import os, sys, time
    import ketalit.library.storage as storage
    from ketalit.importer import import_files
    from ketalit.library import Library
    real_fsync = os.fsync
    def slow_fsync(fd):
        real_fsync(fd)
        print("WRITTEN-NOT-RENAMED", flush=True)
        time.sleep(60)
    storage.os.fsync = slow_fsync
    import_files(Library.open(sys.argv[1]), sys.argv[2:])
""")


@pytest.mark.e2e
def test_sigkill_during_import_leaves_previous_library_intact(lib: Library) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = (lib.root / "ketalit.json").read_bytes()
    proc = Forked(CRASH_SCRIPT, str(lib.root), str(NCBI / "pubmed6.xml"))
    assert proc.stdout.readline().strip() == "WRITTEN-NOT-RENAMED"  # the new file is on disk, not yet in place
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert (lib.root / "ketalit.json").read_bytes() == before
    reopened = Library.open(lib.root)
    assert len(reopened) == count(NCBI / "pubmed1.xml")
    # and the library still takes writes (the dead process's lock is gone with it)
    import_files(reopened, [NCBI / "pubmed6.xml"])
    assert len(Library.open(lib.root)) == 2 + count(NCBI / "pubmed6.xml")


# The `ketalit` command's entry point, as `python -m ketalit ARGS` runs it (for ``Forked``).
KETALIT = "import sys\nfrom ketalit.cli import main\nsys.argv = ['ketalit', *sys.argv[1:]]\nmain()\n"


@pytest.mark.slow
@pytest.mark.e2e
def test_sigkill_at_random_moments_never_corrupts(lib: Library, tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    body = (NCBI / "pubmed6.xml").read_text()
    head, rest = body.split("<PubmedArticleSet>", 1)
    articles, tail = rest.rsplit("</PubmedArticleSet>", 1)
    copies = [articles.replace('<PMID Version="1">', f'<PMID Version="1">{k}0') for k in range(1, 201)]
    big.write_text(head + "<PubmedArticleSet>" + "".join(copies) + "</PubmedArticleSet>" + tail)
    import_files(lib, [NCBI / "pubmed1.xml"])
    base, full = count(NCBI / "pubmed1.xml"), count(NCBI / "pubmed1.xml") + count(big)
    assert count(big) == 200 * count(NCBI / "pubmed6.xml")
    # The writer is the `ketalit import` command, in a child forked from this process: ketalit already imported, its
    # import starts at once. How long it takes whole is timed first on a copy of the library as it stands; the six
    # kills fall at fractions of that, so that they land across the import (and one just after it) at any load.
    scratch = tmp_path / "scratch"
    shutil.copytree(lib.root, scratch, ignore=shutil.ignore_patterns("*.lock"))
    started = time.monotonic()
    assert Forked(KETALIT, "--library", str(scratch), "import", str(big)).wait(timeout=120) == 0
    took = time.monotonic() - started
    outcomes = set()
    for share in (0.15, 0.3, 0.45, 0.6, 0.8, 1.5):
        proc = Forked(KETALIT, "--library", str(lib.root), "import", str(big))
        time.sleep(share * took)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        n = len(Library.open(lib.root))
        assert n in (base, full)  # all of the import or none of it, never part
        outcomes.add(n)
    print("library sizes seen after each kill:", sorted(outcomes))


CONCURRENT_SCRIPT = textwrap.dedent("""
    import sys
    from ketalit.importer import import_files
    from ketalit.library import Library
    lib = Library.open(sys.argv[1])
    for path in sys.argv[2:]:
        import_files(lib, [path])
""")


@pytest.mark.e2e
def test_two_concurrent_importers_lose_nothing(lib: Library) -> None:
    a = Forked(
        CONCURRENT_SCRIPT,
        str(lib.root),
        *map(str, (NCBI / "pubmed4.xml", NCBI / "pubmed1.xml")),
        str(FIXTURES / "quirks.pubmed.xml"),
    )
    b = Forked(
        CONCURRENT_SCRIPT, str(lib.root), *map(str, (NCBI / "pubmed6.xml", NCBI / "pubmed5.xml", NCBI / "pubmed2.xml"))
    )
    assert a.wait(timeout=120) == 0 and b.wait(timeout=120) == 0
    pmids = {r["pmid"] for r in Library.open(lib.root).records()}
    from ketalit.formats.detect import read_file

    expected = set()
    for f in ("pubmed4.xml", "pubmed1.xml", "pubmed6.xml", "pubmed5.xml", "pubmed2.xml"):
        expected |= {r["pmid"] for r in read_file(NCBI / f).records}
    expected |= {"90000001", "90000002", "90000003"}
    assert pmids == expected


def test_library_file_is_not_world_unreadable(lib: Library) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    mode = os.stat(lib.root / "ketalit.json").st_mode & 0o777
    assert mode & 0o044  # readable by group/others like any file written under the usual umask
