"""The id map (ids/*.json): which record carries each PMID, DOI, PMCID, citation key and normalised title.

It lets a command find one record without reading the others, and an import recognise a paper it already has.
Each identifier maps to the id of the record that carries it, or to the list of their ids, lowest first, when
several do (a DOI can be shared by the chapters of one book; a title by two papers without identifiers); a lookup
gives the lowest. A near-duplicate merged into a record still leads to it by its PMID and DOI.

One file per kind of identifier (ids/pmid.json...), read only when a lookup needs it: `ketalit show PMID` reads the
PMIDs alone. Each file has one identifier per line, in sorted order, so that an import adds lines and a change moves
few; values are plain numbers where they can be (they parse three times faster than lists of one), and an entry
is checked when it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from ..records import Record, title_key
from .storage import damaged

KINDS = ("citekey", "doi", "pmcid", "pmid", "title")
FOLDER = "ids"


def file_name(kind: str) -> str:
    return f"{FOLDER}/{kind}.json"


def identifiers(rec: Record) -> list[tuple[str, str]]:
    """(kind, value) for every identifier of a record, including those of the near-duplicates merged into it."""
    out = []
    for kind in ("pmid", "doi", "citekey", "pmcid"):
        if rec.get(kind):
            out.append((kind, rec[kind]))
    tk = title_key(rec.get("title") or "", rec.get("year"))
    if tk:
        out.append(("title", tk))
    for other in rec.get("merged") or []:
        for kind in ("pmid", "doi"):
            if other.get(kind):
                out.append((kind, other[kind]))
    return out


class IdMap:
    """The id map of a library; each kind is read (through ``load``, which returns the file's JSON or None) when
    first needed."""

    def __init__(self, root: Path, load: Callable[[str], Any]) -> None:
        self.root = root
        self._load = load
        self._maps: dict[str, dict[str, Any]] = {}
        self.changed: set[str] = set()

    def _map(self, kind: str) -> dict[str, Any]:
        if kind not in self._maps:
            data = self._load(file_name(kind))
            if data is not None and not isinstance(data, dict):
                raise damaged(self.root / file_name(kind), "expected an object of identifiers")
            self._maps[kind] = data or {}
        return self._maps[kind]

    def ids(self, kind: str, value: str) -> list[int]:
        """The ids of the records with this identifier, lowest first."""
        got = self._map(kind).get(value)
        if got is None:
            return []
        if type(got) is int and got > 0:
            return [got]
        if isinstance(got, list) and len(got) > 1 and set(map(type, got)) == {int} and min(got) > 0:
            return got
        raise damaged(self.root / file_name(kind), f"{value[:60]!r} does not map to a record id or a list of them")

    def get(self, kind: str, value: str) -> int | None:
        ids = self.ids(kind, value)
        return ids[0] if ids else None

    def keys(self, kind: str) -> dict[str, Any]:
        """The identifiers of one kind (a dict: ``value in`` it is a fast membership test)."""
        return self._map(kind)

    def update(self, doc_id: int, old: Record | None, new: Record | None) -> None:
        """Record ``doc_id`` changed from ``old`` to ``new`` (None: absent)."""
        before = set(identifiers(old)) if old is not None else set()
        after = set(identifiers(new)) if new is not None else set()
        for kind, value in before - after:
            ids = self.ids(kind, value)
            if doc_id in ids:
                self._set(kind, value, [i for i in ids if i != doc_id])
        for kind, value in after - before:
            ids = self.ids(kind, value)
            if not ids or ids[-1] < doc_id:  # (an import's new records come in id order)
                self._set(kind, value, [*ids, doc_id])
            elif doc_id not in ids:
                self._set(kind, value, sorted([*ids, doc_id]))

    def _set(self, kind: str, value: str, ids: list[int]) -> None:
        entries = self._map(kind)
        if not ids:
            del entries[value]
        else:
            entries[value] = ids[0] if len(ids) == 1 else ids
        self.changed.add(kind)

    def dumps(self) -> dict[str, bytes]:
        """The changed files, by name."""
        return {file_name(kind): dump(self._maps[kind]) for kind in sorted(self.changed)}


def dump(entries: dict[str, Any]) -> bytes:
    if not entries:
        return b"{}\n"
    keys = sorted(entries)
    last = len(keys) - 1
    lines = [
        b"  " + orjson.dumps(k) + b": " + orjson.dumps(entries[k]) + (b"," if i < last else b"")
        for i, k in enumerate(keys)
    ]
    return b"{\n" + b"\n".join(lines) + b"\n}\n"
