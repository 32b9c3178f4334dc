"""The evidence-gap report: content matches the library, every claim is there with its verdict, text is escaped."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from ketalit.claims.store import link_all
from ketalit.importer import store_records
from ketalit.library import Library
from ketalit.records import author, new_record
from ketalit.report.data import every_claim, report_data
from ketalit.report.render import evidence_csv, md_escape, write_report
from ketalit.safetext import printable
from ketalit.screening import screen

from conftest import UNSAFE, check_page, cli_error, markdown_to_html, run_cli, store_as_is, write_claims_catalogue


@pytest.fixture(scope="module")
def shipped_report(shipped_report_files, shipped_copy: Path):
    return shipped_report_files, Library.open(shipped_copy)


_PARSED: dict[tuple, Any] = {}  # (path, mtime) -> the page; the tests only read it


def _dom(files, path: Path | None = None):
    """The report's page (or another page it wrote: ``path``), parsed once for all the tests that read the same file."""
    import lxml.html

    path = path or files.html
    key = (path, path.stat().st_mtime_ns)
    if key not in _PARSED:
        _PARSED[key] = lxml.html.fromstring(path.read_bytes())
    return _PARSED[key]


_IDS: dict[int, tuple[Any, dict[str, Any]]] = {}  # id(page) -> (page, its elements by id)


def _by_id(dom, id_: str):
    """``dom.get_element_by_id(id_)`` (the first element with that id, KeyError if none) from an index made once per
    page: lxml searches the whole page at every call, and the shipped report is large."""
    if id(dom) not in _IDS:
        index: dict[str, Any] = {}
        for el in dom.iter():
            if el.get("id") is not None:
                index.setdefault(el.get("id"), el)
        _IDS[id(dom)] = (dom, index)
    return _IDS[id(dom)][1][id_]


def _claims(files) -> list[dict]:
    return every_claim(files.data["claims"])


def _all_evidence_rows(files, claim: dict) -> list:
    """The rows of a claim's whole evidence table as a reader reaches them: in the report when it shows them all,
    else on the claim's own page, evidence/ID.html, which the claim links to (the report shows the strongest)."""
    article = _by_id(_dom(files), f"claim-{claim['id']}")
    if not claim["more"]:
        assert not article.xpath('.//p[contains(@class, "more-link")]'), claim["id"]
        return article.xpath('.//table[contains(@class, "evidence")]/tbody/tr')
    href = f"evidence/{claim['export']}.html"
    assert article.xpath('.//p[contains(@class, "more-link")]/a/@href') == [href], claim["id"]
    page = _dom(files, files.html.parent / href)
    return page.xpath('//table[contains(@class, "evidence")]/tbody/tr')


def test_gap_map_counts_equal_tagged_records(shipped_report) -> None:
    files, lib = shipped_report
    recs = [r for _, r in lib.iter_records() if not r.get("retracted")]
    for line in files.data["route_map"]["grid"]:
        for cell in line:
            expected = sum(1 for r in recs if cell["row"] in r["tags"]["route"] and cell["col"] in r["tags"]["outcome"])
            assert cell["count"] == expected, (cell["row"], cell["col"])
    dom = _dom(files)
    # the HTML table shows the same numbers, row by row (the letter after each is the best design)
    intravenous = next(line for line in files.data["route_map"]["grid"] if line[0]["row"] == "intravenous")
    row = dom.xpath('//table[@id="table-map-route"]//tr[th[@scope="row"]="Intravenous"]/td')
    shown = [int(re.sub(r"\D", "", td.text_content()) or 0) for td in row]
    assert shown == [c["count"] for c in intravenous]
    html = files.html.read_text()
    assert "<svg" in html and "https://" not in html.split("<body>")[0]  # figures inline, no external assets


def test_a_gap_maps_figure_is_the_same_every_time_and_its_own(shipped_report) -> None:
    from ketalit.report.figure import _figure, bubble_map_svg

    files, _ = shipped_report
    data = files.data
    route = bubble_map_svg(data["route_map"], data["tier_label"], "Routes × outcomes")
    _figure.cache_clear()  # drawn again: the same file, byte for byte (no date in it)
    assert bubble_map_svg(data["route_map"], data["tier_label"], "Routes × outcomes") == route
    assert (files.html.parent / "gap_map.svg").read_text(encoding="utf-8") == route
    setting = bubble_map_svg(data["setting_map"], data["tier_label"], "Settings × outcomes")
    clips = [set(re.findall(r'<clipPath id="(\w+)"', svg)) for svg in (route, setting)]
    assert clips[0] and clips[1] and not clips[0] & clips[1]  # both figures sit in one page: no clip is the other's


