"""Fast vault costs for tests — in-process only, so no user environment can ever enable them.

Production code refuses an Argon2id cost below :data:`m365inv.vault.policy.FLOOR` (23 ms here);
a test suite opening vaults hundreds of times (every flipped byte, every truncation) lowers that
floor and the default cost by patching the module attributes for the test's duration. A child
process does not inherit the patch: it runs at the real default, or at the real floor when the
test sets ``M365INV_VAULT_ARGON2`` to :data:`REAL_FLOOR_ENV`.
"""

from __future__ import annotations

import pytest

from m365inv.vault import policy
from m365inv.vault.policy import Argon2Params

TEST_FLOOR = Argon2Params(time_cost=1, memory_kib=8, parallelism=1)
REAL_FLOOR = policy.FLOOR
REAL_FLOOR_ENV = f"{REAL_FLOOR.time_cost},{REAL_FLOOR.memory_kib},{REAL_FLOOR.parallelism}"


def use_fast_vault(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lower the floor in this process and make new slots use it."""
    monkeypatch.setattr(policy, "FLOOR", TEST_FLOOR)
    monkeypatch.setattr(policy, "DEFAULT", TEST_FLOOR)
    monkeypatch.delenv(policy.ENV_ARGON2, raising=False)
