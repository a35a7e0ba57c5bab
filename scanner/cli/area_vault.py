"""``m365inv vault …`` — the encrypted credential vault.

Secrets are read from stdin or a hidden prompt, never from argv (argv is visible in ``ps`` and
shell history). Nothing here echoes a secret back.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.table import Table

from scanner.auth.certs import generate_certificate, public_pem
from scanner.cli.common import console, console_err
from scanner.errors import ConfigError, VaultError
from scanner.logsafe import remember_secret
from scanner.profiles import get_profile
from scanner.vault import (
    Credential,
    EntryKind,
    Passphrase,
    RawKey,
    Vault,
    open_vault,
    policy,
    vault_path,
)
from scanner.vault import credentials as creds

vault_app = typer.Typer(
    name="vault",
    help="The encrypted credential vault (secrets, token caches).",
    no_args_is_help=True,
)

VaultOpt = Annotated[
    Path | None,
    typer.Option("--vault", help="Vault file (default: $M365INV_VAULT or the user data dir)."),
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Profiles file.")]
KeyringOpt = Annotated[
    bool, typer.Option("--keyring", help="Protect with a random key kept in the OS keyring.")
]
KeyEnvOpt = Annotated[
    bool, typer.Option("--key-from-env", help="Protect with the key in M365INV_VAULT_KEY.")
]
Kind = Literal["client-secret", "cert-password", "certificate"]
ENV_NEW_PASSPHRASE = "M365INV_VAULT_NEW_PASSPHRASE"  # noqa: S105 - a variable name


def hidden_prompt(label: str) -> str:
    if not sys.stdin.isatty() and not os.environ.get("M365INV_FORCE_PROMPT"):
        raise VaultError(
            f"{label.lower()} needed but there is no terminal",
            tip=f"set {creds.ENV_PASSPHRASE} (or {creds.ENV_KEY}) for unattended runs",
        )
    return str(typer.prompt(label, hide_input=True))


def _new_passphrase(env: str) -> Passphrase:
    if os.environ.get(env):
        remember_secret(os.environ[env])
        return Passphrase(os.environ[env])
    first = hidden_prompt("New vault passphrase")
    policy.check_passphrase(first)  # before asking for the repeat
    remember_secret(first)
    if hidden_prompt("Repeat the passphrase") != first:
        raise VaultError("the passphrases do not match; nothing was changed")
    return Passphrase(first)


def _new_credential(keyring: bool, key_from_env: bool, passphrase_env: str) -> Credential:
    if keyring and key_from_env:
        raise ConfigError("choose one of --keyring and --key-from-env")
    if key_from_env:
        key = creds.env_key()
        if key is None:
            raise ConfigError(f"--key-from-env: {creds.ENV_KEY} is not set")
        return key
    if keyring:
        return creds.new_raw_key("the OS keyring")
    return _new_passphrase(passphrase_env)


def _read_secret(label: str) -> bytes:
    """The secret from stdin when piped, else from a hidden prompt; never from argv."""
    if not sys.stdin.isatty() and not os.environ.get("M365INV_FORCE_PROMPT"):
        data = (
            sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        )
        value = data.rstrip(b"\r\n")
    else:
        value = hidden_prompt(label).encode()
    if not value:
        raise VaultError("empty secret; nothing was stored")
    return value


@vault_app.command("init")
def init(
    vault: VaultOpt = None, keyring: KeyringOpt = False, key_from_env: KeyEnvOpt = False
) -> None:
    """Create an empty vault protected by a passphrase (or a key for scheduled runs)."""
    path = vault_path(vault)
    if path.exists():
        raise VaultError(f"a vault already exists at {path}")
    cred = _new_credential(keyring, key_from_env, creds.ENV_PASSPHRASE)
    if not keyring:
        Vault.create(path, cred)
    else:  # the key goes into the keyring (and is read back) before any file names it
        vault_id, key_id = secrets.token_hex(16), creds.new_key_id()
        assert isinstance(cred, RawKey)
        creds.store_in_keyring(vault_id, key_id, cred)
        try:
            Vault.create(path, cred, vault_id=vault_id, key_id=key_id)
        except BaseException:
            creds.drop_from_keyring(vault_id, key_id)
            raise
    console.print(f"created vault {path}")


@vault_app.command("set")
def set_(
    profile: Annotated[str, typer.Argument(help="Profile the secret belongs to.")],
    kind: Annotated[Kind, typer.Option("--kind", help="What the secret is.")] = "client-secret",
    vault: VaultOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Store a secret for PROFILE, read from stdin or a hidden prompt."""
    prof = get_profile(profile, config)
    v = open_vault(vault, hidden_prompt)
    entry: EntryKind = "client_secret" if kind == "client-secret" else "cert_password"
    if kind == "certificate":
        data = _read_secret("PEM (private key + certificate)")
        public_pem(data)  # refuse what we could not use later
        v.set(prof.name, prof.tenant_id, "certificate", data)
    else:
        v.set(prof.name, prof.tenant_id, entry, _read_secret(f"{kind} for {profile}"))
    console.print(f"stored {kind} for profile {profile}")


