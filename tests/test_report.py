"""The evidence-gap report: content matches the library, every claim is there with its verdict, text is escaped."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from ketalit.claims.store import link_all
from ketalit.importer import store_records
from ketalit.library import Library
from ketalit.records import author, new_record
from ketalit.report.render import md_escape, write_report
from ketalit.safetext import printable
from ketalit.screening import screen

from conftest import UNSAFE, check_page, markdown_to_html, run_cli, store_as_is, write_claims_catalogue


@pytest.fixture(scope="module")
def shipped_report(shipped_copy: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("report")
    return write_report(Library.open(shipped_copy), out), Library.open(shipped_copy)


def test_gap_map_counts_equal_tagged_records(shipped_report) -> None:
    files, lib = shipped_report
    recs = [r for _, r in lib.iter_records() if not r.get("retracted")]
    for line in files.data["route_map"]["grid"]:
        for cell in line:
            expected = sum(1 for r in recs if cell["row"] in r["tags"]["route"] and cell["col"] in r["tags"]["outcome"])
            assert cell["count"] == expected, (cell["row"], cell["col"])
    html = files.html.read_text()
    # the HTML table shows the same numbers, row by row
    intravenous = next(line for line in files.data["route_map"]["grid"] if line[0]["row"] == "intravenous")
    row = re.search(r"<tr><th>Intravenous</th>(.*?)</tr>", html).group(1)
    shown = [int(n) if n.isdigit() else 0 for n in re.findall(r"<td[^>]*>([^<]*)</td>", row)]
    assert shown == [c["count"] for c in intravenous]
    assert "<svg" in html and "https://" not in html.split("<body>")[0]  # figures inline, no external assets


def test_every_claim_appears_with_its_verdict(shipped_report) -> None:
    files, lib = shipped_report
    html, md = files.html.read_text(), files.markdown.read_text()
    rows = lib.table("claims").all()
    assert len(rows) >= 60
    for r in rows:
        block = re.search(
            rf'id="claim-{r["id"]}">\s*<div><strong>{r["id"]}</strong> <span class="verdict v-(\w+)"', html
        )
        assert block and block.group(1) == r["verdict"], r["id"]
        assert f"**{r['id']}** — **{r['verdict']}**" in md
    for c in files.data["gaps"]["contradictions"]:
        assert f"{c['claims'][0]}</a> vs" in html


def test_report_command_prints_where_and_a_summary(runner, shipped_copy: Path, tmp_path: Path) -> None:
    res = run_cli(runner, shipped_copy, "report", "-o", str(tmp_path / "r"))
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


def test_md_escape() -> None:
    assert md_escape("a|b *c* <d> [e](f)") == r"a\|b \*c\* &lt;d&gt; \[e\](f)"
    assert md_escape("no_evidence _em_ ~~del~~\x1b[2J\nnext") == r"no_evidence \_em\_ \~\~del\~\~ next"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium: .ci/run installs it")
def test_report_renders_in_a_browser(shipped_report, tmp_path: Path) -> None:
    from PIL import Image

    files, _ = shipped_report
    png = tmp_path / "report.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,1600",
            f"--screenshot={png}",
            files.html.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert png.exists()
    img = Image.open(png).convert("RGB")
    assert img.size == (1280, 1600)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, bubbles and verdict badges, not a blank page
    greens = sum(n for n, (r, g, b) in colours if g > 100 and r < 90 and b < 90)
    assert greens > 500  # the green "supported" badges and review-tier bubbles are drawn


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
    cited = [e for d in files.data["claims"] for g in d["kinds"].values() for c in g for e in c["key_citations"]]
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
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert sorted(unquote(h) for h in hrefs if "doi.org" in h) == sorted(
        ["https://doi.org/" + EVIL_DOI, "https://doi.org/javascript:alert(1)"]
    )
