"""Round 104 (in-sample, from the sixty-fifth set): "Group I showed significant pain score improvements over Group II at
all measurements (P < 0.0001) during infusion and 2 weeks after infusion termination" (Amr 2010, a multi-day infusion
for spinal cord injury pain) was read as "relief only during the infusion" and contradicted every claim of relief that
lasts ("relief ... can persist for months on end", labelled supported): the finding's course ("during infusion", a word
of a transient effect) was taken for relief that ended with the infusion, though the sentence gives a time after it. A
course "during" the infusion with no "only" now ends relief at the infusion only when the finding states no later time;
one that does is relief at that time (here 2 weeks), and the record's next sentence ("no statistical difference ... at 3
weeks and 4 weeks") bounds it. The wrong contradiction had hidden a misread kind: "How long it takes to feel better
ranges from an hour to a few days" (the eighteenth set) was read as how long relief lasts, by the trained kind model
from its neighbours; "how long it takes to feel better / to work" are now words of onset ([normalise] onset_time). Read
rightly, the same record made "Ketamine treatment given for long-term nerve pain can last a fair while longer than when
it is given for depression" mixed instead of insufficient (tests/test_misread42.py): a comparison of how long relief
lasts with something the reading does not name is now not divided, as it was already not refuted, by what ketamine alone
does. pages_eval --claims over the 75 sets: three fixed, one broken, and two claims read with the wrong kind went from
one wrong verdict to another (mixed to supported: this onset claim, which the reviewers read as about depression, and a
side effect's time read as relief's); the shipped catalogue's "Sustained improvement for days following infusions" went
from mixed to supported, its label, with Amr 2010 among the key records the reviewers cite for it.
"""

from __future__ import annotations

import pytest

from ketalit.claims.check import page_claims
from ketalit.claims.findings import read_record
from ketalit.claims.stance import stance_of
from test_relief_times import duration_claim, record

from conftest import ROOT

DURING_AND_AFTER = (
    "Group I showed significant pain score improvements over Group II at all measurements (P < 0.0001) during "
    "infusion and 2 weeks after infusion termination."
)


def test_relief_during_the_infusion_and_weeks_after_it_is_relief_at_those_weeks() -> None:
    rec = record(DURING_AND_AFTER)
    st = stance_of(duration_claim("Relief lasts about two weeks after the infusions."), rec, read_record(rec))
    assert st.stance == "supports", st.why
    assert "only during the infusion" not in st.why and "2 weeks" in st.why, st.why


@pytest.mark.parametrize(
    "result",
    [
        "Ketamine produced potent analgesia during administration only.",
        "Pain scores were significantly lower with ketamine than with placebo during the infusion.",
    ],
)
def test_relief_only_during_the_infusion_is_still_no_lasting_relief(result: str) -> None:
    """Guards: "only", or relief during the infusion with no later time, is still relief that ended with it."""
    rec = record(result)
    st = stance_of(duration_claim("Relief lasts for weeks after the infusions."), rec, read_record(rec))
    assert st.stance == "contradicts", st.why
    assert "only during the infusion" in st.why, st.why


def test_how_long_it_takes_to_feel_better_is_onset_on_its_page() -> None:
    page = (ROOT / "tests" / "pages" / "heldout18" / "p105.txt").read_text(encoding="utf-8")
    quote = "How long it takes to feel better ranges from an hour to a few days."
    kinds = {c.quote: n.kind for c, n in page_claims(page, title="Questions")}
    assert kinds[quote] == "onset", kinds[quote]
