"""Run the sandbox tenant: one aiohttp HTTPS server on 127.0.0.1, in a background thread.

``start_sandbox(config)`` returns a started :class:`Sandbox`; use it as a context manager so the
server, its event loop and a temporary state directory always go away. The server has its own
thread and loop so synchronous callers (MSAL, tests, the CLI) and asynchronous ones (the scanner's
httpx client) can both talk to it from the main thread.

Nothing here binds anything but 127.0.0.1, and nothing here talks to the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import shutil
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from m365inv.errors import SandboxError
from m365inv.sandbox.admin import add_admin_routes
from m365inv.sandbox.context import (
    Directory,
    FaultPlan,
    GraphContext,
    RequestStats,
    SandboxClient,
    SandboxConfig,
)
from m365inv.sandbox.graph import add_graph_routes
from m365inv.sandbox.identity import Identity
from m365inv.sandbox.identity_routes import add_identity_routes
from m365inv.sandbox.policy_pages import add_policy_routes
from m365inv.sandbox.tenant import generate_tenant
from m365inv.sandbox.tls import TlsFiles, ensure_tls

HOST = "127.0.0.1"
_START_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class SandboxInfo:
    """Everything a client needs to reach the sandbox (``--info-out`` writes this as JSON)."""

    authority_host: str
    graph_endpoint: str
    exchange_endpoint: str
    tenant_id: str
    client_id: str
    client_secret: str = field(repr=False)  # never in logs or tracebacks
    ca_bundle: str
    identity_header: str = field(repr=False)
    # ``X-Sandbox-Admin``: approves device codes and changes the tenant (``sandbox mutate``)
    admin_secret: str = field(repr=False)
    managed_identity_endpoint: str
    public_client_id: str
    managed_identity_client_id: str
    port: int

    @property
    def authority(self) -> str:
        return f"{self.authority_host}/{self.tenant_id}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Sandbox:
    """A running sandbox tenant. Create with :func:`start_sandbox`."""

    def __init__(self, config: SandboxConfig, *, tenant: Directory | None = None) -> None:
        self.config = config
        self.stats = RequestStats()
        self.faults = FaultPlan()
        self._own_state_dir = config.state_dir is None
        self.state_dir = (
            Path(tempfile.mkdtemp(prefix="m365inv-sandbox-"))
            if config.state_dir is None
            else Path(config.state_dir)
        )
        self.tenant: Any = tenant if tenant is not None else self._generate_tenant(config)
        self.identity = Identity(
            config=config, directory=self.tenant, stats=self.stats, faults=self.faults
        )
        self._tls: TlsFiles | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._port = 0
        self._info: SandboxInfo | None = None

    @staticmethod
    def _generate_tenant(config: SandboxConfig) -> Any:
        if not 10 <= config.users <= 1_000_000:
            raise SandboxError(f"--users must be between 10 and 1,000,000, not {config.users}")
        return generate_tenant(config)

    # -- lifecycle --

    def start(self) -> Sandbox:
        self._tls = ensure_tls(self.state_dir)
        app = self._build_app()
        self._thread = threading.Thread(
            target=self._run, args=(app, self._tls), name="m365inv-sandbox", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT_S):
            raise SandboxError(f"sandbox did not start within {_START_TIMEOUT_S:.0f} s")
        if self._error is not None:
            self._thread.join(5)
            self._cleanup_state_dir()
            if isinstance(self._error, OSError) and self._error.errno == errno.EADDRINUSE:
                raise SandboxError(
                    f"port {self.config.port} on {HOST} is already in use",
                    tip="pick another --port, or 0 to let the system choose",
                ) from None
            raise SandboxError(f"sandbox failed to start: {self._error}") from None
        return self

    def _build_app(self) -> web.Application:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        add_identity_routes(app, self.identity)
        ctx = GraphContext(
            config=self.config,
            tenant=self.tenant,
            stats=self.stats,
            faults=self.faults,
            authenticate=self.identity.authenticate,
            rotate_keys=self.identity.signer.rotate,
        )
        add_graph_routes(app, ctx)
        add_admin_routes(app, self.tenant, self.identity.admin_secret)
        add_policy_routes(app)
        return app

    def _run(self, app: web.Application, tls: TlsFiles) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(app, tls))
        except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
            self._error = exc
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self, app: web.Application, tls: TlsFiles) -> None:
        self._stop = asyncio.Event()
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        try:
            site = web.TCPSite(
                runner, HOST, self.config.port, ssl_context=tls.server_context(), backlog=1024
            )
            await site.start()
            self._port = int(runner.addresses[0][1])
            self.identity.base_url = f"https://{HOST}:{self._port}"
            if hasattr(self.tenant, "origin"):  # a generated tenant: apps name policies on it
                self.tenant.origin = self.identity.base_url
            self._ready.set()
            await self._stop.wait()
        finally:
            await runner.cleanup()

    def close(self) -> None:
        """Stop serving and remove a temporary state directory; safe to call twice."""
        loop, stop, thread = self._loop, self._stop, self._thread
        if loop is not None and stop is not None and thread is not None and thread.is_alive():
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(stop.set)
            thread.join(10)
        self._thread = None
        self._cleanup_state_dir()

    def _cleanup_state_dir(self) -> None:
        if self._own_state_dir:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- what clients and tests use --

    @property
    def info(self) -> SandboxInfo:
        if self._info is None:
            if self._tls is None or not self._port:
                raise SandboxError("sandbox is not running")
            base = self.identity.base_url
            idn = self.identity
            self._info = SandboxInfo(
                authority_host=base,
                graph_endpoint=base,
                exchange_endpoint=base,
                tenant_id=idn.tenant_id,
                client_id=idn.scanner_client.client_id,
                client_secret=idn.scanner_client.secret or "",
                ca_bundle=str(self._tls.ca_bundle),
                identity_header=idn.identity_header,
                admin_secret=idn.admin_secret,
                managed_identity_endpoint=f"{base}/msi/token",
                public_client_id=idn.public_client.client_id,
                managed_identity_client_id=idn.managed_identity.client_id,
                port=self._port,
            )
        return self._info

    def register_client(self, client: SandboxClient) -> None:
        self.identity.clients.register(client)

    def register_certificate(self, client_id: str, cert_pem: bytes) -> tuple[str, str]:
        """Register a PEM certificate; returns its (x5t, x5t#S256) thumbprints."""
        return self.identity.clients.register_certificate(client_id, cert_pem)

    def set_client_roles(self, client_id: str, roles: set[str] | frozenset[str]) -> None:
        """App roles put into tokens issued from now on (existing tokens keep theirs)."""
        self.identity.clients.set_roles(client_id, roles)

    def set_client_scopes(self, client_id: str, scopes: set[str] | frozenset[str]) -> None:
        self.identity.clients.set_scopes(client_id, scopes)

    def approve_device_code(self, user_code: str, user_principal_name: str | None = None) -> None:
        """Play the person at the verification page (default: the tenant's admin)."""
        if not self.identity.decide_device_code(
            user_code, approve=True, user_principal_name=user_principal_name
        ):
            raise SandboxError(f"no pending device code {user_code!r} (or unknown user)")

    def decline_device_code(self, user_code: str) -> None:
        if not self.identity.decide_device_code(user_code, approve=False):
            raise SandboxError(f"no pending device code {user_code!r}")

    def mint_token(
        self,
        client_id: str | None = None,
        *,
        lifetime_s: int | None = None,
        resource: str | None = None,
    ) -> str:
        """An app-only access token as the token endpoint would issue it (negative lifetime:
        already expired)."""
        return self.identity.mint_app_token(
            client_id or self.info.client_id, resource=resource, lifetime_s=lifetime_s
        )

    def rotate_signing_key(self) -> None:
        """Roll the tenant's token-signing key over: every token issued so far gets 401."""
        self.identity.signer.rotate()

    def reset(self) -> None:
        """Between tests: counters, queued faults, clients and device codes back to start."""
        self.stats.reset()
        self.faults.clear()
        self.identity.reset()


def start_sandbox(
    config: SandboxConfig | None = None, *, tenant: Directory | None = None
) -> Sandbox:
    """Start a sandbox tenant and return it once it accepts connections.

    ``tenant`` replaces the generated tenant (e.g. one a test has prepared).
    """
    sandbox = Sandbox(config or SandboxConfig(), tenant=tenant)
    try:
        return sandbox.start()
    except BaseException:
        sandbox.close()
        raise
