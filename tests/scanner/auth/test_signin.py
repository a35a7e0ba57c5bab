"""Sign-in against the sandbox tenant with the real MSAL over HTTPS."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from m365inv.auth import DeviceCodePrompt, open_token_source
from m365inv.auth.certs import generate_certificate
from m365inv.auth.transport import MAX_ATTEMPTS, TokenHttpSession
from m365inv.errors import AuthError
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from m365inv.vault import Passphrase, Vault
from tests.scanner.auth.conftest import ProfileFor

ALL_ROLES = {
    "Organization.Read.All",
    "User.Read.All",
    "GroupMember.Read.All",
    "Application.Read.All",
    "Directory.Read.All",
    "Synchronization.Read.All",
    "AppCatalog.Read.All",
    "Exchange.ManageAsApp",
}


def test_secret_from_env_with_hostile_ca_env(
    sandbox: Sandbox, profile_for: ProfileFor, hostile_ca_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    source = open_token_source(profile_for(), vault=None, interactive=False)
    assert source.granted_permissions("graph") == ALL_ROLES
    source.token("graph")
    source.token("graph")
    assert sandbox.stats.token_requests == 1  # MSAL's cache answered the rest
    assert source.graph_endpoint == sandbox.info.graph_endpoint


def test_env_ca_bundle_cannot_stand_in_for_the_profile(
    sandbox: Sandbox, profile_for: ProfileFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """REQUESTS_CA_BUNDLE naming the sandbox CA must not make an unpinned profile trust it."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", sandbox.info.ca_bundle)
    monkeypatch.setenv("CURL_CA_BUNDLE", sandbox.info.ca_bundle)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    with pytest.raises(AuthError, match="TLS verification") as info:
        open_token_source(profile_for(ca_bundle=None), vault=None, interactive=False)
    assert info.value.tip and "ca_bundle" in info.value.tip


def test_ssl_context_trusts_the_bundle(
    sandbox: Sandbox, profile_for: ProfileFor, hostile_ca_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    source = open_token_source(profile_for(), vault=None, interactive=False)
    info = sandbox.info
    url = f"{info.authority_host}/{info.tenant_id}/v2.0/.well-known/openid-configuration"
    with urllib.request.urlopen(url, context=source.ssl_context, timeout=10) as resp:
        assert resp.status == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, context=ssl.create_default_context(), timeout=10)


def test_secret_from_vault_and_cache_reused_across_runs(
    sandbox: Sandbox, profile_for: ProfileFor, vault: Vault
) -> None:
    profile = profile_for()
    vault.set(profile.name, profile.tenant_id, "client_secret", sandbox.info.client_secret.encode())
    token = open_token_source(profile, vault=vault, interactive=False).token()
    assert sandbox.stats.token_requests == 1
    blob = vault.path.read_bytes()
    assert token.encode() not in blob and sandbox.info.client_secret.encode() not in blob
    # a new run: the vault is re-opened, the cached token is used, the endpoint is not asked
    again = Vault.open(vault.path, Passphrase("test passphrase"))
    assert open_token_source(profile, vault=again, interactive=False).token() == token
    assert sandbox.stats.token_requests == 1


