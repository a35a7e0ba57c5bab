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


def test_no_activity_skips_the_read_so_a_tenant_without_p1_has_no_gap(
    sandbox_factory: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Entra ID P1 the sign-in-activity read is a gap on every run (exit 3); a scheduled
    job that accepts that can say ``--no-activity``: no read, no gap, no STALE_APP."""
    assert callable(sandbox_factory)
    sb: Sandbox = sandbox_factory(users=20, premium_licence=False)
    config = _config(sb, tmp_path, monkeypatch)
    args = ["scan", "--config", str(config), "--profile", "sb", "-q", "--format", "json"]
    with_read = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "a")])
    assert with_read.exit_code == 3, with_read.output  # the licence gap, named
    skipped = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "b"), "--no-activity"])
    assert skipped.exit_code == 0, skipped.output
    inv = json.loads((tmp_path / "b" / "inventory.json").read_text())
    assert all(c["complete"] for c in inv["coverage"])
    assert not _stale(inv)
