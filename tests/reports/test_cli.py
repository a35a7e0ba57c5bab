"""``m365inv schema | report | history | diff`` through typer's CliRunner (and one real
subprocess for the one-line error contract)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from m365inv.cli import app
from m365inv.demo import sandbox_profile
from m365inv.errors import ConfigError, SnapshotNotFound
from m365inv.profiles import add_profile
from m365inv.reports.json_feed import encode_inventory, schema_text
from m365inv.sandbox import Sandbox
from m365inv.store import open_store
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
        "privacy-notice.de.md", "privacy-notice.json", "report.html", "summary.md",
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
        [sys.executable, "-m", "m365inv", "report", "missing.json", "--store",
         str(tmp_path / "s.sqlite3"), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error:") and "neither an inventory file" in proc.stderr


def test_a_failed_report_is_named_the_others_written_exit_1(tmp_path: Path) -> None:
    """Issue 10.5 through the real CLI: one report cannot be written, the rest are, one line."""
    src = tmp_path / "inventory.json"
    src.write_bytes(encode_inventory(build_inventory()))
    out = tmp_path / "out"
    (out / "report.html").mkdir(parents=True)  # the HTML report's place is taken
    proc = subprocess.run(
        [sys.executable, "-m", "m365inv", "report", str(src), "--format", "all", "--out",
         str(out), "--lang", "de"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("error: report(s) not written — html: cannot write"), lines
    for name in ("inventory.json", "art30-record.xlsx", "summary.md", "privacy-notice.de.md"):
        assert (out / name).is_file(), name


def test_scan_fills_the_record_header_from_the_profile(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real MSAL and Graph against the sandbox: the profile's controller and DPO reach the
    Art. 30 record's header; the representative not configured is marked to be completed."""
    monkeypatch.setenv("M365INV_VAULT", str(tmp_path / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    config = tmp_path / "profiles.toml"
    prof = sandbox_profile(sandbox.info)
    add_profile(
        dataclasses.replace(
            prof, name="t", controller="Sandbox GmbH, Musterweg 1, Köln", dpo="DSB <dsb@x.example>"
        ),
        config,
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["scan", "-p", "t", "--config", str(config), "--out", str(out), "-q", "-f", "csv",
              "--lang", "de"],
    )  # fmt: skip
    assert result.exit_code in (0, 4), result.output
    rows = list(csv.reader(io.StringIO((out / "art30-record.csv").read_text("utf-8-sig"))))
    assert len(rows) > 3
    for row in rows[1:]:
        assert row[:3] == [
            "Sandbox GmbH, Musterweg 1, Köln",
            "[vom Verantwortlichen auszufüllen]",
            "DSB <dsb@x.example>",
        ]


def test_report_takes_the_record_header_from_the_profile(store: str, tmp_path: Path) -> None:
    config = tmp_path / "profiles.toml"
    config.write_text(
        '[tenants.contoso]\ntenant_id = "contoso.example"\n'
        'client_id = "11111111-2222-3333-4444-555555555555"\n'
        'controller = "Contoso GmbH"\nrepresentative = "Rep Ltd"\ndpo = "DPO"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["report", "latest", "--profile", "contoso", "--store", store, "--config",
              str(config), "--format", "csv", "--out", str(out), "--lang", "en"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((out / "art30-record.csv").read_text("utf-8-sig"))))
    assert all(r[:3] == ["Contoso GmbH", "Rep Ltd", "DPO"] for r in rows[1:]) and len(rows) > 2
