"""Helpers for the Graph simulator tests (no tests here): an app-only token from the sandbox's
real token endpoint, and a requests session that trusts only the sandbox CA."""

from __future__ import annotations

from typing import Any

import requests

from m365inv.sandbox import Sandbox


class GraphClient:
    def __init__(self, sb: Sandbox, *, audience: str | None = None) -> None:
        self.info = sb.info
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.verify = str(self.info.ca_bundle)
        self.audience = audience or self.info.graph_endpoint
        self.token = self.new_token()

    def new_token(self) -> str:
        i = self.info
        resp = self.http.post(
            f"{i.authority_host}/{i.tenant_id}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": i.client_id,
                "client_secret": i.client_secret,
                "scope": f"{self.audience}/.default",
            },
            timeout=10,
        )
        resp.raise_for_status()
        return str(resp.json()["access_token"])

    def get(self, path: str, **headers: str) -> requests.Response:
        url = path if path.startswith("https://") else f"{self.info.graph_endpoint}/v1.0/{path}"
        return self.http.get(
            url, headers={"Authorization": f"Bearer {self.token}", **headers}, timeout=30
        )

    def post(self, path: str, body: Any, **headers: str) -> requests.Response:
        url = f"{self.info.graph_endpoint}/v1.0/{path}"
        return self.http.post(
            url, json=body, timeout=30, headers={"Authorization": f"Bearer {self.token}", **headers}
        )

    def all_pages(self, path: str, limit: int = 200, **headers: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        url: str | None = path
        for _ in range(limit):
            if url is None:
                return items
            resp = self.get(url, **headers)
            assert resp.status_code == 200, resp.text
            body = resp.json()
            items += body["value"]
            url = body.get("@odata.nextLink")
        raise AssertionError("paging did not end")


def assert_graph_error(resp: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"code", "message", "innerError"}
    assert err["code"] == code
    assert set(err["innerError"]) == {"date", "request-id", "client-request-id"}
    assert resp.headers["request-id"] == err["innerError"]["request-id"]
    assert resp.headers["client-request-id"] == err["innerError"]["client-request-id"]
    return dict(err)
