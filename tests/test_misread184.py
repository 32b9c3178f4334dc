"""Round 184 (in-sample, from the hundred-and-sixty-sixth set): "Ketamine is a kind of anesthetic that surgeons and
emergency doctors have relied on for decades" and "Ketamine, being an NMDA receptor antagonist that clinicians can
actually use, has been particularly appealing for this purpose" were insufficient: each part was stated by many
records, but the words the claims say besides their parts ('surgeons', 'clinicians') had to be named too, and abstracts
say "surgery" and "clinical", not who gives the drug. The reviewers support both. data/weighing.toml [textbook]
general_words now holds who gives ketamine (doctors, physicians, clinicians, surgeons, anaesthetists, medics,
practitioners, hospitals): a statement of its use need not name its users. What it was used for, where or when
("on the battlefields of the Vietnam War") still has to be stated.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

USERS = [
    "Ketamine is a kind of anesthetic that surgeons and emergency doctors have relied on for decades.",
    "Ketamine, being an NMDA receptor antagonist that clinicians can actually use, has been particularly appealing for "
    "this purpose.",
]
# a guard: where it was used is not who used it, and the records do not state it
WAR = "Ketamine is an anesthetic that surgeons have relied on for decades on the battlefields of the Vietnam War."
TITLE = "What is ketamine?"

claims = page_claims_fixture("\n\n".join([TITLE, *USERS, WAR]), TITLE)


@pytest.mark.parametrize("quote", USERS)
def test_who_gives_it_need_not_be_named_by_the_records(claims: dict[str, dict], quote: str) -> None:
    assert claims[quote]["verdict"] == "supported", claims[quote]["explanation"]


def test_where_it_was_used_must_still_be_stated(claims: dict[str, dict]) -> None:
    c = claims[WAR]
    assert c["verdict"] != "supported", c["explanation"]
    assert "vietnam" in c["explanation"].lower(), c["explanation"]
