"""Entra's resource-unit budget for directory reads (DESIGN.md "Graph limits"): per app and
tenant, 3,500 / 5,000 / 8,000 RU per 10 s for tenants with <50 / 50–500 / >500 users. Over budget,
Graph answers 429 with ``Retry-After`` (seconds until the window frees enough units)."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW_S = 10.0


def budget_for(users: int) -> int:
    return 3500 if users < 50 else 5000 if users <= 500 else 8000


class ResourceUnitBudget:
    """Sliding 10-second window per client id."""

    def __init__(
        self, users: int, *, limit: int | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit if limit is not None else budget_for(users)
        self._clock = clock
        self._lock = threading.Lock()
        self._spent: dict[str, deque[tuple[float, int]]] = {}

    def charge(self, client_id: str, cost: int) -> int | None:
        """Spends ``cost`` units; returns None, or the Retry-After seconds when over budget."""
        now = self._clock()
        with self._lock:
            spent = self._spent.setdefault(client_id, deque())
            while spent and spent[0][0] <= now - WINDOW_S:
                spent.popleft()
            used = sum(c for _, c in spent)
            if used + cost <= self.limit:
                spent.append((now, cost))
                return None
            freed, wait = 0, WINDOW_S
            for t, c in spent:  # oldest first: when has enough expired?
                freed += c
                if used - freed + cost <= self.limit:
                    wait = t + WINDOW_S - now
                    break
            return max(1, math.ceil(wait))

    def reset(self) -> None:
        with self._lock:
            self._spent.clear()


def request_cost(base_cost: int, params: dict[str, str] | None) -> int:
    """``$select`` makes a directory read 1 RU cheaper (never below 1)."""
    return max(1, base_cost - (1 if params and "$select" in params else 0))
