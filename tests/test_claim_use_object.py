"""A statement that doctors use ketamine for something is a statement of its use (kind history), whether the drug is
the subject of a passive "used" or the object of an active one ("Hospitals already use ketamine as a surgical
anaesthetic and as a treatment for depression", "some physicians have used ketamine for complex regional pain
syndrome", "It is currently in use for CRPS"): reviewers label these history, and the engine read them as claims that
it treats what it is used for. Not a warning ("should not use ketamine for"), nor advice on taking it ("use it as
needed, to relieve pain when it comes"), nor a condition ("when it is used in controlled settings")."""

from __future__ import annotations

import pytest

from ketalit.claims.extract import extract_claims
from ketalit.claims.normalise import normalise

HEAD = "Ketamine infusion therapy for chronic pain\n\n"


def _kind(sentence: str) -> tuple[str, str]:
    page = HEAD + sentence + "\n"
    (c,) = [c for c in extract_claims(page) if c.quote == sentence]
    n = normalise(c, page, learned=False)  # the rules' reading (the trained kind model may weigh in after them)
    return n.kind, n.reasons["kind"]


@pytest.mark.parametrize(
    ("sentence", "use"),
    [
        ("Hospitals already use ketamine as a surgical anaesthetic and as a treatment for depression.", True),
        ("Some physicians have used ketamine for complex regional pain syndrome and depression.", True),
        ("It is currently in use for complex regional pain syndrome and for major depressive disorder.", True),
        ("At higher doses doctors also use it as an anesthetic.", True),
        # a warning, advice on taking it, a condition: not its history of use
        ("Patients who have had seizures should not use ketamine for pain.", False),
        ("Keep this inexpensive medication in your pocket and use it as needed, to relieve pain when it comes.", False),
        ("Addiction risk is low when it is used in controlled settings.", False),
    ],
)
def test_the_drug_as_the_object_of_use_is_its_history_of_use(sentence: str, use: bool) -> None:
    kind, why = _kind(sentence)
    assert (kind == "history" and "its use" in why) is use, why