def test_gap_map_marks_the_claimed_cells_and_links_them_to_claims_and_studies(shipped_report) -> None:
    files, _ = shipped_report
    dom = _dom(files)
    ids = set(dom.xpath("//@id"))
    for href in dom.xpath('//a[starts-with(@href, "#")]/@href'):  # every anchor goes somewhere
        assert href[1:] in ids, href
    claims = _claims(files)
    claimed = {(r, o) for c in claims for r in c["routes"] for o in c["outcomes"]}
    assert claimed
    for line in files.data["route_map"]["grid"]:
        for cell in line:
            td = _by_id(dom, f"map-{cell['anchor']}")
            assert ("claimed" in td.get("class")) == ((cell["row"], cell["col"]) in claimed), cell["anchor"]
            if not (cell["count"] or cell["claims"]):
                continue
            assert td.xpath("a/@href") == [f"#cell-{cell['anchor']}"]
            behind = _by_id(dom, f"cell-{cell['anchor']}")
            claim_links = {h[len("#claim-") :] for h in behind.xpath('.//a[starts-with(@href, "#claim-")]/@href')}
            assert claim_links == set(cell["claims"])
            studies = behind.xpath('.//a[starts-with(@href, "#rec-")]/@href')
            assert [int(h[len("#rec-") :]) for h in studies] == cell["ids"][:60]
    # the claimed cells with no study at all are the plainest gaps: they are marked as such
    empty_claimed = [c for line in files.data["route_map"]["grid"] for c in line if c["claims"] and not c["count"]]
    assert empty_claimed and all(
        _by_id(dom, f"map-{c['anchor']}").text_content().startswith("◆0") for c in empty_claimed
    )


def test_every_claim_appears_with_its_verdict_and_evidence_table(shipped_report) -> None:
    files, lib = shipped_report
    dom, md = _dom(files), files.markdown.read_text()
    rows = lib.table("claims").all()
    assert len(rows) >= 60
    for r in rows:
        article = _by_id(dom, f"claim-{r['id']}")
        assert article.get("data-verdict") == r["verdict"], r["id"]
        badge = article.xpath('.//p[@class="claim-head"]/span[contains(@class, "verdict")]')[0]
        assert (
            badge.get("class") == f"verdict v-{r['verdict']}" and r["verdict"].replace("_", " ") in badge.text_content()
        )
        assert f"**{r['id']}** — **{r['verdict']}**" in md
        judged = [e for e in r["evidence"] if e["stance"] in ("supports", "contradicts", "mixed") or e.get("review")]
        table = article.xpath('.//table[contains(@class, "evidence")]')
        claim = next(c for c in _claims(files) if c["id"] == r["id"])
        everything = _all_evidence_rows(files, claim)
        assert len(everything) == len(judged), r["id"]
        # the report shows the strongest, at most three per stance; the claim's own page shows them all
        strongest = [t for t in claim["evidence_table"] if not t["more"]]
        assert all(sum(t["stance"] == s for t in strongest) <= 3 for s in {t["stance"] for t in strongest})
        assert len(table[0].xpath("tbody/tr") if table else []) == len(strongest), r["id"]
        if table:
            assert table[0].xpath("thead//th/text()") == ["Study", "Design", "N", "Finding", "Stance", "Judged by"]
            for rows, shown in ((table[0].xpath("tbody/tr"), strongest), (everything, claim["evidence_table"])):
                for tr, e in zip(rows, shown, strict=True):
                    cells = [td.text_content() for td in tr.xpath("td")]
                    assert e["title"] in cells[0] and e["design_label"] in cells[1] and e["stance"] in cells[4]
                    assert cells[5] == "machine" if not e["review"] else e["review"]["reviewer"] in cells[5]
    for c in files.data["gaps"]["contradictions"]:
        assert dom.xpath(f'//li/a[@href="#claim-{c["claims"][0]}"]')


