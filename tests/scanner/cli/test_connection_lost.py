"""Issue 9 item 14: a connection lost for good mid-scan is one clear line naming the endpoint
(host and path — never the query, where skip and delta tokens live), exit 1, nothing stored.

The sandbox drops every connection to one collection for longer than the retries last. The
retry waits are shortened (the policy's backoff, not its logic) so the test takes a second.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from m365inv.cli import app
from m365inv.demo import sandbox_profile
from m365inv.graph import client as graph_client
from m365inv.graph.retry import RetryPolicy
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.cli.conftest import RunCli


@pytest.fixture
def cfg(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Sandbox, Path]:
    sb = sandbox_factory(users=40, seed=41)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    monkeypatch.setattr(
        graph_client, "RetryPolicy", lambda: RetryPolicy(backoff_base=0.01, backoff_max=0.05)
    )
    config = tmp_path / "profiles.toml"
    prof = sandbox_profile(sb.info)
    add_profile(type(prof)(**{**prof.__dict__, "name": "t"}), config)
    return sb, config


@pytest.mark.parametrize("command", ["scan", "snapshot"])
def test_connection_lost_for_good_is_one_line_exit_1(
    cfg: tuple[Sandbox, Path], run_cli: RunCli, tmp_path: Path, command: str
) -> None:
    sb, config = cfg
    rule = FaultRule("/v1.0/applications", drop=True, remaining=1_000)
    sb.faults.add(rule)
    args = [command, "-p", "t", "--config", str(config), "-q"]
    if command == "scan":
        args += ["--out", str(tmp_path / "out")]
    result = run_cli(*args)
    assert result.code == 1, result.err
    lines = [ln for ln in result.err.splitlines() if ln.strip()]
    endpoint = f"{sb.info.graph_endpoint}/v1.0/applications"
    assert lines[0].startswith(f"error: lost the connection to {endpoint} after 8 attempts ("), (
        lines
    )
    assert "$select" not in result.err and "?" not in lines[0]  # no query string
    assert "internal error" not in result.err and "ExceptionGroup" not in result.err
    assert "Traceback" not in result.err
    assert len(lines) == 2 and lines[1].startswith("tip:")
    assert 1_000 - rule.remaining == 8  # every attempt was made, then it stopped
    assert not (tmp_path / "out" / "inventory.json").exists()
    history = CliRunner().invoke(
        app, ["history", "--profile", "t", "--config", str(config), "--json"]
    )
    assert history.exit_code == 0 and json.loads(history.stdout) == []
