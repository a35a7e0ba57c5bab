"""Tables of the snapshot store and their migrations (recorded in ``m365inv_migrations``).

Each migration runs in its own transaction together with the row that records it, so a crash
mid-migration leaves the previous version intact (SQLite and PostgreSQL both have
transactional DDL). To change the schema, append a migration; never edit a shipped one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)

metadata = MetaData()

migrations = Table(
    "m365inv_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

snapshots = Table(
    "m365inv_snapshots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("profile", String(200), nullable=False),
    Column("tenant_id", String(200), nullable=False),
    Column("taken_at", String(40), nullable=False),  # RFC 3339 UTC, sortable as text
    Column("schema_version", String(20), nullable=False),
    Column("app_count", Integer, nullable=False),
    Column("flow_count", Integer, nullable=False),
    Column("finding_count", Integer, nullable=False),
    Column("inventory", LargeBinary, nullable=False),  # inventory JSON
    Column("tenant_data", LargeBinary, nullable=True),  # collected TenantData JSON (for delta)
    Index("ix_m365inv_snapshots_profile", "profile", "id"),
)

delta_links = Table(
    "m365inv_delta_links",
    metadata,
    Column(
        "snapshot_id",
        Integer,
        ForeignKey("m365inv_snapshots.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("source", String(200), primary_key=True),
    Column("link", Text, nullable=False),
)

MIGRATION_LOCK_KEY = 0x6D33_3635_696E_7601  # PostgreSQL advisory lock id for migrations


def _v1(conn: Connection) -> None:
    for table in (snapshots, delta_links):
        table.create(conn, checkfirst=True)


MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = (
    (1, "snapshots and delta links", _v1),
)
LATEST = MIGRATIONS[-1][0]


def _applied(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(migrations.name):
            return set()
        return set(conn.execute(select(migrations.c.version)).scalars())


def migrate(reader: Engine, writer: Engine, *, postgres: bool) -> int:
    """Apply pending migrations; returns the newest version this code knows.

    An up-to-date store is only read (so opening it never waits behind a running snapshot);
    pending migrations each run in one write transaction, serialised across processes by
    SQLite's write lock or a PostgreSQL advisory transaction lock.
    """
    if {v for v, _d, _s in MIGRATIONS} <= _applied(reader):
        return LATEST
    for version, description, step in MIGRATIONS:
        with writer.begin() as conn:
            if postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
            migrations.create(conn, checkfirst=True)
            done = conn.execute(
                select(migrations.c.version).where(migrations.c.version == version)
            ).first()
            if done is None:
                step(conn)
                conn.execute(
                    migrations.insert().values(
                        version=version,
                        description=description,
                        applied_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    )
                )
    return LATEST


__all__ = ["LATEST", "MIGRATIONS", "delta_links", "metadata", "migrate", "migrations", "snapshots"]
