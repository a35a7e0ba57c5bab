"""STALE_APP: an app that can reach personal data but has not signed in for a long time.

Stale consents are what admins ask about most: a vendor app nobody uses still holds its
permissions (and the vendor its access). The rule needs the sign-in activity list read
completely (coverage ``servicePrincipalSignInActivities``); without it nothing is claimed.
The threshold is ``FindingOptions.inactive_days`` (``--inactive-days``, default 90).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from m365inv.findings.messages import make
from m365inv.models import SIGN_IN_ACTIVITY_SOURCE as SOURCE
from m365inv.models import AppFacts, Finding, Flow, TenantData
from m365inv.rfc3339 import parse_time


def activity_read(tenant: TenantData) -> bool:
    return any(c.source == SOURCE and c.complete for c in tenant.coverage)


def inactivity_findings(
    app: AppFacts, flows: Sequence[Flow], tenant: TenantData, *, now: dt.datetime, days: int
) -> list[Finding]:
    if app.first_party or app.scanner or not app.service_principal_id or not flows:
        return []
    if not activity_read(tenant):
        return []
    name = app.display_name or app.app_id
    categories = sorted({f.category for f in flows})
    threshold = f"threshold: {days} days"
    last = parse_time(app.last_sign_in)
    if last is None:
        return [
            make(
                "STALE_APP",
                "medium",
                ("last sign-in: none on record", threshold, *categories[:10]),
                variant="never",
                app=name,
                count=len(categories),
            )
        ]
    idle = (now - last).days
    if idle < days:
        return []
    return [
        make(
            "STALE_APP",
            "medium",
            (f"last sign-in: {app.last_sign_in}", threshold, *categories[:10]),
            app=name,
            days=idle,
            date=last.date().isoformat(),
            count=len(categories),
        )
    ]


__all__ = ["activity_read", "inactivity_findings"]
