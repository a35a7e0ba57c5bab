"""One snapshot per tenant at a time: a file lock for SQLite, an advisory lock for PostgreSQL.

Both are released by the operating system / the server when the holder dies (a SIGKILLed
snapshot never leaves a stale lock behind): ``flock`` locks vanish with the process, and
PostgreSQL drops session advisory locks when the connection closes.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock
from sqlalchemy import Engine, text

from m365inv.errors import StoreError

POLL_S = 0.1


def lock_key(tenant_id: str) -> int:
    """A stable signed 64-bit id for ``pg_advisory_lock`` (case-insensitive tenant id)."""
    digest = hashlib.sha256(f"m365inv:{tenant_id.lower()}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _busy(tenant_id: str) -> StoreError:
    return StoreError(
        f"another snapshot of tenant {tenant_id} is running",
        tip="wait for it to finish, or raise --lock-timeout",
    )


@contextmanager
def file_lock(folder: Path, tenant_id: str, timeout: float) -> Iterator[None]:
    name = hashlib.sha256(tenant_id.lower().encode()).hexdigest()[:24]
    lock = filelock.FileLock(folder / f".m365inv-{name}.lock", timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise _busy(tenant_id) from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def advisory_lock(engine: Engine, tenant_id: str, timeout: float) -> Iterator[None]:
    key = lock_key(tenant_id)
    deadline = time.monotonic() + max(timeout, 0.0)
    with engine.connect() as conn:
        while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            conn.rollback()
            if time.monotonic() >= deadline:
                raise _busy(tenant_id)
            time.sleep(POLL_S)
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()


__all__ = ["advisory_lock", "file_lock", "lock_key"]
