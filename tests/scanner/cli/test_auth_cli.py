"""``m365inv profile …``, ``login`` and ``check`` end to end against the sandbox."""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from m365inv.profiles import add_profile, validate_profile
from m365inv.sandbox import Sandbox
from tests.scanner.cli.conftest import RunCli

T = "11111111-2222-3333-4444-555555555555"
C = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def _sandbox_profile(
    sandbox: Sandbox, config: Path, *, auth: str = "secret", client_id: str | None = None
) -> None:
    info = sandbox.info
    raw = {
        "tenant_id": info.tenant_id,
        "client_id": client_id or info.client_id,
        "auth": auth,
        "cloud": "custom",
        "authority_host": info.authority_host,
        "graph_endpoint": info.graph_endpoint,
        "ca_bundle": info.ca_bundle,
    }
    add_profile(validate_profile("sandbox", raw), config)


def test_profile_add_list_show_remove(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = str(tmp_path / "p.toml")
    monkeypatch.setenv("M365INV_CLIENT_SECRET", "show-must-not-print-this")
    added = run_cli(
        "profile", "add", "contoso", "--tenant-id", T, "--client-id", C, "--config", cfg
    )
    assert added.code == 0, added.err
    assert "contoso" in run_cli("profile", "list", "--config", cfg).out
    shown = run_cli("profile", "show", "contoso", "--config", cfg)
    assert shown.code == 0
    assert "https://login.microsoftonline.com/" + T in shown.out
    assert "M365INV_CLIENT_SECRET is set" in shown.out
    assert "show-must-not-print-this" not in shown.out + shown.err
    assert run_cli("profile", "remove", "contoso", "--config", cfg).code == 0
    assert "no profiles" in run_cli("profile", "list", "--config", cfg).out


def test_profile_add_invalid_is_one_line_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    cfg = str(tmp_path / "p.toml")
    result = run_cli(
        "profile", "add", "x", "--tenant-id", "nope", "--client-id", C, "--config", cfg
    )
    assert result.code == 2
    assert result.err.startswith(
        "error: profile 'x': tenant_id must be a GUID or a verified domain"
    )
    custom = run_cli(
        "profile",
        "add",
        "y",
        "--tenant-id",
        T,
        "--client-id",
        C,
        "--cloud",
        "custom",
        "--config",
        cfg,
    )
    assert custom.code == 2 and "needs authority_host" in custom.err
    assert not Path(cfg).exists()


def test_check_all_granted(
    run_cli: RunCli,
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hostile_ca_env: str,
) -> None:
    cfg = tmp_path / "p.toml"
    _sandbox_profile(sandbox, cfg)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault"))
    result = run_cli("check", "--profile", "sandbox", "--config", str(cfg))
    assert result.code == 0, result.err
    assert "all permissions the scanner needs are granted" in result.out


def test_check_names_exactly_the_missing_permissions(
    run_cli: RunCli, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "p.toml"
    _sandbox_profile(sandbox, cfg)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault"))
    sandbox.set_client_roles(
        sandbox.info.client_id,
        {
            "Organization.Read.All",
            "User.Read.All",
            "GroupMember.Read.All",
            "Application.Read.All",
            "Directory.Read.All",
            "Exchange.ManageAsApp",
        },
    )
    result = run_cli("check", "--profile", "sandbox", "--config", str(cfg))
    assert result.code == 3
    missing = re.findall(r"^  (\S+): without it", result.err, flags=re.M)
    assert missing == ["Synchronization.Read.All", "AppCatalog.Read.All"]
    assert "2 permission(s) missing" in result.err
    info = sandbox.info
    assert (
        f"{info.authority_host}/{info.tenant_id}/adminconsent?client_id={info.client_id}"
        in result.text
    )


def test_check_wrong_secret_exit_5_and_secret_nowhere(
    run_cli: RunCli,
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cfg = tmp_path / "p.toml"
    _sandbox_profile(sandbox, cfg)
    wrong = "wrong-secret-ABCDEF-123456"
    monkeypatch.setenv("M365INV_CLIENT_SECRET", wrong)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault"))
    caplog.set_level(logging.DEBUG)
    result = run_cli("check", "--profile", "sandbox", "--config", str(cfg))
    assert result.code == 5
    assert result.err.startswith(
        "error: sign-in failed (AADSTS7000215): the client secret was rejected"
    )
    assert "Traceback" not in result.err
    assert wrong not in result.out + result.err + caplog.text + cfg.read_text()


def test_secret_never_in_debug_logs_vault_or_output(
    run_cli: RunCli,
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cfg = tmp_path / "p.toml"
    vault = tmp_path / "vault.m365v"
    _sandbox_profile(sandbox, cfg)
    monkeypatch.setenv("M365INV_VAULT", str(vault))
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "a passphrase for the test")
    secret = sandbox.info.client_secret
    caplog.set_level(logging.DEBUG)
    outputs = [run_cli("--debug", "vault", "init")]
    outputs.append(
        run_cli("--debug", "vault", "set", "sandbox", "--config", str(cfg), stdin=secret.encode())
    )
    outputs.append(run_cli("--debug", "check", "--profile", "sandbox", "--config", str(cfg)))
    outputs.append(run_cli("--debug", "vault", "list"))
    outputs.append(run_cli("--debug", "profile", "show", "sandbox", "--config", str(cfg)))
    assert [r.code for r in outputs] == [0, 0, 0, 0, 0]
    everything = "".join(r.out + r.err for r in outputs) + caplog.text
    assert secret not in everything
    assert "token_cache" in outputs[3].out  # the check's token cache went into the vault
    for blob in (vault.read_bytes(), cfg.read_bytes()):
        assert secret.encode() not in blob


def _spawn_login(sandbox: Sandbox, tmp_path: Path) -> subprocess.Popen[str]:
    cfg = tmp_path / "p.toml"
    _sandbox_profile(sandbox, cfg, auth="device_code", client_id=sandbox.info.public_client_id)
    env = {k: v for k, v in os.environ.items() if not k.startswith("M365INV_")}
    env.update({"M365INV_VAULT": str(tmp_path / "no-vault"), "COLUMNS": "200"})
    return subprocess.Popen(
        [sys.executable, "-m", "m365inv", "login", "--profile", "sandbox", "--config", str(cfg)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for_code(proc: subprocess.Popen[str]) -> str:
    found: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            match = re.search(r"enter the code (\S+)", line)
            if match:
                found.append(match.group(1))
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert found, "login did not print a device code"
    return found[0]


def test_login_device_code_approved(sandbox: Sandbox, tmp_path: Path) -> None:
    proc = _spawn_login(sandbox, tmp_path)
    try:
        sandbox.approve_device_code(_wait_for_code(proc))
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    # delegated: the sandbox's public client holds every Graph scope but no Exchange.Manage
    assert proc.returncode == 3, err
    assert "signed in to" in out
    assert re.findall(r"^  (.+?): without it", err, flags=re.M) == [
        "Exchange.Manage (Exchange Online)"
    ]


def test_login_ctrl_c_while_waiting_is_clean(sandbox: Sandbox, tmp_path: Path) -> None:
    proc = _spawn_login(sandbox, tmp_path)
    try:
        _wait_for_code(proc)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert err.rstrip().splitlines()[-1] == "interrupted"  # one line, not typer's silent 130
