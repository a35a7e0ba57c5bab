"""The sandbox serves fictional privacy policies for some third-party apps on its own origin,
and those apps name them in ``info.privacyStatementUrl`` as Graph returns it."""

from __future__ import annotations

import io
import ssl

import httpx
from pypdf import PdfReader

from m365inv.sandbox import Sandbox
from m365inv.sandbox.policy_pages import POLICY_PATH, POLICY_VENDORS
from m365inv.sandbox.tenant import Tenant


def _client(sb: Sandbox) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=sb.info.ca_bundle))


def test_policies_served_as_html_and_pdf(sandbox: Sandbox) -> None:
    base = sandbox.info.graph_endpoint
    with _client(sandbox) as client:
        for vendor in POLICY_VENDORS.values():
            resp = client.get(f"{base}{vendor.path}")
            assert resp.status_code == 200, vendor.slug
            if vendor.kind == "pdf":
                assert resp.headers["content-type"] == "application/pdf"
                text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(resp.content)).pages)
            else:
                assert resp.headers["content-type"].startswith("text/html")
                text = resp.text
            assert vendor.company.split(",")[0].split()[0] in text
        langs = {client.get(f"{base}{v.path}").text[:60] for v in POLICY_VENDORS.values()}
        assert any('lang="de"' in t for t in langs) and any('lang="en"' in t for t in langs)
        assert client.get(f"{base}{POLICY_PATH}/missing.html").status_code == 404


def test_apps_name_their_policy_on_the_sandbox_origin(sandbox: Sandbox) -> None:
    token = sandbox.mint_token()
    base = sandbox.info.graph_endpoint
    with _client(sandbox) as client:
        resp = client.get(
            f"{base}/v1.0/servicePrincipals",
            params={"$select": "displayName,info", "$top": "999"},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert resp.status_code == 200, resp.text
    urls = {
        sp["displayName"]: sp["info"]["privacyStatementUrl"]
        for sp in resp.json()["value"]
        if sp["info"]["privacyStatementUrl"]
    }
    for vendor in POLICY_VENDORS.values():
        assert urls[vendor.app_name] == f"{base}{vendor.path}"


def test_a_tenant_not_served_names_no_policy_url() -> None:
    tenant = Tenant(seed=1, users=20)
    sps = [tenant.service_principals.get(i) for i in range(len(tenant.service_principals))]
    names = {v.app_name for v in POLICY_VENDORS.values()}
    ours = [sp for sp in sps if sp and sp["displayName"] in names]
    assert len(ours) == len(POLICY_VENDORS)
    assert all(sp["info"]["privacyStatementUrl"] is None for sp in ours)
