"""Round 98 (in-sample, from the seventy-fourth set and earlier ones): a statement that ketamine is used as an
anaesthetic, said with the verbs of what an anaesthetic does ("used to induce and maintain anaesthesia", "to put
patients under anaesthesia and keep them there"), still doing it ("remains in wide use for anesthesia today") or its
use called lawful ("many legitimate medical uses as an anaesthetic"), was insufficient: a history claim read by its
parts needs every other word it says stated too, and "induce", "maintain", "keep", "remains", "today" and
"legitimate" were such words, which no abstract's sentence on its use as an anaesthetic names. They are now
[textbook] history_general_words, as "surgery" and "operations" already were; a fact the claim adds (where, on whom)
is still a part to find, and is now found as one: "Ketamine remains in wide use for anesthesia in veterinary clinics
today" had been supported by two records that name its use in a clinic, read on all its words because it said too
much besides its parts. pages_eval --claims over the 73 sets: four fixed (each labelled supported), nothing broken.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "What ketamine is"
INDUCE = "Ketamine is a dissociative anaesthetic drug used to induce and maintain anaesthesia."
KEEP = "Ketamine is a drug used mainly to put patients under anaesthesia and keep them there."
TODAY = "Ketamine remains in wide use for anesthesia today."
# guards: a use on whom or where no record names is still a part the records must state
VETS = "Ketamine remains in wide use for anesthesia in veterinary clinics today."
HORSES = "Ketamine is used to induce anaesthesia in horses."
claims = page_claims_fixture("\n\n".join([TITLE, INDUCE, KEEP, TODAY, VETS, HORSES]), TITLE)


def test_the_verbs_of_anaesthesia_need_no_record_of_their_own(claims: dict[str, dict]) -> None:
    for quote in (INDUCE, KEEP, TODAY):
        c = claims[quote]
        assert c["kind"] == "history" and c["verdict"] == "supported", (quote, c["explanation"])


def test_a_use_on_others_is_still_a_part_to_find(claims: dict[str, dict]) -> None:
    for quote in (VETS, HORSES):
        c = claims[quote]
        assert c["verdict"] != "supported", (quote, c["explanation"])
