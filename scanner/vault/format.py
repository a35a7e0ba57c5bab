"""The vault file format, version 1 — pure functions, no I/O.

::

    magic  b"M365INV\\x00VAULT\\x00\\x00\\x00" (16)  version u16 BE  header_len u32 BE
    header  compact JSON: {"vault_id", "slots": [...]}          (the key slots, in clear)
    nonce   12 bytes
    body    AES-256-GCM(data_key, nonce, entries JSON, aad = every byte before the nonce)

The random 256-bit *data key* encrypts the body. Each key slot holds the data key wrapped
(AES-256-GCM) under a *key-encryption key*: derived from a passphrase with Argon2id (the
parameters and salt live in the slot), or a raw 32-byte key from the OS keyring or
``M365INV_VAULT_KEY`` (a key slot may name its OS-keyring entry, ``key_id``). Because the whole
prefix is the body's associated data, changing any byte of the file is detected — a flipped KDF
parameter, salt or slot included. The KDF runs *before* that check can, so its parameters are
bounded on read and floored on write (:mod:`m365inv.vault.policy`).

Inside the body every entry is encrypted again under the data key with associated data binding
it to its profile name, tenant id and kind, so an entry copied into another profile (or a profile
whose tenant changed) fails to decrypt instead of handing a secret to the wrong tenant.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import struct
from dataclasses import dataclass
from typing import Any, Literal

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from m365inv.errors import VaultError
from m365inv.vault import policy
from m365inv.vault.policy import Argon2Params

MAGIC = b"M365INV\x00VAULT\x00\x00\x00"
VERSION = 1
_PREFIX = struct.Struct(">16sHI")
_NONCE = 12
_MAX_HEADER = 64 * 1024
_KEY_ID = re.compile(r"[0-9a-f]{0,64}")

SlotKind = Literal["passphrase", "key"]
EntryKind = Literal["client_secret", "cert_password", "certificate", "token_cache"]
ENTRY_KINDS: tuple[EntryKind, ...] = (
    "client_secret",
    "cert_password",
    "certificate",
    "token_cache",
)


@dataclass(frozen=True, repr=False)
class Passphrase:
    """A passphrase credential; ``repr`` never shows it."""

    value: str

    def __repr__(self) -> str:
        return "Passphrase(***)"


@dataclass(frozen=True, repr=False)
class RawKey:
    """A 32-byte key-encryption key (keyring / ``M365INV_VAULT_KEY``); ``repr`` never shows it."""

    value: bytes
    origin: str = "key"

    def __post_init__(self) -> None:
        if len(self.value) != 32:
            raise VaultError(f"the vault key from {self.origin} must be 32 bytes (base64-encoded)")

    def __repr__(self) -> str:
        return f"RawKey({self.origin}, ***)"


Credential = Passphrase | RawKey


@dataclass(frozen=True)
class Slot:
    """One way to unwrap the data key. ``key_id`` names a key slot's entry in the OS keyring
    (empty: the key comes from ``M365INV_VAULT_KEY``, or an older vault's entry named after the
    vault id) — a new key gets a new entry, so the old one stays valid until the file is replaced.
    """

    kind: SlotKind
    nonce: bytes
    wrapped: bytes
    salt: bytes = b""
    kdf: Argon2Params | None = None
    key_id: str = ""


@dataclass(frozen=True)
class Entry:
    profile: str
    tenant: str
    kind: EntryKind
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class Header:
    vault_id: str
    slots: tuple[Slot, ...]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


# ----------------------------------------------------------------------------- key wrapping


def derive_kek(credential: Credential, slot_salt: bytes, params: Argon2Params | None) -> bytes:
    if isinstance(credential, RawKey):
        return credential.value
    if params is None:
        raise VaultError("vault slot has no key-derivation parameters (file damaged?)")
    params.check()
    return hash_secret_raw(
        credential.value.encode("utf-8"),
        slot_salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _slot_aad(vault_id: str, slot: Slot) -> bytes:
    kdf = slot.kdf
    params = f"{kdf.time_cost},{kdf.memory_kib},{kdf.parallelism}" if kdf else "-"
    return f"m365inv-vault-slot/{VERSION}/{vault_id}/{slot.kind}/{params}".encode() + slot.salt


def make_slot(
    vault_id: str, data_key: bytes, credential: Credential, params: Argon2Params, key_id: str = ""
) -> Slot:
    """Wrap ``data_key`` for a new ``credential`` (fresh salt and nonce), after checking that
    the passphrase and the cost meet :mod:`m365inv.vault.policy`'s floors."""
    if isinstance(credential, RawKey):
        draft = Slot(kind="key", nonce=os.urandom(_NONCE), wrapped=b"", key_id=key_id)
    else:
        policy.check_passphrase(credential.value)
        policy.check_writable(params)
        draft = Slot(
            kind="passphrase",
            nonce=os.urandom(_NONCE),
            wrapped=b"",
            salt=os.urandom(16),
            kdf=params,
        )
    return _wrap(vault_id, draft, derive_kek(credential, draft.salt, draft.kdf), data_key)


