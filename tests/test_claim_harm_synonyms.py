"""A harm a side-effect list item names in lay words is named by a sentence that uses the clinical word, and the other
way round ([harm] synonyms): "Light-headedness" by "dizziness", "A tingling feeling" by "paraesthesia". A word of
another harm, broader or neighbouring, does not name it. Besides, what keeps such readings from endorsing more than
a harm that happens (tests/adversarial/findings23.toml): "nobody" denies a harm as "no one" does; how long a harm
lasts is the harm's, not relief's; a harm said to last (for weeks, for good) says how it goes, which records of
its happening do not show. Claims and sentences written here, not records' words."""

from __future__ import annotations

import pytest

from ketalit.claims.check import page_claims
from ketalit.claims.findings import read_record
from ketalit.claims.link import evidence_for
from ketalit.claims.normalise import Normalised
from ketalit.claims.verdict import harm_qualifier
from ketalit.records import author, new_record

from conftest import make_claim

NOT_NAMED = "not the harm the claim names"


def item(quote: str):
    return make_claim(quote, kind="side_effect", outcomes=["adverse_events"], lead_in="Common side effects include:",
                      direction="causes", severity="any")  # fmt: skip


def record(results: str):
    rec = new_record(
        title="Intranasal ketamine for acute pain: an observational study",
        authors=[author("Doe", "Jane")],
        year=2020,
        abstract=[
            {"label": "METHODS", "category": "", "text": "Forty adults in acute pain were given intranasal ketamine."},
            {"label": "RESULTS", "category": "", "text": results},
        ],
    )
    rec["tags"] = {"design": ["observational"], "route": ["intranasal"], "outcome": ["adverse_events"], "setting": []}
    return rec


def weighed(quote: str, results: str):
    rec = record(results)
    return evidence_for(item(quote), rec, 0, read_record(rec), 1.0)


@pytest.mark.parametrize(
    ("quote", "results"),
    [
        ("Light-headedness.", "Adverse effects included dizziness in 20 patients (50%) and nausea in 4 (10%)."),
        ("Feeling lightheaded", "Dizziness was the most frequent adverse effect, reported by 45% of patients."),
        ("Dizziness.", "Adverse events included light-headedness in 12 patients (30%)."),
        ("A tingling feeling.", "Adverse effects included paraesthesia in 10 patients (25%)."),
        ("Pins and needles in the hands", "Adverse effects included paresthesias in 10 patients (25%)."),
        ("Feeling sick.", "Adverse effects included nausea in 9 patients (22%)."),
        ("Throwing up.", "Adverse effects included vomiting in 5 patients (12%)."),
    ],
)
def test_a_harm_named_in_other_words_for_the_same_sensation_is_named(quote: str, results: str) -> None:
    ev = weighed(quote, results)
    assert ev.stance in ("supports", "mixed"), (ev.stance, ev.why)
    assert not any(NOT_NAMED in r for r in ev.indirect), ev.indirect


@pytest.mark.parametrize(
    ("quote", "results"),
    [
        # a neighbouring or broader harm is another harm
        ("Light-headedness.", "Adverse effects included vertigo in 20 patients (50%)."),
        ("Light-headedness.", "Adverse effects included drowsiness in 20 patients (50%)."),
        ("A tingling feeling.", "Adverse effects included numbness in 10 patients (25%)."),
        ("Feeling sick.", "Adverse effects included vomiting in 5 patients (12%)."),
        ("Light-headedness.", "Minor adverse effects occurred in 20 patients (50%)."),
        # the item's other words are still its own: a sentence of dizziness does not name dizziness that lasts for days
        ("Dizziness that lasts for days.", "Adverse effects included dizziness in 20 patients (50%)."),
    ],
)
def test_another_harm_or_more_than_the_sensation_is_not_named(quote: str, results: str) -> None:
    ev = weighed(quote, results)
    assert ev.stance == "neutral" or any(NOT_NAMED in r for r in ev.indirect), (ev.stance, ev.why, ev.indirect)


SAFETY = "Ketamine Safety Profile"


def _read(text: str) -> dict[str, Normalised]:
    return {c.quote: n for c, n in page_claims(f"{SAFETY}\n\n{text}\n", title=SAFETY)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody feels dizzy after a ketamine infusion.",
        "Nobody gets nausea from a ketamine infusion.",
        "With our protocol nobody experiences hallucinations.",
    ],
)
def test_nobody_denies_the_harm_as_no_one_does(sentence: str) -> None:
    n = _read(sentence)[sentence]
    assert n.direction == "does_not_cause" or n.polarity == "negative", (n.direction, n.polarity)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine can cause nausea that lasts for weeks after each infusion.",
        "Ketamine may cause dizziness that stays for weeks after every session.",
        "Ketamine can cause dizziness that lasts for a few hours after the infusion.",
    ],
)
def test_how_long_a_harm_lasts_or_how_soon_it_comes_is_not_relief(sentence: str) -> None:
    n = _read(sentence)[sentence]
    assert n.kind == "side_effect", n.kind
    assert not {"duration_of_relief", "onset"} & set(n.outcomes), n.outcomes


@pytest.mark.parametrize(
    ("quote", "lasting"),
    [
        ("Dizziness that lasts for weeks after each infusion.", True),
        ("Permanent numbness in the hands.", True),
        ("A tingling feeling that never goes away.", True),
        ("Feeling sick for several days.", True),
        ("Nausea that persists for months.", True),
        ("Dizziness.", False),
        ("Dizziness during the infusion.", False),
        ("Feeling sick.", False),
    ],
)
def test_a_harm_said_to_last_says_how_it_goes(quote: str, lasting: bool) -> None:
    assert bool(harm_qualifier(item(quote))) is lasting
