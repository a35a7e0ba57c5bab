"""aiohttp handlers for the identity endpoints; the logic lives in :class:`.identity.Identity`.

Handlers stay thin: parse the form, count the request, call one ``Identity`` method, and render
either its JSON or its :class:`~.identity_errors.AadError` the way Entra does.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web

from m365inv.sandbox import identity_errors as E
from m365inv.sandbox.admin import ADMIN_HEADER
from m365inv.sandbox.context import FaultRule
from m365inv.sandbox.identity import GRANT_DEVICE, Identity

IDENTITY_KEY: web.AppKey[Identity] = web.AppKey("identity", Identity)
_NO_STORE = {"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"}


def _json(body: dict[str, Any], status: int = 200) -> web.Response:
    return web.Response(
        status=status, body=json.dumps(body).encode(), content_type="application/json",
        charset="utf-8", headers=_NO_STORE,
    )  # fmt: skip


def _basic_auth(header: str | None) -> tuple[str, str] | None:
    """``client_secret_basic``: ``Authorization: Basic base64(id:secret)``."""
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        raw = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, sep, secret = raw.partition(":")
    return (client_id, secret) if sep else None


def _count_token_request(idn: Identity) -> None:
    with idn.stats.lock:
        idn.stats.token_requests += 1


async def _guarded(
    request: web.Request, call: Callable[[Identity, Mapping[str, str]], dict[str, Any]]
) -> web.Response:
    idn = request.app[IDENTITY_KEY]
    try:
        tenant = request.match_info.get("tenant")
        if tenant is not None and not idn.tenant_ok(tenant):
            raise E.unknown_tenant(tenant)
        form: dict[str, str] = {}
        if request.method == "POST":
            posted = await request.post()
            form = {k: v for k, v in posted.items() if isinstance(v, str)}
        return _json(call(idn, form))
    except E.AadError as err:
        return E.error_response(err, request, error_base=idn.base_url)


async def openid_configuration(request: web.Request) -> web.Response:
    return await _guarded(request, lambda idn, _form: idn.openid_configuration())


async def jwks(request: web.Request) -> web.Response:
    idn = request.app[IDENTITY_KEY]
    return _json(idn.signer.jwks(f"{idn.base_url}/{idn.tenant_id}/v2.0"))


async def instance_discovery(request: web.Request) -> web.Response:
    """What ``login.microsoftonline.com/common/discovery/instance`` answers MSAL."""
    idn = request.app[IDENTITY_KEY]
    authorize = request.query.get("authorization_endpoint", "")
    parts = authorize.split("/")
    tenant = parts[3] if len(parts) > 3 and parts[3] else "common"
    host = idn.base_url.split("://", 1)[-1]
    return _json(
        {
            "tenant_discovery_endpoint": (
                f"{idn.base_url}/{tenant}/v2.0/.well-known/openid-configuration"
            ),
            "api-version": "1.1",
            "metadata": [{"preferred_network": host, "preferred_cache": host, "aliases": [host]}],
        }
    )


def _injected_fault(
    request: web.Request, idn: Identity, rule: FaultRule | None
) -> web.Response | None:
    """The answer a queued :class:`~.context.FaultRule` sends instead of the real one, if any.

    The same plan drives Graph's faults, so a test can make sign-in itself flaky: 503/429 with
    ``Retry-After`` (Entra's ``temporarily_unavailable`` body) or a dropped connection.
    (``malformed`` is handled by the caller: it cuts the real answer short.)
    """
    if rule is None or rule.malformed:
        return None
    if rule.drop:
        if request.transport is not None:
            request.transport.abort()  # the client sees the connection die, no response
        return web.Response(status=500)
    response = E.error_response(E.transient(rule.status or 503), request, error_base=idn.base_url)
    if rule.retry_after is not None:
        response.headers["Retry-After"] = str(rule.retry_after)
    return response


async def token(request: web.Request) -> web.Response:
    idn = request.app[IDENTITY_KEY]
    _count_token_request(idn)
    rule = idn.faults.take(request.path)
    if rule is not None and rule.echo_secret:
        # Some endpoints and proxies quote the request back; the client must not print it.
        form = await request.post()
        sent = str(form.get("client_secret", ""))
        echoed = f"AADSTS50000: There was an error issuing a token for secret '{sent}'."
        return _json({"error": "invalid_client", "error_description": echoed}, 401)
    faulted = _injected_fault(request, idn, rule)
    if faulted is not None:
        return faulted
    basic = _basic_auth(request.headers.get("Authorization"))
    tenant = request.match_info["tenant"]

    def grant(idn: Identity, form: Mapping[str, str]) -> dict[str, Any]:
        grant_type = form.get("grant_type")
        if not grant_type:
            raise E.missing_parameter("grant_type")
        if grant_type == "client_credentials":
            return idn.client_credentials(form, basic, tenant)
        if grant_type == GRANT_DEVICE:
            return idn.redeem_device_code(form)
        if grant_type == "refresh_token":
            return idn.redeem_refresh_token(form)
        raise E.unsupported_grant(grant_type)

    response = await _guarded(request, grant)
    if response.status == 200 and isinstance(response.body, bytes):
        idn.record_issued(json.loads(response.body))
        if rule is not None and rule.malformed:
            # a stream cut short: the real answer, token and all, without its closing brace
            response.body = response.body.rstrip()[:-1]
    return response


async def devicecode(request: web.Request) -> web.Response:
    idn = request.app[IDENTITY_KEY]
    faulted = _injected_fault(request, idn, idn.faults.take(request.path))
    if faulted is not None:
        return faulted
    return await _guarded(request, lambda idn, form: idn.start_device_flow(form))


async def devicelogin(request: web.Request) -> web.Response:
    text = (
        "<!doctype html><title>m365inv sandbox sign-in</title><h1>Sandbox device sign-in</h1>"
        "<p>Approve a code with <code>m365inv sandbox approve CODE --info INFO_FILE</code>.</p>"
    )
    return web.Response(text=text, content_type="text/html")


async def msi_token(request: web.Request) -> web.Response:
    """App Service managed identity (api-version 2019-08-01), as MSAL's ``ManagedIdentityClient``
    calls it when ``IDENTITY_ENDPOINT`` and ``IDENTITY_HEADER`` are set."""
    idn = request.app[IDENTITY_KEY]
    _count_token_request(idn)
    header = request.headers.get("X-IDENTITY-HEADER", "")
    if not secrets.compare_digest(header.encode(), idn.identity_header.encode()):
        return _json({"statusCode": 401, "message": "Unauthorized: missing X-IDENTITY-HEADER"}, 401)
    resource = request.query.get("resource", "").rstrip("/")
    for suffix in ("/.default",):
        resource = resource.removesuffix(suffix)
    wanted_client = request.query.get("client_id")
    if wanted_client and wanted_client != idn.managed_identity.client_id:
        return _json({"statusCode": 400, "message": "No managed identity found for client_id"}, 400)
    if resource not in idn.resources:
        err = E.unknown_resource(resource, idn.tenant_name())
        return _json({"statusCode": 400, "message": f"AADSTS{err.code}: {err.message}"}, 400)
    body = idn.managed_identity_token(resource)
    idn.record_issued(body)
    return _json(body)


async def _decide(request: web.Request, *, approve: bool) -> web.Response:
    idn = request.app[IDENTITY_KEY]
    given = request.headers.get(ADMIN_HEADER, "")
    if not secrets.compare_digest(given.encode(), idn.admin_secret.encode()):
        return _json(
            {
                "error": "unauthorized",
                "error_description": f"{ADMIN_HEADER} missing or wrong (see the info file)",
            },
            401,
        )
    try:
        body = await request.json()
    except json.JSONDecodeError:
        return _json({"error": "invalid_request", "error_description": "JSON body expected"}, 400)
    user_code = body.get("user_code") if isinstance(body, dict) else None
    if not isinstance(user_code, str) or not user_code:
        return _json({"error": "invalid_request", "error_description": "user_code missing"}, 400)
    upn = body.get("user_principal_name")
    ok = idn.decide_device_code(
        user_code, approve=approve, user_principal_name=upn if isinstance(upn, str) else None
    )
    if not ok:
        return _json(
            {
                "error": "not_found",
                "error_description": "no pending device code with that user_code",
            },
            404,
        )
    return _json({"user_code": user_code, "state": "approved" if approve else "declined"})


async def approve(request: web.Request) -> web.Response:
    return await _decide(request, approve=True)


async def decline(request: web.Request) -> web.Response:
    return await _decide(request, approve=False)


def add_identity_routes(app: web.Application, identity: Identity) -> None:
    app[IDENTITY_KEY] = identity
    app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", openid_configuration)
    app.router.add_get("/{tenant}/discovery/v2.0/keys", jwks)
    app.router.add_get("/common/discovery/instance", instance_discovery)
    app.router.add_post("/{tenant}/oauth2/v2.0/token", token)
    app.router.add_post("/{tenant}/oauth2/v2.0/devicecode", devicecode)
    app.router.add_get("/devicelogin", devicelogin)
    app.router.add_get("/msi/token", msi_token)
    app.router.add_post("/_sandbox/devicecode/approve", approve)
    app.router.add_post("/_sandbox/devicecode/decline", decline)
