"""``m365inv vault …`` end to end: exit codes, one-line errors, secrets never echoed."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from m365inv.profiles import add_profile, validate_profile
from tests.scanner.cli.conftest import RunCli

T = "11111111-2222-3333-4444-555555555555"
C = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
SECRET = "Zq8~very-secret-client-value-42"


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    vault, config = tmp_path / "v" / "vault.m365v", tmp_path / "profiles.toml"
    monkeypatch.setenv("M365INV_VAULT", str(vault))
    monkeypatch.setenv("M365INV_CONFIG", str(config))
    add_profile(validate_profile("contoso", {"tenant_id": T, "client_id": C}), config)
    return vault, config


def test_init_set_list_remove(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, config = paths
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    assert run_cli("vault", "init").code == 0
    again = run_cli("vault", "init")
    assert again.code == 6 and "a vault already exists" in again.err
    stored = run_cli("vault", "set", "contoso", stdin=SECRET.encode() + b"\n")
    assert stored.code == 0, stored.err
    listed = run_cli("vault", "list")
    assert listed.code == 0
    assert (
        "contoso" in listed.out and "client_secret" in listed.out and str(len(SECRET)) in listed.out
    )
    for blob in (vault.read_bytes(), config.read_bytes()):
        assert SECRET.encode() not in blob
    for result in (stored, listed):
        assert SECRET not in result.out + result.err
    removed = run_cli("vault", "remove", "contoso")
    assert removed.code == 0 and "removed 1 entry" in removed.out


def test_set_unknown_profile_is_config_error(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    run_cli("vault", "init")
    result = run_cli("vault", "set", "contso", stdin=b"x")
    assert result.code == 2
    assert "no profile 'contso'" in result.text and "did you mean 'contoso'" in result.text


def test_wrong_passphrase_is_one_line_exit_6(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = paths
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    run_cli("vault", "init")
    run_cli("vault", "set", "contoso", stdin=SECRET.encode())
    before = vault.read_bytes()
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "not it")
    result = run_cli("vault", "list")
    assert result.code == 6
    assert (
        result.err.strip().splitlines()[0]
        == "error: wrong passphrase, or the vault's key slot is damaged"
    )
    assert "Traceback" not in result.err
    assert vault.read_bytes() == before


def test_tampered_vault_exit_6(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = paths
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    run_cli("vault", "init")
    blob = bytearray(vault.read_bytes())
    blob[-3] ^= 0x10
    vault.write_bytes(bytes(blob))
    result = run_cli("vault", "list")
    assert result.code == 6 and "integrity check failed" in result.err


def test_no_terminal_no_passphrase(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    run_cli("vault", "init")
    monkeypatch.delenv("M365INV_VAULT_PASSPHRASE")
    result = run_cli("vault", "list")
    assert result.code == 6
    assert "no terminal" in result.text and "M365INV_VAULT_PASSPHRASE" in result.text


def test_rekey(run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    run_cli("vault", "init")
    run_cli("vault", "set", "contoso", stdin=SECRET.encode())
    monkeypatch.setenv("M365INV_VAULT_NEW_PASSPHRASE", "second passphrase")
    assert run_cli("vault", "rekey").code == 0
    assert run_cli("vault", "list").code == 6
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "second passphrase")
    listed = run_cli("vault", "list")
    assert listed.code == 0 and "contoso" in listed.out


def test_key_from_env_for_scheduled_runs(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_VAULT_KEY", base64.b64encode(os.urandom(32)).decode())
    assert run_cli("vault", "init", "--key-from-env").code == 0
    assert run_cli("vault", "set", "contoso", stdin=SECRET.encode()).code == 0
    assert "(unlocks with: key)" in run_cli("vault", "list").err  # stdout: the listing alone
    monkeypatch.setenv("M365INV_VAULT_KEY", "not base64!")
    result = run_cli("vault", "list")
    assert result.code == 6 and "not valid base64" in result.err


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_keyring(run_cli: RunCli, paths: tuple[Path, Path]) -> None:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        assert run_cli("vault", "init", "--keyring").code == 0
        assert len(ring.items) == 1
        assert run_cli("vault", "set", "contoso", stdin=SECRET.encode()).code == 0
        assert "contoso" in run_cli("vault", "list").out
    finally:
        keyring.set_keyring(previous)


def test_export_public_generates_and_never_prints_the_key(
    run_cli: RunCli, paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    run_cli("vault", "init")
    missing = run_cli("vault", "export-public", "contoso")
    assert missing.code == 6 and "--generate" in missing.text
    first = run_cli("vault", "export-public", "contoso", "--generate")
    assert first.code == 0
    assert first.out.startswith("-----BEGIN CERTIFICATE-----") and "PRIVATE" not in first.out
    assert run_cli("vault", "export-public", "contoso").out == first.out
