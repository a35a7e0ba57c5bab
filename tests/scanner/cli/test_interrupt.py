"""Ctrl-C: one line, exit 130, no traceback, and nothing half-written in the snapshot store.

The real entry point runs in a subprocess against a sandbox with 200 ms of latency per Graph
request, and gets a real SIGINT while the scan is in flight.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from m365inv.demo import sandbox_profile
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox
from m365inv.store import open_store
from tests.scanner.cli.conftest import RunCli


def _snapshot_env(sb: Sandbox, tmp_path: Path) -> tuple[dict[str, str], Path, str]:
    config = tmp_path / "profiles.toml"
    add_profile(sandbox_profile(sb.info), config)
    store = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    env = {
        **os.environ,
        "M365INV_CLIENT_SECRET": sb.info.client_secret,
        "M365INV_VAULT": str(tmp_path / "no-vault.m365v"),
        "M365INV_STORE": store,
        "M365INV_CONFIG": str(config),
        "COLUMNS": "200",
    }
    return env, config, store


def _wait_for(condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.02)
    raise AssertionError("timed out waiting for the scan to start")


@pytest.mark.slow
def test_sigint_during_snapshot_exits_130_and_stores_nothing(
    sandbox_factory: object, tmp_path: Path
) -> None:
    assert callable(sandbox_factory)
    sb: Sandbox = sandbox_factory(users=200, latency_ms=200)
    env, _, store = _snapshot_env(sb, tmp_path)
    cmd = [sys.executable, "-m", "m365inv", "snapshot", "--profile", "sandbox", "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: sb.stats.total >= 3, timeout=60)  # mid-collection
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["interrupted"]
    assert "Traceback" not in out + err
    with open_store(store) as snapshots:
        assert snapshots.list() == []
    # the lock was released and the store is usable: the next snapshot succeeds
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode in (0, 3), again.stderr
    with open_store(store) as snapshots:
        assert len(snapshots.list()) == 1


def test_keyboard_interrupt_in_a_command_is_one_line(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process: a KeyboardInterrupt raised inside a command reaches ``main`` as exit 130."""

    def interrupted(*_args: object, **_kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("m365inv.catalog.load_catalog", interrupted)
    result = run_cli("scan", "--profile", "nobody", "--out", "x")
    assert result.code == 130
    assert result.err.strip() == "interrupted"
    assert result.out == ""


@pytest.mark.parametrize("after_s", [0.0, 0.05, 0.15, 0.4, 1.0])
def test_sigint_while_loading_is_one_line(tmp_path: Path, after_s: float) -> None:
    """Ctrl-C in the first second — while Python is still importing the CLI, typer, or the
    command's own heavy modules — is "interrupted", exit 130, like later (issue 14, item 12).

    ``-X importtime`` makes the child report each finished import on stderr, so the signal is
    sent once m365inv's own code runs (``m365inv.cli`` imported), plus ``after_s``; before
    that only the interpreter's start-up runs, which no Python code can intercept.
    """
    cmd = [sys.executable, "-X", "importtime", "-m", "m365inv", "demo", "--out",
           str(tmp_path / "demo"), "-q"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if re.search(r"\|\s+m365inv\.cli$", line.rstrip()):
                break
        else:
            pytest.fail("the child never imported m365inv.cli")
        time.sleep(after_s)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    ours = [ln for ln in err.splitlines() if not ln.startswith("import time:")]
    assert proc.returncode == 130, err[-2000:]
    # On a fast machine the demo may already have started its sandbox after ``after_s`` and
    # printed that one progress line (it does so even with -q); nothing else may precede
    # "interrupted".
    started = re.compile(r"sandbox tenant [0-9a-f-]{36} \(\d+ users\) at https://127\.0\.0\.1:\d+")
    assert ours[-1:] == ["interrupted"], err[-2000:]
    assert all(started.fullmatch(ln) for ln in ours[:-1]), err[-2000:]
    assert "Traceback" not in out + err
    assert not (tmp_path / "demo").exists()  # nothing half-written


def test_a_ctrl_c_a_library_swallows_still_ends_as_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dependency's bare ``except:`` around an optional import swallows the
    KeyboardInterrupt of a Ctrl-C while loading; the run then completes, and must still say
    "interrupted" with exit 130 rather than 0."""
    import m365inv.cli as cli

    def swallowing_run(app: object, argv: list[str]) -> int:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler runs here and raises
        except BaseException:  # what the library does
            pass
        return 0

    before = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(cli, "_run", swallowing_run)
    try:
        assert cli._exit_code() == 130
        assert capsys.readouterr().err == "interrupted\n"
        monkeypatch.setattr(cli, "_run", lambda app, argv: 0)
        assert cli._exit_code() == 0  # the next run starts with a clean flag
    finally:
        signal.signal(signal.SIGINT, before)


def test_the_ctrl_c_handler_quiets_coroutines_the_unwinding_leaves_unawaited() -> None:
    # under load, a SIGINT can land inside httpcore's "async with self._state_lock:", and the
    # dropped "AsyncLock.__aexit__" coroutine printed a RuntimeWarning before "interrupted"
    from m365inv import cli

    async def lock_exit() -> None:
        return None

    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            with pytest.raises(KeyboardInterrupt):
                cli._on_sigint(signal.SIGINT, None)
            dropped = lock_exit()
            del dropped
            gc.collect()
    finally:
        cli._interrupted = False
    assert not [w for w in seen if "never awaited" in str(w.message)]


def test_a_swallowed_ctrl_c_stores_and_writes_nothing(
    sandbox: Sandbox, tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C whose ``KeyboardInterrupt`` a library caught deep in its I/O lets the scan run
    on to the end (CI saw it once: exit 130 "interrupted", and a snapshot stored). The run
    still ends as it says — nothing saved, no report written."""
    import m365inv.cli
    import m365inv.pipeline

    env, _, store = _snapshot_env(sandbox, tmp_path)
    for key in ("M365INV_CLIENT_SECRET", "M365INV_VAULT", "M365INV_STORE", "M365INV_CONFIG"):
        monkeypatch.setenv(key, env[key])
    real_scan = m365inv.pipeline.scan

    async def swallowed(*args: object, **kwargs: object) -> object:
        m365inv.cli._interrupted = True  # what _on_sigint records before its exception is lost
        return await real_scan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(m365inv.pipeline, "scan", swallowed)
    out = tmp_path / "reports"
    result = run_cli("snapshot", "--profile", "sandbox", "-q", "--out", str(out))
    assert result.code == 130, result.err
    assert result.err.strip().splitlines() == ["interrupted"]
    with open_store(store) as snapshots:
        assert snapshots.list() == []
    assert not out.exists() or not any(out.iterdir())
    # the same for a scan that writes reports only
    result = run_cli("scan", "--profile", "sandbox", "-q", "--out", str(out))
    assert result.code == 130, result.err
    assert not out.exists() or not any(out.iterdir())
