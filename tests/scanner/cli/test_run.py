"""The main jobs end to end: ``demo`` artefacts, ``snapshot`` + ``diff`` after tenant changes,
``scan`` exit codes and ``--fail-on`` gates — real MSAL and Graph against the sandbox."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from m365inv.cli import app
from m365inv.demo import sandbox_profile
from m365inv.errors import ConfigError
from m365inv.profiles import add_profile
from m365inv.reports.fides import validate_manifest
from m365inv.reports.json_feed import schema
from m365inv.sandbox import Sandbox
from m365inv.sandbox.tenant_apps import EMILIE, MAILPRO
from m365inv.sandbox.tenant_extras import MAILPRO_MAPPINGS
from tests.reports import browser

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No vault, a private store and config: everything the run leaves is under tmp_path."""
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    return tmp_path


def _profile(sb: Sandbox, env: Path, monkeypatch: pytest.MonkeyPatch, name: str = "t") -> Path:
    config = env / "profiles.toml"
    prof = sandbox_profile(sb.info)
    add_profile(type(prof)(**{**prof.__dict__, "name": name}), config)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    return config


def test_demo_writes_every_artefact(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "m365inv", "demo", "--out", str(out), "--users", "500", "-q"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "5 vendor(s) matched" in proc.stdout
    inv = json.loads((out / "inventory.json").read_text())
    jsonschema.validate(inv, schema())
    assert {a["vendor"]["id"] for a in inv["apps"] if a["vendor"]} == {
        "axontic-mailissa",
        "mailstore",
        "utilitas-contactsync",
        "milliways-emilie",
        "mailprofessionals",
    }
    book = openpyxl.load_workbook(out / "art30-record.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) > 5
    validate_manifest(yaml.safe_load((out / "fides-systems.yml").read_text()))
    assert (out / "summary.md").read_text().strip()
    assert (out / "snapshots.sqlite3").exists()
    # the sandbox's vendors without a disclosure on file are drafted from the policies it serves
    drafts = sorted((out / "vendors-draft").glob("*.yaml"))
    assert len(drafts) == 4, drafts
    assert "4 of " in proc.stdout and "drafted from their privacy statements" in proc.stdout
    for path in drafts:
        data = yaml.safe_load(path.read_text("utf-8"))
        assert data["draft"] is True and data["disclosures"], path
        assert data["recognition"]["app_ids"], path
        assert path.with_name(path.name.removesuffix(".yaml") + ".policy.txt").exists()
    for f in out.iterdir():
        assert f.stat().st_mode & 0o077 == 0, f  # reports hold personal data: owner-only
    if browser.CHROMIUM is None:
        pytest.skip("chromium is not installed (CI installs it)")
    errors, title = browser.inspect((out / "report.html").as_uri())
    assert errors == []
    assert title
    hostile = [a["displayName"] for a in inv["apps"] if "<script>" in (a["displayName"] or "")]
    assert hostile, "the sandbox plants an app with markup in its name"
    dom = browser.dump_dom((out / "report.html").as_uri())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # the hostile name stays text
    assert "<script" not in dom.lower()


def test_snapshot_then_diff_reports_exactly_the_changes(
    sandbox_factory, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(users=60, seed=7)
    config = _profile(sb, env, monkeypatch)
    first = runner.invoke(app, ["snapshot", "-p", "t", "--config", str(config), "-q"])
    assert first.exit_code in (0, 3), first.output
    tenant = sb.tenant
    # 1. a new app gets tenant-wide consent
    new_sp = tenant.add_service_principal("Acme Notes")
    tenant.add_delegated_grant(new_sp["id"], "User.Read Notes.Read.All")
    # 2. Emilie's tenant-wide delegated grant is revoked
    emilie = tenant.sp_id(tenant.vendor_index(EMILIE))
    grant = next(g for _, g in tenant.grants.iter_live() if g["clientId"] == emilie)
    tenant.remove_delegated_grant(grant["id"])
    # 3. the signature service gets one more provisioned attribute
    mailpro = tenant.sp_id(tenant.vendor_index(MAILPRO))
    tenant.set_provisioning_mapping(mailpro, [*MAILPRO_MAPPINGS, ("employeeId", "employeeNumber")])

    second = runner.invoke(app, ["snapshot", "-p", "t", "--config", str(config), "-q"])
    assert second.exit_code in (0, 3), second.output
    diff = runner.invoke(app, ["diff", "--profile", "t", "--format", "json"])
    assert diff.exit_code == 0, diff.output
    changes = json.loads(diff.output)["changes"]
    kinds = {(c["kind"], c.get("appName"), c["item"]) for c in changes}
    assert ("app-added", "Acme Notes", "Acme Notes") in kinds or any(
        k == "app-added" and n == "Acme Notes" for k, n, _ in kinds
    )
    lost = {(n, i) for k, n, i in kinds if k == "permission-lost"}
    assert ("Telefonsekretariat Emilie", "User.Read") in lost
    assert ("Telefonsekretariat Emilie", "Calendars.Read") in lost
    assert (
        "provisioning-attribute-added",
        "Mail Professionals Signatures",
        "employeeNumber",
    ) in kinds
    touched = {n for _, n, _ in kinds}
    assert touched <= {"Acme Notes", "Telefonsekretariat Emilie", "Mail Professionals Signatures"}
    history = runner.invoke(app, ["history", "--profile", "t", "--json"])
    assert history.exit_code == 0 and len(json.loads(history.output)) == 2


def test_snapshot_repeat_uses_delta(
    sandbox_factory, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sb = sandbox_factory(users=300, seed=11)
    config = _profile(sb, env, monkeypatch)
    assert runner.invoke(app, ["snapshot", "-p", "t", "--config", str(config), "-q"]).exit_code in (
        0,
        3,
    )
    full = sb.stats.total
    sb.stats.reset()
    sb.tenant.add_user("Neue Kollegin")
    repeat = runner.invoke(app, ["snapshot", "-p", "t", "--config", str(config), "-q"])
    assert repeat.exit_code in (0, 3), repeat.output
    assert sb.stats.by_route["GET /v1.0/users"] == 0  # changes only, through /users/delta
    assert sb.stats.by_route["GET /v1.0/users/delta"] == 1
    assert sb.stats.total < full
    history = runner.invoke(app, ["history", "--profile", "t", "--json"])
    assert len(json.loads(history.output)) == 2


def test_scan_fail_on_gates_and_gaps(
    sandbox: Sandbox, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _profile(sandbox, env, monkeypatch)
    out = env / "out"
    base = ["scan", "-p", "t", "--config", str(config), "--out", str(out), "-q", "-f", "json"]
    assert runner.invoke(app, base).exit_code == 0
    gated = runner.invoke(app, [*base, "--fail-on", "high"])
    assert gated.exit_code == 4 and "at or above high" in gated.output
    bad = runner.invoke(app, [*base, "--fail-on", "hgih"])
    assert isinstance(bad.exception, ConfigError)  # main() turns it into exit 2, one line
    assert "unknown --fail-on value 'hgih'" in str(bad.exception)
    sandbox.set_client_roles(sandbox.info.client_id, {"User.Read.All", "Application.Read.All"})
    gaps = runner.invoke(app, base)
    assert gaps.exit_code == 3
    assert "coverage gaps" in gaps.output


def test_scan_all_scans_every_profile(
    sandbox_factory, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = sandbox_factory(users=30, seed=1), sandbox_factory(users=40, seed=2)
    config = _profile(a, env, monkeypatch, "alpha")
    _profile(b, env, monkeypatch, "beta")
    # One secret in the environment (alpha's): beta's sign-in fails on its own, alpha's scan
    # still lands, and the exit code is beta's (5, sign-in failed).
    monkeypatch.setenv("M365INV_CLIENT_SECRET", a.info.client_secret)
    result = runner.invoke(
        app,
        ["scan", "--all", "--config", str(config), "--out", str(env / "all"), "-q", "-f", "json"],
    )
    assert (env / "all" / "alpha" / "inventory.json").exists()
    assert not (env / "all" / "beta").exists()
    assert "beta: failed" in result.output
    assert result.exit_code == 5
