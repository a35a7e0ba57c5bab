"""Floors and ceilings of the vault's protection (issue 10, item 4).

A tampered header cannot make an unlock take hours or allocate gigabytes; a new slot never gets
a weak passphrase or a sub-minimum cost, whatever the environment says.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from m365inv.errors import VaultError
from m365inv.vault import Argon2Params, Passphrase, Vault, policy
from m365inv.vault import format as fmt
from tests.scanner.vault.fast import REAL_FLOOR

TENANT = "11111111-2222-3333-4444-555555555555"
PW = Passphrase("correct horse battery staple")


def _tamper_kdf(path: Path, **kdf: int) -> None:
    """Rewrite the clear header's KDF parameters (what an attacker with write access can do)."""
    blob = path.read_bytes()
    head_len = struct.unpack_from(">I", blob, 18)[0]
    head = json.loads(blob[22 : 22 + head_len])
    head["slots"][0]["kdf"].update(kdf)
    new_head = json.dumps(head, separators=(",", ":"), sort_keys=True).encode()
    path.write_bytes(
        blob[:18] + struct.pack(">I", len(new_head)) + new_head + blob[22 + head_len :]
    )


@pytest.mark.parametrize(
    "kdf",
    [
        {"time_cost": 100_000},
        {"memory_kib": 4 * 1024 * 1024},
        {"memory_kib": 2**40},
        {"parallelism": 255},
        {"time_cost": policy.MAX_TIME_COST + 1},
        {"memory_kib": policy.MAX_MEMORY_KIB + 1},
    ],
)
def test_tampered_kdf_parameters_are_refused_quickly(vault_file: Path, kdf: dict[str, int]) -> None:
    Vault.create(vault_file, PW).set("a", TENANT, "client_secret", b"x")
    _tamper_kdf(vault_file, **kdf)
    started = time.monotonic()
    with pytest.raises(
        VaultError, match=r"parameters are out of range .*at most 10 passes, 512 MiB"
    ):
        Vault.open(vault_file, PW)
    assert time.monotonic() - started < 1.0


def test_ceiling_itself_is_accepted() -> None:
    policy.check_readable(Argon2Params(policy.MAX_TIME_COST, policy.MAX_MEMORY_KIB, 4))


@pytest.mark.parametrize(
    "weak", ["x", "short pw", "elevenchars", "aaaaaaaaaaaaaaaa", "abababababababab", "abcdabcdabcd"]
)
def test_weak_passphrases_are_refused(vault_file: Path, weak: str) -> None:
    with pytest.raises(VaultError, match="too weak: it needs at least 12 characters, 5 of them"):
        Vault.create(vault_file, Passphrase(weak))
    assert not vault_file.exists()


def test_weak_new_passphrase_refused_on_rekey(vault_file: Path) -> None:
    v = Vault.create(vault_file, PW)
    before = vault_file.read_bytes()
    with pytest.raises(VaultError, match="too weak"):
        v.rekey(Passphrase("1"))
    assert vault_file.read_bytes() == before


def test_sub_minimum_cost_from_environment_is_refused(
    vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(policy, "FLOOR", REAL_FLOOR)
    for weak in ("1,8,1", f"{REAL_FLOOR.time_cost - 1},{REAL_FLOOR.memory_kib},1", "2,19455,1"):
        monkeypatch.setenv(policy.ENV_ARGON2, weak)
        with pytest.raises(VaultError, match="is below the minimum of 2 passes / 19456 KiB"):
            Vault.create(vault_file, PW)
    monkeypatch.setenv(policy.ENV_ARGON2, "3,nope,1")
    with pytest.raises(VaultError, match="three integers"):
        Vault.create(vault_file, PW)
    monkeypatch.setenv(policy.ENV_ARGON2, "2,19456,1")  # exactly the floor is allowed
    Vault.create(vault_file, PW)
    assert Vault.peek(vault_file).slots[0].kdf == REAL_FLOOR


def test_sub_minimum_cost_passed_directly_is_refused(
    vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(policy, "FLOOR", REAL_FLOOR)
    with pytest.raises(VaultError, match="below the minimum"):
        Vault.create(vault_file, PW, params=Argon2Params(1, 8, 1))


def test_default_cost_meets_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policy, "FLOOR", REAL_FLOOR)
    policy.check_writable(Argon2Params())
    assert Argon2Params() == Argon2Params(3, 128 * 1024, 1)


def test_vault_made_below_the_floor_still_opens_and_can_be_rekeyed_up(
    vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading enforces only the ceiling, so an old weak vault is not locked out."""
    v = Vault.create(vault_file, PW, params=Argon2Params(1, 8, 1))  # under the test floor
    v.set("a", TENANT, "client_secret", b"x")
    monkeypatch.setattr(policy, "FLOOR", REAL_FLOOR)
    again = Vault.open(vault_file, PW)
    again.rekey(Passphrase("a stronger passphrase"), params=REAL_FLOOR)
    assert Vault.peek(vault_file).slots[0].kdf == REAL_FLOOR


def test_no_environment_lowers_the_floor_in_a_real_process(tmp_path: Path) -> None:
    """The test-only lowering is an in-process patch; the CLI in a fresh process refuses."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("M365INV_")}
    env.update(
        M365INV_VAULT=str(tmp_path / "vault.m365v"),
        M365INV_VAULT_PASSPHRASE="correct horse battery staple",
        M365INV_VAULT_ARGON2="1,8,1",
        M365INV_TEST_ARGON2="1,8,1",  # the variable older versions honoured
    )
    proc = subprocess.run(
        [sys.executable, "-m", "m365inv", "vault", "init"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 6, proc.stderr
    assert "below the minimum of 2 passes / 19456 KiB" in proc.stderr
    assert not (tmp_path / "vault.m365v").exists()


def test_header_rejects_a_key_id_that_is_not_hex(vault_file: Path) -> None:
    assert fmt._KEY_ID.fullmatch("ab" * 32)
    assert not fmt._KEY_ID.fullmatch("../../etc")