def test_findings_are_the_records_own_result_sentences_never_a_title_or_methods(shipped_report) -> None:
    """Every sentence the report shows as a finding is the record's own words, from its abstract, and never its title
    nor, in a structured abstract, a sentence of a section labelled methods, design or aim; each comes with where it
    is and the reading made of it with its rule."""
    from ketalit.claims.roles import label_role

    files, lib = shipped_report
    shown = readings = 0
    for c in _claims(files):
        rows = _all_evidence_rows(files, c)
        cells = [" ".join(td.text_content().split()) for tr in rows for td in tr.xpath('td[@data-label="Finding"]')]
        for t, cell in zip(c["evidence_table"], cells, strict=True):
            rec = lib.record(t["record"])
            title = " ".join((rec.get("title") or "").split())
            sections = [(label_role(s.get("label") or ""), " ".join(s["text"].split())) for s in rec["abstract"]]
            structured = all(role for role, _ in sections)  # else the labels are partial (a label in mid-text)
            for f in t["finding"]:
                text = " ".join(f["text"].split())
                assert text != title and f"“{text}”" in cell, (c["id"], t["record"])
                home = [role for role, body in sections if text in body]
                assert home and not (structured and home[0] in ("methods", "objective")), (c["id"], t["record"], text)
                cut = " [the abstract is cut short here]" if f["cut"] else ""
                assert f"“{text}”{cut} ({f['where']})" in cell
                for r in f["reasons"]:
                    assert f"read as: {r['reason']} (rule: {r['rule']})" in cell
                    readings += 1
                shown += 1
    assert shown >= 2000 and readings >= shown  # every shown sentence carries the reading made of it


def test_a_title_or_methods_sentence_in_the_stored_evidence_is_not_shown_as_a_finding(tmp_path: Path) -> None:
    """Whatever the stored evidence holds (a library linked by an older ketalit, a sentence given the wrong role),
    the report shows as findings only result, conclusion and background sentences that are not the title and do not
    describe the methods, and says when it cannot tell where a sentence is."""
    import csv

    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root)
    title = "Ketamine for migraine headache: a randomised trial"
    good = "Ketamine significantly reduced migraine pain vs placebo."
    methods = "Patients were randomized to ketamine or placebo."
    abstract = [
        {"label": "METHODS", "category": "", "text": f"{methods} Pain was assessed at 2 h."},
        {"label": "RESULTS", "category": "", "text": good},
    ]
    store_records(
        lib,
        [
            new_record(title=title, pmid="1", year=2020, abstract=abstract),
            new_record(title="Ketamine and migraine", pmid="2", year=2019, abstract=abstract[1:]),
        ],
    )
    link_all(Library.open(lib.root))
    lib = Library.open(lib.root)
    row = dict(lib.table("claims").all()[0])
    base = {"doi": None, "citekey": None, "design": "rct", "stance": "supports", "retracted": False, "indirect": []}
    reading = {"reason": "pain intensity lower with ketamine than with placebo", "rule": "lower cue"}
    row["evidence"] = [
        {
            **base,
            "pmid": "1",
            "title": title,
            "first_author": "",
            "year": 2020,
            "rationale": [title, methods, good, "Pain was assessed at 2 h."],
            "where": ["results", "results", "results", "methods"],
            "finding": [
                {"sentence": i, "reason": reason, "rule": "lower cue"}
                for i, reason in enumerate(["from the title", "from the methods", reading["reason"], "from methods"])
            ],
            "why": "pain intensity lower with ketamine than with placebo",
        },
        {  # as an older ketalit stored it: sentences without their place in the abstract
            **base,
            "pmid": "2",
            "title": "Ketamine and migraine",
            "first_author": "",
            "year": 2019,
            "rationale": ["Ketamine and migraine", good],
            "why": "relief",
        },
    ]
    with lib.transaction():
        lib.table("claims").truncate()
        lib.table("claims").insert(row)
    files = write_report(Library.open(lib.root), tmp_path / "out")
    article = _by_id(_dom(files), "claim-900-01")
    cells = [" ".join(td.text_content().split()) for td in article.xpath('.//td[@data-label="Finding"]')]
    assert cells == [
        f"“{good}” (results)read as: {reading['reason']} (rule: lower cue)",
        "no result or conclusion sentence",
    ]
    md = files.markdown.read_text()
    assert "from the title" not in md and "from the methods" not in md and "randomized to" not in md
    exported = list(csv.DictReader((tmp_path / "out" / "evidence" / "900-01.csv").read_text("utf-8-sig").splitlines()))
    assert [r["finding"] for r in exported] == [good, ""] and exported[0]["where"] == "results"
    assert any("behind 1 of the record stances have no recorded place" in line for line in files.data["limits"])


