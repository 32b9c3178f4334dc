"""One place for the Python-version shims the package needs."""

import sys

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    import tomllib
else:  # Python 3.10
    import sre_constants
    import sre_parse

    import tomli as tomllib

__all__ = ["sre_constants", "sre_parse", "tomllib"]
