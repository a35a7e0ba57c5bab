"""Store fixtures: every store test runs on SQLite and, when ``M365INV_TEST_PG_URL`` is set
(``.ci/run`` starts a throwaway cluster), on a real PostgreSQL — one database per xdist worker,
since advisory locks and table names are per database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from m365inv.models import Org, TenantData, User
from m365inv.store import resolve_store_url

PG_ENV = "M365INV_TEST_PG_URL"


def _pg_url(worker: str) -> str:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (no PostgreSQL server; .ci/run starts one)")
    url = make_url(resolve_store_url(base))
    name = f"{url.database}_{worker}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).first()
            if not exists:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    worker_url = url.set(database=name)
    engine = sa.create_engine(worker_url)
    try:
        with engine.begin() as conn:
            for table in ("m365inv_delta_links", "m365inv_snapshots", "m365inv_migrations"):
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    finally:
        engine.dispose()
    return worker_url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'snapshots.sqlite3'}"
    else:
        yield _pg_url(worker_id)


@pytest.fixture
def tenant_data() -> TenantData:
    return TenantData(
        org=Org(id="00000000-aaaa-bbbb-cccc-000000000042", display_name="Contoso"),
        scanned_at="2026-03-01T08:00:00Z",
        users=(User(id="u1", user_type="Member"), User(id="u2", user_type="Guest")),
        delta_links={
            "users": "https://graph.example/v1.0/users/delta?$deltatoken=abc",
            "servicePrincipals": "https://graph.example/v1.0/servicePrincipals/delta?$deltatoken=d",
        },
    )
