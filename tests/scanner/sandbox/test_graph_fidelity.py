"""Every collection the sandbox serves parses through msgraph-sdk's own typed models with no
unexpected ``additional_data``; delta, $batch, throttling and faults behave like Graph."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from kiota_serialization_json.json_parse_node_factory import JsonParseNodeFactory

from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import (
    Caller,
    FaultPlan,
    FaultRule,
    GraphContext,
    RequestStats,
    SandboxConfig,
    TokenRejected,
)
from m365inv.sandbox.throttle import ResourceUnitBudget
from tests.scanner.sandbox.test_graph_helpers import GraphClient, assert_graph_error

# Nothing outside the v1.0 CSDL: every property the sandbox returns has a typed-model field.
OPEN_TYPE_EXTRAS: set[str] = set()


@pytest.fixture
def graph(sandbox: Sandbox) -> Iterator[GraphClient]:
    yield GraphClient(sandbox)


def _parse(raw: bytes, model: Any) -> Any:
    node = JsonParseNodeFactory().get_root_parse_node("application/json", raw)
    return node.get_object_value(model)


def _models() -> list[tuple[str, Any]]:
    from msgraph.generated.models.app_role_assignment_collection_response import (
        AppRoleAssignmentCollectionResponse,
    )
    from msgraph.generated.models.application_collection_response import (
        ApplicationCollectionResponse,
    )
    from msgraph.generated.models.directory_object_collection_response import (
        DirectoryObjectCollectionResponse,
    )
    from msgraph.generated.models.group_collection_response import GroupCollectionResponse
    from msgraph.generated.models.o_auth2_permission_grant_collection_response import (
        OAuth2PermissionGrantCollectionResponse,
    )
    from msgraph.generated.models.organization_collection_response import (
        OrganizationCollectionResponse,
    )
    from msgraph.generated.models.service_principal_collection_response import (
        ServicePrincipalCollectionResponse,
    )
    from msgraph.generated.models.synchronization_job_collection_response import (
        SynchronizationJobCollectionResponse,
    )
    from msgraph.generated.models.teams_app_collection_response import TeamsAppCollectionResponse
    from msgraph.generated.models.user_collection_response import UserCollectionResponse

    return [
        ("organization", OrganizationCollectionResponse),
        ("users?$top=20", UserCollectionResponse),
        (
            "users?$top=5&$select=id,displayName,accountEnabled,userType,mail",
            UserCollectionResponse,
        ),
        ("groups?$top=10", GroupCollectionResponse),
        ("servicePrincipals?$top=12", ServicePrincipalCollectionResponse),
        ("applications", ApplicationCollectionResponse),
        ("oauth2PermissionGrants?$top=20", OAuth2PermissionGrantCollectionResponse),
        ("GRAPH_SP/appRoleAssignedTo?$top=20", AppRoleAssignmentCollectionResponse),
        ("GROUP0/members?$top=5", DirectoryObjectCollectionResponse),
        ("MAILPRO/synchronization/jobs", SynchronizationJobCollectionResponse),
        ("appCatalogs/teamsApps?$expand=appDefinitions", TeamsAppCollectionResponse),
    ]


def _extras(obj: Any, path: str = "") -> list[str]:
    """additional_data keys anywhere in a parsed kiota model tree."""
    found = [f"{path}:{k}" for k in (getattr(obj, "additional_data", None) or {})]
    for name, value in vars(obj).items() if hasattr(obj, "__dict__") else ():
        if name == "additional_data" or name.startswith("_"):
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if hasattr(item, "additional_data"):
                found += _extras(item, f"{path}.{name}")
    return found


def test_collections_parse_through_msgraph_typed_models(
    graph: GraphClient, sandbox: Sandbox
) -> None:
    t = sandbox.tenant
    subst = {
        "GRAPH_SP": f"servicePrincipals/{t.sp_id(0)}",
        "GROUP0": f"groups/{t.groups.get(0)['id']}",
        "MAILPRO": f"servicePrincipals/{t.sp_id(t.vendor_index(4))}",
    }
    for path, model in _models():
        for key, value in subst.items():
            path = path.replace(key, value)
        resp = graph.get(path)
        assert resp.status_code == 200, (path, resp.text)
        parsed = _parse(resp.content, model)
        assert parsed.value, path
        extras = {e.rsplit(":", 1)[-1] for e in _extras(parsed)}
        assert extras <= {"@odata.context"} | OPEN_TYPE_EXTRAS, (path, extras)


def test_schema_and_error_parse_through_typed_models(graph: GraphClient, sandbox: Sandbox) -> None:
    from msgraph.generated.models.o_data_errors.o_data_error import ODataError
    from msgraph.generated.models.synchronization_schema import SynchronizationSchema

    t = sandbox.tenant
    sp = t.sp_id(t.vendor_index(4))
    job = t.sync_jobs[sp][0]["id"]
    raw = graph.get(f"servicePrincipals/{sp}/synchronization/jobs/{job}/schema").content
    schema = _parse(raw, SynchronizationSchema)
    mapping = schema.synchronization_rules[0].object_mappings[0].attribute_mappings[0]
    assert (
        mapping.source.name == "userPrincipalName" and mapping.target_attribute_name == "userName"
    )
    assert {e.rsplit(":", 1)[-1] for e in _extras(schema)} <= {"@odata.context"}
    err = _parse(graph.get("users?$top=5000").content, ODataError)
    assert err.error.code == "Request_UnsupportedQuery"
    assert err.error.inner_error.request_id and not _extras(err.error)


def test_delta_reports_additions_and_removals(sandbox_factory: Any) -> None:
    sb = sandbox_factory(users=60, seed=7)
    graph = GraphClient(sb)
    # users/delta ignores $top like Graph (pages of ~200): all 60 on one page
    body = graph.get("users/delta?$select=displayName,userPrincipalName&$top=25").json()
    assert "@odata.nextLink" not in body and "@odata.deltaLink" in body
    seen = list(body["value"])
    assert len(seen) == 60 and set(seen[-1]) == {"id", "displayName", "userPrincipalName"}
    delta_link = body["@odata.deltaLink"]
    assert "$deltatoken=" in delta_link
    assert graph.get(delta_link).json()["value"] == []
    added = sb.tenant.add_user("Neue Kollegin")
    gone = seen[5]["id"]
    sb.tenant.remove_user(gone)
    changes = graph.get(delta_link).json()
    by_id = {c["id"]: c for c in changes["value"]}
    assert by_id[added["id"]]["displayName"] == "Neue Kollegin"
    assert by_id[gone] == {"id": gone, "@removed": {"reason": "changed"}}
    assert len(graph.all_pages("users?$top=999")) == 60
    sb.tenant.expire_delta_tokens()
    assert_graph_error(graph.get(changes["@odata.deltaLink"]), 410, "syncStateNotFound")
    assert_graph_error(graph.get("users/delta?$deltatoken=bogus"), 410, "syncStateNotFound")


def test_grant_delta_reports_deleted_grants(sandbox_factory: Any) -> None:
    sb = sandbox_factory(users=30, seed=3)
    graph = GraphClient(sb)
    pages = graph.get("oauth2PermissionGrants/delta?$top=999").json()
    assert "@odata.deltaLink" in pages
    grant = pages["value"][0]
    sb.tenant.remove_delegated_grant(grant["id"])
    new = sb.tenant.add_delegated_grant(sb.tenant.sp_id(1), "User.Read")
    changes = graph.get(pages["@odata.deltaLink"]).json()["value"]
    assert {"id": grant["id"], "@removed": {"reason": "deleted"}} in changes
    assert any(c["id"] == new["id"] and c["scope"] == "User.Read" for c in changes)


def test_batch_runs_inner_requests_independently(graph: GraphClient) -> None:
    body = {
        "requests": [
            {"id": "1", "method": "GET", "url": "/users?$top=2"},
            {"id": "2", "method": "GET", "url": "/users?$top=5000"},
            {"id": "3", "method": "GET", "url": "/organization"},
            {
                "id": "4",
                "method": "GET",
                "url": "/users/$count",
                "headers": {"ConsistencyLevel": "eventual"},
            },
        ]
    }
    resp = graph.post("$batch", body)
    assert resp.status_code == 200
    out = {r["id"]: r for r in resp.json()["responses"]}
    assert out["1"]["status"] == 200 and len(out["1"]["body"]["value"]) == 2
    assert (
        out["2"]["status"] == 400
        and out["2"]["body"]["error"]["code"] == "Request_UnsupportedQuery"
    )
    assert out["3"]["status"] == 200 and out["4"]["body"] == "200"
    too_many = {
        "requests": [{"id": str(i), "method": "GET", "url": "/organization"} for i in range(21)]
    }
    assert_graph_error(graph.post("$batch", too_many), 400, "BadRequest")


def _stub_caller(header: str | None, base: str) -> Caller:
    if header != "Bearer ok":
        raise TokenRejected("InvalidAuthenticationToken", "Access token is empty.")
    return Caller(
        client_id="c1", tenant_id="t", roles=frozenset({"User.Read.All"}), scopes=frozenset()
    )


async def _throttled_batch() -> tuple[list[dict[str, Any]], int, str]:
    from aiohttp import web
    from aiohttp.test_utils import TestClient, TestServer

    from m365inv.sandbox.graph import GRAPH_SERVICE, add_graph_routes
    from m365inv.sandbox.tenant import generate_tenant

    config = SandboxConfig(users=20, throttle=True)
    app = web.Application()
    add_graph_routes(
        app,
        GraphContext(config, generate_tenant(config), RequestStats(), FaultPlan(), _stub_caller),
    )
    app[GRAPH_SERVICE].budget = ResourceUnitBudget(20, limit=5)  # tiny, to hit it fast
    async with TestClient(TestServer(app)) as client:
        body = {
            "requests": [{"id": str(i), "method": "GET", "url": "/users?$top=1"} for i in range(5)]
        }
        resp = await client.post("/v1.0/$batch", json=body, headers={"Authorization": "Bearer ok"})
        out = (await resp.json())["responses"]
        single = await client.get("/v1.0/users", headers={"Authorization": "Bearer ok"})
        return out, single.status, single.headers.get("Retry-After", "")


def test_batch_inner_429_when_budget_is_spent() -> None:
    out, status, retry_after = asyncio.run(_throttled_batch())
    statuses = [r["status"] for r in out]
    assert statuses[:2] == [200, 200] and 429 in statuses
    throttled = next(r for r in out if r["status"] == 429)
    assert int(throttled["headers"]["Retry-After"]) >= 1
    assert throttled["body"]["error"]["code"] == "TooManyRequests"
    assert status == 429 and 1 <= int(retry_after) <= 10


def test_select_makes_reads_cheaper() -> None:
    budget = ResourceUnitBudget(10_000, limit=4, clock=lambda: 100.0)
    assert budget.limit == 4
    assert budget.charge("a", 2) is None and budget.charge("a", 2) is None
    assert budget.charge("a", 1) == 10
    assert budget.charge("b", 1) is None  # per client
    from m365inv.sandbox.throttle import budget_for, request_cost

    assert [budget_for(n) for n in (49, 50, 500, 501)] == [3500, 5000, 5000, 8000]
    assert request_cost(2, {"$select": "id"}) == 1 and request_cost(1, {"$select": "id"}) == 1


def test_injected_faults(graph: GraphClient, sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(path_contains="/v1.0/users", status=503, retry_after=3))
    resp = graph.get("users?$top=3")
    assert_graph_error(resp, 503, "serviceNotAvailable")
    assert resp.headers["Retry-After"] == "3"
    first = graph.get("users?$top=3").json()
    link = first["@odata.nextLink"]
    sandbox.faults.add(FaultRule(path_contains="$skiptoken", empty_page=True))
    empty = graph.get(link).json()
    assert empty["value"] == [] and empty["@odata.nextLink"]
    assert graph.get(empty["@odata.nextLink"]).json()["value"]  # the chain continues
    sandbox.faults.add(FaultRule(path_contains="/v1.0/organization", malformed=True))
    with pytest.raises(requests.exceptions.JSONDecodeError):
        graph.get("organization").json()
    sandbox.faults.add(FaultRule(path_contains="/v1.0/organization", drop=True))
    with pytest.raises(requests.exceptions.ConnectionError):
        graph.get("organization")
    assert graph.get("organization").status_code == 200
    assert sandbox.stats.by_route["GET /v1.0/organization"] >= 3


def test_latency_is_applied(sandbox_factory: Any) -> None:
    sb = sandbox_factory(users=20, latency_ms=150)
    graph = GraphClient(sb)
    loop = asyncio.new_event_loop()
    try:
        start = loop.time()
        assert graph.get("organization").status_code == 200
        assert loop.time() - start >= 0.15
    finally:
        loop.close()


def test_exchange_get_app(sandbox: Sandbox) -> None:
    exo = GraphClient(sandbox, audience=sandbox.info.exchange_endpoint)
    url = f"{sandbox.info.exchange_endpoint}/adminapi/beta/{sandbox.info.tenant_id}/InvokeCommand"
    body = {"CmdletInput": {"CmdletName": "Get-App", "Parameters": {"OrganizationApp": True}}}
    resp = exo.http.post(
        url, json=body, headers={"Authorization": f"Bearer {exo.token}"}, timeout=10
    )
    assert resp.status_code == 200, resp.text
    names = {a["DisplayName"] for a in resp.json()["value"]}
    assert "Mailissa for Outlook" in names
    sandbox.set_client_roles(sandbox.info.client_id, {"User.Read.All"})
    weak = GraphClient(sandbox, audience=sandbox.info.exchange_endpoint)
    denied = weak.http.post(
        url, json=body, headers={"Authorization": f"Bearer {weak.token}"}, timeout=10
    )
    assert denied.status_code == 403


def test_group_delta_lists_members_and_keeps_query_in_the_delta_link(
    sandbox_factory: Any,
) -> None:
    sb = sandbox_factory(users=50, seed=5)
    graph = GraphClient(sb)
    body = graph.get("groups/delta?$select=displayName,members&$top=2").json()
    seen = list(body["value"])
    for _ in range(10):
        if "@odata.deltaLink" in body:
            break
        body = graph.get(body["@odata.nextLink"]).json()
        seen += body["value"]
    assert len(seen) == sb.tenant.groups.live_count()
    first = seen[1]
    live = [sb.tenant.users.get(i) for i in sb.tenant.group_members(first["id"]) or []]
    assert {m["id"] for m in first["members@delta"]} == {u["id"] for u in live if u}
    assert {m["@odata.type"] for m in first["members@delta"]} == {"#microsoft.graph.user"}
    added = [sb.tenant.add_group(f"G{i}") for i in range(3)]
    sb.tenant.update_group(first["id"], displayName="Neu")
    changes = graph.get(body["@odata.deltaLink"]).json()
    # $select travels in the deltaLink; $top is ignored by groups/delta (pages of ~200)
    assert len(changes["value"]) == 4 and "@odata.nextLink" not in changes
    assert set(changes["value"][0]) == {"id", "displayName", "members@delta"}
    ids = {c["id"] for c in changes["value"]}
    assert ids == {first["id"], *(g["id"] for g in added)}
