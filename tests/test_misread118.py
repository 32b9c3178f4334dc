"""Round 118 (in-sample, the class of eight wrong `contradicted` left open since the seventy-fifth set, after the
eighty-second): "In contrast with opioids, ketamine does not markedly suppress breathing, so in some medical
situations it is the safer choice" and "Ketamine does not suppress breathing like opioids" were read as absolute
denials of respiratory depression and contradicted on the airway events on record; the reviewers read them against
the opioids they name (mixed, or supported). A harm to breathing denied beside a named drug is now a comparison of the
harm (direction less_harm), weighed on trials against that drug; an absolute denial is read as before.
"""

from __future__ import annotations

from conftest import keeps_its_verdict, page_claims_fixture, readings

TITLE = "Understanding Ketamine: Is it an Opioid?"
CONTRAST = (
    "In contrast with opioids, ketamine does not markedly suppress breathing, so in some medical situations it is the "
    "safer choice."
)
LIKE = "Ketamine does not suppress breathing like opioids, making it a safer alternative for many individuals."
# guards: an absolute denial of respiratory depression is still contradicted; addiction denied beside opioids is
# read as before
ABSOLUTE = "Ketamine does not cause respiratory depression."
NEAR_MISSES = {ABSOLUTE: "contradicted"}
claims = page_claims_fixture("\n\n".join([TITLE, CONTRAST, LIKE, *NEAR_MISSES]), TITLE)
test_an_absolute_denial_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


def test_breathing_kept_beside_opioids_is_a_comparison(claims: dict[str, dict]) -> None:
    r = readings(TITLE, CONTRAST, LIKE, "Unlike opioids, ketamine does not cause addiction.")
    for quote in (CONTRAST, LIKE):
        assert r[quote].direction == "less_harm", (quote, r[quote].reasons)
        assert claims[quote]["verdict"] != "contradicted", claims[quote]["explanation"]
    assert r["Unlike opioids, ketamine does not cause addiction."].direction == "does_not_cause"
