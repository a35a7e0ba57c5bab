"""``POST /v1.0/$batch``: up to 20 requests, each run through the full pipeline on its own (so
each is throttled separately and may come back 429 with ``Retry-After`` while its siblings
succeed — the SDK does not retry those, the scanner must). Steps run concurrently, as in Graph;
``dependsOn`` is not supported."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import msgspec

from m365inv.sandbox.graph.dispatch import GraphService, Response, _headers
from m365inv.sandbox.graph.errors import error_body

MAX_REQUESTS = 20


def _error(status: int, code: str, message: str) -> Response:
    payload = error_body(code, message, "", "")
    return Response(status, msgspec.json.encode(payload), _headers("", ""), payload=payload)


async def run_batch(
    service: GraphService, body: Any, headers: Mapping[str, str], base: str
) -> Response:
    service.ctx.stats.count("POST /v1.0/$batch")
    try:
        service.authenticate(headers, base)
    except Exception as exc:  # GraphError from authenticate: same 401 as any request
        from m365inv.sandbox.graph.errors import GraphError

        if isinstance(exc, GraphError):
            return _error(exc.status, exc.code, exc.message)
        raise
    requests = body.get("requests") if isinstance(body, dict) else None
    if not isinstance(requests, list) or not requests:
        return _error(400, "BadRequest", "Invalid batch payload format.")
    if len(requests) > MAX_REQUESTS:
        return _error(
            400,
            "BadRequest",
            f"Number of batch request steps exceeds the maximum limit of {MAX_REQUESTS}.",
        )
    ids = [r.get("id") if isinstance(r, dict) else None for r in requests]
    if any(not isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
        return _error(400, "BadRequest", "Batch request ids must be unique strings.")
    # Graph runs the steps of a batch in parallel (no dependsOn here), so a batch takes about
    # as long as its slowest step, not the sum. https://learn.microsoft.com/graph/json-batching
    responses = list(await asyncio.gather(*(_one(service, r, headers, base) for r in requests)))
    payload = {"responses": responses}
    return Response(
        200,
        msgspec.json.encode(payload),
        {**_headers("", headers.get("client-request-id", ""))},
        payload=payload,
    )


async def _one(
    service: GraphService, req: dict[str, Any], outer: Mapping[str, str], base: str
) -> dict[str, Any]:
    url = str(req.get("url", ""))
    parts = urlsplit(url)
    path = parts.path.lstrip("/")
    if path.startswith("v1.0/"):
        path = path[5:]
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    inner_headers = {"Authorization": outer.get("Authorization", "")}
    inner_headers.update({str(k): str(v) for k, v in (req.get("headers") or {}).items()})
    resp = await service.handle(
        str(req.get("method", "GET")).upper(),
        path,
        params,
        inner_headers,
        req.get("body"),
        base,
        inner=True,
    )
    headers = {
        k: v
        for k, v in resp.headers.items()
        if k in ("Retry-After", "Content-Type", "request-id", "client-request-id")
    }
    return {"id": req["id"], "status": resp.status, "headers": headers, "body": resp.payload}
