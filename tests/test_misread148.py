"""Round 148 (in-sample, over every set to the hundred-and-seventh): a history claim read by its parts needs every other
word it says stated too (a condition, a place, an agent: "veterinary", "emergency", "war"). Words that say what kind of
drug ketamine is or what part it plays were counted among them, so "Ketamine belongs to the class of dissociative
anaesthetics" and "a drug best known for its role in anaesthesia" were insufficient: no record names "belongs" or
"role". The reviewers call them supported: what it was used as is the part to find, and the records state it. These
words join `history_general_words` (data/weighing.toml); a word that says what else it was used for or where still
needs a record.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "About ketamine"
CLASS = "Ketamine belongs to the class of general anaesthetics."
ROLE = "Ketamine is a drug best known for its role in anaesthesia."
# guard: a war the records never name still needs a record
WAR = "Ketamine served as an anaesthetic on the battlefield in the Vietnam War."
claims = page_claims_fixture("\n\n".join([TITLE, CLASS, ROLE, WAR]), TITLE)


def test_what_kind_of_drug_it_is_says_nothing_a_record_must_name(claims: dict[str, dict]) -> None:
    for text in (CLASS, ROLE):
        claim = claims[text]
        assert claim["kind"] == "history", claim
        assert claim["verdict"] == "supported", claim["explanation"]
        assert "used as an anaesthetic" in claim["explanation"]


def test_a_word_of_where_it_was_used_still_needs_a_record(claims: dict[str, dict]) -> None:
    war = claims[WAR]
    assert war["kind"] == "history", war
    assert war["verdict"] != "supported", war["explanation"]
