"""The report as a reader sees it: rendered by headless Chromium at 1400 px and 390 px and printed to PDF (A4 and
Letter), with the checks made on the rendered page or the PDF's text; the filters run in the browser; axe-core
checks accessibility."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from ketalit.claims.review import set_verdict
from ketalit.library import Library
from ketalit.report.data import every_claim
from ketalit.report.render import write_report

from browser import CHROMIUM, chromium, screenshot
from conftest import ROOT, built_once, keep_claims

pytestmark = [
    pytest.mark.e2e,  # a real browser
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium: .ci/run installs it"),
]

AXE = ROOT / "tests" / "fixtures" / "axe" / "axe.min.js"
# Printable width of the page in CSS pixels (96 per inch) with the report's 12 mm side margins.
LETTER_PAGES = 60  # the Letter print test reads the pages before the claims (20 today)
PRINT_WIDTH = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((8.5 * 25.4 - 24) / 25.4 * 96)}

# Every element that sticks out of the viewport, unless a scroll box that itself fits holds it (a wide table scrolls
# inside its box; the page itself must not scroll sideways).
OVERFLOW_JS = """
() => {
  const vw = document.documentElement.clientWidth;
  const inFittingScrollBox = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') {
        const r = p.getBoundingClientRect();
        return r.left >= -0.5 && r.right <= vw + 0.5;
      }
    }
    return false;
  };
  const bad = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !inFittingScrollBox(el)) {
      bad.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return {vw, scrollWidth: document.documentElement.scrollWidth, bad};
}
"""
SHOWN_CLAIMS_JS = """
() => [...document.querySelectorAll('article.claim')].filter(a => a.checkVisibility()).map(a => a.id.slice(6))
"""


# The report the browser reads: three of the shipped library's five pages, with all its records. Every verdict but
# not_checkable (which it has none of), several pages, kinds, routes and outcomes to filter, claims with more studies
# than the report shows, contradictions between pages: what the whole report exercises, at a third of its size
# (a browser's print and accessibility scan cost in proportion). The gap maps are the whole library's.
PAGES = ("001", "002", "003")
REVIEWED = "001-238"  # an onset claim the machine found supported, which a reviewer makes mixed


def _reviewed_report(folder: Path, keep: Callable[[dict], bool]):
    """The report of the shipped library with the linked claims ``keep`` accepts, one verdict overruled by a reviewer
    (so that "reviewed" filters something)."""
    root = folder / "library"
    shutil.copytree(ROOT / "library", root, ignore=shutil.ignore_patterns("*.lock"))
    keep_claims(root, keep)
    set_verdict(Library.open(root), REVIEWED, "mixed", "onset differs by study", reviewer="alice")
    return write_report(Library.open(root), folder / "report")


@pytest.fixture(scope="session")
def report(tmp_path_factory: pytest.TempPathFactory):
    """The report of the shipped library's ``PAGES``: written once per run, for the tests that only read it."""
    keep = lambda c: c["document"] in PAGES  # noqa: E731
    files = built_once(tmp_path_factory, "reviewed_report", lambda folder: _reviewed_report(folder, keep))
    return files, files.html.resolve().as_uri()


def _few_claims(lib: Library) -> set[str]:
    """Of ``PAGES``' claims: the first two of each page with each verdict, the one with the most studies (so the
    longest evidence page), the reviewed one and the two of a contradiction between pages."""
    rows = [r for r in lib.table("claims").all() if r["document"] in PAGES]
    few = {REVIEWED, max(rows, key=lambda r: len(r["evidence"]))["id"]}
    seen: Counter[tuple[str, str]] = Counter()
    for r in rows:
        seen[r["document"], r["verdict"]] += 1
        if seen[r["document"], r["verdict"]] <= 2:
            few.add(r["id"])
    ids = {r["id"] for r in rows}
    [state] = lib.table("claims_meta").all()
    return few | set(next(c["claims"] for c in state["contradictions"] if set(c["claims"]) <= ids))


@pytest.fixture(scope="session")
def small_report(tmp_path_factory: pytest.TempPathFactory):
    """``report`` with a quarter of its claims (``_few_claims``: 23 of 86, every verdict of every page): every
    section and every kind of element of ``report`` is in it (each tag with each class: checked when the choice was
    made), at about half its size. For the prints and the accessibility scans, whose cost is in proportion to the
    page while what they check (every gap-map column and every claim printed, no serious violation) is in the kinds
    of element, not in how many there are."""
    few = _few_claims(Library.open(ROOT / "library"))
    keep = lambda c: c["id"] in few  # noqa: E731
    files = built_once(tmp_path_factory, "small_report", lambda folder: _reviewed_report(folder, keep))
    return files, files.html.resolve().as_uri()


