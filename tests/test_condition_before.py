"""A claim of benefit that names no condition is about the one the sentence or the question before it named, as a
reader takes it ("Ketamine relieves migraine. The benefit lasts for weeks."), and is judged on that condition's
records; a mechanism said to work in a condition ("reduces central sensitization in migraine") is held to that
condition's records too. Claims worded alike that name their own condition, are not claims of benefit, or name the
condition only in the page's account of it keep their reading and their verdict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page, page_claims
from ketalit.claims.normalise import Normalised
from ketalit.claims.verdict import mechanism_condition
from ketalit.library import Library

PAGE = """Ketamine for pain

Ketamine relieves migraine. The benefit lasts for weeks.

Ketamine helps post-herpetic neuralgia. Relief lasts for weeks.

Ketamine relieves migraine. Ketamine relieves CRPS pain for weeks.

Ketamine relieves cancer pain. It can cause nausea.

Ketamine eases depression. The effect lasts for weeks.

Does ketamine help sickle cell pain?

Yes, the relief continues for several weeks.
"""


def _read(text: str) -> dict[str, Normalised]:
    return {c.quote: n for c, n in page_claims(text)}


def test_a_claim_that_names_no_condition_takes_the_one_the_sentence_or_question_before_names() -> None:
    read = _read(PAGE)
    weeks = read["The benefit lasts for weeks."]
    assert weeks.population == ["headache_migraine"] and weeks.condition == "headache_migraine"
    assert "the sentence before" in weeks.reasons["population"]
    assert read["Relief lasts for weeks."].condition == "postherpetic_neuralgia"
    answer = read["Yes, the relief continues for several weeks."]  # the FAQ's question is the answer's heading
    assert "sickle_cell" in answer.population and "the heading" in answer.reasons["population"]


def test_a_claim_that_names_its_own_condition_or_is_not_a_benefit_takes_none_from_before() -> None:
    read = _read(PAGE)
    own = read["Ketamine relieves CRPS pain for weeks."]
    assert own.population == ["crps"] and own.condition is None
    harm = read["It can cause nausea."]
    assert harm.kind == "side_effect" and harm.population == [] and harm.condition is None
    # a diagnosis of mood before it: relief that names no condition is not weighed on depression's records
    assert read["The effect lasts for weeks."].condition is None


@pytest.mark.parametrize(
    ("quote", "condition"),
    [
        ("Ketamine reduces central sensitization in migraine.", "headache_migraine"),
        ("Ketamine reverses central sensitization, the root cause of fibromyalgia pain.", "fibromyalgia"),
        ("Ketamine dampens inflammation in patients with rheumatoid arthritis.", "arthritis"),
        ("Ketamine reduces spinal cord hypersensitivity in chronic back pain.", "back_pain"),
        # the condition named in the page's account of it, not as where ketamine acts
        ("Ketamine blocks the NMDA receptor, which takes part in the development of phantom limb pain.", None),
        ("In CRPS, ketamine acts the same way, blocking NMDA receptors.", None),
        ("Ketamine modulates central sensitization, which is a key mechanism in CRPS.", None),
        ("Ketamine is thought to lessen the sensitization that goes with heightened pain in fibromyalgia.", None),
        ("Ketamine is an NMDA receptor antagonist.", None),
    ],
)
def test_a_mechanism_is_held_to_the_condition_it_is_said_to_work_in(quote: str, condition: str | None) -> None:
    held = mechanism_condition(quote)
    assert (held.id if held is not None else None) == condition


NEAR = """Ketamine for pain

Ketamine relieves CRPS pain.

Ketamine is an NMDA receptor antagonist.

Ketamine can cause nausea.

Ketamine reduces central sensitization.

Ketamine blocks NMDA receptors, which play a part in CRPS.

Ketamine relieves CRPS pain. The relief lasts for weeks.

Ketamine reduces pain after surgery. Patients need fewer opioids.
"""


def test_true_claims_worded_alike_keep_their_verdict(records_only_template: Path, tmp_path: Path) -> None:
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), NEAR.encode(), "near.txt", title="Ketamine for pain")
    got = {c["quote"]: c for c in result.claims}
    for quote in (
        "Ketamine relieves CRPS pain.",
        "Ketamine is an NMDA receptor antagonist.",
        "Ketamine can cause nausea.",
        "Ketamine reduces central sensitization.",
        "Ketamine blocks NMDA receptors, which play a part in CRPS.",
        "The relief lasts for weeks.",  # after CRPS: weeks of relief in CRPS (Sigtermans 2009)
        "Patients need fewer opioids.",  # after surgery: fewer opioids after surgery
    ):
        assert got[quote]["verdict"] == "supported", f"{quote!r}: {got[quote]['explanation']}"
    assert got["The relief lasts for weeks."]["proposition"]["population"] == ["crps"]
