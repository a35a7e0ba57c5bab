"""Checks that run before any work: a run that reads a whole tenant must not fail at the end
because a path was unusable (issue 14, item 9)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from m365inv.errors import ConfigError


def check_out_dir(out: Path, option: str = "--out") -> None:
    """Fail (exit 2) unless reports can be written in ``out``, creating it if needed.

    Probes by creating and removing a temporary file in ``out`` or, when it does not exist yet,
    in the nearest existing parent (where it will be created): permission bits alone say
    nothing for root or on a read-only mount.
    """
    target = out
    while not target.exists():
        if target.parent == target:
            break
        target = target.parent
    if not target.is_dir():
        what = "is not a directory" if target == out else f"is below {target}, a file"
        raise ConfigError(f"{option} {out} {what}")
    try:
        fd, probe = tempfile.mkstemp(dir=target, prefix=".m365inv-probe-")
    except OSError as exc:
        where = "" if target == out else f" (in {target})"
        raise ConfigError(
            f"{option} {out} is not writable{where}: {exc.strerror}",
            tip="choose another directory or fix its permissions",
        ) from None
    os.close(fd)
    os.unlink(probe)
