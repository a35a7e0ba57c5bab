"""The sandbox's token endpoint, driven by the real MSAL over real HTTPS.

Each test builds its MSAL app on a ``requests.Session`` that trusts only the sandbox CA, with
``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` pointing elsewhere (``hostile_ca_env``), so a pass also
proves the explicit CA wins over the environment.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import jwt
import msal
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from m365inv.sandbox import Sandbox, SandboxClient
from m365inv.sandbox.context import TokenRejected

pytestmark = pytest.mark.usefixtures("hostile_ca_env")


def _app(
    sb: Sandbox, session: requests.Session, *, client_id: str | None = None,
    credential: Any = None, tenant: str | None = None,
) -> msal.ConfidentialClientApplication:  # fmt: skip
    return msal.ConfidentialClientApplication(
        client_id or sb.info.client_id,
        client_credential=credential if credential is not None else sb.info.client_secret,
        authority=f"{sb.info.authority_host}/{tenant or sb.info.tenant_id}",
        http_client=session,
        instance_discovery=False,
    )


def _scope(sb: Sandbox) -> list[str]:
    return [f"{sb.info.graph_endpoint}/.default"]


def _cert(common_name: str = "test-client") -> tuple[str, str]:
    """A fresh RSA key and self-signed certificate (PEM strings), as an admin would upload."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()  # fmt: skip
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()


def _claims(token: str) -> dict[str, Any]:
    return jwt.decode(token, options={"verify_signature": False})


