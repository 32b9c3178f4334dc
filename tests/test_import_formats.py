"""Importers read what the files contain: expected values come from the files themselves, parsed independently."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ketalit.formats.detect import read_file
from ketalit.records import normalize_doi

from conftest import FIXTURES, NCBI

PUBMED_FILES = sorted(NCBI.glob("pubmed*.xml"))
MEDLINE_FILES = sorted(NCBI.glob("medline_*.txt"))


def _text(el: ET.Element | None) -> str:
    if el is None:
        return ""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def expected_from_xml(path: Path) -> list[dict]:
    """PMID, title, DOI, authors and year of every PubmedArticle, read with ElementTree (not Biopython)."""
    tree = ET.parse(path)
    out = []
    for art in tree.getroot().iter("PubmedArticle"):
        cit = art.find("MedlineCitation")
        a = cit.find("Article")
        doi = None
        for loc in a.findall("ELocationID"):
            if loc.get("EIdType") == "doi":
                doi = loc.text
        if doi is None:
            for aid in art.iter("ArticleId"):
                if aid.get("IdType") == "doi":
                    doi = aid.text
        authors = []
        for au in a.findall("AuthorList/Author"):
            if au.find("CollectiveName") is not None:
                authors.append(("collective", _text(au.find("CollectiveName"))))
            else:
                authors.append((au.findtext("LastName"), au.findtext("ForeName") or ""))
        pubdate = a.find("Journal/JournalIssue/PubDate")
        year_text = pubdate.findtext("Year") or pubdate.findtext("MedlineDate") or ""
        out.append(
            {
                "pmid": cit.findtext("PMID"),
                "title": _text(a.find("ArticleTitle")),
                "doi": normalize_doi(doi),
                "authors": authors,
                "year": int(re.search(r"\d{4}", year_text).group(0)),
            }
        )
    return out


@pytest.mark.parametrize("path", PUBMED_FILES, ids=lambda p: p.name)
def test_pubmed_xml_fields_match_file(path: Path) -> None:
    parsed = read_file(path)
    assert parsed.format == "pubmed-xml"
    expected = expected_from_xml(path)
    assert len(parsed.records) == len(expected) > 0
    for rec, exp in zip(parsed.records, expected, strict=True):
        assert rec["pmid"] == exp["pmid"]
        assert rec["title"] == exp["title"]
        assert rec["doi"] == exp["doi"]
        assert rec["year"] == exp["year"]
        got = [
            ("collective", a["collective"]) if a["collective"] else (a["family"], a["given"]) for a in rec["authors"]
        ]
        assert got == exp["authors"]


def test_pubmed_xml_inline_markup_is_text_not_tags() -> None:
    recs = read_file(NCBI / "pubmed4.xml").records
    tert = next(r for r in recs if r["pmid"] == "27797938")
    assert "TERT" in tert["title"] and "<i>" not in tert["title"]
    assert [s["label"] for s in tert["abstract"]] == ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"]
    results = tert["abstract"][2]["text"]
    assert "<sup>" not in results and "r2<0.25" in results  # the "<0.25" is text, kept
    mathml = read_file(NCBI / "pubmed7.xml").records[0]
    assert "<" not in mathml["abstract"][0]["text"].split("(1)")[1][:80]
    assert mathml["authors"][-1]["collective"] == "Canadian Respiratory Research Network"


def test_quirks_medline_date_book_collective_entities_retraction() -> None:
    recs = {r["pmid"]: r for r in read_file(FIXTURES / "quirks.pubmed.xml").records}
    a = recs["90000001"]
    assert (a["year"], a["month"]) == (1998, 12)  # MedlineDate "1998 Dec-1999 Jan"
    assert a["title"] == "Intranasal S-ketamine & pain: the Cmax and Tmax in Münster."
    assert a["authors"][0]["family"] == "Müller" and a["authors"][1]["given"] == "Siobhán M"
    assert a["authors"][2]["collective"] == "Ketamine Analgesia Study Group"
    assert a["doi"] == "10.9999/jta.1998.0001"  # from ArticleIdList, not the pii ELocationID
    assert a["pmcid"] == "PMC9000001"
    assert [(s["label"], s["category"]) for s in a["abstract"]][2] == ("", "UNASSIGNED")
    assert a["mesh"][1] == {
        "descriptor": "Ketamine",
        "ui": "D007649",
        "major": True,
        "qualifiers": [{"name": "administration & dosage", "major": True}],
    }
    b = recs["90000002"]
    assert b["abstract"] == [] and (b["year"], b["month"]) == (2019, 6)  # Season "Summer"
    assert b["retracted"] and b["retraction_notices"] == ["90000004"]
    book = recs["90000003"]
    assert book["kind"] == "book" and book["book_title"] == "Ketamine: A Test Handbook"
    assert book["publisher"] == "Test Publishing" and book["doi"] == "10.9999/book.0003"


def expected_from_medline(path: Path) -> list[dict]:
    out: list[dict] = []
    cur: dict | None = None
    last = None
    for line in path.read_text().splitlines():
        if line.startswith("PMID- "):
            cur = {"pmid": line[6:].strip(), "ti": "", "fau": [], "dp": "", "doi": None}
            out.append(cur)
        if cur is None:
            continue
        tag = line[:4].strip()
        if line[:4].strip() and line[4:6] == "- ":
            last = tag
            val = line[6:].strip()
            if tag == "TI":
                cur["ti"] = val
            elif tag == "FAU":
                cur["fau"].append(val)
            elif tag == "DP":
                cur["dp"] = val
            elif tag in ("LID", "AID") and "[doi]" in val and cur["doi"] is None:
                cur["doi"] = val.replace("[doi]", "").strip().lower()
        elif line.startswith("      ") and last == "TI":
            cur["ti"] += " " + line.strip()
    return out


@pytest.mark.parametrize("path", MEDLINE_FILES, ids=lambda p: p.name)
def test_medline_fields_match_file(path: Path) -> None:
    parsed = read_file(path)
    assert parsed.format == "medline"
    expected = expected_from_medline(path)
    assert [r["pmid"] for r in parsed.records] == [e["pmid"] for e in expected]
    for rec, exp in zip(parsed.records, expected, strict=True):
        assert rec["title"] == re.sub(r"\s+", " ", exp["ti"]).strip()
        assert rec["year"] == int(exp["dp"][:4])
        assert rec["doi"] == exp["doi"]
        assert [f"{a['family']}, {a['given']}" for a in rec["authors"] if not a["collective"]] == exp["fau"]


def test_medline_mesh_major_topics() -> None:
    rec = read_file(NCBI / "medline_pubmed_result1.txt").records[0]
    majors = {m["descriptor"] for m in rec["mesh"] if m["major"]}
    assert "Computational Biology" in majors and "Humans" not in majors


def test_csljson_snapshot_sections_and_incomplete_flag(tmp_path: Path) -> None:
    import json

    from conftest import SNAPSHOT

    items = json.loads((SNAPSHOT / "ketamine_pain.csl.json").read_text())
    parsed = read_file(SNAPSHOT / "ketamine_pain.csl.json")
    assert len(parsed.records) == len(items)
    first = parsed.records[0]
    assert first["pmid"] == items[0]["PMID"] and first["title"] == items[0]["title"]
    assert first["abstract"][0]["label"] == "BACKGROUND"
    incomplete = sum("abstract incomplete" in i.get("note", "") for i in items)
    assert sum(not r["abstract_complete"] for r in parsed.records) == incomplete


def test_ris_reads_authors_pages_and_doi(tmp_path: Path) -> None:
    ris = tmp_path / "x.ris"
    ris.write_text(
        "TY  - JOUR\nAU  - Motov, Sergey\nAU  - {Ketamine Study Group}\nTI  - Intravenous ketamine\n"
        "T2  - Annals of Emergency Medicine\nPY  - 2015\nVL  - 66\nIS  - 3\nSP  - 222\nEP  - 229\n"
        "DO  - https://doi.org/10.1016/J.ANNEMERGMED.2015.03.004\nAN  - 25817884\nER  - \n"
    )
    rec = read_file(ris).records[0]
    assert rec["pmid"] == "25817884" and rec["doi"] == "10.1016/j.annemergmed.2015.03.004"
    assert rec["pages"] == "222-229" and rec["year"] == 2015 and rec["issue"] == "3"
    assert rec["authors"][0] == {"family": "Motov", "given": "Sergey", "initials": "S", "collective": ""}
    assert rec["authors"][1]["collective"] == "Ketamine Study Group"