def test_wrong_secret(
    sandbox: Sandbox, profile_for: ProfileFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", "not-the-secret-value")
    source = open_token_source(profile_for(), vault=None, interactive=False)
    with pytest.raises(AuthError) as info:
        source.token()
    assert info.value.code == "7000215"
    assert str(info.value) == "sign-in failed (AADSTS7000215): the client secret was rejected"
    assert "vault set sandbox" in (info.value.tip or "")
    assert "not-the-secret-value" not in str(info.value) + (info.value.tip or "")
    assert sandbox.stats.token_requests == 1  # definitive: not retried


def test_unknown_tenant(
    sandbox: Sandbox, profile_for: ProfileFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    with pytest.raises(AuthError) as info:
        open_token_source(
            profile_for(tenant_id="00000000-1111-2222-3333-444444444444"),
            vault=None,
            interactive=False,
        ).token()
    assert info.value.code == "90002"
    assert "tenant 00000000-1111-2222-3333-444444444444 was not found" in str(info.value)


def test_unknown_client(
    sandbox: Sandbox, profile_for: ProfileFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", "whatever-secret")
    source = open_token_source(
        profile_for(client_id="12345678-1234-1234-1234-123456789abc"), vault=None, interactive=False
    )
    with pytest.raises(AuthError) as info:
        source.token()
    assert info.value.code == "700016"


def test_no_secret_anywhere(profile_for: ProfileFor, vault: Vault) -> None:
    with pytest.raises(AuthError, match="no client secret for profile 'sandbox'"):
        open_token_source(profile_for(), vault=vault, interactive=False)


def test_session_retries_transient_answers(sandbox: Sandbox, hostile_ca_env: str) -> None:
    """The retry layer MSAL sends through, driven by the sandbox's fault plan.

    Exercised here against a Graph URL: 503, 429 and a dropped connection are absorbed (the
    token endpoint's own faults, through MSAL, are in ``test_token_faults.py``).
    """
    session = TokenHttpSession(Path(sandbox.info.ca_bundle))
    url = f"{sandbox.info.graph_endpoint}/v1.0/organization"
    for rule in (
        FaultRule(path_contains="/v1.0/organization", status=503, retry_after=0),
        FaultRule(path_contains="/v1.0/organization", status=429, retry_after=0),
        FaultRule(path_contains="/v1.0/organization", drop=True),
    ):
        sandbox.faults.add(rule)
    response = session.get(url)
    assert response.status_code == 401  # got through to Graph, which wants a token
    assert sandbox.faults.rules == []


def test_session_gives_up_after_bounded_attempts(sandbox: Sandbox) -> None:
    session = TokenHttpSession(Path(sandbox.info.ca_bundle))
    rule = FaultRule(path_contains="/v1.0/organization", status=503, retry_after=0, remaining=50)
    sandbox.faults.add(rule)
    started = time.monotonic()
    response = session.get(f"{sandbox.info.graph_endpoint}/v1.0/organization")
    assert response.status_code == 503
    assert rule.remaining == 50 - MAX_ATTEMPTS
    assert time.monotonic() - started < 15


def test_session_does_not_retry_tls_failures(sandbox: Sandbox) -> None:
    session = TokenHttpSession(None)  # system CAs: the sandbox CA is not trusted
    rule = FaultRule(path_contains="/v1.0/organization", status=503, retry_after=0, remaining=5)
    sandbox.faults.add(rule)
    with pytest.raises(requests.exceptions.SSLError):
        session.get(f"{sandbox.info.graph_endpoint}/v1.0/organization")
    assert rule.remaining == 5


# ------------------------------------------------------------------ certificates


def _key_and_cert() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "m365inv test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return key, cert


def test_certificate_pem(sandbox: Sandbox, profile_for: ProfileFor, tmp_path: Path) -> None:
    key, cert = _key_and_cert()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ) + cert.public_bytes(serialization.Encoding.PEM)
    path = tmp_path / "client.pem"
    path.write_bytes(pem)
    sandbox.register_certificate(
        sandbox.info.client_id, cert.public_bytes(serialization.Encoding.PEM)
    )
    source = open_token_source(
        profile_for(auth="certificate", certificate_path=str(path)), vault=None, interactive=False
    )
    assert source.granted_permissions() == ALL_ROLES


def test_certificate_pfx_with_password_from_env(
    sandbox: Sandbox, profile_for: ProfileFor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, cert = _key_and_cert()
    pfx = pkcs12.serialize_key_and_certificates(
        b"m365inv", key, cert, None, serialization.BestAvailableEncryption(b"pfx-pass")
    )
    path = tmp_path / "client.pfx"
    path.write_bytes(pfx)
    sandbox.register_certificate(
        sandbox.info.client_id, cert.public_bytes(serialization.Encoding.PEM)
    )
    monkeypatch.setenv("M365INV_CERT_PATH", str(path))
    monkeypatch.setenv("M365INV_CERT_PASSWORD", "pfx-pass")
    source = open_token_source(profile_for(auth="certificate"), vault=None, interactive=False)
    assert source.granted_permissions() == ALL_ROLES
    monkeypatch.setenv("M365INV_CERT_PASSWORD", "wrong")
    with pytest.raises(AuthError, match="wrong or missing certificate password"):
        open_token_source(profile_for(auth="certificate"), vault=None, interactive=False)


def test_certificate_generated_in_vault(
    sandbox: Sandbox, profile_for: ProfileFor, vault: Vault
) -> None:
    profile = profile_for(auth="certificate")
    pair = generate_certificate("m365inv sandbox")
    vault.set(profile.name, profile.tenant_id, "certificate", pair)
    start = pair.index(b"-----BEGIN CERTIFICATE")
    source = open_token_source(profile, vault=vault, interactive=False)
    with pytest.raises(AuthError) as info:  # not uploaded yet
        source.token()
    assert info.value.code in {"700027", "700021", "7000215"}
    sandbox.register_certificate(sandbox.info.client_id, pair[start:])
    source = open_token_source(profile, vault=vault, interactive=False)
    assert source.granted_permissions() == ALL_ROLES


# ------------------------------------------------------------------ device code


def _approver(sandbox: Sandbox, seen: list[DeviceCodePrompt]):  # type: ignore[no-untyped-def]
    def on_code(prompt: DeviceCodePrompt) -> None:
        seen.append(prompt)
        threading.Timer(0.2, sandbox.approve_device_code, args=(prompt.user_code,)).start()

    return on_code


def test_device_code_then_silent_reuse(
    sandbox: Sandbox, profile_for: ProfileFor, vault: Vault
) -> None:
    profile = profile_for(auth="device_code", client_id=sandbox.info.public_client_id)
    seen: list[DeviceCodePrompt] = []
    source = open_token_source(
        profile, vault=vault, interactive=True, on_device_code=_approver(sandbox, seen)
    )
    granted = source.granted_permissions()
    assert "User.Read.All" in granted and "Directory.Read.All" in granted
    assert len(seen) == 1 and seen[0].user_code in seen[0].message
    requests_after_login = sandbox.stats.token_requests
    # next run, not interactive: the cached sign-in from the vault is used without a prompt
    again = Vault.open(vault.path, Passphrase("test passphrase"))
    silent = open_token_source(profile, vault=again, interactive=False, on_device_code=seen.append)
    assert silent.granted_permissions() == granted
    assert len(seen) == 1  # no new device code
    # MSAL's cache keys delegated tokens by the expanded scopes Entra returns for /.default, so
    # the new run redeems the cached refresh token once, then the source's memo answers.
    assert sandbox.stats.token_requests == requests_after_login + 1
    silent.token()
    silent.granted_permissions("graph")
    assert sandbox.stats.token_requests == requests_after_login + 1


def test_device_code_times_out(sandbox: Sandbox, profile_for: ProfileFor) -> None:
    profile = profile_for(auth="device_code", client_id=sandbox.info.public_client_id)
    source = open_token_source(profile, vault=None, interactive=True, device_code_timeout=1.5)
    started = time.monotonic()
    with pytest.raises(AuthError, match="not approved within 1 s") as info:
        source.token()
    assert info.value.code == "70016"
    assert time.monotonic() - started < 6


def test_device_code_declined(sandbox: Sandbox, profile_for: ProfileFor) -> None:
    profile = profile_for(auth="device_code", client_id=sandbox.info.public_client_id)

    def decline(prompt: DeviceCodePrompt) -> None:
        threading.Timer(0.2, sandbox.decline_device_code, args=(prompt.user_code,)).start()

    source = open_token_source(profile, vault=None, interactive=True, on_device_code=decline)
    with pytest.raises(AuthError, match="sign-in failed"):
        source.token()


def test_device_code_without_cache_needs_login(sandbox: Sandbox, profile_for: ProfileFor) -> None:
    profile = profile_for(auth="device_code", client_id=sandbox.info.public_client_id)
    with pytest.raises(AuthError, match="no cached sign-in") as info:
        open_token_source(profile, vault=None, interactive=False).token()
    assert "m365inv login --profile sandbox" in (info.value.tip or "")


# ------------------------------------------------------------------ managed identity


def test_managed_identity(
    sandbox: Sandbox, profile_for: ProfileFor, monkeypatch: pytest.MonkeyPatch, hostile_ca_env: str
) -> None:
    monkeypatch.setenv("IDENTITY_ENDPOINT", sandbox.info.managed_identity_endpoint)
    monkeypatch.setenv("IDENTITY_HEADER", sandbox.info.identity_header)
    source = open_token_source(
        profile_for(auth="managed_identity", client_id=None), vault=None, interactive=False
    )
    assert source.granted_permissions() == ALL_ROLES
    user_assigned = open_token_source(
        profile_for(auth="managed_identity", client_id=sandbox.info.managed_identity_client_id),
        vault=None,
        interactive=False,
    )
    assert user_assigned.token()
    wrong = open_token_source(
        profile_for(auth="managed_identity", client_id="12345678-1234-1234-1234-123456789abc"),
        vault=None,
        interactive=False,
    )
    with pytest.raises(AuthError, match="sign-in failed"):
        wrong.token()
