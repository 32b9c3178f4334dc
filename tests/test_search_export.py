"""Search (query language, ranking, errors) and exports (BibTeX that parses and compiles, RIS/CSL-JSON round trips)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pybtex.database
import pytest

from ketalit.formats.bibtex import dump_bibtex, expand_pages
from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.records import author, new_record
from ketalit.search import QueryError, parse_query, search_library
from ketalit.search.store import connect, indexed_shards
from ketalit.userfields import add_note

from conftest import FIXTURES, NCBI, latex_to_text, run_cli


@pytest.fixture
def shipped(shipped_copy: Path) -> Library:
    return Library.open(shipped_copy)


def pmids(results: list[dict]) -> set[str]:
    return {r["pmid"] or r["doi"] for r in results}


# -- search ------------------------------------------------------------------------------------------------------------


def test_tag_filters_match_the_stored_tags(shipped: Library) -> None:
    got = search_library(shipped, "route:intranasal design:rct", limit=None)
    want = [r for r in shipped.records() if "intranasal" in r["tags"]["route"] and r["tags"]["design"] == ["rct"]]
    assert len(got) == len(want) > 3
    assert {r["_id"] for r in got} == {r["_id"] for r in want}


def test_words_phrases_boolean_and_fields(shipped: Library) -> None:
    recs = shipped.records()

    def has(r: dict, word: str) -> bool:
        text = (r["title"] + " " + " ".join(s["text"] for s in r["abstract"])).lower()
        return word in text

    nebul = {r["_id"] for r in recs if has(r, "nebuli")}
    got = {r["_id"] for r in search_library(shipped, "nebulized OR nebulised OR nebulizer", limit=None)}
    assert got == nebul and got
    phrase = {r["_id"] for r in search_library(shipped, '"respiratory depression"', limit=None)}
    assert phrase == {r["_id"] for r in recs if has(r, "respiratory depression")}
    both = {r["_id"] for r in search_library(shipped, "ketamine NOT route:intravenous year:2015..2020", limit=None)}
    assert both == {
        r["_id"]
        for r in recs
        if has(r, "ketamine") and "intravenous" not in r["tags"]["route"] and r["year"] and 2015 <= r["year"] <= 2020
    }
    grouped = search_library(shipped, "(route:inhaled OR route:intranasal) design:meta_analysis", limit=None)
    assert all(
        set(r["tags"]["route"]) & {"inhaled", "intranasal"} and r["tags"]["design"] == ["meta_analysis"]
        for r in grouped
    )
    motov = search_library(shipped, "author:motov", limit=None)
    assert motov and all(
        "Motov" in shipped.record(r["_id"])["authors"][0]["family"]
        or any(a["family"] == "Motov" for a in shipped.record(r["_id"])["authors"])
        for r in motov
    )
    assert [r["pmid"] for r in search_library(shipped, "pmid:25817884")] == ["25817884"]


def test_ranking_puts_the_best_match_first(shipped: Library) -> None:
    res = search_library(shipped, "nebulized ketamine", limit=5)
    assert "ebuli" in res[0]["title"]
    assert res == sorted(res, key=lambda r: -r["score"])
    by_year = search_library(shipped, "ketamine", limit=None, sort="year")
    years = [r["year"] for r in by_year]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize(
    "query,fragment",
    [
        ('"respiratory depression', "unbalanced quote"),
        ("(ketamine OR morphine", "unbalanced parenthesis"),
        ("ketamine)", "unbalanced parenthesis"),
        ("colour:blue", "unknown field 'colour'"),
        ("route:telepathic", "unknown route tag 'telepathic'"),
        ("year:20x5", "bad year"),
        ("year:2020..2010", "2020 is after 2010"),
        ("ketamine OR", "ends where a term is expected"),
    ],
)
def test_malformed_queries_point_at_the_problem(shipped: Library, query: str, fragment: str) -> None:
    with pytest.raises(QueryError) as info:
        search_library(shipped, query)
    assert fragment in str(info.value)
    lines = str(info.value).splitlines()
    assert lines[1].strip() == query and "^" in lines[2]


@pytest.mark.e2e
@pytest.mark.parametrize("query", ['pain AND "unbalanced', "a\nroute:bogus", "(ketamine"])
def test_cli_query_error_puts_the_caret_under_the_problem(runner, shipped_copy: Path, query: str) -> None:
    res = run_cli(runner, shipped_copy, "search", query)
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert len(lines) == 3 and lines[0].startswith("error: bad query at column ")
    column = int(lines[0].split("column ")[1].split(":")[0])
    assert lines[1] == "  " + query.replace("\n", " ")
    assert lines[2] == "  " + " " * (column - 1) + "^"


@pytest.mark.e2e
def test_search_cli_json_ids_and_errors(runner, shipped_copy: Path) -> None:
    res = run_cli(runner, shipped_copy, "search", "route:inhaled", "--json", "--limit", "0")
    assert res.exit_code == 0
    rows = json.loads(res.output)
    assert rows and all("inhaled" in r["tags"]["route"] for r in rows)
    ids = run_cli(runner, shipped_copy, "search", "route:inhaled", "--ids", "--limit", "0").output.split()
    assert ids == [r["pmid"] or r["doi"] or r["citekey"] for r in rows]
    bad = run_cli(runner, shipped_copy, "search", "route:telepathic")
    assert bad.exit_code == 1 and "unknown route tag" in bad.output


@pytest.mark.parametrize(
    "minus,words",
    [
        ("ketamine -intranasal", "ketamine NOT intranasal"),
        ('-"respiratory depression" ketamine', 'NOT "respiratory depression" ketamine'),
        ("ketamine -route:intravenous -design:rct", "ketamine NOT route:intravenous NOT design:rct"),
        ("ketamine -(nasal OR intranasal)", "ketamine NOT (nasal OR intranasal)"),
        ("ketamine -nebuli*", "ketamine NOT nebuli*"),
    ],
)
def test_a_leading_minus_excludes_a_term(shipped: Library, minus: str, words: str) -> None:
    """'-term' excludes, as in a web search box; it used to find records with the term."""
    got = {r["_id"] for r in search_library(shipped, minus, limit=None)}
    assert got == {r["_id"] for r in search_library(shipped, words, limit=None)}
    assert got and got != {r["_id"] for r in search_library(shipped, words.replace("NOT ", ""), limit=None)}


def test_a_hyphen_inside_a_word_is_not_a_minus() -> None:
    assert parse_query("s-ketamine low-dose").kind == "and"
    assert parse_query("s-ketamine").kind == "word"
    assert parse_query("ketamine -nasal").args[1].kind == "not"


@pytest.mark.e2e
def test_search_cli_takes_a_query_that_starts_with_a_minus(runner, shipped_copy: Path) -> None:
    """`ketalit search -intranasal ketamine`: words that start with '-' are the query's, even where they begin like
    one of the command's short options (-n, -f); the options themselves still work anywhere."""

    def ids(*args: str) -> list[str]:
        res = run_cli(runner, shipped_copy, "search", *args)
        assert res.exit_code == 0, res.output
        return res.output.split()

    want = ids("ketamine NOT intranasal NOT fentanyl", "--ids", "--limit", "0")
    assert want and ids("-intranasal", "ketamine", "-fentanyl", "--ids", "-n", "0") == want
    assert ids("--ids", "-n", "0", "-intranasal", "ketamine -fentanyl") == want
    assert ids("--ids", "-n", "0", "--", "-intranasal", "ketamine", "-fentanyl") == want
    assert ids("--ids", "--limit=3", "-nasal", "ketamine") == ids("--ids", "-n", "3", "ketamine NOT nasal")
    helped = " ".join(run_cli(runner, shipped_copy, "search", "--help").output.split())
    assert "a '-' before a term excludes it" in helped


