"""The trained kind model (`ketalit.claims.kind_model`): where the rules give a real page's claim the wrong kind, the
model's kind replaces theirs and says why (probability, the rules' kind, the words that weighed most); its weights
ship in the package and load without the network; a person's review of a claim is never overruled by it."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from ketalit.claims import kind_model
from ketalit.claims.check import check_page, page_claims
from ketalit.claims.review import accept_claim
from ketalit.library import Library

from conftest import ROOT, run_cli

HELDOUT8 = ROOT / "tests" / "pages" / "heldout8"

# Sentences of real clinic pages whose labelled kind the rules miss (the rules' kind, the labelled kind).
WRONG_BY_THE_RULES = [
    ("p46", "The treatment can be repeated when needed, usually every few weeks or months.", "efficacy", "dosing"),
    (
        "p46",
        "When it blocks this receptor, ketamine can reduce the feeling of pain effectively.",
        "efficacy",
        "mechanism",
    ),
    ("p45", "Ketamine therapy is different, and it has given people lasting results.", "efficacy", "duration"),
]


def _kinds(page: str, learned: bool) -> dict[str, tuple[str, str]]:
    text = (HELDOUT8 / f"{page}.txt").read_text(encoding="utf-8")
    return {c.quote: (n.kind, n.reasons["kind"]) for c, n in page_claims(text, document=page, learned=learned)}


@pytest.mark.parametrize(("page", "quote", "rules", "label"), WRONG_BY_THE_RULES)
def test_the_model_gives_the_labelled_kind_where_the_rules_do_not(page: str, quote: str, rules: str, label: str):
    assert _kinds(page, learned=False)[quote][0] == rules  # what the rules alone say (the labels say otherwise)
    kind, reason = _kinds(page, learned=True)[quote]
    assert kind == label
    assert reason.startswith(kind_model.LEARNED_KIND)
    assert f"the rules said {rules}" in reason
    probability = float(reason.split("at probability ")[1].split(";")[0])
    assert 0.5 <= probability <= 1
    words = reason.split("words that weighed most: ")[1].split(" (")[0]
    assert words and all(w.strip(" '") in quote for w in words.split(", "))


def test_check_json_carries_the_models_reason(tmp_path: Path, runner):
    library = Library.init(tmp_path / "lib").root
    page = tmp_path / "p46.txt"
    shutil.copy(HELDOUT8 / "p46.txt", page)
    result = run_cli(runner, library, "check", str(page), "--json")
    assert result.exit_code == 0, result.output
    claims = {c["quote"]: c for c in json.loads(result.output)["claims"]}
    claim = claims[WRONG_BY_THE_RULES[0][1]]
    assert claim["kind"] == "dosing"
    assert claim["kind_reason"].startswith(f"{kind_model.LEARNED_KIND}: dosing at probability ")
    assert "the rules said efficacy" in claim["kind_reason"]
    assert "words that weighed most" in claim["kind_reason"]


def test_weights_ship_in_the_package_and_load_without_the_network(monkeypatch: pytest.MonkeyPatch):
    from ketalit import semantic

    assert kind_model.WEIGHTS.is_file()
    assert kind_model.WEIGHTS.parent == Path(kind_model.__file__).resolve().parent.parent / "data"

    def no_network(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    kind_model._weights.cache_clear()
    semantic.model.cache_clear()
    try:
        reading = kind_model.read_kind(WRONG_BY_THE_RULES[0][1], rule_kind="efficacy")
    finally:
        kind_model._weights.cache_clear()
        semantic.model.cache_clear()
    assert reading is not None and reading.kind == "dosing"


def test_a_reviewed_claim_keeps_the_kind_its_reviewer_saw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Checked once with the rules alone and reviewed, then checked again with the model: the claim keeps its kind."""
    lib = Library.init(tmp_path / "lib")
    data = (HELDOUT8 / "p46.txt").read_bytes()
    quote = WRONG_BY_THE_RULES[0][1]
    monkeypatch.setattr(kind_model, "_weights", lambda: None)  # as before the model shipped
    first = check_page(lib, data, name="p46.txt")
    claim = next(c for c in first.claims if c["quote"] == quote)
    assert claim["kind"] == "efficacy"
    accept_claim(lib, claim["id"], note="read by a person")
    unreviewed = next(c for c in first.claims if c["quote"] == WRONG_BY_THE_RULES[1][1])
    monkeypatch.undo()
    again = {c["id"]: c for c in check_page(lib, data, name="p46.txt").claims}
    assert again[claim["id"]]["kind"] == "efficacy"
    assert again[unreviewed["id"]]["kind"] == "mechanism"  # a claim nobody reviewed takes the model's kind
