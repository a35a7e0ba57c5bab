"""Teams apps: publishing states (docs example body and the sandbox) and the app-only 403."""

from __future__ import annotations

import asyncio
import json
import threading

from m365inv.auth import DeviceCodePrompt, open_token_source
from m365inv.collect import CollectOptions, collect_tenant
from m365inv.collect.teams import APP_ONLY_403, _TeamsApp, teams_app_from
from m365inv.graph import sansio
from m365inv.profiles import validate_profile
from m365inv.sandbox import Sandbox
from tests.scanner.collect.test_samples import body
from tests.scanner.collect.tokens import MsalTokenSource

FAST = CollectOptions(concurrency=8, exchange_addins=False)


def _defn(state: str, client: str | None, modified: str) -> dict[str, object]:
    auth = {"clientAppId": client, "requiredPermissionSet": {"resourceSpecificPermissions": []}}
    return {"publishingState": state, "authorization": auth, "lastModifiedDateTime": modified,
            "azureADAppId": None, "displayName": "X"}  # fmt: skip


def _app(*defs: dict[str, object]) -> _TeamsApp:
    raw = {"id": "t1", "displayName": "X", "distributionMethod": "organization",
           "appDefinitions": list(defs)}  # fmt: skip
    return sansio.decode_json(json.dumps(raw).encode(), _TeamsApp)


def test_docs_example_with_published_definition_and_no_entra_app() -> None:
    page = sansio.decode_page(body("teams_apps_expand_definitions_docs.json"), _TeamsApp)
    [app] = [a for a in map(teams_app_from, page.value) if a is not None]
    assert (app.id, app.display_name, app.azure_ad_app_id) == (
        "876df28f-2e78-423b-94a5-44181bd0e225", "Test App", None,
    )  # fmt: skip


def test_publishing_states() -> None:
    published = _defn("published", "live-app", "2025-03-01T00:00:00Z")
    pending = _defn("submitted", None, "2025-04-01T00:00:00Z")  # listed after, newer
    app = teams_app_from(_app(published, pending))
    assert app is not None and app.azure_ad_app_id == "live-app"  # the update hides nothing
    assert teams_app_from(_app(_defn("rejected", "x", "2025-01-01T00:00:00Z"))) is None
    assert teams_app_from(_app(_defn("submitted", "y", "2025-01-01T00:00:00Z"))) is None
    # a rejected update next to a published version: the published one counts
    both = teams_app_from(_app(published, _defn("rejected", "evil", "2025-05-01T00:00:00Z")))
    assert both is not None and both.azure_ad_app_id == "live-app"


def test_sandbox_catalog_in_several_states(sandbox: Sandbox, source: MsalTokenSource) -> None:
    td = asyncio.run(collect_tenant(source, options=FAST))
    names = {t.display_name: t for t in td.teams_apps}
    assert set(names) == {"Emilie", "Schichtplan <i>intern</i>"}  # no rejected, no pending
    emilie_sp = sandbox.tenant.service_principals.get(sandbox.tenant.vendor_index(3)) or {}
    assert names["Emilie"].azure_ad_app_id == emilie_sp["appId"]  # despite the 1.5.0 update


def test_app_only_403_names_the_delegated_remedy(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(users=20, teams_delegated_only=True)
    src = MsalTokenSource(sb)
    try:
        td = asyncio.run(collect_tenant(src, options=FAST))
    finally:
        src.close()
    cov = {c.source: c for c in td.coverage}["teamsApps"]
    assert not cov.complete and cov.item_count == 0 and td.teams_apps == ()
    assert cov.error == APP_ONLY_403
    assert "delegated" in cov.error and "device_code" in cov.error
    assert cov.required_permission == "AppCatalog.Read.All (delegated)"


def test_delegated_sign_in_reads_the_catalog(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    """The remedy works: device-code (delegated) sign-in lists the catalog the app-only call
    could not."""
    sb = sandbox_factory(users=20, teams_delegated_only=True)
    info = sb.info
    profile = validate_profile(
        "sandbox",
        {"tenant_id": info.tenant_id, "client_id": info.public_client_id, "auth": "device_code",
         "cloud": "custom", "authority_host": info.authority_host,
         "graph_endpoint": info.graph_endpoint, "ca_bundle": info.ca_bundle},
    )  # fmt: skip

    def approve(prompt: DeviceCodePrompt) -> None:
        threading.Timer(0.2, sb.approve_device_code, args=(prompt.user_code,)).start()

    src = open_token_source(profile, vault=None, interactive=True, on_device_code=approve)
    td = asyncio.run(collect_tenant(src, options=FAST))
    cov = {c.source: c for c in td.coverage}["teamsApps"]
    assert cov.complete and {t.display_name for t in td.teams_apps} >= {"Emilie"}
