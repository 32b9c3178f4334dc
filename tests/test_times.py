"""Times in result sentences: what the time phrase is (a point an outcome was measured at, a window, the time to an
event, how long something lasted), each construction on the sentence it was seen in and on rewordings."""

from __future__ import annotations

import pytest

from ketalit.claims.findings import read_record
from ketalit.claims.review import reviewed_catalogue
from ketalit.claims.stance import stance_of
from ketalit.claims.text import abbreviations, time_labels, times
from ketalit.library import Library
from ketalit.records import new_record

from conftest import ROOT


def read(sentence: str) -> list[tuple[float, str]]:
    """(minutes, kind) of every time in a sentence."""
    return [(round(t.days * 1440, 1), t.kind) for t in times(sentence)]


def days(sentence: str) -> list[tuple[float, str]]:
    return [(round(t.days, 1), t.kind) for t in times(sentence)]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Pain was lower at 1, 3 and 6 months", [(30, "point"), (90, "point"), (180, "point")]),
        ("no significant difference at 4, 8, and 48 h after surgery", [(0.2, "point"), (0.3, "point"), (2, "point")]),
        ("pain scores at 30 or 60 minutes after dosing", [(0.0, "point"), (0.0, "point")]),
        ("Secondary endpoints included pain at 7, 15, 21 and 28 days", [(7, "point"), (15, "point"), (21, "point"),
                                                                        (28, "point")]),
    ],
)  # fmt: skip
def test_a_list_of_time_points_is_several_points_not_a_range(sentence: str, want: list) -> None:
    got = days(sentence)
    assert [k for _, k in got] == [k for _, k in want]
    assert [d for d, _ in got] == [round(d, 1) for d, _ in want] or "minutes" in sentence


def test_a_list_in_minutes_gives_each_minute_and_leaves_out_the_baseline() -> None:
    assert read("VAS was measured at 0, 15, 30, 45, and 60 minutes") == [(15, "point"), (30, "point"), (45, "point"),
                                                                        (60, "point")]  # fmt: skip
    assert read("pain scores at 30 or 60 minutes after dosing") == [(30, "point"), (60, "point")]


def test_between_two_values_is_still_a_range() -> None:
    (t,) = times("relief lasted between 3 and 6 months")
    assert (t.days, t.upper) == (90, 180)
    (t,) = times("pain was reduced for 3-6 months")
    assert (t.days, t.upper) == (90, 180)


@pytest.mark.parametrize(
    ("sentence", "hours"),
    [
        ("Analgesia persisted for twenty-four hours after the infusion", 24),
        ("pain scores were lower at twenty four hours", 24),
        ("the effect lasted seventy-two hours in most patients", 72),
        ("Thirty-six hours later, pain was unchanged", 36),
    ],
)
def test_a_compound_number_word_is_one_number_not_a_range(sentence: str, hours: int) -> None:
    (t,) = times(sentence)
    assert (round(t.days * 24), t.upper) == (hours, None)


def test_a_count_before_a_hyphenated_duration_is_not_part_of_the_number() -> None:
    # twenty infusions of four hours each; sixty sessions of one hour
    assert [round(t.days * 24) for t in times("twenty four-hour infusions were given")] == [4]
    assert [round(t.days * 24) for t in times("sixty one-hour sessions")] == [1]
    assert [round(t.days * 24) for t in times("a twenty-four-hour infusion")] == [24]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pain relief lasting two or more weeks was documented in 50 percent of responders.",
        "Relief lasting 2 or more weeks was reported by half of the responders.",
        "Half of the responders had relief lasting fourteen days or more.",
        "In half of the responders relief lasted at least 2 weeks.",
    ],
)
def test_an_open_ended_duration_is_how_long_relief_lasted_at_least(sentence: str) -> None:
    assert days(sentence) == [(14, "lasting")]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "There was no significant difference in the prevalence of PPD at the first week, the second week or the "
            "fourth week after childbirth.",
            [(7, "point"), (14, "point"), (28, "point")],
        ),
        ("which remained significant at the end of 60th minute", [(0.0, "point")]),
        ("Pain scores were lower on the third day after surgery.", [(3, "point")]),
        ("Pain was lower in the first week with ketamine.", [(7, "window")]),
    ],
)
def test_ordinal_time_points(sentence: str, want: list) -> None:
    assert [k for _, k in days(sentence)] == [k for _, k in want]
    if "60th" in sentence:
        assert read(sentence) == [(60, "point")]
    else:
        assert [d for d, _ in days(sentence)] == [d for d, _ in want]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The mean VAS score after the first 5 minutes was lower in the ketamine group", [(5, "point")]),
        ("At the first 10 minutes pain was lower with ketamine", [(10, "point")]),
        ("Pain was lower in the first 30 minutes with ketamine", [(30, "window")]),
        ("Relief occurred within the first 15 minutes", [(15, "within")]),
    ],
)
def test_the_first_minutes_after_at_is_a_point_in_is_a_window(sentence: str, want: list) -> None:
    assert read(sentence) == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Maximum improvement occurred 4.56 days (mean) into treatment.", [(4.6, "point")]),
        ("Sustained response occurred in 40% of patients at visit 1 (mean, 38.1 days)", [(38.1, "point")]),
        ("Pain was lower at follow-up (median, 6 weeks) than at baseline", [(42, "point")]),
        ("The largest reduction came 2 days (median) after the infusion", [(2, "point")]),
    ],
)
def test_a_mean_or_median_between_the_time_and_what_it_times(sentence: str, want: list) -> None:
    assert days(sentence) == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("comparable to IV morphine with regards to time to onset (14.3 ± 11.2 v. 8.9 ± 5.6 min, respectively)",
         [(14.3, "time_to"), (8.9, "time_to")]),
        ("Time to analgesia was 5 vs. 12 min", [(5, "time_to"), (12, "time_to")]),
        ("time to first rescue analgesia was 22.58±3 vs 17.24±5 hours", [(1354.8, "time_to"), (1034.4, "time_to")]),
        ("Median time to pain relief (6 versus 10 minutes) favoured ketamine", [(6, "time_to"), (10, "time_to")]),
    ],
)  # fmt: skip
def test_two_arms_times_side_by_side_are_both_times_to_the_event(sentence: str, want: list) -> None:
    assert read(sentence) == want


