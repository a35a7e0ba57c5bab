"""Start-up time of the ``m365inv`` console script: ``--version`` and ``--help``.

Each is timed in fresh child processes (best of ``repeat``), twice: with bytecode (a private
``PYTHONPYCACHEPREFIX`` warmed by one untimed run) and without (``PYTHONDONTWRITEBYTECODE`` and
an empty cache prefix — what a container that never compiled its site-packages pays). The goal
is ≤ 0.3 s with bytecode (issue 14, item 7); the figure is printed, never asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 0.3
COMMANDS = (("--version",), ("--help",))


def _entry() -> list[str]:
    script = Path(sys.executable).with_name("m365inv")
    return [str(script)] if script.exists() else [sys.executable, "-m", "m365inv"]


def _best(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of ``repeat`` runs. On a loaded machine
    the CPU time is the steadier figure; the goal is about wall time."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
        best_wall = min(best_wall, wall)
        best_cpu = min(best_cpu, usage.ru_utime + usage.ru_stime)
    return best_wall, best_cpu


Figures = tuple[tuple[float, float], tuple[float, float]]


def measure(repeat: int = 5) -> dict[str, Figures]:
    """``{"--version": ((wall, cpu) with bytecode, (wall, cpu) without), …}`` in seconds."""
    results: dict[str, Figures] = {}
    with tempfile.TemporaryDirectory(prefix="m365inv-startup-") as tmp:
        warm = {**os.environ, "PYTHONPYCACHEPREFIX": f"{tmp}/warm"}
        warm.pop("PYTHONDONTWRITEBYTECODE", None)
        cold = {**os.environ, "PYTHONPYCACHEPREFIX": f"{tmp}/empty", "PYTHONDONTWRITEBYTECODE": "1"}
        for args in COMMANDS:
            argv = [*_entry(), *args]
            _best(argv, warm, 1)  # writes the bytecode into the warm prefix
            results[" ".join(args)] = (_best(argv, warm, repeat), _best(argv, cold, repeat))
    return results


def report(repeat: int = 5) -> list[str]:
    figures = measure(repeat)
    parts = [
        f"{name} {w:.2f} s, CPU {wc:.2f} s ({c:.2f} s, CPU {cc:.2f} s without bytecode)"
        for name, ((w, wc), (c, cc)) in figures.items()
    ]
    ok = all(w <= GOAL_S for (w, _), _ in figures.values())
    return [
        f"start-up  m365inv {' · '.join(parts)}  — best of {repeat}; goal ≤ {GOAL_S} s: "
        f"{'met' if ok else 'NOT met'}"
    ]
