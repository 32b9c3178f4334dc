"""The NCBI API key and e-mail address: where they come from, and keeping them out of everything shown or written.

They come from the environment (NCBI_API_KEY, NCBI_EMAIL), else from ``[ncbi]`` in the config file, or from the
caller (``EUtilsClient(api_key=...)``, which registers them here with ``remember``). Any text may come to hold one
(a server's error page quoting the request, an abstract echoing it, a file someone imported), so every place that
shows or writes record text (``safetext.printable``, ``safetext.dumps_json``) and every answer of NCBI before it is
stored replaces them with REDACTED (``hide``).

The values are looked up once and kept: call ``forget`` after changing the environment or the config file within
one process (each command of the command line starts afresh).
"""

from __future__ import annotations

import os
from urllib.parse import quote, quote_plus

from .errors import BadInput

SHORTEST = 6  # a "secret" shorter than this (a test value, a typo) would wreck text by its replacements
_forms: tuple[str, ...] | None = None
_remembered: set[str] = set()


def config_path() -> str:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "ketalit", "config.toml")


def read_config() -> dict[str, str]:
    """[ncbi] api_key / email from $XDG_CONFIG_HOME/ketalit/config.toml (or ~/.config/...)."""
    path = config_path()
    if not os.path.exists(path):
        return {}
    from ._compat import tomllib
    from .inputs import read_input

    data = read_input(path, path, stdin=False)
    try:
        ncbi = tomllib.loads(data.decode("utf-8")).get("ncbi", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(f"{path}: cannot be read as TOML ({exc}); fix or remove it") from exc
    if not isinstance(ncbi, dict):
        raise BadInput(f"{path}: [ncbi] must be a table with api_key and email")
    return {k: str(v) for k, v in ncbi.items() if k in ("api_key", "email")}


def remember(*secrets: str | None) -> None:
    """Values in use besides the environment's and the config file's (a client's own key and address)."""
    global _forms
    new = {s for s in secrets if s and len(s) >= SHORTEST} - _remembered
    if new:
        _remembered.update(new)
        _forms = None


def forget() -> None:
    """Look the values up again at the next use (the environment or the config file changed)."""
    global _forms
    _forms = None


def forms() -> tuple[str, ...]:
    """Every value in use, as written plainly and as a URL writes it, longest first."""
    global _forms
    if _forms is None:
        try:
            config = read_config()
        except BadInput:  # a broken config file is reported where it is used; here it only has no values
            config = {}
        values = {
            os.environ.get("NCBI_API_KEY"),
            os.environ.get("NCBI_EMAIL"),
            config.get("api_key"),
            config.get("email"),
            *_remembered,
        }
        found = {form for v in values if v and len(v) >= SHORTEST for form in (v, quote(v, safe=""), quote_plus(v))}
        _forms = tuple(sorted(found, key=len, reverse=True))
    return _forms


def hide(text: str) -> str:
    """``text`` with the API key and e-mail address in use replaced by REDACTED."""
    for form in forms():
        if form in text:
            text = text.replace(form, "REDACTED")
    return text


def hide_bytes(data: bytes) -> bytes:
    """``hide`` for an answer not yet decoded (UTF-8, or any encoding that writes ASCII as ASCII)."""
    for form in forms():
        encoded = form.encode("utf-8")
        if encoded in data:
            data = data.replace(encoded, b"REDACTED")
    return data
