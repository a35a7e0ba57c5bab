"""Delta: a repeat scan after mutations asks only for changes and applies them correctly."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import msgspec

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.models import TenantData
from m365inv.sandbox import Sandbox
from tests.scanner.collect.tokens import MsalTokenSource

OPTS = CollectOptions(concurrency=8)


def test_delta_applies_adds_updates_and_removals(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(users=120, seed=7)
    src = MsalTokenSource(sb)
    first = asyncio.run(collect_tenant(src, options=OPTS))
    t = sb.tenant
    gone_user = first.users[3].id
    renamed = first.users[5].id
    added = t.add_user("Zoë Ünïcode <script>", user_type="Guest", mail=None)
    t.remove_user(gone_user)
    t.update_user(renamed, userType="Guest", accountEnabled=False)
    new_sp = t.add_service_principal("Brand New SaaS")
    grant = t.add_delegated_grant(new_sp["id"], "User.Read Mail.Read", principal_id=added["id"])
    old_grant = first.delegated_grants[0].id
    t.remove_delegated_grant(old_grant)
    # round-trip through JSON as a snapshot store would
    previous = msgspec.json.decode(msgspec.json.encode(first), type=TenantData)
    sb.stats.reset()
    second = asyncio.run(collect_tenant(src, previous=previous, options=OPTS))

    users = {u.id: u for u in second.users}
    assert gone_user not in users and added["id"] in users
    assert users[added["id"]].user_type == "Guest"
    assert users[renamed].user_type == "Guest" and users[renamed].account_enabled is False
    assert renamed in users and not hasattr(users[renamed], "display_name")  # never kept
    assert len(second.users) == t.users.live_count()
    assert "Brand New SaaS" in {sp.display_name for sp in second.service_principals}
    grant_ids = {g.id for g in second.delegated_grants}
    assert grant["id"] in grant_ids and old_grant not in grant_ids
    assert all(c.complete for c in second.coverage)
    # only changes were asked for: one delta page each, no full listing
    assert sb.stats.by_route["GET /v1.0/users/delta"] == 1
    assert sb.stats.by_route["GET /v1.0/oauth2PermissionGrants/delta"] == 1
    assert second.delta_links["users"] != first.delta_links["users"]
    assert "GET /v1.0/users/$count" not in sb.stats.by_route  # size known from the snapshot
    # the provisioning app's users and group are read again, with the resources, in one go
    mailpro = t.sp_id(t.vendor_index(4))
    kinds = {a.principal_type for a in second.app_role_assignments if a.resource_id == mailpro}
    assert kinds == {"User", "Group"}
    src.close()


def test_expired_delta_token_falls_back_to_full_read(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sb = sandbox_factory(users=60, seed=8)
    src = MsalTokenSource(sb)
    first = asyncio.run(collect_tenant(src, options=OPTS))
    sb.tenant.add_user("After expiry")
    sb.tenant.expire_delta_tokens()
    second = asyncio.run(collect_tenant(src, previous=first, options=OPTS))
    assert len(second.users) == sb.tenant.users.live_count() == len(first.users) + 1
    assert all(c.complete for c in second.coverage)
    src.close()


def test_old_delta_links_are_not_used(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(users=60, seed=9)
    src = MsalTokenSource(sb)
    opts = CollectOptions(concurrency=8, page_size=10)
    first = asyncio.run(collect_tenant(src, options=opts))
    sb.stats.reset()
    asyncio.run(collect_tenant(src, previous=first, options=opts))
    assert sb.stats.by_route["GET /v1.0/users/delta"] == 1  # fresh link: one change page
    stale = msgspec.structs.replace(
        first, delta_links={**first.delta_links, "issuedAt": "2020-01-01T00:00:00Z"}
    )
    sb.stats.reset()
    again = asyncio.run(collect_tenant(src, previous=stale, options=opts))
    # full read again (a fresh "latest" link, then 6 listing pages of 10), not the stale link
    assert sb.stats.by_route["GET /v1.0/users/delta"] == 1
    assert sb.stats.by_route["GET /v1.0/users"] == 6
    assert len(again.users) == 60
    src.close()


def test_groups_repeat_asks_only_for_changes(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(users=300, seed=11)
    src = MsalTokenSource(sb)
    opts = CollectOptions(concurrency=8, page_size=10)  # 30 groups: 3 pages on the first scan
    first = asyncio.run(collect_tenant(src, options=opts))
    assert "groups" in first.delta_links
    t = sb.tenant
    assigned = {g.id: g for g in first.groups if g.member_ids is not None}
    assert assigned, "the provisioning app's group has its members read"
    kept = next(iter(assigned))
    gone = next(g.id for g in first.groups if g.id not in assigned)
    renamed = next(g.id for g in first.groups if g.id not in assigned and g.id != gone)
    added = t.add_group("Neue Gruppe <b>")
    t.remove_group(gone)
    t.update_group(renamed, displayName="Umbenannt", description=None)
    t.update_group(kept, displayName="Signatur-Empfänger")
    sb.stats.reset()
    second = asyncio.run(collect_tenant(src, previous=first, options=opts))
    groups = {g.id: g for g in second.groups}
    assert added["id"] in groups and gone not in groups
    assert groups[renamed].display_name == "Umbenannt" and groups[renamed].description is None
    assert (
        groups[renamed].mail_enabled
        == next(g for g in first.groups if g.id == renamed).mail_enabled
    )
    # a changed group keeps (re-read) members; the listing was one change page, not three
    assert groups[kept].display_name == "Signatur-Empfänger"
    assert groups[kept].member_ids == assigned[kept].member_ids
    assert len(second.groups) == t.groups.live_count()
    assert sb.stats.by_route["GET /v1.0/groups/delta"] == 1
    assert "GET /v1.0/groups" not in sb.stats.by_route
    src.close()


def test_users_delta_pages_about_200_whatever_top_says(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    """Real users/groups delta ignores $top (microsoft-graph-docs #7160): the sandbox pages 200,
    so a change round of 250 new users is two pages even with $top=999 — and the first read,
    a $top=999 listing, does not depend on it."""
    sb = sandbox_factory(users=40, seed=12)
    src = MsalTokenSource(sb)
    opts = CollectOptions(concurrency=8, page_size=999)
    first = asyncio.run(collect_tenant(src, options=opts))
    for i in range(250):
        sb.tenant.add_user(f"Hire {i}")
    sb.stats.reset()
    second = asyncio.run(collect_tenant(src, previous=first, options=opts))
    assert len(second.users) == 290
    assert sb.stats.by_route["GET /v1.0/users/delta"] == 2  # 200 + 50, not one page of 250
    sb.stats.reset()
    fresh = asyncio.run(collect_tenant(src, options=opts))
    assert len(fresh.users) == 290
    assert sb.stats.by_route["GET /v1.0/users"] == 1  # one listing page of 290
    src.close()