def test_each_claim_shows_the_proposition_it_was_read_as(shipped_report) -> None:
    from ketalit.tagging.tagger import default_vocabulary

    files, _ = shipped_report
    vocab = default_vocabulary()
    dom = _dom(files)
    seen = set()
    for c in _claims(files):
        prop = c["proposition"]
        line = " ".join(_by_id(dom, f"claim-{c['id']}").xpath('.//p[contains(@class, "reads-as")]')[0]
                        .text_content().split())  # fmt: skip
        assert line.startswith(f"Read as: {c['assertion']} — kind: {c['kind'].replace('_', ' ')}; asserts: ")
        for o in prop["outcomes"]:
            assert vocab.label("outcome", o).lower() in line, (c["id"], o)
        for s in prop["population"]:
            assert vocab.label("setting", s).lower() in line, (c["id"], s)
        assert ("route: any" in line) == (not prop["routes"])
        if prop["comparator"]:
            assert f"comparator: {prop['comparator']}" in line
            seen.add("comparator")
        if prop["quantity"] and prop["quantity"]["name"] == "onset_minutes":
            assert f"onset within {prop['quantity']['min']:g}–{prop['quantity']['max']:g} min" in line, line
            seen.add("onset")
        seen.add(prop["direction"])
    assert {"comparator", "onset", "improves", "causes", "does_not_cause", "states"} <= seen


def test_summary_comes_first_page_by_page_with_limits(shipped_report) -> None:
    files, lib = shipped_report
    dom = _dom(files)
    main = dom.xpath("//main")[0]
    assert main.xpath(".//h2")[0].text_content() == "At a glance"
    sections = [h.get("id") for h in main.xpath(".//h2") if h.get("id") != "contents"]
    assert dom.xpath('//nav[@class="toc"]/ol/li/a/@href') == [f"#{i}" for i in sections]  # contents: every section
    lede = " ".join(main.xpath('.//p[@class="lede"]')[0].text_content().split())
    counts = Counter(r["verdict"] for r in lib.table("claims").all())
    assert lede.index("Does not hold up") < lede.index("Supported:")
    assert f"{counts['contradicted']} contradicted" in lede and f"Supported: {counts['supported']} (" in lede
    assert f"A person reviewed {files.data['reviews']['reviewed']} of these {sum(counts.values())}" in lede
    assert f"**Does not hold up: {counts['contradicted']} contradicted, " in files.markdown.read_text()
    limits = [" ".join(li.text_content().split()) for li in dom.xpath('//h3[@id="limits"]/following-sibling::ul[1]/li')]
    assert any("130 of the 213 abstracts are cut short" in x for x in limits)
    docs = dom.xpath('//div[@class="doc-summary"]')
    assert len(docs) == len(files.data["claims"]) == 5
    for box, doc in zip(docs, files.data["claims"], strict=True):
        text = " ".join(box.text_content().split())
        assert text.startswith(doc["title"]) and doc["accessed"] in text and "sources/" not in text
        n = doc["reviews"]["claims"]
        assert f"{n} claims." in text and f"Reviewed by a person: {doc['reviews']['reviewed']} of {n}" in text
        # every claim listed under its verdict, what does not hold up first; contradicted and mixed open
        lists = box.xpath('.//details[@class="verdict-list"]')
        order = ["contradicted", "mixed", "insufficient", "no_evidence", "supported", "not_checkable"]
        listed = [v for v in order if doc["by_verdict"][v]]
        assert len(lists) == len(listed)
        for details, v in zip(lists, listed, strict=True):
            ids = [h[len("#claim-") :] for h in details.xpath('.//a[starts-with(@href, "#claim-")]/@href')]
            assert ids == [c["id"] for c in doc["by_verdict"][v]]
            assert (details.get("open") is not None) == (v in ("contradicted", "mixed"))
        for c in doc["by_verdict"]["contradicted"] + doc["by_verdict"]["mixed"]:
            against = c["strongest"]["contradicts"]
            assert against and against["stance"] == "contradicts" and against in c["evidence_table"]
            item = box.xpath(f'.//li[a/@href="#claim-{c["id"]}"]')[0].text_content()
            assert f"strongest against: {against['first_author']} {against['year']} ({against['design_label']}" in item
    # "backed by a randomised trial or systematic review" counts only direct evidence of what the claim says
    supported = [c for c in _claims(files) if c["verdict"] == "supported"]
    for c in supported:
        assert c["strong_support"] == any(
            t["stance"] == "supports" and t["design"] in ("rct", "meta_analysis", "systematic_review")
            and not t["indirect"] and not t["retracted"] for t in c["evidence_table"]
        ), c["id"]  # fmt: skip
    assert 0 < files.data["strong_support"] == sum(c["strong_support"] for c in supported) < len(supported)


def test_every_study_links_out_when_it_has_an_identifier(shipped_report) -> None:
    files, lib = shipped_report
    dom = _dom(files)
    studies = dom.xpath('//div[@class="study"]')
    assert len(studies) == len(files.data["studies"]) >= 150
    unlinked = 0
    for div in studies:
        rec = lib.record(int(div.get("id")[len("rec-") :]))
        hrefs = div.xpath("a/@href")
        assert (f"https://pubmed.ncbi.nlm.nih.gov/{rec['pmid']}/" in hrefs) == bool(rec.get("pmid"))
        assert (f"https://pmc.ncbi.nlm.nih.gov/articles/{rec['pmcid']}/" in hrefs) == bool(rec.get("pmcid"))
        assert any(h.startswith("https://doi.org/") for h in hrefs) == bool(rec.get("doi"))
        unlinked += not hrefs
    assert unlinked == sum(1 for s in files.data["studies"] if not s["links"]) < len(studies) // 4


