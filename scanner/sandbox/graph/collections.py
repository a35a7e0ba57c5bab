"""``Listing``s over the tenant's collections: which properties exist, which are returned by
default, which ``$filter`` properties Graph accepts for the forms the scanner uses."""

from __future__ import annotations

from typing import Any

from m365inv.sandbox.graph.paging import Listing, Record
from m365inv.sandbox.tenant import Tenant
from m365inv.sandbox.tenant_people import DEFAULT_USER_PROPS, group_record, user_record
from m365inv.sandbox.tenant_store import Objects


def _known(sample: Record, *more: str) -> frozenset[str]:
    return frozenset(k for k in sample if not k.startswith("_")) | frozenset(more)


def _over(
    objects: Objects, context: str, type_name: str, known: frozenset[str], **kw: Any
) -> Listing:
    return Listing(
        context=context,
        type_name=type_name,
        size=len(objects),
        get=objects.get,
        known=known,
        live=objects.live_count,
        **kw,
    )


def users(t: Tenant, context: str = "users") -> Listing:
    return _over(
        t.users,
        context,
        "user",
        _known(user_record(t.seed, t.domain, 1)),
        default=DEFAULT_USER_PROPS,
        filters=frozenset({"userType", "accountEnabled"}),
        resource="User",
    )


def groups(t: Tenant) -> Listing:
    return _over(
        t.groups,
        "groups",
        "group",
        _known(group_record(t.seed, t.domain, 1)),
        filters=frozenset({"securityEnabled", "mailEnabled"}),
        resource="Group",
    )


def service_principals(t: Tenant, context: str = "servicePrincipals") -> Listing:
    return _over(
        t.service_principals,
        context,
        "servicePrincipal",
        _known(t.service_principals.get(0) or {}),
        filters=frozenset(
            {"appOwnerOrganizationId", "servicePrincipalType", "appId", "displayName"}
        ),
        resource="ServicePrincipal",
    )


def grants(t: Tenant) -> Listing:
    g = t.grants
    return _over(
        g,
        "oauth2PermissionGrants",
        "oAuth2PermissionGrant",
        frozenset({"id", "clientId", "consentType", "principalId", "resourceId", "scope"}),
        filters=frozenset({"clientId", "resourceId", "consentType", "principalId"}),
        resource="OAuth2PermissionGrant",
    )


ASSIGNMENT_PROPS = frozenset(
    {
        "id",
        "deletedDateTime",
        "appRoleId",
        "createdDateTime",
        "principalDisplayName",
        "principalId",
        "principalType",
        "resourceDisplayName",
        "resourceId",
    }
)


def assignments(t: Tenant, indices: list[int], context: str) -> Listing:
    return Listing(
        context=context,
        type_name="appRoleAssignment",
        size=len(indices),
        get=lambda p: t.assignments.get(indices[p]),
        known=ASSIGNMENT_PROPS,
        filters=frozenset({"principalId", "appRoleId"}),
        resource="AppRoleAssignment",
    )


def members(t: Tenant, member_indices: list[int] | range, *, cast: bool) -> Listing:
    """Users by index: the ``/microsoft.graph.user`` cast of ``members`` / ``transitiveMembers``."""
    base = users(t, "users" if cast else "directoryObjects")
    base.size = len(member_indices)
    base.get = lambda p: t.users.get(member_indices[p])
    base.live = None
    base.odata_type = not cast
    base.filters = frozenset()
    return base


def mixed_members(t: Tenant, records: list[Record]) -> Listing:
    """Direct members of any type (users, groups, devices, contacts), each with ``@odata.type``."""
    base = users(t, "directoryObjects")
    base.size = len(records)
    base.get = lambda p: records[p]
    base.live = None
    base.odata_type = True
    base.type_of = lambda r: str(r.get("_type", "user"))
    base.known = (
        base.known
        | _known(group_record(t.seed, t.domain, 1))
        | frozenset(k for r in records for k in r if not k.startswith("_"))
    )
    base.default = None
    base.filters = frozenset()
    return base


def applications(t: Tenant) -> Listing:
    apps = t.applications
    return Listing(
        context="applications",
        type_name="application",
        size=len(apps),
        get=lambda p: apps[p],
        known=_known(apps[0]),
        filters=frozenset({"appId", "displayName"}),
        resource="Application",
    )


def teams_apps(t: Tenant, expand: bool) -> Listing:
    apps = t.teams_apps

    def get(p: int) -> Record:
        app = apps[p]
        return app if expand else {k: v for k, v in app.items() if k != "appDefinitions"}

    return Listing(
        context="appCatalogs/teamsApps" + ("(appDefinitions())" if expand else ""),
        type_name="teamsApp",
        size=len(apps),
        get=get,
        known=frozenset({"id", "externalId", "displayName", "distributionMethod"}),
        filters=frozenset({"distributionMethod", "externalId", "id"}),
        resource="TeamsApp",
    )


def sync_jobs(t: Tenant, sp_id: str) -> Listing:
    jobs = t.sync_jobs.get(sp_id, [])
    return Listing(
        context=f"servicePrincipals('{sp_id}')/synchronization/jobs",
        type_name="synchronizationJob",
        size=len(jobs),
        get=lambda p: jobs[p],
        known=frozenset({"id", "templateId", "schedule", "status", "synchronizationJobSettings"}),
    )
