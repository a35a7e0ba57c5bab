"""The vault file: round trips, integrity, binding, permissions, concurrency."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from m365inv.errors import VaultError
from m365inv.vault import Argon2Params, Passphrase, RawKey, Vault
from m365inv.vault import format as fmt

TENANT = "11111111-2222-3333-4444-555555555555"
OTHER_TENANT = "99999999-2222-3333-4444-555555555555"
PW = Passphrase("correct horse battery staple")


def test_round_trip_and_reopen(vault_file: Path) -> None:
    v = Vault.create(vault_file, PW)
    v.set("contoso", TENANT, "client_secret", b"s3cr3t-value")
    v.set("contoso", TENANT, "token_cache", b'{"AccessToken": {}}')
    again = Vault.open(vault_file, PW)
    assert again.get("contoso", TENANT, "client_secret") == b"s3cr3t-value"
    assert again.get("contoso", TENANT, "token_cache") == b'{"AccessToken": {}}'
    assert again.get("contoso", TENANT, "cert_password") is None
    assert again.get("fabrikam", TENANT, "client_secret") is None
    assert [(e.profile, e.kind, e.size) for e in again.entries()] == [
        ("contoso", "client_secret", 12),
        ("contoso", "token_cache", 19),
    ]


def test_set_replaces_and_remove(vault_file: Path) -> None:
    v = Vault.create(vault_file, PW)
    v.set("a", TENANT, "client_secret", b"one")
    v.set("a", TENANT, "client_secret", b"two")
    v.set("a", TENANT, "token_cache", b"{}")
    v.set("b", TENANT, "client_secret", b"three")
    assert Vault.open(vault_file, PW).get("a", TENANT, "client_secret") == b"two"
    assert v.remove("a", "token_cache") == 1
    assert v.remove("a") == 1
    assert v.remove("a") == 0
    assert [e.profile for e in Vault.open(vault_file, PW).entries()] == ["b"]


def test_modes_file_0600_parent_0700(vault_file: Path) -> None:
    v = Vault.create(vault_file, PW)
    v.set("a", TENANT, "client_secret", b"x")
    assert stat.S_IMODE(vault_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(vault_file.parent.stat().st_mode) == 0o700


def test_create_refuses_to_overwrite(vault_file: Path) -> None:
    Vault.create(vault_file, PW)
    before = vault_file.read_bytes()
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(vault_file, PW)
    assert vault_file.read_bytes() == before


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="no vault at") as info:
        Vault.open(tmp_path / "nope", PW)
    assert info.value.tip and "vault init" in info.value.tip


def test_wrong_passphrase_leaves_file_untouched(vault_file: Path) -> None:
    Vault.create(vault_file, PW).set("a", TENANT, "client_secret", b"x")
    before = vault_file.read_bytes()
    with pytest.raises(VaultError, match=r"^wrong passphrase"):
        Vault.open(vault_file, Passphrase("wrong"))
    assert vault_file.read_bytes() == before


def test_every_flipped_byte_is_detected(vault_file: Path) -> None:
    Vault.create(vault_file, PW).set("a", TENANT, "client_secret", b"secret")
    good = vault_file.read_bytes()
    for i in range(len(good)):
        for mask in (0x01, 0x80):
            bad = bytearray(good)
            bad[i] ^= mask
            vault_file.write_bytes(bytes(bad))
            with pytest.raises(VaultError):
                Vault.open(vault_file, PW).get("a", TENANT, "client_secret")


def test_every_truncation_is_detected(vault_file: Path) -> None:
    Vault.create(vault_file, PW).set("a", TENANT, "client_secret", b"secret")
    good = vault_file.read_bytes()
    for n in range(len(good)):
        vault_file.write_bytes(good[:n])
        with pytest.raises(VaultError):
            Vault.open(vault_file, PW)


def test_unknown_version(vault_file: Path) -> None:
    Vault.create(vault_file, PW)
    blob = bytearray(vault_file.read_bytes())
    blob[16:18] = (7).to_bytes(2, "big")
    vault_file.write_bytes(bytes(blob))
    with pytest.raises(VaultError, match="version 7 is not supported"):
        Vault.open(vault_file, PW)


def test_not_a_vault(vault_file: Path) -> None:
    vault_file.parent.mkdir()
    vault_file.write_text("[tenants.x]\n")
    with pytest.raises(VaultError, match="not an m365inv vault"):
        Vault.open(vault_file, PW)


def _rewrite_entries(path: Path, key: bytes, edit) -> None:  # type: ignore[no-untyped-def]
    blob = path.read_bytes()
    header, offset = fmt.decode_header(blob)
    entries = fmt.decode_body(blob, offset, key)
    path.write_bytes(fmt.encode(header, key, tuple(edit(e) for e in entries)))


def test_entry_cannot_be_moved_to_another_profile_or_tenant(vault_file: Path) -> None:
    """Even someone holding the data key cannot relabel an entry without breaking it."""
    v = Vault.create(vault_file, PW)
    v.set("a", TENANT, "client_secret", b"for-a-only")
    key = v._key
    _rewrite_entries(
        vault_file, key, lambda e: fmt.Entry("b", e.tenant, e.kind, e.nonce, e.ciphertext)
    )
    with pytest.raises(VaultError, match="does not belong there"):
        Vault.open(vault_file, PW).get("b", TENANT, "client_secret")
    _rewrite_entries(
        vault_file, key, lambda e: fmt.Entry("a", OTHER_TENANT, e.kind, e.nonce, e.ciphertext)
    )
    with pytest.raises(VaultError, match="does not belong there"):
        Vault.open(vault_file, PW).get("a", OTHER_TENANT, "client_secret")
    _rewrite_entries(
        vault_file, key, lambda e: fmt.Entry("a", TENANT, "cert_password", e.nonce, e.ciphertext)
    )
    with pytest.raises(VaultError, match="does not belong there"):
        Vault.open(vault_file, PW).get("a", TENANT, "cert_password")


def test_profile_whose_tenant_changed_is_refused(vault_file: Path) -> None:
    v = Vault.create(vault_file, PW)
    v.set("a", TENANT, "client_secret", b"x")
    with pytest.raises(VaultError, match="stored for tenant") as info:
        v.get("a", OTHER_TENANT, "client_secret")
    assert info.value.tip and "vault set a" in info.value.tip


def test_raw_key_vault_and_added_passphrase_slot(vault_file: Path) -> None:
    key = RawKey(os.urandom(32))
    v = Vault.create(vault_file, key)
    v.set("a", TENANT, "client_secret", b"x")
    with pytest.raises(VaultError, match="not protected by a passphrase"):
        Vault.open(vault_file, PW)
    with pytest.raises(VaultError, match="wrong vault key"):
        Vault.open(vault_file, RawKey(os.urandom(32)))
    v.rekey(PW)  # adds a passphrase slot next to the key slot
    assert Vault.open(vault_file, PW).get("a", TENANT, "client_secret") == b"x"
    assert Vault.open(vault_file, key).get("a", TENANT, "client_secret") == b"x"
    assert Vault.peek(vault_file).slots[0].kind == "key"


def test_rekey_replaces_passphrase(vault_file: Path) -> None:
    v = Vault.create(vault_file, PW)
    v.set("a", TENANT, "client_secret", b"x")
    v.rekey(Passphrase("a new passphrase"))
    with pytest.raises(VaultError, match="wrong passphrase"):
        Vault.open(vault_file, PW)
    assert (
        Vault.open(vault_file, Passphrase("a new passphrase")).get("a", TENANT, "client_secret")
        == b"x"
    )


def test_out_of_range_kdf_params_are_refused() -> None:
    with pytest.raises(VaultError, match="out of range"):
        Argon2Params(time_cost=1, memory_kib=10**9, parallelism=1).check()


def test_credential_reprs_hide_secrets() -> None:
    assert "staple" not in repr(PW)
    key = RawKey(b"k" * 32)
    assert "kkkk" not in repr(key)
    with pytest.raises(VaultError, match="32 bytes"):
        RawKey(b"short")


names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40
)
# 0xFF never occurs in the clear (UTF-8 JSON) header, so a hit could only be a leak.
secret_bytes = st.binary(min_size=8, max_size=200).map(lambda b: b"\xff" + b)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.dictionaries(names, secret_bytes, min_size=1, max_size=5))
def test_property_round_trip_and_secret_never_in_file(
    tmp_path: Path, items: dict[str, bytes]
) -> None:
    path = tmp_path / f"v-{os.urandom(4).hex()}"
    v = Vault.create(path, PW)
    for name, secret in items.items():
        v.set(name, TENANT, "client_secret", secret)
    blob = path.read_bytes()
    again = Vault.open(path, PW)
    for name, secret in items.items():
        assert again.get(name, TENANT, "client_secret") == secret
        assert secret not in blob
    assert {e.profile for e in again.entries()} == set(items)


_WRITER = """
import sys
from m365inv.vault import Passphrase, Vault
v = Vault.open(sys.argv[1], Passphrase("correct horse battery staple"))
for i in range(15):
    v.set(f"{sys.argv[2]}-{i}", "t", "client_secret", b"x" * (i + 1))
"""


def test_concurrent_writers_lose_nothing(vault_file: Path) -> None:
    Vault.create(vault_file, PW)
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(vault_file), who])
        for who in ("p1", "p2")
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    names = {e.profile for e in Vault.open(vault_file, PW).entries()}
    assert names == {f"p{w}-{i}" for w in (1, 2) for i in range(15)}
