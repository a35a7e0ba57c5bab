"""End to end on the sandbox (MSAL → HTTPS → Graph → inventory): the evidence ladder against an
impersonating app, the issue-12 high-risk signals and vendor findings reported once."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from m365inv.auth import open_token_source
from m365inv.catalog import load_catalog
from m365inv.demo import sandbox_profile
from m365inv.models import App, Inventory
from m365inv.pipeline import scan
from m365inv.sandbox import Sandbox
from m365inv.sandbox.tenant_apps import GRAPH_SP, MAILSTORE, role_ids

NOW = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)


def _scan(sb: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Inventory:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    profile = sandbox_profile(sb.info)
    source = open_token_source(profile, vault=None, interactive=False)
    coro = scan(source, load_catalog(), tenant_id=profile.tenant_id,
                scanner_app_id=profile.client_id, now=NOW)  # fmt: skip
    return asyncio.run(coro).inventory


def _app(inv: Inventory, name: str) -> App:
    return next(a for a in inv.apps if a.display_name == name)


def _codes(inv: Inventory, name: str) -> dict[str, str]:
    return {f.code: f.severity for f in _app(inv, name).findings}


@pytest.fixture
def inventory(
    sandbox_factory: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch
) -> Inventory:
    sb = sandbox_factory(users=60, seed=7)
    t: Any = sb.tenant
    # An unverified look-alike of MailStore, registered in another tenant, homepage on the real
    # vendor's domain, holding Mail.Read and Mail.Send for every mailbox.
    fork = t.add_service_principal(
        "MailStore Server (evil fork)",
        homepage="https://www.mailstore.com",
        replyUrls=["https://collector.evil.example/callback"],
        verifiedPublisher={"displayName": None, "verifiedPublisherId": None, "addedDateTime": None},
    )
    graph = role_ids("graph")
    for role in (
        "Mail.Read",
        "Mail.Send",
        "MailboxSettings.ReadWrite",
        "Application.ReadWrite.All",
    ):
        t.add_app_role_assignment(fork["id"], graph[role], resource_id=t.sp_id(GRAPH_SP))
    assert t.sp_id(t.vendor_index(MAILSTORE))  # the real MailStore app is in the tenant too
    return _scan(sb, monkeypatch)


def test_impersonating_app_is_possible_only_and_flagged(inventory: Inventory) -> None:
    real, fork = (
        _app(inventory, "MailStore Server"),
        _app(inventory, "MailStore Server (evil fork)"),
    )
    assert real.vendor is not None and real.vendor.level == "probable"
    assert fork.vendor is not None and (fork.vendor.id, fork.vendor.level) == (
        "mailstore",
        "possible",
    )
    fork_flows = [f for f in inventory.flows if f.app_id == fork.app_id]
    assert fork_flows and all(f.disclosed is None and f.vendor is None for f in fork_flows)
    codes = _codes(inventory, "MailStore Server (evil fork)")
    assert codes["POSSIBLE_IMPERSONATION"] == "high"
    assert codes["SEND_AS_ANY_USER"] == "high"
    assert codes["MAILBOX_FORWARDING"] == "high"
    assert codes["PRIVILEGE_ESCALATION"] == "high"
    assert "STALE_POLICY" not in codes  # MailStore's policy says nothing about this app


def test_vendor_findings_once_and_no_tracker_recipients(inventory: Inventory) -> None:
    stale = [
        a.display_name for a in inventory.apps if any(f.code == "STALE_POLICY" for f in a.findings)
    ]
    assert stale.count("MailStore Server") == 1 and "MailStore Server (evil fork)" not in stale
    third = [
        f for a in inventory.apps for f in a.findings if f.code == "THIRD_COUNTRY_SUBPROCESSOR"
    ]
    assert all("Google" not in e and "Facebook" not in e for f in third for e in f.evidence)
    for f in (f for a in inventory.apps for f in a.findings):
        assert (f.key and f.params.get("app")) or f.params.get("vendor")


def test_website_trackers_are_no_recipients_in_the_inventory(inventory: Inventory) -> None:
    mailstore = next(v for v in inventory.vendors if v.id == "mailstore")
    assert [s.name for s in mailstore.sub_processors] == ["OpenText-Konzernunternehmen"]
    assert [(t.country, t.safeguard) for t in mailstore.transfers] == [("US", "SCC")]


def test_sharepoint_permissions_are_classified_by_sharepoints_own_map(inventory: Inventory) -> None:
    sharepoint = "00000003-0000-0ff1-ce00-000000000000"
    held = [p for a in inventory.apps for p in a.permissions if p.resource_app_id == sharepoint]
    assert held and all(p.classified for p in held)  # the sandbox plants SharePoint app roles
    flows = [f for f in inventory.flows if any("SharePoint" in e for e in f.evidence)]
    assert any(f.category == "user.content.private.files" for f in flows)
