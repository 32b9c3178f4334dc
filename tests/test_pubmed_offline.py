"""Reading PubMed XML never touches the network: any DTD name, no DOCTYPE, no XML declaration; foreign references
refused. A socket guard fails every connection attempt while these tests run."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from ketalit.errors import ImportFormatError
from ketalit.formats.detect import read_file
from ketalit.library import Library

from conftest import FIXTURES, NCBI, run_cli

ORIGINAL = NCBI / "pubmed1.xml"  # names pubmed_250101.dtd, which Biopython ships
DOCTYPE = re.compile(rb"<!DOCTYPE[^>]*>\n?")
FIELDS = ("pmid", "doi", "title", "authors", "journal", "year", "abstract", "publication_types", "mesh", "keywords")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every attempt to resolve a name or open a connection is recorded and fails."""
    attempts: list[tuple] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access: {args!r}")

    for owner, name in [
        (socket.socket, "connect"),
        (socket.socket, "connect_ex"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
    ]:
        monkeypatch.setattr(owner, name, refuse)
    return attempts


def _variant(tmp_path: Path, name: str, change) -> Path:
    p = tmp_path / f"{name}.xml"
    p.write_bytes(change(ORIGINAL.read_bytes()))
    return p


VARIANTS = {
    # a DTD newer than any Biopython ships (Biopython would download it)
    "newer-dtd": lambda d: d.replace(b"pubmed_250101.dtd", b"pubmed_990101.dtd"),
    # the same, with an element that DTD introduced: skipped, not refused
    "newer-dtd-new-element": lambda d: d.replace(b"pubmed_250101.dtd", b"pubmed_990101.dtd").replace(
        b"</MedlineCitation>", b"<AddedIn2099>x</AddedIn2099></MedlineCitation>"
    ),
    "no-doctype": lambda d: DOCTYPE.sub(b"", d),
    "no-xml-declaration-no-doctype": lambda d: DOCTYPE.sub(b"", d.split(b"\n", 1)[1]),
    # older PubMed files name their DTD with http://, which Biopython refuses before it looks on disk
    "old-http-address": lambda d: d.replace(
        b"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd",
        b"http://www.ncbi.nlm.nih.gov/corehtml/query/DTD/pubmed_250101.dtd",
    ),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_pubmed_xml_is_read_offline_whatever_its_prolog(variant: str, tmp_path: Path, no_network: list) -> None:
    expected = read_file(ORIGINAL).records
    path = _variant(tmp_path, variant, VARIANTS[variant])
    got = read_file(path).records
    assert no_network == []
    assert len(got) == len(expected) == 2
    for a, b in zip(got, expected, strict=True):
        assert {k: a[k] for k in FIELDS} == {k: b[k] for k in FIELDS}


@pytest.mark.e2e
def test_import_command_reads_a_newer_dtd_and_no_doctype_offline(
    tmp_path: Path, lib: Library, runner, no_network: list
) -> None:
    files = [str(_variant(tmp_path, v, VARIANTS[v])) for v in ("newer-dtd", "no-doctype")]
    files.append(str(FIXTURES / "quirks.pubmed.xml"))
    res = run_cli(runner, lib.root, "import", *files)
    assert res.exit_code == 0, res.stderr
    assert no_network == []
    assert {r["pmid"] for r in Library.open(lib.root).records()} == {
        r["pmid"] for f in (ORIGINAL, FIXTURES / "quirks.pubmed.xml") for r in read_file(f).records
    }


@pytest.mark.e2e
@pytest.mark.parametrize(
    "reference",
    [
        b'<!ENTITY leak SYSTEM "file:///etc/hostname">',  # a general entity naming a local file
        b'<!ENTITY leak SYSTEM "http://127.0.0.1:9/x.txt">',  # ... or a URL
        b'<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd; <!ENTITY leak "x">',  # a parameter entity
    ],
    ids=["file", "url", "parameter-entity"],
)
def test_external_references_are_refused_without_opening_them(
    reference: bytes, tmp_path: Path, lib: Library, runner, no_network: list
) -> None:
    data = ORIGINAL.read_bytes().replace(b'pubmed_250101.dtd">', b'pubmed_250101.dtd" [' + reference + b"]>")
    bad = tmp_path / "external.xml"
    bad.write_bytes(data.replace(b"<ArticleTitle>", b"<ArticleTitle>&leak;", 1))
    with pytest.raises(ImportFormatError, match="external file"):
        read_file(bad)
    before = (lib.root / "ketalit.json").read_bytes()
    res = run_cli(runner, lib.root, "import", str(bad))
    assert res.exit_code == 1
    assert [ln for ln in res.stderr.splitlines() if ln.strip()] == [res.stderr.strip()]  # one line
    assert str(bad) in res.stderr and "external file" in res.stderr
    assert (lib.root / "ketalit.json").read_bytes() == before
    assert no_network == []