def test_index_is_rebuilt_when_the_library_changes(lib: Library) -> None:
    import_files(lib, [NCBI / "pubmed1.xml"])
    assert search_library(lib, "pmid:90000001") == []
    import_files(Library.open(lib.root), [FIXTURES / "quirks.pubmed.xml"])
    assert [r["pmid"] for r in search_library(Library.open(lib.root), "pmid:90000001")] == ["90000001"]
    on_disk = connect(lib.root / ".index")  # the index kept in .index/ reflects the library as it is now
    assert indexed_shards(on_disk) == Library.open(lib.root).shard_generations()


def test_parse_query_structure() -> None:
    node = parse_query('apnea OR hypoxia ketamine NOT "dog eel" title:x')
    # OR binds loosest: apnea OR (hypoxia AND ketamine AND NOT "dog eel" AND title:x)
    assert node.kind == "or" and node.args[0].args == ["apnea"]
    right = node.args[1]
    assert right.kind == "and" and right.args[1].kind == "field" and right.args[1].args == ["title", "x"]


# -- BibTeX ------------------------------------------------------------------------------------------------------------

NASTY = new_record(
    pmid="99999991",
    doi="10.1000/x_y%z",
    title="The {un}balanced \\emph @home: 50% of S-ketamine & IL-6 in NMDA ~ ^ $",
    authors=[
        author("Müller", "Jürgen"),
        author("De Vivo", "Immaculata"),
        author(collective="Ketamine & Pain Group"),
        author("Nguyễn", "Thị"),
    ],
    journal="J Pain & Res",
    year=2020,
    month=3,
    volume="12",
    issue="3",
    pages="101-9",
    abstract=[{"label": "RESULTS", "category": "", "text": "p<0.05; 5 µg/kg {braces} \\ backslash @ at"}],
    citekey="muller2020unbalanced",
)


