"""A snapshot writer SIGKILLed at every step leaves the store consistent, and the next snapshot
succeeds (no stale lock, no half-written snapshot, no orphan delta links)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from m365inv.errors import StoreError
from m365inv.store import open_store, resolve_store_url
from m365inv.store.faults import STEPS
from tests.reports.fixture_inventory import build_inventory
from tests.scanner.store.writer_data import writer_tenant_data

ROOT = Path(__file__).resolve().parents[3]


def _spawn(url: str, fault: str, tmp: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.scanner.store.crash_writer", url, fault, str(tmp)],
        cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _consistent(url: str) -> int:
    """Every snapshot is whole (decodes, has its delta links); returns the count."""
    engine = sa.create_engine(resolve_store_url(url))
    try:
        with engine.connect() as conn:
            orphans = conn.execute(sa.text(
                "SELECT count(*) FROM m365inv_delta_links d LEFT JOIN m365inv_snapshots s "
                "ON s.id = d.snapshot_id WHERE s.id IS NULL")).scalar()  # fmt: skip
            assert orphans == 0
            if url.startswith("sqlite"):
                assert conn.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        engine.dispose()
    with open_store(url) as store:
        infos = store.list("contoso")
        for info in infos:
            snap = store.get(info.id)
            assert snap.inventory == build_inventory()
            assert set(snap.delta_links) == {"users", "groups"}
        return len(infos)


@pytest.mark.parametrize("step", STEPS)
def test_kill_at_each_step(store_url: str, tmp_path: Path, step: str) -> None:
    open_store(store_url).close()  # migrated before the writer starts
    proc = _spawn(store_url, f"{step}:kill", tmp_path)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err
    assert "saved" not in out
    assert _consistent(store_url) == (1 if step == "committed" else 0)
    with open_store(store_url) as store:  # lock released by the kernel / the server
        store.save("contoso", build_inventory(), writer_tenant_data())
    assert _consistent(store_url) == (2 if step == "committed" else 1)


def _wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "writer never reached the pause point"
        time.sleep(0.02)


def test_paused_writer_blocks_second_snapshot_and_hides_partial_rows(
    store_url: str, tmp_path: Path
) -> None:
    open_store(store_url).close()
    proc = _spawn(store_url, "delta-links:pause", tmp_path)
    try:
        _wait_for(tmp_path / "delta-links.paused", proc)
        with open_store(store_url) as other:
            assert other.list("contoso") == []  # uncommitted rows are invisible
            with pytest.raises(StoreError, match="another snapshot"):
                other.save("contoso", build_inventory())
        (tmp_path / "delta-links.go").write_text("")
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and "saved" in out, err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert _consistent(store_url) == 1
