"""A client-secret TokenSource for the benchmark's child processes (MSAL against the sandbox)."""

from __future__ import annotations

import ssl
import threading
from typing import Any

import msal
import requests


class BenchTokenSource:
    def __init__(self, info: dict[str, Any]) -> None:
        self._info = info
        self._ctx = ssl.create_default_context(cafile=info["ca_bundle"])
        session = requests.Session()
        session.trust_env = False
        session.verify = info["ca_bundle"]
        self._app = msal.ConfidentialClientApplication(
            info["client_id"],
            client_credential=info["client_secret"],
            authority=f"{info['authority_host']}/{info['tenant_id']}",
            http_client=session,
            instance_discovery=False,
        )
        self._lock = threading.Lock()

    @property
    def graph_endpoint(self) -> str:
        return str(self._info["graph_endpoint"])

    @property
    def exchange_endpoint(self) -> str:
        return str(self._info["exchange_endpoint"])

    @property
    def ssl_context(self) -> ssl.SSLContext:
        return self._ctx

    def token(self, resource: str = "graph", *, fresh: bool = False) -> str:
        base = self.graph_endpoint if resource == "graph" else self.exchange_endpoint
        with self._lock:
            if fresh:
                self._app.remove_tokens_for_client()
            result = self._app.acquire_token_for_client([f"{base}/.default"])
        return str(result["access_token"])

    def granted_permissions(self, resource: str = "graph") -> frozenset[str]:
        import base64
        import json

        payload = self.token(resource).split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return frozenset(claims.get("roles", []))
