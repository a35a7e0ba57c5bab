"""``resolve_apps``: one ``ResolvedApp`` per third-party (or first-party) app that can reach data.

An app is listed when it holds an application permission, a delegated grant, a provisioning
job, or appears as a Teams app / Outlook add-in. Everything here is a fact read from the tenant,
and each permission is classified once as it is made (``classify/permissions.py``). A
``ResolvedApp`` is complete: it has no vendor, categories or findings to fill in — the analysis
decides those and builds a new ``App`` record from the facts and its decisions.

Two kinds of app are not third parties and are flagged so: Microsoft's own apps (owner tenant or
appId on the shipped list, ``scanner/resolve/microsoft.py``) and the scanner's own app (the
profile's client id) — both stay in the inventory with their grants and reach.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from m365inv.classify.permissions import ClassifiedPermission, classified_permission
from m365inv.models import (
    DEFAULT_ACCESS,
    DEFAULT_ACCESS_ROLE_ID,
    PROVISIONING_SCOPE,
    AddIn,
    AppFacts,
    AppRoleAssignment,
    DelegatedGrant,
    Provisioning,
    Publisher,
    ServicePrincipal,
    SyncJob,
    TeamsApp,
    TenantData,
)
from m365inv.resolve.microsoft import is_microsoft_app
from m365inv.resolve.permissions import PermissionIndex

# Hosts of Microsoft's own portals. Gallery (and many SAML) apps carry the My Apps / Entra portal
# sign-in URL as ``homepage`` ("https://account.activedirectory.windowsazure.com:444/applications/
# default.aspx?metadata=…"); such a host says nothing about who publishes the app, so it never
# becomes the publisher's domain nor a vendor-matching signal.
MICROSOFT_PORTAL_SUFFIXES = (
    "windowsazure.com", "microsoft.com", "microsoftonline.com", "azure.com", "office.com",
    "office365.com", "microsoftonline.us", "azure.us", "partner.microsoftonline.cn",
    "chinacloudapi.cn", "live.com", "sharepoint.com", "cloud.microsoft",
)  # fmt: skip


_PORTAL_SUFFIXES = frozenset(MICROSOFT_PORTAL_SUFFIXES)


class ResolvedApp(AppFacts, frozen=True, kw_only=True):
    """An app as the tenant shows it, its permissions classified — what ``analysis`` reads."""

    permissions: tuple[ClassifiedPermission, ...] = ()


def is_microsoft_portal(host: str | None) -> bool:
    """True for a host on a Microsoft domain (never a third-party publisher's)."""
    h = (host or "").lower().rstrip(".")
    # the host itself or any parent domain in the set: one lookup per label, not one
    # ``endswith`` per suffix (called for every URL of every service principal)
    labels = h.split(".")
    return any(".".join(labels[i:]) in _PORTAL_SUFFIXES for i in range(len(labels)))


def publisher_host(url: str | None) -> str | None:
    """The lower-cased host of ``url`` unless it is missing, unparsable or Microsoft's."""
    if not url or "://" not in url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or is_microsoft_portal(host):
        return None
    return host.lower()


def _publisher(sp: ServicePrincipal) -> Publisher:
    vp = sp.verified_publisher
    verified = vp is not None and bool(vp.verified_publisher_id)
    domain = publisher_host(sp.homepage)
    return Publisher(
        # v1.0 names a publisher only through verifiedPublisher (publisherName is beta-only)
        name=vp.display_name if verified and vp and vp.display_name else None,
        verified=verified,
        verified_publisher_id=vp.verified_publisher_id if verified and vp else None,
        domain=domain,
    )


def _application_permissions(
    assignments: list[AppRoleAssignment], index: PermissionIndex
) -> list[ClassifiedPermission]:
    out: list[ClassifiedPermission] = []
    for a in assignments:
        resource = index.sps.get(a.resource_id)
        if a.app_role_id == DEFAULT_ACCESS_ROLE_ID:
            # Default access: the resource defines no role for it; listed as such — unclassified
            # (what the API returns is the resource's business), never dropped.
            value: str | None = DEFAULT_ACCESS
        else:
            value = index.app_role_value(a.resource_id, a.app_role_id)
        out.append(
            classified_permission(
                resource_app_id=resource.app_id if resource else a.resource_id,
                resource_name=resource.display_name if resource else a.resource_display_name,
                id=a.app_role_id,
                value=value,
                kind="application",
                granted_at=a.created_date_time,
                resolved=value is not None,
            )
        )
    return out


def _delegated_permissions(
    grants: list[DelegatedGrant], index: PermissionIndex
) -> list[ClassifiedPermission]:
    """One permission per (resource, scope, consent type); Principal grants count their users."""
    users: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for g in grants:
        consent = "AllPrincipals" if g.consent_type == "AllPrincipals" else "Principal"
        for value in (g.scope or "").split():
            key = (g.resource_id, value, consent)
            users.setdefault(key, set())
            if consent == "Principal" and g.principal_id:
                users[key].add(g.principal_id)
    out: list[ClassifiedPermission] = []
    for (resource_id, value, consent), principals in users.items():
        resource = index.sps.get(resource_id)
        scope_id = index.scope_id(resource_id, value)
        out.append(
            classified_permission(
                resource_app_id=resource.app_id if resource else resource_id,
                resource_name=resource.display_name if resource else None,
                id=scope_id or value,
                value=value,
                kind="delegated",
                consent_type="AllPrincipals" if consent == "AllPrincipals" else "Principal",
                principal_count=len(principals) if consent == "Principal" else None,
                resolved=scope_id is not None,
            )
        )
    return out


def _provisioning(jobs: list[SyncJob]) -> Provisioning | None:
    if not jobs:
        return None
    job = next((j for j in jobs if j.attribute_mappings), jobs[0])
    mappings = job.attribute_mappings or ()
    return Provisioning(
        job_id=job.id,
        status=job.status,
        scope=PROVISIONING_SCOPE,
        attributes=tuple(sorted({m.target for m in mappings})),
        mappings=mappings,
    )


def _sort_key(c: ClassifiedPermission) -> tuple[str, str, str, str]:
    p = c.permission
    return (p.kind, p.resource_app_id, p.value or "", p.consent_type or "")


def _standalone(teams: list[TeamsApp], addins: list[AddIn]) -> list[ResolvedApp]:
    """Teams apps and add-ins with no service principal behind them still reach mailboxes."""
    out = [
        ResolvedApp(
            app_id=t.azure_ad_app_id or t.id,
            service_principal_id="",
            display_name=t.display_name,
            first_party=is_microsoft_app(t.azure_ad_app_id, None),
            publisher=Publisher(name=t.publisher, verified=False),
            sources=("teamsApps",),
        )
        for t in teams
    ]
    out += [
        ResolvedApp(
            app_id=a.azure_app_id or a.id,
            service_principal_id="",
            display_name=a.display_name,
            first_party=is_microsoft_app(a.azure_app_id, None),
            publisher=Publisher(name=a.provider_name, verified=False),
            sources=("addIns",),
        )
        for a in addins
    ]
    return out


def resolve_apps(
    tenant: TenantData, *, scanner_app_id: str | None = None
) -> tuple[ResolvedApp, ...]:
    """One ``ResolvedApp`` per service principal that can reach data, then standalone Teams apps and
    add-ins. ``scanner_app_id`` is the profile's client id: that app is the scanner itself."""
    own = (scanner_app_id or "").lower()
    sps = {sp.id: sp for sp in tenant.service_principals}
    index = PermissionIndex(sps)
    assigned: dict[str, list[AppRoleAssignment]] = defaultdict(list)
    for a in tenant.app_role_assignments:
        if (a.principal_type or "ServicePrincipal") == "ServicePrincipal":
            assigned[a.principal_id].append(a)
    granted: dict[str, list[DelegatedGrant]] = defaultdict(list)
    for g in tenant.delegated_grants:
        granted[g.client_id].append(g)
    jobs: dict[str, list[SyncJob]] = defaultdict(list)
    for j in tenant.sync_jobs:
        jobs[j.service_principal_id].append(j)
    teams_by_app = {t.azure_ad_app_id: t for t in tenant.teams_apps if t.azure_ad_app_id}
    addins_by_app = {a.azure_app_id: a for a in tenant.add_ins if a.azure_app_id}

    last_sign_in = {a.app_id: a.last_sign_in for a in tenant.sign_ins}
    apps: list[ResolvedApp] = []
    for sp_id in sorted(set(assigned) | set(granted) | set(jobs)):
        sp = sps.get(sp_id)
        if sp is None:
            continue  # client deleted between listings; its grants are orphans
        perms = _application_permissions(assigned[sp_id], index)
        perms += _delegated_permissions(granted[sp_id], index)
        sources = ["servicePrincipals"]
        if teams_by_app.pop(sp.app_id, None) is not None:
            sources.append("teamsApps")
        if addins_by_app.pop(sp.app_id, None) is not None:
            sources.append("addIns")
        apps.append(
            ResolvedApp(
                app_id=sp.app_id,
                service_principal_id=sp.id,
                display_name=sp.display_name,
                first_party=is_microsoft_app(sp.app_id, sp.app_owner_organization_id),
                scanner=bool(own) and sp.app_id.lower() == own,
                publisher=_publisher(sp),
                permissions=tuple(sorted(perms, key=_sort_key)),
                provisioning=_provisioning(jobs[sp_id]),
                sources=tuple(sources),
                last_sign_in=last_sign_in.get(sp.app_id),
                privacy_statement_url=sp.privacy_statement_url,
            )
        )
    linked_sp_apps = {a.app_id for a in apps}
    teams_left = [t for t in tenant.teams_apps if (t.azure_ad_app_id or "") not in linked_sp_apps]
    addins_left = [a for a in tenant.add_ins if (a.azure_app_id or "") not in linked_sp_apps]
    apps += _standalone(teams_left, addins_left)
    return tuple(
        sorted(apps, key=lambda a: (a.first_party, (a.display_name or "").lower(), a.app_id))
    )


__all__ = [
    "MICROSOFT_PORTAL_SUFFIXES",
    "ResolvedApp",
    "is_microsoft_portal",
    "publisher_host",
    "resolve_apps",
]
