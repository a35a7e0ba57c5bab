"""Turn Entra's error answers into one-line :class:`AuthError`s that say how to fix them.

Entra puts ``AADSTS<code>: <text>. Trace ID: … Correlation ID: … Timestamp: …`` into
``error_description`` and the number into ``error_codes``. We keep the code, the first sentence
and a tip; trace ids and timestamps are noise on a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from m365inv.errors import AuthError
from m365inv.profiles import Profile

# code → (what happened, how to fix it); ``{…}`` fields are filled from the profile.
KNOWN: dict[str, tuple[str, str]] = {
    "7000215": (
        "the client secret was rejected",
        "store the current secret: m365inv vault set {name} (or set M365INV_CLIENT_SECRET)",
    ),
    "7000222": (
        "the client secret has expired",
        "create a new secret for the app and store it: m365inv vault set {name}",
    ),
    "700016": (
        "application {client_id} was not found in tenant {tenant}",
        "check client_id in the profile, and that an admin consented the app in this tenant",
    ),
    "90002": (
        "tenant {tenant} was not found",
        "check tenant_id and cloud in the profile (m365inv profile show {name})",
    ),
    "900023": (
        "{tenant} is not a valid tenant identifier",
        "use the tenant GUID or a verified domain as tenant_id",
    ),
    "65001": (
        "the app has no admin consent in this tenant",
        "an admin grants consent at: {consent_url}",
    ),
    "700027": (
        "the certificate assertion was rejected",
        "upload the certificate to the app registration (m365inv vault export-public {name})",
    ),
    "700021": (
        "the certificate assertion was rejected",
        "upload the certificate to the app registration (m365inv vault export-public {name})",
    ),
    "7000112": ("the application is disabled", "re-enable the app's service principal"),
    "500011": (
        "the resource is not available in tenant {tenant}",
        "the tenant may not have the service licensed; the check reports it as missing",
    ),
    "70016": ("the device code was not approved in time", "run m365inv login again"),
    "70020": ("the device code expired before it was approved", "run m365inv login again"),
    "53003": ("Conditional Access blocked the sign-in", "ask an admin to exclude this app"),
}

_CODE = re.compile(r"AADSTS(\d+)")


def _code(result: Mapping[str, Any]) -> str | None:
    codes = result.get("error_codes")
    if isinstance(codes, list) and codes:
        return str(codes[0])
    match = _CODE.search(str(result.get("error_description", "")))
    return match.group(1) if match else None


def _first_sentence(text: str) -> str:
    text = re.sub(r"^AADSTS\d+:\s*", "", text.strip()).split("\n")[0]
    text = re.split(r"\s*(Trace ID|Correlation ID|Timestamp):", text)[0]
    return text[:200].rstrip(". ")


def auth_error(result: Mapping[str, Any], profile: Profile) -> AuthError:
    """The :class:`AuthError` for an MSAL error ``result`` dict."""
    code = _code(result)
    fields = {
        "name": profile.name,
        "client_id": profile.client_id,
        "tenant": profile.tenant_id,
        "consent_url": profile.admin_consent_url(),
    }
    if code in KNOWN:
        what, tip = KNOWN[code]
        return AuthError(
            f"sign-in failed (AADSTS{code}): {what.format(**fields)}",
            code=code,
            tip=tip.format(**fields),
        )
    error = str(result.get("error") or "unknown_error")
    detail = _first_sentence(str(result.get("error_description") or ""))
    prefix = f"AADSTS{code}" if code else error
    return AuthError(f"sign-in failed ({prefix}): {detail or error}", code=code)
