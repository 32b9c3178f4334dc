"""Round 130 (in-sample, from the eighty-seventh set): a clinic's list under "Who Might Ketamine Therapy Help?" ("People
whose nerve (neuropathic) pain is poorly controlled ...", "People disabled by fibromyalgia", ...: fifteen labelled
claims) gave none, for a picture's caption stood on its own line between the question and the list ("Photo: a woman
looking stressed and low") and broke the list from it, and "Who might ... help?" was not read as a heading over the
conditions the treatment helps. A caption on a line of its own is now skipped (claim_text.toml [extract.not_claim]
caption, which already kept it from being a claim), and "who can/might ketamine help" heads a list of conditions as
"what can ketamine help" does.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine Therapy"
HEADING = "Who Might Ketamine Therapy Help?"
CAPTION = "Photo: a woman looking stressed and low"
ITEMS = (
    "People whose nerve (neuropathic) pain is poorly controlled by injections, nerve blocks or prescribed painkillers",
    "People disabled by fibromyalgia",
    "People disabled by other pain in the muscles, bones and joints",
)
# guard: a list under a question of whom it does not suit is no list of what it helps
NOT_HEADING = "Who Should Not Have Ketamine?"
NOT_ITEM = "People with uncontrolled high blood pressure"
# guard: a caption set before a sentence of the page on the same line leaves the sentence to be read
INLINE = "[Image: an infusion chair] Ketamine infusions eased the burning pain of CRPS in two controlled trials."
PAGE = "\n\n".join(
    [
        TITLE,
        HEADING,
        CAPTION + "\n" + "\n".join(f"- {i}" for i in ITEMS),
        NOT_HEADING,
        f"- {NOT_ITEM}",
        INLINE,
    ]
)
claims = page_claims_fixture(PAGE, TITLE)


def test_the_list_under_whom_it_helps_is_read_past_a_caption(claims: dict[str, dict]) -> None:
    for item in ITEMS:
        assert item in claims, sorted(claims)
        assert claims[item]["kind"] == "efficacy", claims[item]
    assert not any(CAPTION in q for q in claims), sorted(claims)
    assert not (NOT_ITEM in claims and claims[NOT_ITEM]["kind"] == "efficacy"), claims.get(NOT_ITEM)
    assert any("eased the burning pain of CRPS" in q for q in claims), sorted(claims)
