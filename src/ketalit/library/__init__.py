"""The library: a folder of tinydb files holding records, user data, saved searches and claims (``db``), written
together atomically (``files``) and deterministically (``storage``), found by identifier (``idmap``), converted
from the older single-file layout on first open (``migrate``), with the stable citation keys it assigns
(``citekey``)."""

from .db import (
    DB_NAME,
    LOCK_NAME,
    LOCK_TIMEOUT,
    SCHEMA_VERSION,
    Library,
    default_library_path,
)

__all__ = ["DB_NAME", "LOCK_NAME", "LOCK_TIMEOUT", "SCHEMA_VERSION", "Library", "default_library_path"]
