"""The claim classifier: a second opinion on the sentences the extraction rules take as claims, trained on the
labelled pages by `bench/claim_classifier.py` and applied at run time in plain Python."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ketalit.claims.check import read_claims
from ketalit.claims.classifier import Classifier, shipped

from conftest import ROOT

PAGES = ROOT / "tests" / "pages"
# p29 (a psychiatry clinic's page on how long ketamine's relief lasts): two sentences the rules take as claims that
# are the page talking about itself and the clinic offering its service (labelled non-claims)
P29 = PAGES / "heldout5" / "p29.txt"
ABOUT_THE_PAGE = "If you are thinking about ketamine therapy and want to know how long its effect lasts, keep reading."
CLINIC_OFFER = "To help you manage chronic pain, the Allied Psychiatry & Mental Health team"


def _bench(name: str):
    """A bench script as a module (the scripts import each other from their folder)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def test_sentences_about_the_page_and_the_clinic_are_set_aside_with_the_classifiers_reason() -> None:
    text = P29.read_text(encoding="utf-8")
    rules_alone = [c.quote for c, _ in read_claims(text, document="029", classifier=None)[0]]
    claims, aside = read_claims(text, document="029")
    kept = [c.quote for c, _ in claims]
    for sentence in (ABOUT_THE_PAGE, CLINIC_OFFER):
        assert any(q.startswith(sentence) for q in rules_alone), "the rules alone take it as a claim"
        assert not any(q.startswith(sentence) for q in kept)
        (cand, why) = next((c, w) for c, w in aside if c.quote.startswith(sentence))
        # the reason names the classifier, how sure it is, and words of the sentence or its heading that weighed most
        assert why.startswith("classifier: non-claim 0.9")
        words = why.split("words: ")[1].split(", ")
        assert words and all(w in f"{cand.heading} {cand.lead_in} {cand.quote}".lower() for w in words)
    # the page's claims the rules found are otherwise kept, with the rules' reasons
    assert len(kept) == len(rules_alone) - len(aside) and all(c.why for c, _ in claims)


def test_a_sentence_the_classifier_is_not_sure_of_keeps_the_rules_verdict() -> None:
    text = P29.read_text(encoding="utf-8")
    model = shipped()
    strict = Classifier(model.claim, drop_at=1.01)  # no probability reaches it: the rules alone
    assert [c.quote for c, _ in read_claims(text, classifier=strict)[0]] == [
        c.quote for c, _ in read_claims(text, classifier=None)[0]
    ]
    assert read_claims(text, classifier=strict)[1] == []


def test_the_plain_python_classifier_scores_as_scikit_learn_does() -> None:
    """Trained with scikit-learn on three pages, exported as the package ships it, applied to a fourth page."""
    learned, trainer = _bench("claims_learned"), _bench("claim_classifier")
    train = [learned.load_page(PAGES / "tuning" / f"{p}.labels.toml") for p in ("p01", "p03", "p05")]
    x = [(u.text, f"{u.heading} | {u.lead}") for p in train for u in p.units]
    y = ["claim" if c else "non-claim" for p in train for c in p.is_claim]
    vecs, lr = trainer._fit(x, y, 10.0)
    head = Classifier.from_dict({"claim": trainer._export(vecs, lr), "drop_at": 0.95}).claim
    test = [(u.text, f"{u.heading} | {u.lead}") for u in learned.load_page(PAGES / "tuning" / "p07.labels.toml").units]
    from scipy.sparse import hstack

    expected = lr.predict_proba(hstack([v.transform([t[i] for t in test]) for i, v in enumerate(vecs)]).tocsr())
    col = list(lr.classes_).index("non-claim")
    got = [head.probabilities(t)["non-claim"] for t in test]
    assert len(test) >= 10
    assert max(abs(g - e[col]) for g, e in zip(got, expected, strict=True)) < 0.005


def test_extracting_claims_imports_no_scikit_learn() -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom ketalit.claims.check import read_claims\n"
        f"claims, aside = read_claims(Path({str(P29)!r}).read_text())\n"
        "assert claims and aside\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.e2e
def test_the_shipped_model_is_what_the_training_script_makes(tmp_path: Path) -> None:
    """Trained again on every labelled page, the model is the one the package ships (training is deterministic)."""
    out = tmp_path / "model.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "claim_classifier.py"), "--write", "--out", str(out)],
        capture_output=True,
        check=True,
        timeout=600,
    )
    made, packaged = (
        json.loads(out.read_text()),
        json.loads((ROOT / "src" / "ketalit" / "data" / "claim_classifier.json").read_text()),
    )
    assert made == packaged
    assert {p.split("/")[0] for p in made["trained_on"]} == {p.name for p in PAGES.iterdir() if p.is_dir()}
