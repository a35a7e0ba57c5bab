"""``m365inv vault …`` — the encrypted credential vault.

Secrets are read from stdin or a hidden prompt, never from argv (argv is visible in ``ps`` and
shell history). Nothing here echoes a secret back.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from m365inv.cli.base import add_commands, new_app
from m365inv.cli.common import console, console_err
from m365inv.cli.options import ConfigOpt, JsonOpt, VaultOpt, choice_parser
from m365inv.cli.output import print_json, print_table
from m365inv.errors import ConfigError, VaultError
from m365inv.logsafe import remember_secret

if TYPE_CHECKING:  # the vault (cryptography, argon2) loads only when a command needs it
    from m365inv.vault import Credential, EntryKind, Passphrase

vault_app = new_app("vault", "The encrypted credential vault (secrets, token caches).")

KeyringOpt = Annotated[
    bool, typer.Option("--keyring", help="Protect with a random key kept in the OS keyring.")
]
KeyEnvOpt = Annotated[
    bool, typer.Option("--key-from-env", help="Protect with the key in M365INV_VAULT_KEY.")
]
# One spelling for one thing: the vault's own entry names (``client_secret``), as in the profile
# file's ``auth = "device_code"``; the hyphenated spellings of 0.1 are still accepted.
SECRET_KINDS = ("client_secret", "cert_password", "certificate")
ENTRY_KINDS = (*SECRET_KINDS, "token_cache")
_OLD_KINDS = {k.replace("_", "-"): k for k in ENTRY_KINDS}
ProfileArg = Annotated[
    str,
    typer.Argument(metavar="PROFILE", help="Profile the entries belong to.", show_default=False),
]
ENV_NEW_PASSPHRASE = "M365INV_VAULT_NEW_PASSPHRASE"  # noqa: S105 - a variable name


def hidden_prompt(label: str) -> str:
    from m365inv.vault import credentials as creds

    if not sys.stdin.isatty() and not os.environ.get("M365INV_FORCE_PROMPT"):
        raise VaultError(
            f"{label.lower()} needed but there is no terminal",
            tip=f"set {creds.ENV_PASSPHRASE} (or {creds.ENV_KEY}) for unattended runs",
        )
    return str(typer.prompt(label, hide_input=True))


def _new_passphrase(env: str) -> Passphrase:
    from m365inv.vault import Passphrase, policy

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
    from m365inv.vault import credentials as creds

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
    if not value:  # the user gave nothing: a usage error (exit 2), the vault is fine
        raise ConfigError("empty secret; nothing was stored")
    return value


def init(
    vault: VaultOpt = None, keyring: KeyringOpt = False, key_from_env: KeyEnvOpt = False
) -> None:
    """Create an empty vault (passphrase, keyring or key).

    A key (--keyring, --key-from-env) suits scheduled runs: nothing to type.
    """
    from m365inv.vault import RawKey, Vault, vault_path
    from m365inv.vault import credentials as creds

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


def set_(
    profile: ProfileArg,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="|".join(SECRET_KINDS),
            parser=choice_parser(SECRET_KINDS, _OLD_KINDS),
            help="What the secret is.",
        ),
    ] = "client_secret",
    vault: VaultOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Store a secret for PROFILE (stdin or a hidden prompt).

    Never from argv: argv is visible in ps and in the shell history.
    """
    from m365inv.auth.certs import public_pem
    from m365inv.profiles import get_profile
    from m365inv.vault import open_vault

    prof = get_profile(profile, config)
    v = open_vault(vault, hidden_prompt)
    if kind == "certificate":
        data = _read_secret("PEM (private key + certificate)")
        public_pem(data)  # refuse what we could not use later
        v.set(prof.name, prof.tenant_id, "certificate", data)
    else:
        entry: EntryKind = "client_secret" if kind == "client_secret" else "cert_password"
        v.set(prof.name, prof.tenant_id, entry, _read_secret(f"{kind} for {profile}"))
    console.print(f"stored {kind} for profile {profile}")


def list_(vault: VaultOpt = None, as_json: JsonOpt = False) -> None:
    """Show which secrets the vault holds (never the secrets)."""
    from m365inv.vault import open_vault

    v = open_vault(vault, hidden_prompt)
    rows = [
        {"profile": e.profile, "tenant": e.tenant, "kind": e.kind, "bytes": e.size}
        for e in v.entries()
    ]
    if as_json:
        print_json({"vault": str(v.path), "unlocksWith": sorted(v.slot_kinds), "entries": rows})
        return
    # on stderr: stdout is the listing alone, so a pipe gets only the table's lines
    unlocks = ", ".join(sorted(v.slot_kinds))
    console_err.print(f"vault {v.path} (unlocks with: {unlocks})", markup=False)
    print_table(("profile", "tenant", "kind", "bytes"), [list(r.values()) for r in rows])


def remove(
    profile: ProfileArg,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="|".join(ENTRY_KINDS),
            parser=choice_parser(ENTRY_KINDS, _OLD_KINDS),
            help="Only this kind (default: all of the profile's entries).",
        ),
    ] = None,
    vault: VaultOpt = None,
) -> None:
    """Delete PROFILE's entries from the vault."""
    from m365inv.vault import open_vault

    v = open_vault(vault, hidden_prompt)
    n = v.remove(profile, kind)  # type: ignore[arg-type]  # validated by the parser
    console.print(f"removed {n} entr{'y' if n == 1 else 'ies'} of profile {profile}")


def rekey(
    vault: VaultOpt = None, keyring: KeyringOpt = False, key_from_env: KeyEnvOpt = False
) -> None:
    """Rotate the data key under a new passphrase (or add/replace a key slot).

    Every entry is re-encrypted, so an old copy of the vault opens nothing stored afterwards.
    The new passphrase comes from a prompt or M365INV_VAULT_NEW_PASSPHRASE. Safe to interrupt:
    the old or the new file is complete at every moment.
    """
    from m365inv.vault import RawKey, open_vault
    from m365inv.vault import credentials as creds

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


def export_public(
    profile: ProfileArg,
    generate: Annotated[
        bool, typer.Option("--generate", help="Create a new key pair inside the vault first.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="FILE", help="Write the PEM here.")
    ] = None,
    vault: VaultOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Print PROFILE's public certificate (for the app).

    Upload it to the app registration's certificates.

    With --generate a new private key is created inside the vault and never touches the disk
    in clear; only its public certificate leaves.
    """
    from m365inv.auth.certs import generate_certificate, public_pem
    from m365inv.profiles import get_profile
    from m365inv.vault import open_vault

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
    add_commands(
        vault_app,
        {
            "init": init,
            "set": set_,
            "list": list_,
            "remove": remove,
            "rekey": rekey,
            "export-public": export_public,
        },
    )
    app.add_typer(vault_app)
