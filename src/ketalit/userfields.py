"""User fields: notes, screening decisions, manual tags and citation keys. Imports and fetches never overwrite them.

Notes are a dated list (``Note`` rows in the library's ``notes`` table); the record keeps their text, oldest first
and one per line, in ``record["notes"]`` for display, search and exports.
"""

from __future__ import annotations

from typing import TypedDict

from rich.progress import Progress
from tinydb import Query

from .errors import BadInput
from .library import Library
from .lookup import find_record
from .records import AXES, Record, now_iso
from .tagging.tagger import default_tagger, default_vocabulary


class Note(TypedDict):
    record: int  # the record's id in the library
    text: str
    at: str  # ISO 8601, UTC; "" for a note written before notes were dated


def notes(lib: Library, doc_id: int) -> list[Note]:
    """A record's notes, oldest first."""
    rows = [Note(record=r["record"], text=r["text"], at=r.get("at") or "") for r in lib.table("notes").all()]
    mine = sorted((r for r in rows if r["record"] == doc_id), key=lambda r: r["at"])
    if not mine:  # a library from before dated notes kept one note on the record
        legacy = lib.record(doc_id).get("notes")
        if isinstance(legacy, str) and legacy:
            return [Note(record=doc_id, text=legacy, at="")]
    return mine


def _store_notes(lib: Library, doc_id: int, items: list[Note]) -> None:
    table = lib.table("notes")
    table.remove(Query().record == doc_id)
    table.insert_multiple(dict(n, record=doc_id) for n in items)
    rec = lib.record(doc_id)
    rec["notes"] = "\n".join(n["text"] for n in items)
    lib.put(doc_id, rec)


def add_note(lib: Library, ident: str, text: str) -> Record:
    """Append a dated note to a record (earlier notes are kept)."""
    if not text.strip():
        raise BadInput("a note needs some text")
    with lib.transaction():
        rec = find_record(lib, ident)
        items = notes(lib, rec["_id"])
        items.append(Note(record=rec["_id"], text=text.strip(), at=now_iso()))
        _store_notes(lib, rec["_id"], items)
        rec = lib.record(rec["_id"])
    return rec


def move_notes(lib: Library, source: int, target: int) -> None:
    """Give ``source``'s notes to ``target`` (merging duplicates; inside a transaction)."""
    items = sorted(notes(lib, target) + notes(lib, source), key=lambda n: n["at"])
    _store_notes(lib, target, items)
    lib.table("notes").remove(Query().record == source)


def forget_notes(lib: Library, doc_ids: list[int]) -> None:
    lib.table("notes").remove(Query().record.one_of(doc_ids))


# -- citation keys -----------------------------------------------------------------------------------------------------


def set_citekey(lib: Library, ident: str, key: str) -> tuple[str, str]:
    """Pin or rename a record's citation key. Refuses a key another record has. Returns (old, new)."""
    from .library.citekey import check_key

    problem = check_key(key)
    if problem:
        raise BadInput(problem)
    with lib.transaction():
        rec = find_record(lib, ident)
        holder = lib.lookup("citekey", key)
        if holder is not None and holder != rec["_id"]:
            other = lib.record(holder)
            who = other.get("pmid") or other.get("doi") or (other.get("title") or "")[:60]
            raise BadInput(f"citation key {key!r} is taken by {who}; choose another")
        old = rec.get("citekey") or ""
        rec["citekey"] = key
        rec["citekey_pinned"] = True
        lib.put(rec["_id"], rec)
    return old, key


def parse_tag(item: str) -> tuple[str, str]:
    """'route:oral' -> ('route', 'oral'), checked against the vocabulary."""
    axis, sep, tag = item.partition(":")
    vocab = default_vocabulary()
    if not sep or axis not in AXES:
        raise BadInput(f"{item!r}: write a tag as axis:tag, with axis one of {', '.join(AXES)}")
    if not vocab.has(axis, tag):
        raise BadInput(f"{item!r}: unknown {axis} tag; known: {', '.join(vocab.ids(axis))}")
    return axis, tag


def set_manual_tags(lib: Library, ident: str, add: list[str], remove: list[str]) -> Record:
    adds = [":".join(parse_tag(t)) for t in add]
    removes = [":".join(parse_tag(t)) for t in remove]
    with lib.transaction():
        rec = find_record(lib, ident)
        manual = rec.get("manual_tags") or {"add": [], "remove": []}
        for t in adds:
            if t in manual["remove"]:
                manual["remove"].remove(t)
            if t not in manual["add"]:
                manual["add"].append(t)
        for t in removes:
            if t in manual["add"]:
                manual["add"].remove(t)
            if t not in manual["remove"]:
                manual["remove"].append(t)
        rec["manual_tags"] = manual
        rec = default_tagger().apply(rec)
        lib.put(rec["_id"], rec)
    return rec


def retag_all(lib: Library, progress: bool = False) -> int:
    from .tagging.tagger import tag_many

    with lib.transaction():
        items = list(lib.iter_records())
        with Progress(disable=not progress, transient=True) as bar:
            bar.add_task(f"tagging {len(items)} records", total=None)
            tagged = tag_many([dict(rec) for _, rec in items])
        for (doc_id, _), rec in zip(items, tagged, strict=True):
            lib.put(doc_id, rec)
    return len(items)
