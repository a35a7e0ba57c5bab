"""Irregular but schema-valid data: nulls, empty arrays, unknown properties, hostile text."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.sandbox import Sandbox
from tests.scanner.collect.tokens import MsalTokenSource


def test_nulls_empty_arrays_and_unknown_properties(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sb = sandbox_factory(users=40, seed=11)
    t = sb.tenant
    odd = t.add_user(
        "=cmd|' /C calc'!A0",
        user_type="Guest",
        mail=None,
        accountEnabled=None,
        userPrincipalName="نادية_x#EXT#@m365inv-sandbox.onmicrosoft.com",
        brandNewGraphProperty={"nested": [None, {"deep": True}]},
    )
    sp = t.add_service_principal(
        "<img src=x onerror=alert(1)>",
        replyUrls=[],
        tags=[],
        appRoles=[],
        oauth2PermissionScopes=[],
        info=None,
        homepage=None,
        verifiedPublisher={"displayName": None, "verifiedPublisherId": None, "addedDateTime": None},
        notInGraphYet=[1, 2, 3],
    )
    src = MsalTokenSource(sb)
    td = asyncio.run(collect_tenant(src, options=CollectOptions(concurrency=4)))
    src.close()
    assert all(c.complete for c in td.coverage), td.coverage
    user = next(u for u in td.users if u.id == odd["id"])
    assert user.account_enabled is None  # null stays "unknown"
    assert user.user_type == "Guest"
    # names and addresses are not $selected (data minimisation): "not read", never made up
    assert not hasattr(user, "display_name") and not hasattr(user, "mail")  # never kept
    got = next(s for s in td.service_principals if s.id == sp["id"])
    assert got.reply_urls == () and got.tags == () and got.app_roles == ()
    assert got.verified_publisher is None and got.privacy_statement_url is None
