"""``vault init/rekey --keyring`` never write a slot the keyring cannot back (issue 10, item 2).

Each keyring here is a real :class:`keyring.backend.KeyringBackend` installed with
``keyring.set_keyring`` — the library's own boundary; two of them ship with keyring itself
(``fail`` refuses everything, ``null`` accepts and forgets).
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordSetError

from m365inv.profiles import add_profile, validate_profile
from m365inv.vault import RawKey, Vault
from m365inv.vault.credentials import KEYRING_SERVICE
from tests.scanner.cli.conftest import RunCli

T = "11111111-2222-3333-4444-555555555555"
C = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
SECRET = b"Zq8~very-secret-client-value-42"


class MemoryKeyring(KeyringBackend):
    """Keeps passwords in a dict; ``refuse`` makes writes fail, ``mangle`` returns other bytes."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.refuse = False
        self.mangle = False

    def get_password(self, service: str, username: str) -> str | None:
        value = self.items.get((service, username))
        if value is not None and self.mangle:
            return base64.b64encode(b"\x00" * 32).decode()
        return value

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:
            raise PasswordSetError("the keyring is locked")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path, config = tmp_path / "v" / "vault.m365v", tmp_path / "profiles.toml"
    monkeypatch.setenv("M365INV_VAULT", str(path))
    monkeypatch.setenv("M365INV_CONFIG", str(config))
    add_profile(validate_profile("contoso", {"tenant_id": T, "client_id": C}), config)
    previous = keyring.get_keyring()
    yield path
    keyring.set_keyring(previous)


