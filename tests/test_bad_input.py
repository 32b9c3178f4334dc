"""Bad input: a one-line error naming the file and the place, a non-zero exit, and the library unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ketalit.importer import import_files
from ketalit.library import Library

from conftest import NCBI, run_ketalit


def _truncated(tmp: Path) -> Path:
    data = (NCBI / "pubmed4.xml").read_bytes()
    p = tmp / "truncated.xml"
    p.write_bytes(data[: len(data) // 2])
    return p


def _malformed(tmp: Path) -> Path:
    text = (NCBI / "pubmed1.xml").read_text().replace("</ArticleTitle>", "</ArticleTitl>", 1)
    p = tmp / "malformed.xml"
    p.write_text(text)
    return p


def _empty(tmp: Path) -> Path:
    p = tmp / "empty.xml"
    p.write_bytes(b"")
    return p


def _binary(tmp: Path) -> Path:
    p = tmp / "garbage.bin"
    p.write_bytes(os.urandom(4096))
    return p


def _other_format(tmp: Path) -> Path:
    p = tmp / "esearch.xml"
    p.write_bytes((NCBI / "esearch1.xml").read_bytes())  # real NCBI XML, but an ESearch answer
    return p


def _csv(tmp: Path) -> Path:
    p = tmp / "records.csv"
    p.write_text("pmid,title\n123,Ketamine\n")
    return p


def _huge(tmp: Path) -> Path:
    """60 MB: a valid-looking PubMed XML head, then megabytes of junk text and no end."""
    p = tmp / "huge.xml"
    head = (NCBI / "pubmed1.xml").read_bytes().split(b"<PubmedArticle>")[0]
    with p.open("wb") as fh:
        fh.write(head + b"<PubmedArticle><MedlineCitation>")
        chunk = b"<ArticleTitle>x</ArticleTitle>" * 1000
        for _ in range(2000):
            fh.write(chunk)
    return p


def _bad_json(tmp: Path) -> Path:
    p = tmp / "items.json"
    p.write_text('[{"id": "a", "title": "Ketamine"},\n {"id": "b", "title": ]')
    return p


CASES = {
    "truncated": (_truncated, "truncated"),
    "malformed": (_malformed, "line"),
    "empty": (_empty, "empty file"),
    "binary": (_binary, "binary"),
    "other-format": (_other_format, "not PubMed XML"),
    "csv": (_csv, "unrecognised format"),
    "huge": (_huge, "huge.xml"),
    "bad-json": (_bad_json, "line 2"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_rejected_and_library_unchanged(case: str, lib: Library, tmp_path: Path) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    before = db.read_bytes()
    make, words = CASES[case]
    bad = make(tmp_path)
    proc = run_ketalit("--library", str(lib.root), "import", str(NCBI / "pubmed2.xml"), str(bad))
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr  # one line, no traceback
    assert str(bad) in lines[0].replace("\n", "") and words in lines[0]
    assert "Traceback" not in proc.stderr
    assert db.read_bytes() == before  # nothing from the good file either: all-or-nothing


def test_missing_library_says_how_to_create_one(tmp_path: Path) -> None:
    proc = run_ketalit("--library", str(tmp_path / "nowhere"), "stats")
    assert proc.returncode == 1 and "ketalit init" in proc.stderr


def test_corrupt_library_file_is_reported_not_overwritten(lib: Library) -> None:
    db = lib.root / "ketalit.json"
    db.write_bytes(b'{"records": {"1": {"title": "x"')
    proc = run_ketalit("--library", str(lib.root), "import", str(NCBI / "pubmed1.xml"))
    assert proc.returncode == 1 and "not valid JSON" in proc.stderr
    assert db.read_bytes() == b'{"records": {"1": {"title": "x"'
