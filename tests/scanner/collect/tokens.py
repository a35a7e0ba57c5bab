"""A test TokenSource on real MSAL (client secret) against the sandbox's identity endpoints.

The product's TokenSource comes from the auth area; this one is the least needed to drive the
real code path (MSAL → HTTPS token endpoint → bearer token → Graph) in collection tests.
"""

from __future__ import annotations

import base64
import json
import ssl
import threading
from typing import Any

import msal
import requests

from m365inv.errors import AuthError
from m365inv.sandbox import Sandbox


class MsalTokenSource:
    def __init__(self, sb: Sandbox, *, client_id: str | None = None, secret: str | None = None):
        info = sb.info
        self._graph = info.graph_endpoint
        self._exchange = info.exchange_endpoint
        self._ctx = ssl.create_default_context(cafile=str(info.ca_bundle))
        session = requests.Session()
        session.trust_env = False
        session.verify = str(info.ca_bundle)
        self._session = session
        self._app = msal.ConfidentialClientApplication(
            client_id or info.client_id,
            client_credential=secret or info.client_secret,
            authority=f"{info.authority_host}/{info.tenant_id}",
            http_client=session,
            instance_discovery=False,  # never ask login.microsoftonline.com
        )
        self._lock = threading.Lock()
        self.token_calls = 0
        self.fresh_calls = 0

    @property
    def graph_endpoint(self) -> str:
        return self._graph

    @property
    def exchange_endpoint(self) -> str:
        return self._exchange

    @property
    def ssl_context(self) -> ssl.SSLContext:
        return self._ctx

    def token(self, resource: str = "graph", *, fresh: bool = False) -> str:
        base = self._graph if resource == "graph" else self._exchange
        with self._lock:
            self.token_calls += 1
            if fresh:
                self.fresh_calls += 1
                self._app.remove_tokens_for_client()
            result: dict[str, Any] = self._app.acquire_token_for_client([f"{base}/.default"])
        if "access_token" not in result:
            raise AuthError(f"sandbox sign-in failed: {result.get('error')}")
        return str(result["access_token"])

    def granted_permissions(self, resource: str = "graph") -> frozenset[str]:
        payload = self.token(resource).split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return frozenset(claims.get("roles", []) + str(claims.get("scp", "")).split())

    def close(self) -> None:
        self._session.close()
