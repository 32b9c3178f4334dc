"""Screening by stage and reviewer, conflicts, kappa, PRISMA 2020 counts and diagram, prioritised screening."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from ketalit.errors import KetalitError
from ketalit.library import Library
from ketalit.priority import rank
from ketalit.prisma import prisma_counts, prisma_svg
from ketalit.screening import agreement, cohen_kappa, conflicts, decisions, resolve, screen, statuses
from ketalit.search import search_library
from ketalit.userfields import add_note, notes

from conftest import ROOT, run_cli

LABELS = json.loads((ROOT / "tests" / "labels" / "screening_ed_rct.json").read_text())


@pytest.fixture
def shipped(shipped_copy: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "library"
    shutil.copytree(shipped_copy, dest)
    return dest


def two_reviewer_session(root: Path) -> dict[str, str]:
    """Alice screens every record by the hand labels; Bob independently disagrees on a seeded tenth of them. The
    conflicts are resolved by the labels; the includes go to full text, where one is not retrieved and two are
    excluded. Returns the citation key -> final title/abstract decision."""
    rng = random.Random(7)
    votes = []
    final = {}
    for item in LABELS["records"]:
        key, label = item["citekey"], item["label"]
        bob = label if rng.random() > 0.1 else ("exclude" if label == "include" else "include")
        votes.append((key, label, bob))
        final[key] = label
    lib = Library.open(root)
    with lib.transaction():  # one write for the whole session: 426 decisions, each as `screen` records it
        for key, alice, bob in votes:
            screen(lib, key, alice, "" if alice == "include" else "wrong study design", reviewer="alice")
            screen(lib, key, bob, "" if bob == "include" else "wrong setting", reviewer="bob")
    return final


@pytest.mark.slow
@pytest.mark.e2e
def test_two_reviewers_conflicts_kappa_and_prisma_through_the_cli(shipped: Path, runner) -> None:
    final = two_reviewer_session(shipped)
    lib = Library.open(shipped)
    found = conflicts(lib, "title_abstract")
    assert found and all({v["reviewer"] for v in c["votes"]} == {"alice", "bob"} for c in found)
    # kappa printed, equal to scikit-learn's on the same votes
    from sklearn.metrics import cohen_kappa_score

    votes = {(d["reviewer"], d["record"]): d["decision"] for d in decisions(lib)}
    ids = sorted({r for _, r in votes})
    expected = cohen_kappa_score([votes[("alice", i)] for i in ids], [votes[("bob", i)] for i in ids])
    assert agreement(lib)[0]["kappa"] == pytest.approx(expected, abs=1e-4)
    out = run_cli(runner, shipped, "screen", "agreement")
    assert out.exit_code == 0 and f"{expected:.3f}" in out.stdout
    # resolve every conflict through the CLI, as the labels say
    for c in found:
        key = Library.open(shipped).record(c["record"])["citekey"]
        decision = final[key]
        args = ["screen", "conflicts", "--resolve", key, "--decision", decision, "--reviewer", "carol"]
        if decision == "exclude":
            args += ["--reason", "wrong study design"]
        assert run_cli(runner, shipped, *args).exit_code == 0
    assert run_cli(runner, shipped, "screen", "conflicts", "--json").stdout.strip() == "[]"
    includes = [k for k, v in final.items() if v == "include"]
    lib = Library.open(shipped)
    screen(lib, includes[0], "exclude", "not retrieved", stage="full_text", reviewer="alice")
    for k in includes[1:3]:
        screen(lib, k, "exclude", "wrong outcome", stage="full_text", reviewer="alice")
    for k in includes[3:-1]:
        screen(lib, k, "include", stage="full_text", reviewer="alice")  # the last include awaits full text

    proc = run_cli(runner, shipped, "prisma", "--json")
    assert proc.exit_code == 0, proc.stderr
    c = json.loads(proc.stdout)
    # the arithmetic, against the library itself
    recs = Library.open(shipped).records()
    sources = {(p["source"]) for r in recs for p in r["provenance"]}
    assert {s["source"] for s in c["identification"]["sources"]} == sources
    assert c["identification"]["records_identified"] == sum(len({p["source"] for p in r["provenance"]}) for r in recs)
    assert c["removed_before_screening"]["duplicates"] == c["identification"]["records_identified"] - len(recs)
    n_inc = sum(v == "include" for v in final.values())
    assert c["screening"]["records_screened"] == len(recs) == 213
    assert c["screening"]["records_excluded"] == 213 - n_inc
    assert c["retrieval"] == {"reports_sought": n_inc, "reports_not_retrieved": 1}
    assert c["eligibility"]["reports_assessed"] == n_inc - 2
    assert c["eligibility"]["excluded_reasons"] == {"wrong outcome": 2}
    assert c["eligibility"]["awaiting_assessment"] == 1
    assert c["included"]["studies"] == n_inc - 4
    assert all(c["checks"].values())
    assert [a["reviewers"] for a in c["agreement"]] == [["alice", "bob"]]
    text = run_cli(runner, shipped, "prisma")
    assert "Cohen's kappa" in text.stdout and f"{expected:.3f}" in text.stdout
    # the report draws the same numbers
    rep = run_cli(runner, shipped, "report", "-o", str(shipped / "rep"))
    assert rep.exit_code == 0, rep.stderr
    html = (shipped / "rep" / "report.html").read_text()
    svg = (shipped / "rep" / "prisma.svg").read_text()
    assert svg == prisma_svg(prisma_counts(Library.open(shipped)))
    assert "<svg" in html and "PRISMA 2020 flow diagram" in html
    assert f"Studies included in review (n = {n_inc - 4})" in svg
    assert "Records screened (n = 213)" in svg
    assert "prisma.svg" in (shipped / "rep" / "report.md").read_text()


@pytest.mark.xdist_group("shipped_report")
def test_report_has_no_prisma_without_screening(shipped_report_files) -> None:
    assert shipped_report_files.html.exists()
    assert not (shipped_report_files.html.parent / "prisma.svg").exists()


def test_screening_api_rules(shipped: Path) -> None:
    lib = Library.open(shipped)
    key = LABELS["records"][0]["citekey"]
    with pytest.raises(KetalitError, match="needs a reason"):
        screen(lib, key, "exclude", reviewer="a")
    with pytest.raises(KetalitError, match="unknown reason"):
        screen(lib, key, "exclude", "I did not like it", reviewer="a")
    with pytest.raises(KetalitError, match="unknown stage"):
        screen(lib, key, "include", stage="abstract_only", reviewer="a")
    with pytest.raises(KetalitError, match="include, exclude or maybe"):
        screen(lib, key, "perhaps", reviewer="a")
    screen(lib, key, "maybe", reviewer="a")
    screen(lib, key, "include", reviewer="a")  # replaces a's earlier decision
    assert [d["decision"] for d in decisions(lib)] == ["include"]
    with pytest.raises(KetalitError, match="nobody has screened"):
        resolve(lib, key, "include", stage="full_text", reviewer="c")
    (shipped / "screening.toml").write_text('stages = ["title_abstract", "full_text"]\nreasons = ["mine"]\n')
    screen(lib, key, "exclude", "mine", reviewer="b")
    assert statuses(lib)[lib.find(key)["_id"]]["decision"] == "conflict"


def test_kappa_matches_scikit_learn() -> None:
    from sklearn.metrics import cohen_kappa_score

    rng = random.Random(3)
    for _ in range(50):
        n = rng.randint(2, 40)
        a = [rng.choice(["include", "exclude", "maybe"]) for _ in range(n)]
        b = [x if rng.random() < 0.7 else rng.choice(["include", "exclude", "maybe"]) for x in a]
        k = cohen_kappa(a, b)
        if k is None:
            assert len(set(a)) == len(set(b)) == 1
        else:
            assert k == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


@pytest.mark.e2e
def test_search_fields_and_exports_carry_decisions(shipped: Path, runner) -> None:
    lib = Library.open(shipped)
    keys = [r["citekey"] for r in LABELS["records"][:4]]
    screen(lib, keys[0], "include", reviewer="ann")
    screen(lib, keys[1], "exclude", "wrong setting", reviewer="ann")
    screen(lib, keys[2], "maybe", reviewer="ben")
    screen(lib, keys[0], "include", stage="full_text", reviewer="ann")

    def found(q: str) -> set[str]:
        return {r["citekey"] for r in search_library(Library.open(shipped), q, limit=None)}

    assert found("screen:include") == {keys[0]} and found("screen:exclude") == {keys[1]}
    assert found("screen:maybe") == {keys[2]} and found("stage:full_text") == {keys[0]}
    assert found("reviewer:ann") == {keys[0], keys[1]} and keys[3] in found("screen:unscreened")
    res = run_cli(runner, shipped, "search", "screen:exclude", "--format", "tsv", "--fields", "citekey,screen,reason")
    assert res.output.strip() == f"{keys[1]}\texclude\twrong setting"
    out = [json.loads(x) for x in run_cli(runner, shipped, "export", "jsonl").output.splitlines()]
    by_key = {x["citekey"]: x for x in out}
    assert [d["stage"] for d in by_key[keys[0]]["screening_decisions"]] == ["title_abstract", "full_text"]
    assert by_key[keys[0]]["screening"]["stage"] == "full_text"
    csl = json.loads(run_cli(runner, shipped, "export", "csljson", "screen:exclude").output)
    assert csl[0]["custom"]["screening"]["reason"] == "wrong setting"


@pytest.mark.e2e
def test_notes_are_a_dated_list(shipped: Path, runner) -> None:
    key = LABELS["records"][0]["citekey"]
    assert run_cli(runner, shipped, "note", key, "first thought").exit_code == 0
    assert run_cli(runner, shipped, "note", key, "second thought").exit_code == 0
    items = json.loads(run_cli(runner, shipped, "note", key, "--json").output)
    assert [n["text"] for n in items] == ["first thought", "second thought"] and all(n["at"] for n in items)
    lib = Library.open(shipped)
    assert lib.find(key)["notes"] == "first thought\nsecond thought"
    add_note(lib, key, "third")
    assert len(notes(lib, lib.find(key)["_id"])) == 3


@pytest.mark.e2e
def test_screen_next_learns_from_the_reviewers_own_decisions(shipped: Path, runner) -> None:
    lib = Library.open(shipped)
    labels = {r["citekey"]: r["label"] for r in LABELS["records"]}
    first = rank(lib, reviewer="ann")
    assert first["model"] is None and "one include and one exclude" in first["why"]
    inc = [k for k, v in labels.items() if v == "include"][:3]
    exc = [k for k, v in labels.items() if v == "exclude"][:3]
    for k in inc:
        screen(lib, k, "include", reviewer="ann")
    for k in exc:
        screen(lib, k, "exclude", "wrong study design", reviewer="ann")
    ranked = rank(Library.open(shipped), reviewer="ann", limit=20)
    assert ranked["model"] and ranked["left"] == 213 - 6
    top = [labels[r["citekey"]] for r in ranked["records"]]
    base_rate = (22 - 3) / (213 - 6)
    assert top.count("include") / 20 > 3 * base_rate  # far better than screening in library order
    other = rank(Library.open(shipped), reviewer="ben")
    assert other["model"] is None  # Ben's queue does not learn from Ann's decisions
    res = run_cli(runner, shipped, "screen", "next", "--reviewer", "ann", "--json")
    assert json.loads(res.output)["records"][0]["citekey"] == ranked["records"][0]["citekey"]


def test_duplicates_inside_one_file_are_duplicates_removed(lib: Library, tmp_path: Path) -> None:
    """A file that lists the same paper twice identified it twice: PRISMA counts both, and one as a duplicate
    removed (they used to be one record identified, and no duplicate). Importing the file again changes nothing."""
    from ketalit.importer import import_files

    def item(n: int, title: str) -> dict:
        return {"id": f"x{n}", "type": "article-journal", "title": title, "DOI": f"10.1000/dup.{n}"}

    export = tmp_path / "export.json"
    export.write_text(
        json.dumps([item(1, "Ketamine for colic"), item(2, "Ketamine in burns"), item(1, "Ketamine for colic")])
    )
    other = tmp_path / "other.json"
    other.write_text(json.dumps([item(1, "Ketamine for colic")]))
    for _ in range(2):
        import_files(lib, [export, other])
        c = prisma_counts(Library.open(lib.root))
        by_source = {s["source"]: s["records"] for s in c["identification"]["sources"]}
        assert by_source == {str(export): 3, str(other): 1}
        assert (c["identification"]["records_identified"], c["screening"]["records"]) == (4, 2)
        assert c["removed_before_screening"]["duplicates"] == 2 and all(c["checks"].values())


def test_prisma_counts_records_whose_source_was_never_recorded(shipped: Path) -> None:
    """A record stored without provenance (a library from before provenance was kept) was still identified once:
    it is counted under an unknown source, and duplicates removed are never negative."""
    lib = Library.open(shipped)
    before = prisma_counts(lib)
    with lib.transaction() as t:
        stripped = 0
        for doc_id, rec in list(t.iter_records())[:3]:
            if not rec.get("merged"):
                rec = dict(rec)
                rec["provenance"] = []
                t.put(doc_id, rec)
                stripped += 1
    counts = prisma_counts(Library.open(shipped))
    ident = counts["identification"]
    unknown = [s for s in ident["sources"] if s["kind"] == "unknown"]
    assert stripped and unknown and unknown[0]["records"] == stripped
    assert counts["removed_before_screening"]["duplicates"] >= 0
    assert counts["identification"]["records_identified"] - before["identification"]["records_identified"] <= 0
