"""Rebuild a library from the snapshot files kept in its ``snapshot/`` folder (the shipped library's recipe)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KetalitError
from .importer import ImportReport, import_files
from .library import Library
from .library.citekey import assign_key
from .records import Record, identity

# CSL-JSON first (all records), then PubMed XML (the more authoritative copy of those with a PMID).
SNAPSHOT_ORDER = ("*.csl.json", "*.json", "*.ris", "*.nbib", "*.txt", "*.xml")
# What a person put on a record; a rebuild carries it to the same paper in the rebuilt library.
USER_DATA = ("notes", "screening", "manual_tags")


@dataclass
class RebuildReport:
    imported: ImportReport
    carried: int = 0  # records whose notes, screening decision or manual tags were carried across
    dropped: list[str] = field(default_factory=list)  # records of the old library that are not in the snapshot


def snapshot_files(folder: Path) -> list[Path]:
    seen: list[Path] = []
    for pattern in SNAPSHOT_ORDER:
        for p in sorted(folder.glob(pattern)):
            if p not in seen and not p.name.endswith(".jsonl") and p.name != "README.md":
                seen.append(p)
    return seen


def has_user_data(rec: Record) -> bool:
    manual = rec.get("manual_tags") or {}
    return bool(rec.get("notes") or rec.get("screening") or manual.get("add") or manual.get("remove"))


def rebuild(root: Path, force: bool = False) -> RebuildReport:
    """Replace the records of the library at ``root`` with its ``snapshot/`` imported again, in one transaction.

    Notes, screening decisions, manual tags and citation keys are carried to the same paper (same PMID, else DOI,
    else title and year). If a record that carries them is not in the snapshot, nothing is changed unless ``force``.
    Saved searches and sources are kept; claims are linked again.
    """
    folder = root / "snapshot"
    files = snapshot_files(folder)
    if not files:
        raise KetalitError(f"{folder}/ holds no snapshot files to rebuild from")
    shutil.rmtree(root / ".rebuild", ignore_errors=True)  # the work folder of a rebuild by an older ketalit
    lib = Library.open(root)
    with lib.transaction():
        old = [
            {k: rec.get(k) for k in ("pmid", "doi", "title", "year", "citekey", *USER_DATA)}
            for _, rec in lib.iter_records()
        ]
        lib.clear_records()
        report = RebuildReport(import_files(lib, files, relative_to=root))
        lost = carry_user_data(lib, old, report)
        if lost and not force:
            names = ", ".join(identity(r) for r in lost[:3]) + (f" and {len(lost) - 3} more" if len(lost) > 3 else "")
            raise KetalitError(
                f"{len(lost)} records with your notes, screening decisions or manual tags are not in {folder}/ "
                f"({names}); nothing was changed: add their files to snapshot/, or run `ketalit rebuild --force` "
                "to drop them"
            )
    from .claims.catalogue import load_catalogue
    from .claims.store import link_all

    if load_catalogue(root):
        link_all(Library.open(root))
    return report


def carry_user_data(lib: Library, old: list[Record], report: RebuildReport) -> list[Record]:
    """Give each rebuilt record the user data and citation key of the old record for the same paper. Returns the
    old records with user data that match nothing."""
    from .tagging.tagger import default_tagger

    lost: list[Record] = []
    keys: dict[int, str] = {}
    for rec in old:
        i = lib.match(rec)
        if i is None:
            report.dropped.append(identity(rec))
            if has_user_data(rec):
                lost.append(rec)
            continue
        if rec.get("citekey"):
            keys[i] = rec["citekey"]
        if has_user_data(rec):
            new = lib.record(i)
            new.update({k: rec[k] for k in USER_DATA})
            lib.put(i, default_tagger().apply(new))  # manual tags on top of the automatic ones
            report.carried += 1
    # Citation keys never change once assigned: the old ones come back, and a new record that took one meanwhile
    # gets another.
    kept = set(keys.values())
    current = {i: r.get("citekey") for i, r in lib.iter_records()}
    for i, key in current.items():
        want = keys.get(i)
        if want is None and key in kept:
            want = assign_key(lib.record(i), kept | set(current.values()))
        if want is not None and want != key:
            rec = lib.record(i)
            rec["citekey"] = current[i] = want
            lib.put(i, rec)
    return lost