@pytest.mark.parametrize("encoding", ["latex", "utf8"])
def test_bibtex_round_trips_through_bibtexparser_and_pybtex(encoding: str) -> None:
    text = dump_bibtex([NASTY], encoding=encoding, abstract=True)
    if encoding == "latex":
        assert text.isascii()
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 1
    entry = lib.entries[0]
    assert entry.key == "muller2020unbalanced" and entry.entry_type == "article"
    fields = {f.key: f.value for f in entry.fields}
    assert latex_to_text(fields["title"]) == NASTY["title"]
    assert latex_to_text(fields["abstract"]) == "RESULTS: " + NASTY["abstract"][0]["text"]
    assert fields["pages"] == "101--109" and fields["pmid"] == "99999991" and fields["month"] == "mar"
    assert latex_to_text(fields["doi"]) == NASTY["doi"]
    pb = pybtex.database.parse_string(text, "bibtex")
    e = pb.entries["muller2020unbalanced"]
    persons = e.persons["author"]
    assert [latex_to_text(" ".join(p.last_names)) for p in persons] == [
        "Müller",
        "De Vivo",
        "Ketamine & Pain Group",
        "Nguyễn",
    ]
    assert latex_to_text(" ".join(persons[0].first_names)) == "Jürgen"
    assert e.fields["journal"] and e.fields["year"] == "2020"


def test_bibtex_protects_inherent_capitals_only() -> None:
    text = dump_bibtex([NASTY], "utf8")
    title = re.search(r"title = \{(.*)\},\n", text).group(1)
    assert "{S-ketamine}" in title and "{IL-6}" in title and "{NMDA}" in title
    assert "{The}" not in title


def test_expand_pages() -> None:
    assert expand_pages("101-9") == "101--109" and expand_pages("1116-1122") == "1116--1122"
    assert expand_pages("e60561") == "e60561" and expand_pages("S12-S19") == "S12--S19"


@pytest.mark.e2e
def test_citekeys_are_stable_across_reimport_and_subsets(tmp_path: Path, runner) -> None:
    lib = Library.init(tmp_path / "lib")
    import_files(lib, [NCBI / "pubmed2.xml", FIXTURES / "quirks.pubmed.xml"])
    keys = {r["pmid"]: r["citekey"] for r in Library.open(lib.root).records()}
    assert len(set(keys.values())) == len(keys)
    import_files(Library.open(lib.root), [FIXTURES / "quirks.pubmed.xml", NCBI / "pubmed2.xml"])
    assert {r["pmid"]: r["citekey"] for r in Library.open(lib.root).records()} == keys
    subset = run_cli(runner, lib.root, "export", "bibtex", "pmid:90000001").output
    assert f"@article{{{keys['90000001']}," in subset and subset.count("@") == 1