@vault_app.command("list")
def list_(vault: VaultOpt = None) -> None:
    """Show which secrets the vault holds (never the secrets)."""
    v = open_vault(vault, hidden_prompt)
    table = Table("profile", "tenant", "kind", "bytes")
    for e in v.entries():
        table.add_row(e.profile, e.tenant, e.kind, str(e.size))
    console.print(f"vault {v.path} (unlocks with: {', '.join(sorted(v.slot_kinds))})")
    console.print(table)


@vault_app.command("remove")
def remove(
    profile: str,
    kind: Annotated[
        Literal["client-secret", "cert-password", "certificate", "token-cache"] | None,
        typer.Option("--kind", help="Only this kind (default: all of the profile's entries)."),
    ] = None,
    vault: VaultOpt = None,
) -> None:
    """Delete PROFILE's entries from the vault."""
    v = open_vault(vault, hidden_prompt)
    n = v.remove(profile, kind.replace("-", "_") if kind else None)  # type: ignore[arg-type]
    console.print(f"removed {n} entr{'y' if n == 1 else 'ies'} of profile {profile}")


@vault_app.command("rekey")
def rekey(
    vault: VaultOpt = None, keyring: KeyringOpt = False, key_from_env: KeyEnvOpt = False
) -> None:
    """Rotate the data key under a new passphrase (or add/replace a key slot).

    Every entry is re-encrypted, so an old copy of the vault opens nothing stored afterwards.
    The new passphrase comes from a prompt or M365INV_VAULT_NEW_PASSPHRASE. Safe to interrupt:
    the old or the new file is complete at every moment.
    """
    v = open_vault(vault, hidden_prompt)
    cred = _new_credential(keyring, key_from_env, ENV_NEW_PASSPHRASE)
    keep = creds.other_credentials(v, cred, hidden_prompt)
    if not keyring:
        v.rekey(cred, keep=keep)
    else:  # the new key is stored and read back under its own entry before the slot is written
        assert isinstance(cred, RawKey)
        old_ids, key_id = v.key_ids, creds.new_key_id()
        creds.store_in_keyring(v.vault_id, key_id, cred)
        try:
            v.rekey(cred, keep=keep, key_id=key_id)
        except BaseException:
            creds.drop_from_keyring(v.vault_id, key_id)
            raise
        for old in old_ids:  # the rotated data key makes the old keys useless
            creds.drop_from_keyring(v.vault_id, old)
    console.print(f"rekeyed vault {v.path}")


@vault_app.command("export-public")
def export_public(
    profile: str,
    generate: Annotated[
        bool, typer.Option("--generate", help="Create a new key pair inside the vault first.")
    ] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write the PEM here.")] = None,
    vault: VaultOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Print PROFILE's public certificate (to upload to the app registration).

    With --generate a new private key is created inside the vault and never touches the disk
    in clear; only its public certificate leaves.
    """
    prof = get_profile(profile, config)
    v = open_vault(vault, hidden_prompt)
    if generate:
        v.set(
            prof.name, prof.tenant_id, "certificate", generate_certificate(f"m365inv {prof.name}")
        )
    stored = v.get(prof.name, prof.tenant_id, "certificate")
    if stored is None:
        raise VaultError(
            f"the vault holds no certificate for profile {profile!r}",
            tip=f"create one: m365inv vault export-public {profile} --generate",
        )
    pem = public_pem(stored)
    if out is None:
        sys.stdout.write(pem.decode())
    else:
        out.write_bytes(pem)
        console_err.print(f"wrote {out}")


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    app.add_typer(vault_app)