@pytest.fixture(scope="session")
def browser():
    with chromium() as browser:
        yield browser


def _open(browser, url: str):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(url)
    yield page
    page.close()
    assert not errors, errors  # no script error, nothing the Content-Security-Policy refused


@pytest.fixture(scope="module")
def _report_page(browser, report):
    """One page of ``report``, loaded once for the tests that only read it at a width and colour scheme of their
    own (a load of the 86-claim report costs the browser about a CPU-second)."""
    errors: list[str] = []
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(report[1])
    yield page, errors
    page.close()


@pytest.fixture
def page(_report_page):
    """The shared page of ``report`` as a fresh one is: 1400 px wide, on screen, light; no script error meanwhile."""
    page, errors = _report_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.emulate_media(media="screen", color_scheme="light")
    yield page
    seen, errors[:] = errors[:], []  # each test answers for its own
    assert not seen, seen  # no script error, nothing the Content-Security-Policy refused


@pytest.fixture
def fresh_page(browser, report):
    """A page of ``report`` of its own, for a test that changes what it shows (filters, links followed)."""
    yield from _open(browser, report[1])


@pytest.fixture
def small_page(browser, small_report):
    yield from _open(browser, small_report[1])


def _claims(files) -> list[dict]:
    return every_claim(files.data["claims"])


def test_every_claim_is_shown_with_its_verdict(page, report) -> None:
    files, _ = report
    shown = page.evaluate(
        """() => [...document.querySelectorAll('article.claim')].map(a => ({
            id: a.id, verdict: a.dataset.verdict, badge: a.querySelector('.claim-head .verdict').innerText,
            visible: a.checkVisibility(), rows: a.querySelectorAll('table.evidence tbody tr').length}))"""
    )
    claims = _claims(files)
    assert len(claims) >= 60 and [s["id"] for s in shown] == [f"claim-{c['id']}" for c in claims]
    for s, c in zip(shown, claims, strict=True):
        assert s["visible"] and s["verdict"] == c["verdict"], s
        assert s["badge"].split(maxsplit=1)[1] == c["verdict"].replace("_", " "), s
        assert s["rows"] == len(c["evidence_table"]) - c["more"], s  # the strongest; all are on the claim's page
    # the summary comes first and leads with what does not hold up
    first = page.evaluate("document.querySelector('h2').innerText")
    lede = page.evaluate("document.querySelector('.lede').innerText")
    assert first == "At a glance" and lede.index("Does not hold up") < lede.index("Supported:")
    assert page.is_visible("#filters")  # the inline script ran under the page's Content-Security-Policy


def test_nothing_is_wider_than_a_phone(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        found = page.evaluate(OVERFLOW_JS)
        assert found["vw"] == 390 and found["scrollWidth"] <= 390 and not found["bad"], found
    # the evidence tables become one card per study: no table scrolls sideways on a phone
    wide = page.evaluate(
        "[...document.querySelectorAll('table.evidence')].filter(t => t.scrollWidth > t.clientWidth + 1).length"
    )
    assert wide == 0


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_shows_every_gap_map_column_and_every_claim(small_page, small_report, paper: str) -> None:
    import pypdfium2
    from pypdf import PdfReader

    page, (files, _) = small_page, small_report
    # some claims filtered out on screen: print shows them all the same, with the strongest studies of each
    page.select_option("select[data-filter=verdict]", "contradicted")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINT_WIDTH[paper], "height": 1000})
    assert len(page.evaluate(SHOWN_CLAIMS_JS)) == len(_claims(files))
    hidden_rows = page.evaluate(
        "[...document.querySelectorAll('table.evidence tbody tr')].filter(r => !r.checkVisibility()).length"
    )
    assert hidden_rows == 0
    # the bubble charts and the summary's lists folded away on screen are printed too
    assert page.evaluate("[...document.querySelectorAll('details.figure svg')].every(s => s.checkVisibility())")
    folded = "[...document.querySelectorAll('details.verdict-list:not([open]) li')]"
    assert page.evaluate(f"{folded}.length > 0 && {folded}.every(li => li.checkVisibility())")
    for table in ("table-map-route", "table-map-setting"):  # the gap maps fit the page: no column is cut
        right = page.evaluate(f"document.getElementById('{table}').getBoundingClientRect().right")
        assert right <= PRINT_WIDTH[paper] + 0.5, (table, right)

    # Letter is read as far as the claims (the gap maps are where the paper's width matters, on the first pages)
    pdf = page.pdf(format=paper, print_background=True, page_ranges="" if paper == "A4" else f"1-{LETTER_PAGES}")
    # PDFium reads hundreds of pages in seconds (it marks a word broken at the end of a line with U+FFFE where the page
    # shows a hyphen); pypdf, which takes minutes over them, reads the gap maps' rotated column heads as words
    fast = [
        " ".join(p.get_textpage().get_text_range().replace("\ufffe", "-").split()) for p in pypdfium2.PdfDocument(pdf)
    ]
    maps = next(i for i, t in enumerate(fast) if "Claims and their evidence" in t) + 1
    reader = PdfReader(io.BytesIO(pdf))
    texts = [" ".join(reader.pages[i].extract_text().split()) for i in range(maps)]
    text = unicodedata.normalize("NFKC", " ".join(texts))  # NFKC: the PDF's ligatures (ﬂ) read as their letters
    for start, end, m in (
        ("Routes of administration × outcomes", "Settings × outcomes", files.data["route_map"]),
        ("Settings × outcomes", "Claims and their evidence", files.data["setting_map"]),
    ):
        section = text[text.index(start) : text.index(end, text.index(start) + len(start))]
        for col in m["cols"]:
            assert col.replace("_", " ") in section, (paper, start, col)
        for row in m["rows"]:
            assert " ".join(m["row_labels"][row].split()[:1]) in section, (paper, start, row)
    if paper == "A4":
        text = unicodedata.normalize("NFKC", " ".join(texts + fast[maps:]))
        for c in _claims(files):
            assert re.search(rf"{c['id']}\s*\S\s*{c['verdict'].replace('_', ' ')}", text), (paper, c["id"])


