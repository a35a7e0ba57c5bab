"""How strong a vault's protection must be — the floors, the ceilings, and where they apply.

**Floors** apply when a key slot is *written* (``vault init``, ``vault rekey``):

* a passphrase has at least :data:`MIN_PASSPHRASE_CHARS` characters, of which at least
  :data:`MIN_DISTINCT_CHARS` differ (NIST SP 800-63B asks for length, not composition rules; the
  distinct-character rule only stops ``aaaaaaaaaaaa``);
* the Argon2id cost is at least :data:`FLOOR` — OWASP's minimum for Argon2id (19 MiB, 2 passes,
  1 lane; Password Storage Cheat Sheet). Measured on the 2-core build machine: 23 ms; the
  default (:class:`~m365inv.vault.format.Argon2Params`, 128 MiB × 3) takes 0.38 s.

The cost of new slots may be changed with ``M365INV_VAULT_ARGON2="t,m,p"`` (passes, memory in
KiB, lanes), e.g. on a small container — never below the floor nor above the ceiling.

**Ceilings** apply when a slot is *read*: the KDF runs before anything in the file can be
authenticated (the key it derives is what authenticates), so a tampered header could otherwise
ask for terabytes of memory or hours of work. :data:`MAX_TIME_COST` × :data:`MAX_MEMORY_KIB`
took 4.8 s here. On read the floor is not enforced — a weaker slot made by an older m365inv still
opens, so that ``vault rekey`` can replace it.

Tests lower :data:`FLOOR` and :data:`DEFAULT` by patching this module's attributes in-process
(``tests/scanner/vault/fast.py``); no environment variable or option can lower them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from m365inv.errors import VaultError

ENV_ARGON2 = "M365INV_VAULT_ARGON2"

MIN_PASSPHRASE_CHARS = 12
MIN_DISTINCT_CHARS = 5


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost of a passphrase slot; the default is 128 MiB, 3 passes, 1 lane.

    Measured on the 2-core build machine: 0.38-0.45 s idle, 0.8-1.1 s while other jobs share
    the cores (t=2/256 MiB: 0.61 s, t=3/256 MiB: 0.90 s idle) — the issue asks for ~0.5 s.
    """

    time_cost: int = 3
    memory_kib: int = 131072
    parallelism: int = 1

    def check(self) -> None:
        """Raise when reading these parameters back would be unbounded work (see module doc)."""
        check_readable(self)


DEFAULT = Argon2Params()
"""The cost of a new passphrase slot unless ``M365INV_VAULT_ARGON2`` says otherwise."""

FLOOR = Argon2Params(time_cost=2, memory_kib=19 * 1024, parallelism=1)
"""The weakest Argon2id cost a new slot may have (OWASP: m=19 MiB, t=2, p=1)."""

MAX_TIME_COST = 10
MAX_MEMORY_KIB = 512 * 1024
MAX_PARALLELISM = 4


def check_passphrase(value: str) -> None:
    """Refuse a passphrase too short (or too repetitive) to protect a vault."""
    if len(value) < MIN_PASSPHRASE_CHARS or len(set(value)) < MIN_DISTINCT_CHARS:
        raise VaultError(
            f"the passphrase is too weak: it needs at least {MIN_PASSPHRASE_CHARS} characters, "
            f"{MIN_DISTINCT_CHARS} of them different; nothing was changed",
            tip="use a few unrelated words, e.g. from a password manager's generator",
        )


def check_readable(params: Argon2Params) -> None:
    """Refuse parameters that would make one unlock allocate or spin without bound."""
    if not (
        1 <= params.time_cost <= MAX_TIME_COST
        and 1 <= params.parallelism <= MAX_PARALLELISM
        and 8 * params.parallelism <= params.memory_kib <= MAX_MEMORY_KIB
    ):
        raise VaultError(
            "vault key-derivation parameters are out of range "
            f"(at most {MAX_TIME_COST} passes, {MAX_MEMORY_KIB // 1024} MiB, "
            f"{MAX_PARALLELISM} lanes; file damaged or tampered with?)"
        )


def check_writable(params: Argon2Params) -> None:
    """Refuse a cost below :data:`FLOOR` (or above what we would agree to read back)."""
    floor = FLOOR
    if params.time_cost < floor.time_cost or params.memory_kib < floor.memory_kib:
        raise VaultError(
            f"Argon2id cost {params.time_cost} passes / {params.memory_kib} KiB is below the "
            f"minimum of {floor.time_cost} passes / {floor.memory_kib} KiB; nothing was changed",
            tip=f"unset {ENV_ARGON2} to use the default cost",
        )
    check_readable(params)


def new_slot_params() -> Argon2Params:
    """The cost for a new passphrase slot: the default, or ``M365INV_VAULT_ARGON2`` checked."""
    raw = os.environ.get(ENV_ARGON2)
    if not raw:
        return DEFAULT
    try:
        t, m, p = (int(x) for x in raw.split(","))
    except ValueError:
        raise VaultError(
            f"{ENV_ARGON2} must be three integers 'passes,memory_kib,lanes', e.g. '3,131072,1'"
        ) from None
    params = Argon2Params(time_cost=t, memory_kib=m, parallelism=p)
    check_writable(params)
    return params
