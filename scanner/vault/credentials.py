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

from scanner.errors import VaultError
from scanner.vault.format import Credential, Passphrase, RawKey
from scanner.vault.store import Vault

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
    try:
        return RawKey(base64.b64decode(raw.strip(), validate=True), origin=ENV_KEY)
    except (binascii.Error, ValueError):
        raise VaultError(f"{ENV_KEY} is not valid base64 (expected 32 bytes)") from None


def new_raw_key(origin: str) -> RawKey:
    return RawKey(secrets.token_bytes(32), origin=origin)


def keyring_key(vault_id: str) -> RawKey | None:
    """The vault's key from the OS keyring, or None when there is no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        raw = keyring.get_password(KEYRING_SERVICE, vault_id)
    except KeyringError as exc:
        log.debug("keyring unavailable: %s", type(exc).__name__)
        return None
    if not raw:
        return None
    try:
        return RawKey(base64.b64decode(raw, validate=True), origin="the OS keyring")
    except (binascii.Error, ValueError):
        raise VaultError("the vault key in the OS keyring is damaged") from None


def store_in_keyring(vault_id: str, key: RawKey) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, vault_id, base64.b64encode(key.value).decode())
    except KeyringError as exc:
        raise VaultError(
            f"cannot store the vault key in the OS keyring ({type(exc).__name__})"
        ) from None


def passphrase(prompt: Prompt | None, *, label: str = "Vault passphrase") -> Passphrase:
    raw = os.environ.get(ENV_PASSPHRASE)
    if raw:
        return Passphrase(raw)
    if prompt is None:
        raise VaultError(
            "the vault is locked and no passphrase is available",
            tip=f"set {ENV_PASSPHRASE} or {ENV_KEY}, or run interactively",
        )
    value = prompt(label)
    if not value:
        raise VaultError("an empty passphrase is not allowed")
    return Passphrase(value)


def unlock_credential(path: Path, prompt: Prompt | None) -> Credential:
    header = Vault.peek(path)
    kinds = {s.kind for s in header.slots}
    if "key" in kinds:
        key = env_key() or keyring_key(header.vault_id)
        if key is not None:
            return key
    if "passphrase" in kinds:
        return passphrase(prompt)
    raise VaultError(f"the vault is protected by a key; set {ENV_KEY} or store it in the keyring")


def open_vault(path: Path | None, prompt: Prompt | None) -> Vault:
    """Open the vault at ``path`` (default location when None) with whatever can unlock it."""
    where = vault_path(path)
    return Vault.open(where, unlock_credential(where, prompt))
