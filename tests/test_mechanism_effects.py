"""A statement of mechanism that also says what it does for patients (a benefit on an outcome other than pain, a
harm's share of patients, how long it lasts, that it is safe or fast) is not shown by the records that state the
mechanism: the claim is at best ``mixed``, or ``insufficient`` when a span of time no cited sentence states, and the
explanation quotes the words not checked. The false sentences are in ``tests/adversarial/mechfalse25.toml``; here,
rewordings (other outcomes, other mechanisms, other shares and times), the reason each gives, and true claims worded
alike that keep their verdicts (main bb28696)."""

from __future__ import annotations

import pytest

from ketalit.claims.catalogue import Claim
from ketalit.claims.verdict import effect_of_mechanism, unchecked_consequence

from conftest import keeps_its_verdict, make_claim, page_claims_fixture


def _mechanism(text: str) -> Claim:
    return make_claim(text, kind="mechanism", outcomes=[], direction="states", terms=text.lower().rstrip("."))


# each claim, the words its explanation must quote as not checked, and the verdict it may at best have
CAPPED = {
    # a benefit on an outcome other than pain
    "By blocking NMDA receptors, ketamine sharpens memory.": ("sharpens memory", "mixed"),
    "Ketamine improves concentration by blocking NMDA receptors.": ("improves concentration", "mixed"),
    "Because it blocks NMDA receptors, ketamine gives patients better sleep.": ("better sleep", "mixed"),
    "Ketamine's action on opioid receptors lifts mood.": ("lifts mood", "mixed"),
    # how many patients
    "Ketamine produces hallucinations in all patients by blocking NMDA receptors.": ("in all patients", "mixed"),
    "Ketamine blocks NMDA receptors and so sedates every patient.": ("every patient", "mixed"),
    "Ketamine works for everyone because it blocks NMDA receptors.": ("everyone", "mixed"),
    # how long
    "By blocking NMDA receptors, ketamine causes confusion for a whole week.": ("for a whole week", "insufficient"),
    "Ketamine keeps patients sedated for 48 hours by blocking NMDA receptors.": ("48 hours", "insufficient"),
    # safe, spares dependence, protects, shortens a stay, fast, how patients feel
    "Ketamine is completely safe because it blocks NMDA receptors rather than opioid receptors.": (
        "completely safe",
        "mixed",
    ),
    "Ketamine prevents addiction by blocking NMDA receptors.": ("prevents addiction", "mixed"),
    "Ketamine blocks NMDA receptors, which protects the brain from damage.": ("protects the brain", "mixed"),
    "Ketamine blocks NMDA receptors, which shortens hospital stays.": ("shortens hospital stays", "mixed"),
    "Ketamine blocks NMDA receptors and works within seconds.": ("works within seconds", "mixed"),
    "Ketamine works faster than antidepressants because it blocks NMDA receptors.": ("works faster than", "mixed"),
    "Ketamine makes patients calmer by blocking NMDA receptors.": ("makes patients calmer", "mixed"),
    "Ketamine strengthens the immune system by blocking NMDA receptors.": ("strengthens the immun", "mixed"),
    # whatever else the half joined to the mechanism says, when it names nothing a mechanism statement is about
    "Ketamine lowers blood sugar by blocking NMDA receptors.": ("Ketamine lowers blood sugar", "mixed"),
    "Ketamine blocks NMDA receptors, which is why it has no hangover.": ("it has no hangover", "mixed"),
    "Ketamine blocks NMDA receptors, which helps patients lose weight.": ("patients lose weight", "mixed"),
    "Ketamine rebuilds the brain by blocking NMDA receptors.": ("Ketamine rebuilds the brain", "mixed"),
    "Ketamine blocks NMDA receptors, which is why it works when nothing else has.": (
        "works when nothing else",
        "mixed",
    ),
    "Ketamine blocks NMDA receptors, and the benefit lasts a lifetime.": ("lifetime", "insufficient"),
    # every other drug, every patient
    "Ketamine is the only drug that blocks NMDA receptors.": ("the only drug", "mixed"),
    "Ketamine blocks NMDA receptors more strongly than any other drug.": ("than any other drug", "mixed"),
    "NMDA blockade by ketamine guarantees relief.": ("guarantees", "mixed"),
}

# true claims worded near them: each keeps its verdict (main bb28696)
NEAR_MISSES = {
    "Ketamine is an NMDA receptor antagonist.": "supported",
    "Ketamine blocks NMDA receptors and reduces central sensitization.": "supported",
    "Ketamine can cause sedation.": "supported",
    "Ketamine can cause drowsiness.": "supported",
    "Ketamine relieves pain by blocking NMDA receptors.": "supported",
    "Ketamine blocks NMDA receptors in the spinal cord.": "supported",
    "Ketamine is a dissociative anesthetic that blocks NMDA receptors.": "supported",
    "Ketamine blocks NMDA receptors, which are involved in memory and learning.": "supported",
    "Ketamine reduces central sensitization by blocking NMDA receptors.": "supported",
    "Ketamine has sedative, pain-relieving and amnesic effects, and it acts by blocking NMDA receptors.": "supported",
}

