"""``m365inv sandbox serve`` / ``approve``: the real process, its files, its one-line errors."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import msal
import pytest
import requests
from typer.testing import CliRunner

from m365inv.cli import app
from m365inv.errors import ConfigError, SandboxError
from m365inv.sandbox import Sandbox

_READY_TIMEOUT_S = 60.0


def _serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "m365inv", "sandbox", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + _READY_TIMEOUT_S
    while not path.exists():
        if proc.poll() is not None:
            pytest.fail(f"serve exited early: {proc.stderr.read() if proc.stderr else ''}")
        if time.monotonic() > deadline:
            pytest.fail("sandbox serve did not write its info file in time")
        time.sleep(0.1)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    info = tmp_path / "out" / "info.json"
    proc = _serve(
        "--port", "0", "--users", "50", "--seed", "7", "--info-out", str(info),
        "--profile-out", str(tmp_path / "out" / "profile.toml"),
        "--state-dir", str(tmp_path / "state"),
    )  # fmt: skip
    try:
        _wait_for(info, proc)
        yield proc, tmp_path / "out"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def test_serve_writes_info_and_profile_and_stops_cleanly(
    served: tuple[subprocess.Popen[str], Path], hostile_ca_env: str
) -> None:
    proc, out = served
    info_path = out / "info.json"
    assert stat.S_IMODE(info_path.stat().st_mode) == 0o600
    info = json.loads(info_path.read_text())
    expected = {
        "authority_host", "graph_endpoint", "exchange_endpoint", "tenant_id", "client_id",
        "client_secret", "ca_bundle", "identity_header", "managed_identity_endpoint",
        "admin_secret",
    }  # fmt: skip
    assert expected <= info.keys()
    assert info["authority_host"].startswith("https://127.0.0.1:")
    profile_text = (out / "profile.toml").read_text()
    assert info["client_secret"] not in profile_text
    profile = tomllib.loads(profile_text)["tenants"]["sandbox"]
    assert profile == {
        "tenant_id": info["tenant_id"], "client_id": info["client_id"], "auth": "secret",
        "cloud": "custom", "authority_host": info["authority_host"],
        "graph_endpoint": info["graph_endpoint"], "exchange_endpoint": info["exchange_endpoint"],
        "ca_bundle": info["ca_bundle"],
    }  # fmt: skip
    with requests.Session() as session:
        session.trust_env = False
        session.verify = profile["ca_bundle"]
        client = msal.ConfidentialClientApplication(
            profile["client_id"],
            client_credential=info["client_secret"],
            authority=f"{profile['authority_host']}/{profile['tenant_id']}",
            http_client=session,
            instance_discovery=False,
        )
        result = client.acquire_token_for_client([f"{profile['graph_endpoint']}/.default"])
    assert "access_token" in result, result
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=15)
    assert proc.returncode == 0, stderr
    assert "sandbox ready" in stdout and "sandbox stopped" in stdout
    assert info["client_secret"] not in stdout + stderr
    assert not info_path.exists(), "the info file (with the secret) outlives the server"


def test_port_in_use_is_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "m365inv", "sandbox", "serve", "--port", str(port),
             "--users", "10", "--info-out", str(tmp_path / "i.json"),
             "--state-dir", str(tmp_path / "state")],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert proc.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "i.json").exists()


@pytest.mark.parametrize("users", ["9", "1000001"])
def test_users_out_of_range(users: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["sandbox", "serve", "--users", users, "--state-dir", str(tmp_path)]
    )
    assert isinstance(result.exception, ConfigError)
    assert "between 10 and 1,000,000" in str(result.exception)
    assert result.exception.exit_code == 2


def test_approve_command(sandbox: Sandbox, tmp_path: Path, hostile_ca_env: str) -> None:
    info_path = tmp_path / "info.json"
    info_path.write_text(json.dumps(sandbox.info.to_dict()))
    with requests.Session() as session:
        session.trust_env = False
        session.verify = sandbox.info.ca_bundle
        flow = session.post(
            f"{sandbox.info.authority}/oauth2/v2.0/devicecode",
            data={
                "client_id": sandbox.info.public_client_id,
                "scope": f"{sandbox.info.graph_endpoint}/.default offline_access",
            },
            timeout=10,
        ).json()
        runner = CliRunner()
        ok = runner.invoke(app, ["sandbox", "approve", flow["user_code"], "--info", str(info_path)])
        assert ok.exit_code == 0, ok.output
        poll = session.post(
            f"{sandbox.info.authority}/oauth2/v2.0/token",
            data={
                "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                "client_id": sandbox.info.public_client_id,
                "device_code": flow["device_code"],
            },
            timeout=10,
        )
    assert poll.status_code == 200 and poll.json()["refresh_token"]
    again = runner.invoke(app, ["sandbox", "approve", flow["user_code"], "--info", str(info_path)])
    assert isinstance(again.exception, SandboxError)
    assert "no pending device code" in str(again.exception)
    missing = runner.invoke(app, ["sandbox", "approve", "X", "--info", str(tmp_path / "no.json")])
    assert isinstance(missing.exception, ConfigError)


def test_approve_command_needs_the_admin_secret(sandbox: Sandbox, tmp_path: Path) -> None:
    """An info file without the secret (or another sandbox's) cannot approve a sign-in."""
    with requests.Session() as session:
        session.trust_env = False
        session.verify = sandbox.info.ca_bundle
        flow = session.post(
            f"{sandbox.info.authority}/oauth2/v2.0/devicecode",
            data={
                "client_id": sandbox.info.public_client_id,
                "scope": f"{sandbox.info.graph_endpoint}/.default",
            },
            timeout=10,
        ).json()
    runner = CliRunner()
    stripped = {k: v for k, v in sandbox.info.to_dict().items() if k != "admin_secret"}
    no_secret = tmp_path / "no-secret.json"
    no_secret.write_text(json.dumps(stripped))
    result = runner.invoke(app, ["sandbox", "approve", flow["user_code"], "--info", str(no_secret)])
    assert isinstance(result.exception, ConfigError)
    assert "holds no admin secret" in str(result.exception)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({**stripped, "admin_secret": "guessed"}))
    result = runner.invoke(app, ["sandbox", "approve", flow["user_code"], "--info", str(wrong)])
    assert isinstance(result.exception, SandboxError)
    assert "refused the admin secret" in str(result.exception)
    assert sandbox.identity.devices.by_user[flow["user_code"]].state == "pending"


