# ruff: noqa: E501 — reference rows and URLs read better unwrapped
"""Microsoft's own apps: the shipped list, its freshness against the reference, and resolve_apps.

The freshness tests read ``../shared/reference/graph/microsoft-info/MicrosoftApps.json`` (or
``$M365INV_REFERENCE_DIR/graph/microsoft-info/…``) and fail when the shipped, derived list is
older — refresh with ``python -m m365inv.resolve.data.derive --microsoft-apps PATH``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from m365inv.models import (
    GRAPH_APP_ID,
    MICROSOFT_TENANT_ID,
    DelegatedGrant,
    PermissionScope,
    ServicePrincipal,
    TenantData,
)
from m365inv.resolve import resolve_apps
from m365inv.resolve.apps import is_microsoft_portal, publisher_host
from m365inv.resolve.data import derive
from m365inv.resolve.microsoft import is_microsoft_app, microsoft_apps

GRAPH_EXPLORER = "de8bc8b5-d9f9-48b1-a8ad-b748da725064"
GRAPH_CLI = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
REPO = Path(__file__).resolve().parents[3]
REFERENCE = Path(os.environ.get("M365INV_REFERENCE_DIR", REPO.parent / "shared" / "reference"))
MICROSOFT_APPS_JSON = REFERENCE / "graph" / "microsoft-info" / "MicrosoftApps.json"


def _reference() -> Path:
    if not MICROSOFT_APPS_JSON.is_file():
        pytest.skip(f"reference not present: {MICROSOFT_APPS_JSON}")
    return MICROSOFT_APPS_JSON


def test_shipped_list_is_not_older_than_the_reference() -> None:
    fresh = derive.derive_microsoft_apps(_reference())
    shipped = microsoft_apps()
    missing = sorted(set(fresh["apps"]) - set(shipped.apps))
    assert missing == [], f"{len(missing)} appIds missing: run the refresh command"
    assert set(fresh["ownerTenants"]) <= shipped.owner_tenants


def test_shipped_file_is_exactly_what_the_refresh_command_writes() -> None:
    fresh = derive.dump_microsoft_apps(derive.derive_microsoft_apps(_reference()))
    shipped = (Path(derive.__file__).parent / derive.MICROSOFT_APPS_FILE).read_text("utf-8")
    assert shipped == fresh


def test_derive_keeps_apps_and_owners_and_drops_non_apps(tmp_path: Path) -> None:
    rows = [
        {"AppId": GRAPH_EXPLORER.upper(), "AppDisplayName": "Graph Explorer",
         "AppOwnerOrganizationId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "Source": "Graph"},
        {"AppId": "00000000-0000-0000-0000-000000000000", "AppDisplayName": "Designated empty GUID",
         "AppOwnerOrganizationId": "", "Source": "EntraDocs"},
        {"AppId": "d07a8cc0-3d51-4b77-b3b0-32704d1f69fa", "AppDisplayName": "AccessReview.Read.All - Application",
         "AppOwnerOrganizationId": "", "Source": "EntraDocs"},
        {"AppId": "db040338-7cb4-44df-a22b-785bde7ce0e2", "AppDisplayName": "RPA - Relay - Application",
         "AppOwnerOrganizationId": MICROSOFT_TENANT_ID, "Source": "Graph"},
    ]  # fmt: skip
    src = tmp_path / "MicrosoftApps.json"
    src.write_text(json.dumps(rows), "utf-8")
    table = derive.derive_microsoft_apps(src)
    assert table["apps"] == {
        GRAPH_EXPLORER: "Graph Explorer",
        "db040338-7cb4-44df-a22b-785bde7ce0e2": "RPA - Relay - Application",
    }
    assert table["ownerTenants"] == ["72f988bf-86f1-41af-91ab-2d7cd011db47", MICROSOFT_TENANT_ID]
    assert json.loads(derive.dump_microsoft_apps(table)) == table


def test_refresh_command_writes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(derive, "__file__", str(tmp_path / "derive.py"))
    derive.main(["--microsoft-apps", str(_reference())])
    written = json.loads((tmp_path / derive.MICROSOFT_APPS_FILE).read_text("utf-8"))
    assert GRAPH_CLI in written["apps"]
    with pytest.raises(SystemExit):
        derive.main([])


@pytest.mark.parametrize(
    ("app_id", "owner", "expected"),
    [
        (GRAPH_EXPLORER, "72f988bf-86f1-41af-91ab-2d7cd011db47", True),
        (GRAPH_CLI, "cdc5aeea-15c5-4db6-b079-fcadd2505dc2", True),
        (GRAPH_EXPLORER, None, True),  # owner not returned: the appId alone decides
        ("11111111-2222-3333-4444-555555555555", "72F988BF-86F1-41AF-91AB-2D7CD011DB47", True),
        ("11111111-2222-3333-4444-555555555555", MICROSOFT_TENANT_ID, True),
        ("11111111-2222-3333-4444-555555555555", "0d2f5a8b-1234-4c2f-b7e8-296a70dab67e", False),
        ("11111111-2222-3333-4444-555555555555", None, False),
    ],
)
def test_is_microsoft_app(app_id: str, owner: str | None, expected: bool) -> None:
    assert is_microsoft_app(app_id, owner) is expected


def _sp(app_id: str, name: str, owner: str | None, homepage: str | None = None) -> ServicePrincipal:
    return ServicePrincipal(
        id=f"sp-{name}", app_id=app_id, display_name=name,
        app_owner_organization_id=owner, homepage=homepage,
    )  # fmt: skip


GRAPH = ServicePrincipal(
    id="graph-sp",
    app_id=GRAPH_APP_ID,
    display_name="Microsoft Graph",
    app_owner_organization_id=MICROSOFT_TENANT_ID,
    oauth2_permission_scopes=(PermissionScope(id="s1", value="User.Read"),),
)


def _tenant(*sps: ServicePrincipal) -> TenantData:
    grants = tuple(
        DelegatedGrant(id=f"g-{sp.id}", client_id=sp.id, consent_type="Principal",
                       principal_id="u1", resource_id="graph-sp", scope="User.Read")
        for sp in sps
    )  # fmt: skip
    return TenantData(org=None, scanned_at="", service_principals=(GRAPH, *sps),
                      delegated_grants=grants)  # fmt: skip


def test_resolve_flags_microsoft_apps_the_scanner_and_third_parties() -> None:
    tenant = _tenant(
        _sp(GRAPH_EXPLORER, "Graph Explorer", "72f988bf-86f1-41af-91ab-2d7cd011db47"),
        _sp(GRAPH_CLI, "Microsoft Graph Command Line Tools", "cdc5aeea-15c5-4db6-b079-fcadd2505dc2"),
        _sp("scanner-app", "m365inv Scanner", "our-tenant"),
        _sp("vendor-app", "Salesforce", "vendor-tenant",
            "https://account.activedirectory.windowsazure.com:444/applications/default.aspx?metadata=salesforce|ISV9.1|primary|z"),
    )  # fmt: skip
    apps = {a.display_name: a for a in resolve_apps(tenant, scanner_app_id="SCANNER-APP")}
    assert apps["Graph Explorer"].first_party and not apps["Graph Explorer"].scanner
    assert apps["Microsoft Graph Command Line Tools"].first_party
    assert apps["m365inv Scanner"].scanner and not apps["m365inv Scanner"].first_party
    sf = apps["Salesforce"]
    assert not sf.first_party and not sf.scanner
    assert sf.publisher.domain is None  # the gallery portal URL is never the publisher's domain
    assert not any(a.scanner for a in resolve_apps(tenant))  # no client id: nothing is the scanner


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://account.activedirectory.windowsazure.com:444/applications/default.aspx?metadata=x", None),
        ("https://myapps.microsoft.com/signin/Salesforce/abc", None),
        ("https://myapplications.microsoft.com/", None),
        ("https://launcher.myapps.microsoft.com/api/signin/abc", None),
        ("https://portal.office.com", None),
        ("https://www.mailstore.com", "www.mailstore.com"),
        ("https://microsoft.com.evil.example/", "microsoft.com.evil.example"),
        ("https://notmicrosoft.com/", "notmicrosoft.com"),
        ("not a url", None),
        ("https://[::1/", None),
        (None, None),
    ],
)  # fmt: skip
def test_publisher_host_ignores_microsoft_portals(url: str | None, host: str | None) -> None:
    assert publisher_host(url) == host
    assert is_microsoft_portal("account.activedirectory.windowsazure.com.") is True


def test_a_teams_app_or_add_in_of_microsoft_is_first_party() -> None:
    from m365inv.models import AddIn, TeamsApp

    tenant = TenantData(
        org=None, scanned_at="",
        teams_apps=(TeamsApp(id="t1", display_name="Graph Explorer tab", azure_ad_app_id=GRAPH_EXPLORER),
                    TeamsApp(id="t2", display_name="Contoso", azure_ad_app_id="contoso-app")),
        add_ins=(AddIn(id="a1", display_name="Graph CLI add-in", azure_app_id=GRAPH_CLI),),
    )  # fmt: skip
    apps = {a.display_name: a.first_party for a in resolve_apps(tenant)}
    assert apps == {"Graph Explorer tab": True, "Contoso": False, "Graph CLI add-in": True}
