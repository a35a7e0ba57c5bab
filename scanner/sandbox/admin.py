"""The sandbox's admin endpoint: change the running tenant between two snapshots.

``POST /_sandbox/admin/mutate`` with the header ``X-Sandbox-Admin: <admin_secret>`` (the secret is
random per start and only in the info file, mode 0600) and a JSON body ``{"action": …}``. It
drives the same mutation API the tests use (:mod:`m365inv.sandbox.tenant_mutations`), so every
change bumps the tenant version and shows up in delta queries — what ``m365inv sandbox mutate``
needs to try ``snapshot`` and ``diff`` without restarting the sandbox (new keys, new secret).

Actions (``app``: a service principal's object id, appId or display name; ``user``: a user's
object id or userPrincipalName):

- ``add-user`` ``{"displayName", "userType": "Member" | "Guest"}``
- ``add-consent`` ``{"app", "scope", "user"?, "create"?}`` — a delegated grant to Graph,
  tenant-wide (``AllPrincipals``) or for one user; ``create`` adds the app if it is new
- ``revoke-consent`` ``{"app", "user"?}`` — removes the app's delegated grants (of that user)
- ``set-provisioning`` ``{"app", "mappings": [[source, target], …]}``
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

ADMIN_HEADER = "X-Sandbox-Admin"
ADMIN_PATH = "/_sandbox/admin/mutate"


class MutationError(Exception):
    """The request named something the tenant does not have, or was malformed (HTTP 400)."""


def _text(body: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = body.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise MutationError(f"{key!r} must be a non-empty string")
    return value.strip()


def find_app(tenant: Any, ref: str) -> dict[str, Any] | None:
    """The one service principal ``ref`` names (object id, appId or display name)."""
    hits = [
        sp
        for _, sp in tenant.service_principals.iter_live()
        if ref in (sp.get("id"), sp.get("appId"))
        or str(sp.get("displayName", "")).casefold() == ref.casefold()
    ]
    if len(hits) > 1:
        ids = ", ".join(str(sp["id"]) for sp in hits[:5])
        raise MutationError(f"{len(hits)} apps match {ref!r}; name one by object id ({ids})")
    return hits[0] if hits else None


def _app(tenant: Any, ref: str) -> dict[str, Any]:
    sp = find_app(tenant, ref)
    if sp is None:
        raise MutationError(f"no app {ref!r} in the sandbox tenant")
    return sp


def _user(tenant: Any, ref: str) -> dict[str, Any]:
    for _, user in tenant.users.iter_live():
        if ref == user.get("id") or ref.casefold() == str(user.get("userPrincipalName")).casefold():
            return dict(user)
    raise MutationError(f"no user {ref!r} in the sandbox tenant")


def _add_user(tenant: Any, body: dict[str, Any]) -> dict[str, Any]:
    kind = body.get("userType", "Member")
    if kind not in ("Member", "Guest"):
        raise MutationError("'userType' must be Member or Guest")
    user = tenant.add_user(_text(body, "displayName"), user_type=kind)
    return {"id": user["id"], "userPrincipalName": user["userPrincipalName"]}


def _add_consent(tenant: Any, body: dict[str, Any]) -> dict[str, Any]:
    ref, scope = _text(body, "app"), _text(body, "scope")
    assert ref is not None and scope is not None
    sp = find_app(tenant, ref)
    if sp is None:
        if body.get("create") is not True:
            raise MutationError(f"no app {ref!r} in the sandbox tenant (create it with --create)")
        sp = tenant.add_service_principal(ref)
    who = _text(body, "user", required=False)
    principal = _user(tenant, who)["id"] if who else None
    grant = tenant.add_delegated_grant(sp["id"], " ".join(scope.split()), principal_id=principal)
    return {"app": sp["displayName"], "appId": sp["appId"], "grant": grant}


def _revoke_consent(tenant: Any, body: dict[str, Any]) -> dict[str, Any]:
    ref = _text(body, "app")
    assert ref is not None
    sp = _app(tenant, ref)
    who = _text(body, "user", required=False)
    principal = _user(tenant, who)["id"] if who else None
    doomed = [
        g["id"]
        for _, g in tenant.grants.iter_live()
        if g["clientId"] == sp["id"] and (principal is None or g.get("principalId") == principal)
    ]
    if not doomed:
        raise MutationError(f"app {sp['displayName']!r} has no delegated grant to revoke")
    for grant_id in doomed:
        tenant.remove_delegated_grant(grant_id)
    return {"app": sp["displayName"], "removed": len(doomed)}


def _set_provisioning(tenant: Any, body: dict[str, Any]) -> dict[str, Any]:
    ref = _text(body, "app")
    assert ref is not None
    sp = _app(tenant, ref)
    raw = body.get("mappings")
    if not isinstance(raw, list) or not raw:
        raise MutationError("'mappings' must be a non-empty list of [source, target] pairs")
    pairs: list[tuple[str, str]] = []
    for item in raw:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(s, str) and s for s in item)
        ):
            raise MutationError(f"bad mapping {item!r}: want [source, target]")
        pairs.append((item[0], item[1]))
    job = tenant.set_provisioning_mapping(sp["id"], pairs)
    return {"app": sp["displayName"], "job": job["id"], "mappings": len(pairs)}


ACTIONS: dict[str, Callable[[Any, dict[str, Any]], dict[str, Any]]] = {
    "add-user": _add_user,
    "add-consent": _add_consent,
    "revoke-consent": _revoke_consent,
    "set-provisioning": _set_provisioning,
}


def apply_mutation(tenant: Any, body: object) -> dict[str, Any]:
    """Run one admin action on ``tenant``; :class:`MutationError` for anything it cannot do."""
    if not isinstance(body, dict):
        raise MutationError("the body must be a JSON object")
    action = ACTIONS.get(str(body.get("action")))
    if action is None:
        raise MutationError(f"unknown action {body.get('action')!r}; one of {', '.join(ACTIONS)}")
    return action(tenant, body)


def add_admin_routes(app: web.Application, tenant: Any, secret: str) -> None:
    async def mutate(request: web.Request) -> web.Response:
        given = request.headers.get(ADMIN_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return web.json_response({"error": "forbidden"}, status=403)
        try:
            body = await request.json(loads=json.loads)
        except ValueError:
            return web.json_response({"error": "the body is not JSON"}, status=400)
        try:
            result = apply_mutation(tenant, body)
        except MutationError as exc:
            return web.json_response({"error": str(exc)}, status=400)
        return web.json_response({"ok": True, "version": tenant.version, **result})

    app.router.add_post(ADMIN_PATH, mutate)
