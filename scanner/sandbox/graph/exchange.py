"""Exchange Online admin REST (the API behind ExchangeOnlineManagement v3):
``POST /adminapi/beta/{tenantId}/InvokeCommand`` with
``{"CmdletInput": {"CmdletName": "Get-App", "Parameters": {"OrganizationApp": true}}}`` →
``{"@odata.context": …, "value": [ {AppId, DisplayName, ProviderName, …} ]}``. App-only callers
need the Exchange ``Exchange.ManageAsApp`` role in a token for the Exchange audience."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from scanner.sandbox.graph.dispatch import GraphService, Response, _headers, throttle_error
from scanner.sandbox.graph.errors import GraphError, error_body

_SUPPORTED = {"Get-App"}


async def invoke_command(
    service: GraphService, tenant: str, body: Any, headers: Mapping[str, str], base: str
) -> Response:
    ctx = service.ctx
    ctx.stats.count("POST /adminapi/beta/{tenant}/InvokeCommand")
    rid = headers.get("client-request-id") or "00000000-0000-0000-0000-000000000000"
    try:
        fault = ctx.faults.take("/adminapi/beta/")
        if fault is not None and fault.status:
            raise GraphError(
                fault.status,
                "ServiceUnavailable",
                "Service unavailable",
                {"Retry-After": str(fault.retry_after or 1)},
            )
        caller = service.authenticate(headers, base)
        if tenant.lower() not in (ctx.tenant.tenant_id, ctx.tenant.domain):
            raise GraphError(404, "NotFound", f"Tenant '{tenant}' was not found.")
        if "Exchange.ManageAsApp" not in caller.roles:
            raise GraphError(
                403,
                "Forbidden",
                "The role assigned to application "
                f"{caller.client_id} isn't supported in this scenario.",
            )
        if ctx.config.throttle:
            retry = service.budget.charge(caller.client_id + ":exo", 1)
            if retry is not None:
                raise throttle_error(retry, caller.client_id, caller.tenant_id)
        cmdlet = (body or {}).get("CmdletInput", {}) if isinstance(body, dict) else {}
        name = cmdlet.get("CmdletName")
        if name not in _SUPPORTED:
            raise GraphError(
                400,
                "BadRequest",
                f"The term '{name}' is not recognized as a cmdlet available in this session.",
            )
        params = cmdlet.get("Parameters") or {}
        apps = [
            a
            for a in ctx.tenant.add_ins
            if params.get("OrganizationApp") or a["Scope"] != "Organization"
        ]
    except GraphError as err:
        error = error_body(err.code, err.message, rid, rid)
        return Response(
            err.status,
            msgspec.json.encode(error),
            {**_headers(rid, rid), **err.headers},
            payload=error,
        )
    payload: dict[str, Any] = {
        "@odata.context": f"{base}/adminapi/beta/{tenant}/$metadata#Collection"
        "(Exchange.GenericHashTable)",
        "adminapi.warnings@odata.type": "#Collection(String)",
        "@adminapi.warnings": [],
        "value": apps,
    }
    if fault is not None and fault.link_to:  # a nextLink pointing elsewhere (see FaultRule)
        payload["@odata.nextLink"] = (
            f"{fault.link_to.rstrip('/')}/adminapi/beta/{tenant}/InvokeCommand?$skiptoken=1"
        )
    return Response(200, msgspec.json.encode(payload), _headers(rid, rid), payload=payload)
