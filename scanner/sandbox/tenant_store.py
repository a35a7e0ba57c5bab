"""``Objects``: a lazily generated collection with an overlay for test mutations and a change log
for delta queries. Generated objects are addressed by a *raw index* that never changes: indices
below ``base`` come from ``make(i)``, those above are objects added at runtime. Removal leaves a
hole (``get`` returns None), so paging tokens that carry a raw index stay valid across mutations.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

Record = dict[str, Any]


class Objects:
    def __init__(
        self,
        base: int,
        make: Callable[[int], Record],
        find: Callable[[str], int | None],
        lock: threading.RLock,
    ) -> None:
        self.base = base
        self._make = make
        self._find = find
        self._lock = lock
        self._added: list[Record] = []
        self._removed: set[int] = set()
        self._replaced: dict[int, Record] = {}
        self._changes: list[tuple[int, int]] = []  # (version, raw index)

    def __len__(self) -> int:
        """Raw size (upper bound of indices), not the live count."""
        return self.base + len(self._added)

    def live_count(self) -> int:
        return len(self) - len(self._removed)

    def get(self, i: int) -> Record | None:
        if i < 0 or i >= len(self) or i in self._removed:
            return None
        if i in self._replaced:
            return self._replaced[i]
        return self._make(i) if i < self.base else self._added[i - self.base]

    def index(self, oid: str) -> int | None:
        i = self._find(oid)
        if i is not None and 0 <= i < self.base:
            return None if i in self._removed else i
        with self._lock:
            for j, obj in enumerate(self._added):
                if obj.get("id") == oid and self.base + j not in self._removed:
                    return self.base + j
        return None

    def by_id(self, oid: str) -> Record | None:
        i = self.index(oid)
        return None if i is None else self.get(i)

    def iter_live(self, start: int = 0) -> Iterator[tuple[int, Record]]:
        for i in range(start, len(self)):
            obj = self.get(i)
            if obj is not None:
                yield i, obj

    def add(self, obj: Record, version: int) -> int:
        with self._lock:
            self._added.append(obj)
            i = len(self) - 1
            self._changes.append((version, i))
            return i

    def remove(self, i: int, version: int) -> Record:
        with self._lock:
            obj = self.get(i)
            if obj is None:
                raise KeyError(i)
            self._removed.add(i)
            self._changes.append((version, i))
            return obj

    def replace(self, i: int, obj: Record, version: int) -> None:
        with self._lock:
            self._replaced[i] = obj
            self._changes.append((version, i))

    def changed_since(self, version: int, upto: int | None = None) -> list[int]:
        """Raw indices changed in (version, upto] (each once, in order of their last change)."""
        with self._lock:
            last = {i: v for v, i in self._changes if v > version and (upto is None or v <= upto)}
        return sorted(last, key=lambda i: last[i])

    def removed_record(self, i: int) -> Record:
        """The record as it was before removal (delta reports its id under ``@removed``)."""
        if i in self._replaced:
            return self._replaced[i]
        return self._make(i) if i < self.base else self._added[i - self.base]

    def is_removed(self, i: int) -> bool:
        return i in self._removed
