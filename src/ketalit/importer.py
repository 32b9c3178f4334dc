"""Import files into a library. All-or-nothing: nothing is written before every file has been parsed.

If any file cannot be read (malformed, truncated, wrong format), nothing is imported and the error names the file
and where it broke. Records inside a readable file that cannot be identified at all (no title, DOI or PMID) are
skipped, and each skip is reported with its reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from .errors import LibraryChanged
from .formats.detect import open_file
from .library import Library
from .records import Record, has_identity, identity, no_gc, normalise


@dataclass
class ImportReport:
    files: list[dict[str, object]] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # what happened to citation keys the files carried

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "keys": self.keys,
        }


def _settle_key(lib: Library, doc_id: int, own: str, taken: set[str], notes: list[str]) -> None:
    """A file's citation key for a stored record: adopted if ketalit assigned the stored key and the file's key is
    free (so a Zotero + Better BibTeX user's \\cite keys keep working); otherwise the stored key stays."""
    from .library.citekey import check_key

    stored = lib.record(doc_id)
    if stored.get("citekey") == own:
        return
    who = identity(stored)
    if check_key(own):
        notes.append(f"{who}: kept citation key {stored['citekey']!r}; the file's {check_key(own)}")
    elif own in taken:
        notes.append(f"{who}: kept citation key {stored['citekey']!r}; the file's {own!r} belongs to another record")
    elif stored.get("citekey_pinned"):
        notes.append(
            f"{who}: kept citation key {stored['citekey']!r} (pinned); the file says {own!r} "
            f"(`ketalit key {stored['citekey']} {own}` renames it)"
        )
    else:
        notes.append(f"{who}: citation key {stored['citekey']!r} is now {own!r}, as in the file")
        stored["citekey"], stored["citekey_pinned"] = own, True
        taken.add(own)
        lib.put(doc_id, stored)


def _count_copies(lib: Library, copies: Counter[tuple[int, str, str]]) -> None:
    """A source that held a paper more than once (a file listing it twice) identified it that many times: its
    provenance says how many (``copies``), which the PRISMA counts read. Storing the same file again adds none."""
    for (doc_id, source, kind), n in copies.items():
        if n < 2:
            continue
        rec = lib.record(doc_id)
        for p in rec.get("provenance") or []:
            if p.get("source") == source and p.get("kind") == kind and n > (p.get("copies") or 1):
                p["copies"] = n
                lib.put(doc_id, rec)


def prepare(records: list[Record]) -> list[Record]:
    """Freshly parsed records normalised, tagged (tag reasons as the JSON the library stores: a fraction of the
    memory of their objects), and with what the search index needs of them (in an import's worker processes, beside
    the parse; the library uses it for the records it adds as they are)."""
    from .library.db import encode_blobs
    from .search.store import entry
    from .tagging.tagger import pretag

    for rec in records:
        normalise(rec)
        rec["_normalised"] = True
    out = [encode_blobs(rec) for rec in pretag(records)]
    for rec in out:
        rec["_index"] = entry(rec)
    return out


def store_records(
    lib: Library, records: Iterable[Record], key_notes: list[str] | None = None, skipped: list[str] | None = None
) -> dict[str, int]:
    """Upsert records in one transaction and tag each one that was added or changed. ``key_notes`` collects what
    happened to the citation keys the records carried.

    Every record is normalised first (see ``records.normalise``). One that the library could not recognise again
    (no PMID, DOI or title) is not stored, since a re-import would add it again: it is counted as skipped, and
    described in ``skipped`` if given.
    """
    from .tagging.tagger import tag_many

    counts = {"added": 0, "updated": 0, "skipped": 0}
    with lib.transaction():
        touched: dict[int, None] = {}
        taken: set[str] | None = None
        copies: Counter[tuple[int, str, str]] = Counter()  # records per (stored record, source): a file's duplicates
        for rec in records:
            if not rec.get("_normalised"):
                normalise(rec)
            if not has_identity(rec):
                counts["skipped"] += 1
                if skipped is not None:
                    source = next((p.get("source") for p in rec.get("provenance") or []), None) or "input"
                    skipped.append(f"{source}: a record without PMID, DOI or title was skipped")
                continue
            own = rec.get("citekey")
            if own and taken is None:
                taken = lib.citekeys()
            doc_id, action = lib.upsert(rec)
            copies.update((doc_id, p.get("source"), p.get("kind")) for p in rec.get("provenance") or [])
            if own and taken is not None:
                if action == "updated":
                    _settle_key(lib, doc_id, own, taken, key_notes if key_notes is not None else [])
                else:
                    got = lib.record(doc_id)
                    if got["citekey"] != own and key_notes is not None:
                        why = "is in use" if own in taken else "cannot be used"
                        key_notes.append(f"{identity(got)}: the file's key {own!r} {why}; assigned {got['citekey']!r}")
                    taken.add(got["citekey"])
            if action == "added" and rec.get("_pretagged"):
                touched.pop(doc_id, None)  # tagged in the parser's workers from this very content
            else:
                touched[doc_id] = None
            counts[action] += 1
        _count_copies(lib, copies)
        ids = list(touched)
        for doc_id, tagged in zip(ids, tag_many([lib.record(i) for i in ids]), strict=True):
            lib.put(doc_id, tagged)
    return counts


def import_files(
    lib: Library, paths: Iterable[str | Path], fmt: str | None = None, relative_to: Path | None = None
) -> ImportReport:
    """Parse every file and store all records in one transaction.

    A large PubMed XML file is parsed in worker processes, and the records of each part are stored (in memory) as
    the part is done, while the next parts are parsed; nothing is written until every file has been read, and a file
    that cannot be read leaves the library as it was. The library's lock is taken only to commit: if another process
    commits while the files are parsed, the records are stored again under the lock.

    ``relative_to``: record each file's provenance relative to this folder (the shipped library does, so that it
    reads the same on every machine).
    """

    def label(path: str | Path) -> str | None:
        return None if relative_to is None else Path(path).resolve().relative_to(relative_to.resolve()).as_posix()

    report = ImportReport()
    kept: list[Record] | None = []  # the records handed over, while they may have to be stored again

    def records() -> Iterator[Record]:
        for path in paths:
            parsed, batches = open_file(path, fmt, postprocess=prepare, label=label(path))
            report.skipped.extend(parsed.skipped)
            count = 0
            for batch in batches:
                count += len(batch)
                batch.reverse()
                while batch:
                    rec = batch.pop()  # let go of once it is handed over (the library keeps what it stores)
                    if kept is not None:
                        kept.append(rec)
                    yield rec
            report.files.append({"path": str(parsed.path), "format": parsed.format, "records": count})

    parsing = records()
    keys: list[str] = []
    skipped: list[str] = []
    with no_gc():  # many objects, all kept: the collector would only walk them again and again
        try:
            # Parse and store without the lock: another writer need not wait for the parse. If one commits
            # meanwhile, store everything again under the lock (the parse goes on where it was).
            with lib.transaction(unlocked=True):
                counts = store_records(lib, parsing, keys, skipped)
        except LibraryChanged:
            again, kept = kept or [], None
            keys, skipped = [], []
            counts = store_records(lib, chain(again, parsing), keys, skipped)
    kept = None
    report.keys, report.skipped = keys, report.skipped + skipped
    report.added, report.updated = counts["added"], counts["updated"]
    return report
