"""A symlinked vault path is written through, never replaced (issue 10, item 11).

Before: the atomic rename replaced the link itself with a regular file, so the link and its
target became two vaults that silently diverged (a secret stored through one was missing from
the other; a rekey left the old passphrase working on the other copy).
"""

from __future__ import annotations

import os
from pathlib import Path

from m365inv.vault import Passphrase, Vault
from m365inv.vault.store import _lock

TENANT = "11111111-2222-3333-4444-555555555555"
PW = Passphrase("correct horse battery staple")


def test_writes_through_a_symlink(vault_file: Path, tmp_path: Path) -> None:
    Vault.create(vault_file, PW)
    link = tmp_path / "link-to-vault.m365v"
    link.symlink_to(vault_file)
    Vault.open(link, PW).set("a", TENANT, "client_secret", b"via the link")
    assert link.is_symlink() and os.readlink(link) == str(vault_file)
    assert Vault.open(vault_file, PW).get("a", TENANT, "client_secret") == b"via the link"
    Vault.open(link, PW).rekey(Passphrase("another passphrase"))
    assert link.is_symlink()
    assert Vault.open(vault_file, Passphrase("another passphrase")).entries()
    assert {p.name for p in tmp_path.iterdir() if p.is_file() and not p.is_symlink()} == set()


def test_chain_of_links_and_relative_link(vault_file: Path, tmp_path: Path) -> None:
    Vault.create(vault_file, PW)
    first = tmp_path / "first"
    first.symlink_to(os.path.relpath(vault_file, tmp_path))
    second = tmp_path / "second"
    second.symlink_to(first)
    Vault.open(second, PW).set("b", TENANT, "client_secret", b"two hops")
    assert first.is_symlink() and second.is_symlink()
    assert Vault.open(vault_file, PW).get("b", TENANT, "client_secret") == b"two hops"


def test_create_through_a_dangling_link_creates_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "vault.m365v"
    target.parent.mkdir()
    link = tmp_path / "vault-link"
    link.symlink_to(target)
    Vault.create(link, PW).set("c", TENANT, "client_secret", b"x")
    assert link.is_symlink() and target.is_file()
    assert Vault.open(target, PW).get("c", TENANT, "client_secret") == b"x"


def test_link_and_target_share_one_lock(vault_file: Path, tmp_path: Path) -> None:
    """Two writers, one through the link, must exclude each other (one lock file)."""
    Vault.create(vault_file, PW)
    link = tmp_path / "link"
    link.symlink_to(vault_file)
    assert Vault.open(link, PW).path == Vault.open(vault_file, PW).path == vault_file
    assert _lock(Vault.open(link, PW).path).lock_file == _lock(vault_file).lock_file
