"""Secrets never reach an error line (issue 10, item 9): one redaction path for stderr, logs and
reports — :func:`m365inv.logsafe.redact`, applied by ``m365inv.cli.common.error_line``.

Before: an AADSTS description that echoed the client secret was printed verbatim, and a
PostgreSQL store URL's ``password=`` was printed in every store error.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from m365inv.profiles import add_profile, validate_profile
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.cli.conftest import RunCli

SECRET_PW = "Pg-s3cret-Passw0rd"


def _one_error_line(err: str) -> str:
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("tip:")]
    assert len(lines) == 1, err
    return lines[0]


def test_sign_in_error_echoing_the_secret_is_masked(
    run_cli: RunCli,
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    info = sandbox.info
    cfg = tmp_path / "p.toml"
    raw = {
        "tenant_id": info.tenant_id, "client_id": info.client_id, "auth": "secret",
        "cloud": "custom", "authority_host": info.authority_host,
        "graph_endpoint": info.graph_endpoint, "ca_bundle": info.ca_bundle,
    }  # fmt: skip
    add_profile(validate_profile("sandbox", raw), cfg)
    secret = "Zq8~echoed-secret-value-42"
    monkeypatch.setenv("M365INV_CLIENT_SECRET", secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault"))
    for debug in ((), ("--debug",)):
        sandbox.faults.add(FaultRule(path_contains="/oauth2/v2.0/token", echo_secret=True))
        result = run_cli(*debug, "check", "--profile", "sandbox", "--config", str(cfg))
        assert result.code == 5
        (line,) = [ln for ln in result.err.splitlines() if ln.startswith("error:")]
        assert line.startswith("error: sign-in failed (AADSTS50000): There was an error issuing")
        assert "'***'" in line  # the echoed value was there, and is masked
        if not debug:
            assert _one_error_line(result.err) == line
        assert secret not in result.out + result.err + caplog.text


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://scanner:{SECRET_PW}@127.0.0.1:1/m365inv",
        f"postgresql://scanner@127.0.0.1:1/m365inv?password={SECRET_PW}",
        f"postgresql://scanner:{SECRET_PW}@127.0.0.1:notaport/m365inv",
    ],
)
def test_store_url_password_never_printed(run_cli: RunCli, url: str) -> None:
    for args in (("history", "--profile", "x"), ("--debug", "history", "--profile", "x")):
        result = run_cli(*args, "--store", url)
        assert result.code in (1, 2), result.err
        assert SECRET_PW not in result.out + result.err
        assert "internal error" not in result.err
        assert "snapshot store" in result.err


def test_store_url_password_never_printed_in_a_real_process(tmp_path: Path) -> None:
    """The environment-variable route, as a scheduled job uses it, in a fresh process."""
    store = f"postgresql://u:{SECRET_PW}@127.0.0.1:1/db?password={SECRET_PW}"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "COLUMNS": "60", "M365INV_STORE": store}
    for debug in ((), ("--debug",)):
        proc = subprocess.run(
            [sys.executable, "-m", "m365inv", *debug, "history", "--profile", "x"],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert proc.returncode == 1
        assert SECRET_PW not in proc.stdout + proc.stderr
        line = proc.stderr.strip().splitlines()[-1]
        assert line.startswith("error: snapshot store postgresql+psycopg://u:***@127.0.0.1:1/db")
        if not debug:
            assert _one_error_line(proc.stderr) == line