def test_clashing_keys_get_suffixes_in_arrival_order(lib: Library, tmp_path: Path) -> None:
    items = [
        {
            "id": str(i),
            "type": "article-journal",
            "title": f"Ketamine study number {i}",
            "author": [{"family": "Smith", "given": "A"}],
            "issued": {"date-parts": [[2020]]},
        }
        for i in range(3)
    ]
    path = tmp_path / "x.json"
    path.write_text(json.dumps(items))
    import_files(lib, [path])
    assert [r["citekey"] for r in Library.open(lib.root).records()] == [
        "smith2020ketamine",
        "smith2020ketaminea",
        "smith2020ketamineb",
    ]


@pytest.mark.e2e
@pytest.mark.skipif(
    shutil.which("bibtex") is None or shutil.which("pdflatex") is None,
    reason="needs texlive (bibtex, pdflatex): .ci/run installs it",
)
def test_latex_document_citing_every_key_compiles_without_warnings(runner, shipped_copy: Path, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    proc = run_cli(runner, shipped_copy, "export", "bibtex", "-o", str(bib))  # in process: LaTeX is what is tested
    assert proc.exit_code == 0, proc.output
    keys = re.findall(r"^@\w+\{([^,]+),", bib.read_text(), re.M)
    assert len(keys) == len(Library.open(shipped_copy))
    cites = "\\nocite{*}\\cite{" + ",".join(keys) + "}\n"
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n"
        + cites
        + "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n"
    )
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "errors": "replace", "timeout": 300}
    first = subprocess.run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], **run)
    assert first.returncode == 0, first.stdout[-2000:]
    bt = subprocess.run(["bibtex", "doc"], **run)
    assert bt.returncode == 0, bt.stdout
    assert "Warning" not in bt.stdout and "error" not in bt.stdout.lower(), bt.stdout
    for _ in range(2):
        final = subprocess.run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], **run)
    assert final.returncode == 0
    log = (tmp_path / "doc.log").read_text(errors="replace")
    assert "Citation" not in log or "undefined" not in log


# -- RIS and CSL-JSON round trips --------------------------------------------------------------------------------------

ROUND_TRIP_FIELDS = (
    "pmid",
    "doi",
    "pmcid",
    "title",
    "journal",
    "year",
    "volume",
    "issue",
    "pages",
    "keywords",
    "retracted",
    "language",
)


def _compare(a: dict, b: dict, fields: tuple[str, ...], sections: bool) -> None:
    for f in fields:
        assert a[f] == b[f], (f, a[f], b[f])
    got = [(x["family"], x["given"], x["collective"]) for x in b["authors"]]
    assert got == [(x["family"], x["given"], x["collective"]) for x in a["authors"]]
    if sections:  # CSL-JSON carries the labelled sections (in custom)
        assert b["abstract"] == a["abstract"]
    else:  # RIS has one abstract field: the text survives, an unlabelled section's boundary does not
        from ketalit.records import abstract_text

        assert re.sub(r"[A-Z ]+: ", "", abstract_text(b)) == re.sub(r"[A-Z ]+: ", "", abstract_text(a))


@pytest.mark.e2e
@pytest.mark.parametrize("fmt", ["ris", "csljson"])
def test_export_then_import_gives_the_same_records(fmt: str, tmp_path: Path, runner) -> None:
    src = Library.init(tmp_path / "src")
    import_files(src, [NCBI / "pubmed2.xml", NCBI / "pubmed4.xml", FIXTURES / "quirks.pubmed.xml"])
    add_note(src, "90000001", "user note is not exported")
    out = tmp_path / f"export.{fmt}"
    assert run_cli(runner, src.root, "export", fmt, "-o", str(out)).exit_code == 0
    dst = Library.init(tmp_path / "dst")
    import_files(dst, [out])
    a = {r["pmid"]: r for r in Library.open(src.root).records()}
    b = {r["pmid"]: r for r in Library.open(dst.root).records()}
    assert set(a) == set(b)
    fields = ROUND_TRIP_FIELDS + (("month", "journal_iso") if fmt == "csljson" else ("month",))
    for pmid in a:
        _compare(a[pmid], b[pmid], fields, sections=fmt == "csljson")
    if fmt == "csljson":
        assert all(b[p]["citekey"] == a[p]["citekey"] for p in a)  # kept in custom
