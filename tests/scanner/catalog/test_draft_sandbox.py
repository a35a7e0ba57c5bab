"""``catalog draft --from-inventory`` on a scan of the sandbox tenant (issue 11 "done when"):
real MSAL and Graph for the scan, then the policies the sandbox serves for some of its
third-party apps over its own HTTPS (three HTML pages, German and English, one PDF), fetched
through the CLI with the sandbox's CA — drafts with items, recognition from the tenant, and every
vendor that could not be drafted named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from m365inv.catalog.draft import slug
from m365inv.demo import sandbox_profile
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox
from m365inv.sandbox.policy_pages import POLICY_PATH, POLICY_VENDORS
from tests.scanner.catalog.conftest import Run


def test_draft_from_a_sandbox_scan(
    sandbox_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Run
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    sb: Sandbox = sandbox_factory(users=60, seed=5)
    origin = sb.info.graph_endpoint
    # One more app whose privacy statement link is dead: it must be named as failed.
    dead = sb.tenant.add_service_principal(
        "Dead Link Notes",
        info={
            "logoUrl": None,
            "marketingUrl": None,
            "privacyStatementUrl": f"{origin}{POLICY_PATH}/gone.html",
            "supportUrl": None,
            "termsOfServiceUrl": None,
        },
    )
    sb.tenant.add_delegated_grant(dead["id"], "User.Read Notes.Read.All")
    config = tmp_path / "profiles.toml"
    add_profile(sandbox_profile(sb.info), config)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    out = tmp_path / "scan"
    code, output = cli(
        "scan", "-p", "sandbox", "--config", str(config),
        "--out", str(out), "-q", "-f", "json",
    )  # fmt: skip
    assert code in (0, 3), output
    inv = json.loads((out / "inventory.json").read_text("utf-8"))
    by_name = {a["displayName"]: a for a in inv["apps"]}
    policy_apps = [by_name[v.app_name] for v in POLICY_VENDORS.values()]
    for a in policy_apps:  # Graph's info.privacyStatementUrl, on the sandbox's own origin
        assert a["vendor"] is None and a["privacyStatementUrl"].startswith(
            f"{origin}{POLICY_PATH}/"
        )

    drafts = tmp_path / "drafts"
    code, output = cli(
        "catalog", "draft", "--from-inventory", str(out / "inventory.json"),
        "--ca-bundle", sb.info.ca_bundle, "--allow-private-hosts", "--out-dir", str(drafts),
        "--cache-dir", str(tmp_path / "cache"),
    )  # fmt: skip
    text = " ".join(output.split())
    assert code == 3, output  # not every vendor could be drafted
    dead_app = by_name["Dead Link Notes"]
    dead_name = dead_app["publisher"]["name"] or dead_app["displayName"]
    assert f"failed {dead_name}: {origin}{POLICY_PATH}/gone.html: HTTP 404" in text
    unmatched = {
        (a["publisher"]["name"] or a["displayName"] or a["appId"])
        for a in inv["apps"]
        if not a["firstParty"] and not a["scanner"] and a["vendor"] is None
    }
    skipped = unmatched - {a["publisher"]["name"] or a["displayName"] for a in policy_apps}
    skipped -= {dead_name}
    assert skipped  # plenty of apps name no privacy statement …
    for name in skipped:  # … and each is named (display names are sanitised for the terminal)
        if name.isprintable() and "<" not in name and "[" not in name:
            assert f"skipped {name}: no privacy statement URL" in text, name
    assert f"{len(POLICY_VENDORS)} of {len(unmatched)} vendor(s) drafted" in text
    assert "pdf, language en" in text and "html, language de" in text
    assert "m365inv Scanner" not in text  # the scanner's own app is nobody's vendor

    for vendor, a in zip(POLICY_VENDORS.values(), policy_apps, strict=True):
        name = a["publisher"]["name"] or a["displayName"]
        data = yaml.safe_load((drafts / f"{slug(name)}.yaml").read_text("utf-8"))
        assert data["draft"] is True
        assert data["policy"]["url"] == f"{origin}{vendor.path}"
        assert len(data["disclosures"]) >= 5, vendor.slug
        policy_text = (drafts / f"{slug(name)}.policy.txt").read_text("utf-8")
        # each item carries the sentence it came from (modulo whitespace and the Markdown
        # emphasis trafilatura keeps around "**Identity Data:**")
        flat = " ".join(policy_text.replace("*", "").split())
        for item in data["disclosures"]:
            assert item["source"] and " ".join(item["source"].split()) in flat, item
        recognition = data["recognition"]
        assert recognition["app_ids"] == [a["appId"]]
        assert vendor.host in recognition["observed_domains"]
        assert "127.0.0.1" not in recognition["observed_domains"]
        if a["publisher"]["verifiedPublisherId"]:
            assert recognition["verified_publisher_ids"] == [a["publisher"]["verifiedPublisherId"]]
        assert data["subprocessors"], vendor.slug
