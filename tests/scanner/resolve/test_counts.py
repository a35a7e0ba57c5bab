"""Tenant counts: one record, every count described in the published schema."""

from __future__ import annotations

import json

from m365inv.models import Coverage, TenantData, User
from m365inv.reports.schema_build import SCHEMA_PATH
from m365inv.resolve.counts import tenant_counts


def _tenant(*users: User, complete: bool = True) -> TenantData:
    cov = Coverage(source="users", complete=complete, item_count=len(users))
    return TenantData(org=None, scanned_at="x", users=users, coverage=(cov,))


def test_users_means_every_user_object() -> None:
    counts = tenant_counts(
        _tenant(
            User(id="m1", user_type="Member", account_enabled=True),
            User(id="m2", user_type="Member", account_enabled=False),
            User(id="g1", user_type="Guest", account_enabled=True),
            User(id="x", user_type=None, account_enabled=None),  # no userType: a member
        )
    )
    assert (counts.users, counts.members, counts.guests, counts.enabled_users) == (4, 3, 1, 3)
    assert counts.groups is None and counts.service_principals is None  # not read


def test_partial_users_read_has_no_counts() -> None:
    counts = tenant_counts(_tenant(User(id="m1", user_type="Member"), complete=False))
    assert (counts.users, counts.members, counts.guests, counts.enabled_users) == (None,) * 4


def test_every_count_is_described_in_the_shipped_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    props = schema["$defs"]["TenantCounts"]["properties"]
    assert set(props) == {
        "users", "members", "guests", "enabledUsers", "groups", "servicePrincipals",
    }  # fmt: skip
    assert all(len(p.get("description", "")) > 20 for p in props.values())
    assert "guests" in props["users"]["description"]
