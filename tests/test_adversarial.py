"""Marketing sentences a pharmacologist would not sign are never called supported.

Each ``tests/adversarial/*.toml`` is a page (``[page]`` title and text) and the claims on it that are false or go
beyond the evidence (``[[false]]`` quote and why). The page is checked whole into a copy of the shipped records, as
``ketalit check`` does, and no claim whose quote is, contains or is contained in a listed quote may get ``supported``.
A false sentence extraction leaves out is not endorsed; the test says how many were left out, and a file may ask
that a sentence be kept (``kept = true``) where leaving it out would hide the claim from the reader.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomllib

from ketalit.claims.check import check_page
from ketalit.library import Library

from conftest import ROOT

FILES = sorted((ROOT / "tests" / "adversarial").glob("*.toml"))


def _overlaps(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return a in b or b in a


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_false_marketing_sentence_is_supported(path: Path, records_only_template: Path, tmp_path: Path) -> None:
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    text, false = spec["page"]["text"], spec["false"]
    assert false, "a file lists at least one false claim"
    for item in false:  # a typo in a quote would make its check pass for nothing
        assert " ".join(item["quote"].split()) in " ".join(text.split()), item["quote"]
    lib = tmp_path / "library"
    shutil.copytree(records_only_template, lib, ignore=shutil.ignore_patterns("*.lock"))
    result = check_page(Library.open(lib), text.encode(), f"{path.stem}.txt", title=spec["page"]["title"])
    endorsed, dropped = [], []
    for item in false:
        claims = [c for c in result.claims if _overlaps(c["quote"], item["quote"])]
        if not claims and item.get("kept"):
            dropped.append(item["quote"])
        endorsed += [
            f"{c['quote']!r} ({c['kind']}): {c['explanation']} -- false because {item['why']}"
            for c in claims
            if c["verdict"] == "supported"
        ]
    assert not endorsed, "\n".join(endorsed)
    assert not dropped, f"left out, though the reader must see them checked: {dropped}"
