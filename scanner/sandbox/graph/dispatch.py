"""The request pipeline every Graph call goes through, top-level or inside ``$batch``:
count → injected fault → authenticate (401) → route (400) → permission (403) → resource-unit
budget (429) → handler → latency → serialise, with Graph's headers and error bodies."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import msgspec

from m365inv.sandbox.context import Caller, FaultRule, GraphContext, TokenRejected
from m365inv.sandbox.faults import RandomFaults
from m365inv.sandbox.graph.errors import GraphError, denied, error_body, no_route
from m365inv.sandbox.graph.routes import Call, Result, Route, match
from m365inv.sandbox.throttle import ResourceUnitBudget, request_cost

JSON_TYPE = (
    "application/json;odata.metadata=minimal;odata.streaming=true;"
    "IEEE754Compatible=false;charset=utf-8"
)


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    payload: Any = None  # the decoded body, for $batch (inner bodies are JSON, not strings)


def throttle_error(retry: int, client_id: str, tenant_id: str) -> GraphError:
    return GraphError(
        429,
        "TooManyRequests",
        f"Too many requests from Identifier:{tenant_id}+"
        f"{client_id} under category:throttle.aad.ags.directoryservice. Please "
        "try again later.",
        {"Retry-After": str(retry)},
    )


class GraphService:
    def __init__(self, ctx: GraphContext) -> None:
        self.ctx = ctx
        cfg = ctx.config
        self.budget = ResourceUnitBudget(cfg.users)
        self.random_faults = RandomFaults(cfg.seed, cfg.fault_rate) if cfg.faults else None
        self.secret = f"{ctx.tenant.tenant_id}:{cfg.seed}"

    def _fault(self, where: str) -> FaultRule | None:
        rule = self.ctx.faults.take(where)
        if rule is None and self.random_faults is not None:
            rule = self.random_faults.pick(where)
        return rule

    def authenticate(self, headers: Mapping[str, str], base: str) -> Caller:
        try:
            return self.ctx.authenticate(headers.get("Authorization"), base)
        except TokenRejected as exc:
            raise GraphError(401, exc.code, exc.message) from exc

    async def handle(
        self,
        method: str,
        path: str,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        body: Any,
        base: str,
        *,
        inner: bool = False,
    ) -> Response:
        started = time.perf_counter()
        rid = str(uuid.uuid4())
        crid = headers.get("client-request-id") or rid
        found = match(method, path)
        self.ctx.stats.count(found[0].name if found else f"{method} /v1.0/{path}")
        query = "&".join(f"{k}={v}" for k, v in params.items())
        where = f"/v1.0/{path}" + (f"?{query}" if query else "")  # what FaultRules match
        fault = self._fault(where)
        try:
            if fault is not None and fault.drop and not inner:
                return Response(0, b"", drop=True)
            if fault is not None and fault.rotate_keys:
                self.ctx.rotate_keys()
            if fault is not None and fault.status:
                raise GraphError(
                    fault.status,
                    _fault_code(fault.status),
                    _FAULT_MESSAGE.get(
                        fault.status,
                        "Service unavailable" if fault.status >= 500 else "Too many requests",
                    ),
                    {"Retry-After": str(fault.retry_after)}
                    if fault.retry_after is not None
                    else {},
                )
            caller = self.authenticate(headers, base)
            if found is None:
                raise no_route(method, path)
            route, args = found
            if not caller.has_any(*route.permissions):
                raise denied()
            if (
                route.delegated_only
                and caller.user_id is None
                and self.ctx.config.teams_delegated_only
            ):
                raise GraphError(403, "Forbidden", "Forbidden")  # what app-only callers get
            cost = request_cost(route.cost, dict(params))
            if self.ctx.config.throttle:
                retry = self.budget.charge(caller.client_id, cost)
                if retry is not None:
                    with self.ctx.stats.lock:
                        self.ctx.stats.throttled += 1
                    raise throttle_error(retry, caller.client_id, caller.tenant_id)
            call = Call(self.ctx.tenant, base, method, path, params, headers, body, self.secret)
            result = route.handler(call, **args)
        except GraphError as err:
            payload = error_body(err.code, err.message, rid, crid)
            return Response(
                err.status,
                msgspec.json.encode(payload),
                {**_headers(rid, crid), **err.headers},
                payload=payload,
            )
        await self._latency(result.objects, time.perf_counter() - started)
        again = f"{base}/v1.0/{path}" + (f"?{urlencode(dict(params), safe='$,')}" if params else "")
        return self._ok(result, route, rid, crid, fault, again)

    async def _latency(self, objects: int, spent: float) -> None:
        """Answer after the modelled time (latency + per-object cost), not after it *plus* the
        time this Python process took to generate the page: the model stands for Graph's own
        work, so the simulator's CPU is part of it, not added on top."""
        cfg = self.ctx.config
        delay = cfg.latency_ms / 1000 + objects * cfg.per_object_us / 1e6 - spent
        if delay > 0:
            await asyncio.sleep(delay)

    def _ok(
        self,
        result: Result,
        route: Route,
        rid: str,
        crid: str,
        fault: FaultRule | None,
        again: str,
    ) -> Response:
        headers = _headers(rid, crid)
        headers["x-ms-resource-unit"] = str(route.cost)
        if isinstance(result.body, str):
            headers["Content-Type"] = "text/plain"
            return Response(result.status, result.body.encode(), headers, payload=result.body)
        payload = result.body
        if fault is not None and fault.empty_page and "value" in payload:
            payload = {**payload, "value": [], "@odata.nextLink": again}
        if fault is not None and fault.link_to and "value" in payload:
            elsewhere = fault.link_to.rstrip("/") + again[again.index("/v1.0/") :]
            payload = {**payload, "@odata.nextLink": elsewhere}
        raw = msgspec.json.encode(payload)
        if fault is not None and fault.malformed:
            raw = raw[: max(1, len(raw) // 2)]
        return Response(result.status, raw, headers, payload=payload)


_FAULT_MESSAGE = {
    401: "Access token validation failure. Invalid signature.",
    429: "Too many requests",
}


def _fault_code(status: int) -> str:
    return {
        401: "InvalidAuthenticationToken",
        429: "TooManyRequests",
        503: "serviceNotAvailable",
        504: "gatewayTimeout",
    }.get(status, "UnknownError")


def _headers(rid: str, crid: str) -> dict[str, str]:
    return {
        "Content-Type": JSON_TYPE,
        "request-id": rid,
        "client-request-id": crid,
        "OData-Version": "4.0",
        "Cache-Control": "no-cache",
        "Strict-Transport-Security": "max-age=31536000",
    }
