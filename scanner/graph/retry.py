"""When to try a Graph request again, and how long to wait — the one place that decides.

The SDK's ``RetryHandler`` middleware is left out of our pipeline on purpose: it retries 429/503
inside the transport where neither the resource-unit budget nor the progress counters can see
it, and it does not look inside ``$batch`` answers. Keeping every retry here means one
``Retry-After`` policy for outer and inner requests, and honest "R retried, T throttled" numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


class RetryableStatus(Exception):
    """A transient status (429/5xx); carries the wait Graph asked for."""

    def __init__(self, status: int, wait: float, error: Exception) -> None:
        super().__init__(f"Graph {status}, retry in {wait:.1f}s")
        self.status = status
        self.wait = wait
        self.error = error


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for one request: attempts in total, backoff for errors without ``Retry-After``."""

    max_attempts: int = 8
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    max_malformed: int = 2  # a truncated body is retried, but not forever

    def backoff(self, attempt: int) -> float:
        """Exponential backoff for connection errors (attempt counts from 1)."""
        return float(min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1)))


TRANSPORT_ERRORS: tuple[type[Exception], ...] = (
    httpx.TransportError,  # connect/read errors, timeouts, dropped connections
)


def wait_for(exc: BaseException, attempt: int, policy: RetryPolicy) -> float:
    """The wait before the next attempt: Graph's ``Retry-After`` wins, else backoff."""
    if isinstance(exc, RetryableStatus):
        return exc.wait
    return policy.backoff(attempt)


__all__ = ["TRANSPORT_ERRORS", "RetryPolicy", "RetryableStatus", "wait_for"]
