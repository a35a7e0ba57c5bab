"""Where the vault lives and how it is unlocked, without anyone typing for scheduled runs.

Order: a key (``M365INV_VAULT_KEY``, then the OS keyring) when the vault has a key slot, then a
passphrase (``M365INV_VAULT_PASSPHRASE``, then a hidden prompt when interactive). Secrets only
travel in memory; nothing here logs them.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import platformdirs

from m365inv.errors import VaultError
from m365inv.logsafe import remember_secret
from m365inv.vault.format import Credential, Passphrase, RawKey, kind_of
from m365inv.vault.store import Vault

log = logging.getLogger(__name__)

ENV_PATH = "M365INV_VAULT"
ENV_KEY = "M365INV_VAULT_KEY"
ENV_PASSPHRASE = "M365INV_VAULT_PASSPHRASE"  # noqa: S105 - a variable name
KEYRING_SERVICE = "m365inv-vault"

Prompt = Callable[[str], str]


def vault_path(option: Path | None = None) -> Path:
    """``--vault FILE``, else ``$M365INV_VAULT``, else the platform's user data directory."""
    if option is not None:
        return Path(option)
    if os.environ.get(ENV_PATH):
        return Path(os.environ[ENV_PATH])
    return platformdirs.user_data_path("m365inv") / "vault.m365v"


def env_key() -> RawKey | None:
    raw = os.environ.get(ENV_KEY)
    if not raw:
        return None
    remember_secret(raw.strip())
    try:
        return RawKey(base64.b64decode(raw.strip(), validate=True), origin=ENV_KEY)
    except (binascii.Error, ValueError):
        raise VaultError(f"{ENV_KEY} is not valid base64 (expected 32 bytes)") from None


def new_raw_key(origin: str) -> RawKey:
    return RawKey(secrets.token_bytes(32), origin=origin)


def keyring_name(vault_id: str, key_id: str) -> str:
    """The keyring entry of a key slot: one per key, so a new key never overwrites the old one."""
    return f"{vault_id}/{key_id}" if key_id else vault_id


def keyring_key(vault_id: str, key_id: str = "") -> RawKey | None:
    """The vault's key from the OS keyring, or None when there is no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        raw = keyring.get_password(KEYRING_SERVICE, keyring_name(vault_id, key_id))
    except KeyringError as exc:
        log.debug("keyring unavailable: %s", type(exc).__name__)
        return None
    if not raw:
        return None
    try:
        return RawKey(base64.b64decode(raw, validate=True), origin="the OS keyring")
    except (binascii.Error, ValueError):
        raise VaultError("the vault key in the OS keyring is damaged") from None


def store_in_keyring(vault_id: str, key_id: str, key: RawKey) -> None:
    """Store ``key`` and read it back; VaultError unless the keyring returns exactly it.

    Called *before* the vault file gets the matching slot: a keyring that refuses, drops the
    value (the ``null`` backend) or hands back something else must not cost the vault.
    """
    import keyring
    from keyring.errors import KeyringError

    name = keyring_name(vault_id, key_id)
    problem = None
    try:
        keyring.set_password(KEYRING_SERVICE, name, base64.b64encode(key.value).decode())
        back = keyring.get_password(KEYRING_SERVICE, name)
    except KeyringError as exc:
        problem = f"it refused ({type(exc).__name__})"
    else:
        if back is None:
            problem = "it did not keep the key"
        elif back != base64.b64encode(key.value).decode():
            problem = "it returned a different value"
    if problem is not None:
        drop_from_keyring(vault_id, key_id)
        raise VaultError(
            f"cannot store the vault key in the OS keyring: {problem}; nothing was changed",
            tip=f"use a passphrase, or --key-from-env with {ENV_KEY}",
        )


def drop_from_keyring(vault_id: str, key_id: str) -> None:
    """Best effort: remove a key slot's keyring entry that no longer (or never) opens anything."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_name(vault_id, key_id))
    except KeyringError as exc:
        log.debug("keyring entry not removed: %s", type(exc).__name__)


def new_key_id() -> str:
    return secrets.token_hex(16)


def passphrase(prompt: Prompt | None, *, label: str = "Vault passphrase") -> Passphrase:
    raw = os.environ.get(ENV_PASSPHRASE)
    if raw:
        remember_secret(raw)
        return Passphrase(raw)
    if prompt is None:
        raise VaultError(
            "the vault is locked and no passphrase is available",
            tip=f"set {ENV_PASSPHRASE} or {ENV_KEY}, or run interactively",
        )
    value = prompt(label)
    if not value:
        raise VaultError("an empty passphrase is not allowed")
    remember_secret(value)
    return Passphrase(value)


def unlock_credential(path: Path, prompt: Prompt | None) -> Credential:
    header = Vault.peek(path)
    key_slots = [s for s in header.slots if s.kind == "key"]
    if key_slots:
        key = env_key()
        if key is not None:
            return key
        for slot in key_slots:
            key = keyring_key(header.vault_id, slot.key_id)
            if key is not None:
                return key
    if any(s.kind == "passphrase" for s in header.slots):
        return passphrase(prompt)
    raise VaultError(f"the vault is protected by a key; set {ENV_KEY} or store it in the keyring")


def other_credentials(
    vault: Vault, new: Credential, prompt: Prompt | None
) -> tuple[Credential, ...]:
    """What ``vault rekey`` needs besides the credential the vault was opened with: the current
    credential of each other slot kind (so a passphrase rekey keeps the keyring slot working)."""
    header = Vault.peek(vault.path)
    kinds = {s.kind for s in header.slots} - {kind_of(new), vault.opened_with}
    found: list[Credential] = []
    if "key" in kinds:
        key = env_key() or next(
            (
                k
                for s in header.slots
                if s.kind == "key"
                if (k := keyring_key(header.vault_id, s.key_id))
            ),
            None,
        )
        if key is not None:
            found.append(key)
    if "passphrase" in kinds:
        try:
            found.append(passphrase(prompt, label="Current vault passphrase"))
        except VaultError:
            raise VaultError(
                "rekeying replaces the data key, so the vault's passphrase slot needs the current "
                "passphrase too; nothing was changed",
                tip=f"set {ENV_PASSPHRASE}, or run interactively",
            ) from None
    return tuple(found)


def open_vault(path: Path | None, prompt: Prompt | None) -> Vault:
    """Open the vault at ``path`` (default location when None) with whatever can unlock it."""
    where = vault_path(path)
    return Vault.open(where, unlock_credential(where, prompt))
