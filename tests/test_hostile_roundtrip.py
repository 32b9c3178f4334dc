"""Property: any record, however hostile, goes through every exporter and the report with nothing forged (as many
entries read back as records written), nothing lost (titles, DOIs and authors read back equal, up to the
documented clean-up: control characters dropped, line breaks and runs of spaces folded) and nothing executable.

Hypothesis runs derandomised with a fixed number of examples, so CI sees the same cases every time and the tests
take a few seconds. The real bibtex binary is run on hand-picked hostile records in test_hostile_exports.py.
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

import bibtexparser
import pybtex.database
import pybtex.errors
import rispy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketalit.claims.store import link_all
from ketalit.formats.bibtex import dump_bibtex, export_keys
from ketalit.formats.csljson import dump_csljson
from ketalit.formats.ris import dump_ris
from ketalit.importer import store_records
from ketalit.library import Library
from ketalit.records import bare_initials, new_record
from ketalit.report.data import report_data
from ketalit.report.render import render_pages
from ketalit.safetext import one_line, printable
from ketalit.stats import iter_jsonl, public_record

from conftest import check_page, latex_to_text, markdown_to_html, write_claims_catalogue

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE_CHARS = (
    "{}\\@%#~^&$_<>[]()*`|!\"',;=-/:. "
    "\x00\x07\x08\x1b\x7f\x85\x9b\x9d"  # C0, DEL, C1
    "\n\r\t\x0b\x0c\x1c\u2028\u2029"  # line breaks of every kind
    "\u202e\u202d\u2066\u2069\u200e\u200f\u061c"  # bidi controls
    "éüßñµ–“”…中😀\uff21\uff03\uff5b\u0301\u200d\ufeff\u00a0"  # accents, scripts, emoji, fullwidth, combining
)
HOSTILE_WORDS = [
    "ER  - ",
    "TY  - JOUR",
    "@article{x,",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "\x1b[2J",
    "\x1b]8;;http://e.example\x07",
    " and ",
    "others",
    "\\",
    "\n\n",
    "--",
    "``",
]
chars = st.one_of(st.sampled_from(HOSTILE_CHARS), st.characters(codec="utf-8"))
short = st.text(chars, max_size=30)
mixed = st.lists(st.one_of(short, st.sampled_from(HOSTILE_WORDS)), max_size=6).map("".join)
long = st.tuples(st.text(chars, min_size=1, max_size=20), st.integers(50, 150)).map(lambda t: t[0] * t[1])
field = st.one_of(short, mixed, long)
person = st.builds(lambda f, g: {"family": f, "given": g, "initials": "", "collective": ""}, field, field)
group = st.builds(lambda c: {"family": "", "given": "", "initials": "", "collective": c}, field)
section = st.builds(lambda label, text: {"label": label, "category": "", "text": text}, short, field)


@st.composite
def hostile_records(draw: st.DrawFn) -> list[dict]:
    recs = []
    for i in range(draw(st.integers(1, 3))):
        recs.append(
            new_record(
                pmid=draw(st.one_of(st.none(), st.from_regex(r"[1-9][0-9]{0,8}", fullmatch=True))),
                doi=draw(st.one_of(st.none(), field.map(lambda s: "10.1234/" + s))),
                title=draw(field),
                authors=draw(st.lists(st.one_of(person, group), max_size=3)),
                journal=draw(field),
                year=draw(st.one_of(st.none(), st.integers(1500, 2100))),
                month=draw(st.one_of(st.none(), st.integers(-1, 14))),
                volume=draw(short),
                issue=draw(short),
                pages=draw(short),
                abstract=draw(st.lists(section, max_size=2)),
                keywords=draw(st.lists(short, max_size=3)),
                citekey=draw(st.one_of(st.just(f"key{i}"), short)),
                extra=draw(st.dictionaries(st.sampled_from(["url", "file", "issn", "note", "Bad Name"]), field)),
                provenance=[{"kind": "file", "source": draw(field), "format": "ris", "at": "2024-01-01"}],
            )
        )
    return recs


def norm(text: object) -> str:
    """The documented clean-up of the text exporters: printable, on one line, NFC."""
    return unicodedata.normalize("NFC", one_line(text))


def expected_names(rec: dict) -> list[str]:
    names = []
    for a in rec["authors"]:
        given = norm(a["given"])
        if bare_initials(given):  # BibTeX gets "D. B." for a given name of bare initials ("DB")
            given = " ".join(f"{c}." for c in bare_initials(given))
        name = norm(a["collective"]) or " ".join(x for x in (given, norm(a["family"])) if x)
        if name:
            names.append(name)
    return names


def person_text(person: pybtex.database.Person) -> str:
    parts = person.first_names + person.middle_names + person.prelast_names + person.last_names + person.lineage_names
    return unicodedata.normalize("NFC", latex_to_text(" ".join(parts)))


@settings(SETTINGS, max_examples=60)
@given(hostile_records())
def test_exporters_forge_nothing_and_lose_nothing(recs: list[dict]) -> None:
    n = len(recs)
    pybtex.errors.set_strict_mode(True)
    for encoding in ("utf8", "latex"):
        text = dump_bibtex(recs, encoding, abstract=True, keywords=True)
        assert printable(text, newlines=True) == text
        assert encoding == "utf8" or text.isascii()
        parsed = bibtexparser.parse_string(text)
        assert not parsed.failed_blocks and [e.key for e in parsed.entries] == export_keys(recs)
        entries = pybtex.database.parse_string(text, "bibtex").entries
        assert len(entries) == n
        for rec, entry in zip(recs, entries.values(), strict=True):
            persons = entry.persons.get("author", [])
            assert len(persons) == len(expected_names(rec))
            if encoding == "utf8":  # every character comes back
                assert [person_text(p) for p in persons] == expected_names(rec)
                assert unicodedata.normalize("NFC", latex_to_text(entry.fields["title"])) == norm(rec["title"])
                assert unicodedata.normalize("NFC", latex_to_text(entry.fields.get("doi", ""))) == norm(rec["doi"])
            elif norm(rec["title"]).isascii():  # latex: beyond ASCII, accent commands (checked by example)
                assert latex_to_text(entry.fields["title"]) == norm(rec["title"])

    ris = rispy.loads(dump_ris(recs))
    assert len(ris) == n
    for rec, entry in zip(recs, ris, strict=True):
        assert entry.get("title", "") == one_line(rec["title"])
        assert entry.get("doi", "") == one_line(rec["doi"])
        names = [
            one_line(a["collective"]) or ", ".join(filter(None, map(one_line, (a["family"], a["given"]))))
            for a in rec["authors"]
        ]
        assert entry.get("authors", []) == [name for name in names if name]

    items = json.loads(dump_csljson(recs))
    assert len(items) == n
    for rec, item in zip(recs, items, strict=True):  # JSON is lossless
        assert item["title"] == rec["title"] and item.get("DOI") == rec["doi"]
        assert item["author"] == [
            {"literal": a["collective"]} if a["collective"] else {k: a[k] for k in ("family", "given") if a[k]}
            for a in rec["authors"]
        ]

    lines = list(iter_jsonl(recs))
    assert [json.loads(line) for line in lines] == [public_record(r) for r in recs]


@settings(SETTINGS, max_examples=15)
@given(hostile_records())
def test_report_shows_hostile_records_as_text(recs: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.init(Path(tmp) / "lib")
        write_claims_catalogue(lib.root)
        for rec in recs:  # in the migraine claim's evidence: the title is cited in the report
            rec["title"] = f"Ketamine for migraine headache {rec['title']}"
            rec["abstract"].append({"label": "", "category": "", "text": "Ketamine reduced migraine pain."})
        store_records(lib, recs)
        link_all(Library.open(lib.root))
        data = report_data(Library.open(lib.root))
    html_page, md_page = render_pages(data)
    cited = [e for d in data["claims"] for g in d["kinds"].values() for c in g for e in c["evidence_table"]]
    for page in (html_page, markdown_to_html(md_page)):
        text = check_page(page)
        for e in cited:
            assert " ".join(printable(e["title"]).split()) in text
        for s in data["summary"]["sources"]:
            assert " ".join(printable(s["source"]).split()) in text
