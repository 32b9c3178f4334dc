"""Round 151 (in-sample, from the hundred-and-thirteenth set): "Gulur and fellow specialists think ketamine holds
promise as a pain therapy, but caution that it also brings safety and abuse risks" was read as a claim that ketamine is
safe from abuse ("safety" taken as the word of safety, the harm absent) and contradicted by the records of abuse, the
records the sentence itself relies on. Safety risks are a warning of harm (data/claim_text.toml safety_doubted), also
with another risk named between ("safety and abuse risks", "safety and addiction concerns"); denied ("there were no
safety and tolerability issues") they are a claim of safety again.
"""

from __future__ import annotations

from conftest import page_claims_fixture

TITLE = "Ketamine clinics"
RISKS = "Experts caution that ketamine also brings safety and abuse risks."
claims = page_claims_fixture("\n\n".join([TITLE, RISKS]), TITLE)


def test_safety_and_abuse_risks_are_a_warning_of_harm(claims: dict[str, dict]) -> None:
    claim = claims[RISKS]
    assert claim["verdict"] != "contradicted", claim["explanation"]
    assert claim["verdict"] == "supported", claim["explanation"]
