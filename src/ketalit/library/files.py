"""A library's files, and how several of them change together (the commit protocol).

The library folder holds:

    ketalit.json        the manifest: schema version, counters, and every other file with the generation (the
                        number of the commit) that last wrote it
    user.json           what people did: notes, screening decisions, claim reviews, saved searches, removals, and
                        the user fields of each record (manual tags, hand edits, a pinned citation key)
    claims.json         linked claims: their verdicts and evidence
    ids/pmid.json ...   which record has which PMID, DOI, PMCID, citation key and title (see ``idmap``)
    records/0000.json   the records, a bounded number of ids per file (see ``db``)

A write (a commit) replaces any number of them, all or nothing:

1. every new file is written as a temporary file beside the one it replaces and fsynced, and so are their folders;
2. the journal (.ketalit.journal), listing the renames to make, is written atomically: this is the commit point;
3. the temporary files are renamed over the old ones, the manifest last, and the folders are fsynced;
4. the journal is deleted.

A process killed before 2 leaves the old state, and temporary files that the next write deletes. Killed after 2, it
leaves the journal, and the next ketalit to open the library makes the renames: the new state. Only the holder of
the lock (see ``lock``) commits, and it finishes any journal it finds before it reads anything.

Readers take no lock. A reader sees the library as of one commit, its view: it reads the manifest, then each file it
needs, checking afterwards that no commit happened meanwhile (no journal, the manifest unchanged). A commit that
only changed files the reader had not read yet moves its view forward; one that changed a file it already used
cannot be reconciled, and the reader stops with ``LibraryChanged`` (run the command again). A reader that finds the
journal of a writer that died finishes it (under the lock), and waits for one that is still renaming.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

from ..errors import KetalitError, LibraryBusy, LibraryChanged, NotFound
from .lock import POLL, LibraryLock
from .storage import (
    atomic_write_bytes,
    damaged,
    describe,
    dump_tables,
    fsync_dir,
    parse_json,
    remove_stale_tmp_in,
    shape_problem,
    write_temp,
)

MANIFEST = "ketalit.json"
JOURNAL = ".ketalit.journal"
RECORDS_DIR = "records"
_NAME = re.compile(r"(?:user|claims)\.json|records/\d{4,}\.json|ids/(?:citekey|doi|pmcid|pmid|title)\.json")
_TMP = re.compile(r"(?:(?:records|ids)/)?\.[\w.-]+\.tmp")
META_INTS = ("generation", "next_id", "records", "shard_size", "records_version")


def valid_name(name: Any) -> bool:
    return isinstance(name, str) and bool(_NAME.fullmatch(name))


def manifest_problem(meta: dict[str, Any], data: dict[str, Any]) -> str | None:
    """What is wrong with a manifest of the current layout (None if nothing)."""
    if set(data) != {"meta"}:
        extra = sorted(set(data) - {"meta"})[0]
        return f"unexpected table {extra[:40]!r} beside the manifest"
    for key in META_INTS:
        value = meta.get(key)
        if type(value) is not int or value < (1 if key in ("next_id", "shard_size") else 0):
            return f"{key.replace('_', ' ')} {value!r} is not a count"
    files = meta.get("files")
    if not isinstance(files, dict):
        return "no list of the library's files"
    for name, gen in files.items():
        if not valid_name(name):
            return f"{name[:60]!r} is not a library file name"
        if type(gen) is not int or not 0 < gen <= meta["generation"]:
            return f"{name} has generation {gen!r}"
    return None


class Manifest:
    """The parsed manifest: its meta row, and the whole file's tables for a library of an older layout."""

    def __init__(self, raw: bytes, meta: dict[str, Any], data: dict[str, Any]) -> None:
        self.raw, self.meta, self.data = raw, meta, data

    @property
    def generation(self) -> int:
        return self.meta.get("generation", 0)

    @property
    def files(self) -> dict[str, int]:
        return self.meta.get("files") or {}


