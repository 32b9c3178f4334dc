"""The library: a folder holding the tinydb store of records, tags, saved searches and claims (``db``), its crash-safe
storage (``storage``) and the stable citation keys it assigns (``citekey``)."""

from .db import (
    DB_NAME,
    LOCK_NAME,
    LOCK_TIMEOUT,
    SCHEMA_VERSION,
    STATE_NAME,
    Library,
    default_library_path,
)

__all__ = ["DB_NAME", "LOCK_NAME", "LOCK_TIMEOUT", "SCHEMA_VERSION", "STATE_NAME", "Library", "default_library_path"]
