"""Round 116 (in-sample, from the eightieth set): "No, it is not an opioid" (under "Is Ketamine an Opioid?") was read by
the trained kind model as a claim about addiction (dependence, at probability 0.33, against the rules' mechanism) and
contradicted on records of dependence; the reviewers call it supported. A harm kind the model gives below even odds to
a sentence that names no harm is not taken ("Ketamine is not a controlled substance"); a negation ("No", "not")
counted as naming one. It no longer does (``normalise.harm_read_from(..., named_only=True)``): the sentence keeps the
rules' kind.
"""

from __future__ import annotations

from conftest import readings

TITLE = "Is Ketamine an Opioid?"
NOT_OPIOID = "No, it is not an opioid."
# guard: a harm said not to happen is still a harm kind
NO_ADDICTION = "Ketamine carries no risk of addiction."


def test_a_drug_class_denied_is_no_claim_about_addiction() -> None:
    r = readings(TITLE, "Ketamine is a dissociative anaesthetic.", NOT_OPIOID, NO_ADDICTION)
    assert r[NOT_OPIOID].kind == "mechanism", r[NOT_OPIOID].reasons
    assert r[NO_ADDICTION].kind == "dependence", r[NO_ADDICTION].reasons
