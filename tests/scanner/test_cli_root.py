"""The root CLI: version, help and the one-line error contract."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from m365inv import __version__
from m365inv.cli import app


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"m365inv {__version__}"


def test_unknown_command_is_usage_error_without_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "m365inv", "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "No such command" in proc.stderr
