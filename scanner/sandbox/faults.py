"""Random faults for ``--faults``: 503 with Retry-After, dropped connections and empty pages in a
nextLink chain, at ``fault_rate``, drawn from an RNG seeded by the tenant seed so that a failing
run can be replayed. Test-driven faults come from ``context.FaultPlan`` and take precedence."""

from __future__ import annotations

import random
import threading

from m365inv.sandbox.context import FaultRule


class RandomFaults:
    def __init__(self, seed: int, rate: float) -> None:
        self._rng = random.Random(seed ^ 0x5EED)  # noqa: S311 — replayable faults, not crypto
        self._rate = rate
        self._lock = threading.Lock()

    def pick(self, path: str) -> FaultRule | None:
        with self._lock:
            if self._rng.random() >= self._rate:
                return None
            kind = self._rng.random()
        if kind < 0.5:
            return FaultRule(path_contains=path, status=503, retry_after=1)
        if kind < 0.75:
            return FaultRule(path_contains=path, drop=True)
        if "$skiptoken" in path:
            return FaultRule(path_contains=path, empty_page=True)
        return FaultRule(path_contains=path, status=429, retry_after=1)
