"""Onset and duration claims read at the ends their words set: "within 40 minutes" and "up to 3 months" set only
the upper end (relief sooner, or a record where relief was shorter, is within the claim); a stated range, "takes
two to three weeks", "lasts for months" and "for years" are read at both ends. Rewordings, not label sentences."""

from __future__ import annotations

from ketalit.claims.catalogue import Claim
from ketalit.claims.extract import extract_claims
from ketalit.claims.findings import read_record
from ketalit.claims.normalise import normalise
from ketalit.claims.stance import stance_of
from test_claims import record  # an RCT record with one results sentence


def page_claim(sentence: str) -> Claim:
    cand = extract_claims(sentence)[0]
    n = normalise(cand, sentence)
    fields = {"id": "900-01", "document": "900", "file": "x.txt", "quote": sentence, "start": 0, "end": 1}
    return Claim(**fields, **n.catalogue_fields())


def stance(c: Claim, rec: dict) -> tuple[str, str]:
    st = stance_of(c, rec, read_record(rec))
    return st.stance, st.why


EARLY = record(
    "Intravenous ketamine versus placebo for acute pain",
    "Pain scores were significantly lower with ketamine than with placebo at 15 minutes.",
)
ONE_WEEK = record(
    "Ketamine infusion versus placebo for chronic pain",
    "Pain was significantly lower with ketamine than with placebo at 1 week.",
)
GONE_AT_4_WEEKS = record(
    "Ketamine infusion versus placebo for chronic pain",
    "There was no significant difference in pain between ketamine and placebo at 4 weeks.",
)
TWELVE_WEEKS = record(
    "Ketamine infusion versus placebo for CRPS",
    "Pain was significantly lower with ketamine than with placebo at 12 weeks.",
)


def test_within_a_time_is_an_upper_end_relief_sooner_is_within_it_and_the_reason_names_the_words() -> None:
    c = page_claim("Most patients notice their pain ease within 40 minutes of starting the drip.")
    assert c.proposition.quantity_ends == ("upper", "within 40 minutes")
    st, why = stance(c, EARLY)
    assert st == "supports" and "'within 40 minutes' sets only the upper end" in why
    vague = page_claim("Plenty of people say their pain lets up within hours or days of an infusion.")
    st, why = stance(vague, EARLY)
    assert st == "supports" and "'within hours' sets only the upper end" in why


def test_a_time_relief_waits_for_is_read_at_both_ends() -> None:
    slow = page_claim("Ketamine usually takes two to three weeks to start working on pain.")
    assert slow.proposition.quantity_ends == ("", "")
    st, why = stance(slow, EARLY)
    assert st == "contradicts" and "faster than the claimed" in why
    # a stated range of two figures sets both ends by its figures
    ranged = page_claim("Nasal ketamine acts faster than tablets, with effects often felt within 20-40 minutes.")
    assert ranged.proposition.quantity_ends == ("", "")


def test_up_to_a_time_is_a_maximum_relief_gone_sooner_elsewhere_does_not_refute_it() -> None:
    c = page_claim("After a multi-day infusion, relief can last up to 3 months.")
    assert c.proposition.quantity_ends == ("upper", "up to 3 months")
    st, why = stance(c, GONE_AT_4_WEEKS)
    assert st == "neutral" and "'up to 3 months' does not promise to all" in why
    st, why = stance(c, TWELVE_WEEKS)
    assert st == "supports" and "'up to 3 months': a maximum" in why
    short = page_claim("Patients told us their relief lasted up to 3 weeks.")
    assert stance(short, ONE_WEEK)[0] == "supports"


def test_lasting_for_months_or_years_is_read_at_both_ends() -> None:
    months = page_claim("Relief from a course of infusions lasts for months.")
    assert months.proposition.quantity_ends == ("", "")
    assert stance(months, ONE_WEEK)[0] != "supports"  # relief at one week is not relief for months
    st, why = stance(months, GONE_AT_4_WEEKS)
    assert st == "contradicts" and "gone well before" in why
    years = page_claim("Relief lasts for years after one infusion.")
    assert stance(years, TWELVE_WEEKS)[0] != "supports" and stance(years, GONE_AT_4_WEEKS)[0] == "contradicts"


def test_a_maximum_is_still_refuted_by_relief_only_during_the_infusion() -> None:
    c = page_claim("Relief from the drip can persist for as long as two weeks afterwards.")
    assert c.proposition.quantity_ends == ("upper", "as long as 2 weeks")
    during = record(
        "Ketamine infusion versus placebo for neuropathic pain",
        "Pain was significantly lower with ketamine than with placebo only during the infusion.",
    )
    st, why = stance(c, during)
    assert st == "contradicts" and "no lasting relief, which 'as long as 2 weeks' still claims" in why
