"""The snapshot store: dated inventories per profile, in SQLite (default) or PostgreSQL.

A snapshot is written in ONE transaction — the inventory JSON, the collected ``TenantData``
(the next scan's delta needs it) and the delta links — so a scan killed at any point leaves
either the whole snapshot or none of it. SQLite runs with ``BEGIN IMMEDIATE`` (the write lock is
taken at the start, not at the first write) and its rollback journal; PostgreSQL with its own
transactions. Both go through SQLAlchemy Core; PostgreSQL uses the psycopg 3 driver.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import platformdirs
import sqlalchemy as sa
from sqlalchemy import Connection, Engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from m365inv.errors import ConfigError, SnapshotNotFound, StoreError
from m365inv.logsafe import redact, remember_secret
from m365inv.models import Inventory, TenantData
from m365inv.store import schema
from m365inv.store.faults import Checkpoint, no_checkpoint
from m365inv.store.lock import advisory_lock, file_lock

ENV_STORE = "M365INV_STORE"
_WRITE = "m365inv_write"
Clock = Callable[[], datetime]


class SnapshotInfo(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    id: int
    profile: str
    tenant_id: str
    taken_at: str
    schema_version: str
    apps: int
    flows: int
    findings: int


class Snapshot(msgspec.Struct, frozen=True, kw_only=True):
    info: SnapshotInfo
    inventory: Inventory
    tenant_data: TenantData | None
    delta_links: dict[str, str]


def default_store_url() -> str:
    folder = Path(platformdirs.user_data_dir("m365inv", appauthor=False))
    return f"sqlite:///{folder / 'snapshots.sqlite3'}"


def resolve_store_url(value: str | None = None) -> str:
    """``--store`` beats ``M365INV_STORE`` beats the platform data dir; a bare path is SQLite."""
    url = value or os.environ.get(ENV_STORE) or default_store_url()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class SnapshotStore:
    """Open with :func:`open_store`; safe to share across threads, not across forks."""

    def __init__(
        self,
        url: str,
        *,
        clock: Clock = _now,
        lock_timeout: float = 0.0,
        checkpoint: Checkpoint = no_checkpoint,
    ) -> None:
        self.url = resolve_store_url(url)
        self.clock = clock
        self._checkpoint = checkpoint  # crash tests inject one; production never does
        self.lock_timeout = lock_timeout
        self._held: set[str] = set()
        try:
            parsed = make_url(self.url)
        except (ArgumentError, ValueError):  # ValueError: a port that is not a number
            raise ConfigError("the snapshot store URL is not valid") from None
        remember_secret(parsed.password)
        query_password = parsed.query.get("password")
        remember_secret(query_password if isinstance(query_password, str) else None)
        self.display_url = redact(parsed.render_as_string(hide_password=True))
        self.postgres = parsed.get_backend_name() == "postgresql"
        self.sqlite_path: Path | None = None
        if parsed.get_backend_name() == "sqlite":
            self.sqlite_path = self._prepare_sqlite(parsed.database)
        elif not self.postgres:
            raise ConfigError(
                f"unsupported store {parsed.get_backend_name()!r}: use sqlite or postgresql"
            )
        with self._errors("open"):
            self.engine = self._engine()
            self.writer = self.engine.execution_options(**{_WRITE: True})
            version = schema.migrate(self.engine, self.writer, postgres=self.postgres)
            self._check_version(version)

    # ------------------------------------------------------------------ setup

    @staticmethod
    def _prepare_sqlite(database: str | None) -> Path:
        if not database or database == ":memory:":
            raise ConfigError("the snapshot store needs a file, not an in-memory database")
        path = Path(database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # The store holds personal data about the tenant's users: owner-only from birth.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        except OSError as exc:
            raise StoreError(f"cannot create snapshot store {path}: {exc.strerror}") from None
        return path

    def _engine(self) -> Engine:
        if not self.postgres:
            engine = sa.create_engine(self.url, connect_args={"timeout": 30})

            @event.listens_for(engine, "connect")
            def _connect(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
                dbapi_conn.execute("PRAGMA foreign_keys=ON")

            @event.listens_for(engine, "begin")
            def _begin(conn: Connection) -> None:
                # Writers take the write lock up front (no deadlock-prone lock upgrade);
                # readers stay deferred so they never wait behind a writer.
                write = conn.get_execution_options().get(_WRITE, False)
                conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")

            return engine
        return sa.create_engine(self.url, pool_pre_ping=True)

    def _check_version(self, version: int) -> None:
        with self.engine.connect() as conn:
            newest = conn.execute(select(func.max(schema.migrations.c.version))).scalar() or 0
        if newest > schema.LATEST:
            raise StoreError(
                f"snapshot store is at schema version {newest}; this m365inv knows {version}",
                tip="upgrade m365inv",
            )

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise StoreError(
                f"snapshot store {self.display_url}: {what} failed: {detail}"
            ) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SnapshotStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ locking

    @contextmanager
    def lock(self, tenant_id: str, timeout: float | None = None) -> Iterator[None]:
        """Hold the per-tenant lock (re-entrant within this store object)."""
        if tenant_id in self._held:
            yield
            return
        wait = self.lock_timeout if timeout is None else timeout
        if self.sqlite_path is not None:
            ctx = file_lock(self.sqlite_path.parent, tenant_id, wait)
        else:
            ctx = advisory_lock(self.engine, tenant_id, wait)
        with self._errors("lock"), ctx:
            self._held.add(tenant_id)
            try:
                yield
            finally:
                self._held.discard(tenant_id)

    # ------------------------------------------------------------------ writing

    def save(
        self, profile: str, inventory: Inventory, tenant_data: TenantData | None = None
    ) -> SnapshotInfo:
        """Store one snapshot atomically (inventory, collected data, delta links)."""
        tenant_id = inventory.tenant.id
        row = {
            "profile": profile,
            "tenant_id": tenant_id,
            "taken_at": _stamp(self.clock()),
            "schema_version": inventory.schema_version,
            "app_count": len(inventory.apps),
            "flow_count": len(inventory.flows),
            "finding_count": sum(len(a.findings) for a in inventory.apps),
            "inventory": msgspec.json.encode(inventory, order="sorted"),
            "tenant_data": msgspec.json.encode(tenant_data) if tenant_data else None,
        }
        links = dict(tenant_data.delta_links) if tenant_data else {}
        with self.lock(tenant_id):
            self._checkpoint("locked")
            with self._errors("save"), self.writer.begin() as conn:
                self._checkpoint("begin")
                new_id = conn.execute(schema.snapshots.insert().values(**row)).inserted_primary_key
                assert new_id is not None
                snap_id = int(new_id[0])
                self._checkpoint("snapshot-row")
                if links:
                    conn.execute(
                        schema.delta_links.insert(),
                        [
                            {"snapshot_id": snap_id, "source": s, "link": u}
                            for s, u in links.items()
                        ],
                    )
                self._checkpoint("delta-links")
                self._checkpoint("before-commit")
            self._checkpoint("committed")
        return self._info({**row, "id": snap_id})

    def prune(
        self, profile: str, *, keep_last: int | None = None, keep_days: float | None = None
    ) -> list[int]:
        """Delete old snapshots of ``profile``; a snapshot survives if it is among the
        ``keep_last`` newest OR younger than ``keep_days``. The newest always survives."""
        if keep_last is not None and keep_last < 1:
            raise ConfigError("keep_last must be at least 1")
        if keep_last is None and keep_days is None:
            return []
        cutoff = _stamp(self.clock() - timedelta(days=keep_days)) if keep_days is not None else None
        t = schema.snapshots
        with self._errors("prune"), self.writer.begin() as conn:
            rows = conn.execute(
                select(t.c.id, t.c.taken_at).where(t.c.profile == profile).order_by(t.c.id.desc())
            ).all()
            doomed = []
            for rank, (snap_id, taken_at) in enumerate(rows):
                by_count = keep_last is not None and rank < keep_last
                by_age = cutoff is not None and taken_at >= cutoff
                if rank > 0 and not by_count and not by_age:
                    doomed.append(int(snap_id))
            if doomed:
                dl = schema.delta_links
                conn.execute(dl.delete().where(dl.c.snapshot_id.in_(doomed)))
                conn.execute(t.delete().where(t.c.id.in_(doomed)))
        return sorted(doomed)

    # ------------------------------------------------------------------ reading

    _INFO_COLS = ("id", "profile", "tenant_id", "taken_at", "schema_version",
                  "app_count", "flow_count", "finding_count")  # fmt: skip

    @staticmethod
    def _info(row: Any) -> SnapshotInfo:
        m = dict(row)
        return SnapshotInfo(
            id=int(m["id"]), profile=m["profile"], tenant_id=m["tenant_id"],
            taken_at=m["taken_at"], schema_version=m["schema_version"],
            apps=m["app_count"], flows=m["flow_count"], findings=m["finding_count"],
        )  # fmt: skip

    def list(self, profile: str | None = None) -> list[SnapshotInfo]:
        """Snapshots, oldest first (all profiles when ``profile`` is None)."""
        t = schema.snapshots
        query = select(*(t.c[c] for c in self._INFO_COLS)).order_by(t.c.id)
        if profile is not None:
            query = query.where(t.c.profile == profile)
        with self._errors("list"), self.engine.connect() as conn:
            return [self._info(r._mapping) for r in conn.execute(query)]

    def get(self, snapshot_id: int) -> Snapshot:
        t, dl = schema.snapshots, schema.delta_links
        with self._errors("read"), self.engine.connect() as conn:
            row = conn.execute(select(t).where(t.c.id == snapshot_id)).first()
            if row is None:
                raise SnapshotNotFound(
                    f"no snapshot with id {snapshot_id}", tip="see m365inv history"
                )
            links = conn.execute(
                select(dl.c.source, dl.c.link).where(dl.c.snapshot_id == snapshot_id)
            ).all()
        m = row._mapping
        try:
            inventory = msgspec.json.decode(m["inventory"], type=Inventory)
            data = m["tenant_data"]
            tenant_data = msgspec.json.decode(data, type=TenantData) if data else None
        except (msgspec.ValidationError, msgspec.DecodeError) as exc:
            raise StoreError(f"snapshot {snapshot_id} is unreadable: {exc}") from None
        return Snapshot(
            info=self._info(m),
            inventory=inventory,
            tenant_data=tenant_data,
            delta_links={s: u for s, u in sorted(links)},
        )

    def latest(self, profile: str) -> Snapshot | None:
        infos = self.list(profile)
        return self.get(infos[-1].id) if infos else None

    def previous(self, profile: str, before_id: int) -> Snapshot | None:
        """The newest snapshot of ``profile`` older than ``before_id`` (diff's default base)."""
        older = [i for i in self.list(profile) if i.id < before_id]
        return self.get(older[-1].id) if older else None


def open_store(
    url: str | None = None,
    *,
    clock: Clock = _now,
    lock_timeout: float = 0.0,
    checkpoint: Checkpoint = no_checkpoint,
) -> SnapshotStore:
    """Open (and migrate) the store at ``url`` / ``$M365INV_STORE`` / the platform default."""
    return SnapshotStore(
        resolve_store_url(url), clock=clock, lock_timeout=lock_timeout, checkpoint=checkpoint
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
