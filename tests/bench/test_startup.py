"""``python -m bench --startup`` times the real console script (figures printed, not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys


def test_startup_figures_are_printed() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--startup", "--startup-repeat", "1"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = proc.stdout.strip()
    figure = r"\d+\.\d\d s, CPU \d+\.\d\d s \(\d+\.\d\d s, CPU \d+\.\d\d s without bytecode\)"
    assert re.fullmatch(
        rf"start-up  m365inv --version {figure} · --help {figure}  — best of 1; "
        r"goal ≤ 0\.3 s: (met|NOT met)",
        line,
    ), line
