"""Snapshot store on SQLite and PostgreSQL: round trip, migrations, prune, locking, URLs."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest
import sqlalchemy as sa

from m365inv.errors import ConfigError, StoreError
from m365inv.models import TenantData
from m365inv.store import open_store, resolve_store_url
from m365inv.store.lock import lock_key
from tests.reports.fixture_inventory import build_inventory


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, days: float) -> None:
        self.now += timedelta(days=days)


def test_round_trip(store_url: str, tenant_data: TenantData) -> None:
    inv = build_inventory()
    with open_store(store_url) as store:
        assert store.latest("contoso") is None
        info = store.save("contoso", inv, tenant_data)
        assert (info.profile, info.tenant_id, info.apps, info.flows) == (
            "contoso", inv.tenant.id, len(inv.apps), len(inv.flows))  # fmt: skip
        snap = store.get(info.id)
        assert snap.inventory == inv
        assert snap.tenant_data == tenant_data
        assert snap.delta_links == dict(sorted(tenant_data.delta_links.items()))
        assert store.latest("contoso") == snap
        assert store.latest("other") is None


def test_list_history_and_previous(store_url: str) -> None:
    clock = Clock()
    with open_store(store_url, clock=clock) as store:
        ids = []
        for _ in range(3):
            ids.append(store.save("p", build_inventory()).id)
            clock.tick(1)
        store.save("q", build_inventory())
        history = store.list("p")
        assert [i.id for i in history] == ids
        assert [i.taken_at[:10] for i in history] == ["2026-03-01", "2026-03-02", "2026-03-03"]
        assert len(store.list()) == 4
        prev = store.previous("p", ids[2])
        assert prev is not None and prev.info.id == ids[1]
        assert store.previous("p", ids[0]) is None


def test_get_unknown_id(store_url: str) -> None:
    with open_store(store_url) as store, pytest.raises(StoreError, match="no snapshot"):
        store.get(9999)


def test_migrations_recorded_once(store_url: str) -> None:
    open_store(store_url).close()
    open_store(store_url).close()
    engine = sa.create_engine(resolve_store_url(store_url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT version FROM m365inv_migrations")).all()
        assert [r[0] for r in rows] == [1]
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO m365inv_migrations (version, description, applied_at) "
                "VALUES (99, 'from the future', 'x')"))  # fmt: skip
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(store_url)


def test_prune(store_url: str) -> None:
    clock = Clock()
    with open_store(store_url, clock=clock) as store:
        ids = []
        for _ in range(6):
            ids.append(store.save("p", build_inventory()).id)
            clock.tick(1)
        other = store.save("q", build_inventory()).id
        assert store.prune("p") == []
        # now = day 6; younger than 2.5 days: days 4, 5 → kept, plus the newest 3 (days 3-5)
        assert store.prune("p", keep_last=3, keep_days=2.5) == ids[:3]
        assert store.prune("p", keep_last=1) == ids[3:5]
        assert [i.id for i in store.list("p")] == [ids[5]]
        clock.tick(100)
        assert store.prune("p", keep_days=1) == []  # the newest always survives
        assert [i.id for i in store.list("q")] == [other]
        with pytest.raises(ConfigError):
            store.prune("p", keep_last=0)


def test_lock_excludes_second_writer(store_url: str, tenant_data: TenantData) -> None:
    inv = build_inventory()
    with open_store(store_url) as a, open_store(store_url) as b:
        with a.lock(inv.tenant.id):
            with pytest.raises(StoreError, match="another snapshot"):
                b.save("contoso", inv, tenant_data)
            other = msgspec.structs.replace(
                inv, tenant=msgspec.structs.replace(inv.tenant, id="another-tenant")
            )
            b.save("other", other)  # a different tenant is not blocked
            a.save("contoso", inv, tenant_data)  # re-entrant for the holder
        b.save("contoso", inv, tenant_data)
        assert len(b.list("contoso")) == 2


def test_lock_waits_up_to_timeout(store_url: str) -> None:
    inv = build_inventory()
    with open_store(store_url) as a, open_store(store_url, lock_timeout=0.3) as b:
        with a.lock(inv.tenant.id), pytest.raises(StoreError):
            b.save("contoso", inv)


def test_sqlite_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "s.sqlite3"
    open_store(str(path)).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("M365INV_STORE", raising=False)
    assert resolve_store_url().startswith("sqlite:///") and "m365inv" in resolve_store_url()
    monkeypatch.setenv("M365INV_STORE", str(tmp_path / "x.db"))
    assert resolve_store_url() == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_store_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_store_url("postgresql://h/db") == "postgresql+psycopg://h/db"


def test_bad_urls() -> None:
    with pytest.raises(ConfigError):
        open_store("sqlite:///:memory:")
    with pytest.raises(ConfigError):
        open_store("mysql://u:secret@h/db")
    with pytest.raises(StoreError) as err:
        open_store("postgresql://u:s3cr3t-pw@127.0.0.1:1/db")
    assert "s3cr3t-pw" not in str(err.value) and "***" in str(err.value)


def test_lock_key_stable() -> None:
    assert lock_key("ABC") == lock_key("abc")
    assert -(2**63) <= lock_key("x") < 2**63