def _one_line_error(err: str) -> str:
    lines = [ln for ln in err.strip().splitlines() if not ln.startswith("tip:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    ("ring", "problem"),
    [
        (fail.Keyring(), "it refused (NoKeyringError)"),
        (null.Keyring(), "it did not keep the key"),
    ],
)
def test_init_keyring_that_fails_creates_nothing(
    run_cli: RunCli, vault: Path, ring: KeyringBackend, problem: str
) -> None:
    keyring.set_keyring(ring)
    result = run_cli("vault", "init", "--keyring")
    assert result.code == 6
    line = _one_line_error(result.err)
    assert (
        line.startswith("error: cannot store the vault key in the OS keyring") and problem in line
    )
    assert not vault.exists(), "a vault whose key is nowhere must not be written"


def test_init_keyring_that_returns_another_value_creates_nothing(
    run_cli: RunCli, vault: Path
) -> None:
    ring = MemoryKeyring()
    ring.mangle = True
    keyring.set_keyring(ring)
    result = run_cli("vault", "init", "--keyring")
    assert result.code == 6 and "it returned a different value" in _one_line_error(result.err)
    assert not vault.exists()
    assert ring.items == {}, "the useless entry is removed again"


def test_rekey_keyring_that_refuses_keeps_old_key_working(run_cli: RunCli, vault: Path) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    assert run_cli("vault", "init", "--keyring").code == 0
    assert run_cli("vault", "set", "contoso", stdin=SECRET).code == 0
    before, entries = vault.read_bytes(), dict(ring.items)
    ring.refuse = True
    result = run_cli("vault", "rekey", "--keyring")
    assert result.code == 6 and "it refused (PasswordSetError)" in _one_line_error(result.err)
    assert vault.read_bytes() == before and ring.items == entries
    ring.refuse = False
    listed = run_cli("vault", "list")
    assert listed.code == 0 and "contoso" in listed.out


def test_rekey_keyring_on_passphrase_vault_with_null_keyring_changes_nothing(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "first passphrase")
    assert run_cli("vault", "init").code == 0
    assert run_cli("vault", "set", "contoso", stdin=SECRET).code == 0
    before = vault.read_bytes()
    keyring.set_keyring(null.Keyring())
    result = run_cli("vault", "rekey", "--keyring")
    assert result.code == 6 and "did not keep the key" in result.err
    assert vault.read_bytes() == before


def test_rekey_keyring_rotates_to_a_new_entry_and_drops_the_old(
    run_cli: RunCli, vault: Path
) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    assert run_cli("vault", "init", "--keyring").code == 0
    assert run_cli("vault", "set", "contoso", stdin=SECRET).code == 0
    ((_, old_name), old_value), *_ = ring.items.items()
    assert run_cli("vault", "rekey", "--keyring").code == 0
    assert len(ring.items) == 1
    ((service, new_name), new_value), *_ = ring.items.items()
    assert service == KEYRING_SERVICE and new_name != old_name and new_value != old_value
    new_key = RawKey(base64.b64decode(new_value))
    assert Vault.open(vault, new_key).get("contoso", T, "client_secret") == SECRET
    with pytest.raises(Exception, match="wrong vault key"):
        Vault.open(vault, RawKey(base64.b64decode(old_value)))
    assert "contoso" in run_cli("vault", "list").out


def test_rekey_passphrase_keeps_keyring_slot(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data key rotates, so the keyring slot is re-wrapped with the key it opened with."""
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    assert run_cli("vault", "init", "--keyring").code == 0
    assert run_cli("vault", "set", "contoso", stdin=SECRET).code == 0
    monkeypatch.setenv("M365INV_VAULT_NEW_PASSPHRASE", "an added passphrase")
    assert run_cli("vault", "rekey").code == 0
    assert "contoso" in run_cli("vault", "list").out  # still opens from the keyring
    keyring.set_keyring(null.Keyring())
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "an added passphrase")
    assert "contoso" in run_cli("vault", "list").out


@pytest.mark.parametrize(
    "step", ["rekey:read", "rekey:derived", "rekey:encoded", "rekey:written", "none"]
)
def test_rekey_keyring_killed_at_any_step_keeps_a_working_key(tmp_path: Path, step: str) -> None:
    """SIGKILL between the keyring write and the file write: the old entry still opens the old
    file (the new entry is a harmless orphan); after the write, the new entry opens the new one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("M365INV_")}
    env.update(
        PYTHON_KEYRING_BACKEND="tests.scanner.cli.file_keyring.FileKeyring",
        M365INV_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        M365INV_VAULT=str(tmp_path / "vault.m365v"),
        HOME=str(tmp_path),
    )

    def run(*args: str, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
        extra = {"M365INV_TEST_KILL_AT": kill_at} if kill_at else {}
        return subprocess.run(
            [sys.executable, "-m", "m365inv", *args], env={**env, **extra}, input="",
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip

    assert run("vault", "init", "--keyring").returncode == 0
    ring = tmp_path / "keyring.json"
    (old_name,) = json.loads(ring.read_text())
    before = (tmp_path / "vault.m365v").read_bytes()
    killed = run("vault", "rekey", "--keyring", kill_at=None if step == "none" else step)
    done = step in ("rekey:written", "none")
    assert killed.returncode == (0 if step == "none" else -signal.SIGKILL), killed.stderr
    assert ((tmp_path / "vault.m365v").read_bytes() == before) != done
    listed = run("vault", "list")
    assert listed.returncode == 0, listed.stderr  # some keyring entry opens the vault
    names = set(json.loads(ring.read_text()))
    if step == "none":
        assert len(names) == 1 and old_name not in names  # rotated, old entry dropped
    else:
        assert old_name in names  # killed before cleanup: the old entry is still there


def test_rekey_keyring_needs_the_current_passphrase_of_a_passphrase_slot(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened by its keyring key, a vault that also has a passphrase slot cannot rotate its data
    key without that passphrase — refused, not silently left with a dead slot."""
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    assert run_cli("vault", "init", "--keyring").code == 0
    monkeypatch.setenv("M365INV_VAULT_NEW_PASSPHRASE", "an added passphrase")
    assert run_cli("vault", "rekey").code == 0  # passphrase slot added next to the key slot
    before, entries = vault.read_bytes(), dict(ring.items)
    result = run_cli("vault", "rekey", "--keyring")
    assert result.code == 6
    assert "needs the current passphrase too" in _one_line_error(result.err)
    assert vault.read_bytes() == before and ring.items == entries
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "an added passphrase")
    assert run_cli("vault", "rekey", "--keyring").code == 0
    monkeypatch.delenv("M365INV_VAULT_PASSPHRASE")
    assert run_cli("vault", "list").code == 0  # opens from the new keyring entry
    keyring.set_keyring(null.Keyring())
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "an added passphrase")
    assert run_cli("vault", "list").code == 0  # and the passphrase slot survived the rotation
