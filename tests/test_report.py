"""The evidence-gap report: content matches the library, every claim is there with its verdict, text is escaped."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ketalit.claims.store import link_all
from ketalit.importer import store_records
from ketalit.library import Library
from ketalit.records import author, new_record
from ketalit.report.render import md_escape, write_report

from conftest import run_cli


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
    (tmp_path / "lib" / "sources").mkdir()
    quote = "Ketamine <b>cures</b> migraine pain."
    (tmp_path / "lib" / "sources" / "900.txt").write_text(quote + "\n")
    (tmp_path / "lib" / "claims.toml").write_text(
        '[documents."900"]\nfile = "sources/900.txt"\n\n[[claim]]\nid = "900-01"\n'
        f'quote = "{quote}"\nstart = 0\nend = {len(quote)}\nkind = "efficacy"\nroutes = []\n'
        'outcomes = ["pain_intensity"]\nsettings = ["headache_migraine"]\nassertion = "relieves migraine"\n'
    )
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
