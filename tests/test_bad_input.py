"""Bad input: a one-line error naming the file and the place, a non-zero exit, and the library unchanged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ketalit.errors import ImportFormatError
from ketalit.importer import import_files
from ketalit.library import Library

from conftest import NCBI, cli_error, one_line_error, run_cli, run_ketalit


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


def _blank(tmp: Path) -> Path:
    p = tmp / "blank.xml"
    p.write_bytes(b" \r\n\t\x0b\x0c" * 2000)
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
    "blank": (_blank, "empty file"),
    "binary": (_binary, "binary"),
    "other-format": (_other_format, "not PubMed XML"),
    "csv": (_csv, "unrecognised format"),
    "huge": (_huge, "huge.xml"),
    "bad-json": (_bad_json, "line 2"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_rejected_and_library_unchanged(case: str, lib: Library, tmp_path: Path, runner) -> None:
    """In process (the command's error handling, not the process, is what each case tests; the real entry point's
    one-line errors and exit status are tested with real processes elsewhere in this file)."""
    import_files(lib, [NCBI / "pubmed1.xml"])
    db = lib.root / "ketalit.json"
    before = db.read_bytes()
    make, words = CASES[case]
    bad = make(tmp_path)
    proc = run_cli(runner, lib.root, "import", str(NCBI / "pubmed2.xml"), str(bad))
    assert proc.exception is None or isinstance(proc.exception, SystemExit), repr(proc.exception)  # nothing uncaught
    assert proc.exit_code == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr  # one line, no traceback
    assert str(bad) in lines[0].replace("\n", "") and words in lines[0]
    assert "Traceback" not in proc.stderr
    assert db.read_bytes() == before  # nothing from the good file either: all-or-nothing


@pytest.mark.e2e
def test_missing_library_says_how_to_create_one(tmp_path: Path) -> None:
    proc = run_ketalit("--library", str(tmp_path / "nowhere"), "stats")
    assert proc.returncode == 1 and "ketalit init" in proc.stderr


@pytest.mark.e2e
def test_corrupt_library_file_is_reported_not_overwritten(lib: Library) -> None:
    db = lib.root / "ketalit.json"
    db.write_bytes(b'{"records": {"1": {"title": "x"')
    proc = run_ketalit("--library", str(lib.root), "import", str(NCBI / "pubmed1.xml"))
    assert proc.returncode == 1 and "not valid JSON" in proc.stderr
    assert db.read_bytes() == b'{"records": {"1": {"title": "x"'


# -- RIS cut short (the README promised an error; the last record was dropped without a word) -----------------------

RIS_TWO = (
    "TY  - JOUR\nTI  - Ketamine for renal colic\nPY  - 2019\nER  - \n\nTY  - JOUR\nTI  - Oral ketamine\nPY  - 2020\n"
)


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text, words",
    [
        (RIS_TWO, "record of line 6 has no 'ER  -'"),  # cut before its last ER
        (RIS_TWO.replace("ER  - \n\n", "") + "ER  - \n", "line 4: a record starts before the record of line 1 ended"),
        ("TI  - No record start\nER  - \n" + RIS_TWO + "ER  - \n", "line 1: 'TI  -' outside a record"),
    ],
    ids=["cut-before-last-ER", "ER-missing-between-records", "tag-outside-record"],
)
def test_ris_without_record_ends_is_rejected(text: str, words: str, lib: Library, runner, tmp_path: Path) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = (lib.root / "ketalit.json").read_bytes()
    ris = tmp_path / "cut.ris"
    ris.write_text(text)
    cli_error(run_cli(runner, lib.root, "import", str(ris)), str(ris), words)
    assert (lib.root / "ketalit.json").read_bytes() == before


def test_complete_ris_still_imports(lib: Library, tmp_path: Path) -> None:
    ris = tmp_path / "whole.ris"
    ris.write_text("Provider: a database\r\n\r\n" + RIS_TWO.replace("\n", "\r\n") + "ER  -\r\n")
    assert import_files(lib, [ris]).added == 2


# -- CSL-JSON with the wrong JSON types: one line naming the item and the field ----------------------------------------

GOOD_ITEM = {"id": "x", "type": "article-journal", "title": "Ketamine for pain", "issued": {"date-parts": [[2019]]}}
WRONG_TYPES = {
    "author-string": ({"author": "Smith J"}, "'author' must be a list of names"),
    "author-entry-string": ({"author": ["Smith J"]}, "'author 1' must be an object"),
    "author-family-list": ({"author": [{"family": ["Smith"]}]}, "'author 1 family' must be text, not a list"),
    "issued-number": ({"issued": 2019}, "'issued' must be a date object"),
    "date-parts-string": ({"issued": {"date-parts": "2019"}}, "'issued date-parts' must be a list"),
    "date-part-object": ({"issued": {"date-parts": [[{"year": 2019}]]}}, "'issued date-parts' must be a list"),
    "title-list": ({"title": ["Ketamine"]}, "'title' must be text, not a list"),
    "journal-object": ({"container-title": {"name": "J"}}, "'container-title' must be text, not an object"),
    "doi-list": ({"DOI": ["10.1000/x"]}, "'DOI' must be text, not a list"),
    "custom-string": ({"custom": "x"}, "'custom' must be an object, not a string"),
    "keyword-number": ({"keyword": 5}, "'keyword' must be text or a list, not a number"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_csljson_wrong_types(case: str, lib: Library, runner, tmp_path: Path) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    before = (lib.root / "ketalit.json").read_bytes()
    change, words = WRONG_TYPES[case]
    path = tmp_path / "items.json"
    path.write_text(json.dumps([GOOD_ITEM, {**GOOD_ITEM, "id": "y", **change}]))
    cli_error(run_cli(runner, lib.root, "import", str(path)), f"{path}: item 2: {words}")
    assert (lib.root / "ketalit.json").read_bytes() == before


def test_csljson_values_are_normalised_on_the_way_in(lib: Library, tmp_path: Path) -> None:
    """Numbers where text belongs are read as text; a date string is a date; impossible dates are dropped;
    seasons (months 13-16 and 21-24) become their first month; control characters are removed."""
    items = [
        {"id": "a", "title": 1984, "volume": 12, "page": 101, "issued": "2019-05-01"},
        {"id": "b", "title": "Month thirteen", "issued": {"date-parts": [[2019, 13]]}},
        {"id": "c", "title": "Winter", "issued": {"date-parts": [["2018", "24"]]}},
        {"id": "d", "title": "Bad date", "issued": {"date-parts": [[99999, 17]]}},
        {"id": "e", "title": "Escape \x1b]8;;http://x\x1b\\\\click\x1b]8;;\x1b\\\\ \x1b[2J", "DOI": "10.1000/a\x1bb"},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items))
    import_files(lib, [path])
    got = {r["title"]: r for r in Library.open(lib.root).records()}
    assert (got["1984"]["volume"], got["1984"]["pages"], got["1984"]["year"], got["1984"]["month"]) == (
        "12",
        "101",
        2019,
        5,
    )
    assert (got["Month thirteen"]["year"], got["Month thirteen"]["month"]) == (2019, 3)
    assert (got["Winter"]["year"], got["Winter"]["month"]) == (2018, 12)
    assert (got["Bad date"]["year"], got["Bad date"]["month"]) == (None, None)
    escaped = next(r for t, r in got.items() if t.startswith("Escape"))
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in escaped["title"] + escaped["doi"])


@pytest.mark.e2e
def test_one_odd_record_does_not_break_commands_for_the_library(lib: Library, runner, tmp_path: Path) -> None:
    """The reported cases: CSL-JSON month 13 crashed every `export bibtex`; an author named [/] crashed every
    search that listed the record."""
    import_files(lib, [NCBI / "pubmed1.xml"])
    path = tmp_path / "odd.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": "odd",
                    "title": "Ketamine [bold]markup[/] in a title",
                    "author": [{"family": "[/]", "given": "[red]"}, {"literal": "[link=x]Group[/link]"}],
                    "issued": {"date-parts": [[2019, 13]]},
                    "DOI": "10.1000/[/]",
                }
            ]
        )
    )
    assert run_cli(runner, lib.root, "import", str(path)).exit_code == 0
    for args in (
        ["search", "ketamine"],
        ["search", "ketamine", "--json"],
        ["show", "10.1000/[/]"],
        ["stats"],
        ["export", "bibtex"],
        ["export", "ris"],
        ["export", "csljson"],
        ["export", "jsonl"],
    ):
        res = run_cli(runner, lib.root, *args)
        assert res.exit_code == 0 and res.exception is None, (args, res.stderr, res.exception)
    listing = run_cli(runner, lib.root, "search", "markup").stdout
    assert "[/]" in listing and "[bold]markup[/]" in listing


# -- MEDLINE records without identifiers; input that is not a file --------------------------------------------------


def test_medline_record_without_identifiers_is_skipped_not_duplicated(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "noid.nbib"
    path.write_text(
        "PMID- 31234567\nTI  - Ketamine for migraine.\nDP  - 2019 Jan\n\n"
        "PMID- not-a-number\nAB  - An abstract and nothing else to know the record by.\n\n"
        "PMID- also-not-a-number\nTI  - Intranasal ketamine in children.\nDP  - 2020\n"
    )
    first = import_files(lib, [path])
    assert (first.added, len(first.skipped)) == (2, 1)
    assert "without PMID, DOI or title" in first.skipped[0] and str(path) in first.skipped[0]
    again = import_files(lib, [path])
    assert (again.added, again.updated) == (0, 2)  # the record without a PMID is known by its title and year
    assert len(Library.open(lib.root)) == 2


FIFO_READERS = {  # every file a command reads that a person names or edits (`check` and `claims extract` aside)
    "import": (["import", "{fifo}"], "input.txt"),
    "fetch --pmid-file": (["fetch", "--pmid-file", "{fifo}"], "input.txt"),
    "claims adopt": (["claims", "adopt", "{fifo}", "--reviewer", "R", "--note", "N"], "input.txt"),
    "the NCBI config file": (["fetch", "--pmid", "30592476"], "config/ketalit/config.toml"),
    "the library's screening.toml": (["screen", "reasons"], "lib/screening.toml"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", sorted(FIFO_READERS))
def test_fifo_is_refused_not_waited_on(case: str, lib: Library, tmp_path: Path) -> None:
    """A FIFO (or any other non-regular file) where a file is read is refused at once, never waited on: nothing
    would ever write to it."""
    args, where = FIFO_READERS[case]
    config = tmp_path / "config"
    fifo = tmp_path / where
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    before = (lib.root / "ketalit.json").read_bytes()
    env = {k: v for k, v in os.environ.items() if k not in ("NCBI_API_KEY", "NCBI_EMAIL")}
    env.update(XDG_CONFIG_HOME=str(config), KETALIT_EUTILS_URL="http://127.0.0.1:9/")  # nothing may be asked
    args = [str(fifo) if a == "{fifo}" else a for a in args]
    proc = run_ketalit("--library", str(lib.root), *args, env=env, timeout=30)
    one_line_error(proc.returncode, proc.stderr, str(fifo), "not a regular file")
    assert (lib.root / "ketalit.json").read_bytes() == before


@pytest.mark.e2e
def test_a_folder_to_import_is_named_as_a_folder(lib: Library, runner, tmp_path: Path) -> None:
    cli_error(run_cli(runner, lib.root, "import", str(tmp_path)), str(tmp_path), "is a folder, not a regular file")


@pytest.mark.e2e
def test_medline_continuation_line_outside_a_record(lib: Library, runner, tmp_path: Path) -> None:
    """Found by bench/fuzz_import.py: Biopython's MEDLINE parser fails with a KeyError on this."""
    path = tmp_path / "odd.nbib"
    path.write_text("PMID- 31234567\nTI  - Ketamine for migraine.\nAB  - Short.\n\n      a stray line\n")
    cli_error(run_cli(runner, lib.root, "import", str(path)), f"{path}: line 5: a continuation line outside")


@pytest.mark.e2e
def test_bibtex_syntax_error_is_one_line(lib: Library, tmp_path: Path) -> None:
    """Found by bench/fuzz_import.py: bibtexparser's reason quotes the broken text, line breaks and all."""
    path = tmp_path / "broken.bib"
    path.write_text("@article{key1,\n  title = {Ketamine},\n  short\nLID - 10.1/x [doi]me interaction.}\n")
    proc = run_ketalit("--library", str(lib.root), "import", str(path))
    line = one_line_error(proc.returncode, proc.stderr, str(path), "BibTeX syntax error")
    with pytest.raises(ImportFormatError) as caught:
        import_files(lib, [path])
    assert "\n" not in str(caught.value) and str(caught.value) in line
