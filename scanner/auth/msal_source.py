"""The MSAL-backed :class:`~m365inv.auth.interface.TokenSource`.

One class serves every sign-in method; what differs is the *acquire* function built in
:mod:`m365inv.auth.flows`. The MSAL token cache is loaded from the vault and written back (under
the vault's lock) only when MSAL changed it, so a cached sign-in is reused across runs without the
cache ever touching the disk in clear.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

import msal
import requests

from m365inv.auth.aadsts import auth_error
from m365inv.auth.interface import Resource
from m365inv.auth.transport import ssl_context
from m365inv.errors import AuthError
from m365inv.profiles import Profile
from m365inv.vault import Vault

log = logging.getLogger(__name__)

Acquire = Callable[[Resource, bool], Mapping[str, Any]]
"""``acquire(resource, fresh)``: a token response; ``fresh`` skips MSAL's token cache."""


class VaultTokenCache:
    """MSAL's serialisable cache, persisted as the profile's ``token_cache`` vault entry."""

    def __init__(self, profile: Profile, vault: Vault | None) -> None:
        self._profile = profile
        self._vault = vault
        self.cache = msal.SerializableTokenCache()
        if vault is not None:
            stored = vault.get(profile.name, profile.tenant_id, "token_cache")
            if stored:
                self.cache.deserialize(stored.decode("utf-8"))

    def save(self) -> None:
        if self._vault is not None and self.cache.has_state_changed:
            self._vault.set(
                self._profile.name,
                self._profile.tenant_id,
                "token_cache",
                self.cache.serialize().encode("utf-8"),
            )
            self.cache.has_state_changed = False


def claims(access_token: str) -> dict[str, Any]:
    """The token's payload, unverified: the client only reads what it was granted.

    Graph verifies the signature on every call; a forged token would gain nothing here.
    """
    try:
        payload = access_token.split(".")[1]
        decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        raise AuthError("the access token is not a JWT; cannot read its permissions") from None
    if not isinstance(decoded, dict):
        raise AuthError("the access token payload is not a JSON object")
    return decoded


class MsalTokenSource:
    """Thread-safe token source for one profile (implements ``TokenSource``)."""

    def __init__(
        self, profile: Profile, acquire: Acquire, cache: VaultTokenCache, *, method: str
    ) -> None:
        self._profile = profile
        self._acquire = acquire
        self._cache = cache
        self._lock = threading.Lock()
        self._memo: dict[Resource, tuple[str, float]] = {}
        self.method = method

    def __repr__(self) -> str:
        return f"MsalTokenSource({self._profile.name!r}, {self.method})"

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def graph_endpoint(self) -> str:
        return self._profile.graph_endpoint

    @property
    def exchange_endpoint(self) -> str:
        return self._profile.exchange_endpoint

    @cached_property
    def ssl_context(self) -> ssl.SSLContext:
        return ssl_context(self._profile.ca_bundle)

    def token(self, resource: Resource = "graph", *, fresh: bool = False) -> str:
        with self._lock:
            memo = self._memo.get(resource)
            if memo and time.monotonic() < memo[1] and not fresh:
                return memo[0]
            return self._fetch(resource, fresh)

    def _fetch(self, resource: Resource, fresh: bool = False) -> str:
        """Ask MSAL (its cache, then the endpoint); remember the token until near expiry.

        The memo matters for delegated sign-ins: Entra answers a ``/.default`` request with the
        expanded scopes, so MSAL's cache lookup for ``/.default`` misses and would redeem the
        refresh token on every call.
        """
        try:
            result = self._acquire(resource, fresh)
        except requests.exceptions.SSLError:
            raise AuthError(
                f"TLS verification of {self._profile.authority_host} failed",
                tip="if it uses a private CA, set ca_bundle in the profile",
            ) from None
        except requests.RequestException as exc:
            raise AuthError(
                f"cannot reach the token endpoint at {self._profile.authority_host} "
                f"({type(exc).__name__})"
            ) from None
        except msal.exceptions.MsalServiceError as exc:
            # MSAL raises this for a 5xx that outlived our transport's retries; its message is
            # just "HTTP Error: 503" (MSAL drops the body), so say what it means.
            raise AuthError(
                f"the token endpoint at {self._profile.authority_host} is unavailable "
                f"({str(exc)[:60]}) after retries",
                tip="Entra is having trouble; try again in a few minutes",
            ) from None
        except ValueError:
            # MSAL's json.loads of a cut-off or non-JSON answer (a proxy's HTML page, a dropped
            # stream); the body is never echoed, it may hold a token.
            raise AuthError(
                f"the token endpoint at {self._profile.authority_host} answered with "
                "malformed JSON",
                tip="a proxy may be rewriting the answer; try again, or check HTTPS_PROXY",
            ) from None
        finally:
            self._cache.save()
        token = result.get("access_token")
        if not token:
            raise auth_error(result, self._profile)
        lifetime = float(result.get("expires_in") or 0)
        margin = min(300.0, lifetime / 2)
        self._memo[resource] = (str(token), time.monotonic() + lifetime - margin)
        log.debug("token for %s from %s", resource, result.get("token_source", "identity provider"))
        return str(token)

    def granted_permissions(self, resource: Resource = "graph") -> frozenset[str]:
        payload = claims(self.token(resource))
        roles = payload.get("roles") or []
        scopes = str(payload.get("scp") or "").split()
        return frozenset([*(str(r) for r in roles), *scopes])
