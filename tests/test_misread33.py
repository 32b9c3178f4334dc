"""Misreadings found on the twenty-ninth set's pages once they were measured and joined the folds (round 33).

- A sentence that lists side effects, one of them said to be rare ("Side effects include ... and, rarely, liver
  disorder"), claims that the side effects happen: it was read as a harm said not to happen ("rarely") and came out
  `contradicted` by the very records that show them.
- An item of a list under a lead-in that says ketamine treats the conditions listed ("has found use in treating
  conditions such as: - ... addiction disorders") is a condition it treats: it was read as "ketamine causes
  addiction" and `supported`.
- Cutting down the harmful use of opioids is treating a use disorder, not needing fewer opioids for pain: it was
  `supported` by the trials of opioid sparing after surgery.
- Side effects said to be handled by a change of dose ("they can be handled by lowering the dose") are a remedy,
  checked as such, not a claim that the side effects happen.
- "Given parenterally" is given by injection: into a vein or a muscle.
- "A trance-like state" is a dissociative effect.
- Relief as good as another drug's ("relieved pain as well as morphine did", "not inferior to morphine") is a
  comparison with that drug, checked on the trials that compare them (``as_good``): it had been read as relief as such
  and left `mixed` by trials against placebo.
"""

from __future__ import annotations

import pytest

from ketalit.claims.normalise import as_good_as, listed_item_rare
from ketalit.claims.stance import VOTERS

from conftest import page_claims_fixture

SIDE_LIST = (
    "Side effects include effects on the central nervous system, changes to the heart and circulation, "
    "inflammation of the bladder and, rarely, liver disorder."
)
REASSURANCE = "Side effects include nothing serious and, rarely, mild nausea."
LEAD_IN = "At lower doses, ketamine has found use in treating conditions such as:"
ADDICTION = "Depression that resists treatment, PTSD (post-traumatic stress disorder) and addiction disorders"
HARMFUL_USE = "Cutting down the harmful use of opioid medicines"
HANDLED = (
    "So if these side effects do happen, they can be handled by lowering the dose or rate of the infusion, or by "
    "pausing the infusion for a while."
)
PARENTERAL = "It is given parenterally, widely and with good effect, for severe acute pain in trauma settings."
TRANCE = "Ketamine is well known for bringing on a trance-like state of consciousness."
AS_WELL = "According to the team, ketamine relieved pain as well as morphine did."
NOT_INFERIOR = "The authors wrote that ketamine is not inferior to morphine in controlling acute pain."
CONJUNCTION = "Ketamine treats pain as well as depression."
FEWER_OPIOIDS = "Ketamine infusions help patients cut down their use of opioid medicines."

