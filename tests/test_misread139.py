"""Round 139 (in-sample, from the ninety-sixth set): a cream page's "Ketamine put on the skin has a documented record
of success in people with neuropathic pain, both by giving some direct pain relief and by damping pain that the
sympathetic nervous system keeps going" named no route the engine knew ("put on the skin" is not "topical" or
"cream"), so it was weighed on every route's trials and `supported` (the reviewers: no evidence for ketamine on the
skin in neuropathic pain). A drug put, applied or rubbed on or onto the skin is given topically; one given under the
skin, subcutaneously (claim_text.toml [normalise.routes]), as the labellers have read them on every page. Not "through
the skin": a cannula is placed through it too.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Ketamine for nerve pain"
ON_SKIN = "Ketamine applied to the skin relieves neuropathic pain."
RUBBED = "Rubbed onto the skin, ketamine eases pain in one spot."
UNDER = "Ketamine injected under the skin relieves cancer pain."
# guards: a procedure on the skin names no route, nor does a cannula placed through it
CANNULA = "Ketamine given through a small cannula placed through the skin relieves CRPS pain."
BURNS = "Ketamine helps patients with serious burns who need procedures on the injured skin."


def test_a_drug_put_on_the_skin_is_given_topically_and_one_under_it_subcutaneously() -> None:
    r = readings(TITLE, ON_SKIN, RUBBED, UNDER, BURNS, CANNULA)
    assert r[ON_SKIN].routes == ["topical"], r[ON_SKIN].reasons
    assert r[RUBBED].routes == ["topical"], r[RUBBED].reasons
    assert r[UNDER].routes == ["subcutaneous"], r[UNDER].reasons
    assert "topical" not in r[BURNS].routes, r[BURNS].reasons
    assert "topical" not in next(n for q, n in r.items() if "cannula" in q).routes
