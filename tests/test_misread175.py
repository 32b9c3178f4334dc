"""Round 175 (in-sample, from the twenty-eighth, seventy-third and eighty-sixth sets): "Emergency doctors and
anaesthetists often use it during procedures and operations", "Ketamine has been given alongside opioids to manage
cancer pain that resists treatment" and "It has also been given off-label as an infusion to control pain during
surgery in patients with chronic pain" say only that ketamine is given, and the reviewers support all three; but
'during', 'procedures', 'operations' and 'alongside opioids' were not among the words a claim of use may say
(data/weighing.toml [use] may_say), so each was weighed as a claim of benefit and came out mixed. Those words, and
"more and more", "surgery", "above all", "particularly", "especially" and "in particular", now may be said: when and
beside what it is given, and how often, say nothing of how well it works. "Lately, ketamine given as intravenous (IV)
infusions has been used more and more often to treat chronic pain" (the reviewers: supported) was then insufficient
as a comparison with something its reading does not name: "more and more often" is a change over time, and no
longer read as a comparison ([scope] comparison); "more often" alone still is.
"""

from __future__ import annotations

from conftest import page_claims_fixture

DURING = "Emergency doctors and anaesthetists often use it during procedures and operations."
ALONGSIDE = "Ketamine has been given alongside opioids to manage cancer pain that resists treatment."
MORE = "Today, more and more doctors use it to control chronic pain."
MORE_OFTEN = (
    "Lately, ketamine given as intravenous (IV) infusions has been used more and more often to treat chronic pain."
)
# a guard: a claim of use that also says how well it works is weighed as a claim of benefit
BENEFIT = "Doctors use ketamine to control chronic pain and give lasting relief."

TITLE = "Ketamine for pain"

claims = page_claims_fixture("\n\n".join([TITLE, DURING, ALONGSIDE, MORE, MORE_OFTEN, BENEFIT]), TITLE)


def test_a_use_during_operations_or_beside_opioids_is_checked_as_a_use(claims: dict[str, dict]) -> None:
    for quote in (DURING, ALONGSIDE, MORE, MORE_OFTEN):
        c = claims[quote]
        assert "The claim is that ketamine is used for this" in c["explanation"], (quote, c["explanation"])
        assert c["verdict"] == "supported", (quote, c["explanation"])


def test_a_use_that_also_claims_lasting_relief_is_weighed_as_a_benefit(claims: dict[str, dict]) -> None:
    c = claims[BENEFIT]
    assert "The claim is that ketamine is used for this" not in c["explanation"], c["explanation"]
    assert c["verdict"] != "supported", c["explanation"]


def test_more_and_more_often_is_no_comparison_but_more_often_is() -> None:
    from ketalit.claims.weighing import pattern

    comparison = pattern("scope", "comparison")
    assert comparison.search("it has been used more and more often to treat chronic pain") is None
    assert comparison.search("it caused nausea more often") is not None
