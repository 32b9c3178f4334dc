"""A short, fixed-seed run of the importer fuzzer (bench/fuzz_import.py runs it for minutes): every input imports,
or is refused with the importer's one-line error naming the file."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_importers_survive_hostile_input() -> None:
    spec = importlib.util.spec_from_file_location("fuzz_import", ROOT / "bench" / "fuzz_import.py")
    fuzz_import = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz_import)
    result = fuzz_import.fuzz(seconds=120, seed_value=12, quiet=True, max_inputs=400)
    stats = result["stats"]
    assert stats["tried"] == 400
    assert result["crashes"] == [], result["crashes"]
    assert stats.get("imported", 0) > 40 and stats.get("rejected", 0) > 40  # both outcomes exercised
    assert result["network_attempts"] == 0