def test_approve_when_sandbox_is_gone(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    info = tmp_path / "info.json"
    info.write_text(
        json.dumps(
            {
                "authority_host": f"https://127.0.0.1:{port}",
                "ca_bundle": os.devnull,
                "admin_secret": "s",
            }
        )
    )
    result = CliRunner().invoke(app, ["sandbox", "approve", "ABC", "--info", str(info)])
    assert isinstance(result.exception, SandboxError)
    assert "is not reachable" in str(result.exception)
    not_info = tmp_path / "other.json"
    not_info.write_text("[1, 2]")
    result = CliRunner().invoke(app, ["sandbox", "approve", "ABC", "--info", str(not_info)])
    assert isinstance(result.exception, ConfigError)


def test_unknown_quirk_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["sandbox", "serve", "--quirk", "flaky-moon", "--state-dir", str(tmp_path)]
    )
    assert isinstance(result.exception, ConfigError)
    assert "unknown --quirk 'flaky-moon'" in str(result.exception)


def test_every_quirk_becomes_an_honest_gap(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    """``--quirk`` names → the sandbox config → what a scan reports (not "nothing found")."""
    import asyncio

    from m365inv.cli.area_sandbox import QUIRKS, _quirks
    from m365inv.collect import CollectOptions, collect_tenant
    from m365inv.collect.activity import NO_LICENCE
    from m365inv.collect.addins import FORBIDDEN
    from m365inv.collect.teams import APP_ONLY_403
    from tests.scanner.collect.tokens import MsalTokenSource

    quirks = [q for q in QUIRKS if q != "exchange-next-link-400"]  # no role: the 403 comes first
    sb = sandbox_factory(users=20, **_quirks(quirks))
    src = MsalTokenSource(sb)
    try:
        td = asyncio.run(collect_tenant(src, options=CollectOptions(concurrency=4)))
    finally:
        src.close()
    gaps = {c.source: c.error for c in td.coverage if not c.complete}
    assert gaps == {
        "teamsApps": APP_ONLY_403,
        "addIns": FORBIDDEN,
        "servicePrincipalSignInActivities": NO_LICENCE,
    }


def test_serve_with_relative_paths_writes_absolute_ones(tmp_path: Path) -> None:
    """A profile written from ``--state-dir state`` must work from any directory: every path in
    the info file and the profile is absolute (issue 14, item 13)."""
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "m365inv", "sandbox", "serve", "--port", "0", "--users", "20",
         "--state-dir", "state", "--info-out", "info.json", "--profile-out", "p.toml"],
        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_for(work / "info.json", proc)
        info = json.loads((work / "info.json").read_text())
        profile = tomllib.loads((work / "p.toml").read_text())["tenants"]["sandbox"]
        for path in (info["ca_bundle"], profile["ca_bundle"]):
            assert Path(path).is_absolute() and Path(path).is_file()
            assert Path(path).is_relative_to(work / "state")
        assert str(work / "info.json") in (profile_comment := (work / "p.toml").read_text())
        assert "client_secret" in profile_comment and info["client_secret"] not in profile_comment
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert not (work / "info.json").exists()  # the secret dies with the server
