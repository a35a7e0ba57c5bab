"""``m365inv scan`` end to end: profile → sign-in → collect → resolve → inventory.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from m365inv.cli import app
from m365inv.sandbox import Sandbox


def _config(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    info = sandbox.info
    config = tmp_path / "profiles.toml"
    config.write_text(
        f'[tenants.sb]\ntenant_id = "{info.tenant_id}"\nclient_id = "{info.client_id}"\n'
        f'auth = "secret"\ncloud = "custom"\nauthority_host = "{info.authority_host}"\n'
        f'graph_endpoint = "{info.graph_endpoint}"\n'
        f'exchange_endpoint = "{info.exchange_endpoint}"\n'
        f'ca_bundle = "{info.ca_bundle}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("M365INV_CLIENT_SECRET", info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault"))
    return config


def _stale(inv: dict[str, object]) -> set[str]:
    apps = inv["apps"]
    assert isinstance(apps, list)
    return {a["displayName"] for a in apps if any(f["code"] == "STALE_APP" for f in a["findings"])}


def test_scan_writes_inventory(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(sandbox, tmp_path, monkeypatch)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["scan", "--config", str(config), "--profile", "sb", "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    inv = json.loads((out / "inventory.json").read_text())
    names = {a["displayName"] for a in inv["apps"]}
    assert {"MailStore Server", "Mailissa", "Mail Professionals Signatures"} <= names
    mailstore = next(a for a in inv["apps"] if a["displayName"] == "MailStore Server")
    values = {p["value"] for p in mailstore["permissions"]}
    assert {"Mail.Read", "User.Read.All", "full_access_as_app"} <= values
    assert all(c["complete"] for c in inv["coverage"])
    assert "ContactSync" in _stale(inv)  # default threshold: 90 days


def test_inactive_days_option_moves_the_threshold(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(sandbox, tmp_path, monkeypatch)
    out = tmp_path / "out"
    args = ["scan", "--config", str(config), "--profile", "sb", "--out", str(out), "-q"]
    result = CliRunner().invoke(app, [*args, "--inactive-days", "400", "--format", "json"])
    assert result.exit_code == 0, result.output
    inv = json.loads((out / "inventory.json").read_text())
    stale = _stale(inv)
    assert "ContactSync" not in stale  # its last sign-in is 200-300 days ago
    never = {a["displayName"] for a in inv["apps"] if a["lastSignIn"] is None}
    assert stale <= never  # only apps with no sign-in on record remain
