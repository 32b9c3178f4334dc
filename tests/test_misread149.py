"""Round 149 (in-sample, over every set to the hundred-and-ninth), two readings found on the hundred-and-ninth set:

- "It is especially valuable in emergencies, because it does not markedly lower breathing or blood pressure" was read
  as an absolute claim that the harm never happens, and contradicted by the reports of airway events. "Not markedly",
  like "not significantly", says how much, not whether: the degree words join [harm] absolute_hedge, and a harm denied
  only in degree joins [harm] slight (data/weighing.toml), so that credible reports of the harm make the claim mixed,
  not contradicted, as for "minimal" or "mild".
- "Ketamine is an anesthetic used during surgery" fell through the rules' cues to the default kind and was read as a
  claim of benefit ("not an empirical statement" on the patient's blog it came from, with no outcome named; a claim of
  safety in the shorter copy below). A sentence that says only what ketamine is, an anaesthetic, is a claim of its
  history (data/claim_text.toml history), weighed on the records that state it.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine in the field"
MARKEDLY = "Ketamine does not markedly lower breathing."
# guard: an absolute denial is still contradicted by the reports of the harm
NEVER = "Ketamine never causes respiratory depression."
ANAESTHETIC = "Ketamine is an anesthetic used during surgery."
claims = page_claims_fixture("\n\n".join([TITLE, MARKEDLY, NEVER]), TITLE)
# as a patient's blog put it, between two sentences of the writer's own infusions
BLOG_TITLE = "A brief interlude"
BLOG = (
    "On Thursday and Friday of last week I received Ketamine infusions in the office of my Doctor. "
    f"{ANAESTHETIC} By the way, it is also well liked on the street as a recreational drug that goes by the name "
    "Special K."
)
blog = page_claims_fixture(
    "\n\n".join([BLOG_TITLE, "Good morning, friends. Today I am feeling better.", BLOG]), BLOG_TITLE
)


def test_not_markedly_says_how_much_not_whether(claims: dict[str, dict]) -> None:
    claim = claims[MARKEDLY]
    assert claim["verdict"] != "contradicted", claim["explanation"]
    assert "absolute claim" not in claim["explanation"]
    never = claims[NEVER]
    assert never["verdict"] == "contradicted", never["explanation"]
    assert "absolute claim" in never["explanation"]


def test_a_sentence_that_says_it_is_an_anaesthetic_is_checked_as_history(blog: dict[str, dict]) -> None:
    claim = blog[ANAESTHETIC]
    assert claim["kind"] == "history", claim
    assert claim["verdict"] == "supported", claim["explanation"]
    assert "used as an anaesthetic" in claim["explanation"]
