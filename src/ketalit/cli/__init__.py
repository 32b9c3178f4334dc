"""The ketalit command line. Commands parse options, call the library API and render; nothing else lives here."""

import gc

# isort: off
# Imported for their side effect, in the order `ketalit --help` lists the commands.
from . import library_cmds, record_cmds, review_cmds, fetch_cmd, search_cmds, check_cmd, claims_cmds, report_cmd  # noqa: F401
from .app import app

# isort: on

__all__ = ["GC_THRESHOLD", "app", "main"]

# The garbage collector looks at the youngest objects after 50,000 new ones instead of Python's 700: a command makes
# millions of small objects that live as long as it does (records, claims, a report's pages), and each collection of
# the young walked them again (a report of the shipped library 3.4 -> 2.8 CPU-s; bench/README.md, "The suite, round
# 13"). The older generations are collected as often as before, relative to the youngest.
GC_THRESHOLD = (50_000, 10, 10)


def main() -> None:
    gc.set_threshold(*GC_THRESHOLD)
    app()
