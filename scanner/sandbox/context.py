"""The contract between the sandbox's parts: server/identity on one side, the Graph simulator on
the other. Both import from here; neither imports the other's internals.

* ``SandboxConfig`` — everything ``m365inv sandbox serve`` can switch.
* ``SandboxClient`` — an app registered in the sandbox tenant that can sign in.
* ``Caller`` — who a Graph request comes from, decoded from a verified bearer token.
* ``RequestStats`` — counters tests and the benchmark read (requests by route, token requests,
  the tokens issued).
* ``FaultPlan`` — deterministic, test-driven fault injection ("the next 2 GETs of /users → 503"),
  on Graph routes and on the identity token / devicecode endpoints alike.
* ``GraphContext`` — what the server hands the Graph simulator: config, tenant, counters, faults and
  ``authenticate`` (identity's token check, raising ``TokenRejected``).
* ``Directory`` — the little the identity side needs from the generated tenant.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class SandboxConfig:
    users: int = 200
    seed: int = 42
    port: int = 0  # 0: pick a free port
    latency_ms: float = 0.0  # added to every Graph request
    per_object_us: float = 0.0  # added per object returned in a page
    throttle: bool = False  # the Entra resource-unit budget (DESIGN.md numbers)
    faults: bool = False  # random 503 / dropped connections / empty pages at ``fault_rate``
    fault_rate: float = 0.02
    state_dir: Path | None = None  # CA, keys, info file; a temp dir when None
    token_lifetime_s: int = 3600  # access-token lifetime (Entra: 60-90 min); tests shorten it
    device_code_lifetime_s: int = 900  # Entra's device codes live 15 minutes
    device_code_interval_s: int = 1  # Entra says 5; 1 keeps demos and tests from idling
    # The Teams app catalog answers app-only callers 403, as many real tenants do (the API is
    # documented for delegated use); off by default so app-only demos still list Teams apps.
    teams_delegated_only: bool = False
    # Exchange admin API quirks: app-only callers need an Entra directory role besides
    # Exchange.ManageAsApp (else a 403 whose body is not JSON); pages of this many add-ins;
    # whether its @odata.nextLink can be replayed (real tenants report 400 on some).
    exchange_directory_role: bool = True
    exchange_page_size: int = 1000
    exchange_next_link_replayable: bool = True
    premium_licence: bool = True  # Entra ID P1: apps' sign-in activity (Graph beta) is readable


@dataclass
class SandboxClient:
    """An app that can obtain tokens from the sandbox's identity endpoints."""

    client_id: str
    display_name: str
    secret: str | None = field(default=None, repr=False)  # never in logs or tracebacks
    # SHA-1 and SHA-256 thumbprints (base64url, as in x5t / x5t#S256) → PEM public certificate
    certificates: dict[str, bytes] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)  # Graph application permissions in app tokens
    public: bool = False  # allows device-code flow (delegated)
    scopes: set[str] = field(default_factory=set)  # delegated scopes granted for device code


@dataclass(frozen=True)
class Caller:
    client_id: str
    tenant_id: str
    roles: frozenset[str]
    scopes: frozenset[str]
    user_id: str | None = None  # set for delegated (device-code) tokens

    def has_any(self, *permissions: str) -> bool:
        return any(p in self.roles or p in self.scopes for p in permissions)


@dataclass
class RequestStats:
    """Thread-safe counters; ``by_route`` keys look like ``"GET /v1.0/users"``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    total: int = 0
    token_requests: int = 0
    throttled: int = 0
    by_route: Counter[str] = field(default_factory=Counter)
    # requests that carried an Authorization header, by the Host they were addressed to
    # ("localhost:1234" vs "127.0.0.1:1234"): a token must only go where it was issued for
    authorized_hosts: Counter[str] = field(default_factory=Counter)
    # every access / refresh / id token the identity side issued (tests: "appears nowhere")
    issued_tokens: list[str] = field(default_factory=list, repr=False)

    def count(self, route: str) -> None:
        with self.lock:
            self.total += 1
            self.by_route[route] += 1

    def reset(self) -> None:
        with self.lock:
            self.total = 0
            self.token_requests = 0
            self.throttled = 0
            self.by_route.clear()
            self.authorized_hosts.clear()
            self.issued_tokens.clear()


@dataclass
class FaultRule:
    path_contains: str  # matched against the request path (and query)
    status: int | None = None  # 429 / 503 / 504 …; None with drop=True
    retry_after: int | None = 1
    drop: bool = False  # close the connection without a response
    empty_page: bool = False  # answer a paging request with an empty page + the same nextLink
    malformed: bool = False  # answer 200 with a truncated JSON body
    echo_secret: bool = False  # token endpoint: 401 whose description quotes the client_secret
    # answer with an @odata.nextLink on this origin instead ("https://localhost:1234"): a hostile
    # or misconfigured server pointing the client elsewhere; the client must not follow it
    link_to: str | None = None
    rotate_keys: bool = False  # roll the token-signing key over before this request is checked
    remaining: int = 1


@dataclass
class FaultPlan:
    """Deterministic faults queued by tests; consumed first-match, one per request."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    rules: list[FaultRule] = field(default_factory=list)

    def add(self, rule: FaultRule) -> None:
        with self.lock:
            self.rules.append(rule)

    def take(self, path: str) -> FaultRule | None:
        with self.lock:
            for rule in self.rules:
                if rule.path_contains in path and rule.remaining > 0:
                    rule.remaining -= 1
                    if rule.remaining == 0:
                        self.rules.remove(rule)
                    return rule
        return None

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()


class TokenRejected(Exception):
    """A bearer token failed verification; Graph answers 401 with ``code`` / ``message``.

    Codes as Graph uses them: ``InvalidAuthenticationToken`` (missing, malformed, bad signature,
    wrong audience, expired — the message says which).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Directory(Protocol):
    """What identity needs from the tenant: its id and the users who may sign in."""

    @property
    def tenant_id(self) -> str: ...

    @property
    def display_name(self) -> str: ...

    def user_id_for(self, user_principal_name: str) -> str | None: ...

    def default_admin(self) -> tuple[str, str]:
        """(object id, userPrincipalName) of the admin who approves device codes by default."""
        ...


@dataclass
class GraphContext:
    config: SandboxConfig
    tenant: Any  # scanner.sandbox.tenant.Tenant — typed there; Any here to keep this module leaf
    stats: RequestStats
    faults: FaultPlan
    authenticate: Callable[[str | None, str], Caller]
    """``authenticate(authorization_header, audience_base_url) -> Caller`` or ``TokenRejected``."""
    rotate_keys: Callable[[], None] = lambda: None
    """Roll the identity side's signing key over (``FaultRule.rotate_keys``)."""
