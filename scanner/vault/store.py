"""The vault on disk: open, read entries, change them atomically under a file lock.

Readers need no lock: writes replace the file by rename (:mod:`m365inv.atomic`), so a reader sees
the old vault or the new one. Writers take ``<vault>.lock`` and re-read the file inside the lock,
so two processes saving token caches at once never lose each other's entries.
"""

from __future__ import annotations

import os
import secrets
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from m365inv.atomic import write_bytes_atomic
from m365inv.errors import VaultError
from m365inv.vault import format as fmt
from m365inv.vault import policy
from m365inv.vault.format import Credential, Entry, EntryKind, Header
from m365inv.vault.policy import Argon2Params

_LOCK_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class EntryInfo:
    """What ``vault list`` shows: never the secret, only where it belongs and its size."""

    profile: str
    tenant: str
    kind: EntryKind
    size: int


def _checkpoint(step: str) -> None:
    """Test hook: die hard at a named step, to prove an interrupted rekey loses nothing."""
    if os.environ.get("M365INV_TEST_KILL_AT") == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise VaultError(f"no vault at {path}", tip="create one with: m365inv vault init") from None
    except OSError as exc:
        raise VaultError(f"cannot read vault {path}: {exc.strerror}") from None


def _lock(path: Path) -> FileLock:
    return FileLock(path.with_name(path.name + ".lock"), timeout=_LOCK_TIMEOUT_S, mode=0o600)


