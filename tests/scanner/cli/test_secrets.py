"""Secrets appear nowhere: ``m365inv --debug demo`` and ``m365inv --debug snapshot`` run as real
processes; their stdout/stderr and every file they leave (reports, snapshot store, config, the
vault, anything under a private HOME) are searched for the client secret and for every token the
sandbox issued. Only the vault may hold them, and only encrypted.

``--debug`` is the worst case: every library logs at DEBUG (MSAL, urllib3, httpx/httpcore).
A token-endpoint answer cut short makes MSAL log the raw body (with the token) — the redacting
log filter must catch it.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from m365inv.demo import sandbox_profile
from m365inv.profiles import add_profile
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.vault.fast import REAL_FLOOR_ENV

JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{8,}")

# Runs the real entry point, with the demo's in-process sandbox recorded so the test learns the
# secret it generated and the tokens it issued (written to argv[1] at exit).
_DEMO_WRAPPER = """
import atexit, json, sys
import m365inv.demo as demo
from m365inv.sandbox import start_sandbox
seen, dump_to = [], sys.argv[1]
def recording(*args, **kwargs):
    sb = start_sandbox(*args, **kwargs)
    seen.append(sb)
    return sb
demo.start_sandbox = recording
def dump():
    with open(dump_to, "w") as f:
        json.dump({"secrets": [s.info.client_secret for s in seen],
                   "tokens": [t for s in seen for t in s.stats.issued_tokens]}, f)
atexit.register(dump)
sys.argv = ["m365inv", *sys.argv[2:]]
from m365inv.cli import main
main()
"""


def _private_env(tmp_path: Path) -> dict[str, str]:
    """HOME and XDG dirs inside tmp_path, so every file the tool writes is searched."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("M365INV_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        COLUMNS="200",
        M365INV_VAULT_ARGON2=REAL_FLOOR_ENV,
    )
    return env


def _needles(secrets_: Iterable[str], tokens: Iterable[str]) -> dict[str, bytes]:
    needles: dict[str, bytes] = {}
    for s in secrets_:
        needles["client secret"] = s.encode()
        needles["client secret (base64)"] = base64.b64encode(s.encode())
    for i, token in enumerate(tokens):
        needles[f"token {i}"] = token.encode()
        signature = token.rsplit(".", 1)[-1]
        if len(signature) >= 16:
            needles[f"token {i} signature"] = signature.encode()
    return needles


def _assert_nowhere(
    needles: dict[str, bytes], outputs: dict[str, bytes], root: Path, *, vault: Path | None
) -> int:
    """Search outputs and every file under root; returns how many files were searched."""
    haystacks = dict(outputs)
    for path in sorted(root.rglob("*")):
        if path.is_file():
            haystacks[str(path.relative_to(root))] = path.read_bytes()
    for where, data in haystacks.items():
        for what, needle in needles.items():
            assert needle not in data, f"{what} found in {where}"
        if vault is None or where != str(vault.relative_to(root)):
            assert not JWT.search(data), f"a JWT in {where}"
    return len(haystacks) - len(outputs)


@pytest.mark.slow
def test_debug_demo_leaks_no_secret_or_token(tmp_path: Path) -> None:
    dump = tmp_path / "seen.json"
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", _DEMO_WRAPPER, str(dump), "--debug", "demo", "--users", "100",
         "--out", str(out), "-q"],
        env=_private_env(tmp_path), cwd=tmp_path, capture_output=True, timeout=240, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert b"DEBUG msal" in proc.stderr  # debug logging really was on
    seen = json.loads(dump.read_text())
    dump.unlink()
    assert seen["secrets"] and seen["tokens"]
    needles = _needles(seen["secrets"], seen["tokens"])
    files = _assert_nowhere(
        needles, {"stdout": proc.stdout, "stderr": proc.stderr}, tmp_path, vault=None
    )
    assert (out / "snapshots.sqlite3").exists() and (out / "inventory.json").exists()
    assert files >= 6


def test_debug_snapshot_leaks_no_secret_or_token(sandbox: Sandbox, tmp_path: Path) -> None:
    env = _private_env(tmp_path)
    config = tmp_path / "profiles.toml"
    add_profile(sandbox_profile(sandbox.info), config)
    vault = tmp_path / "vault.m365v"
    env.update(
        M365INV_CONFIG=str(config),
        M365INV_VAULT=str(vault),
        M365INV_VAULT_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        M365INV_STORE=f"sqlite:///{tmp_path / 'store.sqlite3'}",
        M365INV_CLIENT_SECRET=sandbox.info.client_secret,
    )

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "m365inv", *args],
            env=env, cwd=tmp_path, capture_output=True, timeout=180, check=False,
        )  # fmt: skip

    init = run("vault", "init", "--key-from-env")
    assert init.returncode == 0, init.stderr.decode()
    # 1. the token endpoint's answer is cut short: MSAL logs the raw body (token included)
    sandbox.faults.add(FaultRule(path_contains="/oauth2/v2.0/token", malformed=True))
    cut = run("--debug", "snapshot", "--profile", "sandbox", "-q")
    assert cut.returncode == 5, cut.stderr.decode()[-2000:]
    assert b"malformed JSON" in cut.stderr
    assert b"Token response is not in json format" in cut.stderr  # MSAL did log the body
    # 2. a clean run: token cached in the vault, snapshot stored, reports written
    ok = run("--debug", "snapshot", "--profile", "sandbox", "--out", str(tmp_path / "reports"))
    assert ok.returncode in (0, 3), ok.stderr.decode()[-2000:]
    assert b"DEBUG msal" in ok.stderr
    assert len(sandbox.stats.issued_tokens) == 2
    needles = _needles([sandbox.info.client_secret], sandbox.stats.issued_tokens)
    outputs = {
        "init stdout+stderr": init.stdout + init.stderr,
        "cut stdout": cut.stdout, "cut stderr": cut.stderr,
        "ok stdout": ok.stdout, "ok stderr": ok.stderr,
    }  # fmt: skip
    files = _assert_nowhere(needles, outputs, tmp_path, vault=vault)
    assert files >= 8  # config, vault, store, six reports
    # the MSAL cache is on disk only inside the vault, and readable there with the key
    from m365inv.vault import open_vault

    os.environ["M365INV_VAULT_KEY"] = env["M365INV_VAULT_KEY"]
    try:
        cached = open_vault(vault, None).get("sandbox", sandbox.info.tenant_id, "token_cache")
    finally:
        del os.environ["M365INV_VAULT_KEY"]
    assert cached is not None
    assert sandbox.stats.issued_tokens[-1].encode() in cached
