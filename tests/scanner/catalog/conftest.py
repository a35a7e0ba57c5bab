"""Shared fixtures of the catalog tests."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from m365inv.cli import main

Run = Callable[..., tuple[int, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the real entry point (errors → one line + exit code) and return (code, out + err)."""
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["m365inv", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        got = capsys.readouterr()
        return code, got.out + got.err

    return run
