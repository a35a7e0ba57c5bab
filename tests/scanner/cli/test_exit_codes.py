"""One test per row of the README's "Exit codes" table, through the real entry point
(``main``: argv → exit code, stderr) against the sandbox tenant over HTTPS — plus the checks
that run before any work (issue 14, items 9 and 10): a bad option or path is exit 2, one line,
and not a single Graph request or stored snapshot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from m365inv.demo import sandbox_profile
from m365inv.errors import ExitCode
from m365inv.profiles import add_profile
from m365inv.reports.json_feed import encode_inventory
from m365inv.sandbox import Sandbox
from m365inv.store import open_store
from tests.reports.fixture_inventory import build_inventory
from tests.reports.test_diff import _mutate
from tests.scanner.cli.conftest import CliResult, RunCli


@pytest.fixture
def tenant(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A profile ``sandbox`` for the running sandbox, its secret in the environment, a private
    store and no vault; returns the profiles file."""
    config = tmp_path / "profiles.toml"
    add_profile(sandbox_profile(sandbox.info), config)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    return config


def _one_line_usage_error(result: CliResult, needle: str) -> None:
    assert result.code == ExitCode.USAGE, result.err
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("error:") and needle in lines[0], result.err
    assert len(lines) <= 2 and all(ln.startswith(("error:", "tip:")) for ln in lines)
    assert "Traceback" not in result.err


def test_0_complete(run_cli: RunCli, sandbox: Sandbox, tenant: Path, tmp_path: Path) -> None:
    result = run_cli("scan", "-p", "sandbox", "--config", str(tenant), "-o", str(tmp_path / "r"),
                     "-q", "-f", "json")  # fmt: skip
    assert result.code == ExitCode.OK, result.err
    assert (tmp_path / "r" / "inventory.json").exists()


def test_1_fatal_store_error(run_cli: RunCli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run_cli("history", "-p", "x", "--store", str(blocker / "store.sqlite3"))
    assert result.code == ExitCode.FATAL, result.err
    assert result.err.startswith("error: cannot create snapshot store")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--format", "htm"), "unknown report format htm"),
        (("--formats", "htm"), "unknown report format htm"),  # the old spelling, same check
        (("--lang", "fr"), "'fr' is not one of 'en', 'de'"),
        (("--fail-on", "hgih"), "unknown --fail-on value 'hgih'"),
    ],
)
def test_2_bad_option_before_any_request(
    run_cli: RunCli, sandbox: Sandbox, tenant: Path, tmp_path: Path,
    args: tuple[str, ...], needle: str,
) -> None:  # fmt: skip
    sandbox.stats.reset()
    result = run_cli("scan", "-p", "sandbox", "--config", str(tenant), "-o", str(tmp_path / "r"),
                     "-q", *args)  # fmt: skip
    _one_line_usage_error(result, needle)
    assert sandbox.stats.total == 0 and sandbox.stats.token_requests == 0
    assert not (tmp_path / "r").exists()


