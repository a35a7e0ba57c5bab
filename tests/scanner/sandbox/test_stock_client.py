"""Issue 9 item 16: a stock msgraph-sdk client signs in and reads as it would on Entra + Graph.

Without explicit scopes, ``GraphServiceClient`` (kiota's token provider) asks for
``https://{request host}/.default`` — ``https://graph.microsoft.com/.default`` on Graph, the
sandbox's host without its port here; code often passes ``https://graph.microsoft.com/.default``
itself; Entra also accepts Graph's appId ``00000003-0000-0000-c000-000000000000`` as the resource;
and the sandbox's own URL is its Graph. Every one must sign in and read, and the token's ``aud``
is the identifier asked for, as Entra sets it. The credential is azure-identity's
``ClientSecretCredential`` (MSAL underneath) pointed at the sandbox authority; the only non-stock
step is trusting the sandbox CA (``SSL_CERT_FILE`` for httpx, ``connection_verify`` for azure-core).
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import pytest
from azure.identity.aio import ClientSecretCredential
from msgraph.graph_service_client import GraphServiceClient

from m365inv.sandbox import Sandbox

SCOPES = (
    None,  # the SDK's default: kiota derives "https://{host}/.default" from the request URL
    "https://graph.microsoft.com/.default",
    "00000003-0000-0000-c000-000000000000/.default",
    "{base}/.default",
)


def _claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    result: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return result


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # msgraph-sdk's generated builders
@pytest.mark.parametrize("scope", SCOPES)
def test_stock_sdk_client_reads_the_sandbox(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, scope: str | None
) -> None:
    info = sandbox.info
    monkeypatch.setenv("SSL_CERT_FILE", info.ca_bundle)
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    scopes = [scope.format(base=info.graph_endpoint)] if scope else None

    async def run() -> tuple[Any, Any, str]:
        credential = ClientSecretCredential(
            info.tenant_id,
            info.client_id,
            info.client_secret,
            authority=info.authority_host,
            disable_instance_discovery=True,
            connection_verify=info.ca_bundle,
        )
        async with credential:
            client = GraphServiceClient(credential, scopes=scopes)
            client.request_adapter.base_url = f"{info.graph_endpoint}/v1.0"
            org = await client.organization.get()
            app_id = sandbox.tenant.scanner_app_id
            sp = await client.service_principals_with_app_id(app_id).get()
            token = await credential.get_token(*(scopes or ["https://127.0.0.1/.default"]))
            return org, sp, token.token

    org, sp, token = asyncio.run(run())
    assert org is not None and org.value and org.value[0].id == info.tenant_id
    assert sp is not None and sp.app_id == sandbox.tenant.scanner_app_id
    expected = (scope or "https://127.0.0.1/.default").format(base=info.graph_endpoint)
    assert _claims(token)["aud"] == expected.removesuffix("/.default")  # as Entra sets it


def test_unknown_resource_is_still_aadsts500011(sandbox: Sandbox) -> None:
    import msal
    import requests

    session = requests.Session()
    session.trust_env = False
    session.verify = sandbox.info.ca_bundle
    app = msal.ConfidentialClientApplication(
        sandbox.info.client_id,
        client_credential=sandbox.info.client_secret,
        authority=sandbox.info.authority,
        http_client=session,
        instance_discovery=False,
    )
    result = app.acquire_token_for_client(["https://contoso.example/.default"])
    assert "AADSTS500011" in str(result.get("error_description"))
    session.close()
