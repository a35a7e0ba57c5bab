"""End to end on the sandbox (MSAL → HTTPS → Graph → inventory): Microsoft's own apps, the
scanner's own app and gallery homepages are told apart from third parties (issue 9 items 1, 2, 10).
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from m365inv.auth import open_token_source
from m365inv.catalog import load_catalog
from m365inv.demo import sandbox_profile
from m365inv.models import App, Inventory
from m365inv.pipeline import scan
from m365inv.reports.summary import summarise
from m365inv.sandbox import Sandbox

NOW = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
GRAPH_EXPLORER = "de8bc8b5-d9f9-48b1-a8ad-b748da725064"
GRAPH_CLI = "14d82eec-204b-4c2f-b7e8-296a70dab67e"


@pytest.fixture
def inventory(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Inventory:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    profile = sandbox_profile(sandbox.info)
    source = open_token_source(profile, vault=None, interactive=False)
    result = asyncio.run(
        scan(
            source,
            load_catalog(),
            tenant_id=profile.tenant_id,
            scanner_app_id=profile.client_id,
            now=NOW,
        )
    )
    return result.inventory


def _by_app_id(inv: Inventory, app_id: str) -> App:
    return next(a for a in inv.apps if a.app_id == app_id)


def test_microsoft_clients_are_first_party_with_their_consents(inventory: Inventory) -> None:
    for app_id in (GRAPH_EXPLORER, GRAPH_CLI):
        app = _by_app_id(inventory, app_id)
        assert app.first_party and not app.scanner
        assert app.vendor is None and app.findings == ()
        # who consented, and to what, stays visible
        counts = {p.value: p.principal_count for p in app.permissions}
        assert counts["User.Read" if app_id == GRAPH_EXPLORER else "User.Read.All"] == 5
        assert {f.app_id for f in inventory.flows} >= {app_id}
        assert all(f.vendor is None and f.disclosed is None for f in inventory.flows
                   if f.app_id == app_id)  # fmt: skip
    explorer = _by_app_id(inventory, GRAPH_EXPLORER)
    assert "user.content.private.email" in explorer.data_categories


def test_the_scanner_is_shown_as_the_scanner(sandbox: Sandbox, inventory: Inventory) -> None:
    me = _by_app_id(inventory, sandbox.info.client_id)
    assert me.scanner and not me.first_party
    assert me.vendor is None and me.findings == ()
    assert "User.Read.All" in {p.value for p in me.permissions}
    summary = summarise(inventory)
    assert me not in summary.third_party_apps and summary.scanner_apps == (me,)
    assert {GRAPH_EXPLORER, GRAPH_CLI} <= {a.app_id for a in summary.first_party_apps}
    assert all(f.app_id != me.app_id for s in summary.sections for f in s.flows)


def test_gallery_homepage_never_becomes_the_publisher_domain(
    sandbox: Sandbox, inventory: Inventory
) -> None:
    gallery = {
        sp["appId"]
        for _, sp in sandbox.tenant.service_principals.iter_live()
        if "activedirectory.windowsazure.com" in (sp["homepage"] or "")
    }
    apps = [a for a in inventory.apps if a.app_id in gallery]
    assert apps  # the sandbox serves gallery apps with the portal homepage, as Graph does
    assert all(a.publisher.domain is None for a in apps)
    others = [a for a in inventory.apps if a.app_id not in gallery and a.publisher.domain]
    assert others and not any("windowsazure" in (a.publisher.domain or "") for a in others)
