"""Named checkpoints inside a snapshot write, for crash tests.

:meth:`SnapshotStore.save` calls its ``checkpoint`` at each step of the write; the default does
nothing. Crash tests inject one (``open_store(url, checkpoint=...)``) that kills the process or
holds it mid-transaction at a chosen step (``tests/scanner/store/crash_writer.py``) — nothing in
the environment can make a production process kill itself.
"""

from __future__ import annotations

from collections.abc import Callable

STEPS = ("locked", "begin", "snapshot-row", "delta-links", "before-commit", "committed")
"""The steps of a snapshot write, in order."""

Checkpoint = Callable[[str], None]


def no_checkpoint(step: str) -> None:
    """The production checkpoint: nothing."""


__all__ = ["STEPS", "Checkpoint", "no_checkpoint"]