@pytest.mark.slow
def test_each_filter_hides_what_it_should(fresh_page, report) -> None:
    page, (files, _) = fresh_page, report
    claims = _claims(files)
    everything = [c["id"] for c in claims]
    assert page.evaluate(SHOWN_CLAIMS_JS) == everything
    selects = page.evaluate(
        """() => [...document.querySelectorAll('select[data-filter]')].map(s => [s.dataset.filter,
            [...s.options].map(o => o.value).filter(v => v)])"""
    )
    assert [f for f, _ in selects] == ["document", "verdict", "kind", "routes", "outcomes", "reviewed"]
    tried = 0
    for field, values in selects:
        assert values, field
        for value in values:
            page.select_option(f"select[data-filter={field}]", value)
            if field == "reviewed":
                expected = [c["id"] for c in claims if c["reviewed"] == (value == "yes")]
                assert (value == "yes") == (expected == [REVIEWED])
            else:
                expected = [
                    c["id"] for c in claims if (value in c[field] if isinstance(c[field], list) else c[field] == value)
                ]
            assert page.evaluate(SHOWN_CLAIMS_JS) == expected, (field, value)
            status = page.inner_text("#filter-status")
            assert f"{len(expected)} of {len(claims)}" in status or (len(expected) == len(claims)), status
            tried += 1
        page.select_option(f"select[data-filter={field}]", "")
    assert tried >= 20

    # filters combine; the headings of pages and kinds left without a claim go too
    doc = claims[0]["document"]
    page.select_option("select[data-filter=document]", doc)
    page.select_option("select[data-filter=verdict]", "supported")
    expected = [c["id"] for c in claims if c["document"] == doc and c["verdict"] == "supported"]
    assert page.evaluate(SHOWN_CLAIMS_JS) == expected
    other = next(d["document"] for d in files.data["claims"] if d["document"] != doc)
    assert not page.is_visible(f"#doc-{other}") and page.is_visible(f"#doc-{doc}")
    # a link to a claim the filters hide brings it back
    hidden = next(c["id"] for c in claims if c["id"] not in expected)
    page.evaluate(f"window.location.hash = 'claim-{hidden}'")
    page.wait_for_selector(f"#claim-{hidden}", state="visible")  # polls without eval, which the page's CSP refuses
    assert page.evaluate(SHOWN_CLAIMS_JS) == everything
    # a claim shows its strongest studies; its link opens the page of all of them, which links back to the claim
    c = next(c for c in claims if c["more"])
    rows = "table.evidence tbody tr"
    visible = f"[...document.querySelectorAll('#claim-{c['id']} {rows}')].filter(r => r.checkVisibility()).length"
    assert page.evaluate(visible) == len(c["evidence_table"]) - c["more"]
    page.click(f"#claim-{c['id']} .more-link a")
    page.wait_for_url(f"**/evidence/{c['export']}.html")
    visible = f"[...document.querySelectorAll('{rows}')].filter(r => r.checkVisibility()).length"
    assert page.evaluate(visible) == len(c["evidence_table"])
    page.click(f"a[href='../report.html#claim-{c['id']}']")
    page.wait_for_url(f"**/report.html#claim-{c['id']}")
    page.wait_for_selector(f"#claim-{c['id']}", state="visible")


