"""How a mechanism claim is read before it is weighed: which negation is its own, whether what it names is a harm it
says ketamine brings on, and which outcomes are its target's rather than the patient's.

- A negation outside what the claim says ketamine does (a denied detail of how, "without competing for their binding
  site"; a consequence, ", so the brain does not read them as pain"; an answer word, "No.") is not the claim's: records
  that state the mechanism support it, they do not contradict it; the detail or consequence is not checked, and the
  explanation says so. A claim that denies the mechanism itself is still contradicted by them.
- A mechanism claim that says ketamine brings on what it names ("it sedates", "can bring on drowsiness") is weighed as a
  harm that happens: more of it with ketamine supports it. One that improves or lessens it is not.
- What a claim says its target does in the body ("glutamate, a chemical tied to mood and pain", "NMDA receptors, which
  play a role in memory") names the target's outcomes, not ones ketamine is said to act on: the claim is not weighed on
  trials of mood or memory, and the explanation says why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalit.claims.check import page_claims

from conftest import claims_of_page

TITLE = "How ketamine works"


def _read(sentence: str) -> tuple[str, str, str, tuple[str, ...]]:
    """The sentence's kind, direction, polarity and outcomes, as `ketalit check` reads it on a page about mechanism."""
    [(_, n)] = [(c, n) for c, n in page_claims(f"{TITLE}\n\n{sentence}\n", title=TITLE) if c.quote == sentence]
    return n.kind, n.direction, n.polarity, tuple(n.outcomes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine blocks NMDA receptors without displacing glutamate from its binding site.",
        "Ketamine acts on NMDA receptors and blocks pain signals, so the brain does not perceive them as pain.",
        "No. Ketamine works on the glutamate system of the brain in several ways.",
        "Ketamine blocks those receptors, so it is no wonder that it helps people with nerve pain.",
    ],
)
def test_a_negation_outside_what_ketamine_does_is_not_the_claims(sentence: str) -> None:
    kind, _, polarity, _ = _read(sentence)
    assert (kind, polarity) == ("mechanism", "positive")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine does not act on opioid receptors.",
        "Ketamine does not bind to mu-opioid receptors.",
        "Ketamine never binds to opioid receptors, so it is not a narcotic.",
    ],
)
def test_a_mechanism_denied_keeps_its_negation(sentence: str) -> None:
    kind, _, polarity, _ = _read(sentence)
    assert (kind, polarity) == ("mechanism", "negative")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine works as an anaesthetic because it sedates, causes memory loss and relieves pain.",
        "Ketamine acts on the brain and brings on sleepiness and memory loss.",
        "Ketamine blocks NMDA receptors and can bring on drowsiness.",
    ],
)
def test_a_harm_a_mechanism_brings_on_is_read_as_happening(sentence: str) -> None:
    kind, direction, _, _ = _read(sentence)
    assert (kind, direction) == ("mechanism", "causes")


@pytest.mark.parametrize(
    "sentence",
    ["Ketamine improves memory by acting on NMDA receptors.",
     "Ketamine reduces hallucinations by acting on NMDA receptors."],
)  # fmt: skip
def test_a_mechanism_that_improves_or_lessens_keeps_its_direction(sentence: str) -> None:
    kind, direction, _, _ = _read(sentence)
    assert (kind, direction) == ("mechanism", "improves")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine modulates glutamate, a brain chemical tied to mood and pain.",
        "Ketamine blocks NMDA receptors, which play a role in memory and mood.",
        "Ketamine acts on the AMPA receptor, which is thought to underlie its effect on depression.",
        "Ketamine changes the pathways that govern memory and thinking.",
        "Ketamine acts on serotonin, thought to influence mood and sleep.",
        "Ketamine acts on brain chemicals believed to shape mood and memory.",
    ],
)
def test_what_the_target_does_is_not_an_outcome_of_the_claim(sentence: str) -> None:
    kind, direction, _, outcomes = _read(sentence)
    assert (kind, direction, outcomes) == ("mechanism", "states", ())


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Ketamine lowers the pain linked to central sensitization, by blocking NMDA receptors.", "hyperalgesia"),
        ("Ketamine reduces inflammation in the nervous system.", "inflammation"),
        # "thought to influence" after the claim's own copula is what the claim says, not a description of a target
        ("Ketamine spurs the growth of new synapses, and this is thought to influence your mood.", "mood"),
        ("Ketamine is believed to affect memory by acting on NMDA receptors.", "cognition"),
    ],
)  # fmt: skip
def test_what_ketamine_acts_on_keeps_its_outcome(sentence: str, outcome: str) -> None:
    assert outcome in _read(sentence)[3]


