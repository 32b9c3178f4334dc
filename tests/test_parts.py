"""A sentence that makes several claims is checked part by part (claims/parts.py): "IV ketamine works within minutes,
has no respiratory depression and relief lasts for months" is three claims, each linked on its own, and the sentence
holds only as far as every part does (verdict.conjunction). Sentences that are one claim stay whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomllib

from ketalit.claims.catalogue import load_catalogue
from ketalit.claims.check import check_page
from ketalit.claims.verdict import conjunction
from ketalit.errors import BadInput
from ketalit.library import Library

from conftest import page_claims_fixture, readings

TITLE = "IV ketamine for pain"
THREE = "IV ketamine works within minutes, has no respiratory depression and relief lasts for months."
TWO = "Ketamine relieves pain and improves mood."
# one claim each: a mechanism joined to an effect (its verdict is capped, the words it leaves named), a verb in a
# clause of reason, a subject that opens a relative clause, a subject that is not ketamine
WHOLE = (
    "Ketamine blocks NMDA receptors and works within seconds.",
    "Ketamine works well as a surgical drug because it sedates, causes short-lived memory loss, and relieves pain.",
    "Ketamine, which was approved in 1970, is safe and works quickly.",
    "That effect depends on dose and usually does not happen at the doses we give.",
)


def test_the_parts_of_a_sentence_are_its_own_words_each_read_on_its_own() -> None:
    r = readings(TITLE, THREE, TWO)
    parts = r[THREE].parts
    assert [p["quote"] for p in parts] == [
        "IV ketamine works within minutes",
        "has no respiratory depression",
        "relief lasts for months",
    ]
    assert [p["kind"] for p in parts] == ["onset", "safety", "duration"], parts
    # a part that leaves out the subject is read with it, and quotes the page's words at their offsets
    assert parts[1]["lead_in"] == "IV ketamine" and "lead_in" not in parts[2]
    page = "\n\n".join([TITLE, THREE, TWO]) + "\n"
    for p in parts:
        assert page[p["start"] : p["end"]] == p["quote"]
        if "lead_in" in p:
            assert page[p["lead_start"] : p["lead_end"]] == p["lead_in"]
    assert [(p["kind"], p["outcomes"]) for p in r[TWO].parts] == [
        ("efficacy", ["pain_intensity"]),
        ("efficacy", ["mood"]),
    ]


@pytest.mark.parametrize("quote", WHOLE)
def test_a_sentence_that_is_one_claim_is_not_cut(quote: str) -> None:
    r = readings(TITLE, quote)
    assert quote in r, sorted(r)
    assert r[quote].parts == [], r[quote].parts


def test_a_sentence_holds_only_as_far_as_each_part() -> None:
    assert conjunction([("a", "supported", ""), ("b", "contradicted", "")])[0] == "contradicted"
    assert conjunction([("a", "supported", ""), ("b", "mixed", ""), ("c", "insufficient", "")])[0] == "insufficient"
    assert conjunction([("a", "supported", ""), ("b", "supported", "")])[0] == "supported"
    assert conjunction([("a", "supported", ""), ("b", "not_checkable", "")])[0] == "supported"
    v, why = conjunction([("works within minutes", "supported", "S."), ("lasts for months", "mixed", "M.")])
    assert v == "mixed"
    assert "2 claims" in why and "Part 1, 'works within minutes': S." in why and "Part 2, 'lasts for months': M." in why


claims = page_claims_fixture("\n\n".join([TITLE, THREE]) + "\n", TITLE)


def test_each_part_is_linked_and_the_false_one_decides(claims: dict[str, dict]) -> None:
    c = claims[THREE]
    verdicts = {p["quote"]: p["verdict"] for p in c["parts"]}
    # relief within minutes is what the emergency trials show; "no respiratory depression" is an absolute denial that
    # reports of airway events contradict
    assert verdicts["IV ketamine works within minutes"] == "supported", c["parts"][0]["explanation"]
    assert verdicts["has no respiratory depression"] == "contradicted", c["parts"][1]["explanation"]
    assert c["verdict"] == "contradicted", c["explanation"]
    assert "the sentence makes 3 claims" in c["explanation"]
    assert "Part 2, 'IV ketamine has no respiratory depression': Contradicted" in c["explanation"]
    # the records cited are each part's, each said to be for its part
    assert c["evidence"] and all(e["why"].startswith("for part ") for e in c["evidence"])


def test_the_catalogue_keeps_the_parts_and_checks_their_words(records_only_template: Path, tmp_path: Path) -> None:
    root = tmp_path / "library"
    shutil.copytree(records_only_template, root, ignore=shutil.ignore_patterns("*.lock"))
    page = "\n\n".join([TITLE, THREE]) + "\n"
    check_page(Library.open(root), page.encode(), "page.txt", title=TITLE)
    (claim,) = load_catalogue(root)
    assert [p.quote for p in claim.parts] == [
        "IV ketamine works within minutes",
        "has no respiratory depression",
        "relief lasts for months",
    ]
    assert [p.id for p in claim.parts] == [f"{claim.id}.1", f"{claim.id}.2", f"{claim.id}.3"]
    # checked again, the page keeps its claim and its parts
    again = check_page(Library.open(root), page.encode(), "page.txt", title=TITLE)
    assert again.kept == 1 and again.new == 0
    assert [p["quote"] for p in again.claims[0]["parts"]] == [p.quote for p in claim.parts]
    # a part whose words are not at its offsets is an error, as a claim's are
    path = root / "claims.toml"
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    start = data["claim"][0]["parts"][2]["start"]
    path.write_text(text.replace(f"start = {start}\n", f"start = {start + 1}\n"), encoding="utf-8")
    with pytest.raises(BadInput, match=r"part 000-01\.3"):
        load_catalogue(root)


def test_a_person_who_edits_the_sentence_replaces_its_parts(records_only_template: Path, tmp_path: Path) -> None:
    from ketalit.claims.review import edit_claim

    root = tmp_path / "library"
    shutil.copytree(records_only_template, root, ignore=shutil.ignore_patterns("*.lock"))
    page = "\n\n".join([TITLE, THREE]) + "\n"
    checked = check_page(Library.open(root), page.encode(), "page.txt", title=TITLE)
    cid = checked.claims[0]["id"]
    assert checked.claims[0]["parts"]
    edit_claim(Library.open(root), cid, {"kind": "onset"}, note="only the onset is claimed here", reviewer="tester")
    row = next(r for r in Library.open(root).table("claims").all() if r["id"] == cid)
    assert "parts" not in row and "the sentence makes" not in row["explanation"], row["explanation"]
