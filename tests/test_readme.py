"""Every example of the README, done through the Python API on a copy of the shipped library, in the README's order
(the page `check` adds becomes document 005, whose claims the later examples review); and the command line prints
what the API returns."""

from __future__ import annotations

import io
import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from ketalit import api
from ketalit.errors import BadInput
from ketalit.pubmed.eutils import EUtilsClient

from conftest import FIXTURES, ROOT, run_cli
from eutils_server import Server, default_fake

PAGE = ROOT / "tests" / "pages" / "tuning" / "p05.html"  # the README's saved-page.html
STDIN_PAGE = ROOT / "tests" / "pages" / "tuning" / "p07.txt"  # what `curl` pipes in


def readme_examples() -> list[str]:
    """The commands of the README's Examples block, without their comments."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("### Examples", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    return [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines() if line.strip()]


def words(example: str) -> list[str]:
    """The arguments of an example's first `ketalit` (past environment assignments, or a pipe into it)."""
    first = next(part for part in example.split("|") if re.search(r"(^|\s)ketalit\s", part))
    return shlex.split(re.split(r"(?:^|\s)ketalit\s", first, maxsplit=1)[1])


@pytest.fixture
def shipped(shipped_copy: Path, tmp_path: Path) -> Path:
    import shutil

    dest = tmp_path / "library"
    shutil.copytree(shipped_copy, dest)
    return dest


