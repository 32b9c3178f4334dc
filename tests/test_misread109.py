"""Round 109 (in-sample, from the seventy-seventh set): "Several countries beyond the United States have used Ketamine
with success against CRPS" was `supported` by trials of ketamine for CRPS; the reviewers call it insufficient, since no
abstract says in which countries it is used with success. Where a claimed effect has been had ("several countries", "in
Europe": [scope] where_used) is a part of an effect claim the records do not check, so such a claim is not supported
(``verdict.unshown_parts``); a history claim of use around the world is read by its parts as before. pages_eval --claims
over the 76 sets: that claim from a wrong supported to insufficient, its label; nothing else moved. ("Worldwide" is left
out: "used worldwide as the standard treatment" is a scope of use, named as such.)
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine for CRPS"
COUNTRIES = "Several countries beyond the United States have used Ketamine with success against CRPS."
# guards: the effect without the place, and a use around the world (history), keep their verdicts
EFFECT = "Ketamine infusions reduce pain in complex regional pain syndrome."
WORLD = "Ketamine is an anaesthetic drug created in the 1960s, and it has been in use around the world ever since."
claims = page_claims_fixture("\n\n".join([TITLE, COUNTRIES, EFFECT, WORLD]), TITLE)


def test_where_an_effect_was_had_is_not_shown_by_trials_of_the_effect(claims: dict[str, dict]) -> None:
    c = claims[COUNTRIES]
    assert c["verdict"] != "supported", c["explanation"]
    assert "several countries" in c["explanation"].lower(), c["explanation"]


def test_the_effect_without_the_place_and_a_use_around_the_world_are_read_as_before(claims: dict[str, dict]) -> None:
    assert "which countries" not in claims[EFFECT]["explanation"], claims[EFFECT]["explanation"]
    assert claims[WORLD]["kind"] == "history", claims[WORLD]["kind"]
    assert "which countries" not in claims[WORLD]["explanation"], claims[WORLD]["explanation"]
