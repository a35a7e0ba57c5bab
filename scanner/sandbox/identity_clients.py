"""The app registrations that can sign in to the sandbox, and how their credentials are checked.

Three clients exist from the start, all with ids derived from the seed so a profile written for
``--seed 42`` keeps matching: the scanner's confidential client (a fresh random secret each
start), a public client for device-code sign-in, and a managed identity. Tests register more
(with certificates, fewer roles) through :class:`ClientRegistry`.

Certificate credentials follow Entra: the client assertion's header names the certificate by
``x5t`` (SHA-1, RS256 signatures — what MSAL sends with a ``thumbprint``) or ``x5t#S256``
(SHA-256, PS256 — what MSAL ≥ 1.35 sends with a ``public_certificate``); the signature must
verify against that registered certificate, ``iss`` = ``sub`` = client id, ``aud`` = the token
endpoint, and the time window must hold.
"""

from __future__ import annotations

import copy
import datetime as dt
import secrets
import threading
import time
import uuid
from collections.abc import Iterable
from typing import Any

import jwt
from cryptography import x509

from m365inv.sandbox import identity_errors as E
from m365inv.sandbox.context import SandboxClient
from m365inv.sandbox.identity_tokens import thumbprints

_NS = uuid.UUID("6f1d6a0e-3c52-4c1b-9a53-6d1c8b7e2a10")

# DESIGN.md "What is collected" — least-privilege, read-only — plus Exchange's app-only role.
SCANNER_ROLES: frozenset[str] = frozenset(
    {
        "Organization.Read.All",
        "User.Read.All",
        "GroupMember.Read.All",
        "Application.Read.All",
        "Directory.Read.All",
        "Synchronization.Read.All",
        "AppCatalog.Read.All",
        "Exchange.ManageAsApp",
    }
)
# The same reads as delegated scopes, plus the sign-in basics MSAL always asks for.
SCANNER_SCOPES: frozenset[str] = (SCANNER_ROLES - {"Exchange.ManageAsApp"}) | {
    "User.Read",
    "openid",
    "profile",
    "email",
    "offline_access",
}
_OIDC_SCOPES = frozenset({"openid", "profile", "email", "offline_access"})


def derived_id(seed: int, purpose: str) -> str:
    return str(uuid.uuid5(_NS, f"{purpose}:{seed}"))


def default_clients(seed: int) -> tuple[SandboxClient, SandboxClient, SandboxClient]:
    """(confidential scanner client, public device-code client, managed identity)."""
    scanner = SandboxClient(
        client_id=derived_id(seed, "scanner"),
        display_name="m365inv scanner",
        secret=secrets.token_urlsafe(30),
        roles=set(SCANNER_ROLES),
    )
    public = SandboxClient(
        client_id=derived_id(seed, "public"),
        display_name="m365inv (device sign-in)",
        public=True,
        scopes=set(SCANNER_SCOPES),
    )
    managed = SandboxClient(
        client_id=derived_id(seed, "managed-identity"),
        display_name="m365inv managed identity",
        roles=set(SCANNER_ROLES),
    )
    return scanner, public, managed


def _norm_thumb(value: str) -> str:
    return value.replace("+", "-").replace("/", "_").rstrip("=")


class ClientRegistry:
    """Thread-safe map client id → :class:`SandboxClient`; tests mutate it from their thread."""

    def __init__(self, clients: Iterable[SandboxClient]) -> None:
        self._lock = threading.Lock()
        self._clients: dict[str, SandboxClient] = {}
        for client in clients:
            self._clients[client.client_id] = client
        self._baseline = {cid: copy.deepcopy(c) for cid, c in self._clients.items()}

    def get(self, client_id: str) -> SandboxClient | None:
        return self._clients.get(client_id)

    def register(self, client: SandboxClient) -> None:
        with self._lock:
            certs = {_norm_thumb(k): v for k, v in client.certificates.items()}
            client.certificates = certs
            self._clients[client.client_id] = client

    def register_certificate(self, client_id: str, cert_pem: bytes) -> tuple[str, str]:
        x509.load_pem_x509_certificate(cert_pem)  # ValueError early, not at sign-in
        x5t, x5t256 = thumbprints(cert_pem)
        with self._lock:
            client = self._require(client_id)
            client.certificates[x5t] = cert_pem
            client.certificates[x5t256] = cert_pem
        return x5t, x5t256

    def set_roles(self, client_id: str, roles: Iterable[str]) -> None:
        with self._lock:
            self._require(client_id).roles = set(roles)

    def set_scopes(self, client_id: str, scopes: Iterable[str]) -> None:
        with self._lock:
            self._require(client_id).scopes = set(scopes)

    def reset(self) -> None:
        """Back to the clients present at start, with their original roles and credentials."""
        with self._lock:
            self._clients = {cid: copy.deepcopy(c) for cid, c in self._baseline.items()}

    def _require(self, client_id: str) -> SandboxClient:
        client = self._clients.get(client_id)
        if client is None:
            raise KeyError(f"no sandbox client {client_id}")
        return client


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


