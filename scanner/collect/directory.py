"""Directory listings: organisation, users, groups, service principals, applications, grants.

Each is one nextLink chain of 999-object pages, decoded straight into ``m365inv.models`` records
where the wire shape matches, or through a small wire struct where Graph nests or may send
``null`` for a collection (records keep ``()`` for "none").
"""

from __future__ import annotations

import msgspec

from m365inv.collect.base import Ctx, Section, read_list
from m365inv.collect.requests import get_info
from m365inv.errors import GraphError
from m365inv.models import (
    Application,
    AppRole,
    Group,
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
    id: str
    display_name: str | None = None
    verified_domains: list[_Domain] | None = None
    country_letter_code: str | None = None


class _Group(_Wire):
    id: str
    display_name: str | None = None
    mail: str | None = None
    description: str | None = None
    security_enabled: bool | None = None
    mail_enabled: bool | None = None
    group_types: tuple[str, ...] | None = None


class _Info(_Wire):
    privacy_statement_url: str | None = None
    marketing_url: str | None = None


class _AppRole(_Wire):
    id: str
    value: str | None = None
    display_name: str | None = None
    description: str | None = None
    allowed_member_types: tuple[str, ...] | None = None
    is_enabled: bool | None = None


class _Scope(_Wire):
    id: str
    value: str | None = None
    admin_consent_display_name: str | None = None
    admin_consent_description: str | None = None
    type: str | None = None
    is_enabled: bool | None = None


class _ServicePrincipal(_Wire):
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
    app_roles: list[_AppRole] | None = None
    oauth2_permission_scopes: list[_Scope] | None = None
    info: _Info | None = None


def org_from(w: _Org) -> Org:
    domains = tuple(d.name for d in w.verified_domains or () if d.name)
    return Org(
        id=w.id,
        display_name=w.display_name,
        verified_domains=domains,
        country_letter_code=w.country_letter_code,
    )


def group_from(w: _Group) -> Group:
    return Group(
        id=w.id,
        display_name=w.display_name,
        mail=w.mail,
        description=w.description,
        security_enabled=w.security_enabled,
        mail_enabled=w.mail_enabled,
        group_types=w.group_types or (),
    )


def sp_from(w: _ServicePrincipal) -> ServicePrincipal:
    # A verifiedPublisher object whose fields are all null means "not verified" in Graph.
    vp = w.verified_publisher
    if vp is not None and vp.verified_publisher_id is None and vp.display_name is None:
        vp = None
    roles = tuple(
        AppRole(
            id=r.id,
            value=r.value,
            display_name=r.display_name,
            description=r.description,
            allowed_member_types=r.allowed_member_types or (),
            is_enabled=r.is_enabled,
        )
        for r in w.app_roles or ()
    )
    scopes = tuple(
        PermissionScope(
            id=s.id,
            value=s.value,
            admin_consent_display_name=s.admin_consent_display_name,
            admin_consent_description=s.admin_consent_description,
            kind=s.type,
            is_enabled=s.is_enabled,
        )
        for s in w.oauth2_permission_scopes or ()
    )
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
        app_roles=roles,
        oauth2_permission_scopes=scopes,
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
    "group_from",
    "org_from",
    "read_applications",
    "read_org",
    "size_budget",
    "sp_from",
]
