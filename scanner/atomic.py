"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Used by the vault, the report writers and anything else that persists. The temp file lives in the
target's directory so ``os.replace`` is a rename on the same filesystem; it is fsynced before the
rename and the directory after, so a crash or SIGKILL at any point leaves a complete file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def write_bytes_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` atomically, with permission bits ``mode``."""
    with open_atomic(path, mode=mode) as fh:
        fh.write(data)


@contextlib.contextmanager
def open_atomic(path: Path, *, mode: int = 0o644) -> Iterator[BinaryIO]:
    """A binary file to stream into; on a clean exit it replaces ``path`` atomically (fsynced,
    permission bits ``mode``), on an exception it is removed and ``path`` is left as it was.

    For output too large to hold in memory first (a million-user tenant's ``inventory.json``).
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str, *, mode: int = 0o644) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), mode=mode)


def fsync_dir(directory: Path) -> None:
    """Persist a rename: without it a power cut can forget the new directory entry."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
