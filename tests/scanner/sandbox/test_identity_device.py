"""Device-code sign-in, refresh tokens and the managed identity endpoint, through real MSAL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import jwt
import msal
import pytest
import requests

from m365inv.errors import SandboxError
from m365inv.sandbox import Sandbox

pytestmark = pytest.mark.usefixtures("hostile_ca_env")

_POLL_BUDGET_S = 15.0


def _public_app(sb: Sandbox, session: requests.Session) -> msal.PublicClientApplication:
    return msal.PublicClientApplication(
        sb.info.public_client_id,
        authority=sb.info.authority,
        http_client=session,
        instance_discovery=False,
    )


def _poll(app: msal.PublicClientApplication, flow: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + _POLL_BUDGET_S
    result: dict[str, Any] = app.acquire_token_by_device_flow(
        flow, exit_condition=lambda _flow: time.monotonic() > deadline
    )
    return result


def _admin(sandbox: Sandbox) -> dict[str, str]:
    return {"X-Sandbox-Admin": sandbox.info.admin_secret}


def _later(action: Callable[[], object], delay_s: float = 0.3) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(delay_s), action()))
    thread.start()
    return thread


def test_device_code_flow_completes_after_approval(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    app = _public_app(sandbox, ca_session)
    flow = app.initiate_device_flow(scopes=[f"{sandbox.info.graph_endpoint}/.default"])
    assert {"user_code", "device_code", "verification_uri", "expires_in", "interval"} <= set(flow)
    assert flow["user_code"] in flow["message"]
    url = f"{sandbox.info.authority_host}/_sandbox/devicecode/approve"
    before = sandbox.stats.token_requests
    approver = _later(
        lambda: requests.post(
            url,
            json={"user_code": flow["user_code"]},
            headers=_admin(sandbox),
            verify=sandbox.info.ca_bundle,
            timeout=10,
        ).raise_for_status()
    )
    result = _poll(app, flow)
    approver.join(10)
    assert "access_token" in result, result
    assert sandbox.stats.token_requests - before >= 2, "expected at least one pending poll"
    caller = sandbox.identity.authenticate(
        f"Bearer {result['access_token']}", sandbox.info.graph_endpoint
    )
    admin_oid, admin_upn = sandbox.tenant.default_admin()
    assert caller.user_id == admin_oid
    assert {"User.Read.All", "Directory.Read.All"} <= caller.scopes and not caller.roles
    assert result["id_token_claims"]["preferred_username"] == admin_upn
    (account,) = app.get_accounts()
    assert account["username"] == admin_upn
    refreshed = app.acquire_token_silent(
        [f"{sandbox.info.graph_endpoint}/.default"], account=account, force_refresh=True
    )
    assert refreshed and "access_token" in refreshed, refreshed
    assert refreshed["access_token"] != result["access_token"]


def test_declined_device_code(sandbox: Sandbox, ca_session: requests.Session) -> None:
    app = _public_app(sandbox, ca_session)
    flow = app.initiate_device_flow(scopes=[f"{sandbox.info.graph_endpoint}/.default"])
    response = ca_session.post(
        f"{sandbox.info.authority_host}/_sandbox/devicecode/decline",
        json={"user_code": flow["user_code"]},
        headers=_admin(sandbox),
        timeout=10,
    )
    assert response.status_code == 200
    result = _poll(app, flow)
    assert result["error"] == "authorization_declined"


def test_pending_then_expired_device_code(sandbox_factory: Callable[..., Sandbox]) -> None:
    sb = sandbox_factory(users=20, device_code_lifetime_s=2)
    with requests.Session() as session:
        session.trust_env = False
        session.verify = sb.info.ca_bundle
        app = _public_app(sb, session)
        flow = app.initiate_device_flow(scopes=[f"{sb.info.graph_endpoint}/.default"])
        pending = app.acquire_token_by_device_flow(flow, exit_condition=lambda _flow: True)
        assert pending["error"] == "authorization_pending"
        assert pending["error_codes"] == [70016]
        time.sleep(2.2)
        flow["expires_at"] = time.time() + 60  # keep MSAL polling so the server says it
        result = _poll(app, flow)
    assert result["error"] == "expired_token"
    assert result["error_codes"] == [70020]
    with pytest.raises(SandboxError):
        sb.approve_device_code(flow["user_code"])


def test_device_flow_rejects_confidential_client_and_unconsented_scope(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    url = f"{sandbox.info.authority}/oauth2/v2.0/devicecode"
    graph = sandbox.info.graph_endpoint
    confidential = ca_session.post(
        url, data={"client_id": sandbox.info.client_id, "scope": f"{graph}/.default"}, timeout=10
    )
    assert confidential.status_code == 400
    assert confidential.json()["error_codes"] == [7000218]
    unconsented = ca_session.post(
        url,
        data={"client_id": sandbox.info.public_client_id, "scope": f"{graph}/Mail.ReadWrite"},
        timeout=10,
    )
    assert unconsented.json()["error_codes"] == [65001]
    bad_scope = ca_session.post(
        url, data={"client_id": sandbox.info.public_client_id, "scope": "junk"}, timeout=10
    )
    assert bad_scope.json()["error"] == "invalid_scope"


def test_approve_unknown_code(sandbox: Sandbox, ca_session: requests.Session) -> None:
    response = ca_session.post(
        f"{sandbox.info.authority_host}/_sandbox/devicecode/approve",
        json={"user_code": "NOPE12345"},
        headers=_admin(sandbox),
        timeout=10,
    )
    assert response.status_code == 404
    with pytest.raises(SandboxError, match="no pending device code"):
        sandbox.approve_device_code("NOPE12345")
    garbage = ca_session.post(
        f"{sandbox.info.authority_host}/_sandbox/devicecode/approve",
        data=b"{",
        headers=_admin(sandbox),
        timeout=10,
    )
    assert garbage.status_code == 400


def test_refresh_token_is_bound_to_its_client(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    response = ca_session.post(
        f"{sandbox.info.authority}/oauth2/v2.0/token",
        data={
            "grant_type": "refresh_token",
            "client_id": sandbox.info.public_client_id,
            "refresh_token": "0.SBforged",
            "scope": f"{sandbox.info.graph_endpoint}/.default",
        },
        timeout=10,
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_managed_identity_app_service_endpoint(
    sandbox: Sandbox, ca_session: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("IDENTITY_SERVER_THUMBPRINT", "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IDENTITY_ENDPOINT", sandbox.info.managed_identity_endpoint)
    monkeypatch.setenv("IDENTITY_HEADER", sandbox.info.identity_header)
    client = msal.ManagedIdentityClient(
        msal.SystemAssignedManagedIdentity(), http_client=ca_session
    )
    result = client.acquire_token_for_client(resource=sandbox.info.graph_endpoint)
    assert "access_token" in result, result
    claims = jwt.decode(result["access_token"], options={"verify_signature": False})
    assert claims["appid"] == sandbox.info.managed_identity_client_id
    assert "User.Read.All" in claims["roles"]
    assert sandbox.identity.authenticate(
        f"Bearer {result['access_token']}", sandbox.info.graph_endpoint
    )
    monkeypatch.setenv("IDENTITY_HEADER", "wrong")
    wrong = ca_session.get(
        sandbox.info.managed_identity_endpoint,
        params={"resource": sandbox.info.graph_endpoint, "api-version": "2019-08-01"},
        headers={"X-IDENTITY-HEADER": "wrong"},
        timeout=10,
    )
    assert wrong.status_code == 401


@pytest.mark.parametrize("path", ["approve", "decline"])
@pytest.mark.parametrize("secret", [None, "", "wrong-secret", "client-secret"])
def test_decision_needs_the_admin_secret(
    sandbox: Sandbox, ca_session: requests.Session, path: str, secret: str | None
) -> None:
    """Anyone on the machine can reach 127.0.0.1; only the info file's holder may decide."""
    app = _public_app(sandbox, ca_session)
    flow = app.initiate_device_flow(scopes=[f"{sandbox.info.graph_endpoint}/.default"])
    headers = {}
    if secret is not None:
        headers["X-Sandbox-Admin"] = (
            sandbox.info.client_secret if secret == "client-secret" else secret
        )
    response = ca_session.post(
        f"{sandbox.info.authority_host}/_sandbox/devicecode/{path}",
        json={"user_code": flow["user_code"]},
        headers=headers,
        timeout=10,
    )
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    pending = app.acquire_token_by_device_flow(flow, exit_condition=lambda _flow: True)
    assert pending["error"] == "authorization_pending"  # still undecided


def test_admin_secret_is_not_in_repr(sandbox: Sandbox) -> None:
    assert sandbox.info.admin_secret and sandbox.info.admin_secret not in repr(sandbox.info)
    assert sandbox.info.admin_secret not in repr(sandbox.identity)