def test_each_claims_evidence_is_written_beside_the_report(shipped_report) -> None:
    import csv

    import pybtex.database
    import rispy

    files, _ = shipped_report
    dom = _dom(files)
    pages = 0
    for c in _claims(files):
        links = _by_id(dom, f"claim-{c['id']}").xpath('self::article//p[contains(@class, "exports")]/a/@href')
        if not c["evidence_table"]:
            assert links == []
            continue
        assert links == [f"evidence/{c['id']}.{ext}" for ext in ("bib", "ris", "csv")]
        judged = ("supports", "contradicts", "mixed")  # a record a reviewer found irrelevant is not cited
        records = {t["record"] for t in c["evidence_table"] if t["record"] is not None and t["stance"] in judged}
        folder = files.html.parent
        bib = pybtex.database.parse_string((folder / links[0]).read_text(), "bibtex")
        assert len(bib.entries) == len(records), c["id"]
        assert len(rispy.loads((folder / links[1]).read_text())) == len(records)
        rows = list(csv.DictReader((folder / links[2]).read_text(encoding="utf-8-sig").splitlines()))
        assert [(r["claim"], r["title"], r["stance"]) for r in rows] == [
            (c["id"], t["title"], t["stance"]) for t in c["evidence_table"]
        ]
        # the page of a claim whose evidence the report shows only in part: safe, and its links reach the report
        page = folder / "evidence" / f"{c['export']}.html"
        assert page.exists() == bool(c["more"]), c["id"]
        if page.exists():
            text = check_page(page.read_text(encoding="utf-8"))
            assert f"Claim {c['id']}: every study judged on it" in text and c["quote"] in text
            for href in _dom(files, page).xpath('//a[starts-with(@href, "../report.html#")]/@href'):
                _by_id(dom, href.split("#", 1)[1])  # the claim and each study are anchors of the report
            pages += 1
    assert pages > 50  # the shipped library's claims with more than three studies of a stance


@pytest.mark.slow
@pytest.mark.e2e
def test_report_reads_the_library_and_says_when_verdicts_are_out_of_date(tmp_path: Path, runner) -> None:
    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root)
    results = {"label": "RESULTS", "category": "", "text": "Ketamine significantly reduced migraine pain vs placebo."}
    store_records(lib, [new_record(title="Ketamine for migraine headache", pmid="1", year=2020, abstract=[results])])
    data = report_data(Library.open(lib.root))  # not linked: the report shows no claim and says why
    assert data["unlinked_claims"] == 1 and data["claims"] == [] and not Library.open(lib.root).table("claims").all()
    res = run_cli(runner, lib.root, "report", "-o", str(tmp_path / "r"))  # the command links a library never linked
    assert res.exit_code == 0 and Library.open(lib.root).table("claims").all()
    assert report_data(Library.open(lib.root))["link_state"]["stale"] is False
    screen(Library.open(lib.root), "1", "include", reviewer="ann")  # screening does not change what linking read
    assert report_data(Library.open(lib.root))["link_state"]["stale"] is False
    res = run_cli(runner, lib.root, "edit", "1", "title=Ketamine for cluster headache")
    assert res.exit_code == 0, res.output
    files = write_report(Library.open(lib.root), tmp_path / "r2")
    assert files.data["link_state"]["stale"] is True
    assert "The verdicts may be out of date" in files.html.read_text()
    assert "verdicts may be out of date" in files.markdown.read_text()
    res = run_cli(runner, lib.root, "report", "-o", str(tmp_path / "r3"))
    assert res.exit_code == 0 and "run `ketalit claims link`" in res.stderr
    (tmp_path / "r3" / "evidence").rename(tmp_path / "r3" / "moved")
    (tmp_path / "r3" / "evidence").write_text("a file where the evidence folder goes")
    cli_error(run_cli(runner, lib.root, "report", "-o", str(tmp_path / "r3")), "r3/evidence", "not a folder")


