"""How long relief lasts, said in words, and what a record must say to state a textbook claim.

The false sentences are in ``tests/adversarial/fix23c.toml``; here, the readings they rest on (a count in words read
whole, a span the calendar sets, a time the claim denies, footnote marks) and the near misses worded alike that must
keep their verdict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page, page_claims
from ketalit.claims.normalise import count_in_words, spelt_figures
from ketalit.library import Library

TITLE = "Ketamine Infusions for CRPS"


@pytest.mark.parametrize(
    ("words", "n"),
    [
        ("twenty-six", 26),
        ("forty eight", 48),
        ("twenty-four", 24),
        ("a hundred", 100),
        ("a hundred and eighty", 180),
        ("one hundred twenty", 120),
        ("two hundred and five", 205),
        ("two thousand", 2000),
        ("twelve", 12),
    ],
)
def test_a_count_in_words_is_read_whole(words: str, n: int) -> None:
    assert count_in_words(words) == n


@pytest.mark.parametrize("words", ["six twenty", "hundred", "twelve five", "forty fifty"])
def test_words_that_are_not_one_count_are_no_number(words: str) -> None:
    assert count_in_words(words) is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Relief lasts twenty-six weeks.", "Relief lasts 26 weeks."),
        ("Relief lasts for a hundred and eighty days.", "Relief lasts for 180 days."),
        ("Relief lasts a quarter of a year.", "Relief lasts 0.25 year."),
        ("relief for half a year", "relief for 0.5 year"),
        ("relief for a year and a half", "relief for 1.5 years"),
        ("It relieves pain¹ for years².", "It relieves pain for years."),
        # left as they are: a lone "a" or "one" before a unit, and twenty infusions of four hours
        ("relief for a day or two", "relief for a day or two"),
        ("twenty four-hour infusions", "twenty four-hour infusions"),
    ],
)
def test_times_in_words_are_written_in_figures(text: str, written: str) -> None:
    assert spelt_figures(text) == written


def _durations(sentences: list[str]) -> dict[str, tuple[str, tuple[float, float] | None]]:
    text = f"{TITLE}\n\n" + "\n\n".join(sentences) + "\n"
    out = {}
    for c, n in page_claims(text, title=TITLE):
        q = n.quantity
        out[c.quote] = (n.kind, (round(q.low), round(q.high)) if q else None)
    return out


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Relief from CRPS pain lasts twenty-six weeks.", (182, 182)),
        ("Relief from CRPS lasts forty-eight weeks.", (336, 336)),
        ("Relief lasts for a hundred and eighty days.", (180, 180)),
        ("Ketamine relieves CRPS pain for a hundred days.", (100, 100)),
        ("Ketamine relieves CRPS pain for twelve weeks or longer.", (84, 84)),
        ("Relief lasts a quarter of a year.", (91, 91)),
        ("Ketamine relieves CRPS pain for a year.", (365, 365)),
        ("Ketamine relieves CRPS pain until next year.", (30, 365)),
        ("Ketamine eases CRPS pain for the rest of the year.", (30, 365)),
        ("Ketamine relieves CRPS pain from one birthday to the next.", (365, 365)),
        ("Ketamine relieves CRPS pain¹ for years².", (365, 3650)),
        ("Ketamine relieves CRPS pain in some patients for years.", (365, 3650)),
        # a time the claim denies is not one it states
        ("Ketamine relief in CRPS lasts weeks, not years.", (7, 60)),
        ("Relief can last for several weeks.", (7, 30)),
    ],
)
def test_how_long_relief_lasts_is_read_from_words(sentence: str, days: tuple[float, float]) -> None:
    assert _durations([sentence])[sentence] == ("duration", days)


def test_near_misses_keep_their_verdict(records_only_template: Path, tmp_path: Path) -> None:
    """True claims worded like the false ones: relief for weeks (even with years denied), a textbook fact of the
    receptor, the decade of first use as an anaesthetic."""
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    near = {
        "Relief can last for several weeks.": {"supported"},
        "Ketamine is an NMDA receptor antagonist.": {"supported"},
        "Ketamine has been used as an anaesthetic since the 1960s.": {"supported"},
        # true, and no longer read as claiming years (nor a whole year): not contradicted
        "Ketamine relief in CRPS lasts weeks, not years.": {"supported"},
        "Relief lasts a quarter of a year.": {"mixed", "insufficient"},
    }
    text = f"{TITLE}\n\nOur clinic offers intravenous ketamine infusions for CRPS.\n\n" + "\n\n".join(near) + "\n"
    result = check_page(Library.open(lib), text.encode(), "near.txt", title=TITLE)
    verdicts = {c["quote"]: c["verdict"] for c in result.claims}
    for quote, allowed in near.items():
        assert verdicts[quote] in allowed, (quote, verdicts[quote])
