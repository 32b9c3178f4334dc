"""A claim that patients need fewer of the drugs they take for pain ("cut down on their pain medication", "reduce
their use of painkillers", "the need for analgesics") is a claim of opioid sparing, weighed on the records of
analgesic consumption; the words "pain medication" do not make it a claim that pain is relieved (before, it was
weighed on trials of pain intensity: a labelled claim of the sixth set). Nor does the condition or the group of
patients the sparing is claimed for ("helps chronic pain patients reduce their opioid use"). A claim of both, in
words of relief ("reduces pain and opioid use"), keeps both."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page
from ketalit.library import Library
from test_claim_reassurance import _read as read_claim

HEAD = "Ketamine infusion therapy for chronic pain\n\n"


def _outcomes(sentence: str) -> list[str]:
    return read_claim(sentence, HEAD).outcomes


@pytest.mark.parametrize(
    "sentence",
    [
        "It may also be used to help people cut down on their pain medication.",
        "Ketamine helps patients reduce their use of painkillers.",
        "Many patients are able to lower their dose of pain medications after ketamine.",
        "Ketamine reduces the need for analgesics after surgery.",
    ],
)
def test_fewer_drugs_for_pain_is_opioid_sparing_not_pain_relief(sentence: str) -> None:
    assert _outcomes(sentence) == ["opioid_consumption"]


@pytest.mark.parametrize(
    ("sentence", "outcomes"),
    [
        ("Ketamine reduces pain and the need for painkillers.", ["pain_intensity", "opioid_consumption"]),
        ("Ketamine reduces pain and opioid use.", ["pain_intensity", "opioid_consumption"]),
        ("Ketamine has strong analgesic effects and lowers pain scores.", ["pain_intensity"]),
        ("Ketamine works when other pain medications have failed.", ["pain_intensity"]),
        ("Ketamine lowers the risk of becoming dependent on painkillers.", ["abuse_dependence"]),
        ("Ketamine eases your pain so you can reduce opioids.", ["pain_intensity", "opioid_consumption"]),
        ("Ketamine infusions help chronic pain patients reduce their opioid use.", ["opioid_consumption"]),
        ("Ketamine lets migraine sufferers cut back on opioids.", ["opioid_consumption"]),
        # the verb in any form: "cuts", "stopped" (before, only "cut" and "stop" were read)
        ("Ketamine cuts opioid use after surgery.", ["opioid_consumption"]),
        ("Ketamine relieves CRPS pain and cuts opioid use.", ["pain_intensity", "opioid_consumption"]),
        ("Many patients stopped taking opioids after ketamine.", ["opioid_consumption"]),
    ],
)
def test_relief_said_with_them_is_still_read(sentence: str, outcomes: list[str]) -> None:
    got = _outcomes(sentence)
    assert [o for o in got if o in ("pain_intensity", "opioid_consumption", "abuse_dependence")] == outcomes, got


def test_the_claim_is_weighed_on_analgesic_consumption(tmp_path: Path, records_only_template: Path) -> None:
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    sentence = "It may also be used to help people cut down on their pain medication."
    result = check_page(Library.open(lib), (HEAD + sentence + "\n").encode(), "p.txt", title="t")
    (row,) = [c for c in result.claims if c["quote"] == sentence]
    assert row["proposition"]["outcomes"] == ["opioid_consumption"]
    deciding = row["explanation"].split("Deciding:")[1]
    assert "opioid consumption" in deciding and "pain intensity" not in deciding, row["explanation"]
