"""What linking judged of each record for each claim, kept in the library's index folder: a relink after nothing
that linking reads has changed (a re-import of the same papers, a rebuild, a page checked again) takes each
record's stance on each claim from here instead of reading its sentences again.

A judgement is keyed by the claim (every field of it), the record (every field but those linking never reads:
its stored findings, provenance, notes and screening) and the engine: the code and data files of the claims
engine, the tagger and the record helpers, and the year (a stated date counts against the years of use a claim
gives). A change to any of them is a key nobody stored, so a judgement is never used for what it was not made
from. The file is a cache: unreadable, missing or from another engine, it counts as empty; if it cannot be
written, the next link judges again.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from ..library import Library
from ..library.db import BLOB_FIELDS
from ..library.storage import atomic_write_bytes
from ..records import Record
from .catalogue import Claim

FILE = "judgements"
PACKAGE = Path(__file__).resolve().parent.parent
ENGINE = ("claims/*.py", "tagging/*.py", "records.py", "data/*.toml")
UNREAD = frozenset({"findings", "provenance", "notes", "screening"})  # the findings are keyed by the engine instead
_DUMP = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
_EMPTY: tuple[Any, ...] = (None, "", [], {}, {"add": [], "remove": []})  # empty: the library may leave it out


@lru_cache(maxsize=1)
def _engine_files() -> str:
    h = hashlib.sha1()
    for pattern in ENGINE:
        for path in sorted(PACKAGE.glob(pattern)):
            h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def engine_version() -> str:
    """The engine's code and data, and the year: judgements made under another are not read."""
    return f"{_engine_files()}-{date.today().year}"


def _digest(value: Any) -> str:
    return hashlib.sha1(orjson.dumps(value, option=_DUMP, default=str)).hexdigest()[:20]


def claim_key(claim: Claim) -> str:
    return _digest([getattr(claim, f.name) for f in fields(claim)])


def record_key(rec: Record) -> str:
    """The same for a record however it is held: as stored (blobs as JSON text, empty user fields absent) or read."""
    fields = {}
    for name, value in rec.items():
        if name in UNREAD:
            continue
        if name in BLOB_FIELDS and isinstance(value, str):
            value = orjson.loads(value)
        if value not in _EMPTY:
            fields[name] = value
    return _digest(fields)


class Judgements:
    """The judgements kept in library ``lib``: ``get`` those made before, ``put`` new ones, ``save`` them."""

    def __init__(self, lib: Library) -> None:
        self.path = lib.root / ".index" / FILE
        self.version = engine_version()
        self.before: dict[str, str] = {}  # key: the judgement as JSON
        self.used: dict[str, str] = {}
        self._records: dict[int, str] = {}
        try:
            kept = orjson.loads(zlib.decompress(self.path.read_bytes()))
        except (OSError, zlib.error, orjson.JSONDecodeError):
            return
        judged = kept.get("judged") if isinstance(kept, dict) and kept.get("version") == self.version else None
        if isinstance(judged, dict) and all(isinstance(v, str) for v in judged.values()):
            self.before = judged

    def key(self, claim: str, doc_id: int, rec: Record) -> str:
        """The key of a record's judgement on a claim (``claim``: its ``claim_key``)."""
        if doc_id not in self._records:
            self._records[doc_id] = record_key(rec)
        return f"{claim}:{self._records[doc_id]}"

    def get(self, key: str) -> Any:
        """The judgement kept under ``key`` (a copy of its own), or None."""
        found = self.used.get(key)
        if found is None:
            found = self.before.get(key)
            if found is None:
                return None
            self.used[key] = found
        return orjson.loads(found)

    def put(self, key: str, judged: Any) -> None:
        self.used[key] = orjson.dumps(judged).decode()

    def save(self, keep_unused: bool) -> None:
        """Write the judgements used by this link (and, with ``keep_unused``, those kept before that it did not use:
        a link of some claims keeps the others')."""
        judged = {**self.before, **self.used} if keep_unused else self.used
        if judged.keys() == self.before.keys():  # nothing new and nothing dropped
            return
        data = zlib.compress(orjson.dumps({"version": self.version, "judged": judged}), 1)
        try:
            self.path.parent.mkdir(exist_ok=True)
            atomic_write_bytes(self.path, data, sync=False)
        except OSError:
            pass
