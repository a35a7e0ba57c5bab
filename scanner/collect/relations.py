"""Per-object reads: group members, application permissions per resource, grant principals.

All go through ``$batch`` (twenty first pages a round trip) — the per-object calls are what make
naive scanners slow. Application permissions are read once per *resource* service principal
(``appRoleAssignedTo`` of Graph, Exchange, SharePoint, …), not once per client app.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.directory_objects.get_by_ids.get_by_ids_post_request_body import (
    GetByIdsPostRequestBody,
)

from m365inv.collect.base import Ctx, Section
from m365inv.collect.requests import get_info, urls_by_id
from m365inv.errors import GraphError
from m365inv.graph import sansio
from m365inv.graph.budget import request_cost
from m365inv.graph.fanout import fan_out
from m365inv.models import (
    AppRoleAssignment,
    DirectoryObject,
    Group,
    ServicePrincipal,
    SyncJob,
)
from m365inv.resolve.microsoft import is_microsoft_app

ASSIGNMENT_SELECT = (
    "id",
    "appRoleId",
    "principalId",
    "principalType",
    "principalDisplayName",
    "resourceId",
    "resourceDisplayName",
    "createdDateTime",
)
GET_BY_IDS_MAX = 1000


class _Ref(msgspec.Struct):
    id: str


async def read_members(ctx: Ctx, groups: list[Group]) -> tuple[list[Group], Section[Group]]:
    """Groups with ``member_ids`` = the distinct *users* they reach; failed groups keep ``None``.

    ``/groups/{id}/members`` is direct membership of every object type (nested groups, devices,
    contacts); counting its ids as people is wrong both ways. ``transitiveMembers`` cast to
    ``microsoft.graph.user`` returns exactly the users reached through any depth of nesting,
    each once (learn.microsoft.com/graph/api/group-list-transitivemembers). The cast to
    ``user`` is valid for every group type (only a cast to ``group`` is refused for Microsoft
    365 groups); paging is bounded by the client's nextLink chain.
    """
    section: Section[Group] = Section("groupMembers")
    client = ctx.client
    urls = urls_by_id(
        client,
        (g.id for g in groups),
        lambda i: get_info(
            client.sdk.groups.by_group_id(i).transitive_members.graph_user,
            select=("id",),
            top=ctx.options.page_size,
        ),
    )
    cost = request_cost("/groups/x/transitiveMembers", has_select=True)
    results = await fan_out(client, urls, _Ref, cost_each=cost)
    out: list[Group] = []
    for g in groups:
        res = results.get(g.id)
        if isinstance(res, list):
            ids = tuple(dict.fromkeys(r.id for r in res))  # a user twice on a page counts once
            out.append(msgspec.structs.replace(g, member_ids=ids))
            section.items.append(g)
        else:
            out.append(g)
            if res is not None:
                section.fail(res, "GroupMember.Read.All")
    ctx.progress.update(section.source, items=len(section.items), pages=len(urls))
    return out, section


def resources_with_roles(sps: list[ServicePrincipal]) -> list[ServicePrincipal]:
    """Service principals a client can hold an assignment to: those offering application
    permissions, and non-Microsoft APIs (they expose delegated scopes) without app roles.

    A client is given access to an API that defines no app roles through a *default access*
    assignment (appRoleId ``00000000-0000-0000-0000-000000000000``) — e.g. to the tenant's own
    HR API. Reading only role-offering resources dropped those silently.
    """
    return [
        sp
        for sp in sps
        if sp.app_roles
        or (
            sp.oauth2_permission_scopes
            and not is_microsoft_app(sp.app_id, sp.app_owner_organization_id)
        )
    ]


def provisioning_without_roles(
    sps: list[ServicePrincipal], jobs: Iterable[SyncJob]
) -> list[ServicePrincipal]:
    """Apps with a provisioning job whose assignments ``resources_with_roles`` does not read."""
    provisioning = {j.service_principal_id for j in jobs}
    return [sp for sp in sps if sp.id in provisioning and not sp.app_roles]


async def read_assignments(
    ctx: Ctx, resources: list[ServicePrincipal]
) -> Section[AppRoleAssignment]:
    section: Section[AppRoleAssignment] = Section("appRoleAssignedTo")
    client = ctx.client
    resources = list({sp.id: sp for sp in resources}.values())  # each resource read once
    urls = urls_by_id(
        client,
        (sp.id for sp in resources),
        lambda i: get_info(
            client.sdk.service_principals.by_service_principal_id(i).app_role_assigned_to,
            select=ASSIGNMENT_SELECT,
            top=ctx.options.page_size,
        ),
    )
    cost = request_cost("/servicePrincipals/x/appRoleAssignedTo", has_select=True)
    results = await fan_out(client, urls, AppRoleAssignment, cost_each=cost)
    for sp in resources:
        res = results.get(sp.id)
        if isinstance(res, list):
            section.items.extend(res)
        elif res is not None:
            section.fail(res, "Application.Read.All")
    ctx.progress.update(section.source, items=len(section.items), pages=len(urls))
    return section


async def read_principals(ctx: Ctx, ids: list[str]) -> Section[DirectoryObject]:
    """Resolve principal ids through ``getByIds``, at most 1,000 ids a call."""
    section: Section[DirectoryObject] = Section("principals")
    client = ctx.client
    for start in range(0, len(ids), GET_BY_IDS_MAX):
        chunk = ids[start : start + GET_BY_IDS_MAX]
        body = GetByIdsPostRequestBody(ids=chunk, types=["user", "group", "servicePrincipal"])
        info = client.sdk.directory_objects.get_by_ids.to_post_request_information(
            body, RequestConfiguration()
        )
        try:
            resp = await client.send(info, cost=5)
            page = sansio.decode_page(resp.body, DirectoryObject)
        except GraphError as exc:
            section.fail(exc, "Directory.Read.All")
            continue
        section.items.extend(page.value)
        client.stats.objects += len(page.value)
        ctx.progress.update(section.source, items=len(page.value), pages=1)
    return section


__all__ = [
    "ASSIGNMENT_SELECT",
    "provisioning_without_roles",
    "read_assignments",
    "read_members",
    "read_principals",
    "resources_with_roles",
]
