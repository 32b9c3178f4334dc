"""The ketalit command line. Commands parse options, call the library API and render; nothing else lives here."""

# isort: off
# Imported for their side effect, in the order `ketalit --help` lists the commands.
from . import library_cmds, record_cmds, review_cmds, fetch_cmd, search_cmds, check_cmd, claims_cmds, report_cmd  # noqa: F401
from .app import app

# isort: on

__all__ = ["app", "main"]


def main() -> None:
    app()
