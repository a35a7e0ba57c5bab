"""The Microsoft Graph v1.0 simulator: ``add_graph_routes(app, ctx)`` mounts ``/v1.0/…``,
``/v1.0/$batch`` and Exchange's ``/adminapi/beta/{tenant}/InvokeCommand`` on an aiohttp app."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from m365inv.sandbox.context import GraphContext
from m365inv.sandbox.graph.batch import run_batch
from m365inv.sandbox.graph.beta import PATH as BETA_PATH
from m365inv.sandbox.graph.beta import sign_in_activities
from m365inv.sandbox.graph.dispatch import GraphService, Response
from m365inv.sandbox.graph.errors import error_body
from m365inv.sandbox.graph.exchange import invoke_command

__all__ = ["GRAPH_SERVICE", "GraphService", "add_graph_routes"]

GRAPH_SERVICE = web.AppKey("graph_service", GraphService)
"""``app[GRAPH_SERVICE]``: the running simulator (tests reach its budget through it)."""


def add_graph_routes(app: web.Application, ctx: GraphContext) -> None:
    service = GraphService(ctx)
    app[GRAPH_SERVICE] = service

    def seen(request: web.Request) -> None:
        if "Authorization" in request.headers:
            with ctx.stats.lock:
                ctx.stats.authorized_hosts[request.host] += 1

    async def graph(request: web.Request) -> web.StreamResponse:
        base = f"{request.scheme}://{request.host}"
        seen(request)
        body: Any = None
        if request.can_read_body:
            try:
                body = json.loads(await request.read() or b"null")
            except (json.JSONDecodeError, UnicodeDecodeError):
                return _send(request, _invalid_json())
        path = request.match_info["tail"]
        params = {k: request.query[k] for k in request.query}
        if path == "$batch" and request.method == "POST":
            resp = await run_batch(service, body, dict(request.headers), base)
        else:
            resp = await service.handle(request.method, path, params, request.headers, body, base)
        return _send(request, resp)

    async def exchange(request: web.Request) -> web.StreamResponse:
        base = f"{request.scheme}://{request.host}"
        seen(request)
        try:
            body = json.loads(await request.read() or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError):
            return _send(request, _invalid_json())
        resp = await invoke_command(
            service,
            request.match_info["tenant"],
            body,
            request.headers,
            base,
            {k: request.query[k] for k in request.query},
        )
        return _send(request, resp)

    async def beta(request: web.Request) -> web.StreamResponse:
        base = f"{request.scheme}://{request.host}"
        query = {k: request.query[k] for k in request.query}
        return _send(request, await sign_in_activities(service, request.headers, base, query))

    app.router.add_get(f"/beta/{BETA_PATH}", beta)
    app.router.add_route("*", "/v1.0/{tail:.*}", graph)
    app.router.add_post("/adminapi/beta/{tenant}/InvokeCommand", exchange)


def _invalid_json() -> Response:
    payload = error_body(
        "BadRequest",
        "Unable to read JSON request payload. Please ensure "
        "Content-Type header is set and payload is of valid JSON format.",
        "",
        "",
    )
    return Response(400, json.dumps(payload).encode(), {"Content-Type": "application/json"})


def _send(request: web.Request, resp: Response) -> web.StreamResponse:
    if resp.drop:
        if request.transport is not None:
            request.transport.abort()  # the client sees a dropped connection, no response
        return web.Response(status=500)
    headers = dict(resp.headers)
    content_type = headers.pop("Content-Type", "application/json")
    r = web.Response(status=resp.status, body=resp.body, headers=headers)
    r.headers["Content-Type"] = content_type
    return r
