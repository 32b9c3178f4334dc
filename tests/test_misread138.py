"""Round 138 (in-sample, from the ninety-sixth set): a nursing board's "Even so, its use as an anaesthetic has been
limited by the psychomimetic reactions it causes, among them light-headedness, a sensation of floating, ... and
delirium" was read as a claim that ketamine keeps those reactions off (the verb "limit" taken to act on the harm after
it) and `contradicted` on the records of them: a red badge on a true warning (the reviewers: supported for most of its
seven items). A verb of lessening in the passive with "by" after it ("limited by", "reduced by") has its agent there,
not its object: the harm after "by" is what limits, and nothing lessens it (claim_text.toml harm_lessened).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine for pain: a note for nurses"
LIMITED = (
    "Even so, its use as an anaesthetic has been limited by the psychomimetic reactions it causes, among them "
    "hallucinations, delusions and delirium."
)
# guards: an active verb of lessening still lessens the harm after it
LIMITS = "Giving a benzodiazepine first limits the hallucinations ketamine can cause."
PREVENTS = "Ketamine prevents nausea after surgery."
claims = page_claims_fixture("\n\n".join([TITLE, LIMITED, PREVENTS]), TITLE)


def test_a_harm_after_limited_by_is_what_limits_not_what_is_lessened(claims: dict[str, dict]) -> None:
    r = readings(TITLE, LIMITED, PREVENTS)
    assert r[LIMITED].direction == "causes", r[LIMITED].reasons
    assert claims[LIMITED]["verdict"] != "contradicted", claims[LIMITED]["explanation"]
    assert r[PREVENTS].direction == "does_not_cause", r[PREVENTS].reasons


def test_an_active_verb_of_lessening_still_lessens_the_harm_after_it() -> None:
    from ketalit.claims.normalise import harm_lessened

    assert harm_lessened(LIMITS, ["psychotomimetic"])
    assert harm_lessened(LIMITED, ["psychotomimetic"]) is None
