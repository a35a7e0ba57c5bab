"""STALE_APP: an app that can reach personal data but has not signed in for a long time.

Stale consents are what admins ask about most: a vendor app nobody uses still holds its
permissions (and the vendor its access). The rule needs the sign-in activity list read
completely (coverage ``servicePrincipalSignInActivities``); without it nothing is claimed.
The threshold is ``FindingOptions.inactive_days`` (``--inactive-days``, default 90).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from scanner.models import SIGN_IN_ACTIVITY_SOURCE as SOURCE
from scanner.models import App, Finding, Flow, TenantData
from scanner.rfc3339 import parse_time


def activity_read(tenant: TenantData) -> bool:
    return any(c.source == SOURCE and c.complete for c in tenant.coverage)


def inactivity_findings(
    app: App, flows: Sequence[Flow], tenant: TenantData, *, now: dt.datetime, days: int
) -> list[Finding]:
    if app.first_party or not app.service_principal_id or not flows:
        return []
    if not activity_read(tenant):
        return []
    name = app.display_name or app.app_id
    categories = sorted({f.category for f in flows})
    reach = f"{len(categories)} personal-data categor{'y' if len(categories) == 1 else 'ies'}"
    last = parse_time(app.last_sign_in)
    if last is None:
        when, evidence = "has no sign-in on record", "last sign-in: none on record"
    else:
        idle = (now - last).days
        if idle < days:
            return []
        when = f"last signed in {idle} days ago ({last.date().isoformat()})"
        evidence = f"last sign-in: {app.last_sign_in}"
    return [
        Finding(
            code="STALE_APP",
            severity="medium",
            message=f"{name} {when} but can still reach {reach}: if it is no longer used, "
            "remove its permissions (or the app) and ask the vendor to delete the data.",
            evidence=(evidence, f"threshold: {days} days", *categories[:10]),
        )
    ]


__all__ = ["activity_read", "inactivity_findings"]
