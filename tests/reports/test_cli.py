"""``m365inv schema | report | history | diff`` through typer's CliRunner (and one real
subprocess for the one-line error contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reports.json_feed import encode_inventory, schema_text
from scanner.cli import app
from scanner.errors import ConfigError, SnapshotNotFound
from scanner.store import open_store
from tests.reports.fixture_inventory import build_inventory
from tests.reports.test_diff import _mutate

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    with open_store(url) as st:
        st.save("contoso", build_inventory())
        st.save("contoso", _mutate(build_inventory()))
    return url


def test_schema_prints_the_shipped_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


def test_report_from_file(tmp_path: Path) -> None:
    src = tmp_path / "inventory.json"
    src.write_bytes(encode_inventory(build_inventory()))
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["report", str(src), "--format", "all", "--out", str(out), "--lang", "de"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "art30-record.csv", "art30-record.xlsx", "fides-systems.yml", "inventory.json",
        "report.html", "summary.md",
    ]  # fmt: skip
    assert (out / "inventory.json").read_bytes() == src.read_bytes()
    assert '<html lang="de">' in (out / "report.html").read_text()


def test_report_from_snapshot_and_latest(store: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "1", "--store", store, "-f", "md", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "snapshot 1" in result.stdout
    result = runner.invoke(
        app, ["report", "latest", "-p", "contoso", "--store", store, "-f", "json", "-o",
              str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "inventory.json").read_bytes())
    assert any(a["displayName"] == "ContactSync" for a in doc["apps"])


def test_report_errors(store: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "nope.json", "--store", store, "-o", str(tmp_path)])
    assert isinstance(result.exception, ConfigError)
    result = runner.invoke(app, ["report", "99", "--store", store, "-o", str(tmp_path)])
    assert isinstance(result.exception, SnapshotNotFound)
    assert result.exception.exit_code == 2  # the user's typo, not a store failure
    result = runner.invoke(app, ["report", "1", "--store", store, "-f", "pdf"])
    assert result.exit_code == 2  # a usage error, found while parsing (before any work)
    assert "unknown report format pdf" in result.output


def test_history(store: str) -> None:
    result = runner.invoke(app, ["history", "--profile", "contoso", "--store", store])
    assert result.exit_code == 0
    # not a terminal: one tab-separated line per snapshot, nothing cut
    header, *lines = result.stdout.splitlines()
    assert header.split("\t")[:2] == ["id", "taken at (UTC)"]
    assert [ln.split("\t")[0] for ln in lines] == ["1", "2"]
    assert lines[0].split("\t")[2] == "00000000-aaaa-bbbb-cccc-000000000042"
    result = runner.invoke(app, ["history", "-p", "contoso", "--store", store, "--json"])
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [1, 2]
    assert rows[0]["tenantId"] == "00000000-aaaa-bbbb-cccc-000000000042"
    assert rows[1]["apps"] == len(build_inventory().apps) + 1
    config = Path(store.removeprefix("sqlite:///")).parent / "profiles.toml"
    config.write_text(
        '[tenants.nobody]\ntenant_id = "contoso.example"\n'
        'client_id = "11111111-2222-3333-4444-555555555555"\n'
    )
    result = runner.invoke(
        app, ["history", "--profile", "nobody", "--store", store, "--config", str(config)]
    )
    assert result.exit_code == 0  # a known profile without snapshots yet
    assert result.stdout.splitlines()[1:] == []
    result = runner.invoke(
        app, ["history", "--profile", "nosuch", "--store", store, "--config", str(config)]
    )
    assert isinstance(result.exception, ConfigError)  # neither snapshots nor a profile: exit 2


def test_diff_latest_two_and_fail_on(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("M365INV_STORE", store)
    result = runner.invoke(app, ["diff", "--profile", "contoso"])
    assert result.exit_code == 0, result.output
    assert "permission-gained: ContactSync: Contacts.ReadWrite" in result.stdout
    result = runner.invoke(app, ["diff", "--profile", "contoso", "--fail-on", "high"])
    assert result.exit_code == 4
    result = runner.invoke(app, ["diff", "1", "2", "--format", "json", "--fail-on", "critical"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["changes"]
    result = runner.invoke(app, ["diff", "2", "2", "--fail-on", "any-change"])
    assert result.exit_code == 0 and "No changes." in result.stdout


def test_diff_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_bytes(encode_inventory(build_inventory()))
    b.write_bytes(encode_inventory(_mutate(build_inventory())))
    result = runner.invoke(app, ["diff", str(a), str(b), "--format", "md", "--fail-on",
                                 "undisclosed"])  # fmt: skip
    assert result.exit_code == 4
    assert result.stdout.startswith("### Changes for tenant")


def test_diff_needs_two_snapshots(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    with open_store(url) as st:
        st.save("solo", build_inventory())
    result = runner.invoke(app, ["diff", "--profile", "solo", "--store", url])
    assert isinstance(result.exception, ConfigError)
    result = runner.invoke(app, ["diff", "--store", url])
    assert isinstance(result.exception, ConfigError)


def test_one_line_error_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "scanner", "report", "missing.json", "--store",
         str(tmp_path / "s.sqlite3"), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error:") and "neither an inventory file" in proc.stderr
