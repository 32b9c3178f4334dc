"""Round 46: two parts of an onset claim that the coverage guard took for words its reading leaves out (in-sample, the
thirtieth and thirty-eighth sets).

- "Today it is widely given in emergency rooms and ambulances as a fast-working sedative and painkiller" was capped at
  insufficient for an unread "joined clause 'painkiller'": read as how fast it relieves pain, the claim carries the
  word for the drug as a painkiller (not "pain", which may be what something else is said to ease).
- "People often say they feel relief anywhere from minutes to hours after a session" was capped for a "universal" and
  a "qualifier 'after a session'": the session an onset is counted from is when the time starts, not a claim that one
  session is enough ("after just one session" still is).
"""

from __future__ import annotations

from conftest import page_claims_fixture

PAINKILLER = "Today it is widely given in emergency rooms and ambulances as a fast-working sedative and painkiller."
SESSION = "People often say they feel relief anywhere from minutes to hours after a session."
ONE_SESSION = "Patients feel relief within minutes after just one session."
PAGE = "\n\n".join(["Ketamine for pain", f"Ketamine is an anaesthetic. {PAINKILLER}", SESSION, ONE_SESSION])
claims = page_claims_fixture(PAGE, "Ketamine for pain")


def test_a_painkiller_is_what_an_onset_of_relief_is_about(claims: dict[str, dict]) -> None:
    c = claims[PAINKILLER]
    assert c["kind"] == "onset", c["kind"]
    assert "'painkiller'" not in c["explanation"], c["explanation"]


def test_the_session_an_onset_is_counted_from_is_not_a_universal(claims: dict[str, dict]) -> None:
    c = claims[SESSION]
    assert c["kind"] == "onset", c["kind"]
    assert "after a session" not in c["explanation"], c["explanation"]


def test_just_one_session_is_still_a_universal_left_unchecked(claims: dict[str, dict]) -> None:
    c = claims[ONE_SESSION]
    assert "universal 'after just one session'" in c["explanation"], c["explanation"]
    assert c["verdict"] != "supported", c["explanation"]
