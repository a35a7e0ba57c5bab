"""Named checkpoints inside a snapshot write, for crash tests.

``M365INV_STORE_FAULT="snapshot-row:kill"`` makes the process SIGKILL itself at that step;
``…:pause`` writes ``<step>.paused`` into ``M365INV_STORE_FAULT_DIR`` and waits (at most 60 s)
for ``<step>.go`` — so a test can hold a writer mid-transaction. Unset (the normal case), a
checkpoint is one dictionary lookup. Steps: locked, begin, snapshot-row, delta-links,
before-commit, committed.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

STEPS = ("locked", "begin", "snapshot-row", "delta-links", "before-commit", "committed")
ENV = "M365INV_STORE_FAULT"
DIR_ENV = "M365INV_STORE_FAULT_DIR"
PAUSE_LIMIT_S = 60.0


def checkpoint(step: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    for rule in spec.split(","):
        name, _, action = rule.partition(":")
        if name != step:
            continue
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "pause":
            _pause(step)


def _pause(step: str) -> None:
    folder = Path(os.environ.get(DIR_ENV, "."))
    (folder / f"{step}.paused").write_text(str(os.getpid()))
    deadline = time.monotonic() + PAUSE_LIMIT_S
    while not (folder / f"{step}.go").exists() and time.monotonic() < deadline:
        time.sleep(0.02)


__all__ = ["DIR_ENV", "ENV", "STEPS", "checkpoint"]
