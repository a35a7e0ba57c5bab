"""Run the real ``m365inv`` entry point in-process, with its error → exit-code mapping."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from m365inv.cli import main
from tests.scanner.vault.fast import use_fast_vault


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return " ".join((self.out + "\n" + self.err).split())


RunCli = Callable[..., CliResult]

_ENV = (
    "M365INV_CLIENT_SECRET",
    "M365INV_CERT_PATH",
    "M365INV_CERT_PASSWORD",
    "M365INV_VAULT",
    "M365INV_VAULT_KEY",
    "M365INV_VAULT_PASSPHRASE",
    "M365INV_VAULT_NEW_PASSPHRASE",
    "M365INV_CONFIG",
    "M365INV_FORCE_PROMPT",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in _ENV:
        monkeypatch.delenv(var, raising=False)
    use_fast_vault(monkeypatch)
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    def run(*args: str, stdin: bytes = b"") -> CliResult:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["m365inv", *args])
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
