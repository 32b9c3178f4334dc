"""Round 45: the forty-first set's contradicted sentences, read for their general cause once it was measured (in-sample
since).

- A patient's "During that week I had crushing tiredness, could not think anything useful, twitched a great deal and
  kept breaking out in sudden sweats" was read as a denial ("not"): that ketamine does not cause sedation, contradicted
  by the trials in which it did. An inability that is itself the harm ("could not think", "couldn't sleep", "cannot
  concentrate") is not a negation of it.
- A product page's "The spray puts two drugs straight into the nasal passages: ketamine hydrochloride, an anaesthetic
  of the dissociative type, and lidocaine hydrochloride, which numbs locally" was read as a mechanism acting on
  psychotomimetic effects, so as improving them, and contradicted by every record of dissociation: an anaesthetic of
  the dissociative type brings dissociation on.
"""

from __future__ import annotations

from conftest import page_claims_fixture

WEEK = (
    "During that week I had crushing tiredness, could not think anything useful, twitched a great deal and kept "
    "breaking out in sudden sweats."
)
NOT_TIRED = "Ketamine does not cause tiredness."
SPRAY = (
    "The spray puts two drugs straight into the nasal passages: ketamine hydrochloride, an anaesthetic of the "
    "dissociative type, and lidocaine hydrochloride, which numbs locally."
)
SUB = "Ketamine works on the brain at sub-dissociative doses."  # a mechanism whose only outcome is a harm
SPRAY_BEFORE = (
    "This nasal spray, containing ketamine HCl 15% and lidocaine HCl 4%, is a liquid made up by compounding and meant "
    "to be given into the nose."
)
PAGE = "My Five-Day Ketamine Infusions for CRPS\n\n" + "\n\n".join(
    [
        "After each of my five-day ketamine infusions I needed a week of rest.",
        WEEK,
        NOT_TIRED,
        "Nasal Spray of Ketamine HCl 15% with Lidocaine HCl 4%",
        f"{SPRAY_BEFORE} {SPRAY}",
        SUB,
    ]
)
claims = page_claims_fixture(PAGE, "My Five-Day Ketamine Infusions for CRPS")


def test_an_inability_that_is_the_harm_is_not_a_denial(claims: dict[str, dict]) -> None:
    c = claims[WEEK]
    assert c["proposition"]["direction"] != "does_not_cause", c["proposition"]
    assert c["verdict"] != "contradicted", c["explanation"]


def test_a_harm_denied_in_so_many_words_stays_denied(claims: dict[str, dict]) -> None:
    assert claims[NOT_TIRED]["proposition"]["direction"] == "does_not_cause", claims[NOT_TIRED]["proposition"]


def test_a_dissociative_anaesthetic_brings_dissociation_on(claims: dict[str, dict]) -> None:
    c = claims[SPRAY]
    assert c["proposition"]["direction"] != "improves", c["proposition"]
    assert c["verdict"] != "contradicted", c["explanation"]


def test_sub_dissociative_doses_are_not_a_dissociative_harm(claims: dict[str, dict]) -> None:
    c = claims[SUB]
    assert c["proposition"]["direction"] != "causes", c["proposition"]