PAGE = """
How ketamine works

Ketamine blocks NMDA receptors without displacing glutamate from its binding site.

Ketamine blocks NMDA receptors without any effect on other receptors.

Ketamine acts on NMDA receptors and blocks pain signals, so the brain does not perceive them as pain.

Ketamine does not block NMDA receptors.

Ketamine works as an anaesthetic because it sedates, causes memory loss and relieves pain.

Ketamine modulates glutamate, a brain chemical tied to mood and pain.

Ketamine blocks NMDA receptors, which play a role in memory and mood.
"""


@pytest.fixture(scope="module")
def checked(records_only_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    return claims_of_page(records_only_template, tmp_path_factory.mktemp("mechanism"), PAGE, TITLE)


def _verdict(checked: dict[str, dict], sentence: str) -> tuple[str, str]:
    claim = checked[sentence]
    return claim["verdict"], claim["explanation"]


def test_a_denied_detail_is_not_read_as_denying_the_mechanism(checked: dict[str, dict]) -> None:
    for sentence, detail in [
        ("Ketamine blocks NMDA receptors without displacing glutamate from its binding site.", "without displacing"),
        ("Ketamine blocks NMDA receptors without any effect on other receptors.", "without any effect"),
    ]:
        verdict, why = _verdict(checked, sentence)
        # the mechanism is stated; the detail is not checked, so not supported either
        assert verdict == "insufficient", (sentence, why)
        assert detail in why and "supports" in why and "contradicts:" not in why


def test_a_consequence_with_a_negation_is_not_checked(checked: dict[str, dict]) -> None:
    verdict, why = _verdict(
        checked, "Ketamine acts on NMDA receptors and blocks pain signals, so the brain does not perceive them as pain."
    )
    assert verdict == "mixed" and "so the brain does not perceive them as pain" in why


def test_a_denied_mechanism_is_still_contradicted(checked: dict[str, dict]) -> None:
    assert _verdict(checked, "Ketamine does not block NMDA receptors.")[0] == "contradicted"


def test_sedation_and_memory_loss_support_a_claim_that_ketamine_brings_them_on(checked: dict[str, dict]) -> None:
    sentence = "Ketamine works as an anaesthetic because it sedates, causes memory loss and relieves pain."
    verdict, why = _verdict(checked, sentence)
    assert verdict == "supported", why
    assert "worse with ketamine" not in why


def test_a_target_described_is_weighed_without_its_outcomes(checked: dict[str, dict]) -> None:
    for sentence, words in [
        ("Ketamine modulates glutamate, a brain chemical tied to mood and pain.", "tied to mood and pain"),
        ("Ketamine blocks NMDA receptors, which play a role in memory and mood.", "play a role in memory and mood"),
    ]:
        verdict, why = _verdict(checked, sentence)
        assert verdict != "mixed" and "mood better" not in why and "cognition" not in why, (sentence, why)
        assert words in why


def test_the_note_on_a_targets_outcomes_is_given_only_where_they_were_left_out(linked_library: Path) -> None:
    """A claim whose reading was kept (a person's catalogue edit) may hold the outcomes its target's words name and be
    weighed on them: its explanation must not say they were not weighed. The shipped library has such a claim
    ("These receptors play a key role in pain amplification and central sensitization", its reading hyperalgesia)."""
    from ketalit.claims.normalise import target_roles
    from ketalit.claims.store import stored_claims
    from ketalit.library import Library

    rows = [r for r in stored_claims(Library.open(linked_library)) if r["kind"] == "mechanism"]
    kept = [r for r in rows if any(outcomes & set(r["outcomes"]) for _, outcomes in target_roles(r["quote"]))]
    assert kept, "no mechanism claim whose kept reading holds its target's outcomes"
    for r in kept:
        assert "says what its target does in the body" not in r["explanation"], (r["id"], r["explanation"])
