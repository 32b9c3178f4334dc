"""A mechanism statement is stated only by sentences that say what it says: about ketamine, the same relation (blocks
against activates, lowers against raises), the same target, and how long when the claim says how long. The false
sentences are in ``tests/adversarial/mech21.toml``; here, the readings they rest on, and true claims worded alike that
keep their verdicts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page
from ketalit.claims.weighing import claim_relation, part_relation, textbook_parts
from ketalit.library import Library


def _relations(text: str) -> list[tuple[str, str] | None]:
    return [part_relation(text, "mechanism", p.name) for p in textbook_parts(text, "mechanism")]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Ketamine activates NMDA receptors.", "activates"),
        ("Ketamine is an NMDA agonist.", "agonist"),
        ("Ketamine is an agonist at the NMDA receptor.", "agonist"),
        ("NMDA receptors are activated by ketamine.", "activated"),
        ("Stimulating NMDA receptors", "Stimulating"),
        ("Ketamine strengthens glutamate receptors.", "strengthens"),
        ("Ketamine increases inflammation in the nerves.", "increases"),
        ("Inflammation is increased by ketamine.", "increased"),
        ("Ketamine triggers inflammation.", "triggers"),
    ],
)
def test_a_part_said_the_other_way_is_the_opposite_claim(text: str, verb: str) -> None:
    assert _relations(text) == [("opposite", verb)]


@pytest.mark.parametrize(
    "text",
    ["Restoring NMDA receptor function", "Ketamine eliminates inflammation throughout the body.",
     "Ketamine wipes out inflammation everywhere in the body."],
)  # fmt: skip
def test_a_part_said_another_way_is_not_the_part(text: str) -> None:
    assert [r[0] if r else None for r in _relations(text)] == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine is an NMDA receptor antagonist.",
        "Ketamine blocks NMDA receptors.",
        "NMDA receptors are blocked by ketamine.",
        "Ketamine modulates NMDA receptors.",
        "Ketamine acts on NMDA receptors.",
        "Ketamine prevents glutamate from activating NMDA receptors.",
        "Ketamine reduces inflammation.",
        "Ketamine has anti-inflammatory effects.",
        "Ketamine increases anti-inflammatory cytokines.",
    ],
)
def test_a_part_said_its_own_way_keeps_it(text: str) -> None:
    assert _relations(text) == [None]


def test_a_claim_read_on_its_own_words_says_a_verb_and_what_it_acts_on() -> None:
    stim = claim_relation("Ketamine stimulates dopamine receptors in the spinal cord to stop pain.")
    assert stim is not None and (stim.direction, stim.target) == ("up", "dopamine")
    assert stim.unsaid("Pain following spinal cord injury (SCI) is a therapeutic challenge.")
    assert not stim.unsaid("Ketamine stimulates spinal dopamine receptors.")
    shrink = claim_relation("Ketamine shrinks the pain centre of the brain.")
    assert shrink is not None and shrink.unsaid("Ketamine may alter the central sensitization of pain.")
    # a verb of a direction is stated by another verb of it; a verb of change by a verb of any direction
    damps = claim_relation("Ketamine dampens glutamate signalling in the spinal cord.")
    assert damps is not None and not damps.unsaid("Ketamine inhibits glutamate release in the spinal cord.")
    assert damps.unsaid("Glutamate signalling in the spinal cord was measured.")
    # ... and one whose object names nothing specific holds a sentence to nothing more than the claim's words
    assert claim_relation("Ketamine quiets the pain signals in the spinal cord.") is None
    assert claim_relation("It alters how nerve cells behave, so that fewer pain signals reach the brain.") is None
    alters = claim_relation("Ketamine alters glutamate signalling in the spinal cord.")  # by a verb of any way
    assert alters is not None and not alters.unsaid("Ketamine inhibits glutamate release in the spinal cord.")
    # a return to normal is stated by a return to normal, not by any change
    restores = claim_relation("Ketamine restores normal pain processing in the brain.")
    assert restores is not None and restores.unsaid("Ketamine may alter the central sensitization of pain.")
    assert not restores.unsaid("Pain processing was normalised after ketamine.")
    # a noun of action after a verb of being: "an opioid receptor agonist" is a rise at opioid receptors
    agonist = claim_relation("Ketamine is an opioid receptor agonist that works like morphine.")
    assert agonist is not None and (agonist.direction, agonist.target) == ("up", "opioid")
    on = claim_relation("Ketamine acts on mu-opioid receptors, which is why it relieves pain.")
    assert on is not None and on.unsaid("Ketamine acts on the NMDA receptor to relieve pain.") == "mu-opioid"
    # no verb of its own: nothing more to say than its words
    assert claim_relation("Ketamine is a dissociative anaesthetic.") is None
    assert claim_relation("Ketamine's use in CRPS rests on its capacity to block NMDA receptors.") is None


TRUE_PAGE = """
How ketamine works

Ketamine is an NMDA receptor antagonist.

Ketamine blocks NMDA receptors.

NMDA receptors are blocked by ketamine.

Ketamine works by blocking NMDA receptors in the spinal cord.

Ketamine acts on NMDA receptors.

Ketamine reduces inflammation.

Ketamine has anti-inflammatory effects.

Ketamine inhibits central sensitization.

Ketamine can cause nausea.

Ketamine activates NMDA receptors.

Ketamine is an NMDA agonist.
"""


def test_true_mechanisms_worded_alike_keep_their_verdicts_and_their_opposites_are_contradicted(
    records_only_template: Path, tmp_path: Path
) -> None:
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), TRUE_PAGE.encode(), "mechanisms.txt", title="How ketamine works")
    verdicts = {c["quote"]: c["verdict"] for c in result.claims}
    opposite = {"Ketamine activates NMDA receptors.", "Ketamine is an NMDA agonist."}
    for line in TRUE_PAGE.strip().splitlines()[1:]:
        if line.strip():
            want = "contradicted" if line in opposite else "supported"
            assert verdicts.get(line) == want, (line, verdicts.get(line))
