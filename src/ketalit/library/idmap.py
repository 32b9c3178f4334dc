"""The id map (ids.json): which record carries each PMID, DOI, PMCID, citation key and normalised title.

It lets a command find one record without reading the others, and an import recognise a paper it already has.
Each identifier maps to the ids of the records that carry it, lowest first (a DOI can be shared by the chapters of
one book; a title by two papers without identifiers); a lookup gives the lowest. A near-duplicate merged into a
record still leads to it by its PMID and DOI.

The file has one identifier per line, in sorted order, so that an import adds lines and a change moves few.
"""

from __future__ import annotations

from bisect import insort
from pathlib import Path
from typing import Any

import orjson

from ..records import Record, title_key
from .storage import damaged

KINDS = ("citekey", "doi", "pmcid", "pmid", "title")


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
    def __init__(self, maps: dict[str, dict[str, list[int]]] | None = None) -> None:
        self.maps: dict[str, dict[str, list[int]]] = {k: {} for k in KINDS}
        if maps:
            self.maps.update(maps)
        self.changed = False

    def get(self, kind: str, value: str) -> int | None:
        ids = self.maps[kind].get(value)
        return ids[0] if ids else None

    def keys(self, kind: str) -> dict[str, list[int]]:
        """The identifiers of one kind (a dict: ``value in`` it is a fast membership test)."""
        return self.maps[kind]

    def update(self, doc_id: int, old: Record | None, new: Record | None) -> None:
        """Record ``doc_id`` changed from ``old`` to ``new`` (None: absent)."""
        before = set(identifiers(old)) if old is not None else set()
        after = set(identifiers(new)) if new is not None else set()
        for kind, value in before - after:
            ids = self.maps[kind].get(value)
            if ids and doc_id in ids:
                ids.remove(doc_id)
                if not ids:
                    del self.maps[kind][value]
                self.changed = True
        for kind, value in after - before:
            ids = self.maps[kind].setdefault(value, [])
            if doc_id not in ids:
                insort(ids, doc_id)
                self.changed = True

    def dump(self) -> bytes:
        lines = [b"{"]
        for ki, kind in enumerate(KINDS):
            entries = self.maps[kind]
            end = b"," if ki < len(KINDS) - 1 else b""
            if not entries:
                lines.append(b"  " + orjson.dumps(kind) + b": {}" + end)
                continue
            lines.append(b"  " + orjson.dumps(kind) + b": {")
            keys = sorted(entries)
            for i, key in enumerate(keys):
                comma = b"," if i < len(keys) - 1 else b""
                lines.append(b"    " + orjson.dumps(key) + b": " + orjson.dumps(entries[key]) + comma)
            lines.append(b"  }" + end)
        lines.append(b"}")
        return b"\n".join(lines) + b"\n"

    @classmethod
    def parse(cls, path: Path, data: Any) -> IdMap:
        """The map read from ids.json; a file of another shape is a damaged library file."""
        if not isinstance(data, dict):
            raise damaged(path, "expected an object of identifier kinds")
        for kind, entries in data.items():
            if kind not in KINDS:
                raise damaged(path, f"unknown identifier kind {kind[:40]!r}")
            if not isinstance(entries, dict):
                raise damaged(path, f"{kind!r} is not an object of identifiers")
            for value, ids in entries.items():
                if not isinstance(ids, list) or not ids or not all(type(i) is int and i > 0 for i in ids):
                    raise damaged(path, f"{kind} {value[:60]!r} does not map to a list of record ids")
        return cls(data)
