"""ketalit: a literature-review reference manager for ketamine and pain.

The Python API is ``ketalit.api`` (every command as a function over a ``Library``); its names are importable from
here too (``from ketalit import open_library, search``), loaded on first use so that `ketalit --help` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "api", "errors", "Library"]


def __getattr__(name: str) -> Any:
    if name in ("api", "errors"):
        return import_module(f"{__name__}.{name}")
    if name == "Library":
        return import_module(f"{__name__}.library").Library
    api = import_module(f"{__name__}.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, *import_module(f"{__name__}.api").__all__])