def test_time_point_labels_defined_in_the_methods_time_the_results() -> None:
    methods = [
        "Pain was scored at baseline (T0), end of infusion (T1), and approximately 4 weeks postinfusion (T2).",
        "The primary end points were morphine consumption and VAS at 30 minutes (T30).",
        "Pain was measured at baseline (T0) and 10, 20, 30, 45, 60, and 120 min after randomization.",
    ]
    labels = time_labels(methods)
    assert "T1" not in labels and "T0" not in labels  # an event ("end of infusion") and the baseline are no times
    assert [(t.days, t.kind) for t in times("At T2, 48% of the patients remained a responder.", labels)] == [
        (28, "point")
    ]
    got = times("Pain intensity was lower in the ketamine group at T10, T20, and T30, compared to placebo.", labels)
    assert [(round(t.days * 1440), t.kind) for t in got] == [(10, "point"), (20, "point"), (30, "point")]
    assert [round(t.days * 1440) for t in times("Pain reduction from T0 to T10 was greater", labels)] == [10]
    assert times("At T30, pain was lower", {}) == []  # a label no sentence defines is no time
    # after "(T0)", a list names its labels by minutes only: not the baseline, not a decimal, not months
    assert time_labels(["Pain was measured at baseline (T0) and 0.5, 1 and 2 h after the bolus."]) == {}
    assert time_labels(["Scores were recorded at baseline (T0) and 1.5 h and 3 h later."]) == {}
    assert time_labels(["Pain was assessed at baseline (T0) and at 1, 3 and 6 months after surgery."]) == {}
    # a label is not an abbreviation (its "long form" would be the words before it)
    assert "T30" not in abbreviations("VAS at baseline (T0) and 30 minutes post-treatment (T30).")


def record(*results: str, methods: str = "") -> dict:
    sections = ([{"label": "METHODS", "text": methods}] if methods else []) + [
        {"label": "RESULTS", "text": " ".join(results)}
    ]
    rec = new_record(title="Intravenous ketamine versus placebo for acute pain", abstract=sections)
    rec["tags"] = {"setting": [], "design": ["rct"]}
    return rec


@pytest.fixture(scope="module")
def claims() -> dict:
    return {c.id: c for c in reviewed_catalogue(Library.open(ROOT / "library"))}


@pytest.mark.parametrize(
    ("methods", "result"),
    [
        ("Pain was measured at baseline (T0) and 10, 20, 30 and 60 min after randomization.",
         "Pain intensity was lower in the ketamine group at T10, T20, and T30, compared to the placebo group."),
        ("Pain was scored at baseline (T0) and at 10 minutes (T10).",
         "At T10, pain was significantly lower with ketamine than with placebo (P < 0.001)."),
        ("", "Pain was significantly lower with ketamine than with placebo at 10, 20 and 30 minutes (P < 0.01)."),
        ("", "The mean VAS score after the first 10 minutes was lower in the ketamine group than with placebo "
             "(P < 0.001)."),
    ],
)  # fmt: skip
def test_relief_at_an_early_labelled_or_listed_time_point_supports_a_quick_onset(
    claims: dict, methods: str, result: str
) -> None:
    rec = record(result, methods=methods)
    st = stance_of(claims["000-17"], rec, read_record(rec))  # "Pain relief often begins within minutes to an hour."
    assert st.stance == "supports" and "10" in st.why


@pytest.mark.parametrize(
    "result",
    [
        "Pain scores did not differ significantly between ketamine and placebo at 1, 3 and 6 months.",
        "There was no significant difference in pain between the groups at the first week, the second week or the "
        "fourth week.",
        "Pain relief lasting two or more weeks was not different between ketamine and placebo (P = 0.6).",
    ],
)
def test_a_time_attached_to_a_null_finding_is_not_a_duration_of_relief(claims: dict, result: str) -> None:
    rec = record(result)
    st = stance_of(claims["002-09"], rec, read_record(rec))  # "pain relief lasting days or even weeks"
    assert st.stance != "supports"
    assert "still present" not in st.why