def test_2_unwritable_out_before_any_request(
    run_cli: RunCli, sandbox: Sandbox, tenant: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    sandbox.stats.reset()
    for out, needle in ((blocker / "reports", "is below"), (Path("/proc/m365inv"), "not writable")):
        scan = run_cli("scan", "-p", "sandbox", "--config", str(tenant), "-o", str(out), "-q")
        _one_line_usage_error(scan, f"--out {out}")
        assert needle in scan.err
        snap = run_cli("snapshot", "-p", "sandbox", "--config", str(tenant), "-o", str(out), "-q")
        _one_line_usage_error(snap, f"--out {out}")
    assert sandbox.stats.total == 0 and sandbox.stats.token_requests == 0
    with open_store(None) as store:  # M365INV_STORE: nothing was stored
        assert store.list() == []


def test_2_unknown_snapshot_ids(run_cli: RunCli, tenant: Path) -> None:
    with open_store(None) as store:
        store.save("sandbox", build_inventory())
    _one_line_usage_error(run_cli("diff", "99", "100"), "no snapshot with id 99")
    _one_line_usage_error(run_cli("report", "7", "-o", "unused"), "no snapshot with id 7")


def test_2_empty_secret(run_cli: RunCli, tenant: Path, tmp_path: Path) -> None:
    vault = str(tmp_path / "v.m365v")
    env_pass = {"M365INV_VAULT_PASSPHRASE": "correct horse battery"}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env_pass.items():
            mp.setenv(k, v)
        assert run_cli("vault", "init", "--vault", vault).code == 0
        result = run_cli("vault", "set", "sandbox", "--vault", vault, "--config", str(tenant),
                         stdin=b"\n")  # fmt: skip
    _one_line_usage_error(result, "empty secret")


def test_2_history_of_unknown_profile(run_cli: RunCli, tenant: Path) -> None:
    _one_line_usage_error(run_cli("history", "-p", "nosuch", "--config", str(tenant)), "nosuch")
    known = run_cli("history", "-p", "sandbox", "--config", str(tenant))
    assert known.code == ExitCode.OK and "no snapshots of profile 'sandbox' yet" in known.err


def test_3_coverage_gaps(run_cli: RunCli, sandbox: Sandbox, tenant: Path, tmp_path: Path) -> None:
    sandbox.set_client_roles(sandbox.info.client_id, {"User.Read.All", "Application.Read.All"})
    result = run_cli("scan", "-p", "sandbox", "--config", str(tenant), "-o", str(tmp_path / "r"),
                     "-q", "-f", "json")  # fmt: skip
    assert result.code == ExitCode.INCOMPLETE, result.err
    assert "warning: " in result.err and "not read" in result.err


def test_4_gate(run_cli: RunCli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_bytes(encode_inventory(build_inventory()))
    b.write_bytes(encode_inventory(_mutate(build_inventory())))
    result = run_cli("diff", str(a), str(b), "--fail-on", "any-change")
    assert result.code == ExitCode.GATE
    assert result.err.startswith("fail-on: ")


def test_4_not_on_the_first_snapshot(
    run_cli: RunCli, sandbox_factory: Callable[..., Sandbox], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The README's own example: the first snapshot is the baseline and trips no gate; the next
    one gates on what changed since — here nothing, then a new app with tenant-wide consent.
    (A sandbox of its own: the test changes its tenant.)"""
    sb = sandbox_factory(users=60, seed=3)
    config = tmp_path / "own.toml"
    add_profile(sandbox_profile(sb.info), config)
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp_path / 'own.sqlite3'}")
    args = ("snapshot", "-p", "sandbox", "--config", str(config), "-q",
            "--fail-on", "high,new-findings")  # fmt: skip
    first = run_cli(*args)
    assert first.code in (ExitCode.OK, ExitCode.INCOMPLETE), first.err
    assert "first snapshot of sandbox: the baseline, no gate applies" in first.err
    assert run_cli(*args).code in (ExitCode.OK, ExitCode.INCOMPLETE)
    sp = sb.tenant.add_service_principal("Acme Notes")
    sb.tenant.add_delegated_grant(sp["id"], "User.Read Mail.Read Files.Read.All")
    third = run_cli(*args)
    assert third.code == ExitCode.GATE, third.err
    assert "new finding(s)" in third.err


def test_5_sign_in_failed(run_cli: RunCli, tenant: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", "not-the-secret")
    result = run_cli("check", "-p", "sandbox", "--config", str(tenant))
    assert result.code == ExitCode.SIGN_IN, result.err
    assert "AADSTS7000215" in result.err


def test_6_vault_error(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = str(tmp_path / "v.m365v")
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "correct horse battery")
    assert run_cli("vault", "init", "--vault", vault).code == 0
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "wrong horse battery")
    result = run_cli("vault", "list", "--vault", vault)
    assert result.code == ExitCode.VAULT, result.err
    assert result.err.startswith("error:")
