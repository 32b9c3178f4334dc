"""Rebuild a library from the snapshot files kept in its ``snapshot/`` folder (the shipped library's recipe)."""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput, NotFound
from .importer import ImportReport, import_files
from .library import Library
from .library.citekey import assign_key
from .records import USER_FIELDS, Record, identity, title_key

# CSL-JSON first (all records), then PubMed XML (the more authoritative copy of those with a PMID).
SNAPSHOT_ORDER = ("*.csl.json", "*.json", "*.ris", "*.nbib", "*.txt", "*.xml")
# What a person put on a record; a rebuild carries it to the same paper in the rebuilt library.
USER_DATA = tuple(f for f in USER_FIELDS if f != "citekey")


@dataclass
class RebuildReport:
    imported: ImportReport
    carried: int = 0  # records whose notes, screening, manual tags, edits or merges were carried across
    dropped: list[str] = field(default_factory=list)  # records of the old library that are not in the snapshot
    left_out: int = 0  # snapshot records not added again: the user had removed them or merged them into another


def snapshot_files(folder: Path) -> list[Path]:
    seen: list[Path] = []
    for pattern in SNAPSHOT_ORDER:
        for p in sorted(folder.glob(pattern)):
            if p not in seen and not p.name.endswith(".jsonl") and p.name != "README.md":
                seen.append(p)
    return seen


def has_user_data(rec: Record) -> bool:
    manual = rec.get("manual_tags") or {}
    return bool(
        rec.get("notes")
        or rec.get("screening")
        or manual.get("add")
        or manual.get("remove")
        or rec.get("edits")
        or rec.get("merged")
        or rec.get("citekey_pinned")
    )


def rebuild(root: Path, force: bool = False) -> RebuildReport:
    """Replace the records of the library at ``root`` with its ``snapshot/`` imported again, in one transaction.

    What people did to the library survives: each paper keeps its record id (so its notes and screening decisions,
    stored by id, stay with it), its citation key, manual tags, hand edits and merged near-duplicates; papers the
    user removed or merged into another record are not added back. If a record that carries user data is not in
    the snapshot, nothing is changed unless ``force`` (then its notes and decisions go with it). Saved searches and
    the other tables are kept; claims are linked again.
    """
    from .screening import forget
    from .userfields import forget_notes

    folder = root / "snapshot"
    files = snapshot_files(folder)
    if not files:
        raise NotFound(f"{folder}/ holds no snapshot files to rebuild from")
    shutil.rmtree(root / ".rebuild", ignore_errors=True)  # the work folder of a rebuild by an older ketalit
    lib = Library.open(root)
    with lib.transaction():
        old = {
            doc_id: {k: rec.get(k) for k in ("pmid", "doi", "title", "year", "findings", *USER_FIELDS)}
            for doc_id, rec in lib.iter_records()
        }
        lib.clear_records()
        report = RebuildReport(import_files(lib, files, relative_to=root))
        lost = restore_user_data(lib, old, report)
        if lost and not force:
            names = ", ".join(identity(r) for r in lost[:3]) + (f" and {len(lost) - 3} more" if len(lost) > 3 else "")
            raise BadInput(
                f"{len(lost)} records with your notes, screening decisions, tags, edits or keys are not in {folder}/ "
                f"({names}); nothing was changed: add their files to snapshot/, or rebuild with force to drop them",
                options=("force",),
            )
        kept = {i for i, _ in lib.iter_records()}
        gone = [i for i in old if i not in kept]
        forget(lib, gone)
        forget_notes(lib, gone)
    from .claims.catalogue import load_catalogue
    from .claims.store import link_all

    if load_catalogue(root):
        link_all(Library.open(root))
    return report


def _keys(rec: Record, title: bool = True) -> set[str]:
    """What identifies a paper: its PMID and DOI, and its normalised title without the year (always, or with
    ``title=False`` only when it has neither identifier)."""
    out = {f"{k}:{rec[k]}" for k in ("pmid", "doi") if rec.get(k)}
    tk = title_key(rec.get("title") or "", None) if title or not out else None
    return out | {f"title:{tk}"} if tk else out


def restore_user_data(lib: Library, old: dict[int, Record], report: RebuildReport) -> list[Record]:
    """Give each rebuilt paper back its old record id, user data and citation key; leave out the papers the user had
    removed or merged into another record. Returns the old records with user data that match nothing."""
    from .tagging.tagger import default_tagger

    lost: list[Record] = []
    claimed: dict[int, int] = {}  # rebuilt id -> old id
    for old_id, rec in sorted(old.items()):
        new_id = lib.match(rec)
        if new_id is None or new_id in claimed:
            report.dropped.append(identity(rec))
            if has_user_data(rec):
                lost.append(rec)
            continue
        claimed[new_id] = old_id
    # A paper merged into a kept record, or removed by the user, stays out.
    gone = [m for i in claimed.values() for m in old[i].get("merged") or []] + lib.table("removed").all()
    left_out = set().union(*(_keys(r, title=False) for r in gone))
    for new_id, rec in list(lib.iter_records()):
        if new_id not in claimed and _keys(rec) & left_out:
            lib.remove(new_id)
            report.left_out += 1
    for new_id, old_id in claimed.items():
        lib.renumber(new_id, old_id)
        before = old[old_id]
        if has_user_data(before):
            rec = lib.record(old_id)
            rec.update({k: copy.deepcopy(before[k]) for k in USER_DATA if before.get(k) is not None})
            rec.update(copy.deepcopy(before.get("edits") or {}))  # the user's corrections win over the snapshot
            lib.put(old_id, default_tagger().apply(rec))  # manual tags on top of the automatic ones
            report.carried += 1
        if before.get("findings") is not None:  # derived from the text: read again only if it changed (is_current)
            lib.put_derived(old_id, "findings", before["findings"])
    # Citation keys never change once assigned: the old ones come back, and a new record that took one meanwhile
    # gets another.
    keys = {old_id: old[old_id]["citekey"] for old_id in claimed.values() if old[old_id].get("citekey")}
    kept = set(keys.values())
    current: dict[int, str] = {i: r.get("citekey") or "" for i, r in lib.iter_records()}
    for i, key in current.items():
        want = keys.get(i)
        if want is None and key in kept:
            want = assign_key(lib.record(i), kept | set(current.values()))
        if want is not None and want != key:
            rec = lib.record(i)
            rec["citekey"] = current[i] = want
            lib.put(i, rec)
    return lost
