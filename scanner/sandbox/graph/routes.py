"""The Graph v1.0 route table: path pattern → permissions that open it, resource-unit cost, and
the handler that builds the JSON body. Handlers are plain functions of a ``Call`` so that
``$batch`` can run inner requests through exactly the same code as top-level ones."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from m365inv.sandbox.graph import collections as col
from m365inv.sandbox.graph.delta import delta_page
from m365inv.sandbox.graph.errors import GraphError, bad_request, not_found, unsupported
from m365inv.sandbox.graph.odata import Query, check_select, parse_query
from m365inv.sandbox.graph.paging import Listing, page, shape
from m365inv.sandbox.tenant import Tenant
from m365inv.sandbox.tenant_members import direct_members, transitive_user_indices

Record = dict[str, Any]
_DIR_READ = ("Directory.Read.All", "Directory.ReadWrite.All")
P_ORG = ("Organization.Read.All", "Organization.ReadWrite.All", "User.Read", *_DIR_READ)
P_USERS = ("User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All", *_DIR_READ)
P_GROUPS = ("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", *_DIR_READ)
P_APPS = (
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Application.ReadWrite.OwnedBy",
    *_DIR_READ,
)
P_GRANTS = (
    "DelegatedPermissionGrant.Read.All",
    "DelegatedPermissionGrant.ReadWrite.All",
    *_DIR_READ,
)
P_ASSIGN = (
    "Application.Read.All",
    "AppRoleAssignment.ReadWrite.All",
    "Application.ReadWrite.All",
    *_DIR_READ,
)
P_SYNC = ("Synchronization.Read.All", "Synchronization.ReadWrite.All")
P_TEAMS = ("AppCatalog.Read.All", "AppCatalog.ReadWrite.All", "AppCatalog.Submit", *_DIR_READ)
P_DIR = _DIR_READ


@dataclass
class Call:
    """One Graph request, top-level or inside ``$batch``."""

    tenant: Tenant
    base: str  # "https://127.0.0.1:PORT"
    method: str
    path: str  # below /v1.0/, no leading slash
    params: Mapping[str, str]
    headers: Mapping[str, str]
    body: Any
    secret: str

    @property
    def consistency(self) -> bool:
        return self.headers.get("ConsistencyLevel", "").lower() == "eventual"

    def query(self) -> Query:
        return parse_query(self.params)


@dataclass
class Result:
    body: Record | str
    objects: int = 0
    status: int = 200


Handler = Callable[..., Result]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    name: str  # stats key, "GET /v1.0/groups/{id}/members"
    permissions: tuple[str, ...]
    cost: int
    handler: Handler
    delegated_only: bool = False  # documented for a user context (403 app-only when configured)


def _page(call: Call, listing: Listing) -> Result:
    body, n = page(
        listing,
        call.query(),
        base=call.base,
        path=call.path,
        params=call.params,
        secret=call.secret,
        consistency=call.consistency,
    )
    return Result(body, n)


def _sp_id(call: Call, sp_id: str) -> str:
    if call.tenant.service_principals.index(sp_id) is None:
        raise not_found(sp_id)
    return sp_id


def organization(call: Call) -> Result:
    t = call.tenant
    org = {
        "id": t.tenant_id,
        "deletedDateTime": None,
        "businessPhones": ["+49 30 1234567"],
        "city": "Berlin",
        "country": None,
        "countryLetterCode": "DE",
        "createdDateTime": "2019-03-01T08:00:00Z",
        "defaultUsageLocation": None,
        "displayName": t.display_name,
        "marketingNotificationEmails": [],
        "onPremisesLastSyncDateTime": None,
        "onPremisesSyncEnabled": None,
        "partnerTenantType": None,
        "postalCode": "10115",
        "preferredLanguage": "de",
        "securityComplianceNotificationMails": [],
        "securityComplianceNotificationPhones": [],
        "state": None,
        "street": "Musterstraße 1",
        "technicalNotificationMails": [],
        "tenantType": "AAD",
        "assignedPlans": [],
        "provisionedPlans": [],
        "privacyProfile": {"contactEmail": f"datenschutz@{t.domain}", "statementUrl": None},
        "verifiedDomains": [
            {
                "capabilities": "Email, OfficeCommunicationsOnline",
                "isDefault": True,
                "isInitial": True,
                "name": t.domain,
                "type": "Managed",
            }
        ],
    }
    listing = Listing(
        context="organization",
        type_name="organization",
        size=1,
        get=lambda p: org,
        known=frozenset(org),
    )
    return _page(call, listing)


def users(call: Call) -> Result:
    return _page(call, col.users(call.tenant))


def users_count(call: Call) -> Result:
    if not call.consistency:
        raise unsupported(
            "Raw count (/$count) is not supported because the "
            "'ConsistencyLevel:eventual' header is missing. Refer to "
            "https://aka.ms/graph-docs/advanced-queries for more information"
        )
    return Result(str(call.tenant.users.live_count()))


def user(call: Call, oid: str) -> Result:
    t = call.tenant
    i = t.users.index(oid)
    if i is None:
        i = t.users.index(t.user_id_for(oid) or "")  # /users/{userPrincipalName}
    item = t.users.get(i) if i is not None else None
    if item is None:
        raise not_found(oid)
    q = call.query()
    listing = col.users(t)
    check_select(q.select, listing.known, "user")
    body = {
        "@odata.context": f"{call.base}/v1.0/$metadata#users/$entity",
        **shape(item, q.select, listing.default, None),
    }
    return Result(body, 1)


DIRECTORY_DELTA_PAGE = 200
"""users/groups delta ignore $top and page about 200 (microsoft-graph-docs #7160, #5566)."""


def users_delta(call: Call) -> Result:
    return _delta(
        call, call.tenant.users, col.users(call.tenant), "changed", cap=DIRECTORY_DELTA_PAGE
    )


def _delta(
    call: Call,
    objects: Any,
    listing: Listing,
    reason: str,
    members: Any = None,
    cap: int | None = None,
) -> Result:
    body, n = delta_page(
        objects,
        listing,
        call.query(),
        tenant=call.tenant,
        base=call.base,
        path=call.path,
        params=call.params,
        secret=call.secret,
        removed_reason=reason,
        members=members,
        page_cap=cap,
    )
    return Result(body, n)


def groups(call: Call) -> Result:
    return _page(call, col.groups(call.tenant))


def groups_delta(call: Call) -> Result:
    t = call.tenant
    listing = col.groups(t)
    listing.known = listing.known | {"members"}

    def members_delta(group: Record, initial: bool) -> list[Record]:
        if not initial:  # no membership mutations in the sandbox: nothing changed
            return []
        records = direct_members(t, str(group["id"])) or []
        return [{"@odata.type": f"#microsoft.graph.{r['_type']}", "id": r["id"]} for r in records]

    return _delta(call, t.groups, listing, "changed", members_delta, cap=DIRECTORY_DELTA_PAGE)


def members(call: Call, oid: str) -> Result:
    """Direct members of every type: users, nested groups, devices, contacts."""
    records = direct_members(call.tenant, oid)
    if records is None:
        raise not_found(oid)
    return _page(call, col.mixed_members(call.tenant, records))


def members_users(call: Call, oid: str) -> Result:
    indices = call.tenant.group_members(oid)
    if indices is None:
        raise not_found(oid)
    return _page(call, col.members(call.tenant, indices, cast=True))


def transitive_users(call: Call, oid: str) -> Result:
    """``transitiveMembers/microsoft.graph.user``: distinct users reached through nesting."""
    indices = transitive_user_indices(call.tenant, oid)
    if indices is None:
        raise not_found(oid)
    return _page(call, col.members(call.tenant, indices, cast=True))


def service_principals(call: Call) -> Result:
    return _page(call, col.service_principals(call.tenant))


def service_principals_delta(call: Call) -> Result:
    return _delta(
        call, call.tenant.service_principals, col.service_principals(call.tenant), "changed"
    )


def service_principal(call: Call, oid: str) -> Result:
    item = call.tenant.service_principals.by_id(oid)
    if item is None:
        raise not_found(oid)
    q = call.query()
    listing = col.service_principals(call.tenant)
    check_select(q.select, listing.known, "servicePrincipal")
    body = {
        "@odata.context": f"{call.base}/v1.0/$metadata#servicePrincipals/$entity",
        **shape(item, q.select, None, None),
    }
    return Result(body, 1)


def service_principal_by_app_id(call: Call, app_id: str) -> Result:
    """``/servicePrincipals(appId='…')``: Graph's alternate key (what msgraph-sdk's
    ``service_principals_with_app_id`` calls)."""
    item = call.tenant.sp_by_app_id(app_id)
    if item is None:
        raise GraphError(
            404,
            "Request_ResourceNotFound",
            f"Resource with appId '{app_id}' does not exist or one of its queried reference-"
            "property objects are not present.",
        )
    return service_principal(call, str(item["id"]))


def assigned_to(call: Call, oid: str) -> Result:
    indices = call.tenant.assignments_to(_sp_id(call, oid))
    return _page(
        call, col.assignments(call.tenant, indices, f"servicePrincipals('{oid}')/appRoleAssignedTo")
    )


def assignments_of(call: Call, oid: str) -> Result:
    indices = call.tenant.assignments_of(_sp_id(call, oid))
    return _page(
        call,
        col.assignments(call.tenant, indices, f"servicePrincipals('{oid}')/appRoleAssignments"),
    )


def applications(call: Call) -> Result:
    return _page(call, col.applications(call.tenant))


def grants(call: Call) -> Result:
    return _page(call, col.grants(call.tenant))


def grants_delta(call: Call) -> Result:
    return _delta(call, call.tenant.grants, col.grants(call.tenant), "deleted")


def sync_jobs(call: Call, oid: str) -> Result:
    return _page(call, col.sync_jobs(call.tenant, _sp_id(call, oid)))


def sync_schema(call: Call, oid: str, job: str) -> Result:
    _sp_id(call, oid)
    schema = call.tenant.sync_schemas.get(job)
    if schema is None or all(j["id"] != job for j in call.tenant.sync_jobs.get(oid, [])):
        raise GraphError(404, "NotFound", f"The job '{job}' was not found.")
    ctx = f"servicePrincipals('{oid}')/synchronization/jobs('{job}')/schema/$entity"
    return Result({"@odata.context": f"{call.base}/v1.0/$metadata#{ctx}", **schema}, 1)


def teams_apps(call: Call) -> Result:
    expand = call.params.get("$expand")
    if expand not in (None, "appDefinitions"):
        raise bad_request(
            f"Parsing OData Select and Expand failed: Could not find a property "
            f"named '{expand}' on type 'microsoft.graph.teamsApp'."
        )
    return _page(call, col.teams_apps(call.tenant, expand is not None))


_TYPES = {
    "user",
    "group",
    "servicePrincipal",
    "application",
    "device",
    "orgContact",
    "directoryRole",
}


def get_by_ids(call: Call) -> Result:
    body = call.body if isinstance(call.body, dict) else {}
    ids, types = body.get("ids"), body.get("types") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise bad_request("Invalid request body: 'ids' must be an array of strings.")
    if len(ids) > 1000:
        raise bad_request("Too many ids. The maximum number of ids allowed is 1000.")
    if any(t not in _TYPES for t in types):
        raise bad_request(f"Invalid value for 'types': {types}.")
    t, found = call.tenant, []
    wanted = set(types) or _TYPES
    for oid in ids:
        for kind, objects, default in (
            ("user", t.users, col.users(t).default),
            ("group", t.groups, None),
            ("servicePrincipal", t.service_principals, None),
        ):
            item = objects.by_id(oid) if kind in wanted else None
            if item is not None:
                found.append(shape(item, None, default, f"#microsoft.graph.{kind}"))
                break
    return Result(
        {"@odata.context": f"{call.base}/v1.0/$metadata#directoryObjects", "value": found},
        len(found),
    )


_ID = r"(?P<oid>[^/]+)"
_USER_CAST = r"(?:microsoft\.)?graph\.user"  # Graph takes the "graph." alias the SDKs send


def _r(
    method: str, regex: str, name: str, perms: tuple[str, ...], cost: int, handler: Handler
) -> Route:
    return Route(method, re.compile(f"^{regex}$"), f"{method} /v1.0/{name}", perms, cost, handler)


ROUTES = (
    _r("GET", "organization", "organization", P_ORG, 1, organization),
    _r("GET", "users", "users", P_USERS, 2, users),
    _r("GET", r"users/\$count", "users/$count", P_USERS, 1, users_count),
    _r("GET", "users/delta(?:\\(\\))?", "users/delta", P_USERS, 2, users_delta),
    _r("GET", f"users/{_ID}", "users/{id}", P_USERS, 1, user),
    _r("GET", "groups", "groups", P_GROUPS, 2, groups),
    _r("GET", "groups/delta(?:\\(\\))?", "groups/delta", P_GROUPS, 2, groups_delta),
    _r("GET", f"groups/{_ID}/members", "groups/{id}/members", P_GROUPS, 3, members),
    _r(
        "GET",
        f"groups/{_ID}/members/{_USER_CAST}",
        "groups/{id}/members/microsoft.graph.user",
        P_GROUPS,
        3,
        members_users,
    ),
    _r(
        "GET",
        f"groups/{_ID}/transitiveMembers/{_USER_CAST}",
        "groups/{id}/transitiveMembers/microsoft.graph.user",
        P_GROUPS,
        3,
        transitive_users,
    ),
    _r("GET", "servicePrincipals", "servicePrincipals", P_APPS, 2, service_principals),
    _r(
        "GET",
        "servicePrincipals/delta(?:\\(\\))?",
        "servicePrincipals/delta",
        P_APPS,
        2,
        service_principals_delta,
    ),
    _r("GET", f"servicePrincipals/{_ID}", "servicePrincipals/{id}", P_APPS, 1, service_principal),
    _r(
        "GET",
        r"servicePrincipals\(appId='(?P<app_id>[^'/]+)'\)",
        "servicePrincipals(appId={appId})",
        P_APPS,
        1,
        service_principal_by_app_id,
    ),
    _r(
        "GET",
        f"servicePrincipals/{_ID}/appRoleAssignedTo",
        "servicePrincipals/{id}/appRoleAssignedTo",
        P_ASSIGN,
        2,
        assigned_to,
    ),
    _r(
        "GET",
        f"servicePrincipals/{_ID}/appRoleAssignments",
        "servicePrincipals/{id}/appRoleAssignments",
        P_ASSIGN,
        2,
        assignments_of,
    ),
    _r(
        "GET",
        f"servicePrincipals/{_ID}/synchronization/jobs",
        "servicePrincipals/{id}/synchronization/jobs",
        P_SYNC,
        1,
        sync_jobs,
    ),
    _r(
        "GET",
        f"servicePrincipals/{_ID}/synchronization/jobs/(?P<job>[^/]+)/schema",
        "servicePrincipals/{id}/synchronization/jobs/{jobId}/schema",
        P_SYNC,
        1,
        sync_schema,
    ),
    _r("GET", "applications", "applications", P_APPS, 2, applications),
    _r("GET", "oauth2PermissionGrants", "oauth2PermissionGrants", P_GRANTS, 2, grants),
    _r(
        "GET",
        "oauth2PermissionGrants/delta(?:\\(\\))?",
        "oauth2PermissionGrants/delta",
        P_GRANTS,
        2,
        grants_delta,
    ),
    _r("POST", "directoryObjects/getByIds", "directoryObjects/getByIds", P_DIR, 5, get_by_ids),
    Route(
        "GET",
        re.compile("^appCatalogs/teamsApps$"),
        "GET /v1.0/appCatalogs/teamsApps",
        P_TEAMS,
        1,
        teams_apps,
        delegated_only=True,
    ),
)


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """The route for (method, path); None when nothing matches."""
    for route in ROUTES:
        m = route.pattern.match(path)
        if m and route.method == method:
            return route, m.groupdict()
    return None


def path_exists(path: str) -> bool:
    return any(r.pattern.match(path) for r in ROUTES)
