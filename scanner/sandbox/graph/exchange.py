"""Exchange Online admin REST (the API behind ExchangeOnlineManagement v3):
``POST /adminapi/beta/{tenantId}/InvokeCommand`` with
``{"CmdletInput": {"CmdletName": "Get-App", "Parameters": {"OrganizationApp": true}}}`` →
``{"@odata.context": …, "value": [ {AppId, DisplayName, ProviderName, …} ]}``. App-only callers
need the Exchange ``Exchange.ManageAsApp`` role in a token for the Exchange audience *and* an
Entra directory role (Exchange Recipient Administrator, Global Reader, …) on their service
principal; without the role the answer is a 403 whose body is plain text, not JSON. Large
results come in pages whose ``@odata.nextLink`` real tenants sometimes refuse to replay (400) —
both quirks are configurable (``SandboxConfig.exchange_*``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from m365inv.sandbox.graph.dispatch import GraphService, Response, _headers, throttle_error
from m365inv.sandbox.graph.errors import GraphError, error_body

_SUPPORTED = {"Get-App"}


NO_ROLE = (
    "The role assigned to application {client} isn't supported in this scenario. Please check "
    "online documentation for assigning correct Directory Roles to Azure AD Application for EXO "
    "App-Only Authentication."
)


async def invoke_command(
    service: GraphService,
    tenant: str,
    body: Any,
    headers: Mapping[str, str],
    base: str,
    query: Mapping[str, str] | None = None,
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
            raise GraphError(403, "Forbidden", "The token lacks the Exchange.ManageAsApp role.")
        if not ctx.config.exchange_directory_role:
            text = NO_ROLE.format(client=caller.client_id).encode()
            return Response(403, text, {**_headers(rid, rid), "Content-Type": "text/plain"})
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
        start = _skip(query or {}, ctx.config.exchange_next_link_replayable)
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
        "value": apps[start : start + ctx.config.exchange_page_size],
    }
    end = start + ctx.config.exchange_page_size
    if fault is not None and fault.link_to:  # a nextLink pointing elsewhere (see FaultRule)
        payload["@odata.nextLink"] = (
            f"{fault.link_to.rstrip('/')}/adminapi/beta/{tenant}/InvokeCommand?$skiptoken={end}"
        )
    elif end < len(apps):
        payload["@odata.nextLink"] = f"{base}/adminapi/beta/{tenant}/InvokeCommand?$skiptoken={end}"
    return Response(200, msgspec.json.encode(payload), _headers(rid, rid), payload=payload)


def _skip(params: Mapping[str, str], replayable: bool) -> int:
    token = params.get("$skiptoken")
    if token is None:
        return 0
    if not replayable or not token.isdigit():
        raise GraphError(400, "BadRequest", "The skip token is not valid for this request.")
    return int(token)
