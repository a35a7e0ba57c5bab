"""Snapshot store: dated inventories per profile (SQLite default, PostgreSQL for teams)."""

from __future__ import annotations

from m365inv.store.store import (
    ENV_STORE,
    Snapshot,
    SnapshotInfo,
    SnapshotStore,
    default_store_url,
    open_store,
    resolve_store_url,
)

__all__ = [
    "ENV_STORE",
    "Snapshot",
    "SnapshotInfo",
    "SnapshotStore",
    "default_store_url",
    "open_store",
    "resolve_store_url",
]
