"""Issue 9 item 13: a rejected token is not a missing permission — and "not read" is not "gone".

Through the real CLI (``snapshot``, real MSAL, real HTTPS against the sandbox):

* the tenant's signing key rolls over mid-scan: every request with the cached token gets 401;
  the scanner asks MSAL for a fresh token once and the scan completes with nothing missing;
* Graph keeps rejecting fresh tokens: exit 5, one line, and no snapshot is stored;
* a section that could not be read is "not read" in the diff, never "removed", and the next
  good snapshot does not trip ``--fail-on new-findings`` because of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from m365inv.cli import app
from m365inv.demo import sandbox_profile
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.cli.conftest import RunCli

runner = CliRunner()


@pytest.fixture
def cfg(
    sandbox_factory: Callable[..., Sandbox], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Sandbox, Path]:
    sb = sandbox_factory(users=80, seed=31)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    config = tmp_path / "profiles.toml"
    prof = sandbox_profile(sb.info)
    add_profile(type(prof)(**{**prof.__dict__, "name": "t"}), config)
    return sb, config


def _history(config: Path) -> list[dict[str, object]]:
    out = runner.invoke(app, ["history", "--profile", "t", "--json"])
    assert out.exit_code == 0, out.output
    result: list[dict[str, object]] = json.loads(out.output)
    return result


def test_signing_key_rollover_mid_scan_refreshes_once(
    cfg: tuple[Sandbox, Path], run_cli: RunCli
) -> None:
    sb, config = cfg
    sb.faults.add(FaultRule("/v1.0/applications", rotate_keys=True))
    sb.stats.reset()
    result = run_cli("snapshot", "-p", "t", "--config", str(config), "-q")
    assert result.code == 0, result.err
    assert "needs" not in result.err and "not read" not in result.err
    # a fresh token per resource (Graph, Exchange) after the rollover — not one per 401
    assert 2 <= sb.stats.token_requests <= 3
    assert len(_history(config)) == 1


def test_persistent_401_exits_5_and_stores_nothing(
    cfg: tuple[Sandbox, Path], run_cli: RunCli
) -> None:
    sb, config = cfg
    assert run_cli("snapshot", "-p", "t", "--config", str(config), "-q").code == 0
    rule = FaultRule("/v1.0/", status=401, remaining=100_000)
    sb.faults.add(rule)
    result = run_cli("snapshot", "-p", "t", "--config", str(config), "-q")
    assert result.code == 5, result.err
    lines = [ln for ln in result.err.splitlines() if ln.strip()]
    assert lines[0].startswith("error: Graph rejected a freshly issued access token"), lines
    assert "InvalidAuthenticationToken" in lines[0]
    assert "needs" not in result.err and "Traceback" not in result.err
    assert len(lines) <= 2  # the error and its tip
    assert len(_history(config)) == 1  # nothing stored
    # each chain in flight: one 401, one retry with a fresh token — then the run stops (no
    # backoff-and-retry per request, no section-by-section "needs permission")
    assert rule.remaining >= 100_000 - 2 * 16


def test_unread_section_is_not_removed_and_does_not_trip_new_findings(
    cfg: tuple[Sandbox, Path], run_cli: RunCli
) -> None:
    sb, config = cfg
    snap = ("snapshot", "-p", "t", "--config", str(config), "-q")
    first = run_cli(*snap, "--fail-on", "new-findings")
    assert first.code == 0 and "the baseline, no gate applies" in first.err  # first snapshot
    # application permissions cannot be read this time (403 on every resource)
    sb.faults.add(FaultRule("/appRoleAssignedTo", status=403, remaining=100_000))
    gap = run_cli(*snap, "--fail-on", "new-findings")
    assert gap.code == 3, gap.err  # a gap, stored — not a gate
    assert "warning: appRoleAssignedTo not read" in gap.err
    assert "coverage-changed: appRoleAssignedTo" in gap.out and "state=not read" in gap.out
    assert "app-removed" not in gap.out
    assert not [ln for ln in gap.out.splitlines() if "permission-lost" in ln]
    sb.faults.clear()
    good = run_cli(*snap, "--fail-on", "new-findings")
    assert good.code == 0, good.out + good.err  # compared with the last *complete* snapshot
    assert "No changes." in good.out
    assert len(_history(config)) == 3
