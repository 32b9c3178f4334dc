"""The coverage guard on real pages: a claim whose reading is only "ketamine relieves pain" while its words say much
more (a way of using the drug, a schedule, a warning) is not judged on the pooled pain evidence, and the words its
reading left out are shown; a reading a person accepted is that person's and is not capped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.check import check_page, page_claims
from ketalit.claims.coverage import REVIEWED, cap, coverage
from ketalit.claims.review import accept_claim, forget_all_claims, make_claim, relink_claim, reviewed_catalogue
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
    (Two of its three content words are less than the guard's share: its verdict is not capped.)"""
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


def _read(title: str, text: str, learned: bool = True) -> dict[str, Claim]:
    """The claims of a page's text as `ketalit check` reads them (extracted and normalised in the page's context, not
    linked), by quote; ``learned=False``: with the rules' kinds alone (the trained kind model left out)."""
    out = {}
    for cand, norm in page_claims(text, title, document="900", learned=learned):
        fields = {"id": "900-01", "document": "900", "file": "page.txt", "quote": cand.quote, "start": cand.start,
                  "end": cand.end, "lead_in": cand.lead_in, **norm.catalogue_fields()}  # fmt: skip
        out[cand.quote] = make_claim(fields)
    return out


P54_TITLE = "Ketamine Infusion Therapy: A viable option for chronic pain management"
# heldout10 p54 #5 (reviewers: mixed; it was supported on the pooled pain trials), and the same sentence as other
# clinics might word it: another verb, a colon list joined by "and/or", "as well as", "both kinds", "three types",
# "either ... or"
GROUPS = [
    "Broadly, ketamine may help two groups of chronic pain patients: those for whom other pain drugs or treatments "
    "have done little, and/or those with chronic pain who are about to have surgery.",
    "Ketamine can benefit two groups: patients whose chronic pain has not responded to other drugs and/or patients "
    "with chronic pain who are going to have surgery.",
    "Ketamine therapy can reduce pain for people with chronic pain that resists other drugs as well as people with "
    "chronic pain who need surgery.",
    "Ketamine helps both kinds of patient: people with chronic pain that other medicines have not touched, and people "
    "with chronic pain about to undergo surgery.",
    "Ketamine offers relief to three types of chronic pain sufferers, from those who have tried every other drug to "
    "those waiting for an operation or surgery.",
    "Ketamine can relieve pain either in chronic pain patients who have tried everything else or in chronic pain "
    "patients preparing for surgery.",
]


def test_groups_of_patients_read_as_one_population_are_not_judged_on_pain_in_general() -> None:
    """A sentence that names groups of patients ("two groups ...: those for whom other drugs have done little, and/or
    those about to have surgery") is read as one proposition over the union of their populations, and the pooled
    trials of either group would decide it: however few of its words the reading leaves out, it is partial and a
    verdict on it is capped at insufficient, naming the groups and the words left out. One of the groups alone is
    not capped."""
    one_group = "Ketamine may help chronic pain patients who are about to have surgery."
    claims = _read(P54_TITLE, "\n\n".join([*GROUPS, one_group]))
    for quote in GROUPS:
        claim = claims[quote]
        cov = coverage(claim)
        assert cov.generic and cov.partial, (quote, cov)
        assert len(claim.settings) > 1 and "groups of patients" in cov.reason, (quote, cov)
        verdict, why = cap(claim, "supported", "Supported: the pooled trials.")
        assert verdict == "insufficient" and "coverage guard" in why and "groups of patients" in why, why
        assert all(f"'{w}'" in why for w in cov.unrepresented), why
    one = coverage(claims[one_group])
    assert one.generic and not one.partial and not one.frames, one


P55_TITLE = "What is Phantom Limb Pain?"
# heldout10 p55 #2 (reviewers: no_evidence; it was mixed on the pooled pain records, its population taken from the
# page's title) and the same report as other clinics might word it
REPORTS = [
    "A 2019 trial at a university hospital in Boston reported promising first results with ketamine.",
    "Early results from an ongoing ketamine trial at Stanford were encouraging.",
    "Ketamine produced good results in a small pilot study at a Midwest clinic.",
]


def test_a_population_only_the_page_gives_makes_a_generic_reading_partial() -> None:
    """On a phantom-limb-pain page, "In 2016 a still-running study at ... Thomas Jefferson University reported
    encouraging early results" names no population and refers back to nothing: the reading "ketamine relieves
    neuropathic pain" has its population from the page alone, and is capped whatever the share it leaves out. A
    sentence that names the condition, or refers back to one that does ("their pain"), keeps the page's reading."""
    page = (ROOT / "tests" / "pages" / "heldout10" / "p55.txt").read_text(encoding="utf-8")
    real = _read(P55_TITLE, page)
    jefferson = next(c for q, c in real.items() if q.startswith("In 2016 a still-running study"))
    claims = {**_read(P55_TITLE, "\n\n".join([*REPORTS, "In that study, ketamine reduced their pain."])),
              jefferson.quote: jefferson}  # fmt: skip
    for quote in [*REPORTS, jefferson.quote]:
        cov = coverage(claims[quote])
        assert cov.generic and cov.partial, (quote, cov)
        assert cov.frames == ("its population (neuropathic) comes from the page: the claim's words name none",), cov
        assert cov.as_dict()["frames"] == list(cov.frames)  # what `check --json` and `claims list --json` show
    back = coverage(claims["In that study, ketamine reduced their pain."])
    assert back.generic and not back.partial and not back.frames, back


# generic readings of short sentences that leave out most of what they say, though fewer words than round 10's seven
SHORT = [
    "Ketamine helps you reclaim your hobbies, your career and your family life.",
    "Ketamine works where nothing else has, calming overexcited nerves for good.",
]


def test_a_short_sentence_whose_reading_leaves_out_most_of_it_is_partial() -> None:
    """The guard measures the share of the asserting clause's content words the reading leaves out, not their count:
    a short sentence whose words are mostly not "ketamine relieves pain" is partial with five words left out, and a
    sentence that says little more than that is not. Read with the rules' kinds: the guard acts on a generic reading,
    and the trained kind model reads the second sentence as a mechanism ("calming overexcited nerves"), which is not."""
    text = "\n\n".join([*SHORT, "Ketamine infusions reduce chronic pain."])
    claims = _read("Ketamine therapy at our clinic", text, learned=False)
    for quote in SHORT:
        cov = coverage(claims[quote])
        assert cov.generic and cov.partial and not cov.frames, (quote, cov)
        assert len(cov.unrepresented) < 7 and cov.share >= 0.8, cov
    plain = coverage(claims["Ketamine infusions reduce chronic pain."])
    assert plain.generic and not plain.partial and plain.share < 0.5, plain
