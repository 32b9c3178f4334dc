"""Onset and duration claims against the times records state: a good result stated as a share of patients at a time
is relief at that time; a claim that how long relief lasts differs between people is shown by relief that
lasted and relief that did not (``data/weighing.toml`` [times])."""

from __future__ import annotations

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.findings import read_record
from ketalit.claims.review import reviewed_catalogue
from ketalit.claims.stance import duration_varies, stance_of
from ketalit.library import Library
from ketalit.records import new_record

from conftest import ROOT


def record(*results: str) -> dict:
    rec = new_record(
        title="Intravenous ketamine versus placebo for chronic pain",
        abstract=[{"label": "RESULTS", "text": " ".join(results)}],
    )
    rec["tags"] = {"setting": [], "design": ["rct"]}
    return rec


@pytest.fixture(scope="module")
def claims() -> dict:
    return {c.id: c for c in reviewed_catalogue(Library.open(ROOT / "library"))}


def duration_claim(quote: str) -> Claim:
    return Claim(
        id="900-01", document="900", file="x.txt", quote=quote, start=0, end=len(quote), kind="duration",
        routes=[], outcomes=["duration_of_relief"], settings=[], assertion=quote, direction="lasts",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("result", "lasted"),
    [
        ("The pain relief event rate at the 1-3 months follow-ups was 58% (95% CI 41%, 75%).", "3 months"),
        ("Sustained response occurred in 40% of patients at visit 1 (mean, 38.1 days).", "5.4 weeks"),
        ("At 4 weeks, 48% of the patients remained a responder.", "4 weeks"),
        ("At 6 weeks, 12 of the 20 patients still had pain relief.", "6 weeks"),
    ],
)
def test_a_good_result_as_a_share_of_patients_at_a_time_is_relief_at_that_time(result: str, lasted: str) -> None:
    rec = record(result)
    st = stance_of(duration_claim("Relief lasts for weeks after the infusions."), rec, read_record(rec))
    assert st.stance == "supports"
    assert f"relief still present at {lasted}" in st.why and "result at a time rule" in st.why


@pytest.mark.parametrize(
    "result",
    [
        "At 4 weeks, 48% of the patients were nonresponders.",
        "At 4 weeks, 30% of the patients had lost their response.",
        "The pain relief event rate was 58% (95% CI 41%, 75%).",  # no time
    ],
)
def test_a_share_that_lost_the_result_or_has_no_time_is_not_relief_at_a_time(result: str) -> None:
    rec = record(result)
    st = stance_of(duration_claim("Relief lasts for weeks after the infusions."), rec, read_record(rec))
    assert st.stance != "supports"


@pytest.mark.parametrize(
    "quote",
    [
        "The length of relief differs between individuals.",
        "Once the infusions are finished, how long symptom relief lasts can vary.",
        "Your response, and how long the relief lasts for you, can differ a great deal between people.",
    ],
)
@pytest.mark.parametrize(
    "result",
    [
        "Pain scores did not differ significantly between ketamine and placebo at 2.5 h after infusion or at 8 weeks.",
        "Pain was significantly lower with ketamine than with placebo at 12 weeks (P < 0.001).",
        "Ketamine produced potent analgesia during administration only.",
    ],
)
def test_relief_that_lasted_or_did_not_both_show_that_how_long_it_lasts_varies(quote: str, result: str) -> None:
    rec = record(result)
    c = duration_claim(quote)
    assert duration_varies(c)
    st = stance_of(c, rec, read_record(rec))
    assert st.stance == "supports"
    assert "how long relief lasts differs between people" in st.why


@pytest.mark.parametrize(
    "quote",
    [
        "Results differ from person to person, but ketamine can give pain relief lasting a month or longer.",
        "Relief typically lasts for weeks, and patients' conditions differ.",
    ],
)
def test_a_claim_of_how_long_relief_lasts_beside_another_difference_is_checked_as_a_duration(quote: str) -> None:
    rec = record("Pain scores did not differ significantly between ketamine and placebo at 2.5 h after infusion or at "
                 "8 weeks.")  # fmt: skip
    c = duration_claim(quote)
    st = stance_of(c, rec, read_record(rec))
    assert st.stance == "contradicts"
    assert "differs between people" not in st.why


@pytest.mark.parametrize(
    "quote",
    [
        "Relief typically lasts several months, though how long it lasts can vary.",
        "Relief usually lasts 6 to 12 months, although the duration differs between individuals.",
        "Relief lasts for months and varies between patients.",
    ],
)
def test_a_claimed_span_beside_its_variation_is_still_checked(quote: str) -> None:
    """A claim that says how long relief lasts and that it varies claims that span: relief gone after the infusion
    must not support "months" because the claim also says it varies."""
    rec = record("Ketamine produced potent analgesia during administration only.")
    c = duration_claim(quote)
    assert not duration_varies(c)
    st = stance_of(c, rec, read_record(rec))
    assert st.stance != "supports"
    assert "differs between people" not in st.why


@pytest.mark.parametrize(
    "result",
    [
        "At 3 months, 48% of placebo patients remained responders.",
        "At 3 months, 48% of the patients in the placebo group remained responders.",
        "The placebo response rate at 3 months was 40%.",
        "At 3 months, 60% of responders had relapsed.",
        "At 3 months, 70% of patients in the morphine group remained responders.",
    ],
)
def test_a_share_of_another_arm_or_of_relief_that_came_back_is_not_relief_at_a_time(result: str) -> None:
    """Relief in another arm, or relief that was lost again, never supports a claim that ketamine's relief lasts."""
    rec = record(result)
    st = stance_of(duration_claim("Relief lasts for months after the infusions."), rec, read_record(rec))
    assert st.stance != "supports"


@pytest.mark.parametrize(
    "result",
    [
        "At 30 minutes, the response rate was 60% in the placebo group.",
        "At 30 minutes, 80% of patients requested an analgesic.",
        "At 30 minutes, 45% of patients needed rescue morphine.",
    ],
)
def test_a_share_of_placebo_or_of_patients_needing_more_medicine_is_not_fast_relief(result: str) -> None:
    rec = record(result)
    c = Claim(
        id="900-01", document="900", file="x.txt", quote="Patients feel relief within 30 minutes of the infusion.",
        start=0, end=55, kind="onset", routes=[], outcomes=["onset", "pain_intensity"], settings=[],
        assertion="ketamine relieves pain within 30 minutes", direction="onset",
    )  # fmt: skip
    st = stance_of(c, rec, read_record(rec))
    assert st.stance != "supports"


@pytest.mark.parametrize(
    "quote",
    [
        "Ketamine gives long-lasting relief, although its duration varies between patients.",
        "Relief lasts a long time, though how long it lasts can vary.",
        "Relief lasts 6-12 wks, though how long it lasts can vary.",
        "Most patients get lasting relief, although how long it lasts varies.",
        "Relief can persist long after the last infusion; how long it lasts differs between individuals.",
        "The duration of relief varies, but it is always long-lasting.",
    ],
)
def test_a_claim_of_lasting_relief_beside_its_variation_is_still_checked(quote: str) -> None:
    """A claim that relief lasts (in words, a figure or a share) and that it varies claims that it lasts: relief only
    during the infusion does not support it."""
    rec = record("Ketamine produced potent analgesia during administration only.")
    c = duration_claim(quote)
    assert not duration_varies(c)
    st = stance_of(c, rec, read_record(rec))
    assert st.stance != "supports"
