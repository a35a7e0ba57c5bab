"""The benchmark's streamed snapshot file is byte for byte ``msgspec.msgpack.encode``."""

from __future__ import annotations

import io

import msgspec
import pytest

from bench.product import write_msgpack
from m365inv.models import DelegatedGrant, TenantData, User


@pytest.mark.parametrize(("users", "chunk"), [(0, 7), (15, 7), (20, 7), (70_000, 4096)])
def test_streamed_snapshot_is_the_one_shot_encoding(users: int, chunk: int) -> None:
    # 15 / 16 and 65,535 / 65,536 entries are where msgpack's array headers change size
    tenant = TenantData(
        org=None,
        scanned_at="2026-01-01T00:00:00Z",
        users=tuple(User(id=f"u{i}", user_type="Member") for i in range(users)),
        delegated_grants=tuple(
            DelegatedGrant(id=f"g{i}", client_id="c", resource_id="r") for i in range(16)
        ),
        delta_links={"users": "https://graph.example/delta"},
    )
    out = io.BytesIO()
    write_msgpack(tenant, out, chunk=chunk)
    assert out.getvalue() == msgspec.msgpack.encode(tenant)
    assert msgspec.msgpack.decode(out.getvalue(), type=TenantData) == tenant