def _wrap(vault_id: str, draft: Slot, kek: bytes, data_key: bytes) -> Slot:
    wrapped = AESGCM(kek).encrypt(draft.nonce, data_key, _slot_aad(vault_id, draft))
    return Slot(draft.kind, draft.nonce, wrapped, draft.salt, draft.kdf, draft.key_id)


def rewrap_slot(
    vault_id: str, slot: Slot, credential: Credential, old_key: bytes, new_key: bytes
) -> Slot | None:
    """``slot`` wrapping ``new_key`` instead (same salt, cost and keyring entry, new nonce), or
    None when ``credential`` does not open it to ``old_key``. Used by rekey to keep the slots of
    the other kind working across a data-key rotation."""
    if slot.kind != kind_of(credential):
        return None
    kek = derive_kek(credential, slot.salt, slot.kdf)
    try:
        opened = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _slot_aad(vault_id, slot))
    except InvalidTag:
        return None
    if opened != old_key:
        return None
    draft = Slot(slot.kind, os.urandom(_NONCE), b"", slot.salt, slot.kdf, slot.key_id)
    return _wrap(vault_id, draft, kek, new_key)


def kind_of(credential: Credential) -> SlotKind:
    return "key" if isinstance(credential, RawKey) else "passphrase"


def unwrap(header: Header, credential: Credential) -> bytes:
    """The data key, or VaultError when no slot of the credential's kind opens."""
    kind = kind_of(credential)
    slots = [s for s in header.slots if s.kind == kind]
    if not slots:
        other = "a passphrase" if kind == "key" else "a key (keyring / M365INV_VAULT_KEY)"
        raise VaultError(f"this vault is not protected by a {kind}; unlock it with {other}")
    for slot in slots:
        kek = derive_kek(credential, slot.salt, slot.kdf)
        try:
            return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _slot_aad(header.vault_id, slot))
        except InvalidTag:
            continue
    what = "passphrase" if kind == "passphrase" else "vault key"
    raise VaultError(f"wrong {what}, or the vault's key slot is damaged")


# ----------------------------------------------------------------------------- entries


def entry_aad(profile: str, tenant: str, kind: str) -> bytes:
    return "\x00".join(("m365inv-vault-entry", str(VERSION), profile, tenant, kind)).encode()


def seal_entry(data_key: bytes, profile: str, tenant: str, kind: EntryKind, secret: bytes) -> Entry:
    nonce = os.urandom(_NONCE)
    ct = AESGCM(data_key).encrypt(nonce, secret, entry_aad(profile, tenant, kind))
    return Entry(profile, tenant, kind, nonce, ct)


def open_entry(data_key: bytes, entry: Entry) -> bytes:
    try:
        return AESGCM(data_key).decrypt(
            entry.nonce, entry.ciphertext, entry_aad(entry.profile, entry.tenant, entry.kind)
        )
    except InvalidTag:
        raise VaultError(
            f"vault entry {entry.kind} of profile {entry.profile!r} does not belong there "
            "(tampered or moved between profiles)"
        ) from None


