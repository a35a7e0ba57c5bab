"""App activity: each app's last sign-in, for "is this app still used?" (stale consents).

``GET /beta/reports/servicePrincipalSignInActivities`` — Graph **beta** only, on the configured
Graph endpoint — lists per service principal the last delegated and app-only sign-in, as client
and as resource (learn.microsoft.com/graph/api/reportroot-list-serviceprincipalsigninactivities).
It needs ``AuditLog.Read.All`` and an Entra ID P1 (or P2) licence; without the licence Graph
answers 403 ``Authentication_RequestFromNonPremiumTenantOrB2CTenant`` ("Neither tenant is B2C or
tenant doesn't have premium license"). Either gap is reported as such: an app without a
recorded sign-in is "no sign-in on record" only when the list was read completely.
"""

from __future__ import annotations

import msgspec

from m365inv.collect.base import Ctx, Section
from m365inv.errors import GraphError
from m365inv.models import SIGN_IN_ACTIVITY_SOURCE as SOURCE
from m365inv.models import SignInActivity
from m365inv.rfc3339 import format_time, parse_time

PERMISSION = "AuditLog.Read.All"
LICENCE_CODES = frozenset(
    {"Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Authorization_RequestDenied_License"}
)
NO_LICENCE = (
    'app sign-in activity needs an Entra ID P1 or P2 licence (Graph: "Neither tenant is B2C or '
    "tenant doesn't have premium license\"); last sign-ins unknown. If the tenant has P1, Graph's "
    "licence check also needs Directory.Read.All (microsoftgraph/microsoft-graph-docs#12537)"
)
NO_PERMISSION = (
    "app sign-in activity was refused (403): grant AuditLog.Read.All (the tenant also needs "
    "Entra ID P1); last sign-ins unknown"
)


class _W(msgspec.Struct, rename="camel"):
    pass


class _Last(_W):
    last_sign_in_date_time: str | None = None


class _Activity(_W):
    app_id: str | None = None
    last_sign_in_activity: _Last | None = None
    delegated_client_sign_in_activity: _Last | None = None
    delegated_resource_sign_in_activity: _Last | None = None
    application_authentication_client_sign_in_activity: _Last | None = None
    application_authentication_resource_sign_in_activity: _Last | None = None


def activity_from(w: _Activity) -> SignInActivity | None:
    """The latest readable sign-in across the five fields; None for a row without an appId."""
    if not w.app_id:
        return None
    fields = (
        w.last_sign_in_activity,
        w.delegated_client_sign_in_activity,
        w.delegated_resource_sign_in_activity,
        w.application_authentication_client_sign_in_activity,
        w.application_authentication_resource_sign_in_activity,
    )
    times = [t for t in (parse_time(f.last_sign_in_date_time) for f in fields if f) if t]
    last = max(times, default=None)
    return SignInActivity(
        app_id=w.app_id,
        last_sign_in=format_time(last) if last else None,
    )


async def read_sign_in_activity(ctx: Ctx) -> Section[SignInActivity]:
    section: Section[SignInActivity] = Section(SOURCE)
    client = ctx.client
    base = client.source.graph_endpoint.rstrip("/")
    info = client.request_for_url(f"{base}/beta/reports/{SOURCE}")
    try:
        async for page in client.pages(info, _Activity):
            section.items.extend(a for a in map(activity_from, page.value) if a is not None)
            ctx.progress.update(section.source, items=len(page.value), pages=1)
    except GraphError as exc:
        section.fail(exc, PERMISSION)
        if exc.code in LICENCE_CODES:
            section.error, section.permission = NO_LICENCE, f"{PERMISSION} + Entra ID P1"
        elif exc.status == 403:
            section.error = NO_PERMISSION
    return section


__all__ = ["NO_LICENCE", "NO_PERMISSION", "SOURCE", "activity_from", "read_sign_in_activity"]