@pytest.mark.e2e
def test_screening_summary_and_prisma_flow_when_screened(tmp_path: Path, runner) -> None:
    """The screening section states the numbers `ketalit prisma` gives (never counted again) and draws its figure."""
    import json

    lib = Library.init(tmp_path / "screened")
    store_records(
        lib,
        [
            new_record(title=f"Ketamine for pain {i}", pmid=str(i), year=2020, provenance=[dict(source, at="2024")])
            for i in range(1, 7)
            for source in [{"kind": "file", "source": "search.ris" if i < 5 else "hand.ris", "format": "ris"}]
        ],
    )
    for pmid, decision, reason in (("1", "include", ""), ("2", "include", ""), ("3", "maybe", ""),
                                   ("4", "exclude", "wrong population"), ("5", "exclude", "animal study")):  # fmt: skip
        screen(Library.open(lib.root), pmid, decision, reason, reviewer="ann")
    screen(Library.open(lib.root), "1", "include", stage="full_text", reviewer="ann")
    screen(Library.open(lib.root), "2", "exclude", "wrong outcome", stage="full_text", reviewer="ann")
    screen(Library.open(lib.root), "3", "exclude", "not retrieved", stage="full_text", reviewer="ann")
    screen(Library.open(lib.root), "4", "exclude", "wrong setting", reviewer="bob")
    res = run_cli(runner, lib.root, "prisma", "--json")
    assert res.exit_code == 0, res.output
    c = json.loads(res.stdout)
    files = write_report(Library.open(lib.root), tmp_path / "out")
    dom = _dom(files)
    assert dom.xpath('//nav//a[@href="#screening"]') and _by_id(dom, "screening") is not None
    text = " ".join(_by_id(dom, "screening-flow").text_content().split())
    scr, ret, elig = c["screening"], c["retrieval"], c["eligibility"]
    assert text == (
        f"{c['identification']['records_identified']} records identified, "
        "0 duplicates and 0 others removed before screening. "
        f"6 records: {scr['records_screened']} screened on title and abstract, {scr['records_excluded']} excluded, "
        f"{scr['awaiting_screening']} awaiting screening; {ret['reports_sought']} sought at full text, "
        f"{ret['reports_not_retrieved']} not retrieved, {elig['reports_assessed']} assessed, "
        f"{elig['reports_excluded']} excluded, {elig['awaiting_assessment']} awaiting assessment; "
        f"{c['included']['studies']} studies included."
    )
    assert (c["identification"]["records_identified"], scr["records_screened"], scr["records_excluded"]) == (6, 5, 2)
    assert (ret["reports_sought"], ret["reports_not_retrieved"], c["included"]["studies"]) == (3, 1, 1)
    parts, el = [], _by_id(dom, "screening").getnext()
    while el is not None and el.tag != "h2":
        parts.append(el.text_content())
        el = el.getnext()
    section = " ".join(" ".join(parts).split())
    stages = (("on title and abstract", scr["excluded_reasons"]), ("at full text", elig["excluded_reasons"]))
    for stage, reasons in stages:
        assert reasons and f"Excluded {stage}: {'; '.join(f'{r} {n}' for r, n in reasons.items())}." in section
    kappa = c["agreement"][0]
    assert f"Cohen's kappa, title abstract (ann / bob, {kappa['records']} records)" in section
    assert "PRISMA 2020 flow diagram" in section  # the figure, drawn from the same numbers, inline and beside it
    assert (tmp_path / "out" / "prisma.svg").read_text() in files.html.read_text()
    unscreened = write_report(Library.open(_plain_library(tmp_path / "plain")), tmp_path / "out2")
    assert 'id="screening"' not in unscreened.html.read_text()


def _plain_library(root: Path) -> Path:
    lib = Library.init(root)
    store_records(lib, [new_record(title="Ketamine for migraine headache", pmid="7", year=2020)])
    return lib.root


def test_a_report_written_again_draws_its_gap_maps_only_when_they_change(tmp_path: Path, monkeypatch) -> None:
    """The figures of the gap maps are kept in the library's index folder: the report written again (in another
    process: nothing drawn in this one is remembered) has the same figures without drawing them; a record that
    changes a map has that map drawn again; a kept file that cannot be read is drawn past."""
    from ketalit.report import figure

    root = _plain_library(tmp_path / "lib")
    first = write_report(Library.open(root), tmp_path / "a").html.parent / "gap_map.svg"
    drawn: list[str] = []
    real = figure._figure
    real.cache_clear()
    monkeypatch.setattr(figure, "_figure", lambda key: drawn.append(key) or real(key))
    again = write_report(Library.open(root), tmp_path / "b").html.parent / "gap_map.svg"
    assert drawn == [] and again.read_bytes() == first.read_bytes()
    trial = new_record(title="Intranasal ketamine reduced pain scores in migraine", pmid="8", year=2021)
    store_records(Library.open(root), [trial])
    changed = write_report(Library.open(root), tmp_path / "c").html.parent / "gap_map.svg"
    assert len(drawn) == 2 and changed.read_bytes() != first.read_bytes()  # the route map and the setting map
    (root / ".index" / figure.KEPT_FILE).write_text("{not json", encoding="utf-8")
    real.cache_clear()
    assert write_report(Library.open(root), tmp_path / "d").html.parent.joinpath("gap_map.svg").read_bytes() == (
        changed.read_bytes()
    )
    assert len(drawn) == 4


