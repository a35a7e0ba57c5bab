"""The benchmark runs end to end on a tiny tenant (figures are printed, not asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_bench_smoke() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--sizes",
            "300",
            "--latency-ms",
            "1",
            "--per-object-us",
            "0",
            "--baseline-pages",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert "m365inv   wall" in out and "lower bound" in out and "baseline" in out
    assert "repeat after 1 % churn" in out and "complete True" in out
    assert "sandbox (own process)" in out and "peak RSS of the whole run" in out
    assert "| users | scan | ÷ lower bound |" in out and "| 300 |" in out
