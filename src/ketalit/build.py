"""Rebuild a library from the snapshot files kept in its ``snapshot/`` folder (the shipped library's recipe)."""

from __future__ import annotations

from pathlib import Path

from .errors import KetalitError
from .importer import ImportReport, import_files
from .library import DB_NAME, Library

# CSL-JSON first (all records), then PubMed XML (the more authoritative copy of those with a PMID).
SNAPSHOT_ORDER = ("*.csl.json", "*.json", "*.ris", "*.nbib", "*.txt", "*.xml")


def snapshot_files(folder: Path) -> list[Path]:
    seen: list[Path] = []
    for pattern in SNAPSHOT_ORDER:
        for p in sorted(folder.glob(pattern)):
            if p not in seen and not p.name.endswith(".jsonl") and p.name != "README.md":
                seen.append(p)
    return seen


def rebuild(root: Path) -> ImportReport:
    """Drop the records of the library at ``root`` and import its ``snapshot/`` again. Sources are kept."""
    folder = root / "snapshot"
    files = snapshot_files(folder)
    if not files:
        raise KetalitError(f"{folder}/ holds no snapshot files to rebuild from")
    db = root / DB_NAME
    tmp_root = root / ".rebuild"
    if tmp_root.exists():
        for p in tmp_root.iterdir():
            p.unlink()
    lib = Library.init(tmp_root)
    report = import_files(lib, files, relative_to=root)
    from .claims.review import TABLE as REVIEWS

    kept = Library.open(root).table(REVIEWS).all() if db.exists() else []
    if kept:  # a reviewer's decisions on the claims are user data: the rebuilt library keeps them
        with lib.transaction():
            lib.table(REVIEWS).insert_multiple(dict(r) for r in kept)
    with Library(root).transaction():  # hold the library's lock while its database file is replaced
        (tmp_root / DB_NAME).replace(db)
    for p in tmp_root.iterdir():
        p.unlink()
    tmp_root.rmdir()
    from .claims.catalogue import load_catalogue
    from .claims.store import link_all

    if load_catalogue(root):
        link_all(Library.open(root))
    return report
