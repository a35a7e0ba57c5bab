"""``tenant_counts``: the tenant's object counts, computed once for the header and every flow.

A count exists only for a section read completely (coverage ``complete``); a partial or failed
read is ``None``. There used to be two count records — the header said "unknown" while every
tenant-wide flow claimed the handful of users read before the failure (issue 14, item 3).
"""

from __future__ import annotations

from m365inv.models import TenantCounts, TenantData


def _complete(tenant: TenantData, source: str) -> bool:
    return any(c.source == source and c.complete for c in tenant.coverage)


def tenant_counts(tenant: TenantData) -> TenantCounts:
    """Counts of users (all, members, guests, enabled), groups and service principals."""
    groups = len(tenant.groups) if _complete(tenant, "groups") else None
    sps = len(tenant.service_principals) if _complete(tenant, "servicePrincipals") else None
    if not _complete(tenant, "users"):
        return TenantCounts(groups=groups, service_principals=sps)
    users = tenant.users
    return TenantCounts(
        users=len(users),
        # userType is read with every user; a user without it (older objects) is a member
        members=sum(1 for u in users if u.user_type != "Guest"),
        guests=sum(1 for u in users if u.user_type == "Guest"),
        enabled_users=sum(1 for u in users if u.account_enabled is not False),
        groups=groups,
        service_principals=sps,
    )


__all__ = ["tenant_counts"]
