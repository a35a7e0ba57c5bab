"""The vault on disk: open, read entries, change them atomically under a file lock.

Readers need no lock: writes replace the file by rename (:mod:`scanner.atomic`), so a reader sees
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

from scanner.atomic import write_bytes_atomic
from scanner.errors import VaultError
from scanner.vault import format as fmt
from scanner.vault.format import Argon2Params, Credential, Entry, EntryKind, Header

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

    def __init__(self, path: Path, header: Header, data_key: bytes, entries: tuple[Entry, ...]):
        self._path = path
        self._header = header
        self._key = data_key
        self._entries = entries

    def __repr__(self) -> str:
        return f"Vault({str(self._path)!r}, {len(self._entries)} entries)"

    @property
    def path(self) -> Path:
        return self._path

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def slot_kinds(self) -> frozenset[str]:
        return frozenset(s.kind for s in self._header.slots)

    # ------------------------------------------------------------------ open / create

    @classmethod
    def create(
        cls, path: Path, credential: Credential, *, params: Argon2Params | None = None
    ) -> Vault:
        """A new empty vault; refuses to overwrite an existing file."""
        path = Path(path)
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
            path.parent.chmod(0o700)  # mkdir's mode is filtered by the umask
        with _lock(path):
            if path.exists():
                raise VaultError(f"a vault already exists at {path}")
            vault_id = secrets.token_hex(16)
            data_key = secrets.token_bytes(32)
            slot = fmt.make_slot(vault_id, data_key, credential, params or default_params())
            header = Header(vault_id, (slot,))
            write_bytes_atomic(path, fmt.encode(header, data_key, ()), mode=0o600)
        return cls(path, header, data_key, ())

    @classmethod
    def open(cls, path: Path, credential: Credential) -> Vault:
        path = Path(path)
        blob = _read(path)
        header, offset = fmt.decode_header(blob)
        data_key = fmt.unwrap(header, credential)
        return cls(path, header, data_key, fmt.decode_body(blob, offset, data_key))

    @staticmethod
    def peek(path: Path) -> Header:
        """The clear header (vault id, slot kinds) — enough to choose how to unlock."""
        return fmt.decode_header(_read(Path(path)))[0]

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
        new = fmt.seal_entry(self._key, profile, tenant, kind, secret)

        def change(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
            kept = tuple(e for e in entries if (e.profile, e.kind) != (profile, kind))
            return (*kept, new)

        self._update(change)

    def remove(self, profile: str, kind: EntryKind | None = None) -> int:
        """Drop the profile's entries (or one kind of them); returns how many went."""
        removed = 0

        def change(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
            nonlocal removed
            kept = tuple(
                e for e in entries if not (e.profile == profile and kind in (None, e.kind))
            )
            removed = len(entries) - len(kept)
            return kept

        self._update(change)
        return removed

    def rekey(self, new: Credential, *, params: Argon2Params | None = None) -> None:
        """Re-wrap the data key for ``new``, replacing the slot(s) of the same kind.

        Entries are not re-encrypted (the data key stays), so nothing can be lost: until the
        atomic rename the old file with the old credential is intact, afterwards the new one is.
        """
        kind = "key" if isinstance(new, fmt.RawKey) else "passphrase"
        with self._locked():
            blob = _read(self._path)
            header, offset = fmt.decode_header(blob)
            entries = self._decode_own(blob, header, offset)
            _checkpoint("rekey:read")
            slot = fmt.make_slot(header.vault_id, self._key, new, params or default_params())
            _checkpoint("rekey:derived")
            new_header = Header(
                header.vault_id, (*(s for s in header.slots if s.kind != kind), slot)
            )
            data = fmt.encode(new_header, self._key, entries)
            _checkpoint("rekey:encoded")
            write_bytes_atomic(self._path, data, mode=0o600)
            _checkpoint("rekey:written")
            self._header, self._entries = new_header, entries

    def _decode_own(self, blob: bytes, header: Header, offset: int) -> tuple[Entry, ...]:
        if header.vault_id != self._header.vault_id:
            raise VaultError(f"the vault at {self._path} was replaced by another vault")
        return fmt.decode_body(blob, offset, self._key)

    def _locked(self) -> FileLock:
        lock = _lock(self._path)
        try:
            lock.acquire()
        except Timeout:
            raise VaultError(f"the vault {self._path} is locked by another process") from None
        return lock

    def _update(self, change: Callable[[tuple[Entry, ...]], tuple[Entry, ...]]) -> None:
        with self._locked():
            blob = _read(self._path)
            header, offset = fmt.decode_header(blob)
            entries = change(self._decode_own(blob, header, offset))
            write_bytes_atomic(self._path, fmt.encode(header, self._key, entries), mode=0o600)
            self._header, self._entries = header, entries


def default_params() -> Argon2Params:
    """Argon2id cost; ``M365INV_TEST_ARGON2="t,m,p"`` lowers it for tests only."""
    raw = os.environ.get("M365INV_TEST_ARGON2")
    if not raw:
        return Argon2Params()
    t, m, p = (int(x) for x in raw.split(","))
    return Argon2Params(time_cost=t, memory_kib=m, parallelism=p)