class FileSet:
    def __init__(self, root: Path, lock: LibraryLock, timeout: Callable[[], float], schema: int) -> None:
        self.root = root
        self.lock = lock
        self.timeout = timeout
        self.schema = schema  # manifests of this schema version are checked as the current layout
        self.locked = False  # this process holds the lock: nobody else commits
        self.virtual: dict[str, bytes] | None = None  # a library converted in memory (it could not be written)
        self.view: Manifest | None = None
        self.loaded: set[str] = set()
        self.create: dict[str, Any] | None = None  # ``init``: an absent manifest is an empty library with this row

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    def reset(self) -> None:
        self.view = None
        self.loaded = set()

    # -- reading ---------------------------------------------------------------------------------------------------
    def manifest(self) -> Manifest:
        if self.view is None:
            self.view = self._current()
        return self.view

    def _parse(self, raw: bytes) -> Manifest:
        if self.view is not None and raw == self.view.raw:
            return self.view
        path = self.manifest_path
        data = parse_json(path, raw)
        why = shape_problem(data)
        if why:
            raise damaged(path, why)
        meta = dict(next(iter(data["meta"].values())))
        if meta["schema_version"] == self.schema:
            why = manifest_problem(meta, data)
            if why:
                raise damaged(path, why)
        return Manifest(raw, meta, data)

    def _raw_manifest(self) -> bytes | None:
        try:
            return self.manifest_path.read_bytes()
        except FileNotFoundError:
            if self.create is not None:
                return None
            raise NotFound(
                f"no ketalit library at {self.root}/ (run `ketalit init {self.root}` to create one)"
            ) from None
        except OSError as exc:
            raise KetalitError(f"{self.manifest_path}: cannot read the library ({describe(exc)})") from exc

    def changed_since(self, raw: bytes) -> bool:
        """Whether the library is no longer as the manifest ``raw`` described it: this view has moved on to a newer
        commit, or the manifest on disk is another (another process committed)."""
        return self.manifest().raw != raw or self._raw_manifest() != raw

    def _current(self) -> Manifest:
        if self.virtual is not None:
            return self._parse(self.virtual[MANIFEST])
        self.settle()
        raw = self._raw_manifest()
        if raw is None:
            empty = {"schema_version": self.schema, "generation": 0, "files": {}, **(self.create or {})}
            return Manifest(b"", empty, {})
        return self._parse(raw)

    def read(self, name: str) -> Any | None:
        """The parsed JSON of one of the library's files as of the view; None if the library has no such file yet."""
        view = self.manifest()
        if name not in view.files:
            self.loaded.add(name)
            return None
        path = self.root / name
        if self.virtual is not None:
            raw = self.virtual[name]
        elif self.locked:
            raw = self._read_file(path)
        else:
            raw = self._read_consistent(name, path)
        self.loaded.add(name)
        return parse_json(path, raw)

    @staticmethod
    def _read_file(path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise damaged(path, "the file is missing; the library's manifest lists it") from None
        except OSError as exc:
            raise KetalitError(f"{path}: cannot read the library ({describe(exc)})") from exc

    def _read_consistent(self, name: str, path: Path) -> bytes:
        deadline = time.monotonic() + self.timeout()
        while True:
            self.settle()
            before = self._raw_manifest()
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                raw = None
            if not (self.root / JOURNAL).exists() and self._raw_manifest() == before and before is not None:
                break
            if time.monotonic() > deadline:
                raise LibraryBusy(f"{self.root}: the library kept changing while this command read it; try again")
            time.sleep(POLL / 5)
        now = self._parse(before)
        view = self.manifest()
        if now.generation != view.generation:
            if now.files.get(name) != view.files.get(name):
                changed = {n for n in set(now.files) | set(view.files) if now.files.get(n) != view.files.get(n)}
                if changed & self.loaded:
                    raise LibraryChanged(
                        f"{self.root}: another ketalit changed the library while this command read it "
                        f"({', '.join(sorted(changed & self.loaded))}); nothing was changed: run the command again"
                    )
                self.view = now  # nothing read so far has changed: read on as of the newer commit
        if raw is None:
            raise damaged(path, "the file is missing; the library's manifest lists it")
        return raw

    # -- the journal -----------------------------------------------------------------------------------------------
    def settle(self) -> None:
        """Make sure no commit is half done: finish a dead writer's journal, or wait for a live one to finish."""
        journal = self.root / JOURNAL
        if self.virtual is not None or not journal.exists():
            return
        if self.locked:
            self.recover()
            return
        deadline = time.monotonic() + self.timeout()
        while journal.exists():
            try:
                self.lock.acquire(0)
            except LibraryBusy:
                if time.monotonic() >= deadline:
                    raise LibraryBusy(self.lock.busy_message(self.timeout())) from None
                time.sleep(POLL)
                continue
            try:
                self.recover()
            finally:
                self.lock.release()

    def recover(self) -> None:
        """(Lock held.) Finish the commit described by a journal left behind: make its renames, then delete it."""
        journal = self.root / JOURNAL
        try:
            raw = journal.read_bytes()
        except FileNotFoundError:
            return
        try:
            plan = orjson.loads(raw)
            renames = plan["renames"]
            ok = all(valid_name(f) or f == MANIFEST for _, f in renames) and all(_TMP.fullmatch(t) for t, _ in renames)
        except (orjson.JSONDecodeError, TypeError, KeyError, ValueError):
            ok = False
        if not ok:
            raise damaged(journal, "not a journal of renames that ketalit wrote")
        folders = set()
        for tmp, final in renames:
            try:
                os.replace(self.root / tmp, self.root / final)
            except FileNotFoundError:
                if not (self.root / final).exists():
                    raise damaged(journal, f"neither {tmp} nor {final} exists") from None
            folders.add((self.root / final).parent)
        for folder in sorted(folders):
            fsync_dir(folder)
        journal.unlink()
        fsync_dir(self.root)

    # -- writing -----------------------------------------------------------------------------------------------------
    def _next_manifest(self, writes: Mapping[str, Any], meta: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
        view = self.manifest()
        generation = view.generation + 1
        files = dict(view.files)
        for name in writes:
            files[name] = generation
        new_meta = {**meta, "generation": generation, "files": dict(sorted(files.items()))}
        return dump_tables({"meta": {"1": new_meta}}), new_meta

    def generations_after(self, names: Iterable[str]) -> dict[str, int]:
        """Each file with the generation it will have once the files ``names`` are written by a commit."""
        return self._next_manifest(dict.fromkeys(names), {})[1]["files"]

    def stage(self, writes: dict[str, bytes], meta: dict[str, Any]) -> None:
        """Read the library from ``writes`` from now on, as if they had been committed (a library converted in
        memory because it cannot be written)."""
        manifest, _ = self._next_manifest(writes, meta)
        self.virtual = {**writes, MANIFEST: manifest}
        self.reset()

    def commit(self, writes: Mapping[str, bytes | Callable[[], bytes]], meta: dict[str, Any]) -> Manifest:
        """(Lock held.) Replace the files in ``writes`` (their bytes, or a function giving them: a large commit then
        holds one file's bytes at a time) and the manifest, with ``meta`` as its row, in one commit. Raises OSError
        if a file cannot be written before the commit point: then nothing has changed."""
        manifest, new_meta = self._next_manifest(writes, meta)
        files = new_meta["files"]
        order = sorted(writes, key=lambda n: ("/" in n, n))  # files of the library folder first, the manifest last
        items = [(name, writes[name]) for name in order] + [(MANIFEST, manifest)]
        self._remove_stale_temps(set(files))
        for folder in sorted({name.split("/", 1)[0] for name in writes if "/" in name}):
            if not (self.root / folder).is_dir():
                (self.root / folder).mkdir()
                fsync_dir(self.root)
        temps: list[tuple[Path, str]] = []
        try:
            for name, data in items:
                temps.append((write_temp(self.root / name, data() if callable(data) else data), name))
            for parent in sorted({t.parent for t, _ in temps}):
                fsync_dir(parent)
            self.lock.verify()
            plan = {"renames": [[(Path(name).parent / tmp.name).as_posix(), name] for tmp, name in temps]}
            atomic_write_bytes(self.root / JOURNAL, orjson.dumps(plan))
        except BaseException:
            for tmp, _ in temps:
                try:
                    tmp.unlink()
                except FileNotFoundError:
                    pass
            raise
        self.recover()
        self.view = Manifest(manifest, new_meta, {"meta": {"1": new_meta}})
        self.loaded |= set(writes)
        return self.view

    def _remove_stale_temps(self, names: set[str]) -> None:
        by_folder: dict[str, set[str]] = {"": {MANIFEST, JOURNAL, "user.json", "claims.json"}}
        for name in names:
            folder, _, base = name.rpartition("/")
            by_folder.setdefault(folder, set()).add(base)
        for folder, bases in by_folder.items():
            remove_stale_tmp_in(self.root / folder, bases)
