"""Round 165 (in-sample, from the hundred-and-thirty-third set): "Trouble passing urine", an item of a page's list of
ketamine's side effects, was read as a harm with no outcome named (adverse events in general) and found no record:
insufficient, where the reviewers, on the reports of bladder and urinary-tract harm (Morgan 2012, Shahani 2007), say
supported. Passing water as pages say it ("passing urine", "urinating", "peeing") now names the urological outcome
(data/claim_text.toml [normalise.outcome_words] urological), as "bladder" and "urinary" did.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

LEAD = "Every drug has side effects, and those of ketamine include:"
URINE = "Trouble passing urine"
URINATING = "Long-term use of ketamine can cause pain when urinating."
# guard: an item that names no harm of its own stays a harm in general
FAINTING = "Fainting"

TITLE = "Ketamine for migraine"
PAGE = "\n\n".join([TITLE, f"{LEAD}\n- Drowsiness\n- {URINE}\n- {FAINTING}", URINATING])


def test_passing_water_names_the_urological_outcome() -> None:
    assert readings(TITLE, URINATING)[URINATING].outcomes == ["urological"]


claims = page_claims_fixture(PAGE, TITLE)


def test_a_urinary_side_effect_is_weighed_on_the_records_of_bladder_harm(claims: dict[str, dict]) -> None:
    c = claims[URINE]
    assert c["kind"] == "side_effect" and c["outcomes"] == ["urological"], c
    assert c["verdict"] == "supported", c["explanation"]
    assert claims[FAINTING]["outcomes"] == ["adverse_events"], claims[FAINTING]