# ----------------------------------------------------------------------------- (de)serialise


def _slot_json(slot: Slot) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": slot.kind,
        "nonce": _b64(slot.nonce),
        "wrapped": _b64(slot.wrapped),
    }
    if slot.key_id:
        out["key_id"] = slot.key_id
    if slot.kdf is not None:
        out["kdf"] = {
            "name": "argon2id",
            "time_cost": slot.kdf.time_cost,
            "memory_kib": slot.kdf.memory_kib,
            "parallelism": slot.kdf.parallelism,
            "salt": _b64(slot.salt),
        }
    return out


def _slot_from(raw: Any) -> Slot:
    kind = raw["kind"]
    if kind == "key":
        key_id = raw.get("key_id", "")
        if not (isinstance(key_id, str) and _KEY_ID.fullmatch(key_id)):
            raise ValueError("key_id")
        return Slot("key", _unb64(raw["nonce"]), _unb64(raw["wrapped"]), key_id=key_id)
    if kind != "passphrase" or raw["kdf"]["name"] != "argon2id":
        raise ValueError("unknown slot")
    kdf = raw["kdf"]
    params = Argon2Params(_int(kdf["time_cost"]), _int(kdf["memory_kib"]), _int(kdf["parallelism"]))
    return Slot(
        "passphrase", _unb64(raw["nonce"]), _unb64(raw["wrapped"]), _unb64(kdf["salt"]), params
    )


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("expected an integer")
    return value


def encode(header: Header, data_key: bytes, entries: tuple[Entry, ...]) -> bytes:
    head = json.dumps(
        {"vault_id": header.vault_id, "slots": [_slot_json(s) for s in header.slots]},
        separators=(",", ":"),
        sort_keys=True,
    ).encode()
    prefix = _PREFIX.pack(MAGIC, VERSION, len(head)) + head
    body = json.dumps(
        [
            {
                "profile": e.profile,
                "tenant": e.tenant,
                "kind": e.kind,
                "nonce": _b64(e.nonce),
                "ct": _b64(e.ciphertext),
            }
            for e in entries
        ],
        separators=(",", ":"),
    ).encode()
    nonce = os.urandom(_NONCE)
    return prefix + nonce + AESGCM(data_key).encrypt(nonce, body, prefix)


def decode_header(blob: bytes) -> tuple[Header, int]:
    """Parse the clear part; returns the header and the offset of the body nonce."""
    if len(blob) < _PREFIX.size or not blob.startswith(MAGIC):
        raise VaultError("not an m365inv vault file (or it is truncated)")
    _, version, head_len = _PREFIX.unpack_from(blob)
    if version != VERSION:
        raise VaultError(
            f"vault format version {version} is not supported by this m365inv (expects {VERSION})"
        )
    end = _PREFIX.size + head_len
    if head_len > _MAX_HEADER or len(blob) < end + _NONCE + 16:
        raise VaultError("vault file is truncated or damaged")
    try:
        raw = json.loads(blob[_PREFIX.size : end])
        vault_id = raw["vault_id"]
        if not isinstance(vault_id, str):
            raise ValueError("vault_id")
        slots = tuple(_slot_from(s) for s in raw["slots"])
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise VaultError("vault header is damaged") from None
    return Header(vault_id, slots), end


def decode_body(blob: bytes, offset: int, data_key: bytes) -> tuple[Entry, ...]:
    nonce, ct = blob[offset : offset + _NONCE], blob[offset + _NONCE :]
    try:
        body = AESGCM(data_key).decrypt(nonce, ct, blob[:offset])
    except InvalidTag:
        raise VaultError("vault file was modified or is damaged (integrity check failed)") from None
    try:
        return tuple(
            Entry(r["profile"], r["tenant"], r["kind"], _unb64(r["nonce"]), _unb64(r["ct"]))
            for r in json.loads(body)
        )
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:  # authentic but malformed
        raise VaultError("vault contents are malformed") from exc
