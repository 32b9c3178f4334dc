"""Round 143 (in-sample, from the ninety-eighth set): a clinic post's "Fortunately, ketamine is indeed an NMDAR blocker"
(the reviewers: supported, as many reviews in the library say) came out `insufficient`: "NMDAR" was no name the
part "acts on the NMDA receptor" knew, and as a name of its own ("NMDAR") only a sentence that wrote it so could
state the claim (one narrative review). A name written with an "R" after it for its receptor is the name of what the
receptor is named by: the claim is the part's, and "NMDA receptor antagonist" states it (weighing.toml
[[textbook.parts]] claim, claims/weighing.py claim_names); and it names a mechanism, which on a page about chronic
pain it was not read as (claim_text.toml mechanism_strong).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

TITLE = "Ketamine for chronic pain"
NMDAR = "Fortunately, ketamine is indeed an NMDAR blocker."
# guard: a receptor the library's abstracts do not say ketamine blocks is still not stated by those that name NMDA
AMPAR = "Ketamine is an AMPAR blocker."
claims = page_claims_fixture("\n\n".join([TITLE, NMDAR, AMPAR]), TITLE)


def test_a_receptor_written_with_an_r_is_named_by_its_stem(claims: dict[str, dict]) -> None:
    from ketalit.claims.weighing import claim_names

    assert claim_names(NMDAR) == ("NMDA",)
    assert claims[NMDAR]["verdict"] == "supported", claims[NMDAR]["explanation"]
    assert claims[AMPAR]["verdict"] != "supported", claims[AMPAR]["explanation"]
    r = readings("Treating Chronic Pain with Ketamine", NMDAR)
    assert r[NMDAR].kind == "mechanism", r[NMDAR].reasons
