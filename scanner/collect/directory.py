"""Directory listings: organisation, users, groups, service principals, applications, grants.

Each is one nextLink chain of 999-object pages, decoded straight into ``m365inv.models`` records
where the wire shape matches (users, groups, applications, grants, and the app roles and scopes
inside a service principal). A wire struct is kept only where Graph's shape differs from the
record's — each says how — so no record's fields are declared twice.

Groups decode as ``Group``: their ``$select``ed properties are the record's fields by camelCase
name, ``groupTypes`` is a collection, which OData never sends as ``null`` (CSDL 4.01 §7.2.1:
"the collection itself is never null"; an empty one is ``[]``), and ``memberIds`` is not on the
wire at all, so it stays ``None`` ("not read") until ``collect/relations.py`` reads the members.
"""

from __future__ import annotations

import msgspec

from m365inv.collect.base import Ctx, Section, read_list
from m365inv.collect.requests import get_info
from m365inv.errors import GraphError
from m365inv.models import (
    Application,
    AppRole,
    Org,
    PermissionScope,
    ServicePrincipal,
    VerifiedPublisher,
)

# Users: only what analysis reads (the tenant's size, members vs. guests, enabled accounts) and
# the id that delta rounds apply to. Names, sign-in names and mail addresses of every employee
# are personal data the inventory never shows — not copying them into each snapshot is data
# minimisation, and at a million users it is also ~60 % of the users' memory and wire bytes.
USER_SELECT = ("id", "userType", "accountEnabled")
GROUP_SELECT = (
    "id",
    "displayName",
    "mail",
    "description",
    "securityEnabled",
    "mailEnabled",
    "groupTypes",
)
SP_SELECT = (
    "id",
    "appId",
    "displayName",
    "appOwnerOrganizationId",
    # No publisherName: beta-only (microsoftgraph/microsoft-graph-docs#12202); v1.0 answers 400.
    "verifiedPublisher",
    "homepage",
    "replyUrls",
    "servicePrincipalType",
    "accountEnabled",
    "tags",
    "appRoles",
    "oauth2PermissionScopes",
    "info",
    # No createdDateTime: servicePrincipal has none in v1.0 (Graph answers 400 to $select of it).
)
APP_SELECT = ("id", "appId", "displayName", "publisherDomain", "signInAudience", "createdDateTime")
GRANT_SELECT = ("id", "clientId", "consentType", "principalId", "resourceId", "scope")


class _Wire(msgspec.Struct, rename="camel"):
    """Base of wire structs: tolerant of unknown properties and nulls in collections."""


class _Domain(_Wire):
    name: str | None = None


class _Org(_Wire):
    """``/organization``: ``verifiedDomains`` is a list of objects; ``Org`` keeps their names."""

    id: str
    display_name: str | None = None
    verified_domains: list[_Domain] | None = None
    country_letter_code: str | None = None


class _Info(_Wire):
    privacy_statement_url: str | None = None
    marketing_url: str | None = None


class _ServicePrincipal(_Wire):
    """A service principal as Graph sends it, where its shape differs from ``ServicePrincipal``:

    * ``info`` is a nested object; the record keeps its two URLs flat (``privacy_statement_url``,
      ``marketing_url``), as resolve and matching read them;
    * a ``verifiedPublisher`` whose fields are all ``null`` means "not verified" (record: None);
    * the collections may arrive as ``null`` (``tests/scanner/graph/samples/sp_page.json``); the
      record keeps ``()`` because resolve iterates them.

    ``appRoles`` and ``oauth2PermissionScopes`` decode straight into ``AppRole`` and
    ``PermissionScope`` (same shape; ``type`` is the scope record's wire name for ``kind``).
    """

    id: str
    app_id: str
    display_name: str | None = None
    app_owner_organization_id: str | None = None
    verified_publisher: VerifiedPublisher | None = None
    homepage: str | None = None
    reply_urls: tuple[str, ...] | None = None
    service_principal_type: str | None = None
    account_enabled: bool | None = None
    tags: tuple[str, ...] | None = None
    app_roles: tuple[AppRole, ...] | None = None
    oauth2_permission_scopes: tuple[PermissionScope, ...] | None = None
    info: _Info | None = None


def org_from(w: _Org) -> Org:
    domains = tuple(d.name for d in w.verified_domains or () if d.name)
    return Org(
        id=w.id,
        display_name=w.display_name,
        verified_domains=domains,
        country_letter_code=w.country_letter_code,
    )


def sp_from(w: _ServicePrincipal) -> ServicePrincipal:
    # A verifiedPublisher object whose fields are all null means "not verified" in Graph.
    vp = w.verified_publisher
    if vp is not None and vp.verified_publisher_id is None and vp.display_name is None:
        vp = None
    info = w.info or _Info()
    return ServicePrincipal(
        id=w.id,
        app_id=w.app_id,
        display_name=w.display_name,
        app_owner_organization_id=w.app_owner_organization_id,
        verified_publisher=vp,
        homepage=w.homepage,
        reply_urls=w.reply_urls or (),
        service_principal_type=w.service_principal_type,
        account_enabled=w.account_enabled,
        tags=w.tags or (),
        app_roles=w.app_roles or (),
        oauth2_permission_scopes=w.oauth2_permission_scopes or (),
        privacy_statement_url=info.privacy_statement_url,
        marketing_url=info.marketing_url,
    )


async def read_org(ctx: Ctx) -> Section[Org]:
    section: Section[Org] = Section("organization")
    info = get_info(
        ctx.client.sdk.organization,
        select=("id", "displayName", "verifiedDomains", "countryLetterCode"),
        top=None,
    )
    return await read_list(ctx, section, info, _Org, org_from, "Organization.Read.All")


async def size_budget(ctx: Ctx) -> None:
    """``/users/$count`` first, so the resource-unit budget fits the tenant from the start.

    Best effort: without it the budget stays at the smallest tier until users are listed.
    """
    info = get_info(ctx.client.sdk.users.count, top=None, headers={"ConsistencyLevel": "eventual"})
    try:
        resp = await ctx.client.send(info, cost=1)
        ctx.client.set_tenant_size(int(resp.body.decode("ascii", "replace").strip()))
    except (GraphError, ValueError):
        return


async def read_applications(ctx: Ctx) -> Section[Application]:
    section: Section[Application] = Section("applications")
    info = get_info(ctx.client.sdk.applications, select=APP_SELECT, top=ctx.options.page_size)
    return await read_list(ctx, section, info, Application, None, "Application.Read.All")


__all__ = [
    "APP_SELECT",
    "GRANT_SELECT",
    "GROUP_SELECT",
    "SP_SELECT",
    "USER_SELECT",
    "org_from",
    "read_applications",
    "read_org",
    "size_budget",
    "sp_from",
]
