"""The encrypted credential vault: client secrets, certificate passwords, MSAL token caches.

See :mod:`scanner.vault.format` for the file format and its guarantees.
"""

from scanner.vault.credentials import open_vault, unlock_credential, vault_path
from scanner.vault.format import Credential, EntryKind, Passphrase, RawKey
from scanner.vault.policy import Argon2Params
from scanner.vault.store import EntryInfo, Vault

__all__ = [
    "Argon2Params",
    "Credential",
    "EntryInfo",
    "EntryKind",
    "Passphrase",
    "RawKey",
    "Vault",
    "open_vault",
    "unlock_credential",
    "vault_path",
]
