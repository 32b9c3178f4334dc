"""Whom a sentence is about: an "it", "its", "this" or "these" refers to ketamine only when the subject before it (of
the sentence before, of the list's lead-in, or the heading over the section) is ketamine; a bare "treatment" is
ketamine's only in a section that names ketamine; a list under a lead-in whose subject is the disease is the
disease's; a two-level list under a heading that names ketamine and the conditions it treats has the condition lines
as its items. Each rule is tried on the sentences of the clinic pages that showed it (tests/pages/heldout9 and
heldout10) and on rewordings of them the way another clinic might write them: other verbs, another order, a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketalit.claims.extract import extract_claims

from conftest import ROOT

PAGES = ROOT / "tests" / "pages"


def _quotes(text: str) -> list[str]:
    return [c.quote for c in extract_claims(text, "t")]


def _page_quotes(name: str) -> list[str]:
    path: Path = next(PAGES.glob(f"*/{name}.txt"))
    return _quotes(path.read_text(encoding="utf-8"))


def _taken(quotes: list[str], words: str) -> bool:
    return any(words in q for q in quotes)


HEAD = "Ketamine Infusions for Chronic Pain\n\n"


@pytest.mark.parametrize(
    ("page", "words"),
    [
        # "It" / "it" is the disease, the brain or the study named by the subject before it
        ("p55", "Although it was once thought to be a psychological problem"),
        ("p55", "It frequently starts a few days after the amputation"),
        ("p55", "It starts within the first few days after amputation"),
        ("p56", "your brain in effect starts to treat it as normal"),
        ("p56", "It then enlists the sympathetic nervous system"),
        ("p59", "Shingles results when the varicella-zoster virus becomes active again"),
        # "these" are the standard drugs of the sentence before
        ("p59", "Yet these do not give every patient adequate relief"),
        # the items of a lead-in whose subject is the disease ("Chronic pain involves ...:")
        ("p57", "NMDA receptor upregulation: additional pain receptors develop"),
        ("p57", "Altered pain processing: the brain magnifies pain signals"),
        # a bare "treatment" in a section on the disease
        ("p58", "Either way, treatment is much the same."),
        # a subtype under a condition line
        ("p57", "Treatment-refractory migraines"),
    ],
)
def test_sentences_about_the_disease_the_brain_or_a_study_are_not_claims(page: str, words: str) -> None:
    """heldout10: each was taken because a pronoun anywhere near it, the word "treatment" or the heading was read as
    ketamine, and four of them were then called supported."""
    assert not _taken(_page_quotes(page), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the disease as the subject before "It", said three ways
        (
            HEAD + "Phantom limb pain is pain felt in a limb that is gone. It often begins within days of surgery.\n",
            "It",
        ),
        (HEAD + "Post-herpetic neuralgia follows shingles. It can last for months and rarely resolves alone.\n", "It"),
        (
            HEAD + "Shingles comes back when an old virus wakes up, and it usually causes a painful rash for weeks.\n",
            "it",
        ),
        # the brain as the subject of the sentence that holds "it"
        (
            HEAD + "When pain never stops, the nervous system learns to treat it as normal and amplifies signals.\n",
            "it",
        ),
        # a study as the subject before "It" (the study's own report, under a heading on ketamine, may be a claim)
        (HEAD + "A 2019 trial at a hospital reported encouraging results. It followed 40 patients for weeks.\n", "It "),
        (HEAD + "One recent review looked at eleven trials. It found that relief faded within two weeks.\n", "It "),
        # other drugs before "these" / "they"
        (
            HEAD + "Standard nerve pain drugs include gabapentin and amitriptyline. Yet these leave many patients with "
            "little relief.\n",
            "these",
        ),
        (
            HEAD + "Most doctors start with anticonvulsants and antidepressants. These often bring side effects.\n",
            "These",
        ),
    ],
)
def test_it_or_these_after_another_subject_is_not_ketamine(text: str, words: str) -> None:
    """Rewordings of heldout10's sentences: a pronoun or demonstrative subject takes the subject of the sentence
    before (the disease, a study, other drugs), and one after a subject that is some other single thing is that
    thing. The heading naming ketamine does not change whom they are about."""
    assert not any(words in q for q in _quotes(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (HEAD + "Ketamine is an anaesthetic. It relieves nerve pain within hours.\n", "It relieves nerve pain"),
        # a subject that cannot be "it" (people): "it" is the ketamine named in the sentence before
        (HEAD + "Doctors have given ketamine for decades. It is safe at low doses.\n", "It is safe at low doses"),
        (HEAD + "Hospitals have used ketamine since 1970. Most patients call it a pleasant experience.\n", "call it"),
        # ketamine named earlier in the same sentence
        (HEAD + "Pain can be stubborn.\n\nWhile ketamine is potent, it is well tolerated by most patients.\n", "it is"),
        # a chain of "It" subjects after ketamine
        (
            HEAD + "Ketamine is an old drug. It blocks NMDA receptors. It also eases depression within a day.\n",
            "It also eases depression",
        ),
        # a demonstrative subject after a sentence whose subject is the drug (heldout9 p49's form)
        (
            HEAD + "Given through a vein, this medicine may block pain receptors. That may help calm chronic pain.\n",
            "That may help calm chronic pain",
        ),
    ],
)
def test_it_after_a_sentence_about_ketamine_is_ketamine(text: str, words: str) -> None:
    assert _taken(_quotes(text), words)


def test_the_sentences_that_refer_to_ketamine_by_it_stay_claims_on_the_pages() -> None:
    """The matched claims of heldout10 and heldout9 that rely on a pronoun or "that" keep being found."""
    assert _taken(_page_quotes("p54"), "It fights pain by working against one particular chemical receptor")
    assert _taken(_page_quotes("p56"), "The way it treats this kind of pain, however, is by blocking")
    assert _taken(_page_quotes("p59"), "Its use has gradually spread past anesthesia")
    assert _taken(_page_quotes("p49"), "That may help to calm or lessen chronic pain.")
    assert _taken(_page_quotes("p50"), "Not everyone responds.")


@pytest.mark.parametrize(
    "text",
    [
        HEAD
        + "What is CRPS?\n\nCRPS is a chronic pain condition of one limb. Either way, treatment is much the same.\n",
        HEAD + "About migraine\n\nMigraine runs in families. Treatment usually starts with rest and fluids.\n",
        HEAD + "CRPS types\n\nThere are two types of CRPS. In both, the treatment is similar at first.\n",
    ],
)
def test_a_bare_treatment_in_a_section_that_does_not_name_ketamine_is_not_ketamine(text: str) -> None:
    assert _quotes(text) == []


def test_a_bare_treatment_in_a_section_on_ketamine_stays_ketamine() -> None:
    text = "Ketamine infusion therapy\n\nKetamine is given by a drip. The treatment relieves pain within hours.\n"
    assert _taken(_quotes(text), "The treatment relieves pain within hours.")


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "Chronic pain involves central sensitization:\n- Overactive pain signals\n- The brain magnifies pain\n",
        HEAD + "A nerve injury often brings on:\n- Burning pain in the feet\n- Numbness that spreads up the leg\n",
        HEAD + "Migraine attacks tend to involve:\n- Throbbing pain on one side\n- Nausea and sensitivity to light\n",
        HEAD + "CRPS is usually caused by:\n- A fracture or sprain that damages nerves\n- Surgery on a limb\n",
        HEAD + "Other features of phantom limb pain include:\n- It starts within days of the amputation\n"
        "- It is felt in the missing hand or foot\n",
    ],
)
def test_the_items_of_a_lead_in_about_the_disease_are_the_diseases(text: str) -> None:
    """(c): a lead-in whose subject is the disease, its symptoms or its causes makes its items the disease's, whatever
    the heading above names."""
    assert _quotes(text) == []


def test_the_items_of_a_lead_in_about_ketamine_stay_claims() -> None:
    text = HEAD + "Ketamine may help with:\n- Nerve pain after shingles\n- Fibromyalgia flares\n"
    assert _quotes(text) == ["Nerve pain after shingles", "Fibromyalgia flares"]


def test_the_condition_lines_of_a_two_level_list_are_its_items() -> None:
    """heldout10 p57: under "Types of Chronic Pain Ketamine Can Treat" each condition line has its own bullets, and was
    read as a sub-heading; the six conditions are claims that ketamine treats them, their bullets subtypes."""
    quotes = _page_quotes("p57")
    for line in (
        "Neuropathic Pain (nerve damage)",
        "Complex Regional Pain Syndrome (CRPS)",
        "Fibromyalgia",
        "Central Pain Syndromes",
        "Chronic Headache/Migraine",
        "Failed Back Surgery Syndrome",
    ):
        assert line in quotes
    for sub in ("Diabetic neuropathy", "Type I (no confirmed nerve damage)", "Cluster headaches"):
        assert sub not in quotes


@pytest.mark.parametrize(
    "text",
    [
        "Conditions Ketamine Can Treat\n\nMigraine\n- Chronic migraine\n- Cluster headache\nFibromyalgia\n"
        "- Widespread pain\n- Fatigue\n",
        "What Ketamine Infusions Treat: Pain Conditions Ketamine Helps\nNerve Pain\n- Diabetic neuropathy\n"
        "CRPS\n- Type I\n- Type II\n",
        "Kinds of Chronic Pain Ketamine Relieves\n\nArthritis Pain\n- Knee\n- Hip\n\nPhantom Limb Pain\n- After "
        "amputation\n",
    ],
)
def test_a_two_level_list_reworded(text: str) -> None:
    quotes = _quotes(text)
    assert len(quotes) == 2, quotes
    assert not any(q.startswith(("Chronic migraine", "Diabetic", "Knee", "Type I")) for q in quotes)


def test_headings_with_their_own_bullets_after_a_conditions_list_stay_headings() -> None:
    """tuning p05: "Conditions Ketamine Infusion Is Used For" has its own one-level list; "How the Infusion Works"
    and "Before the Infusion" after it are section headings over their bullets, not conditions."""
    quotes = _page_quotes("p05")
    assert "How the Infusion Works" not in quotes and "Before the Infusion" not in quotes
    assert _taken(quotes, "Changes the pathways involved in pain perception and mood regulation")
