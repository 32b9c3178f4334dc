"""A mechanism claim that names what ketamine acts on ("acts on NMDA receptors") and says besides only what its target
is or does, or an action checked on its own, is read by the part it names, as "ketamine blocks NMDA receptors" is
(``weighing.mechanism_aside``): the abstracts that state ketamine blocks the NMDA receptor state it, and the
explanation says which words were set aside and why.

- What the claim says its target is or does: an apposition ("glutamate, an excitatory messenger,"), a relative clause
  ("NMDA receptors, which also perform vital jobs"; "a substance ... that generates the sensation of pain") or a role
  ("a receptor that takes part in memory"). A verb in it is the target's, not an action of ketamine's.
- An action on glutamate that blocks or changes it ("modulates glutamate", "prevents glutamate from binding") is stated
  by the records that state the NMDA receptor blocked (glutamate's receptor: [[textbook.parts]] acts_on); an amount of
  glutamate lowered or raised is not.
- A detail denied after the verb ("without competing with glutamate") is stated by records that give the detail's
  verb negated by a prefix ("non-competitive"); another ("without displacing glutamate") is still not read, and caps
  the claim at insufficient.
- What a claim joins to the part with "and" and no part says ("and destroys dopamine") is still needed of the records,
  and what it promises patients is checked as before: the false rewordings are in
  ``tests/adversarial/mechstate26.toml``.
"""

from __future__ import annotations

import pytest

from conftest import page_claims_fixture

TITLE = "How ketamine works"
SUPPORTED = {
    # the target described, an action on glutamate checked by the part
    "Ketamine, on the other hand, acts on NMDA receptors and modulates glutamate, a chemical tied to both pain and "
    "mood.": ("Read by the parts it names", "'modulates glutamate' is stated by the records"),
    "Ketamine seems to bind to NMDA receptors, which also perform vital jobs.": (
        "Read by the parts it names",
        "'which also perform vital jobs' (what its target is or does)",
    ),
    "Ketamine works because it prevents glutamate, an excitatory messenger, from binding to NMDA receptors.": (
        "'an excitatory messenger' (what its target is or does)",
        "states 'acts on the NMDA receptor'",
    ),
    # a technical word for the claim's lay one ("overexcitation": sensitization, wind-up)
    "By blocking NMDA receptors, ketamine halts the overexcitation of nerve cells that drives chronic pain.": (
        "Supported.",
        "states it",
    ),
    # a verb of what the target does is not an action of ketamine's
    "Ketamine mostly works by blocking a messenger in the spinal cord that produces the sensation of persistent "
    "pain.": ("'that produces the sensation of persistent pain' says what its target does", "not read as an action"),
    # a verb joined by "and" with nothing specific after it is no second thing to state (a page cut short)
    "Ketamine reduces inflammation and alters the way": ("Supported.", "states 'reduces inflammation'"),
    # a denied detail the records state with a prefix
    "Ketamine blocks NMDA receptors without competing with glutamate.": ("is stated as 'noncompetitive'",),
}
# worded alike, not supported: an action nothing states, a joined clause, an amount of glutamate
NOT_SUPPORTED = {
    "Ketamine blocks NMDA receptors and destroys dopamine.": "insufficient",
    "Ketamine attaches to NMDA receptors and lowers the amount of glutamate, a neurotransmitter linked to pain.": (
        "insufficient"
    ),
    "Ketamine binds to NMDA receptors, which carry pain signals, and shrinks tumours.": "insufficient",
    "Ketamine makes nerves less sensitive.": "insufficient",
    "Ketamine blocks NMDA receptors without displacing glutamate from its binding site.": "insufficient",
}

claims = page_claims_fixture(f"{TITLE}\n\n" + "\n\n".join([*SUPPORTED, *NOT_SUPPORTED]) + "\n", TITLE)


@pytest.mark.parametrize("quote", sorted(SUPPORTED))
def test_a_stated_mechanism_is_supported_and_says_what_was_set_aside(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    got = claims[quote]
    assert got["verdict"] == "supported", got["explanation"]
    for words in SUPPORTED[quote]:
        assert words in got["explanation"], got["explanation"]


@pytest.mark.parametrize("quote", sorted(NOT_SUPPORTED))
def test_what_the_records_do_not_state_is_not_supported(claims: dict[str, dict], quote: str) -> None:
    assert quote in claims, sorted(claims)
    assert claims[quote]["verdict"] == NOT_SUPPORTED[quote], claims[quote]["explanation"]
