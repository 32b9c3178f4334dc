"""Round 91 (in-sample, from the seventieth set, after it was measured): under "it is worth setting out the ways it
could possibly affect breathing:", the item "- Too much saliva in the mouth" took the lead-in's harm (breathing) and
was `supported` by the records of airway and breathing events, where the reviewers find no abstract on saliva (no
evidence). A listed harm that names none of the vocabulary's outcomes and no harm word the claim grammar knows, under a
lead-in that names a harm of its own (not side effects in general), is a harm of its own that a record must name
(``normalise._unnamed_harm``: its words as concepts).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine and breathing"
LEAD = "At ordinary doses ketamine depresses breathing only slightly, but here are the ways it could affect breathing:"
SALIVA = "- Too much saliva in the mouth"
BRAINSTEM = "- Directly suppressing the breathing control centres in the brainstem"
PAGE = "\n".join([TITLE, "", LEAD, SALIVA, BRAINSTEM]) + "\n"
claims = page_claims_fixture(PAGE, TITLE)


def test_a_listed_harm_no_outcome_names_is_one_a_record_must_name() -> None:
    r = readings(TITLE, "\n".join([LEAD, SALIVA, BRAINSTEM]))
    saliva = r[SALIVA.lstrip("- ")]
    assert ["saliva"] in saliva.concepts, (saliva.concepts, saliva.reasons)
    # an item that names the lead-in's harm is read on it, as before
    assert not r[BRAINSTEM.lstrip("- ")].concepts
    # under side effects in general, an item is a side effect, not a harm a record must name in its words
    side = readings(TITLE, "Ketamine's possible side effects include:\n- Paranoia\n- Headache")
    assert not side["Paranoia"].concepts and not side["Headache"].concepts


def test_too_much_saliva_is_not_supported_by_breathing_events(claims: dict[str, dict]) -> None:
    c = claims[SALIVA.lstrip("- ")]
    assert c["verdict"] != "supported", c["explanation"]
