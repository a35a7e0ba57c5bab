"""The one Graph **beta** endpoint the scanner reads: ``GET /beta/reports/
servicePrincipalSignInActivities`` (apps' last sign-ins). Like Graph it needs
``AuditLog.Read.All`` (or ``Directory.Read.All``) and an Entra ID P1 licence; without the
licence it answers 403 ``Authentication_RequestFromNonPremiumTenantOrB2CTenant``
(``SandboxConfig.premium_licence``). Pages of ``$top`` (default 1,000) with an integer
``$skiptoken``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import msgspec

from m365inv.sandbox.graph.dispatch import GraphService, Response, _headers
from m365inv.sandbox.graph.errors import GraphError, error_body
from m365inv.sandbox.tenant_ids import mix

PATH = "reports/servicePrincipalSignInActivities"
_PERMISSIONS = ("AuditLog.Read.All", "Directory.Read.All", "Directory.ReadWrite.All")
NO_PREMIUM = "Neither tenant is B2C or tenant doesn't have premium license"
STALE_DAYS = 200  # ContactSync's last sign-in, and that of every 7th other app


def _stamp(when: dt.datetime) -> str:
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def activity_rows(service: GraphService, now: dt.datetime) -> list[dict[str, Any]]:
    """One row per service principal that signed in: most recently, some long ago, some never
    (those have no row, as in Graph)."""
    t = service.ctx.tenant
    stale = {t.sp_id(t.vendor_index(2))}  # ContactSync: consented, no longer used
    rows: list[dict[str, Any]] = []
    for k, sp in t.service_principals.iter_live():
        h = mix(t.seed, "signin", k)
        if sp["id"] not in stale and h % 11 == 3:
            continue  # never signed in (within Graph's record)
        days = STALE_DAYS + h % 100 if sp["id"] in stale or h % 7 == 2 else h % 30
        when = _stamp(now - dt.timedelta(days=days, minutes=h % 1440))
        last = {"lastSignInDateTime": when, "lastSignInRequestId": f"{h:032x}"[:32]}
        empty = {"lastSignInDateTime": None, "lastSignInRequestId": None}
        rows.append(
            {
                "id": sp["appId"],
                "appId": sp["appId"],
                "lastSignInActivity": last,
                "delegatedClientSignInActivity": last if h % 2 else empty,
                "delegatedResourceSignInActivity": empty,
                "applicationAuthenticationClientSignInActivity": empty if h % 2 else last,
                "applicationAuthenticationResourceSignInActivity": empty,
            }
        )
    return rows


async def sign_in_activities(
    service: GraphService, headers: Mapping[str, str], base: str, query: Mapping[str, str]
) -> Response:
    ctx = service.ctx
    ctx.stats.count(f"GET /beta/{PATH}")
    rid = headers.get("client-request-id") or "00000000-0000-0000-0000-000000000000"
    try:
        caller = service.authenticate(headers, base)
        if not caller.has_any(*_PERMISSIONS):
            raise GraphError(403, "Authorization_RequestDenied",
                             "Insufficient privileges to complete the operation.")  # fmt: skip
        if not ctx.config.premium_licence:
            raise GraphError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                             NO_PREMIUM)  # fmt: skip
        top = int(query.get("$top", "1000"))
        start = int(query.get("$skiptoken", "0"))
    except ValueError:
        err = error_body("BadRequest", "Invalid $top or $skiptoken.", rid, rid)
        return Response(400, msgspec.json.encode(err), _headers(rid, rid), payload=err)
    except GraphError as exc:
        err = error_body(exc.code, exc.message, rid, rid)
        return Response(exc.status, msgspec.json.encode(err), _headers(rid, rid), payload=err)
    rows = activity_rows(service, dt.datetime.now(dt.UTC))
    payload: dict[str, Any] = {
        "@odata.context": f"{base}/beta/$metadata#{PATH}",
        "value": rows[start : start + top],
    }
    if start + top < len(rows):
        payload["@odata.nextLink"] = f"{base}/beta/{PATH}?$top={top}&$skiptoken={start + top}"
    return Response(200, msgspec.json.encode(payload), _headers(rid, rid), payload=payload)


__all__ = ["NO_PREMIUM", "PATH", "activity_rows", "sign_in_activities"]
