"""Apps' last sign-ins (Graph beta report): the docs body, the sandbox, and the licence gap."""

from __future__ import annotations

import asyncio

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.collect.activity import NO_LICENCE, NO_PERMISSION, _Activity, activity_from
from m365inv.graph import sansio
from m365inv.models import SIGN_IN_ACTIVITY_SOURCE, Coverage, TenantData
from m365inv.sandbox import Sandbox
from tests.scanner.collect.test_samples import body
from tests.scanner.collect.tokens import MsalTokenSource

FAST = CollectOptions(concurrency=8, exchange_addins=False)


def test_docs_example_keeps_the_latest_readable_time() -> None:
    page = sansio.decode_page(body("sign_in_activities_docs.json"), _Activity)
    rows = [activity_from(w) for w in page.value]
    # the "-8:00" offsets are not RFC 3339: ignored, never guessed
    assert [(r.app_id, r.last_sign_in) for r in rows if r] == [
        ("83f45296-fb8f-4aaa-a399-ac51084e02b7", "2021-04-01T00:00:00Z"),
        ("f4d9654f-0305-4072-878c-8bf266dfe146", "2021-04-01T00:00:00Z"),
    ]


def _coverage(sb: Sandbox) -> tuple[TenantData, Coverage]:
    src = MsalTokenSource(sb)
    try:
        td = asyncio.run(collect_tenant(src, options=FAST))
    finally:
        src.close()
    return td, next(c for c in td.coverage if c.source == SIGN_IN_ACTIVITY_SOURCE)


def test_sandbox_serves_sign_ins_from_the_beta_path(sandbox: Sandbox) -> None:
    td, cov = _coverage(sandbox)
    assert cov.complete and cov.item_count > 10
    assert sandbox.stats.by_route["GET /beta/reports/servicePrincipalSignInActivities"] == 1
    contactsync = sandbox.tenant.service_principals.get(sandbox.tenant.vendor_index(2)) or {}
    by_app = {a.app_id: a for a in td.sign_ins}
    assert by_app[contactsync["appId"]].last_sign_in is not None


def test_without_premium_licence_the_gap_says_so(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    td, cov = _coverage(sandbox_factory(users=20, premium_licence=False))
    assert not cov.complete and cov.error == NO_LICENCE
    assert cov.required_permission == "AuditLog.Read.All + Entra ID P1"
    assert td.sign_ins == ()


def test_without_permission_the_gap_names_it(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(users=20)
    roles = {"User.Read.All", "Application.Read.All", "GroupMember.Read.All"}
    sb.set_client_roles(sb.info.client_id, roles)
    _, cov = _coverage(sb)
    assert not cov.complete and cov.error == NO_PERMISSION
    assert cov.required_permission == "AuditLog.Read.All"
