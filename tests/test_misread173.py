"""Round 173 (in-sample, from the hundred-and-fortieth set): "A ketamine infusion has become established as a promising
way of treating a range of illnesses, among them chronic pain, depression and addiction" was supported on Morgan 2012's
abuse and dependence with ketamine: the list's last item, 'addiction', was read as a harm ketamine causes, and "help
treat addiction" as one it does not cause (contradicted on the same records). An addiction named among the conditions
it is said to treat is a claim of efficacy on that use disorder: a list of them without a comma before "and"
(data/claim_text.toml dependence_treated), a verb of treating followed by the addiction, and an item of a list whose
lead-in ends "illnesses, among them" or "conditions such as" (conditions_list), the kind kept against the trained
model, which reads "addiction" as a harm (claims/normalise.py).
"""

from __future__ import annotations

from conftest import page_claims_fixture, readings

LISTED = (
    "A ketamine infusion has become established as a promising way of treating a range of illnesses, among them "
    "chronic pain, depression and addiction."
)
TREATS = "Ketamine can help treat addiction."
# guards: addiction ketamine is said to cause, or not to cause, is read as before
CAUSES = "Taken too often, ketamine can lead to addiction."
DENIED = "Ketamine does not cause addiction at the doses used for pain."

TITLE = "Ketamine infusion"


def test_an_addiction_it_treats_is_efficacy() -> None:
    r = readings(TITLE, TREATS, CAUSES, DENIED)
    assert r[TREATS].kind == "efficacy", r[TREATS].reasons
    assert r[CAUSES].kind == "dependence" and r[CAUSES].polarity == "positive", r[CAUSES].reasons
    assert r[DENIED].kind == "dependence" and r[DENIED].polarity == "negative", r[DENIED].reasons


claims = page_claims_fixture("\n\n".join([TITLE, LISTED, TREATS]), TITLE)


def test_records_of_abuse_do_not_support_a_treatment_of_addiction(claims: dict[str, dict]) -> None:
    c = claims[LISTED]
    assert c["verdict"] != "supported", c["explanation"]
    item = next(p for p in c["parts"] if p["quote"] == "addiction")
    assert item["kind"] == "efficacy" and item["verdict"] != "supported", item["explanation"]


def test_records_of_abuse_do_not_contradict_a_treatment_of_addiction(claims: dict[str, dict]) -> None:
    assert claims[TREATS]["verdict"] != "contradicted", claims[TREATS]["explanation"]