PAGE = "Ketamine for Pain\n\n" + "\n\n".join(
    [
        SIDE_LIST,
        REASSURANCE,
        LEAD_IN + "\n\n- Migraines\n- " + HARMFUL_USE + "\n- " + ADDICTION,
        HANDLED,
        PARENTERAL,
        TRANCE,
        AS_WELL,
        NOT_INFERIOR,
        CONJUNCTION,
        FEWER_OPIOIDS,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine for Pain")


def test_a_list_of_side_effects_with_a_rare_one_says_they_happen(claims: dict[str, dict]) -> None:
    c = claims[SIDE_LIST]
    assert c["kind"] == "side_effect", c["kind_reason"]
    assert c["proposition"]["direction"] == "causes", c["proposition"]
    assert c["verdict"] == "supported", c["explanation"]


def test_a_reassurance_in_a_list_is_not_a_list_of_side_effects(claims: dict[str, dict]) -> None:
    assert listed_item_rare(REASSURANCE) is None
    assert listed_item_rare(SIDE_LIST) is not None
    assert claims[REASSURANCE]["proposition"]["direction"] == "does_not_cause", claims[REASSURANCE]["proposition"]


def test_an_addiction_in_a_list_of_conditions_treated_is_treated(claims: dict[str, dict]) -> None:
    c = claims[ADDICTION]
    assert c["kind"] == "efficacy", c["kind_reason"]
    assert c["proposition"]["direction"] == "improves", c["proposition"]
    assert c["verdict"] not in ("supported", "contradicted"), c["explanation"]  # a pain library: nothing settles it


def test_harmful_use_of_opioids_is_a_use_disorder_not_fewer_opioids(claims: dict[str, dict]) -> None:
    c = claims[HARMFUL_USE]
    assert c["proposition"]["outcomes"] == ["abuse_dependence"], c["proposition"]
    assert c["verdict"] != "supported", c["explanation"]
    near = claims[FEWER_OPIOIDS]
    assert near["proposition"]["outcomes"] == ["opioid_consumption"], near["proposition"]
    assert near["verdict"] == "supported", near["explanation"]


def test_side_effects_handled_by_a_lower_dose_are_a_remedy(claims: dict[str, dict]) -> None:
    c = claims[HANDLED]
    assert c["proposition"]["direction"] == "less_harm", c["proposition"]
    assert c["verdict"] != "supported", c["explanation"]


def test_parenterally_is_by_vein_or_muscle(claims: dict[str, dict]) -> None:
    assert set(claims[PARENTERAL]["routes"]) == {"intravenous", "intramuscular"}, claims[PARENTERAL]["routes"]


def test_a_trance_is_a_dissociative_side_effect(claims: dict[str, dict]) -> None:
    c = claims[TRANCE]
    assert c["kind"] == "side_effect", c["kind_reason"]
    assert c["proposition"]["outcomes"] == ["psychotomimetic"], c["proposition"]
    assert c["verdict"] == "supported", c["explanation"]


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        (AS_WELL, "morphine"),
        (NOT_INFERIOR, "morphine"),
        ("Ketamine is as effective as opioids for acute pain.", "opioids"),
        ("Its relief was comparable to fentanyl in the emergency department.", "fentanyl"),
        ("Ketamine eases pain as well as the standard intravenous morphine does.", "morphine"),
        (CONJUNCTION, None),
        ("It reduces pain as well as opioid use.", None),
        ("It is as safe as morphine.", None),  # a harm set level, read by the harm rules
    ],
)
def test_what_relief_is_said_to_match(text: str, drug: str | None) -> None:
    found = as_good_as(text)
    assert (found[0] if found else None) == drug, found


@pytest.mark.parametrize("quote", [AS_WELL, NOT_INFERIOR])
def test_relief_as_good_as_a_drug_is_checked_against_that_drug(claims: dict[str, dict], quote: str) -> None:
    c = claims[quote]
    p = c["proposition"]
    assert (c["kind"], p["direction"], p["comparator"]) == ("comparative", "as_good", "morphine"), p
    assert "as morphine" in c["assertion"], c["assertion"]
    assert c["verdict"] == "supported", c["explanation"]
    cited = [e for e in c["evidence"] if e["stance"] == "supports"]
    assert cited and all("placebo" not in " ".join(e["rationale"]) for e in cited[:2]), cited[:2]


def test_a_conjunction_is_no_comparison(claims: dict[str, dict]) -> None:
    c = claims[CONJUNCTION]
    assert c["proposition"]["direction"] == "improves" and not c["proposition"]["comparator"], c["proposition"]


def test_the_vote_of_an_as_good_claim() -> None:
    from ketalit.claims.catalogue import Proposition
    from ketalit.claims.findings import Finding
    from ketalit.claims.stance import ACTIVE, Effect

    prop = Proposition(
        subject="ketamine", routes=(), regimen=None, population=(), outcomes=("pain_intensity",),
        direction="as_good", comparator="morphine", severity=None, exposure=None, quantity=None,
    )  # fmt: skip
    f = Finding(s=0, outcome="pain_intensity", words="pain scores", rule="test")

    def vote(direction: str, vs: str) -> int:
        return VOTERS["as_good"](prop, Effect(direction, vs, None, f))[0]

    assert vote("same", f"{ACTIVE}morphine") == 1  # no different from morphine
    assert vote("lower", f"{ACTIVE}morphine") == 1  # less pain than with morphine: at least as good
    assert vote("higher", f"{ACTIVE}morphine") == -1  # more pain than with morphine
    assert vote("lower", "placebo") == 0  # better than placebo says nothing of morphine
    assert vote("same", f"{ACTIVE}ibuprofen") == 0  # another drug