PAGE = "How ketamine works on the brain\n\n" + "\n\n".join([*CAPPED, *NEAR_MISSES]) + "\n"

claims = page_claims_fixture(PAGE, "How ketamine works on the brain")

test_a_true_claim_worded_near_a_capped_one_keeps_its_verdict = keeps_its_verdict(NEAR_MISSES)


@pytest.mark.parametrize("quote", sorted(CAPPED))
def test_a_mechanism_that_says_what_it_does_for_patients_is_capped_and_says_which_words(
    claims: dict[str, dict], quote: str
) -> None:
    words, verdict = CAPPED[quote]
    assert quote in claims, sorted(claims)
    got = claims[quote]
    assert got["verdict"] != "supported", got["explanation"]
    assert (
        got["verdict"] in ("mixed", "insufficient", "contradicted", "no_evidence")
        if verdict == "mixed"
        else (got["verdict"] in ("insufficient", "contradicted", "no_evidence"))
    ), got["explanation"]
    assert words in got["explanation"], got["explanation"]
    reasons = ("not checked", "not established", "no sentence cited for it states")
    assert any(r in got["explanation"] for r in reasons), got["explanation"]


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        ("Ketamine improves memory by acting on NMDA receptors.", "improves memory"),
        ("Ketamine enhances focus through its action on glutamate.", "enhances focus"),
        ("Thanks to its effect on NMDA receptors, memory improves after ketamine.", "memory improves"),
        ("Ketamine boosts energy by increasing BDNF.", "boosts energy"),
        ("Ketamine causes memory loss in every patient by blocking NMDA receptors.", "in every patient"),
        ("Ketamine blocks NMDA receptors, which causes dissociation in everyone who receives it.", "everyone"),
        ("By acting on glutamate, ketamine causes nausea in every single patient.", "in every single patient"),
        ("Ketamine is harmless because it acts on NMDA receptors.", "harmless"),
        ("Because it blocks NMDA receptors, ketamine lowers the risk of addiction.", "lowers the risk of addiction"),
        ("Ketamine takes effect within minutes because it blocks NMDA receptors.", "takes effect within minutes"),
    ],
)
def test_the_effect_of_a_mechanism_is_read_in_other_words(quote: str, said: str) -> None:
    assert effect_of_mechanism(_mechanism(quote)) == said


@pytest.mark.parametrize(
    "quote",
    [
        "Ketamine blocks NMDA receptors, which are involved in memory and learning.",  # what the receptor does
        "Ketamine improves NMDA receptor function in memory circuits.",  # the verb acts on the receptor
        "Ketamine is a dissociative anesthetic that blocks NMDA receptors.",
        "Ketamine is given in a safe dose range to block NMDA receptors.",  # a dose, not a claim of safety
        "Ketamine blocks NMDA receptors in all parts of the spinal cord.",  # all of a place, not of the patients
        "Ketamine protects nerve cells from glutamate by blocking NMDA receptors.",  # a mechanism of its own
    ],
)
def test_a_mechanism_that_names_such_words_in_passing_claims_no_effect(quote: str) -> None:
    assert effect_of_mechanism(_mechanism(quote)) == ""


def test_a_span_of_time_a_mechanism_is_said_to_last_needs_a_sentence_that_says_it_lasts(
    claims: dict[str, dict],
) -> None:
    why = claims["By blocking NMDA receptors, ketamine causes confusion for a whole week."]["explanation"]
    assert "'for a whole week' (that the change lasts" in why


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        ("Ketamine raises blood sugar by blocking NMDA receptors.", "Ketamine raises blood sugar"),
        ("By acting on glutamate receptors, ketamine clears the skin.", "ketamine clears the skin"),
        ("Ketamine blocks NMDA receptors, so patients stay slim.", "patients stay slim"),
        ("Ketamine blocks NMDA receptors, which means no hangover the next day.", "no hangover the next day"),
        ("Ketamine blocks NMDA receptors, which lets patients return to work.", "patients return to work"),
    ],
)
def test_what_the_mechanism_is_said_to_do_is_read_from_the_half_that_names_no_target(quote: str, said: str) -> None:
    assert said in unchecked_consequence(_mechanism(quote))


@pytest.mark.parametrize(
    "quote",
    [
        "Ketamine relieves pain by blocking NMDA receptors.",  # pain: what the mechanism statements are about
        "It acts by blocking the NMDA receptors, the pathways in your brain that carry pain signals.",
        "Ketamine acts by blocking one particular receptor in the brain, the NMDA receptor.",
        "Ketamine has sedative, pain-relieving and amnesic effects, and it acts by blocking NMDA receptors.",
        "Ketamine also appears to attach to NMDA receptors, which likewise carry out important tasks.",  # the receptors
        "The current belief is that ketamine acts by blocking NMDA receptors in the brain.",
        "Ketamine blocks NMDA receptors, which reduces central sensitization.",
    ],
)
def test_a_mechanism_whose_other_half_is_about_the_mechanism_or_pain_claims_nothing_more(quote: str) -> None:
    assert unchecked_consequence(_mechanism(quote)) == ""
