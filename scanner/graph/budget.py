"""Client-side resource-unit budget that follows Entra's published throttling model.

Graph (identity and access) charges each request a cost in resource units (RU) and lets one app
spend a fixed budget per tenant in any 10-second window: 3,500 / 5,000 / 8,000 RU for tenants with
fewer than 50 / 50–500 / more than 500 users. Staying under it ourselves is cheaper than being
told to back off: a 429 wastes a round trip and its ``Retry-After`` is usually longer than the
wait we would have needed. https://learn.microsoft.com/graph/throttling-limits#identity-and-access-service-limits
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 10.0

_COSTS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"/directoryObjects/getByIds$"), 5),
    (re.compile(r"/groups/[^/]+/(transitive)?members"), 3),
    (re.compile(r"/(users|applications|oauth2PermissionGrants)$"), 2),
    (re.compile(r"/delta(\(\))?$"), 2),
    (re.compile(r"/appRoleAssignedTo$|/appRoleAssignments$"), 2),
)
"""Base costs of list requests Graph documents; everything else costs 1."""


def tenant_budget(user_count: int | None) -> int:
    """RU per 10 s for a tenant of ``user_count`` users (unknown → the smallest, to be safe)."""
    if user_count is None or user_count < 50:
        return 3500
    if user_count <= 500:
        return 5000
    return 8000


def request_cost(path: str, *, has_select: bool) -> int:
    """Resource units one GET of ``path`` costs; ``$select`` takes one off (never below 1)."""
    path = path.split("?", 1)[0].rstrip("/")
    base = 1
    for pattern, cost in _COSTS:
        if pattern.search(path):
            base = cost
            break
    return max(1, base - 1) if has_select else base


class RuBudget:
    """A sliding-window limiter: never more than ``limit`` RU inside any ``window`` seconds.

    A token bucket would allow a burst of ``limit`` plus refill within one window, i.e. up to twice
    what Graph tolerates; a sliding window mirrors Graph's own accounting. ``headroom`` keeps a
    margin for other apps' traffic and clock skew.
    """

    def __init__(
        self,
        limit: int,
        *,
        window: float = WINDOW_SECONDS,
        headroom: float = 0.95,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limit = limit
        self._window = window
        self._headroom = headroom
        self._clock = clock
        self._spent: deque[tuple[float, int]] = deque()
        self._in_window = 0
        self._lock = asyncio.Lock()
        self._paused_until = 0.0
        self.total = 0
        self.waited = 0.0

    @property
    def limit(self) -> int:
        return self._limit

    def set_limit(self, limit: int) -> None:
        """Raise (or lower) the budget once the tenant size is known."""
        self._limit = limit

    def delay_for(self, cost: int) -> float:
        """Seconds until ``cost`` RU fit in the window (0 when they fit now); no side effects."""
        now = self._clock()
        self._expire(now)
        allowed = self._limit * self._headroom
        if self._in_window + cost <= allowed or not self._spent:
            return 0.0
        need = self._in_window + cost - allowed
        freed = 0
        for stamp, spent in self._spent:
            freed += spent
            if freed >= need:
                return max(0.0, stamp + self._window - now)
        return max(0.0, self._spent[-1][0] + self._window - now)

    def pause(self, seconds: float) -> None:
        """Hold every sender for ``seconds``: after a 429 the whole app is over budget."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    def charge(self, cost: int) -> None:
        now = self._clock()
        self._spent.append((now, cost))
        self._in_window += cost
        self.total += cost

    async def acquire(self, cost: int) -> None:
        """Wait until ``cost`` RU fit, then spend them. Serialised so waiters keep their order."""
        async with self._lock:
            while (delay := max(self._paused_until - self._clock(), self.delay_for(cost))) > 0:
                self.waited += delay
                await asyncio.sleep(delay)
            self.charge(cost)

    def _expire(self, now: float) -> None:
        while self._spent and self._spent[0][0] + self._window <= now:
            self._in_window -= self._spent.popleft()[1]


__all__ = ["WINDOW_SECONDS", "RuBudget", "request_cost", "tenant_budget"]
