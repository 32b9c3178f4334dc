"""Results a process has already worked out, kept for the process in a bounded dict (one home for the engine's memos:
the kind model's readings, a record's parsed findings, the words a condition or textbook part names in a text, a
finding's sentence with its abbreviations expanded, one text's embedding)."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Kept(dict[K, V]):
    """A dict of results keyed on what each was computed from, holding at most ``size``: when full it is emptied at
    once (the results are cheap to make again; the bound keeps the memory of a long run flat)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` (emptying the dict first when it is full) and return it."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
