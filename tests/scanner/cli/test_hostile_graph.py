"""Malformed Graph JSON end to end: ``m365inv scan`` against a sandbox that answers one
collection with a cut-off body every time. The scan must finish, name the gap, keep the other
sections, exit 3 — and say so in one stderr line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from m365inv.demo import sandbox_profile
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.cli.conftest import RunCli


@pytest.fixture
def scan_env(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "profiles.toml"
    add_profile(sandbox_profile(sandbox.info), config)
    monkeypatch.setenv("M365INV_CONFIG", str(config))
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    return tmp_path


def test_persistently_malformed_collection_is_a_named_gap(
    sandbox: Sandbox, scan_env: Path, run_cli: RunCli
) -> None:
    rule = FaultRule(path_contains="/v1.0/oauth2PermissionGrants", malformed=True, remaining=500)
    sandbox.faults.add(rule)
    out = scan_env / "out"
    result = run_cli("scan", "--profile", "sandbox", "--out", str(out), "-q")
    assert rule.remaining < 500 - 2  # served, and retried: it is not a one-off
    assert result.code == 3, result.err
    assert "Traceback" not in result.out + result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 2, result.err
    assert lines[0].startswith("warning: oauth2PermissionGrants not read: malformed")
    # who consented is derived from the grants: not "nobody", but "not read" too
    assert lines[1] == (
        "warning: principals not read: derived from oauth2PermissionGrants, "
        "which was not read completely"
    )
    inv = json.loads((out / "inventory.json").read_text())
    gaps = [c for c in inv["coverage"] if not c["complete"]]
    assert [g["source"] for g in gaps] == ["oauth2PermissionGrants", "principals"]
    assert "malformed" in gaps[0]["error"]
    complete = {c["source"]: c["itemCount"] for c in inv["coverage"] if c["complete"]}
    assert complete["users"] > 0 and complete["servicePrincipals"] > 0
    assert complete["appRoleAssignedTo"] > 0
    names = {a["displayName"] for a in inv["apps"]}
    assert {"MailStore Server", "Mail Professionals Signatures"} <= names  # other sections
    # the reports say "not read", never "nothing found"
    assert "oauth2PermissionGrants" in (out / "summary.md").read_text()
    assert "oauth2PermissionGrants" in result.out


def test_hostile_display_names_survive_to_every_report(
    sandbox: Sandbox, scan_env: Path, run_cli: RunCli
) -> None:
    """Tenant strings are data: escaped in HTML, quoted in YAML, never markup or a formula."""
    out = scan_env / "out"
    result = run_cli("scan", "--profile", "sandbox", "--out", str(out), "-q")
    assert result.code == 0, result.err
    assert result.err == ""
    hostile = "=cmd|' /C calc'!A0 Add-in"  # a formula-injection add-in in the sandbox tenant
    inv = json.loads((out / "inventory.json").read_text())
    assert hostile in {a["displayName"] for a in inv["apps"]}  # carried through verbatim
    html = (out / "report.html").read_text()
    assert "=cmd|&#39; /C calc&#39;!A0" in html
    assert hostile not in html
    fides = yaml.safe_load((out / "fides-systems.yml").read_text())
    assert hostile in json.dumps(fides, ensure_ascii=False)  # quoted YAML, read back exactly
