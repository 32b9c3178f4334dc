from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ketalit.cli import app
from ketalit.library import Library

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NCBI = FIXTURES / "ncbi"
SNAPSHOT = ROOT / "library" / "snapshot"
SOURCES = ROOT / "library" / "sources"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library.init(tmp_path / "lib")


@pytest.fixture(scope="session")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the shipped library, so tests may read it without touching the repository."""
    dest = tmp_path_factory.mktemp("shipped") / "library"
    shutil.copytree(ROOT / "library", dest, ignore=shutil.ignore_patterns("*.lock"))
    return dest


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_cli(runner: CliRunner, library: Path, *args: str):
    return runner.invoke(app, ["--library", str(library), *args])


def run_ketalit(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120):
    """The real `ketalit` entry point in a subprocess (exit codes and stderr as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "ketalit", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )
