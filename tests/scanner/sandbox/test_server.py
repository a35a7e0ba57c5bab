"""The sandbox server's lifecycle, TLS, handle API and behaviour under concurrent load."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp
import msal
import pytest
import requests
from cryptography import x509

from m365inv.errors import SandboxError
from m365inv.sandbox import Sandbox, SandboxClient, SandboxConfig, start_sandbox
from m365inv.sandbox.context import FaultRule, TokenRejected


def test_close_frees_port_and_temp_state(tmp_path: Path) -> None:
    sb = start_sandbox(SandboxConfig(users=10))
    port, state = sb.info.port, sb.state_dir
    assert state.is_dir()
    sb.close()
    sb.close()  # idempotent
    assert not state.exists()
    with socket.socket() as again:
        again.bind(("127.0.0.1", port))


def test_same_seed_same_ids_and_ca_new_secret(tmp_path: Path) -> None:
    config = SandboxConfig(users=10, seed=7, state_dir=tmp_path)
    with start_sandbox(config) as first:
        a = first.info
        ca = Path(a.ca_bundle).read_bytes()
    with start_sandbox(config) as second:
        b = second.info
    assert (a.tenant_id, a.client_id, a.public_client_id) == (b.tenant_id, b.client_id,
                                                               b.public_client_id)  # fmt: skip
    assert a.client_secret != b.client_secret
    assert Path(b.ca_bundle).read_bytes() == ca, "the CA must survive restarts"
    assert (tmp_path / "sandbox-ca.key").stat().st_mode & 0o077 == 0
    with start_sandbox(SandboxConfig(users=10, seed=8)) as other:
        assert other.info.client_id != a.client_id


def test_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(SandboxError, match=f"port {port} on 127.0.0.1 is already in use"):
            start_sandbox(SandboxConfig(users=10, port=port, state_dir=tmp_path))


@pytest.mark.parametrize("users", [9, 1_000_001])
def test_users_range(users: int) -> None:
    with pytest.raises(SandboxError, match="between 10 and 1,000,000"):
        start_sandbox(SandboxConfig(users=users))


def test_tls_certificate_and_trust(sandbox: Sandbox, hostile_ca_env: str) -> None:
    host, port = "127.0.0.1", sandbox.info.port
    ctx = ssl.create_default_context(cafile=sandbox.info.ca_bundle)
    with socket.create_connection((host, port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    assert der is not None
    san = x509.load_der_x509_certificate(der).extensions.get_extension_for_class(
        x509.SubjectAlternativeName
    )
    assert ipaddress.IPv4Address("127.0.0.1") in san.value.get_values_for_type(x509.IPAddress)
    assert "localhost" in san.value.get_values_for_type(x509.DNSName)
    # Trusting only the environment's bundle must fail: the sandbox CA is never trusted by accident.
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{sandbox.info.authority_host}/common/discovery/instance", timeout=5)


def test_msal_instance_discovery_answer(sandbox: Sandbox, ca_session: requests.Session) -> None:
    info = sandbox.info
    app = msal.ConfidentialClientApplication(
        info.client_id,
        client_credential=info.client_secret,
        authority=info.authority,
        http_client=ca_session,
        instance_discovery=f"{info.authority_host}/common/discovery/instance",
    )
    result = app.acquire_token_for_client([f"{info.graph_endpoint}/.default"])
    assert "access_token" in result, result


def test_reset_restores_clients_stats_and_faults(sandbox: Sandbox) -> None:
    sandbox.register_client(SandboxClient(client_id="extra", display_name="x", secret="s"))
    sandbox.set_client_roles(sandbox.info.client_id, set())
    sandbox.faults.add(FaultRule(path_contains="/users", status=503))
    sandbox.stats.count("GET /v1.0/users")
    sandbox.reset()
    assert sandbox.identity.clients.get("extra") is None
    scanner = sandbox.identity.clients.get(sandbox.info.client_id)
    assert scanner is not None and "User.Read.All" in scanner.roles
    assert scanner.secret == sandbox.info.client_secret
    assert sandbox.faults.take("/v1.0/users") is None
    assert sandbox.stats.total == 0


def test_secrets_stay_out_of_reprs(sandbox: Sandbox) -> None:
    assert sandbox.info.client_secret not in repr(sandbox.info)
    assert sandbox.info.identity_header not in repr(sandbox.info)
    assert sandbox.info.client_secret not in repr(sandbox.identity.scanner_client)


def test_handle_api_errors(sandbox: Sandbox) -> None:
    with pytest.raises(KeyError):
        sandbox.mint_token("no-such-client")
    with pytest.raises(KeyError):
        sandbox.set_client_roles("no-such-client", {"User.Read.All"})
    with pytest.raises(ValueError):
        sandbox.register_certificate(sandbox.info.client_id, b"not a certificate")


def test_concurrent_token_checks_and_requests(sandbox: Sandbox) -> None:
    """Thousands of token checks a second, and the loop stays responsive under parallel load."""
    header = f"Bearer {sandbox.mint_token()}"
    started = time.perf_counter()
    for _ in range(20_000):
        sandbox.identity.authenticate(header, sandbox.info.graph_endpoint)
    per_check = (time.perf_counter() - started) / 20_000
    assert per_check < 100e-6, f"{per_check * 1e6:.1f} µs per cached token check"

    async def hammer() -> list[int]:
        ctx = ssl.create_default_context(cafile=sandbox.info.ca_bundle)
        url = f"{sandbox.info.authority}/v2.0/.well-known/openid-configuration"
        conn = aiohttp.TCPConnector(ssl=ctx, limit=32)
        async with aiohttp.ClientSession(connector=conn) as client:

            async def one() -> int:
                async with client.get(url) as resp:
                    await resp.read()
                    return resp.status

            return await asyncio.wait_for(asyncio.gather(*(one() for _ in range(600))), 60)

    started = time.perf_counter()
    statuses = asyncio.run(hammer())
    elapsed = time.perf_counter() - started
    assert statuses == [200] * 600
    assert elapsed < 30, f"600 requests took {elapsed:.1f} s"


def test_factory_sandboxes_are_independent(sandbox_factory: Callable[..., Sandbox]) -> None:
    one = sandbox_factory(users=10, seed=1)
    two = sandbox_factory(users=10, seed=2)
    assert one.info.port != two.info.port
    assert one.info.tenant_id != two.info.tenant_id
    with pytest.raises(TokenRejected, match="Invalid signature"):
        two.identity.authenticate(f"Bearer {one.mint_token()}", two.info.graph_endpoint)