def verify_assertion(
    assertion: str, client: SandboxClient, *, token_endpoints: tuple[str, ...]
) -> None:
    """Check a ``client_assertion`` JWT the way Entra does; raise :class:`AadError` if not."""
    try:
        header = jwt.get_unverified_header(assertion)
    except jwt.InvalidTokenError as exc:
        raise E.malformed_assertion() from exc
    alg = header.get("alg")
    if "x5t#S256" in header:
        thumb = _norm_thumb(str(header["x5t#S256"]))
    elif "x5t" in header:
        thumb = _norm_thumb(str(header["x5t"]))
    else:
        raise E.malformed_assertion()
    cert_pem = client.certificates.get(thumb)
    if cert_pem is None:
        raise E.assertion_key_not_found(client.client_id, thumb)
    if alg not in ("RS256", "PS256"):
        raise E.assertion_bad_signature(thumb)
    public_key = x509.load_pem_x509_certificate(cert_pem).public_key()
    try:
        claims: dict[str, Any] = jwt.decode(
            assertion,
            public_key,  # type: ignore[arg-type]
            algorithms=[alg],
            options={"verify_exp": False, "verify_nbf": False, "verify_aud": False},
        )
    except jwt.InvalidSignatureError as exc:
        raise E.assertion_bad_signature(thumb) from exc
    except jwt.InvalidTokenError as exc:
        raise E.malformed_assertion() from exc
    _check_assertion_claims(claims, client.client_id, token_endpoints)


def _check_assertion_claims(
    claims: dict[str, Any], client_id: str, token_endpoints: tuple[str, ...]
) -> None:
    now = time.time()
    exp = claims.get("exp")
    nbf = claims.get("nbf", claims.get("iat", 0))
    if not isinstance(exp, int | float) or not isinstance(nbf, int | float):
        raise E.malformed_assertion()
    if exp < now - 300 or nbf > now + 300:  # Entra allows five minutes of clock skew
        raise E.assertion_time_range(_iso(now), _iso(nbf), _iso(exp))
    if claims.get("aud") not in token_endpoints:
        raise E.assertion_audience()
    if claims.get("iss") != client_id or claims.get("sub") != client_id:
        raise E.assertion_subject(client_id)
    if not isinstance(claims.get("jti"), str) or not claims["jti"]:
        raise E.malformed_assertion()


def requested_scopes(scope_param: str, resources: tuple[str, ...]) -> tuple[str, set[str]]:
    """Split an OAuth ``scope`` into (resource, permission names); OIDC scopes are dropped.

    ``https://host:port/.default`` → (resource, {".default"});
    ``https://host:port/User.Read.All`` → (resource, {"User.Read.All"}).
    """
    resource: str | None = None
    names: set[str] = set()
    for item in scope_param.split():
        if item in _OIDC_SCOPES:
            continue
        base, _, name = item.rpartition("/")
        if not base or not name:
            raise E.invalid_scope(item)
        base = base.rstrip("/")
        if base not in resources:
            raise E.invalid_scope(item)
        if resource is not None and base != resource:
            raise E.invalid_scope(scope_param)
        resource = base
        names.add(name)
    if resource is None:
        raise E.invalid_scope(scope_param)
    return resource, names
