"""Output that survives pipes (issue 14, item 11): with stdout a pipe — even with a narrow
``COLUMNS`` — listings are whole tab-separated lines (``catalog show`` takes the id that
``catalog list`` printed), and every listing command has ``--json``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from m365inv.store import open_store
from tests.reports.fixture_inventory import build_inventory
from tests.scanner.cli.conftest import RunCli

T = "11111111-2222-3333-4444-555555555555"
C = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def _piped(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real console script's module, stdout a pipe, a terminal 30 columns wide."""
    return subprocess.run(
        [sys.executable, "-m", "m365inv", *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "COLUMNS": "30", **(env or {})},
    )  # fmt: skip


def test_catalog_list_ids_are_whole_and_usable() -> None:
    proc = _piped("catalog", "list")
    assert proc.returncode == 0, proc.stderr
    header, *rows = proc.stdout.splitlines()
    assert header.split("\t") == [
        "id", "legal entity", "policy date", "items", "service items", "source",
    ]  # fmt: skip
    ids = [row.split("\t")[0] for row in rows]
    assert "axontic-mailissa" in ids and "utilitas-contactsync" in ids
    assert all(len(row.split("\t")) == 6 for row in rows)
    shown = _piped("catalog", "show", ids[0])
    assert shown.returncode == 0 and f"id: {ids[0]}" in shown.stdout
    as_json = json.loads(_piped("catalog", "list", "--json").stdout)
    assert [v["id"] for v in as_json] == ids


def test_history_time_is_whole(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 's.sqlite3'}"
    with open_store(store) as st:
        info = st.save("contoso", build_inventory())
    proc = _piped("history", "-p", "contoso", "--store", store)
    assert proc.returncode == 0, proc.stderr
    _header, row = proc.stdout.splitlines()
    assert row.split("\t")[1] == info.taken_at  # e.g. 2026-12-02T15:40:01Z, not "2026-12-…"


def test_profile_and_vault_list_json(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = str(tmp_path / "p.toml")
    assert run_cli("profile", "add", "contoso", "--tenant-id", T, "--client-id", C,
                   "--config", cfg).code == 0  # fmt: skip
    listed = run_cli("profile", "list", "--config", cfg, "--json")
    assert json.loads(listed.out) == [
        {"name": "contoso", "tenant": T, "auth": "secret", "cloud": "global"}
    ]
    plain = run_cli("profile", "list", "--config", cfg)  # captured: not a terminal
    assert plain.out.splitlines() == ["name\ttenant\tauth\tcloud", f"contoso\t{T}\tsecret\tglobal"]
    vault = str(tmp_path / "v.m365v")
    monkeypatch.setenv("M365INV_VAULT_PASSPHRASE", "correct horse battery")
    assert run_cli("vault", "init", "--vault", vault).code == 0
    assert run_cli("vault", "set", "contoso", "--vault", vault, "--config", cfg,
                   stdin=b"s3cret\n").code == 0  # fmt: skip
    doc = json.loads(run_cli("vault", "list", "--vault", vault, "--json").out)
    plain_vault = run_cli("vault", "list", "--vault", vault)
    assert plain_vault.out.splitlines() == [
        "profile\ttenant\tkind\tbytes",
        f"contoso\t{T}\tclient_secret\t6",
    ]
    assert plain_vault.err.startswith(f"vault {vault} (unlocks with: passphrase)")
    assert doc["entries"] == [
        {"profile": "contoso", "tenant": T, "kind": "client_secret", "bytes": 6}
    ]
    assert doc["unlocksWith"] == ["passphrase"]
