"""A writer killed at any step leaves a vault that one passphrase opens, with all entries."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from m365inv.errors import VaultError
from m365inv.vault import Passphrase, Vault
from tests.scanner.vault.fast import REAL_FLOOR_ENV

TENANT = "11111111-2222-3333-4444-555555555555"
OLD, NEW = Passphrase("old passphrase"), Passphrase("new passphrase")

_REKEY = """
import os, signal, sys
from m365inv.vault import Passphrase, Vault
if sys.argv[2] == "in-rename":
    real_replace = os.replace
    def dying_replace(src, dst):  # the temp file is complete and fsynced; die before the rename
        os.kill(os.getpid(), signal.SIGKILL)
    os.replace = dying_replace
v = Vault.open(sys.argv[1], Passphrase("old passphrase"))
if sys.argv[3] == "rekey":
    v.rekey(Passphrase("new passphrase"))
else:
    v.set("added", "t", "client_secret", b"late")
"""


def _prepare(path: Path) -> Vault:
    v = Vault.create(path, OLD)
    for i in range(5):
        v.set(f"p{i}", TENANT, "client_secret", f"secret-{i}".encode())
    return v


def _run(path: Path, step: str, op: str) -> int:
    env = {**os.environ, "M365INV_TEST_KILL_AT": step, "M365INV_VAULT_ARGON2": REAL_FLOOR_ENV}
    proc = subprocess.run(
        [sys.executable, "-c", _REKEY, str(path), step, op], env=env, timeout=60, check=False
    )
    return proc.returncode


def _opens_with(path: Path, pw: Passphrase) -> Vault | None:
    try:
        return Vault.open(path, pw)
    except VaultError:
        return None


@pytest.mark.parametrize(
    "step",
    ["rekey:read", "rekey:derived", "rekey:encoded", "in-rename", "rekey:written", "none"],
)
def test_rekey_killed_at_any_step(vault_file: Path, step: str) -> None:
    old_data_key = _prepare(vault_file)._key
    code = _run(vault_file, step, "rekey")
    assert code == (0 if step == "none" else -signal.SIGKILL)
    old, new = _opens_with(vault_file, OLD), _opens_with(vault_file, NEW)
    assert (old is None) != (new is None), "exactly one passphrase must open the vault"
    done = step in ("rekey:written", "none")
    assert (new is not None) == done
    vault = old or new
    assert vault is not None
    # a finished rekey rotated the data key; an interrupted one left the old key in place
    assert (vault._key != old_data_key) == done
    assert [vault.get(f"p{i}", TENANT, "client_secret") for i in range(5)] == [
        f"secret-{i}".encode() for i in range(5)
    ]
    # and the vault is still writable afterwards (no stale lock, no leftover blocking anything)
    vault.set("after", TENANT, "client_secret", b"ok")
    assert (
        Vault.open(vault_file, OLD if old else NEW).get("after", TENANT, "client_secret") == b"ok"
    )


def test_write_killed_before_rename_keeps_old_content(vault_file: Path) -> None:
    _prepare(vault_file)
    before = vault_file.read_bytes()
    assert _run(vault_file, "in-rename", "set") == -signal.SIGKILL
    assert vault_file.read_bytes() == before
    assert Vault.open(vault_file, OLD).get("added", "t", "client_secret") is None
