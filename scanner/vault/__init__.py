"""The encrypted credential vault: client secrets, certificate passwords, MSAL token caches.

See :mod:`m365inv.vault.format` for the file format and its guarantees.
"""

from m365inv.vault.credentials import open_vault, unlock_credential, vault_path
from m365inv.vault.format import Credential, EntryKind, Passphrase, RawKey
from m365inv.vault.policy import Argon2Params
from m365inv.vault.store import EntryInfo, Vault

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
