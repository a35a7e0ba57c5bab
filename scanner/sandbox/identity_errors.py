"""Entra's token-endpoint error bodies, byte-for-byte in shape.

Entra answers every OAuth failure with the same JSON object::

    {"error": "invalid_client",
     "error_description": "AADSTS7000215: Invalid client secret provided. …\\r\\n"
                          "Trace ID: …\\r\\nCorrelation ID: …\\r\\nTimestamp: 2024-07-15 11:14:02Z",
     "error_codes": [7000215], "timestamp": "2024-07-15 11:14:02Z",
     "trace_id": "…", "correlation_id": "…",
     "error_uri": "https://login.microsoftonline.com/error?code=7000215"}

Clients (MSAL, azure-identity, our own auth layer) surface ``error_description`` to users and key
retry / re-prompt decisions on ``error``, so the sandbox reproduces both. Messages follow what
Entra returns today (see the AADSTS reference, learn.microsoft.com/entra/identity-platform/
reference-error-codes); ``error_uri`` points at the sandbox, never at Microsoft.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from aiohttp import web


class AadError(Exception):
    """Raised inside identity handlers; rendered by :func:`error_response`."""

    def __init__(self, status: int, error: str, code: int, message: str) -> None:
        super().__init__(f"AADSTS{code}: {message}")
        self.status = status
        self.error = error
        self.code = code
        self.message = message


def error_body(err: AadError, *, error_base: str, correlation_id: str | None = None) -> bytes:
    now = dt.datetime.now(dt.UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M:%SZ")
    trace_id = str(uuid.uuid4())
    corr = correlation_id or str(uuid.uuid4())
    description = (
        f"AADSTS{err.code}: {err.message}\r\nTrace ID: {trace_id}\r\n"
        f"Correlation ID: {corr}\r\nTimestamp: {stamp}"
    )
    body = {
        "error": err.error,
        "error_description": description,
        "error_codes": [err.code],
        "timestamp": stamp,
        "trace_id": trace_id,
        "correlation_id": corr,
        "error_uri": f"{error_base}/error?code={err.code}",
    }
    return json.dumps(body).encode()


def error_response(err: AadError, request: web.Request, *, error_base: str) -> web.Response:
    corr = request.headers.get("client-request-id")
    return web.Response(
        status=err.status,
        body=error_body(err, error_base=error_base, correlation_id=corr),
        content_type="application/json",
        charset="utf-8",
        headers={"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"},
    )


# -- the failures the sandbox reproduces; one constructor each keeps the wording in one place --


def unknown_tenant(tenant: str) -> AadError:
    return AadError(
        400,
        "invalid_tenant",
        90002,
        f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are "
        "signing into the correct cloud. Check with your subscription administrator, this may "
        "happen if there are no active subscriptions for the tenant.",
    )


def unknown_client(client_id: str, tenant_name: str) -> AadError:
    return AadError(
        400,
        "unauthorized_client",
        700016,
        f"Application with identifier '{client_id}' was not found in the directory "
        f"'{tenant_name}'. This can happen if the application has not been installed by the "
        "administrator of the tenant or consented to by any user in the tenant. You may have "
        "sent your authentication request to the wrong tenant.",
    )


def invalid_secret(client_id: str) -> AadError:
    return AadError(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the "
        f"client secret value, not the client secret ID, for a secret added to app '{client_id}'.",
    )


def missing_credential() -> AadError:
    return AadError(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or "
        "'client_secret'.",
    )


def missing_parameter(name: str) -> AadError:
    return AadError(
        400,
        "invalid_request",
        900144,
        f"The request body must contain the following parameter: '{name}'.",
    )


def unsupported_grant(grant: str) -> AadError:
    return AadError(
        400,
        "unsupported_grant_type",
        70003,
        f"The app requested an unsupported grant type '{grant}'.",
    )


def malformed_assertion() -> AadError:
    return AadError(400, "invalid_request", 50027, "JWT token is invalid or malformed.")


def assertion_key_not_found(client_id: str, thumbprint: str) -> AadError:
    return AadError(
        401,
        "invalid_client",
        700027,
        "The certificate with identifier used to sign the client assertion is not registered on "
        f"application. [Reason - The key was not found., Thumbprint of key used by client: "
        f"'{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph "
        f"to see configured keys for app Id '{client_id}'.]",
    )


def assertion_bad_signature(thumbprint: str) -> AadError:
    return AadError(
        401,
        "invalid_client",
        700027,
        "Client assertion contains an invalid signature. [Reason - The provided signature value "
        f"did not match the expected signature value., Thumbprint of key used by client: "
        f"'{thumbprint}']",
    )


def assertion_time_range(now: str, nbf: str, exp: str) -> AadError:
    return AadError(
        401,
        "invalid_client",
        700024,
        f"Client assertion is not within its valid time range. Current time: {now}, assertion "
        f"valid from {nbf}, expiry time of assertion {exp}.",
    )


def assertion_audience() -> AadError:
    return AadError(
        401,
        "invalid_client",
        700023,
        "Client assertion audience claim does not match Realm issuer.",
    )


def assertion_subject(client_id: str) -> AadError:
    return AadError(
        401,
        "invalid_client",
        700021,
        f"Client assertion application identifier doesn't match 'client_id' parameter "
        f"'{client_id}'.",
    )


def invalid_scope(scope: str) -> AadError:
    return AadError(
        400,
        "invalid_scope",
        70011,
        f"The provided value for the input parameter 'scope' isn't valid. The scope {scope} "
        "isn't valid.",
    )


def client_credentials_scope(scope: str) -> AadError:
    return AadError(
        400,
        "invalid_scope",
        1002012,
        f"The provided value for scope {scope} is not valid. Client credential flows must have "
        "a scope value with /.default suffixed to the resource identifier (application ID URI).",
    )


def unknown_resource(resource: str, tenant_name: str) -> AadError:
    return AadError(
        400,
        "invalid_resource",
        500011,
        f"The resource principal named {resource} was not found in the tenant named "
        f"{tenant_name}. This can happen if the application has not been installed by the "
        "administrator of the tenant or consented to by any user in the tenant. You might have "
        "sent your authentication request to the wrong tenant.",
    )


def consent_required(client_id: str, scope: str) -> AadError:
    return AadError(
        400,
        "invalid_grant",
        65001,
        f"The user or administrator has not consented to use the application with ID "
        f"'{client_id}'. Send an interactive authorization request for this user and resource "
        f"({scope}).",
    )


def not_public_client() -> AadError:
    return AadError(
        400,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or "
        "'client_secret'.",
    )


def authorization_pending() -> AadError:
    return AadError(
        400,
        "authorization_pending",
        70016,
        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
    )


def device_code_expired() -> AadError:
    return AadError(
        400,
        "expired_token",
        70020,
        "The provided value for the input parameter 'device_code' is not valid. This device code "
        "has expired.",
    )


def device_code_declined() -> AadError:
    return AadError(
        400,
        "authorization_declined",
        70000,
        "The user or administrator declined the authorization request.",
    )


def bad_device_code() -> AadError:
    return AadError(
        400,
        "invalid_grant",
        70000,
        "Provided grant is invalid or malformed.",
    )


def bad_refresh_token() -> AadError:
    return AadError(
        400,
        "invalid_grant",
        9002313,
        "Invalid request. Request is malformed or invalid.",
    )


def transient(status: int) -> AadError:
    """What a queued fault answers on the token endpoint: Entra's retryable error."""
    return AadError(
        status,
        "temporarily_unavailable",
        90033,
        "A transient error has occurred. Please try again.",
    )
