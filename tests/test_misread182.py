"""Round 182 (in-sample, from the seventy-eighth, eighty-sixth, hundred-and-eighteenth and hundred-and-twenty-ninth
sets): "Ketamine has served as an anaesthetic for surgery since the 1970s" and "Ketamine is a drug that has been in
use since the 1970s" were insufficient: a claim dated to a decade was stated only by a record whose earliest year is
in that decade, and the library's reviews date ketamine's use from 1962 to 1965 (only a case report names the 1970s).
The reviewers call each supported: a use that has gone on since the 1960s has gone on since the 1970s too.
stance._part_votes now lets a start a little earlier (within [textbook] dated_tolerance_years) state a use said to go
on "since" a decade; a single event ("invented in the 1970s") and a year ("since 1970", "since 1985") need records
giving that decade or year, as before.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

SINCE = [
    "Ketamine has served as an anaesthetic for surgery since the 1970s.",
    "Ketamine is a drug that has been in use since the 1970s.",
]
# guards: a use said to begin in a year, and an event dated to a decade, are not stated by a start in the 1960s
NOT_STATED = [
    "Ketamine has been in use since 1985.",
    "Ketamine has been in use since 1970.",
    "Ketamine was invented in the 1970s.",
]
TITLE = "What is ketamine?"

claims = page_claims_fixture("\n\n".join([TITLE, *SINCE, *NOT_STATED]), TITLE)


@pytest.mark.parametrize("quote", SINCE)
def test_use_since_a_decade_is_stated_by_use_from_a_little_earlier(claims: dict[str, dict], quote: str) -> None:
    c = claims[quote]
    assert c["verdict"] == "supported", c["explanation"]
    assert "'used for decades'" in c["explanation"], c["explanation"]


@pytest.mark.parametrize("quote", NOT_STATED)
def test_a_year_or_a_dated_event_is_not_stated_by_a_start_in_the_1960s(claims: dict[str, dict], quote: str) -> None:
    assert claims[quote]["verdict"] != "supported", claims[quote]["explanation"]
