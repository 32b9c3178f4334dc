"""A time of relief said with any verb, a time the pain has lasted, an opioid harm, a sign other than pain.

The false sentences are in ``tests/adversarial/fix24a.toml`` and ``fix24a_lists.toml``; here, the readings they rest on
(a claim of effect that states a time of relief is a duration with that time; a time of the pain's history or of the
drug's use is not relief's; the risk of an opioid overdose is not fewer opioids) and the near misses worded alike that
must keep their verdict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit.claims.check import check_page, page_claims
from ketalit.library import Library

TITLE = "Ketamine Infusions for CRPS"


def _readings(text: str) -> dict[str, tuple[str, tuple[int, int] | None, list[str]]]:
    out = {}
    for c, n in page_claims(f"{TITLE}\n\n{text}\n", title=TITLE):
        q = n.quantity
        out[c.quote] = (n.kind, (round(q.low), round(q.high)) if q else None, list(n.outcomes))
    return out


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Ketamine helps CRPS pain for months.", (30, 365)),
        ("Ketamine treats CRPS for a year.", (365, 365)),
        ("Patients improved for a year after one infusion series.", (365, 365)),
        ("Patients report that their CRPS pain is gone for a year after treatment.", (365, 365)),
        ("CRPS pain stays away for a year after ketamine.", (365, 365)),
        ("Ketamine provides months of CRPS relief.", (30, 365)),
        ("Most patients who respond get 4 to 6 weeks of pain relief.", (28, 42)),
        ("Ketamine relieves CRPS pain for a decade.", (3650, 3650)),
        ("Ketamine keeps CRPS pain under control for a full year.", (365, 365)),
    ],
)
def test_a_time_of_relief_with_any_verb_is_a_duration(sentence: str, days: tuple[int, int]) -> None:
    kind, read, _ = _readings(sentence)[sentence]
    assert (kind, read) == ("duration", days)


def test_a_list_item_takes_the_time_of_its_lead_in() -> None:
    text = "Ketamine gives months of relief for:\n\n- CRPS\n- Phantom limb pain"
    read = _readings(text)
    assert read["CRPS"][:2] == ("duration", (30, 365))
    assert read["Phantom limb pain"][:2] == ("duration", (30, 365))


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine works on pain that has lasted for decades.",
        "Anesthesiologists have relied on ketamine for decades as a general anesthetic.",
        "People have received it for decades without serious side effects.",
    ],
)
def test_a_time_of_the_pain_or_of_use_is_not_how_long_relief_lasts(sentence: str) -> None:
    _, read, _ = _readings(sentence)[sentence]
    assert read is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine lowers the risk of opioid overdose after surgery.",
        "Ketamine reduces hyperalgesia in people on long-term opioids.",
    ],
)
def test_an_opioid_harm_or_people_on_opioids_are_not_fewer_opioids(sentence: str) -> None:
    _, _, outcomes = _readings(sentence)[sentence]
    assert "opioid_consumption" not in outcomes


def test_near_misses_keep_their_verdict(records_only_template: Path, tmp_path: Path) -> None:
    """True claims worded like the false ones: relief of CRPS pain, fewer opioids after surgery, the receptor, a harm
    the drug can cause, how long the drug has been used."""
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    near = [
        "Ketamine relieves CRPS pain.",
        "Ketamine reduces opioid use after surgery.",
        "Ketamine is an NMDA receptor antagonist.",
        "Ketamine can cause nausea.",
        "Ketamine can cause hallucinations.",
        "Ketamine has been used as an anaesthetic since the 1960s.",
        "Relief can last for several weeks.",
    ]
    text = f"{TITLE}\n\nOur clinic offers intravenous ketamine infusions for CRPS.\n\n" + "\n\n".join(near) + "\n"
    result = check_page(Library.open(lib), text.encode(), "near.txt", title=TITLE)
    verdicts = {c["quote"]: c["verdict"] for c in result.claims}
    for quote in near:
        assert verdicts.get(quote) == "supported", (quote, verdicts.get(quote))
