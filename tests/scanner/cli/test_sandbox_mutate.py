"""``m365inv sandbox mutate``: change the running sandbox between two snapshots, through its
admin endpoint over HTTPS, and see exactly those changes in ``diff`` (issue 14, item 13)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from m365inv.cli.area_sandbox_mutate import ADMIN_PATH
from m365inv.cli.sandbox_client import ADMIN_HEADER
from m365inv.demo import sandbox_profile
from m365inv.errors import ExitCode
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox, admin
from m365inv.sandbox.tenant_apps import EMILIE, MAILPRO
from tests.scanner.cli.conftest import RunCli


@pytest.fixture
def served(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Sandbox, Path]:
    """A sandbox of its own (the tests change its tenant), its info file and a profile."""
    sb: Sandbox = sandbox_factory(users=60, seed=7)
    info = tmp_path / "info.json"
    info.write_text(json.dumps(sb.info.to_dict()))
    os.chmod(info, 0o600)
    add_profile(sandbox_profile(sb.info), tmp_path / "profiles.toml")
    monkeypatch.setenv("M365INV_CONFIG", str(tmp_path / "profiles.toml"))
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    return sb, info


def test_the_cli_names_the_endpoint_the_sandbox_serves() -> None:
    assert (ADMIN_PATH, ADMIN_HEADER) == (admin.ADMIN_PATH, admin.ADMIN_HEADER)


def test_mutations_show_up_in_the_next_snapshot_and_diff(
    run_cli: RunCli, served: tuple[Sandbox, Path]
) -> None:
    sb, info = served
    first = run_cli("snapshot", "-p", "sandbox", "-q")
    assert first.code in (ExitCode.OK, ExitCode.INCOMPLETE), first.err
    tenant = sb.tenant
    emilie = tenant.service_principals.by_id(tenant.sp_id(tenant.vendor_index(EMILIE)))
    mailpro = tenant.service_principals.by_id(tenant.sp_id(tenant.vendor_index(MAILPRO)))
    steps = [
        ("add-consent", "--app", "Acme Notes", "--scope", "User.Read Notes.Read.All", "--create"),
        ("add-user", "--name", "Neue Kollegin"),
        ("revoke-consent", "--app", emilie["displayName"]),
        ("set-provisioning", "--app", mailpro["appId"], "--map", "userPrincipalName=userName",
         "--map", "employeeId=employeeNumber"),
    ]  # fmt: skip
    said = []
    for step in steps:
        done = run_cli("sandbox", "mutate", *step, "--info", str(info))
        assert done.code == 0, done.err
        said.append(done.out.strip())
    assert said[0] == "granted User.Read Notes.Read.All to Acme Notes for every user"
    assert said[1].startswith("added user added.0@")
    assert said[3] == f"{mailpro['displayName']} now receives 2 attribute(s)"
    second = run_cli("snapshot", "-p", "sandbox", "-q")
    assert second.code in (ExitCode.OK, ExitCode.INCOMPLETE), second.err
    diff = run_cli("diff", "--profile", "sandbox", "--format", "json")
    assert diff.code == 0, diff.err
    kinds = {(c["kind"], c.get("appName"), c["item"]) for c in json.loads(diff.out)["changes"]}
    assert any(k == "app-added" and n == "Acme Notes" for k, n, _ in kinds)
    lost = {i for k, n, i in kinds if k == "permission-lost" and n == emilie["displayName"]}
    assert {"User.Read", "Calendars.Read"} <= lost
    added = {i for k, n, i in kinds if k == "provisioning-attribute-added"}
    assert "employeeNumber" in added
    touched = {n for _, n, _ in kinds}
    assert touched <= {"Acme Notes", emilie["displayName"], mailpro["displayName"]}
    assert any(u["displayName"] == "Neue Kollegin" for _, u in tenant.users.iter_live())


def test_messages_and_errors(run_cli: RunCli, served: tuple[Sandbox, Path], tmp_path: Path) -> None:
    sb, info = served
    granted = run_cli("sandbox", "mutate", "add-consent", "--app", "Acme Notes", "--scope",
                      "User.Read", "--create", "--user", "admin@" + sb.tenant.domain,
                      "--info", str(info))  # fmt: skip
    assert granted.code == 0, granted.err
    assert (
        granted.out.strip() == f"granted User.Read to Acme Notes for user admin@{sb.tenant.domain}"
    )
    unknown = run_cli("sandbox", "mutate", "revoke-consent", "--app", "No Such App",
                      "--info", str(info))  # fmt: skip
    assert unknown.code == ExitCode.USAGE
    assert unknown.err.startswith("error: no app 'No Such App' in the sandbox tenant")
    not_new = run_cli("sandbox", "mutate", "add-consent", "--app", "Brand New", "--scope",
                      "User.Read", "--info", str(info))  # fmt: skip
    assert not_new.code == ExitCode.USAGE and "--create" in not_new.err
    bad_map = run_cli("sandbox", "mutate", "set-provisioning", "--app", "Acme Notes", "--map",
                      "mail", "--info", str(info))  # fmt: skip
    assert bad_map.code == ExitCode.USAGE and "want SOURCE=TARGET" in bad_map.err
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**sb.info.to_dict(), "admin_secret": "guess"}))
    refused = run_cli("sandbox", "mutate", "add-user", "--name", "X", "--info", str(forged))
    assert refused.code == ExitCode.FATAL and "refused the admin secret" in refused.err
    assert not any(u["displayName"] == "X" for _, u in sb.tenant.users.iter_live())
