"""Build a signed-in :class:`MsalTokenSource` for a profile: secret, certificate, device code, MI.

Construction does MSAL's OIDC discovery, so a wrong tenant or an untrusted CA fails here, before
any collection starts, as an :class:`AuthError` with a tip.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msal
import requests

from m365inv.auth.aadsts import auth_error
from m365inv.auth.certs import ClientCertificate, load_certificate
from m365inv.auth.interface import Resource
from m365inv.auth.msal_source import MsalTokenSource, VaultTokenCache
from m365inv.auth.transport import TokenHttpSession
from m365inv.errors import AuthError
from m365inv.logsafe import remember_secret
from m365inv.profiles import Profile
from m365inv.vault import Vault

ENV_SECRET = "M365INV_CLIENT_SECRET"  # noqa: S105 - a variable name
ENV_CERT_PATH = "M365INV_CERT_PATH"
ENV_CERT_PASSWORD = "M365INV_CERT_PASSWORD"  # noqa: S105 - a variable name
DEVICE_CODE_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class DeviceCodePrompt:
    """What the person must do: open ``verification_uri`` and enter ``user_code``."""

    message: str
    user_code: str
    verification_uri: str


DeviceCodeCallback = Callable[[DeviceCodePrompt], None]


def _scope(profile: Profile, resource: Resource) -> str:
    base = profile.graph_endpoint if resource == "graph" else profile.exchange_endpoint
    return f"{base}/.default"


def _construct(profile: Profile, build: Callable[[], Any]) -> Any:
    """Run an MSAL constructor, turning discovery failures into AuthErrors."""
    try:
        return build()
    except requests.exceptions.SSLError:
        raise AuthError(
            f"TLS verification of {profile.authority_host} failed",
            tip="if it uses a private CA, set ca_bundle in the profile",
        ) from None
    except requests.RequestException as exc:
        raise AuthError(
            f"cannot reach {profile.authority_host} ({type(exc).__name__})",
            tip="check the network, a proxy (HTTPS_PROXY) or the profile's cloud",
        ) from None
    except ValueError as exc:  # MSAL: OIDC discovery answered 4xx (unknown tenant) or bad input
        text = f"{exc} {exc.__context__ or ''}"
        code = re.search(r"AADSTS(\d+)", text)
        return_code = code.group(1) if code else "90002"
        raise auth_error({"error_codes": [int(return_code)]}, profile) from None


def _app_kwargs(
    profile: Profile, session: requests.Session, cache: VaultTokenCache
) -> dict[str, Any]:
    custom = profile.cloud == "custom"
    return {
        "authority": profile.authority,
        "http_client": session,
        "token_cache": cache.cache,
        # Instance discovery asks login.microsoftonline.com about the host; a custom (or
        # sandbox) authority is not known there and must not leak to Microsoft.
        "instance_discovery": not custom,
        "validate_authority": not custom,
    }


def _client_credential(profile: Profile, vault: Vault | None) -> str | dict[str, str]:
    if profile.auth == "secret":
        secret = os.environ.get(ENV_SECRET)
        if not secret and vault is not None:
            stored = vault.get(profile.name, profile.tenant_id, "client_secret")
            secret = stored.decode("utf-8") if stored else None
        if not secret:
            raise AuthError(
                f"no client secret for profile {profile.name!r}",
                tip=f"store it: m365inv vault set {profile.name} (or set {ENV_SECRET})",
            )
        remember_secret(secret)  # a token endpoint may echo it in an error description
        return secret
    cert = _certificate(profile, vault)
    return {"private_key": cert.private_key_pem, "public_certificate": cert.certificate_pem}


def _certificate(profile: Profile, vault: Vault | None) -> ClientCertificate:
    env_path = os.environ.get(ENV_CERT_PATH)
    path = Path(env_path) if env_path else profile.certificate_path
    password = os.environ.get(ENV_CERT_PASSWORD, "").encode() or None
    if password is None and vault is not None:
        password = vault.get(profile.name, profile.tenant_id, "cert_password")
    remember_secret(password)
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AuthError(f"cannot read the certificate {path}: {exc.strerror}") from None
        return load_certificate(data, password, origin=str(path))
    stored = vault.get(profile.name, profile.tenant_id, "certificate") if vault else None
    if stored is None:
        raise AuthError(
            f"no certificate for profile {profile.name!r}",
            tip=f"set certificate_path, {ENV_CERT_PATH}, or: m365inv vault export-public "
            f"{profile.name} --generate",
        )
    return load_certificate(stored, password, origin="the vault")


def _confidential(
    profile: Profile, vault: Vault | None, session: requests.Session, cache: VaultTokenCache
) -> MsalTokenSource:
    credential = _client_credential(profile, vault)
    app = _construct(
        profile,
        lambda: msal.ConfidentialClientApplication(
            profile.client_id, client_credential=credential, **_app_kwargs(profile, session, cache)
        ),
    )

    def acquire(resource: Resource, fresh: bool) -> Mapping[str, Any]:
        if fresh:  # MSAL refuses force_refresh for client credentials; drop the cached ones
            app.remove_tokens_for_client()
        return app.acquire_token_for_client([_scope(profile, resource)])  # type: ignore[no-any-return]

    return MsalTokenSource(profile, acquire, cache, method=profile.auth)


def _device_code(
    profile: Profile,
    session: requests.Session,
    cache: VaultTokenCache,
    *,
    interactive: bool,
    on_code: DeviceCodeCallback,
    timeout: float,
) -> MsalTokenSource:
    app = _construct(
        profile,
        lambda: msal.PublicClientApplication(
            profile.client_id, **_app_kwargs(profile, session, cache)
        ),
    )

    def acquire(resource: Resource, fresh: bool) -> Mapping[str, Any]:
        scopes = [_scope(profile, resource)]
        accounts = app.get_accounts()
        if accounts:  # force_refresh: redeem the refresh token, not the cached access token
            cached = app.acquire_token_silent(scopes, account=accounts[0], force_refresh=fresh)
            if cached and "access_token" in cached:
                return cached  # type: ignore[no-any-return]
        if not interactive:
            raise AuthError(
                f"no cached sign-in for profile {profile.name!r}",
                tip=f"sign in once: m365inv login --profile {profile.name}",
            )
        flow = app.initiate_device_flow(scopes=scopes)
        if "user_code" not in flow:
            raise auth_error(flow, profile)
        on_code(
            DeviceCodePrompt(
                str(flow["message"]), str(flow["user_code"]), str(flow.get("verification_uri"))
            )
        )
        deadline = min(float(flow.get("expires_at", 0)) or float("inf"), time.time() + timeout)
        # MSAL polls at the server's interval; Ctrl-C raises KeyboardInterrupt out of its sleep.
        result = app.acquire_token_by_device_flow(
            flow, exit_condition=lambda f: time.time() >= deadline
        )
        if result.get("error") in ("authorization_pending", "slow_down"):
            raise AuthError(
                f"the device code was not approved within {int(timeout)} s",
                code="70016",
                tip=f"run m365inv login --profile {profile.name} again",
            )
        return result  # type: ignore[no-any-return]

    return MsalTokenSource(profile, acquire, cache, method="device_code")


def _managed_identity(
    profile: Profile, session: requests.Session, cache: VaultTokenCache
) -> MsalTokenSource:
    identity: Any = (
        msal.UserAssignedManagedIdentity(client_id=profile.client_id)
        if profile.client_id
        else msal.SystemAssignedManagedIdentity()
    )
    client = msal.ManagedIdentityClient(identity, http_client=session, token_cache=cache.cache)

    def acquire(resource: Resource, fresh: bool) -> Mapping[str, Any]:
        base = profile.graph_endpoint if resource == "graph" else profile.exchange_endpoint
        # A claims challenge is MSAL's documented way to make a managed identity skip its cache.
        challenge = '{"access_token":{}}' if fresh else None
        return client.acquire_token_for_client(resource=base, claims_challenge=challenge)  # type: ignore[no-any-return]

    return MsalTokenSource(profile, acquire, cache, method="managed_identity")


def open_token_source(
    profile: Profile,
    *,
    vault: Vault | None,
    interactive: bool,
    on_device_code: DeviceCodeCallback | None = None,
    device_code_timeout: float = DEVICE_CODE_TIMEOUT_S,
) -> MsalTokenSource:
    """A :class:`~m365inv.auth.interface.TokenSource` for ``profile``.

    ``vault`` supplies secrets and keeps the token cache (None: environment variables only, cache
    in memory). ``interactive`` allows the device-code prompt; without it a device-code profile
    needs a cached sign-in.
    """
    session = TokenHttpSession(profile.ca_bundle)
    cache = VaultTokenCache(profile, vault)
    if profile.auth in ("secret", "certificate"):
        return _confidential(profile, vault, session, cache)
    if profile.auth == "device_code":
        return _device_code(
            profile,
            session,
            cache,
            interactive=interactive,
            on_code=on_device_code or (lambda prompt: None),
            timeout=device_code_timeout,
        )
    return _managed_identity(profile, session, cache)
