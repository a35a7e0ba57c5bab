"""Outlook add-ins from Exchange's admin API over HTTPS: the role 403 with a text body,
paging, and a nextLink the API refuses to replay."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.collect.addins import FORBIDDEN, REQUIREMENT
from m365inv.models import Coverage, TenantData
from m365inv.sandbox import Sandbox
from tests.scanner.collect.tokens import MsalTokenSource

FAST = CollectOptions(concurrency=8)


def _scan(make: Callable[..., Sandbox], **config: Any) -> tuple[TenantData, Coverage, Sandbox]:
    sb = make(users=20, **config)
    src = MsalTokenSource(sb)
    try:
        td = asyncio.run(collect_tenant(src, options=FAST))
    finally:
        src.close()
    return td, next(c for c in td.coverage if c.source == "addIns"), sb


def test_every_deployment_and_permission_level_is_read(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    td, cov, _ = _scan(sandbox_factory)
    assert cov.complete and cov.item_count == 5
    by = {a.display_name: a for a in td.add_ins}
    assert {a.permission_level for a in td.add_ins} == {
        "Restricted", "ReadItem", "ReadWriteItem", "ReadWriteMailbox",
    }  # fmt: skip
    hostile = by["=cmd|' /C calc'!A0 Add-in"]
    assert (hostile.scope, hostile.user_count) == ("SpecificUsers", 3)
    assert (by["Mailissa for Outlook"].scope, by["Mailissa for Outlook"].user_count) == (
        "Everyone", None,
    )  # fmt: skip
    assert by["Alter Kalender-Export"].enabled is False


def test_missing_directory_role_is_a_403_with_a_text_body(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    td, cov, sb = _scan(sandbox_factory, exchange_directory_role=False)
    assert sb.stats.by_route["POST /adminapi/beta/{tenant}/InvokeCommand"] == 1
    assert not cov.complete and td.add_ins == ()
    assert cov.error == FORBIDDEN and cov.required_permission == REQUIREMENT
    assert "Exchange.ManageAsApp" in cov.error and "Exchange Recipient Administrator" in cov.error


def test_paged_add_ins_are_all_read(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    td, cov, sb = _scan(sandbox_factory, exchange_page_size=2)
    assert cov.complete and len(td.add_ins) == 5
    assert sb.stats.by_route["POST /adminapi/beta/{tenant}/InvokeCommand"] == 3


def test_unreplayable_next_link_marks_the_list_incomplete(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    td, cov, _ = _scan(sandbox_factory, exchange_page_size=2, exchange_next_link_replayable=False)
    assert not cov.complete and cov.item_count == len(td.add_ins) == 2
    assert cov.error is not None and "refused its own nextLink (400)" in cov.error
    assert "2 add-ins" in cov.error and "--addins-from" in cov.error
    assert cov.required_permission is None  # not a permission problem
