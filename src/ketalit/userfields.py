"""User fields: notes, screening decisions and manual tags. Imports and fetches never overwrite them."""

from __future__ import annotations

from rich.progress import Progress

from .errors import KetalitError
from .library import Library
from .records import Record, now_iso
from .tagging.tagger import AXES, default_tagger, default_vocabulary


def _find(lib: Library, ident: str) -> Record:
    rec = lib.find(ident)
    if rec is None:
        raise KetalitError(f"no record {ident!r} in {lib.root}/")
    return rec


def set_note(lib: Library, ident: str, text: str) -> Record:
    with lib.transaction():
        rec = _find(lib, ident)
        rec["notes"] = text
        lib.put(rec["_id"], rec)
    return rec


def set_screening(lib: Library, ident: str, decision: str, reason: str = "") -> Record:
    if decision not in ("include", "exclude"):
        raise KetalitError(f"screening decision must be 'include' or 'exclude', not {decision!r}")
    if decision == "exclude" and not reason.strip():
        raise KetalitError("an exclusion needs a reason: --reason 'wrong population' (PRISMA reports reasons)")
    with lib.transaction():
        rec = _find(lib, ident)
        rec["screening"] = {"decision": decision, "reason": reason, "at": now_iso()}
        lib.put(rec["_id"], rec)
    return rec


def parse_tag(item: str) -> tuple[str, str]:
    """'route:oral' -> ('route', 'oral'), checked against the vocabulary."""
    axis, sep, tag = item.partition(":")
    vocab = default_vocabulary()
    if not sep or axis not in AXES:
        raise KetalitError(f"{item!r}: write a tag as axis:tag, with axis one of {', '.join(AXES)}")
    if not vocab.has(axis, tag):
        raise KetalitError(f"{item!r}: unknown {axis} tag; known: {', '.join(vocab.ids(axis))}")
    return axis, tag


def set_manual_tags(lib: Library, ident: str, add: list[str], remove: list[str]) -> Record:
    adds = [":".join(parse_tag(t)) for t in add]
    removes = [":".join(parse_tag(t)) for t in remove]
    with lib.transaction():
        rec = _find(lib, ident)
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
