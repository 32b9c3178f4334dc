"""Exports of hostile and damaged records: nothing forged, nothing lost, nothing that breaks bibtex or LaTeX.

Read back by the tools users have: the real bibtex and pdflatex, pybtex, bibtexparser, rispy.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import bibtexparser
import pybtex.database
import pybtex.errors
import pytest
import rispy

from ketalit.formats.bibtex import dump_bibtex, export_keys
from ketalit.formats.bibtex_import import parse_bibtex
from ketalit.formats.csljson import dump_csljson
from ketalit.formats.ris import dump_ris, parse_ris
from ketalit.importer import import_files
from ketalit.library import Library
from ketalit.library.citekey import check_key
from ketalit.records import author, new_record
from ketalit.report.data import report_data
from ketalit.report.render import render_pages
from ketalit.safetext import one_line
from ketalit.stats import iter_jsonl

from conftest import latex_to_text, run_cli, write_claims_catalogue

HOSTILE_TEXT = [
    "A lone } closes the field",
    "A lone { opens one",
    "Backslash \\ and a trailing one \\",
    "@article{forged, title = {x}} and @comment{",
    "50% of #3 cost $5 & ~ ^ _ more",
    "Controls \x00\x07\x08 and \x1b[2J\x1b]8;;http://x.example\x07link\x1b]8;;\x07 \x7f\x85\x9b31m",
    "Line\nbreaks\r\n\r\nand a blank line\u2028too",
    "Bidi \u202egnp.exe\u202c and \u2066isolate\u2069",
    "Fullwidth \uff03 and \uff5b braces, accents: Müller, Nguyễn",
]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_records() -> list[dict]:
    recs = []
    for i, text in enumerate(HOSTILE_TEXT):
        recs.append(
            new_record(
                pmid=str(90000000 + i),
                doi=f"10.1234/x}}{i}%#{{",
                title=f"{text} ketamine {i}",
                authors=[
                    author("Sm}ith", "A{"),
                    author("Smith and Jones", "B, C"),
                    author("others"),
                    author("", ""),
                    author(collective=f"Group }} of {{{{ \\ {text}"),
                    author("De Vivo", "Immaculata"),
                ],
                journal=f"J {text}",
                year=2020,
                month=(i % 14),  # 0 and 13 as a damaged import could leave them
                volume=f"12}}\nER  - \nTY  - JOUR {i}",
                issue="{3",
                pages="101-9}",
                abstract=[
                    {"label": "BACKGROUND", "category": "", "text": text},
                    {"label": "", "category": "", "text": "More\n\nTY  - BOOK\nTI  - forged\nER  - "},
                ],
                keywords=[f"kw {text}", "pain\nER  - ", "  "],
                tags={"route": [f"route}} {i}"], "outcome": [], "design": ["rct"], "setting": []},
                citekey=["bad key,}{", "dup", "dup", None, "ok2020", "x%y#z", "", "a\x1b[2Jb", "é"][i],
                extra={"url": f"http://x.example/}}{{{text}", "file": "a{b}c", "issn": text, "note": text},
            )
        )
    return recs


def _name_text(person) -> str:
    parts = person.first_names + person.middle_names + person.prelast_names + person.last_names + person.lineage_names
    return latex_to_text(" ".join(parts))


def _expected_names(rec: dict) -> list[str]:
    out = []
    for a in rec["authors"]:
        name = one_line(a["collective"]) or " ".join(x for x in (one_line(a["given"]), one_line(a["family"])) if x)
        if name:
            out.append(name)
    return out


@pytest.mark.parametrize("encoding", ["latex", "utf8"])
def test_bibtex_of_hostile_records_parses_to_the_same_entries(encoding: str) -> None:
    recs = hostile_records()
    text = dump_bibtex(recs, encoding, abstract=True, keywords=True)
    assert not CONTROL.search(text)
    if encoding == "latex":
        assert text.isascii()
    keys = export_keys(recs)
    assert len(set(keys)) == len(recs) and not any(check_key(k) for k in keys)
    assert keys[4] == "ok2020"  # a sound stored key is kept as it is

    parsed = bibtexparser.parse_string(text)
    assert not parsed.failed_blocks and [e.key for e in parsed.entries] == keys

    pybtex.errors.set_strict_mode(True)
    db = pybtex.database.parse_string(text, "bibtex")
    assert list(db.entries) == keys
    for rec, key in zip(recs, keys, strict=True):
        entry = db.entries[key]
        title, expected = latex_to_text(entry.fields["title"]), unicodedata.normalize("NFC", one_line(rec["title"]))
        if encoding == "utf8" or expected.isascii():
            assert title == expected
        else:  # classic bibtex is ASCII: Unicode letters become accent commands, the rest their nearest ASCII
            assert title.startswith(expected.split(" \uff03")[0])
        assert latex_to_text(entry.fields["doi"]) == rec["doi"]
        assert latex_to_text(entry.fields["volume"]) == one_line(rec["volume"])
        assert "month" not in entry.fields or 1 <= rec["month"] <= 12
        names = [_name_text(p) for p in entry.persons["author"]]
        assert names == _expected_names(rec) if encoding == "utf8" else len(names) == len(_expected_names(rec))
        abstract = latex_to_text(entry.fields["abstract"])
        assert abstract.startswith("BACKGROUND: ") and "TY - BOOK TI - forged ER -" in abstract


@pytest.mark.parametrize("encoding", ["latex", "utf8"])
def test_bibtex_of_hostile_records_imports_back(encoding: str) -> None:
    recs = hostile_records()
    got, skipped = parse_bibtex(dump_bibtex(recs, encoding), "x.bib")
    assert len(got) == len(recs) and not skipped
    assert [r["citekey"] for r in got] == export_keys(recs)
    for rec, back in zip(recs, got, strict=True):
        if encoding == "utf8" or one_line(rec["title"]).isascii():
            assert back["title"] == one_line(rec["title"])
        assert back["pmid"] == rec["pmid"] and len(back["authors"]) == len(rec["authors"]) - 1  # less the nameless


@pytest.mark.e2e
@pytest.mark.skipif(
    shutil.which("bibtex") is None or shutil.which("pdflatex") is None,
    reason="needs texlive (bibtex, pdflatex): .ci/run installs it",
)
@pytest.mark.parametrize("encoding", ["latex", "utf8"])
def test_real_bibtex_reads_every_hostile_entry(encoding: str, tmp_path: Path) -> None:
    recs = hostile_records()
    keys = export_keys(recs)
    (tmp_path / "refs.bib").write_text(dump_bibtex(recs, encoding, abstract=True, keywords=True), encoding="utf-8")
    cites = "".join(f"\\citation{{{k}}}\n" for k in keys)
    (tmp_path / "doc.aux").write_text(cites + "\\bibdata{refs}\n\\bibstyle{plain}\n")
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "errors": "replace", "timeout": 120}
    bt = subprocess.run(["bibtex", "doc"], **run)
    blg = (tmp_path / "doc.blg").read_text(errors="replace")
    assert bt.returncode == 0 and "error message" not in blg and "Warning--" not in blg, blg
    bbl = (tmp_path / "doc.bbl").read_text(errors="replace")
    assert sorted(re.findall(r"\\bibitem\{([^}]*)\}", bbl)) == sorted(keys)
    assert "forged" not in re.findall(r"\\bibitem\{([^}]*)\}", bbl)
    if encoding == "latex":  # the ASCII file is the one for pdflatex
        (tmp_path / "doc.tex").write_text(
            "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n"
            + "".join(f"\\cite{{{k}}}" for k in keys)
            + "\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n"
        )
        for _ in range(2):
            tex = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], **run)
            assert tex.returncode == 0, tex.stdout[-3000:]
        log = (tmp_path / "doc.log").read_text(errors="replace")
        assert not re.search(r"^! ", log, re.M) and "undefined" not in log


def test_ris_export_cannot_forge_records(tmp_path: Path) -> None:
    plain = [
        new_record(pmid=str(80000000 + i), title=f"Ketamine study {i}", authors=[author("Doe", "J")], year=2019)
        for i in range(99 - len(HOSTILE_TEXT))
    ]
    recs = plain + hostile_records()
    text = dump_ris(recs)
    assert not CONTROL.search(text.replace("\n", ""))
    assert text.count("\nER  - ") + text.startswith("ER  - ") == 99 and len(re.findall(r"^TY  - ", text, re.M)) == 99
    entries = rispy.loads(text)
    assert len(entries) == 99
    for rec, entry in zip(recs, entries, strict=True):
        assert entry["title"] == one_line(rec["title"])
        assert entry.get("doi") == rec.get("doi")
        assert entry["authors"] == [n for n in (_ris_name(a) for a in rec["authors"]) if n]
        assert entry.get("volume", "") == one_line(rec["volume"])
        assert entry.get("keywords", []) == [one_line(k) for k in rec["keywords"] if one_line(k)]
    records, skipped = parse_ris(text, "x.ris")
    assert len(records) == 99 and not skipped
    assert [r["pmid"] for r in records] == [r["pmid"] for r in recs]


def _ris_name(a: dict) -> str:
    return one_line(a["collective"]) or ", ".join(x for x in (one_line(a["family"]), one_line(a["given"])) if x)


@pytest.mark.e2e
def test_ris_export_then_import_keeps_the_record_count(tmp_path: Path, runner) -> None:
    src = Library.init(tmp_path / "src")
    from ketalit.importer import store_records

    store_records(src, hostile_records())
    out = tmp_path / "out.ris"
    assert run_cli(runner, src.root, "export", "ris", "-o", str(out)).exit_code == 0
    dst = Library.init(tmp_path / "dst")
    report = import_files(dst, [out])
    assert report.added == len(HOSTILE_TEXT) and not report.skipped


def damaged_records() -> list[dict]:
    """What a bad import (or an older version) could have stored: values of the wrong type or out of range."""
    base = {"title": "Ketamine for pain", "pmid": "1", "citekey": "k"}
    return [
        new_record(**base, month=13, year=2020),
        new_record(**{**base, "pmid": "2"}, month=0, year="2020"),
        new_record(**{**base, "pmid": "3"}, month="3", year="abc"),
        new_record(**{**base, "pmid": "4"}, month=True, year=-5),
        new_record(**{**base, "pmid": "5"}, authors=["Plain String Author", {"family": "OnlyFamily"}], year=None),
        new_record(**{**base, "pmid": "6", "citekey": None}, volume=12, issue=3, pages=None, keywords=[]),
    ]


def test_every_exporter_survives_damaged_records() -> None:
    recs = damaged_records()
    for encoding in ("latex", "utf8"):
        text = dump_bibtex(recs, encoding, abstract=True, keywords=True, biblatex=True)
        assert len(pybtex.database.parse_string(text, "bibtex").entries) == len(recs)
        assert " month = " not in text.split("@article{k_2")[0]  # 13, 0, "3", True: none is a month
    assert len(rispy.loads(dump_ris(recs))) == len(recs)
    items = json.loads(dump_csljson(recs))
    assert [i.get("issued") for i in items[:4]] == [
        {"date-parts": [[2020]]},
        {"literal": "2020"},
        {"literal": "abc"},
        {"date-parts": [[-5]]},
    ]
    assert items[4]["author"] == [{"literal": "Plain String Author"}, {"family": "OnlyFamily"}]
    assert [json.loads(line)["pmid"] for line in iter_jsonl(recs)] == [r["pmid"] for r in recs]


@pytest.mark.e2e
def test_commands_survive_a_damaged_stored_record(tmp_path: Path, runner) -> None:
    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root)
    with lib.transaction():  # (authors stored as strings are left to the API test: the search index needs dicts)
        for rec in (r for r in damaged_records() if all(isinstance(a, dict) for a in r["authors"])):
            doc_id, _ = lib.upsert(new_record(pmid=rec["pmid"], title=rec["title"]))
            lib.put(doc_id, {**lib.record(doc_id), **rec})
    for args in (
        ["export", "bibtex"],
        ["export", "bibtex", "--encoding", "utf8", "--abstract", "--keywords"],
        ["export", "ris"],
        ["export", "csljson"],
        ["export", "jsonl"],
        ["report", "-o", str(tmp_path / "report")],
    ):
        res = run_cli(runner, lib.root, *args)
        assert res.exit_code == 0, (args, res.output, res.exception)
    html, md = render_pages(report_data(Library.open(lib.root)))
    assert "2020" in md and "abc" not in md  # only numeric years are counted in the summary
