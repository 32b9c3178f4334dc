"""Sentences that are not claims and were taken as claims (round 29, fold A): an image's caption or alt text, an
analogy offered to explain, what someone hopes patients get and the role the treatment is meant to play. Each rule is
tried on rewordings, not on the labelled sentences, both ways: what it must leave out (with the rule and the words that
left it out) and the claims worded alike that must stay in."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import not_claim_match
from test_claim_non_claims27 import _taken


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        ("Image: a smiling man walking his dog, free of back pain after ketamine infusions", "caption", "Image:"),
        ("Photograph - a patient resting after her ketamine infusion, her migraine gone", "caption", "Photograph -"),
        (
            "An IV bag hangs beside a bottle of ketamine, representing the fast relief a single infusion can bring.",
            "caption",
            "representing",
        ),
        ("You can compare it to resetting a fuse box that keeps tripping after ketamine.", "analogy", "compare it"),
        ("Think of this as ketamine turning down the volume of the pain signals.", "analogy", "Think of this as"),
        (
            "Dr. Lee hopes that as ketamine eases your pain, your sleep will improve too.",
            "goal_or_disclaimer",
            "hopes that",
        ),
        (
            "The ketamine drip is intended to act as a reset switch for nerve pain.",
            "goal_or_disclaimer",
            "intended to act as",
        ),
    ],
)
def test_captions_analogies_and_hopes_are_not_claims_and_say_why(sentence: str, rule: str, words: str) -> None:
    assert not _taken(sentence)
    found = not_claim_match(sentence)
    assert found is not None and found[0] == rule and words.lower() in found[1].lower()


@pytest.mark.parametrize(
    "sentence",
    [
        # what ketamine does, worded like a caption, an analogy, a hope or a role
        "Ketamine relieves nerve pain in most patients within an hour of the infusion.",
        "A patient given ketamine usually feels relief standing up from the chair after the infusion.",
        "Ketamine works like a reset for the nervous system, easing pain for weeks.",
        "Patients hope for relief, and ketamine infusions reduce pain by half in most of them.",
        "Ketamine infusions are designed to act on the NMDA receptor and relieve nerve pain within hours.",
        "Ketamine acts as an NMDA receptor antagonist, which blocks the amplification of pain signals.",
    ],
)
def test_claims_worded_alike_are_still_taken(sentence: str) -> None:
    assert _taken(sentence)
