"""Round 169 (in-sample, from the hundred-and-thirty-seventh set): "How often side effects happen has nothing to do with
the total amount taken per day" (a provider's forum post on ketamine lozenges) was read as a claim that ketamine causes
side effects and supported on the trials that report them, where the reviewers call it false (side effects rose with
the dose in several trials); "The risk of side effects does not depend on the dose" was read as a denial of the harm.
A harm said not to depend on the dose (data/claim_text.toml dose_independent: "has nothing to do with the ... amount",
"does not depend on the dose", "unrelated to the dose") is now a claim of what the dose does to the harm (dosing),
read before the harm and kept against the trained kind model (claims/normalise.py), so that no record of the harm
occurring, or of its absence, is weighed for or against it.
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

NOTHING = "How often side effects happen has nothing to do with the total amount taken per day."
DEPEND = "The risk of side effects does not depend on the dose."
# guards: a harm said to happen, and one denied, with no word of the dose
CAUSES = "Ketamine can cause hallucinations."
DENIED = "Ketamine does not cause side effects."

TITLE = "Long term safety of sublingual ketamine"


def test_a_harm_said_not_to_depend_on_the_dose_is_a_claim_of_dosing() -> None:
    r = readings(TITLE, NOTHING, DEPEND, CAUSES, DENIED)
    for quote in (NOTHING, DEPEND):
        assert r[quote].kind == "dosing", (quote, r[quote].reasons)
        assert r[quote].direction not in ("causes", "does_not_cause"), (quote, r[quote].direction)
    assert r[CAUSES].kind == "side_effect" and r[CAUSES].direction == "causes", r[CAUSES]
    assert r[DENIED].direction == "does_not_cause", r[DENIED]


claims = page_claims_fixture("\n\n".join([TITLE, NOTHING, DEPEND]), TITLE)


def test_no_record_of_the_harm_endorses_or_refutes_it(claims: dict[str, dict]) -> None:
    for quote in (NOTHING, DEPEND):
        c = claims[quote]
        assert c["verdict"] not in ("supported", "contradicted"), (quote, c["explanation"])