@pytest.mark.slow
def test_every_readme_example_through_the_api(shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = api.open_library(shipped)
    done: list[str] = []

    def example(prefix: str) -> list[str]:
        found = [e for e in readme_examples() if e.startswith(prefix) or f"| {prefix}" in e]
        assert len(found) == 1, (prefix, found)
        done.append(found[0])
        return words(found[0])

    # ketalit search 'intranasal route:intranasal outcome:onset design:rct'
    args = example("ketalit search 'intranasal route")
    hits = api.search(lib, args[1])
    assert hits and all({"intranasal"} <= set(h["tags"]["route"]) for h in hits)
    assert all("onset" in h["tags"]["outcome"] and h["tags"]["design"] == ["rct"] for h in hits)
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))

    # ketalit search '("respiratory depression" OR apnoea) NOT design:narrative_review year:2010..2025' --sort year
    args = example("ketalit search '(")
    hits = api.search(lib, args[1], sort=args[args.index("--sort") + 1])
    years = [h["year"] for h in hits]
    assert hits and years == sorted(years, reverse=True) and all(2010 <= y <= 2025 for y in years)
    assert all("narrative_review" not in h["tags"]["design"] for h in hits)

    # ketalit show 30592476   (tags with the words that matched, e.g. 'Intranasal' in title 10-20)
    args = example("ketalit show")
    rec = api.show(lib, args[1])
    route = next(r for r in rec["tag_reasons"] if r["axis"] == "route" and r["tag"] == "intranasal")
    assert (route["match"], route["field"], route["start"], route["end"]) == ("Intranasal", "title", 10, 20)
    assert rec["title"][10:20] == "Intranasal"

    # ketalit claims show 000-21   ("Nasal ketamine ... effects often felt within 20–40 minutes")
    args = example("ketalit claims show")
    claim = api.claim(lib, args[2])
    assert claim["quote"].startswith("Nasal ketamine") and "within 20–40 minutes" in claim["quote"]
    assert claim["machine_verdict"] and claim["evidence"]

    # ketalit check saved-page.html --accessed 2026-11-30 --report out/
    args = example("ketalit check saved-page.html")
    result = api.check(lib, PAGE, accessed=args[args.index("--accessed") + 1])
    files = api.report(lib, tmp_path / args[args.index("--report") + 1], document=result.document)
    assert result.document == "005" and result.new == len(result.claims) > 0
    assert result.meta["accessed"] == "2026-11-30"
    report_text = files.html.read_text(encoding="utf-8")
    assert all(c["id"] in report_text for c in result.claims) and files.data["document"] == "005"

    # curl -s https://example.org/ketamine | ketalit check - --url https://example.org/ketamine
    args = example("curl -s")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STDIN_PAGE.read_bytes())))
    piped = api.check(lib, args[1], url=args[args.index("--url") + 1])
    assert piped.meta["url"] == "https://example.org/ketamine" and piped.document == "006" and piped.claims
    assert {p["url"] for p in api.pages(lib)} >= {"https://example.org/ketamine"}

    # ketalit claims verdict 005-14 no_evidence --note "no record reports tingling or numbness"
    args = example("ketalit claims verdict")
    machine = api.claim(lib, args[2])["machine_verdict"]
    api.set_verdict(lib, args[2], args[3], note=args[args.index("--note") + 1], reviewer="tester")
    overruled = api.claim(lib, args[2])
    assert "tingling" in overruled["quote"].lower() and overruled["verdict"] == "no_evidence"
    assert overruled["machine_verdict"] == machine and overruled["reviewed"]

    # ketalit export bibtex 'route:intranasal design:rct' -o intranasal.bib
    args = example("ketalit export bibtex 'route")
    out = tmp_path / args[args.index("-o") + 1]
    text = api.export(lib, "bibtex", args[2], output=out)
    assert out.read_text(encoding="utf-8") == text
    assert text.count("@article{") + text.count("@book{") == len(api.search(lib, args[2], limit=None)) > 0

    # ketalit export bibtex --claim 000-38 --encoding utf-8 --biblatex -o respiratory.bib
    args = example("ketalit export bibtex --claim")
    out = tmp_path / args[args.index("-o") + 1]
    cited = api.select_records(lib, claim=args[args.index("--claim") + 1])
    text = api.export(
        lib, "bibtex", claim=args[args.index("--claim") + 1], encoding=args[args.index("--encoding") + 1],
        biblatex=True, output=out,
    )  # fmt: skip
    assert cited and text.count("eprinttype = {pubmed}") == sum(1 for r in cited if r["pmid"])
    assert all(r["citekey"] in text for r in cited)

    # ketalit import ~/Zotero/export/my-review.bib   (Better BibTeX keys kept: your \cite{} keep working)
    example("ketalit import")
    imported = api.import_files(lib, [FIXTURES / "zotero_bbt.bib"])
    keys = re.findall(r"^@(?!comment)\w+\{([^,]+),", (FIXTURES / "zotero_bbt.bib").read_text(encoding="utf-8"), re.M)
    assert imported.added + imported.updated == len(keys) and all(api.show(lib, k)["citekey"] == k for k in keys)

    # ketalit search 'ketamin* AND "renal colic"[tiab] AND 2015:2024[dp]' --format tsv --fields pmid,year,title
    args = example("ketalit search 'ketamin*")
    hits = api.search(lib, args[1])
    rows = api.search_table(lib, hits, args[args.index("--fields") + 1].split(","))
    assert len(rows) == len(hits) > 0 and all(2015 <= int(year) <= 2024 for _, year, _ in rows)
    for h, (pmid, _, title) in zip(hits, rows, strict=True):
        rec = api.show(lib, h["citekey"])
        assert (pmid, title) == (rec["pmid"] or "", rec["title"])
        assert "renal colic" in (rec["title"] + " ".join(s["text"] for s in rec["abstract"])).lower()

    # ketalit search --ids 'design:rct setting:emergency_department' | ketalit fetch --pmid-file -
    args = example("ketalit search --ids")
    ids = [h["pmid"] or h["doi"] for h in api.search(lib, args[2])]
    pmids = [i for i in ids if i.isdigit()]
    with Server(default_fake()) as srv:
        client = EUtilsClient(base_url=srv.url, email="tests@example.org", api_key="", rate=50.0)
        # --ids prints a DOI for a record without a PMID, and fetch refuses it by line: only PMIDs can be fetched
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(ids).encode())))
        if len(pmids) < len(ids):
            first_doi = next(n for n, i in enumerate(ids, 1) if not i.isdigit())
            with pytest.raises(BadInput, match=f"stdin, line {first_doi}: .* is not a PMID"):
                api.read_pmids("-")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(pmids).encode())))
        [report] = api.fetch(lib, pmids=api.read_pmids("-"), client=client)
    assert pmids and report.already_stored == len(pmids) and report.requests == 0  # all stored: nothing asked

    # NCBI_API_KEY=... NCBI_EMAIL=you@example.org ketalit --library my-review fetch "ketamine AND pain" --mindate 2015
    args = example("NCBI_API_KEY")
    review, created = api.init(tmp_path / args[args.index("--library") + 1])
    query, mindate = args[args.index("fetch") + 1], args[args.index("--mindate") + 1]
    with Server(default_fake(valid_api_key="key-123")) as srv:
        client = EUtilsClient(base_url=srv.url, email="you@example.org", api_key="key-123", rate=50.0)
        [report] = api.fetch(review, query, mindate=mindate, client=client)
        asked = srv.fake.search(query, {"mindate": mindate, "datetype": "pdat"})
        assert all(e["params"].get("api_key") == "key-123" for e in srv.fake.log)
    stored = api.select_records(review)
    assert created and report.count == len(asked) == report.added == len(stored) > 0
    assert all(r["year"] >= 2015 for r in stored)

    assert done == readme_examples()  # every example, in the README's order


def _json(res: Any) -> Any:
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.mark.e2e
def test_the_command_line_prints_what_the_api_returns(runner, shipped: Path, tmp_path: Path) -> None:
    lib = api.open_library(shipped)
    query = "intranasal route:intranasal outcome:onset design:rct"
    assert _json(run_cli(runner, shipped, "search", query, "--json")) == api.search(lib, query)
    tsv = run_cli(runner, shipped, "search", "ketamine", "-n", "0", "--format", "tsv", "--fields", "pmid,authors")
    hits = api.search(lib, "ketamine", limit=None)
    assert tsv.stdout == "".join("\t".join(r) + "\n" for r in api.search_table(lib, hits, ["pmid", "authors"]))
    assert run_cli(runner, shipped, "export", "ris", "design:rct").stdout == api.export(lib, "ris", "design:rct")
    assert _json(run_cli(runner, shipped, "claims", "show", "000-21", "--json")) == api.claim(lib, "000-21")
    assert _json(run_cli(runner, shipped, "stats", "--json")) == json.loads(json.dumps(api.stats(lib)))
