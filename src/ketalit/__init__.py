"""ketalit: a literature-review reference manager for ketamine and pain.

The Python API is ``ketalit.api``: every command as a function over a ``Library`` (``ketalit.Library``), with the
errors of ``ketalit.errors``. They are imported on first use, so that `ketalit --help` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"
__all__ = ["Library", "__version__", "api", "errors"]


def __getattr__(name: str) -> Any:
    if name in ("api", "errors"):
        return import_module(f"{__name__}.{name}")
    if name == "Library":
        return import_module(f"{__name__}.library").Library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
