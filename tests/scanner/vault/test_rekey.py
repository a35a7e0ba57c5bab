"""Rekey rotates the data key (issue 10, item 3): an old copy of the vault plus the old
passphrase opens nothing stored after the rekey, and no slot is silently orphaned."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from m365inv.errors import VaultError
from m365inv.vault import Passphrase, RawKey, Vault
from m365inv.vault import format as fmt

TENANT = "11111111-2222-3333-4444-555555555555"
OLD, NEW = Passphrase("old passphrase"), Passphrase("new passphrase")


def test_old_copy_and_old_passphrase_cannot_open_what_came_after(
    vault_file: Path, tmp_path: Path
) -> None:
    v = Vault.create(vault_file, OLD)
    v.set("a", TENANT, "client_secret", b"before the rekey")
    stolen = tmp_path / "stolen-copy.m365v"
    shutil.copy(vault_file, stolen)
    v.rekey(NEW)
    v.set("b", TENANT, "client_secret", b"after the rekey")

    old_data_key = Vault.open(stolen, OLD)._key  # what the thief holds
    blob = vault_file.read_bytes()
    _, offset = fmt.decode_header(blob)
    with pytest.raises(VaultError, match="integrity check failed"):
        fmt.decode_body(blob, offset, old_data_key)
    # even with the body's (new) key, every entry is sealed under the new key only
    now = Vault.open(vault_file, NEW)
    for entry in fmt.decode_body(blob, offset, now._key):
        with pytest.raises(VaultError, match="does not belong there"):
            fmt.open_entry(old_data_key, entry)
    # the old header spliced onto the new file does not help either
    stolen_blob = stolen.read_bytes()
    _, stolen_offset = fmt.decode_header(stolen_blob)
    spliced = stolen_blob[:stolen_offset] + blob[offset:]
    with pytest.raises(VaultError, match="integrity check failed"):
        fmt.decode_body(spliced, stolen_offset, old_data_key)
    assert now.get("a", TENANT, "client_secret") == b"before the rekey"
    assert now.get("b", TENANT, "client_secret") == b"after the rekey"


def test_every_entry_is_re_encrypted(vault_file: Path) -> None:
    v = Vault.create(vault_file, OLD)
    for i in range(4):
        v.set(f"p{i}", TENANT, "client_secret", f"s{i}".encode())
    before = {(e.profile, e.ciphertext) for e in v._entries}
    old_key = v._key
    v.rekey(NEW)
    assert v._key != old_key
    after = {(e.profile, e.ciphertext) for e in Vault.open(vault_file, NEW)._entries}
    assert {p for p, _ in after} == {p for p, _ in before}
    assert not ({c for _, c in before} & {c for _, c in after})


def test_rekey_keeps_other_slot_when_its_credential_is_at_hand(vault_file: Path) -> None:
    key = RawKey(os.urandom(32))
    v = Vault.create(vault_file, key)
    v.set("a", TENANT, "client_secret", b"x")
    v.rekey(OLD)  # opened with the key: the key slot is re-wrapped, a passphrase slot added
    again = Vault.open(vault_file, OLD)
    again.rekey(NEW, keep=(key,))
    assert Vault.open(vault_file, key).get("a", TENANT, "client_secret") == b"x"
    assert Vault.open(vault_file, NEW).get("a", TENANT, "client_secret") == b"x"


def test_rekey_refuses_to_orphan_a_slot_it_cannot_rewrap(vault_file: Path) -> None:
    key = RawKey(os.urandom(32))
    v = Vault.create(vault_file, key)
    v.rekey(OLD)
    before = vault_file.read_bytes()
    opened_by_passphrase = Vault.open(vault_file, OLD)
    with pytest.raises(VaultError, match=r"also opens with a key .* not at hand") as info:
        opened_by_passphrase.rekey(NEW)
    assert info.value.tip
    with pytest.raises(VaultError, match="not at hand"):  # a wrong key is no better
        opened_by_passphrase.rekey(NEW, keep=(RawKey(os.urandom(32)),))
    assert vault_file.read_bytes() == before


def test_writer_holding_the_old_key_is_told_the_vault_was_rekeyed(vault_file: Path) -> None:
    first = Vault.create(vault_file, OLD)
    second = Vault.open(vault_file, OLD)
    first.rekey(NEW)
    before = vault_file.read_bytes()
    with pytest.raises(VaultError, match="rekeyed by another process"):
        second.set("a", TENANT, "client_secret", b"x")
    assert vault_file.read_bytes() == before


def test_writer_whose_credential_survived_a_rekey_carries_on(vault_file: Path) -> None:
    """A scan holding the vault open (opened by key) saves its token cache after an admin
    rotated the passphrase elsewhere: the key slot was re-wrapped, so the write goes through."""
    key = RawKey(os.urandom(32))
    Vault.create(vault_file, key).rekey(OLD)
    scan = Vault.open(vault_file, key)
    admin = Vault.open(vault_file, key)
    admin.set("a", TENANT, "client_secret", b"x")
    admin.rekey(NEW)
    scan.set("a", TENANT, "token_cache", b"{}")
    again = Vault.open(vault_file, NEW)
    assert again.get("a", TENANT, "token_cache") == b"{}"
    assert again.get("a", TENANT, "client_secret") == b"x"
    assert scan._key == again._key  # sealed under the rotated key, not the stale one