@pytest.mark.slow
@pytest.mark.e2e
def test_report_command_prints_where_and_a_summary(runner, tmp_path: Path) -> None:
    # a one-claim library: what the command prints does not depend on the library's size (the shipped library's
    # report is read by the tests above)
    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root)
    results = {"label": "RESULTS", "category": "", "text": "Ketamine significantly reduced migraine pain vs placebo."}
    store_records(lib, [new_record(title="Ketamine for migraine headache", pmid="1", year=2020, abstract=[results])])
    res = run_cli(runner, lib.root, "report", "-o", str(tmp_path / "r"))
    assert res.exit_code == 0, res.output
    assert "report.html" in res.output and "claims by verdict" in res.output
    assert (tmp_path / "r" / "report.html").exists() and (tmp_path / "r" / "report.md").exists()


def test_record_and_claim_text_is_escaped(tmp_path: Path) -> None:
    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root, "Ketamine <b>cures</b> migraine pain.")
    evil = "Ketamine for migraine headache <script>alert('x')</script> & <img src=x onerror=alert(1)>"
    rec = new_record(
        title=evil,
        authors=[author("O'Neil <i>", "A&B")],
        year=2021,
        pmid="123",
        abstract=[
            {
                "label": "RESULTS",
                "category": "",
                "text": "Ketamine significantly reduced migraine pain vs placebo <script>x</script>.",
            }
        ],
    )
    store_records(lib, [rec])
    link_all(Library.open(lib.root))
    files = write_report(Library.open(lib.root), tmp_path / "out")
    html, md = files.html.read_text(), files.markdown.read_text()
    assert "<script>" not in html.split("</style>")[1] and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;cures&lt;/b&gt;" in html
    assert "<script>" not in md and "&lt;script&gt;" in md and "<img" not in md


def test_evidence_csv_cells_cannot_run_as_formulas() -> None:
    import csv

    row = {
        "record": 1,
        "first_author": "@Smith",
        "year": 2020,
        "title": '=HYPERLINK("http://x","click")',
        "links": {},
        "design": "rct",
        "design_label": "RCT",
        "indirect": [],
        "n": 40,
        "stance": "supports",
        "finding": [{"text": "+1 point\x1b[2J better", "where": "results", "cut": False, "reasons": []}],
        "reasons": [{"reason": "=relief", "rule": "lower cue"}],
        "why": "-relief",
        "machine_stance": "supports",
        "review": None,
        "retracted": False,
        "more": False,
        "pmid": "1",
        "doi": None,
        "pmcid": None,
        "citekey": "k",
    }
    out = list(
        csv.DictReader(evidence_csv({"id": "900-01", "verdict": "supported", "evidence_table": [row]}).splitlines())
    )
    assert out[0]["title"] == '\'=HYPERLINK("http://x","click")' and out[0]["first_author"] == "'@Smith"
    assert out[0]["finding"] == "'+1 point better" and out[0]["why"] == "'-relief" and out[0]["judged_by"] == "machine"
    assert out[0]["read_as"] == "'=relief (rule: lower cue)" and out[0]["where"] == "results"


def test_md_escape() -> None:
    assert md_escape("a|b *c* <d> [e](f)") == r"a\|b \*c\* &lt;d&gt; \[e\](f)"
    assert md_escape("no_evidence _em_ ~~del~~\x1b[2J\nnext") == r"no_evidence \_em\_ \~\~del\~\~ next"


# -- hostile record text ----------------------------------------------------------------------------------------------

EVIL_DOI = '10.1234/x)](javascript:alert(1))"><script>alert(2)</script>'
EVIL_TITLE = (
    "Ketamine for migraine headache <script>alert('x')</script> [click](javascript:alert(1)) "
    "<img src=x onerror=alert(1)> <javascript:alert(3)> `code` *em* ~~del~~ &lt;b&gt; \\ \x1b[2J \u202eevil"
)