def test_without_the_script_every_claim_is_shown(browser, report) -> None:
    files, url = report
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert not page.is_visible("#filters")  # the filters need the script; the claims do not
    assert len(page.evaluate(SHOWN_CLAIMS_JS)) == len(_claims(files))
    context.close()


# Colour-vision deficiency as linear-RGB matrices (Machado, Oliveira and Fernandes 2009, severity 1.0).
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
}


def _linear(rgb: tuple[float, ...]) -> list[float]:
    return [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]


def _seen(rgb: tuple[float, ...], matrix=None) -> list[float]:
    """A colour as 0-255 sRGB the way a reader with a colour-vision deficiency sees it (as is without a matrix)."""
    lin = _linear(rgb)
    if matrix is not None:
        lin = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, lin, strict=True)))) for row in matrix]
    return [255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055) for c in lin]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_gap_map_colours_are_colour_blind_safe_and_never_a_verdicts(page, scheme: str) -> None:
    """The gap map's shades, as the browser paints them: ordered by lightness (read without telling hues apart) and
    far from every verdict badge's colour, also for red-green colour blindness; every shaded cell carries its
    letter and every claimed cell its ◆, so nothing is told by colour alone."""
    page.emulate_media(color_scheme=scheme)
    colours = page.evaluate(
        """() => {
            const rgb = (el) => getComputedStyle(el).backgroundColor.match(/[0-9.]+/g).slice(0, 3).map(Number);
            return {
                tiers: ['review', 'rct', 'observational', 'case', 'opinion'].map(
                    t => rgb(document.querySelector(`.key .sw.t-${t}`))),
                verdicts: [...document.querySelectorAll('.counts .verdict:not(.v-not_checkable)')].map(rgb),
                unlettered: [...document.querySelectorAll('table.map td[class*="t-"]')]
                    .filter(td => !/[RTOCN]$/.test(td.innerText.trim())).length,
                unmarked: [...document.querySelectorAll('table.map td.claimed')]
                    .filter(td => !td.innerText.includes('◆')).length,
            };
        }"""
    )
    tiers, verdicts = colours["tiers"], colours["verdicts"]
    assert len(verdicts) == 5 and colours["unlettered"] == 0 and colours["unmarked"] == 0, colours
    luminance = [sum(w * c for w, c in zip((0.2126, 0.7152, 0.0722), _linear(t), strict=True)) for t in tiers]
    assert luminance == sorted(luminance) and len(set(luminance)) == 5  # strongest design darkest
    for vision, matrix in (("normal", None), *CVD.items()):
        for t in tiers:
            for v in verdicts:
                distance = sum((a - b) ** 2 for a, b in zip(_seen(t, matrix), _seen(v, matrix), strict=True)) ** 0.5
                assert distance > 50, (scheme, vision, t, v, round(distance))


@pytest.mark.slow
@pytest.mark.parametrize(("width", "scheme"), [(1400, "light"), (390, "dark")])
def test_no_serious_accessibility_violation(small_page, small_report, width: int, scheme: str) -> None:
    page, (files, _) = small_page, small_report
    # the report, and the page of all the evidence of the claim with the most studies
    c = max(_claims(files), key=lambda c: c["more"])
    for url in (None, (files.html.parent / "evidence" / f"{c['export']}.html").resolve().as_uri()):
        if url:
            page.goto(url)
        page.set_viewport_size({"width": width, "height": 900})
        page.emulate_media(color_scheme=scheme)
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")  # evaluated, not injected: the page's CSP stays on
        results = page.evaluate(
            """async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
            }"""
        )
        serious = [v for v in results if v["impact"] in ("serious", "critical")]
        assert not serious, (url, serious)


def test_docs_screenshot_shows_the_current_report(browser, shipped_report_files, tmp_path: Path) -> None:
    """docs/report.png is the top of today's report (remake it with `python docs/screenshot.py`)."""
    from PIL import Image, ImageChops

    png = tmp_path / "now.png"
    screenshot(browser, shipped_report_files.html.resolve().as_uri(), png)
    now = Image.open(png).convert("RGB")
    kept = Image.open(ROOT / "docs" / "report.png").convert("RGB")
    assert kept.size == now.size, "docs/report.png is out of date: run `python docs/screenshot.py`"
    diff = ImageChops.difference(now, kept).convert("L").point(lambda v: 255 if v > 64 else 0)
    changed = sum(diff.histogram()[255:]) / (now.size[0] * now.size[1])
    assert changed < 0.03, (
        f"docs/report.png differs from the report in {changed:.1%} of its pixels: run docs/screenshot.py"
    )
