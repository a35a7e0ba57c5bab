"""Entra-faithful identity endpoints for the sandbox tenant.

Served under the sandbox's base URL, like ``login.microsoftonline.com``:

* ``GET /{tenant}/v2.0/.well-known/openid-configuration`` — OIDC discovery (MSAL reads it first)
* ``GET /{tenant}/discovery/v2.0/keys`` — the JWKS that signs access tokens
* ``GET /common/discovery/instance`` — MSAL's instance discovery answer
* ``POST /{tenant}/oauth2/v2.0/token`` — ``client_credentials`` (secret, or a certificate
  assertion), ``device_code``, ``refresh_token``
* ``POST /{tenant}/oauth2/v2.0/devicecode`` — starts a device-code sign-in
* ``GET /msi/token`` — an App Service-style managed identity endpoint (``IDENTITY_ENDPOINT``)
* ``POST /_sandbox/devicecode/approve|decline`` — the sandbox-only stand-in for the person at the
  verification page; only for a caller holding the sandbox's admin secret (``X-Sandbox-Admin``,
  from the 0600 info file), so another user on the machine cannot approve someone's sign-in

Failures answer with Entra's error bodies (:mod:`.identity_errors`); Graph-side token checks go
through :meth:`Identity.authenticate`.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from m365inv.sandbox import identity_errors as E
from m365inv.sandbox.context import (
    Caller,
    Directory,
    FaultPlan,
    RequestStats,
    SandboxClient,
    SandboxConfig,
)
from m365inv.sandbox.identity_clients import (
    ClientRegistry,
    default_clients,
    requested_scopes,
    verify_assertion,
)
from m365inv.sandbox.identity_device import DeviceCodes, RefreshGrant
from m365inv.sandbox.identity_tokens import TokenSigner

GRANT_DEVICE = "urn:ietf:params:oauth:grant-type:device_code"
GRAPH_RESOURCE_IDS = ("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000")
"""Graph's well-known resource identifiers. Entra issues Graph tokens for either (the ``aud``
claim is the identifier asked for), so stock clients — msgraph-sdk asks for
``https://graph.microsoft.com/.default`` — sign in to the sandbox as they would to Entra; the
sandbox's Graph accepts those audiences besides its own URL."""
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@dataclass
class Identity:
    """The identity side's state: clients, signing key, device codes, the MSI secret."""

    config: SandboxConfig
    directory: Directory
    stats: RequestStats
    base_url: str = ""  # set once the socket is bound (the port may be chosen by the OS)
    faults: FaultPlan = field(default_factory=FaultPlan)  # the sandbox's plan, shared with Graph
    identity_header: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    admin_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    signer: TokenSigner = field(init=False)
    clients: ClientRegistry = field(init=False)
    devices: DeviceCodes = field(default_factory=DeviceCodes)
    scanner_client: SandboxClient = field(init=False)
    public_client: SandboxClient = field(init=False)
    managed_identity: SandboxClient = field(init=False)

    def __post_init__(self) -> None:
        self.signer = TokenSigner(self.directory.tenant_id)
        self.scanner_client, self.public_client, self.managed_identity = default_clients(
            self.config.seed
        )
        # The generated tenant lists the scanner's own service principal; sign in as that app.
        app_id = getattr(self.directory, "scanner_app_id", None)
        if isinstance(app_id, str):
            self.scanner_client.client_id = app_id
        self.clients = ClientRegistry(
            (self.scanner_client, self.public_client, self.managed_identity)
        )

    # -- what the Graph side and the Sandbox handle call --

    @property
    def tenant_id(self) -> str:
        return self.directory.tenant_id

    @property
    def resources(self) -> tuple[str, ...]:
        """Resource ids tokens can be issued for: Graph and Exchange share the sandbox's base;
        Graph's well-known identifiers name the same Graph."""
        return (self.base_url, *self._aliases)

    @property
    def _aliases(self) -> tuple[str, ...]:
        # kiota (msgraph-sdk without explicit scopes) derives the scope from the request's host
        # *without* its port: "https://127.0.0.1/.default" is how a stock client names us
        host = urlsplit(self.base_url).hostname
        return (*GRAPH_RESOURCE_IDS, *((f"https://{host}",) if host else ()))

    def authenticate(self, authorization: str | None, audience_base: str) -> Caller:
        return self.signer.authenticate(authorization, audience_base, self._aliases)

    def mint_app_token(
        self, client_id: str, *, resource: str | None = None, lifetime_s: int | None = None
    ) -> str:
        """A token as the token endpoint would issue it (tests: expired or odd tokens)."""
        client = self.clients.get(client_id)
        if client is None:
            raise KeyError(f"no sandbox client {client_id}")
        token, _ = self.signer.access_token(
            audience=resource or self.base_url,
            client_id=client.client_id,
            client_name=client.display_name,
            lifetime_s=self.config.token_lifetime_s if lifetime_s is None else lifetime_s,
            roles=frozenset(client.roles),
        )
        return token

    def record_issued(self, body: Mapping[str, Any]) -> None:
        """Remember every token handed out, so secrecy tests can look for them everywhere."""
        with self.stats.lock:
            for key in ("access_token", "refresh_token", "id_token"):
                value = body.get(key)
                if isinstance(value, str) and value:
                    self.stats.issued_tokens.append(value)

    def decide_device_code(
        self, user_code: str, *, approve: bool = True, user_principal_name: str | None = None
    ) -> bool:
        user = self._user(user_principal_name)
        if user is None:
            return False
        return self.devices.decide(user_code, user, approve=approve)

    def reset(self) -> None:
        self.clients.reset()
        self.devices.clear()

    def _user(self, upn: str | None) -> tuple[str, str] | None:
        if upn is None:
            return self.directory.default_admin()
        oid = self.directory.user_id_for(upn)
        return None if oid is None else (oid, upn)

    # -- tenant and endpoint names --

    def tenant_ok(self, tenant: str) -> bool:
        if tenant.lower() == self.tenant_id.lower():
            return True
        domains = set(getattr(self.directory, "domains", ()))
        domains.add(getattr(self.directory, "domain", None))
        return tenant.lower() in {str(d).lower() for d in domains if d}

    def tenant_name(self) -> str:
        return f"{self.directory.display_name} ({self.tenant_id})"

    def _token_endpoints(self, tenant: str) -> tuple[str, ...]:
        return tuple(
            f"{self.base_url}/{t}/oauth2/{v}token"
            for t in {tenant, self.tenant_id}
            for v in ("v2.0/", "")
        )

    def openid_configuration(self) -> dict[str, Any]:
        b, t = self.base_url, self.tenant_id
        return {
            "token_endpoint": f"{b}/{t}/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported": [
                "client_secret_post", "private_key_jwt", "client_secret_basic",
            ],
            "jwks_uri": f"{b}/{t}/discovery/v2.0/keys",
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": f"{b}/{t}/v2.0",
            "request_uri_parameter_supported": False,
            "userinfo_endpoint": f"{b}/oidc/userinfo",
            "authorization_endpoint": f"{b}/{t}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{b}/{t}/oauth2/v2.0/devicecode",
            "http_logout_supported": True,
            "frontchannel_logout_supported": True,
            "end_session_endpoint": f"{b}/{t}/oauth2/v2.0/logout",
            "claims_supported": [
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
                "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time",
                "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
                "c_hash", "email",
            ],
            "tenant_region_scope": "EU",
            "cloud_instance_name": urlsplit(b).netloc,
            "cloud_graph_host_name": urlsplit(b).netloc,
            "msgraph_host": urlsplit(b).netloc,
        }  # fmt: skip

    # -- the token endpoint's grants --

    def _client(self, form: Mapping[str, str], basic: tuple[str, str] | None) -> SandboxClient:
        client_id = basic[0] if basic else form.get("client_id")
        if not client_id:
            raise E.missing_parameter("client_id")
        client = self.clients.get(client_id)
        if client is None:
            raise E.unknown_client(client_id, self.tenant_name())
        return client

    def _authenticate_client(
        self, client: SandboxClient, form: Mapping[str, str], basic: tuple[str, str] | None,
        tenant: str,
    ) -> str:  # fmt: skip
        """Check the confidential client's credential; returns Entra's ``appidacr``."""
        secret = basic[1] if basic else form.get("client_secret")
        assertion = form.get("client_assertion")
        if secret:
            if client.secret is None or not secrets.compare_digest(
                secret.encode(), client.secret.encode()
            ):
                raise E.invalid_secret(client.client_id)
            return "1"
        if assertion:
            if form.get("client_assertion_type") != ASSERTION_TYPE:
                raise E.malformed_assertion()
            verify_assertion(assertion, client, token_endpoints=self._token_endpoints(tenant))
            return "2"
        raise E.missing_credential()

    def client_credentials(
        self, form: Mapping[str, str], basic: tuple[str, str] | None, tenant: str
    ) -> dict[str, Any]:
        client = self._client(form, basic)
        appidacr = self._authenticate_client(client, form, basic, tenant)
        scope = form.get("scope")
        if not scope:
            raise E.missing_parameter("scope")
        parts = scope.split()
        if len(parts) != 1 or not parts[0].endswith("/.default"):
            raise E.client_credentials_scope(scope)
        resource = parts[0][: -len("/.default")].rstrip("/")
        if resource not in self.resources:
            raise E.unknown_resource(resource, self.tenant_name())
        token, expires_in = self.signer.access_token(
            audience=resource,
            client_id=client.client_id,
            client_name=client.display_name,
            lifetime_s=self.config.token_lifetime_s,
            roles=frozenset(client.roles),
            appidacr=appidacr,
        )
        return {
            "token_type": "Bearer", "expires_in": expires_in, "ext_expires_in": expires_in,
            "access_token": token,
        }  # fmt: skip

    def start_device_flow(self, form: Mapping[str, str]) -> dict[str, Any]:
        client = self._client(form, None)
        if not client.public:
            raise E.not_public_client()
        scope = form.get("scope")
        if not scope:
            raise E.missing_parameter("scope")
        resource, names = requested_scopes(scope, self.resources)
        self._check_consent(client, names, scope)
        grant = self.devices.create(
            client_id=client.client_id,
            resource=resource,
            scopes=frozenset(names),
            oidc_scopes=frozenset(s for s in scope.split() if "/" not in s),
            lifetime_s=self.config.device_code_lifetime_s,
        )
        uri = f"{self.base_url}/devicelogin"
        return {
            "user_code": grant.user_code,
            "device_code": grant.device_code,
            "verification_uri": uri,
            "expires_in": self.config.device_code_lifetime_s,
            "interval": self.config.device_code_interval_s,
            "message": (
                f"To sign in, use a web browser to open the page {uri} and enter the code "
                f"{grant.user_code} to authenticate. (Sandbox: or run "
                f"`m365inv sandbox approve {grant.user_code} --info INFO_FILE`.)"
            ),
        }

    @staticmethod
    def _check_consent(client: SandboxClient, names: set[str], scope: str) -> None:
        missing = names - client.scopes - {".default"}
        if missing:
            raise E.consent_required(client.client_id, " ".join(sorted(missing)))

    def _delegated_response(
        self, client: SandboxClient, user: tuple[str, str], resource: str,
        names: frozenset[str], oidc: frozenset[str], want_client_info: bool,
    ) -> dict[str, Any]:  # fmt: skip
        granted = frozenset(client.scopes) if ".default" in names else names
        granted = granted - {"openid", "profile", "email", "offline_access"}
        token, expires_in = self.signer.access_token(
            audience=resource, client_id=client.client_id, client_name=client.display_name,
            lifetime_s=self.config.token_lifetime_s, scopes=granted, user=user, appidacr="0",
        )  # fmt: skip
        scope = " ".join([f"{resource}/{s}" for s in sorted(granted)] + sorted(oidc))
        body: dict[str, Any] = {
            "token_type": "Bearer", "scope": scope, "expires_in": expires_in,
            "ext_expires_in": expires_in, "access_token": token,
        }  # fmt: skip
        if "offline_access" in oidc:
            body["refresh_token"] = self.devices.issue_refresh(
                RefreshGrant(client.client_id, user, frozenset(client.scopes))
            )
        if "openid" in oidc:
            body["id_token"] = self.signer.id_token(
                issuer=f"{self.base_url}/{self.tenant_id}/v2.0",
                client_id=client.client_id, user=user, name=user[1].split("@")[0],
            )  # fmt: skip
        if want_client_info:
            body["client_info"] = self.signer.client_info(user[0])
        return body

    def redeem_device_code(self, form: Mapping[str, str]) -> dict[str, Any]:
        client = self._client(form, None)
        device_code = form.get("device_code")
        if not device_code:
            raise E.missing_parameter("device_code")
        grant = self.devices.redeem(device_code, client.client_id)
        assert grant.user is not None  # approved grants always carry their user
        return self._delegated_response(
            client, grant.user, grant.resource, grant.scopes, grant.oidc_scopes,
            form.get("client_info") == "1",
        )  # fmt: skip

    def redeem_refresh_token(self, form: Mapping[str, str]) -> dict[str, Any]:
        client = self._client(form, None)
        token = form.get("refresh_token")
        if not token:
            raise E.missing_parameter("refresh_token")
        grant = self.devices.refresh_grant(token, client.client_id)
        scope = form.get("scope") or ""
        resource, names = requested_scopes(scope, self.resources)
        missing = names - grant.scopes - {".default"}
        if missing:
            raise E.consent_required(client.client_id, " ".join(sorted(missing)))
        oidc = frozenset(s for s in scope.split() if "/" not in s) | {"offline_access"}
        return self._delegated_response(
            client, grant.user, resource, frozenset(names), oidc, form.get("client_info") == "1"
        )

    def managed_identity_token(self, resource: str) -> dict[str, Any]:
        client = self.managed_identity
        token, expires_in = self.signer.access_token(
            audience=resource, client_id=client.client_id, client_name=client.display_name,
            lifetime_s=self.config.token_lifetime_s, roles=frozenset(client.roles), appidacr="2",
        )  # fmt: skip
        return {
            "access_token": token, "expires_on": str(int(time.time()) + expires_in),
            "resource": resource, "token_type": "Bearer", "client_id": client.client_id,
        }  # fmt: skip
