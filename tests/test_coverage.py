"""The coverage guard on real pages: a claim whose reading is only "ketamine relieves pain" while its words say much
more (a way of using the drug, a schedule, a warning) is not judged on the pooled pain evidence, and the words its
reading left out are shown; a reading a person accepted is that person's and is not capped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page
from ketalit.claims.coverage import REVIEWED, coverage
from ketalit.claims.review import accept_claim, forget_all_claims, relink_claim, reviewed_catalogue
from ketalit.claims.store import stored_claims
from ketalit.library import Library

from conftest import ROOT, copy_library_files, run_cli

POCKET = "The alternative is to keep this inexpensive medication in your pocket"
OPIOIDS = "Indeed, opioids may stop ketamine from helping at all."


@pytest.fixture(scope="module")
def p50(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    """heldout9 p50 (a CRPS clinic's page, intravenous in its title) checked once into a copy of the shipped records
    without their pages: the library and its claims by quote."""
    lib = tmp_path_factory.mktemp("p50") / "library"
    copy_library_files(ROOT / "library", lib)
    shutil.copytree(ROOT / "library" / "snapshot", lib / "snapshot")
    forget_all_claims(lib)
    page = ROOT / "tests" / "pages" / "heldout9" / "p50.txt"
    result = check_page(Library.open(lib), page.read_bytes(), "p50.txt")
    return lib, {c["quote"]: c for c in result.claims}


def _claim(claims: dict[str, dict], start: str) -> dict:
    hits = [c for q, c in claims.items() if q.startswith(start)]
    assert len(hits) == 1, sorted(claims)
    return hits[0]


def test_a_use_pattern_the_reading_leaves_out_is_not_judged_on_pain_in_general(p50) -> None:
    """heldout9 p50: "The alternative is to keep this inexpensive medication in your pocket and use it as needed,
    either to relieve pain when it comes or to prevent pain ..." (the alternative to the page's infusions; reviewers:
    insufficient) was read as "intravenous ketamine improves pain" and supported by the pooled pain trials. Its
    reading leaves out what it says (pocket, as needed, prevent, flare): insufficient, and the explanation names
    those words and what the pooled evidence would have said."""
    _, claims = p50
    pocket = _claim(claims, POCKET)
    cov = pocket["proposition"]["coverage"]
    assert cov["generic"] and cov["partial"], cov
    assert {"pocket", "needed", "prevent"} <= set(cov["unrepresented"]), cov
    assert "relieve" in cov["represented"] and "pain" in cov["represented"], cov
    assert pocket["verdict"] == "insufficient", pocket["explanation"]
    assert "'pocket'" in pocket["explanation"] and "coverage guard" in pocket["explanation"]
    assert "On the reading alone the evidence would be supported" in pocket["explanation"]


def test_every_claim_shows_what_its_reading_leaves_out(p50) -> None:
    """`check --json` and `claims list --json` carry, in each claim's proposition, the content words the reading
    represents and those it does not. heldout9 p50's "Indeed, opioids may stop ketamine from helping at all"
    (reviewers: contradicted) is read as relief of pain: a reviewer sees that 'opioids' and 'stop' were not checked.
    (Two words are fewer than the guard's threshold: its verdict is not capped.)"""
    lib, claims = p50
    opioids = _claim(claims, OPIOIDS)
    cov = opioids["proposition"]["coverage"]
    assert cov["unrepresented"] == ["opioids", "stop"] and cov["represented"] == ["helping"], cov
    assert cov["generic"] and not cov["partial"]
    stored = {r["id"]: r for r in stored_claims(Library.open(lib))}
    assert stored[opioids["id"]]["proposition"]["coverage"] == cov  # what `claims list --json` prints
    # a claim whose reading carries more than relief of pain is measured too, and never capped
    short = _claim(claims, "Ketamine acts for only a short time")
    assert not short["proposition"]["coverage"]["generic"]


def test_claims_show_names_the_words_a_reading_left_out(p50, runner) -> None:
    """`claims show` tells a reviewer which words of the claim were not checked, beside the capped verdict."""
    lib, claims = p50
    pocket = _claim(claims, POCKET)
    shown = " ".join(run_cli(runner, lib, "claims", "show", pocket["id"]).output.split())
    assert "words of the claim its reading does not represent: alternative, keep, inexpensive, pocket" in shown
    assert "insufficient" in shown


def test_a_reading_a_person_accepted_is_not_capped(p50, tmp_path: Path) -> None:
    """A person who accepts the machine's reading of the p50 sentence makes it a person's reading: relinked, the claim
    keeps the verdict the evidence gives it, and its coverage says why it is not capped."""
    checked, claims = p50
    lib_dir = tmp_path / "library"
    shutil.copytree(checked, lib_dir, ignore=shutil.ignore_patterns("*.lock"))
    lib = Library.open(lib_dir)
    pocket = _claim(claims, POCKET)
    accept_claim(lib, pocket["id"], note="read as relief of pain, on purpose")
    claim = next(c for c in reviewed_catalogue(lib) if c.id == pocket["id"])
    assert claim.extra.get(REVIEWED) and not coverage(claim).partial
    relink_claim(lib, pocket["id"])
    row = next(r for r in stored_claims(Library.open(lib_dir)) if r["id"] == pocket["id"])
    assert row["verdict"] == "supported", row["explanation"]
    assert row["proposition"]["coverage"]["reviewed"] and not row["proposition"]["coverage"]["partial"]


def test_no_reviewed_claim_of_the_shipped_catalogue_is_capped() -> None:
    """The shipped catalogue's reviewed claims carry the reviewers' propositions: the guard measures them and never
    caps one."""
    claims = reviewed_catalogue(Library.open(ROOT / "library"), verify=False)
    reviewed = [c for c in claims if c.extra.get(REVIEWED)]
    assert len(reviewed) >= 100  # the reviewers' catalogue
    assert not [c.id for c in reviewed if coverage(c).partial]
