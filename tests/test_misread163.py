"""Round 163 (in-sample, from the twenty-fourth to the hundred-and-twenty-fourth sets): a history claim read by its
parts is held to every word none of its parts says, and words that name who gives a medicine or that it is given
were among them: "Ketamine is an anaesthetic drug that medical professionals use" ('professionals'), "At first,
doctors gave it as an anaesthetic for surgery" ('gave'), "... that medicine uses to start and to sustain anaesthesia"
('start'). They were insufficient though reviews state that ketamine is used as an anaesthetic. Such words are now
history_general_words (data/weighing.toml), as 'doctors', 'given', 'induce' and 'lawful' were: that it is or was an
anaesthetic is the part to find.
"""

from __future__ import annotations

from ketalit.claims.weighing import unparted_words

from conftest import keeps_its_verdict, page_claims_fixture, readings

PROFESSIONALS = "Ketamine is an anaesthetic drug that medical professionals use."
GAVE = "At first, doctors gave it as an anaesthetic for surgery."
START = "Ketamine is a dissociative anaesthetic that medicine uses to start and to sustain anaesthesia."
# guards: what a history claim adds that a record must state (who else gave it, where)
VETS = "Doctors and vets have used it for fifty years, mostly as a general anaesthetic."
WAR = "Ketamine was first used as an anaesthetic on the battlefield in the Vietnam War."

TITLE = "Ketamine in medicine"


def test_who_gives_it_and_giving_it_are_no_words_to_find() -> None:
    r = readings(TITLE, PROFESSIONALS, GAVE, START, VETS)
    for quote, word in ((PROFESSIONALS, "professionals"), (GAVE, "gave"), (START, "start")):
        n = r[quote]
        assert n.kind == "history", n
        assert word not in unparted_words("history", quote, tuple(n.terms.split())), (quote, n.terms)
    # guard: who else gave it is a word to find
    assert "vets" in unparted_words("history", VETS, tuple(r[VETS].terms.split())), r[VETS].terms


claims = page_claims_fixture("\n\n".join([TITLE, PROFESSIONALS, GAVE, START, VETS, WAR]), TITLE)


def test_a_use_as_an_anaesthetic_said_by_who_gives_it_is_supported(claims: dict[str, dict]) -> None:
    for quote in (PROFESSIONALS, GAVE, START):
        c = claims[quote]
        assert c["kind"] == "history" and c["verdict"] == "supported", (quote, c["explanation"])


test_what_a_record_must_still_state_keeps_its_verdict = keeps_its_verdict({VETS: "insufficient", WAR: "insufficient"})
