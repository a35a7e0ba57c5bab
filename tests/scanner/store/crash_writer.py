"""A snapshot writer for crash tests, run as its own process: ``python -m
tests.scanner.store.crash_writer URL STEP:ACTION[,STEP:ACTION…] DIR``.

It injects a checkpoint into the store (:mod:`m365inv.store.faults`): ``kill`` SIGKILLs this
process at that step; ``pause`` writes ``<step>.paused`` into DIR and waits (at most 60 s) for
``<step>.go`` — so a test can hold a writer mid-transaction.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from m365inv.store import open_store
from m365inv.store.faults import Checkpoint
from tests.reports.fixture_inventory import build_inventory
from tests.scanner.store.writer_data import writer_tenant_data

PAUSE_LIMIT_S = 60.0


def make_checkpoint(spec: str, folder: Path) -> Checkpoint:
    rules = dict(rule.partition(":")[::2] for rule in spec.split(",") if rule)

    def checkpoint(step: str) -> None:
        action = rules.get(step)
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "pause":
            (folder / f"{step}.paused").write_text(str(os.getpid()))
            deadline = time.monotonic() + PAUSE_LIMIT_S
            while not (folder / f"{step}.go").exists() and time.monotonic() < deadline:
                time.sleep(0.02)

    return checkpoint


def main() -> None:
    url, spec, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    with open_store(url, checkpoint=make_checkpoint(spec, folder)) as store:
        store.save("contoso", build_inventory(), writer_tenant_data())
    print("saved")


if __name__ == "__main__":
    main()
