"""Vault tests run with tiny Argon2id costs and a clean credential environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scanner.vault.fast import use_fast_vault


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (
        "M365INV_VAULT",
        "M365INV_VAULT_KEY",
        "M365INV_VAULT_PASSPHRASE",
        "M365INV_TEST_KILL_AT",
    ):
        monkeypatch.delenv(var, raising=False)
    use_fast_vault(monkeypatch)


@pytest.fixture
def vault_file(tmp_path: Path) -> Path:
    return tmp_path / "private" / "vault.m365v"