def test_secret_grant_issues_graph_token_with_roles(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    result = _app(sandbox, ca_session).acquire_token_for_client(_scope(sandbox))
    assert "access_token" in result, result
    claims = _claims(result["access_token"])
    assert claims["aud"] == sandbox.info.graph_endpoint
    assert claims["iss"] == f"https://sts.windows.net/{sandbox.info.tenant_id}/"
    assert claims["tid"] == sandbox.info.tenant_id
    assert claims["appid"] == sandbox.info.client_id
    assert claims["idtyp"] == "app" and claims["uti"]
    assert {"User.Read.All", "Directory.Read.All", "Exchange.ManageAsApp"} <= set(claims["roles"])
    assert claims["exp"] - claims["iat"] == 3600
    caller = sandbox.identity.authenticate(
        f"Bearer {result['access_token']}", sandbox.info.graph_endpoint
    )
    assert caller.client_id == sandbox.info.client_id and caller.user_id is None
    assert caller.has_any("Application.Read.All")


def test_token_signature_verifies_against_published_jwks(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    token = _app(sandbox, ca_session).acquire_token_for_client(_scope(sandbox))["access_token"]
    config = ca_session.get(
        f"{sandbox.info.authority}/v2.0/.well-known/openid-configuration", timeout=10
    ).json()
    keys = ca_session.get(config["jwks_uri"], timeout=10).json()["keys"]
    kid = jwt.get_unverified_header(token)["kid"]
    (jwk,) = [k for k in keys if k["kid"] == kid]
    public = jwt.PyJWK(jwk).key
    claims = jwt.decode(token, public, algorithms=["RS256"], audience=sandbox.info.graph_endpoint)
    assert claims["tid"] == sandbox.info.tenant_id


def test_exchange_scope_is_accepted(sandbox: Sandbox, ca_session: requests.Session) -> None:
    result = _app(sandbox, ca_session).acquire_token_for_client(
        [f"{sandbox.info.exchange_endpoint}/.default"]
    )
    assert _claims(result["access_token"])["aud"] == sandbox.info.exchange_endpoint


def test_wrong_secret_is_aadsts7000215(sandbox: Sandbox, ca_session: requests.Session) -> None:
    result = _app(sandbox, ca_session, credential="not-the-secret").acquire_token_for_client(
        _scope(sandbox)
    )
    assert result["error"] == "invalid_client"
    assert result["error_codes"] == [7000215]
    desc = result["error_description"]
    assert desc.startswith("AADSTS7000215: Invalid client secret provided.")
    assert "\r\nTrace ID: " in desc and "\r\nCorrelation ID: " in desc and "\r\nTimestamp: " in desc
    assert "not-the-secret" not in desc
    assert {"timestamp", "trace_id", "correlation_id", "error_uri"} <= result.keys()


def test_unknown_client_is_aadsts700016(sandbox: Sandbox, ca_session: requests.Session) -> None:
    stranger = "11111111-2222-3333-4444-555555555555"
    result = _app(sandbox, ca_session, client_id=stranger).acquire_token_for_client(_scope(sandbox))
    assert result["error"] == "unauthorized_client"
    assert result["error_codes"] == [700016]
    assert f"Application with identifier '{stranger}' was not found" in result["error_description"]


def test_unknown_tenant_fails_discovery_with_aadsts90002(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    with pytest.raises(ValueError, match="Unable to get authority configuration") as info:
        _app(sandbox, ca_session, tenant="no-such-tenant.example")
    assert "AADSTS90002: Tenant 'no-such-tenant.example' not found" in str(info.value.__context__)
    body = ca_session.post(
        f"{sandbox.info.authority_host}/no-such-tenant/oauth2/v2.0/token",
        data={"grant_type": "client_credentials"},
        timeout=10,
    )
    assert body.status_code == 400
    assert body.json()["error"] == "invalid_tenant"
    assert body.json()["error_codes"] == [90002]


def test_scope_without_default_and_unknown_resource(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    app = _app(sandbox, ca_session)
    no_default = app.acquire_token_for_client([f"{sandbox.info.graph_endpoint}/User.Read.All"])
    assert no_default["error"] == "invalid_scope" and no_default["error_codes"] == [1002012]
    elsewhere = app.acquire_token_for_client(["https://resource.invalid/.default"])
    assert elsewhere["error"] == "invalid_resource" and elsewhere["error_codes"] == [500011]


def test_missing_credential_and_bad_grant(sandbox: Sandbox, ca_session: requests.Session) -> None:
    url = f"{sandbox.info.authority}/oauth2/v2.0/token"
    scope = _scope(sandbox)[0]
    no_secret = ca_session.post(url, timeout=10, data={
        "grant_type": "client_credentials", "client_id": sandbox.info.client_id, "scope": scope,
    })  # fmt: skip
    assert no_secret.status_code == 401 and no_secret.json()["error_codes"] == [7000218]
    odd = ca_session.post(url, data={"grant_type": "password"}, timeout=10)
    assert odd.json()["error"] == "unsupported_grant_type"
    basic = ca_session.post(
        url,
        data={"grant_type": "client_credentials", "scope": scope},
        auth=(sandbox.info.client_id, sandbox.info.client_secret),
        timeout=10,
    )
    assert basic.status_code == 200 and basic.json()["access_token"]


@pytest.mark.parametrize("mode", ["sha256-public-certificate", "sha1-thumbprint"])
def test_certificate_assertion(sandbox: Sandbox, ca_session: requests.Session, mode: str) -> None:
    key_pem, cert_pem = _cert()
    client = SandboxClient(
        client_id="3f0c2d1e-aaaa-4bbb-8ccc-000000000001", display_name="cert app"
    )
    sandbox.register_client(client)
    sandbox.set_client_roles(client.client_id, {"User.Read.All"})
    sandbox.register_certificate(client.client_id, cert_pem.encode())
    if mode == "sha1-thumbprint":  # MSAL signs RS256 with x5t
        sha1 = x509.load_pem_x509_certificate(cert_pem.encode()).fingerprint(hashes.SHA1())
        credential = {"private_key": key_pem, "thumbprint": sha1.hex()}
    else:  # MSAL ≥ 1.35 signs PS256 with x5t#S256
        credential = {"private_key": key_pem, "public_certificate": cert_pem}
    result = _app(
        sandbox, ca_session, client_id=client.client_id, credential=credential
    ).acquire_token_for_client(_scope(sandbox))
    assert "access_token" in result, result
    claims = _claims(result["access_token"])
    assert claims["appid"] == client.client_id
    assert claims["roles"] == ["User.Read.All"]
    assert claims["appidacr"] == "2"


def test_unregistered_certificate_is_aadsts700027(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    key_pem, cert_pem = _cert()
    result = _app(
        sandbox, ca_session, credential={"private_key": key_pem, "public_certificate": cert_pem}
    ).acquire_token_for_client(_scope(sandbox))
    assert result["error"] == "invalid_client"
    assert result["error_codes"] == [700027]
    assert "The key was not found" in result["error_description"]


def test_assertion_signed_by_other_key_is_rejected(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    _registered_key, cert_pem = _cert()
    other_key, _ = _cert()
    sandbox.register_certificate(sandbox.info.client_id, cert_pem.encode())
    result = _app(
        sandbox, ca_session, credential={"private_key": other_key, "public_certificate": cert_pem}
    ).acquire_token_for_client(_scope(sandbox))
    assert result["error_codes"] == [700027]
    assert "invalid signature" in result["error_description"]


def _assertion(sb: Sandbox, key_pem: str, cert_pem: str, **overrides: Any) -> str:
    cert = x509.load_pem_x509_certificate(cert_pem.encode())
    x5t = jwt.utils.base64url_encode(cert.fingerprint(hashes.SHA1())).decode()
    now = int(time.time())
    claims = {
        "aud": f"{sb.info.authority}/oauth2/v2.0/token", "iss": sb.info.client_id,
        "sub": sb.info.client_id, "exp": now + 600, "nbf": now, "iat": now, "jti": "j-1",
    }  # fmt: skip
    claims.update(overrides)
    return jwt.encode(claims, key_pem, algorithm="RS256", headers={"x5t": x5t})


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"exp": int(time.time()) - 3600, "nbf": int(time.time()) - 4000}, 700024),
        ({"aud": "https://elsewhere.invalid/token"}, 700023),
        ({"sub": "someone-else"}, 700021),
    ],
)
def test_assertion_claims_are_checked(
    sandbox: Sandbox, ca_session: requests.Session, overrides: dict[str, Any], code: int
) -> None:
    key_pem, cert_pem = _cert()
    sandbox.register_certificate(sandbox.info.client_id, cert_pem.encode())
    response = ca_session.post(
        f"{sandbox.info.authority}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": sandbox.info.client_id,
            "scope": _scope(sandbox)[0],
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": _assertion(sandbox, key_pem, cert_pem, **overrides),
        },
        timeout=10,
    )
    assert response.status_code == 401
    assert response.json()["error_codes"] == [code]


def test_roles_follow_set_client_roles_until_reset(
    sandbox: Sandbox, ca_session: requests.Session
) -> None:
    """Self-contained (it used to be two tests, the second passing only when run after the
    first): narrow the roles, see them in a token, ``reset()``, see the full set again."""
    sandbox.set_client_roles(sandbox.info.client_id, {"User.Read.All"})
    token = _app(sandbox, ca_session).acquire_token_for_client(_scope(sandbox))["access_token"]
    assert _claims(token)["roles"] == ["User.Read.All"]
    sandbox.reset()
    # a new MSAL app: the old one would answer from its token cache
    token = _app(sandbox, ca_session).acquire_token_for_client(_scope(sandbox))["access_token"]
    assert {"User.Read.All", "Directory.Read.All"} <= set(_claims(token)["roles"])


def test_token_requests_are_counted(sandbox: Sandbox, ca_session: requests.Session) -> None:
    app = _app(sandbox, ca_session)
    before = sandbox.stats.token_requests
    app.acquire_token_for_client(_scope(sandbox))
    app.acquire_token_for_client(_scope(sandbox))  # served from MSAL's cache: no request
    app.acquire_token_for_client([f"{sandbox.info.graph_endpoint}/User.Read"])  # an error: counted
    assert sandbox.stats.token_requests - before == 2


def test_authenticate_rejects_bad_tokens(sandbox: Sandbox) -> None:
    graph = sandbox.info.graph_endpoint
    expired = sandbox.mint_token(lifetime_s=-600)
    cases = {
        None: "Access token is empty.",
        "Basic abc": "Access token is empty.",
        "Bearer ": "Access token is empty.",
        "Bearer nodots": "IDX14100",
        f"Bearer {expired}": "Access token has expired or is not yet valid.",
        f"Bearer {sandbox.mint_token(resource='https://other.invalid')}": "Invalid audience.",
        f"Bearer {sandbox.mint_token()[:-4]}AAAA": "Invalid signature.",
    }
    for header, message in cases.items():
        with pytest.raises(TokenRejected) as info:
            sandbox.identity.authenticate(header, graph)
        assert info.value.code == "InvalidAuthenticationToken"
        assert message in info.value.message, header
    forged = jwt.encode(_claims(sandbox.mint_token()), _cert()[0], algorithm="RS256")
    with pytest.raises(TokenRejected, match="Invalid signature"):
        sandbox.identity.authenticate(f"Bearer {forged}", graph)
    assert sandbox.identity.authenticate(f"Bearer {sandbox.mint_token()}", graph + "/")


def test_short_token_lifetime_expires(sandbox_factory: Any) -> None:
    sb = sandbox_factory(users=20, token_lifetime_s=-400)
    session = requests.Session()
    session.trust_env = False
    session.verify = sb.info.ca_bundle
    with session:
        token = _app(sb, session).acquire_token_for_client(_scope(sb))["access_token"]
    with pytest.raises(TokenRejected, match="expired"):
        sb.identity.authenticate(f"Bearer {token}", sb.info.graph_endpoint)
