"""resolve_apps from hand-built TenantData: ids → values, principal counts, first party, sources."""

from __future__ import annotations

from m365inv.models import (
    EXCHANGE_APP_ID,
    GRAPH_APP_ID,
    MICROSOFT_TENANT_ID,
    AddIn,
    AppRole,
    AppRoleAssignment,
    AttributeMapping,
    DelegatedGrant,
    PermissionScope,
    ServicePrincipal,
    SyncJob,
    TeamsApp,
    TenantData,
    VerifiedPublisher,
)
from m365inv.resolve import resolve_apps
from m365inv.resolve.permissions import known_permissions

MAIL_READ_ROLE = "810c84a8-4a9e-49e6-bf7d-12d183f40d01"
USER_READ_SCOPE = "e1fe6dd8-ba31-4d61-89e7-88639da4683d"
FULL_ACCESS = "dc890d15-9560-4a4c-9b7f-a736ec74ec40"

GRAPH_WITH_ROLES = ServicePrincipal(
    id="graph-sp",
    app_id=GRAPH_APP_ID,
    display_name="Microsoft Graph",
    app_owner_organization_id=MICROSOFT_TENANT_ID,
    app_roles=(AppRole(id=MAIL_READ_ROLE, value="Mail.Read"),),
    oauth2_permission_scopes=(PermissionScope(id=USER_READ_SCOPE, value="User.Read"),),
)
EXCHANGE_BARE = ServicePrincipal(  # roles not returned: the offline list must step in
    id="exo-sp",
    app_id=EXCHANGE_APP_ID,
    display_name="Office 365 Exchange Online",
    app_owner_organization_id=MICROSOFT_TENANT_ID,
)
VENDOR = ServicePrincipal(
    id="vendor-sp",
    app_id="vendor-app",
    display_name="MailStore Server",
    app_owner_organization_id="0000-vendor",
    verified_publisher=VerifiedPublisher(
        display_name="MailStore Software GmbH", verified_publisher_id="4839201"
    ),
    homepage="https://www.MailStore.com/x",
)
UNVERIFIED = ServicePrincipal(
    id="mailissa-sp",
    app_id="mailissa-app",
    display_name="Mailissa",
    app_owner_organization_id="1111-axontic",
)


def tenant(**kw: object) -> TenantData:
    base: dict[str, object] = {
        "org": None,
        "scanned_at": "2025-06-30T08:00:00Z",
        "service_principals": (GRAPH_WITH_ROLES, EXCHANGE_BARE, VENDOR, UNVERIFIED),
    }
    base.update(kw)
    return TenantData(**base)  # type: ignore[arg-type]


def assign(i: int, principal: str, resource: str, role: str) -> AppRoleAssignment:
    return AppRoleAssignment(
        id=f"a{i}",
        app_role_id=role,
        principal_id=principal,
        principal_type="ServicePrincipal",
        resource_id=resource,
        created_date_time="2024-05-01T00:00:00Z",
    )


def test_application_permissions_resolve_via_sp_then_offline_else_unresolved() -> None:
    apps = resolve_apps(
        tenant(
            app_role_assignments=(
                assign(1, "vendor-sp", "graph-sp", MAIL_READ_ROLE),
                assign(2, "vendor-sp", "exo-sp", FULL_ACCESS),
                assign(3, "vendor-sp", "graph-sp", "00000000-dead-beef-0000-000000000000"),
            )
        )
    )
    (app,) = apps
    perms = {c.permission.id: c.permission for c in app.permissions}
    assert perms[MAIL_READ_ROLE].value == "Mail.Read" and perms[MAIL_READ_ROLE].resolved
    assert perms[FULL_ACCESS].value == "full_access_as_app"
    assert perms[FULL_ACCESS].resource_app_id == EXCHANGE_APP_ID
    unknown = perms["00000000-dead-beef-0000-000000000000"]
    assert unknown.value is None and unknown.resolved is False  # kept, never dropped
    assert all(p.kind == "application" and p.consent_type is None for p in perms.values())
    # classified once, as made: the flag and the meaning travel with the record
    assert perms[MAIL_READ_ROLE].classified and not unknown.classified
    meaning = {c.permission.id: c.meaning for c in app.permissions}
    assert meaning[MAIL_READ_ROLE] is not None and meaning[MAIL_READ_ROLE].personal
    assert meaning["00000000-dead-beef-0000-000000000000"] is None  # no value, nothing to classify
    assert perms[MAIL_READ_ROLE].granted_at == "2024-05-01T00:00:00Z"


def test_delegated_grants_count_distinct_principals_per_scope() -> None:
    principal = [
        DelegatedGrant(
            id=f"g{i}",
            client_id="mailissa-sp",
            consent_type="Principal",
            principal_id=f"user-{i % 3}",
            resource_id="graph-sp",
            scope=" User.Read  offline_access ",
        )
        for i in range(5)
    ]
    grants = (
        *principal,
        DelegatedGrant(
            id="all",
            client_id="mailissa-sp",
            consent_type="AllPrincipals",
            resource_id="graph-sp",
            scope="User.Read",
        ),
    )
    (app,) = resolve_apps(tenant(delegated_grants=grants))
    by = {(c.permission.value, c.permission.consent_type): c.permission for c in app.permissions}
    assert by[("User.Read", "Principal")].principal_count == 3
    assert by[("User.Read", "Principal")].id == USER_READ_SCOPE
    assert by[("User.Read", "AllPrincipals")].principal_count is None
    offline = by[("offline_access", "Principal")]
    assert offline.resolved == (offline.id != "offline_access")
    assert app.publisher.name is None and app.publisher.verified is False
    assert app.first_party is False


def test_publisher_first_party_provisioning_and_sources() -> None:
    job = SyncJob(
        id="j1",
        service_principal_id="vendor-sp",
        status="Active",
        attribute_mappings=(
            AttributeMapping(source="mail", target="emails"),
            AttributeMapping(source="jobTitle", target="title"),
        ),
    )
    apps = resolve_apps(
        tenant(
            sync_jobs=(job,),
            delegated_grants=(
                DelegatedGrant(
                    id="ms",
                    client_id="graph-sp",
                    consent_type="AllPrincipals",
                    resource_id="graph-sp",
                    scope="User.Read",
                ),
            ),
            teams_apps=(
                TeamsApp(id="t1", display_name="Vendor Teams", azure_ad_app_id="vendor-app"),
            ),
            add_ins=(AddIn(id="addin-1", display_name="Orphan Add-in", provider_name="X"),),
        )
    )
    by_name = {a.display_name: a for a in apps}
    vendor = by_name["MailStore Server"]
    assert vendor.publisher.verified and vendor.publisher.verified_publisher_id == "4839201"
    assert vendor.publisher.domain == "www.mailstore.com"
    assert vendor.provisioning and vendor.provisioning.attributes == ("emails", "title")
    assert vendor.sources == ("servicePrincipals", "teamsApps")
    assert by_name["Microsoft Graph"].first_party is True
    assert by_name["Orphan Add-in"].sources == ("addIns",)
    assert apps[-1].first_party  # third-party first, deterministic order


def test_offline_list_has_graph_and_exchange_ids_only() -> None:
    table = known_permissions()
    assert set(table) == {GRAPH_APP_ID, EXCHANGE_APP_ID}
    assert table[GRAPH_APP_ID]["application"][MAIL_READ_ROLE] == "Mail.Read"
    assert table[EXCHANGE_APP_ID]["application"][FULL_ACCESS] == "full_access_as_app"