def _report_library(tmp_path: Path) -> Library:
    lib = Library.init(tmp_path / "lib")
    write_claims_catalogue(lib.root)
    results = {"label": "RESULTS", "category": "", "text": "Ketamine significantly reduced migraine pain vs placebo."}
    recs = [
        new_record(
            title=EVIL_TITLE,
            authors=[author("O'Neil <i>", "A&B")],
            year=2021,
            pmid="123",
            doi=EVIL_DOI,
            abstract=[results],
            provenance=[{"kind": "file", "source": "refs`<script>`\x1b[2J.ris", "format": "ris", "at": "2024"}],
        ),
        new_record(
            title="Ketamine for migraine headache in the emergency department",
            authors=[author("<b>Bold", "")],
            year=2020,
            pmid="javascript:alert(1)",  # a damaged record: no PubMed link can be made from this
            doi="javascript:alert(1)",
            abstract=[results],
        ),
    ]
    store_as_is(lib, recs)  # as a damaged library holds them: the importers would have cleaned them
    for reviewer in ("alice <script>x</script>", "bob \x1b[2J\u202e"):  # screened: the PRISMA flow is drawn too
        screen(Library.open(lib.root), "123", "include", reviewer=reviewer)
    link_all(Library.open(lib.root))
    return Library.open(lib.root)


def test_report_markdown_renders_to_nothing_executable(tmp_path: Path) -> None:
    files = write_report(_report_library(tmp_path), tmp_path / "out")
    cited = [e for c in _claims(files) for e in c["evidence_table"]]
    assert {e["pmid"] for e in cited} == {"123", "javascript:alert(1)"}  # both hostile records are in the report
    md = files.markdown.read_text()
    assert not UNSAFE.search(md)
    html = markdown_to_html(md)
    text = check_page(html)  # no script or event handler; links only to doi.org and PubMed
    assert " ".join(printable(EVIL_TITLE).split()) in text  # the title is shown, as text
    assert "refs`<script>`.ris" in text and "O'Neil <i>" in text and "alice <script>x</script> / bob" in text
    assert '<img src="prisma.svg"' in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert "https://pubmed.ncbi.nlm.nih.gov/123/" in hrefs
    dois = [unquote(h) for h in hrefs if h.startswith("https://doi.org/")]
    assert sorted(dois) == sorted(["https://doi.org/" + EVIL_DOI, "https://doi.org/javascript:alert(1)"])


def test_report_html_shows_hostile_text_as_text(tmp_path: Path) -> None:
    files = write_report(_report_library(tmp_path), tmp_path / "out")
    page = files.html.read_text()
    assert not UNSAFE.search(page)
    text = check_page(page)
    assert " ".join(printable(EVIL_TITLE).split()) in text
    assert "PRISMA 2020 flow diagram" in text and "alice <script>x</script> / bob" in text
    assert text.count("refs`<script>`.ris") == 2  # in the sources table and in the PRISMA figure
    import pybtex.database
    import rispy

    exports = sorted(p.name for p in (tmp_path / "out" / "evidence").iterdir())
    assert exports == ["900-01.bib", "900-01.csv", "900-01.ris"]  # the hostile records' evidence files read back
    assert len(pybtex.database.parse_file(tmp_path / "out" / "evidence" / "900-01.bib").entries) == 2
    assert len(rispy.loads((tmp_path / "out" / "evidence" / "900-01.ris").read_text())) == 2
    hrefs = re.findall(r'href="([^"]*)"', page)  # each DOI links from the evidence table and the studies list
    assert sorted(set(unquote(h) for h in hrefs if "doi.org" in h)) == sorted(
        ["https://doi.org/" + EVIL_DOI, "https://doi.org/javascript:alert(1)"]
    )


def test_a_claims_evidence_page_shows_hostile_text_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page of all a claim's studies (written when the report shows only the strongest of them) is as safe as the
    report: record text is text, links go only to the report, doi.org and PubMed."""
    import ketalit.report.data

    monkeypatch.setattr(ketalit.report.data, "SHOWN_PER_SIDE", 1)  # both hostile records support: one is shown
    files = write_report(_report_library(tmp_path), tmp_path / "out")
    link = _by_id(_dom(files), "claim-900-01").xpath('.//p[contains(@class, "more-link")]/a/@href')
    assert link == ["evidence/900-01.html"]
    page = (tmp_path / "out" / link[0]).read_text(encoding="utf-8")
    assert not UNSAFE.search(page)
    text = check_page(page)
    assert " ".join(printable(EVIL_TITLE).split()) in text and "O'Neil <i>" in text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert sorted(set(unquote(h) for h in hrefs if "doi.org" in h)) == sorted(
        ["https://doi.org/" + EVIL_DOI, "https://doi.org/javascript:alert(1)"]
    )
    assert "../report.html#claim-900-01" in hrefs