class Vault:
    """An unlocked vault: holds the data key in memory, never writes it anywhere."""

    def __init__(
        self,
        path: Path,
        header: Header,
        data_key: bytes,
        entries: tuple[Entry, ...],
        credential: Credential,
    ):
        self._path = path
        self._header = header
        self._key = data_key
        self._entries = entries
        self._credential = credential  # to keep its slot working when rekey rotates the key

    def __repr__(self) -> str:
        return f"Vault({str(self._path)!r}, {len(self._entries)} entries)"

    @property
    def path(self) -> Path:
        return self._path

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def opened_with(self) -> fmt.SlotKind:
        """Which kind of credential this vault was unlocked with (rekey keeps its slot)."""
        return fmt.kind_of(self._credential)

    @property
    def key_ids(self) -> tuple[str, ...]:
        """The keyring entry names of the key slots (see :class:`~m365inv.vault.format.Slot`)."""
        return tuple(s.key_id for s in self._header.slots if s.kind == "key")

    @property
    def slot_kinds(self) -> frozenset[str]:
        return frozenset(s.kind for s in self._header.slots)

    # ------------------------------------------------------------------ open / create

    @classmethod
    def create(
        cls,
        path: Path,
        credential: Credential,
        *,
        params: Argon2Params | None = None,
        vault_id: str | None = None,
        key_id: str = "",
    ) -> Vault:
        """A new empty vault; refuses to overwrite an existing file.

        ``vault_id`` / ``key_id`` are given when the caller stored a key in the OS keyring under
        those names first (the slot is only written once the keyring has the key).
        """
        path = real_path(path)
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
            path.parent.chmod(0o700)  # mkdir's mode is filtered by the umask
        with _lock(path):
            if path.exists():
                raise VaultError(f"a vault already exists at {path}")
            vault_id = vault_id or secrets.token_hex(16)
            data_key = secrets.token_bytes(32)
            slot = fmt.make_slot(
                vault_id, data_key, credential, params or policy.new_slot_params(), key_id
            )
            header = Header(vault_id, (slot,))
            write_bytes_atomic(path, fmt.encode(header, data_key, ()), mode=0o600)
        return cls(path, header, data_key, (), credential)

    @classmethod
    def open(cls, path: Path, credential: Credential) -> Vault:
        path = real_path(path)
        blob = _read(path)
        header, offset = fmt.decode_header(blob)
        data_key = fmt.unwrap(header, credential)
        return cls(path, header, data_key, fmt.decode_body(blob, offset, data_key), credential)

    @staticmethod
    def peek(path: Path) -> Header:
        """The clear header (vault id, slot kinds) — enough to choose how to unlock."""
        return fmt.decode_header(_read(real_path(path)))[0]

    # ------------------------------------------------------------------ reading

    def get(self, profile: str, tenant: str, kind: EntryKind) -> bytes | None:
        for entry in self._entries:
            if entry.profile == profile and entry.kind == kind:
                if entry.tenant.lower() != tenant.lower():
                    raise VaultError(
                        f"the vault's {kind} for profile {profile!r} was stored for tenant "
                        f"{entry.tenant}, but the profile now names {tenant}",
                        tip=f"store it again: m365inv vault set {profile}",
                    )
                return fmt.open_entry(self._key, entry)
        return None

    def entries(self) -> tuple[EntryInfo, ...]:
        return tuple(
            EntryInfo(e.profile, e.tenant, e.kind, len(e.ciphertext) - 16)
            for e in sorted(self._entries, key=lambda e: (e.profile, e.kind))
        )

    # ------------------------------------------------------------------ changing

    def set(self, profile: str, tenant: str, kind: EntryKind, secret: bytes) -> None:
        if kind not in fmt.ENTRY_KINDS:
            raise VaultError(f"unknown vault entry kind {kind!r}")

        def change(key: bytes, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
            kept = tuple(e for e in entries if (e.profile, e.kind) != (profile, kind))
            return (*kept, fmt.seal_entry(key, profile, tenant, kind, secret))

        self._update(change)

    def remove(self, profile: str, kind: EntryKind | None = None) -> int:
        """Drop the profile's entries (or one kind of them); returns how many went."""
        removed = 0

        def change(_key: bytes, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
            nonlocal removed
            kept = tuple(
                e for e in entries if not (e.profile == profile and kind in (None, e.kind))
            )
            removed = len(entries) - len(kept)
            return kept

        self._update(change)
        return removed

    def rekey(
        self,
        new: Credential,
        *,
        keep: tuple[Credential, ...] = (),
        params: Argon2Params | None = None,
        key_id: str = "",
    ) -> None:
        """Rotate the data key: every entry is re-encrypted under a fresh one, wrapped for ``new``
        (replacing the slots of its kind) and for the slots of the other kind.

        Those other slots keep working only if their credential is at hand — the one this vault
        was opened with, or one in ``keep``; otherwise nothing changes and VaultError says which
        is missing. An old copy of the file plus an old credential yields the old data key, which
        opens nothing stored after the rekey. Nothing can be lost: until the atomic rename the
        old file with the old credential is intact, afterwards the new one is.
        """
        kind = fmt.kind_of(new)
        with self._locked():
            blob = _read(self._path)
            header, offset = fmt.decode_header(blob)
            entries = self._decode_own(blob, header, offset)
            _checkpoint("rekey:read")
            new_key = secrets.token_bytes(32)
            kept = tuple(
                self._rewrap(header.vault_id, slot, (self._credential, *keep), new_key)
                for slot in header.slots
                if slot.kind != kind
            )
            slot = fmt.make_slot(
                header.vault_id, new_key, new, params or policy.new_slot_params(), key_id
            )
            _checkpoint("rekey:derived")
            resealed = tuple(
                fmt.seal_entry(new_key, e.profile, e.tenant, e.kind, fmt.open_entry(self._key, e))
                for e in entries
            )
            new_header = Header(header.vault_id, (*kept, slot))
            data = fmt.encode(new_header, new_key, resealed)
            _checkpoint("rekey:encoded")
            write_bytes_atomic(self._path, data, mode=0o600)
            _checkpoint("rekey:written")
            self._header, self._key, self._entries = new_header, new_key, resealed
            self._credential = new

    def _rewrap(
        self, vault_id: str, slot: fmt.Slot, candidates: tuple[Credential, ...], new_key: bytes
    ) -> fmt.Slot:
        for credential in candidates:
            kept = fmt.rewrap_slot(vault_id, slot, credential, self._key, new_key)
            if kept is not None:
                return kept
        what = "passphrase" if slot.kind == "passphrase" else "key (keyring / M365INV_VAULT_KEY)"
        raise VaultError(
            f"the vault also opens with a {what} that is not at hand; rekeying replaces the data "
            "key, so that slot would stop working — nothing was changed",
            tip=f"make the current {slot.kind} available too (environment or prompt)",
        )

    def _decode_own(self, blob: bytes, header: Header, offset: int) -> tuple[Entry, ...]:
        if header.vault_id != self._header.vault_id:
            raise VaultError(f"the vault at {self._path} was replaced by another vault")
        if header.slots != self._header.slots:  # rekeyed since we opened it: the data key
            try:  # rotated; our credential may still open the new slots (e.g. a kept key slot)
                self._key = fmt.unwrap(header, self._credential)
            except VaultError:
                raise VaultError(
                    f"the vault at {self._path} was rekeyed by another process and no longer "
                    "opens with the credential this run used; nothing was changed",
                    tip="run the command again",
                ) from None
            self._header = header
        return fmt.decode_body(blob, offset, self._key)

    def _locked(self) -> FileLock:
        lock = _lock(self._path)
        try:
            lock.acquire()
        except Timeout:
            raise VaultError(f"the vault {self._path} is locked by another process") from None
        return lock

    def _update(self, change: Callable[[bytes, tuple[Entry, ...]], tuple[Entry, ...]]) -> None:
        with self._locked():
            blob = _read(self._path)
            header, offset = fmt.decode_header(blob)
            current = self._decode_own(blob, header, offset)  # may adopt a rotated data key
            entries = change(self._key, current)
            write_bytes_atomic(self._path, fmt.encode(header, self._key, entries), mode=0o600)
            self._header, self._entries = header, entries


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) vault path names: writes go through the link, so the link
    and its target never diverge, and every path to one vault shares one lock file."""
    return Path(os.path.realpath(Path(path)))
