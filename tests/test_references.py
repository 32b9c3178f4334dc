"""Reference-manager basics: BibTeX import keeping keys, CSL-JSON citation keys, `key`, `edit`, `remove`,
near-duplicates, pipes (stdin, TSV) and PubMed's query syntax."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest

from ketalit.curation import edit_record, remove_records
from ketalit.duplicates import find_duplicates, merge_records
from ketalit.formats.bibtex import dump_bibtex
from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.screening import decisions, screen
from ketalit.search import QueryError, search_library
from ketalit.userfields import add_note, notes, set_citekey

from conftest import FIXTURES, NCBI, run_cli, run_ketalit

BBT = FIXTURES / "zotero_bbt.bib"


def _entries(text: str) -> dict[str, dict[str, str]]:
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    return {e.key: {f.key: f.value for f in e.fields} for e in lib.entries}


# -- BibTeX import --------------------------------------------------------------------------------------------------


def test_better_bibtex_file_keeps_every_key_and_field(lib: Library) -> None:
    report = import_files(lib, [BBT])
    assert report.added == 3 and report.files[0]["format"] == "bibtex"
    recs = {r["citekey"]: r for r in Library.open(lib.root).records()}
    source = _entries(BBT.read_text())
    assert set(recs) == set(source)  # every key kept as written
    a = recs["andolfattoIntranasalKetamineAnalgesia2013"]
    assert (a["pmid"], a["doi"], a["year"], a["month"]) == ("24127709", "10.1111/acem.12229", 2013, 6)
    assert (a["journal"], a["journal_iso"], a["pages"], a["issue"]) == (
        "Academic Emergency Medicine",
        "Acad Emerg Med",
        "1050-1054",
        "10",
    )
    assert a["keywords"] == ["Administration Intranasal", "Analgesics", "Ketamine", "Pain Measurement"]
    assert a["abstract"][0]["label"] == "OBJECTIVES"
    assert a["extra"]["file"].startswith("Full Text PDF:/home/reviewer/Zotero/storage/")
    assert {"issn", "url", "urldate", "shorttitle"} <= set(a["extra"])
    m = recs["mullerUberAkuteSchmerztherapie2019"]
    assert m["title"].startswith("Über die akute Schmerztherapie mit S-Ketamin und NMDA-Antagonisten")
    assert [(x["family"], x["given"]) for x in m["authors"]] == [
        ("Müller", "Jörg"),
        ("García-López", "María"),
        ("Østergaard", "Søren"),
        ("Carr", "D. B."),
    ]
    assert m["journal"] == "Der Anästhesist" and m["month"] == 3 and m["pmid"] == "30999999"
    g = recs["groupKetamineProcedural2022"]
    assert g["authors"][0]["collective"] == "Ketamine Study Group" and g["authors"][1]["family"] == "O'Brien"
    assert g["title"] == "Ketamine for Procedural and Acute Pain: A Consensus Statement & Practice Guide"
    assert g["pmcid"] == "PMC9000001" and "50%" in g["abstract"][0]["text"]
    # every field of the file is somewhere in the library
    for key, fields in source.items():
        rec = recs[key]
        extra = set(rec.get("extra") or {})
        for name in fields:
            assert name in extra or name in {
                "title", "author", "year", "month", "journal", "shortjournal", "volume", "number", "pages", "doi",
                "pmid", "pmcid", "abstract", "keywords", "langid",
            }, (key, name)  # fmt: skip


@pytest.mark.parametrize("encoding", ["latex", "utf8"])
def test_better_bibtex_file_reexports_with_the_same_keys(lib: Library, encoding: str) -> None:
    import_files(lib, [BBT])
    out = dump_bibtex(Library.open(lib.root).records(), encoding, abstract=True)
    again, source = _entries(out), _entries(BBT.read_text())
    assert set(again) == set(source)
    a = again["andolfattoIntranasalKetamineAnalgesia2013"]
    assert a["file"] == source["andolfattoIntranasalKetamineAnalgesia2013"]["file"]  # a path is written verbatim
    assert a["shortjournal"] == "Acad Emerg Med" and a["journal"] == "Academic Emergency Medicine"
    assert "Carr, D. B." in again["mullerUberAkuteSchmerztherapie2019"]["author"]
    assert again["groupKetamineProcedural2022"]["author"].startswith("{Ketamine Study Group} and ")


@pytest.mark.e2e
def test_bibtex_syntax_error_names_the_line_and_imports_nothing(lib: Library, tmp_path: Path, runner) -> None:
    bad = tmp_path / "bad.bib"
    bad.write_text(BBT.read_text() + "\n@article{broken,\n  title = {never closed\n")
    res = run_cli(runner, lib.root, "import", str(bad))
    assert res.exit_code == 1 and "bad.bib" in res.output and "line" in res.output
    assert len(Library.open(lib.root)) == 0


def test_file_key_replaces_an_assigned_key_but_never_a_pinned_one(lib: Library, tmp_path: Path) -> None:
    import_files(lib, [NCBI / "pubmed2.xml"])
    rec = Library.open(lib.root).records()[0]
    bib = tmp_path / "mine.bib"
    bib.write_text(f"@article{{myOwnKey2020,\n  title = {{{rec['title']}}},\n  pmid = {{{rec['pmid']}}}\n}}\n")
    report = import_files(Library.open(lib.root), [bib])
    assert Library.open(lib.root).find(rec["pmid"])["citekey"] == "myOwnKey2020"
    assert any("now 'myOwnKey2020'" in k for k in report.keys)
    bib.write_text(f"@article{{yetAnother2020,\n  title = {{{rec['title']}}},\n  pmid = {{{rec['pmid']}}}\n}}\n")
    report = import_files(Library.open(lib.root), [bib])
    assert Library.open(lib.root).find(rec["pmid"])["citekey"] == "myOwnKey2020"
    assert any("pinned" in k for k in report.keys)


# -- CSL-JSON keys -------------------------------------------------------------------------------------------------


@pytest.mark.e2e
def test_csljson_citation_key_and_better_bibtex_note_line(lib: Library, tmp_path: Path, runner) -> None:
    items = [
        {"id": "a", "type": "article-journal", "title": "Ketamine one", "citation-key": "smithKetamineOne2020"},
        {"id": "b", "type": "article-journal", "title": "Ketamine two", "note": "tex.x: y\nCitation Key: jonesTwo2021"},
    ]
    path = tmp_path / "zotero.json"
    path.write_text(json.dumps(items))
    res = run_cli(runner, lib.root, "import", str(path))
    assert res.exit_code == 0, res.output
    keys = {r["title"]: r["citekey"] for r in Library.open(lib.root).records()}
    assert keys == {"Ketamine one": "smithKetamineOne2020", "Ketamine two": "jonesTwo2021"}
    out = json.loads(run_cli(runner, lib.root, "export", "csljson").output)
    assert {i["citation-key"] for i in out} == {"smithKetamineOne2020", "jonesTwo2021"}


# -- key, edit, remove ----------------------------------------------------------------------------------------------


@pytest.mark.e2e
def test_key_pins_and_renames_and_refuses_a_clash(lib: Library, runner) -> None:
    import_files(lib, [NCBI / "pubmed2.xml"])
    a, b = Library.open(lib.root).records()[:2]
    res = run_cli(runner, lib.root, "key", a["pmid"], "myPaper2020")
    assert res.exit_code == 0, res.output
    assert Library.open(lib.root).find("myPaper2020")["pmid"] == a["pmid"]
    res = run_cli(runner, lib.root, "key", b["pmid"], "myPaper2020")
    assert res.exit_code == 1 and "taken" in res.output
    res = run_cli(runner, lib.root, "key", b["pmid"], "bad key,1")
    assert res.exit_code == 1 and "cannot read" in res.output
    old, new = set_citekey(Library.open(lib.root), "myPaper2020", "renamed2020")
    assert (old, new) == ("myPaper2020", "renamed2020")
    bib = run_cli(runner, lib.root, "export", "bibtex", f"pmid:{a['pmid']}").output
    assert "@article{renamed2020," in bib


@pytest.mark.e2e
def test_edit_survives_reimport_and_retags(lib: Library, runner) -> None:
    import_files(lib, [FIXTURES / "quirks.pubmed.xml"])
    res = run_cli(runner, lib.root, "edit", "90000001", "year=1999", "title=Oral ketamine for pain", "journal=J Test")
    assert res.exit_code == 0, res.output
    import_files(Library.open(lib.root), [FIXTURES / "quirks.pubmed.xml"])
    rec = Library.open(lib.root).find("90000001")
    assert (rec["year"], rec["title"], rec["journal"]) == (1999, "Oral ketamine for pain", "J Test")
    assert "oral" in rec["tags"]["route"]
    assert run_cli(runner, lib.root, "edit", "90000001", "year=soon").exit_code == 1
    assert run_cli(runner, lib.root, "edit", "90000001", "colour=red").exit_code == 1
    rec, changes = edit_record(Library.open(lib.root), "90000001", ["authors=Carr, Daniel B; {Study Group}"])
    assert rec["authors"][0]["given"] == "Daniel B" and rec["authors"][1]["collective"] == "Study Group"


@pytest.mark.e2e
def test_remove_takes_user_data_with_it_and_asks_first(lib: Library, runner) -> None:
    import_files(lib, [NCBI / "pubmed2.xml"])
    pmids = [r["pmid"] for r in Library.open(lib.root).records()]
    add_note(Library.open(lib.root), pmids[0], "to go")
    screen(Library.open(lib.root), pmids[0], "exclude", "wrong population", reviewer="ann")
    res = runner.invoke(
        __import__("ketalit.cli", fromlist=["app"]).app, ["-L", str(lib.root), "remove", pmids[0]], input="n\n"
    )
    assert res.exit_code == 1 and len(Library.open(lib.root)) == len(pmids)
    res = run_cli(runner, lib.root, "remove", pmids[0], "--yes", "--reason", "out of scope")
    assert res.exit_code == 0, res.output
    after = Library.open(lib.root)
    assert after.find(pmids[0]) is None and len(after) == len(pmids) - 1
    assert decisions(after) == [] and after.table("notes").all() == []
    assert run_cli(runner, lib.root, "remove", "999999999", "--yes").exit_code == 1
    with pytest.raises(Exception, match="nothing removed"):
        remove_records(after, [pmids[1], "999999999"])
    assert len(Library.open(lib.root)) == len(pmids) - 1


# -- near-duplicates --------------------------------------------------------------------------------------------------


def _dup_library(lib: Library, tmp_path: Path) -> None:
    items = [
        {
            "id": "pre",
            "type": "article-journal",
            "title": "Intranasal ketamine versus fentanyl for pediatric limb injuries: a randomized trial",
            "author": [{"family": "Frey", "given": "Tim"}],
            "issued": {"date-parts": [[2018]]},
            "DOI": "10.1101/2018.01.01.12345",
        },
        {
            "id": "pub",
            "type": "article-journal",
            "title": "Intranasal ketamine versus fentanyl for paediatric limb injuries: a randomised trial",
            "author": [{"family": "Frey", "given": "T"}],
            "issued": {"date-parts": [[2019]]},
            "DOI": "10.1001/jamapediatrics.2018.0000",
            "PMID": "30000001",
        },
        {
            "id": "typo",
            "type": "article-journal",
            "title": "Low-dose ketamine for renal colic in the emergency departmnet",
            "author": [{"family": "Lee", "given": "A"}],
            "issued": {"date-parts": [[2020]]},
        },
        {
            "id": "other",
            "type": "article-journal",
            "title": "Low-dose ketamine for renal colic in the emergency department",
            "author": [{"family": "Lee", "given": "Anna"}],
            "issued": {"date-parts": [[2020]]},
            "PMID": "30000002",
            "DOI": "10.1000/other",
        },
    ]
    path = tmp_path / "dups.json"
    path.write_text(json.dumps(items))
    import_files(lib, [path])


@pytest.mark.e2e
def test_duplicates_finds_preprint_and_typo_pairs(lib: Library, tmp_path: Path, runner) -> None:
    _dup_library(lib, tmp_path)
    pairs = find_duplicates(Library.open(lib.root))
    found = {frozenset(r["doi"] or r["title"][-10:] for r in p["records"]) for p in pairs}
    assert frozenset({"10.1101/2018.01.01.12345", "10.1001/jamapediatrics.2018.0000"}) in found
    assert any("preprint" in " ".join(p["reasons"]) for p in pairs)
    assert frozenset({"departmnet", "10.1000/other"}) in found  # the typo pair
    out = json.loads(run_cli(runner, lib.root, "duplicates", "--json").output)
    assert len(out) == len(pairs)


@pytest.mark.e2e
def test_merge_keeps_both_identifiers_and_all_user_data(lib: Library, tmp_path: Path, runner) -> None:
    _dup_library(lib, tmp_path)
    lib = Library.open(lib.root)
    add_note(lib, "10.1101/2018.01.01.12345", "preprint read")
    screen(lib, "10.1101/2018.01.01.12345", "include", reviewer="ann")
    add_note(lib, "30000001", "published version")
    n = len(lib)
    res = run_cli(runner, lib.root, "duplicates", "--merge", "30000001", "10.1101/2018.01.01.12345")
    assert res.exit_code == 0, res.output
    lib = Library.open(lib.root)
    assert len(lib) == n - 1
    rec = lib.find("30000001")
    assert lib.find("10.1101/2018.01.01.12345")["_id"] == rec["_id"]  # the preprint DOI still leads here
    assert sorted(x["text"] for x in notes(lib, rec["_id"])) == ["preprint read", "published version"]
    assert [d["reviewer"] for d in decisions(lib, record=rec["_id"])] == ["ann"]
    assert rec["merged"][0]["doi"] == "10.1101/2018.01.01.12345"
    import_files(lib, [tmp_path / "dups.json"])  # re-importing the preprint does not bring the duplicate back
    assert len(Library.open(lib.root)) == n - 1
    with pytest.raises(Exception, match="different PMIDs"):
        merge_records(Library.open(lib.root), "30000001", "30000002")


# -- pipes -----------------------------------------------------------------------------------------------------------


@pytest.mark.e2e
def test_import_from_stdin_redirected_from_a_file_reads_it_from_where_stdin_stands(runner, tmp_path: Path) -> None:
    # `(read line; ketalit import -) < file`: standard input is the file, already read past its first line; the
    # import reads the rest of it, the whole of it once (the format is recognised on its start first). The libraries
    # are made, and the reference import done, in this process: only the import from standard input is the process's.
    import subprocess
    import sys

    lib = tmp_path / "lib"
    assert run_cli(runner, lib, "init").exit_code == 0
    given = tmp_path / "given.txt"
    first = b"a line the shell read first\n"
    given.write_bytes(first + (NCBI / "pubmed2.xml").read_bytes())
    with given.open("rb", buffering=0) as fh:
        fh.seek(len(first))
        proc = subprocess.run(
            [sys.executable, "-m", "ketalit", "--library", str(lib), "import", "-"], stdin=fh, capture_output=True
        )
    assert proc.returncode == 0, proc.stderr
    plain = tmp_path / "plain"
    assert run_cli(runner, plain, "init").exit_code == 0
    assert run_cli(runner, plain, "import", str(NCBI / "pubmed2.xml")).exit_code == 0
    assert [r["pmid"] for r in Library.open(lib).records()] == [r["pmid"] for r in Library.open(plain).records()]
    assert len(Library.open(lib)) > 1


@pytest.mark.e2e
def test_import_from_stdin_and_tsv_out(runner, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert run_cli(runner, lib, "init").exit_code == 0  # in process: the import and the search are the process's
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "ketalit", "--library", str(lib), "import", "-"],
        input=(NCBI / "pubmed2.xml").read_bytes(),
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    n = len(Library.open(lib))
    assert n > 0
    out = run_ketalit(
        "--library",
        str(lib),
        "search",
        "year:..2100",
        "-n",
        "0",
        "--format",
        "tsv",
        "--fields",
        "pmid,year,title,route",
    )
    assert out.returncode == 0, out.stderr
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert len(rows) == n and all(len(r) == 4 and r[0].isdigit() for r in rows)
    titles = {r["pmid"]: r["title"] for r in Library.open(lib).records()}
    assert all(" ".join(titles[r[0]].split()) == r[2] for r in rows)  # whole titles, one line each
    bad = run_ketalit("--library", str(lib), "search", "ketamine", "--format", "tsv", "--fields", "pmid,colour")
    assert bad.returncode == 1 and "colour" in bad.stderr


@pytest.mark.e2e
def test_tables_do_not_wrap_into_a_pipe(shipped_copy: Path) -> None:
    out = run_ketalit("--library", str(shipped_copy), "search", "nebulized ketamine", "--limit", "3")
    assert out.returncode == 0, out.stderr
    lib = Library.open(shipped_copy)
    titles = [r["title"] for r in search_library(lib, "nebulized ketamine", limit=3)]
    for t in titles:
        assert any(t in line for line in out.stdout.splitlines()), t


@pytest.mark.e2e
def test_export_accepts_utf_dash_8(shipped_copy: Path, tmp_path: Path) -> None:
    out = run_ketalit("--library", str(shipped_copy), "export", "bibtex", "--encoding", "utf-8")
    assert out.returncode == 0, out.stderr
    assert "UTF-8" in out.stdout.splitlines()[0]


# -- PubMed syntax ---------------------------------------------------------------------------------------------------


def test_pubmed_field_tags_and_truncation(shipped_copy: Path) -> None:
    lib = Library.open(shipped_copy)
    records = lib.records()

    def ids(q: str) -> set[int]:
        return {r["_id"] for r in search_library(lib, q, limit=None)}

    in_title = {r["_id"] for r in records if re.search(r"\brenal colic\b", r["title"], re.I)}
    assert ids('"renal colic"[ti]') == in_title and in_title
    tiab = ids("colic[tiab]")
    assert in_title <= tiab
    assert ids("2016:2017[dp]") == {r["_id"] for r in records if r["year"] in (2016, 2017)}
    assert ids("2016[dp]") == {r["_id"] for r in records if r["year"] == 2016}
    motov = {r["_id"] for r in records if any(a["family"] == "Motov" for a in r["authors"])}
    assert ids("motov[au]") == motov and ids("motov s[au]") <= motov
    nebul = ids("nebuli*")
    assert nebul == {r["_id"] for r in records if re.search(r"\bnebuli[sz]", " ".join(
        [r["title"], " ".join(s["text"] for s in r["abstract"]), " ".join(r["keywords"])]), re.I)}  # fmt: skip
    assert (
        ids('"journal article"[pt]')
        == ids("journal article[pt]")
        == {r["_id"] for r in records if "Journal Article" in r["publication_types"]}
    )
    for bad in ("pain[la]", "ke*", "[tiab]"):
        with pytest.raises(QueryError):
            search_library(lib, bad)


@pytest.mark.e2e
def test_unknown_pubmed_tag_is_refused_by_name(shipped_copy: Path) -> None:
    out = run_ketalit("--library", str(shipped_copy), "search", "ketamine[majr] pain[sh]")
    assert out.returncode == 1 and "[sh]" in out.stderr and "[tiab]" in out.stderr


# -- author initials and journal names, in storage and every output ---------------------------------------------------

INITIALS = [  # (given name as written, the initials tables show, the given name BibTeX writes)
    ("PP", "PP", "P. P."),
    ("P.P.", "PP", "P. P."),
    ("D B", "DB", "D. B."),
    ("Lucas Oliveira J", "LOJ", "Lucas Oliveira J"),
    ("Jean-Pierre", "JP", "Jean-Pierre"),
    ("Anna", "A", "Anna"),
]


@pytest.mark.e2e
def test_initials_are_kept_whole_in_storage_and_every_output(lib: Library, tmp_path: Path, runner) -> None:
    """'Bredmose, PP' was stored with initials 'P' and shown as "Bredmose P"."""
    items = [
        {
            "id": f"i{n}",
            "type": "article-journal",
            "title": f"Prehospital ketamine, case {n}",
            "author": [{"family": f"Family{chr(65 + n)}", "given": given}],
            "issued": {"date-parts": [[2009]]},
            "DOI": f"10.1136/test.{n}",
        }
        for n, (given, _, _) in enumerate(INITIALS)
    ]
    (tmp_path / "items.json").write_text(json.dumps(items))
    import_files(lib, [tmp_path / "items.json"])
    stored = {r["doi"]: r["authors"][0] for r in Library.open(lib.root).records()}
    want = {f"10.1136/test.{n}": (f"Family{chr(65 + n)}", initials) for n, (_, initials, _) in enumerate(INITIALS)}
    assert {doi: (a["family"], a["initials"]) for doi, a in stored.items()} == want

    tsv = run_cli(runner, lib.root, "search", "ketamine", "--format", "tsv", "--fields", "doi,authors").output
    assert {tuple(line.split("\t")) for line in tsv.splitlines()} == {(d, f"{f} {i}") for d, (f, i) in want.items()}
    table = " ".join(run_cli(runner, lib.root, "show", "10.1136/test.0").output.split())
    assert "FamilyA PP" in table
    bib = _entries(run_cli(runner, lib.root, "export", "bibtex").output)
    assert {e["doi"]: e["author"] for e in bib.values()} == {
        f"10.1136/test.{n}": f"Family{chr(65 + n)}, {written}" for n, (_, _, written) in enumerate(INITIALS)
    }
    ris = run_cli(runner, lib.root, "export", "ris").output
    csl = json.loads(run_cli(runner, lib.root, "export", "csljson").output)
    for n, (given, _, _) in enumerate(INITIALS):
        assert f"AU  - Family{chr(65 + n)}, {given}\n" in ris
        assert {"family": f"Family{chr(65 + n)}", "given": given} in [a for i in csl for a in i["author"]]


@pytest.mark.e2e
def test_one_journal_form_per_field(lib: Library, tmp_path: Path, runner) -> None:
    """The full title goes in `journal`, the ISO abbreviation in `journal_iso` (BibTeX `shortjournal`, CSL-JSON
    `container-title-short`, RIS `JA`) where the source gives it: PubMed XML has both. The snapshot's XML repeats one
    name as Title and MedlineTA, which says nothing about which form it is: it is kept once, as the title, and no
    field claims it is the abbreviation (it used to fill both, a full title in the abbreviation's fields)."""
    from conftest import SNAPSHOT

    snapshot = (SNAPSHOT / "ketamine_pain.pubmed.xml").read_text()
    one = re.search(
        r"<PubmedArticle>(?:(?!</PubmedArticle>).)*<PMID Version=\"1\">27006733</PMID>.*?</PubmedArticle>",
        snapshot,
        re.S,
    )
    assert one and "<Title>World Journal of Emergency Medicine</Title>" in one.group(0)
    (tmp_path / "one.xml").write_text(f"<PubmedArticleSet>{one.group(0)}</PubmedArticleSet>")
    import_files(lib, [NCBI / "pubmed1.xml", tmp_path / "one.xml"])
    recs = {r["pmid"]: r for r in Library.open(lib.root).records()}
    assert (recs["12091962"]["journal"], recs["12091962"]["journal_iso"]) == (
        "Social justice (San Francisco, Calif.)",
        "Soc Justice",
    )
    assert (recs["27006733"]["journal"], recs["27006733"]["journal_iso"]) == ("World Journal of Emergency Medicine", "")

    bib = {e["pmid"]: e for e in _entries(run_cli(runner, lib.root, "export", "bibtex").output).values()}
    assert (bib["12091962"]["journal"], bib["12091962"]["shortjournal"]) == (
        "Social justice (San Francisco, Calif.)",
        "Soc Justice",
    )
    assert bib["27006733"]["journal"] == "World Journal of Emergency Medicine" and "shortjournal" not in bib["27006733"]
    csl = {i["PMID"]: i for i in json.loads(run_cli(runner, lib.root, "export", "csljson").output)}
    assert csl["12091962"]["container-title-short"] == "Soc Justice"
    assert csl["27006733"]["container-title"] == "World Journal of Emergency Medicine"
    assert "container-title-short" not in csl["27006733"]
    ris = run_cli(runner, lib.root, "export", "ris").output.split("ER  -")
    first, second = (next(r for r in ris if f"AN  - {pmid}" in r) for pmid in ("12091962", "27006733"))
    assert "T2  - Social justice (San Francisco, Calif.)\n" in first and "JA  - Soc Justice\n" in first
    assert "T2  - World Journal of Emergency Medicine\n" in second and "JA  -" not in second


@pytest.mark.e2e
def test_an_abbreviation_alone_is_kept_as_the_abbreviation(lib: Library, tmp_path: Path, runner) -> None:
    """A MEDLINE record with only the title abbreviation (TA, no JT): stored as the abbreviation, never as the full
    title; BibTeX, which needs a journal, prints it there and says what it is in `shortjournal`."""
    medline = "PMID- 90000077\nTI  - Ketamine for renal colic.\nAU  - Smith J\nDP  - 2020\nTA  - Am J Emerg Med\n"
    (tmp_path / "ta.nbib").write_text(medline)
    import_files(lib, [tmp_path / "ta.nbib"])
    rec = Library.open(lib.root).records()[0]
    assert (rec["journal"], rec["journal_iso"]) == ("", "Am J Emerg Med")
    entry = next(iter(_entries(run_cli(runner, lib.root, "export", "bibtex").output).values()))
    assert entry["journal"] == entry["shortjournal"] == "Am J Emerg Med"
