"""Graph simulator over real HTTPS with real tokens: paging, query options, errors, contents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from m365inv.models import EXCHANGE_APP_ID, GRAPH_APP_ID, MICROSOFT_TENANT_ID
from m365inv.sandbox import Sandbox
from tests.scanner.sandbox.test_graph_helpers import GraphClient, assert_graph_error

EVENTUAL = {"ConsistencyLevel": "eventual"}


@pytest.fixture
def graph(sandbox: Sandbox) -> Iterator[GraphClient]:
    yield GraphClient(sandbox)


def test_users_page_through_every_user_exactly_once(graph: GraphClient) -> None:
    first = graph.get("users?$top=37").json()
    link = first["@odata.nextLink"]
    assert link.startswith(graph.info.graph_endpoint + "/v1.0/users?")
    assert "$skiptoken=" in link and "$top=37" in link
    users = graph.all_pages("users?$top=37")
    ids = [u["id"] for u in users]
    assert len(ids) == 200 == len(set(ids))
    assert first["@odata.context"].endswith("/v1.0/$metadata#users")


def test_default_user_properties_and_select(graph: GraphClient) -> None:
    user = graph.get("users?$top=1").json()["value"][0]
    assert set(user) == {
        "businessPhones",
        "displayName",
        "givenName",
        "jobTitle",
        "mail",
        "mobilePhone",
        "officeLocation",
        "preferredLanguage",
        "surname",
        "userPrincipalName",
        "id",
    }
    body = graph.get("users?$top=5&$select=displayName,accountEnabled,userType").json()
    assert body["@odata.context"].endswith("#users(displayName,accountEnabled,userType)")
    assert all(set(u) == {"id", "displayName", "accountEnabled", "userType"} for u in body["value"])


def test_unknown_select_property_is_400(graph: GraphClient) -> None:
    err = assert_graph_error(
        graph.get("users?$select=displayName,shoeSize"), 400, "Request_BadRequest"
    )
    assert err["message"] == (
        "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'."
    )


@pytest.mark.parametrize("top", ["1000", "0", "abc"])
def test_top_out_of_range_is_400(graph: GraphClient, top: str) -> None:
    err = assert_graph_error(graph.get(f"users?$top={top}"), 400, "Request_UnsupportedQuery")
    assert "Must be between 1 and 999 inclusive" in err["message"]


def test_top_999_is_allowed(graph: GraphClient) -> None:
    body = graph.get("users?$top=999").json()
    assert len(body["value"]) == 200 and "@odata.nextLink" not in body


def test_count_needs_consistency_level(graph: GraphClient) -> None:
    assert_graph_error(graph.get("users/$count"), 400, "Request_UnsupportedQuery")
    assert_graph_error(graph.get("users?$count=true"), 400, "Request_BadRequest")
    resp = graph.get("users/$count", **EVENTUAL)
    assert resp.status_code == 200 and resp.text == "200"
    assert resp.headers["Content-Type"].startswith("text/plain")
    assert graph.get("users?$count=true&$top=1", **EVENTUAL).json()["@odata.count"] == 200


def test_filters_the_scanner_uses(graph: GraphClient) -> None:
    guests = graph.all_pages("users?$filter=userType eq 'Guest'&$select=userType,userPrincipalName")
    assert guests and all(
        g["userType"] == "Guest" and "#EXT#" in g["userPrincipalName"] for g in guests
    )
    disabled = graph.all_pages("users?$filter=accountEnabled eq false&$select=accountEnabled")
    assert disabled and all(u["accountEnabled"] is False for u in disabled)
    ms = graph.all_pages(
        f"servicePrincipals?$filter=appOwnerOrganizationId eq {MICROSOFT_TENANT_ID}&$select=appId"
    )
    assert {GRAPH_APP_ID, EXCHANGE_APP_ID} <= {s["appId"] for s in ms}


def test_unsupported_filter_is_400(graph: GraphClient) -> None:
    assert_graph_error(
        graph.get("users?$filter=startswith(displayName,'A')"), 400, "Request_UnsupportedQuery"
    )
    err = assert_graph_error(
        graph.get("users?$filter=jobTitle eq 'x'"), 400, "Request_UnsupportedQuery"
    )
    assert "'jobTitle'" in err["message"]


def test_tampered_skiptoken_is_400(graph: GraphClient) -> None:
    link = graph.get("users?$top=5").json()["@odata.nextLink"]
    assert_graph_error(graph.get(link[:-3] + "AAA"), 400, "Request_BadRequest")


def test_no_token_is_401_and_missing_permission_is_403(sandbox: Sandbox) -> None:
    graph = GraphClient(sandbox)
    resp = graph.http.get(f"{graph.info.graph_endpoint}/v1.0/users", timeout=10)
    assert_graph_error(resp, 401, "InvalidAuthenticationToken")
    sandbox.set_client_roles(graph.info.client_id, {"Organization.Read.All"})
    limited = GraphClient(sandbox)
    err = assert_graph_error(limited.get("users"), 403, "Authorization_RequestDenied")
    assert err["message"] == "Insufficient privileges to complete the operation."
    assert limited.get("organization").status_code == 200
    assert_graph_error(limited.get("oauth2PermissionGrants"), 403, "Authorization_RequestDenied")


def test_client_request_id_is_echoed(graph: GraphClient) -> None:
    resp = graph.get("organization", **{"client-request-id": "abc-123"})
    assert resp.headers["client-request-id"] == "abc-123"
    assert len(resp.headers["request-id"]) == 36


def test_group_members_carry_odata_type(graph: GraphClient) -> None:
    groups = graph.all_pages("groups?$top=999")
    names = {g["displayName"] for g in groups}
    assert {
        "Betriebsrat",
        "Schwerbehindertenvertretung",
        "ver.di Vertrauensleute",
        "BEM – Betriebliches Eingliederungsmanagement",
    } <= names
    everyone = next(g for g in groups if g["displayName"] == "Alle Mitarbeitenden")
    members = graph.all_pages(f"groups/{everyone['id']}/members?$top=50")
    assert len(members) == 200
    assert all(m["@odata.type"] == "#microsoft.graph.user" for m in members)
    cast = graph.get(f"groups/{everyone['id']}/members/microsoft.graph.user?$top=3").json()
    assert "@odata.type" not in cast["value"][0]
    assert_graph_error(
        graph.get("groups/00000000-0000-0000-0000-000000000000/members"),
        404,
        "Request_ResourceNotFound",
    )


def _sp(graph: GraphClient, name: str) -> dict[str, object]:
    sps = graph.all_pages("servicePrincipals?$top=999")
    return next(s for s in sps if s["displayName"] == name)


def test_resource_sps_carry_real_permission_ids(graph: GraphClient) -> None:
    sps = {s["appId"]: s for s in graph.all_pages("servicePrincipals?$top=999")}
    graph_roles = {r["value"]: r["id"] for r in sps[GRAPH_APP_ID]["appRoles"]}
    assert graph_roles["User.Read.All"] == "df021288-bdef-4463-88db-98f22de89214"
    assert graph_roles["Mail.Read"] == "810c84a8-4a9e-49e6-bf7d-12d183f40d01"
    exo = {r["value"]: r["id"] for r in sps[EXCHANGE_APP_ID]["appRoles"]}
    assert exo["full_access_as_app"] == "dc890d15-9560-4a4c-9b7f-a736ec74ec40"
    assert exo["Exchange.ManageAsApp"] == "dc50a0fb-09a3-484d-be87-e023b12c6440"
    scopes = {s["value"] for s in sps[GRAPH_APP_ID]["oauth2PermissionScopes"]}
    assert {"User.Read", "Mail.Read", "offline_access"} <= scopes


def test_seed_vendors_hold_their_permissions(graph: GraphClient) -> None:
    sps = {s["id"]: s for s in graph.all_pages("servicePrincipals?$top=999")}
    by_app = {s["appId"]: s for s in sps.values()}
    exo_id = by_app[EXCHANGE_APP_ID]["id"]
    graph_id = by_app[GRAPH_APP_ID]["id"]
    mailstore = next(s for s in sps.values() if s["displayName"] == "MailStore Server")
    assert mailstore["verifiedPublisher"]["verifiedPublisherId"] == "4839201"
    assert mailstore["verifiedPublisher"]["displayName"] == "MailStore Software GmbH"
    assert "publisherName" not in mailstore  # beta-only; v1.0 does not return it
    on_exo = graph.all_pages(f"servicePrincipals/{exo_id}/appRoleAssignedTo")
    assert any(
        a["principalId"] == mailstore["id"]
        and a["appRoleId"] == "dc890d15-9560-4a4c-9b7f-a736ec74ec40"
        for a in on_exo
    )
    on_graph = graph.all_pages(f"servicePrincipals/{graph_id}/appRoleAssignedTo?$top=999")
    emilie = next(s for s in sps.values() if s["displayName"] == "Telefonsekretariat Emilie")
    roles = {r["id"]: r["value"] for r in by_app[GRAPH_APP_ID]["appRoles"]}
    held = {roles[a["appRoleId"]] for a in on_graph if a["principalId"] == emilie["id"]}
    assert held == {"Calendars.Read", "Presence.Read.All", "User.Read.All"}
    own = graph.all_pages(f"servicePrincipals/{mailstore['id']}/appRoleAssignments")
    assert len(own) == 3
    mailissa = next(s for s in sps.values() if s["displayName"] == "Mailissa")
    grants = graph.all_pages(
        f"oauth2PermissionGrants?$filter=clientId eq '{mailissa['id']}'&$top=999"
    )
    assert len(grants) > 40 and all(
        g["consentType"] == "Principal" and g["principalId"] for g in grants
    )
    assert "GroupMember.Read.All" in grants[0]["scope"]
    tenantwide = graph.all_pages(f"oauth2PermissionGrants?$filter=clientId eq '{emilie['id']}'")
    assert [g["consentType"] for g in tenantwide] == ["AllPrincipals"]


def test_unresolvable_permission_ids_exist(graph: GraphClient) -> None:
    sps = {s["appId"]: s for s in graph.all_pages("servicePrincipals?$top=999")}
    known = {r["id"] for s in sps.values() for r in s["appRoles"]}
    graph_id = sps[GRAPH_APP_ID]["id"]
    held = graph.all_pages(f"servicePrincipals/{graph_id}/appRoleAssignedTo?$top=999")
    assert any(a["appRoleId"] not in known for a in held)


def test_provisioning_schema_maps_attributes(graph: GraphClient) -> None:
    sp = _sp(graph, "Mail Professionals Signatures")
    jobs = graph.get(f"servicePrincipals/{sp['id']}/synchronization/jobs").json()["value"]
    assert len(jobs) == 1 and jobs[0]["templateId"] == "scim"
    schema = graph.get(
        f"servicePrincipals/{sp['id']}/synchronization/jobs/{jobs[0]['id']}/schema"
    ).json()
    mapping = schema["synchronizationRules"][0]["objectMappings"][0]["attributeMappings"]
    pairs = {(m["source"]["name"], m["targetAttributeName"]) for m in mapping}
    assert ("mail", 'emails[type eq "work"].value') in pairs
    assert (
        "department",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
    ) in pairs
    sandbox_sp = _sp(graph, "MailStore Server")
    assert (
        graph.get(f"servicePrincipals/{sandbox_sp['id']}/synchronization/jobs").json()["value"]
        == []
    )


def test_teams_apps_filter_and_expand(graph: GraphClient) -> None:
    body = graph.get(
        "appCatalogs/teamsApps?$expand=appDefinitions&$filter=distributionMethod eq 'organization'"
    ).json()
    names = {a["displayName"] for a in body["value"]}
    assert "Emilie" in names and "Trello" not in names
    emilie = next(a for a in body["value"] if a["displayName"] == "Emilie")
    client = emilie["appDefinitions"][0]["authorization"]["clientAppId"]
    assert _sp(graph, "Telefonsekretariat Emilie")["appId"] == client


def test_get_by_ids(graph: GraphClient) -> None:
    users = graph.get("users?$top=3").json()["value"]
    sp = _sp(graph, "Mailissa")
    ids = [u["id"] for u in users] + [sp["id"], "11111111-2222-3333-4444-555555555555"]
    body = graph.post("directoryObjects/getByIds", {"ids": ids}).json()
    assert [o["@odata.type"] for o in body["value"]] == ["#microsoft.graph.user"] * 3 + [
        "#microsoft.graph.servicePrincipal"
    ]
    only_users = graph.post("directoryObjects/getByIds", {"ids": ids, "types": ["user"]}).json()
    assert len(only_users["value"]) == 3
    assert_graph_error(
        graph.post("directoryObjects/getByIds", {"ids": ["x"] * 1001}), 400, "Request_BadRequest"
    )


def test_organization_and_applications(graph: GraphClient) -> None:
    org = graph.get("organization").json()["value"][0]
    assert org["id"] == graph.info.tenant_id
    apps = graph.get("applications").json()["value"]
    assert graph.info.client_id in {a["appId"] for a in apps} or len(apps) == 3


def test_hostile_display_names_survive_json(graph: GraphClient) -> None:
    names = {u["displayName"] for u in graph.all_pages("users?$top=999&$select=displayName")}
    assert "<script>alert(1)</script>" in names
    assert '=HYPERLINK("http://x","y")' in names
    assert any(n and "\t" in n for n in names)
