"""Round 63 (in-sample, from the fifty-sixth set): a pharmacy page warns that ketamine may cause a dry mouth, blurred
vision and slurred speech. Said each in a sentence of its own, "Ketamine may cause blurred vision" was supported by
trials whose only words on harms were "adverse events occurred" or "caused intolerable cognitive side effects": the word
"cause" was one of the claim's search terms, and any sentence on harms named it. "Ketamine may cause dry mouth" and "...
slurred speech" were read as benefits with nothing to weigh (not checkable); a verb of causing with no word of a benefit
after it is now a cue of a side effect ([normalise] side_effect_caused in data/claim_text.toml). A sentence that says
ketamine causes a harm the vocabulary has no outcome for is a side effect claim, and only a sentence that names that
harm (or a word of its [harm] synonyms) is direct evidence for it, as for an item of a list of side effects.
"""

from __future__ import annotations

from ketalit.claims.catalogue import Claim
from ketalit.claims.stance import named_harm

from conftest import page_claims_fixture

TITLE = "What the nasal spray can do"
BLURRED = "Ketamine may cause blurred vision."
DRY_MOUTH = "Ketamine may cause dry mouth."
SLURRED = "Ketamine may cause slurred speech."
# guards: harms the vocabulary has outcomes for, which records of those outcomes show
NAUSEA = "Ketamine may cause nausea."
SEDATION = "Ketamine may cause sedation."

claims = page_claims_fixture("\n\n".join([TITLE, BLURRED, DRY_MOUTH, SLURRED, NAUSEA, SEDATION]) + "\n", TITLE)


def test_a_harm_no_record_names_is_not_supported_by_adverse_events_in_general(claims: dict[str, dict]) -> None:
    for quote in (BLURRED, DRY_MOUTH):
        c = claims[quote]
        assert c["kind"] == "side_effect", c
        assert c["verdict"] == "insufficient", c["explanation"]
        assert "[indirect]" in c["explanation"], c["explanation"]
        assert all(e["stance"] != "supports" or e["indirect"] for e in c["evidence"]), c["explanation"]
    # (the trained kind model reads "slurred speech" as the drug's action, which no record states either)
    assert claims[SLURRED]["verdict"] in ("insufficient", "no_evidence"), claims[SLURRED]["explanation"]


def test_a_harm_the_records_measure_is_still_supported(claims: dict[str, dict]) -> None:
    for quote in (NAUSEA, SEDATION):
        assert claims[quote]["verdict"] == "supported", claims[quote]["explanation"]
        assert "[indirect]" not in claims[quote]["explanation"].split("Deciding:")[1].split(";")[0]


def test_the_harm_is_the_words_after_the_verb_of_causing() -> None:
    def claim(quote: str, kind: str = "side_effect") -> Claim:
        return Claim(
            id="000-01", document="000", file="", quote=quote, start=0, end=len(quote), kind=kind, routes=[],
            outcomes=["adverse_events"], settings=[], assertion="", direction="causes",
        )  # fmt: skip

    def named(quote: str, kind: str = "side_effect") -> list[bool]:
        patterns = named_harm(claim(quote, kind))
        return [any(p.search(s) for p in patterns) for s in ("Two patients had blurred vision.", "Nausea occurred.")]

    assert named(BLURRED) == [True, False]
    # a phrase of whom or when after the harm is not the harm; words of degree are not either
    assert named("It can bring on blurred vision in some patients.") == [True, False]
    assert named("Ketamine may cause fairly blurred vision.") == [True, False]
    # side effects in general name no harm: adverse events in general are evidence for them
    assert named_harm(claim("Ketamine can cause side effects.")) == ()
    assert named_harm(claim("Ketamine may cause fairly severe side effects.")) == ()
    # only a claim of a side effect is read so
    assert named_harm(claim(BLURRED, kind="mechanism")) == ()
