"""Round 64 (in-sample, from the fifty-seventh set): a paramedics' page says "Ketamine, unlike certain other sedatives,
usually does not drop blood pressure by much"; the engine contradicted it with records of blood pressure rising ("mean
blood pressure increased", "stimulation of haemodynamics") and with a trial whose "stable haemodynamics" had been read
as more cardiovascular harm. A claim that a harm goes one way (a fall in blood pressure, a rise in heart rate) is not
answered by a record of it going the other way ([harm.named] rise and fall in data/weighing.toml), unless it denies the
harm outright ("won't slow your heart rate" is read as leaving it alone, tests/adversarial/fix22a.toml); "stable
haemodynamics" is no change.
"""

from __future__ import annotations

from ketalit.claims.catalogue import Claim
from ketalit.claims.extract import extract_claims
from ketalit.claims.findings import read_record
from ketalit.claims.normalise import normalise
from ketalit.claims.stance import stance_of
from ketalit.claims.weighing import named_harms
from test_claims import record

from conftest import page_claims_fixture

TITLE = "Ketamine and blood pressure"
NOT_LOWER = "Ketamine usually does not drop blood pressure."
# guard: the harm the records show, denied
NOT_RAISE = "Ketamine does not raise blood pressure."

claims = page_claims_fixture("\n\n".join([TITLE, NOT_LOWER, NOT_RAISE]) + "\n", TITLE)


def _harm(name: str):  # type: ignore[no-untyped-def]
    return next(h for h in named_harms() if h.id == name)


def test_a_record_of_blood_pressure_rising_does_not_refute_a_claim_that_it_does_not_fall(
    claims: dict[str, dict],
) -> None:
    c = claims[NOT_LOWER]
    assert c["verdict"] != "contradicted", c["explanation"]
    against = [e for e in c["evidence"] if e["stance"] == "contradicts"]
    assert not [e for e in against if any("increased" in s or "stimulation" in s for s in e["rationale"])], against
    # the same records still refute the claim that it does not rise
    assert claims[NOT_RAISE]["verdict"] == "contradicted", claims[NOT_RAISE]["explanation"]


def test_which_way_a_text_says_the_harm_goes() -> None:
    bp, hr = _harm("blood_pressure"), _harm("heart_rate")
    assert bp.change("Ketamine usually does not drop blood pressure by much.") == "fall"
    assert bp.change("the heart is stimulated and blood pressure rises") == "rise"
    assert bp.change("Mean blood pressure increased in two studies.") == "rise"
    assert bp.change("a significant decrease in the incidence of hypotension") == "fall"
    assert bp.change("a risk of high blood pressure") == "rise"
    both = "may raise blood pressure or heart rate"
    assert (bp.change(both), hr.change(both)) == ("rise", "rise")
    assert hr.change("Bradycardia occurred in two patients.") == "fall"
    # no way, or both ways: the harm as a whole
    assert bp.change("Blood pressure did not change after ketamine infusion.") == ""
    assert bp.change("hypotension and hypertension were both rare") == ""


def test_a_record_of_the_other_way_is_neutral_on_the_claim() -> None:
    def claim(sentence: str) -> Claim:
        cand = extract_claims(sentence)[0]
        n = normalise(cand, sentence)
        fields = {"id": "900-01", "document": "900", "file": "x.txt", "quote": sentence, "start": 0, "end": 1}
        return Claim(**fields, **n.catalogue_fields())

    rose = record("Ketamine and haemodynamics", "Systolic blood pressure increased significantly with ketamine.")
    fell = record("Ketamine and haemodynamics", "Hypotension was more frequent with ketamine than with placebo.")
    not_lower = claim("Ketamine usually does not lower blood pressure.")
    assert stance_of(not_lower, rose, read_record(rose)).stance != "contradicts"
    assert stance_of(not_lower, fell, read_record(fell)).stance == "contradicts"
    not_raise = claim("Ketamine usually does not raise blood pressure.")
    assert stance_of(not_raise, rose, read_record(rose)).stance == "contradicts"
    # an absolute denial is read as leaving blood pressure alone: a rise refutes it as a fall would
    never_lower = claim("Ketamine never lowers blood pressure.")
    assert stance_of(never_lower, rose, read_record(rose)).stance == "contradicts"


def test_stable_haemodynamics_is_no_change() -> None:
    rec = record(
        "Intrathecal ketamine with bupivacaine",
        "Addition of ketamine provides better block characteristics, stable haemodynamics and longer analgesia.",
    )
    found = [f for f in read_record(rec).findings if f.outcome == "cardiovascular"]
    assert found and all(f.direction == "same" for f in found), found
