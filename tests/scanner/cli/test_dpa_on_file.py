"""``dpa_on_file`` in a profile (issue 12 item 9): through the CLI against the sandbox, the
PROCESSOR_WITHOUT_DPA finding goes for the vendors listed and stays for the others, and the
Art. 30 record's DPA/AVV column says what the profile records — in English and German."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from m365inv.catalog.load import shipped_dir
from m365inv.cli import app
from m365inv.demo import sandbox_profile
from m365inv.errors import ConfigError
from m365inv.profiles import add_profile, load_profiles
from m365inv.reports.ropa_text import TEXT
from m365inv.sandbox import Sandbox

runner = CliRunner()


def _config(sb: Sandbox, tmp: Path, monkeypatch: pytest.MonkeyPatch, dpa: tuple[str, ...]) -> Path:
    config = tmp / "profiles.toml"
    prof = dataclasses.replace(sandbox_profile(sb.info), name="t", dpa_on_file=dpa)
    add_profile(prof, config, replace=config.exists())
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sb.info.client_secret)
    monkeypatch.setenv("M365INV_VAULT", str(tmp / "no-vault.m365v"))
    monkeypatch.setenv("M365INV_STORE", f"sqlite:///{tmp / 'store.sqlite3'}")
    return config


def _processors(tmp: Path) -> Path:
    """A catalog layer recording MailStore and Mail Professionals as processors (the shipped
    files say controller, as their policies do; a controller's own contract review may differ),
    so the sandbox tenant holds two processors matched at ``probable``."""
    layer = tmp / "catalog"
    layer.mkdir(exist_ok=True)
    for vendor in ("mailstore", "mailprofessionals"):
        text = (shipped_dir() / f"{vendor}.yaml").read_text("utf-8")
        assert "\nrole: controller\n" in text
        (layer / f"{vendor}.yaml").write_text(
            text.replace("\nrole: controller\n", "\nrole: processor\n")
        )
    return layer


def _scan(config: Path, out: Path, lang: str = "en") -> tuple[dict[str, set[str]], dict[str, str]]:
    """Vendor id → finding codes on its apps, and record activity → DPA cell."""
    layer = _processors(config.parent)
    args = ["scan", "-p", "t", "--config", str(config), "--out", str(out), "-q"]
    args += ["--catalog", str(layer)]
    result = runner.invoke(app, [*args, "-f", "json,csv", "--lang", lang])
    assert result.exit_code in (0, 3), result.output
    inv = json.loads((out / "inventory.json").read_text())
    codes: dict[str, set[str]] = {}
    for a in inv["apps"]:
        if a["vendor"]:
            codes.setdefault(a["vendor"]["id"], set()).update(f["code"] for f in a["findings"])
    rows = list(csv.reader(io.StringIO((out / "art30-record.csv").read_text("utf-8-sig"))))
    header = next(i for i, r in enumerate(rows) if len(r) > 5)
    columns = TEXT[lang].columns
    name_col, dpa_col = (rows[header].index(columns[k]) for k in ("activity", "dpa"))
    cells = {r[name_col]: r[dpa_col] for r in rows[header + 1 :] if len(r) > dpa_col}
    return codes, cells


def _cells_of(cells: dict[str, str], vendor: str) -> set[str]:
    found = {v for k, v in cells.items() if vendor in k}
    assert found, f"no record row for {vendor}"
    return found


def test_dpa_on_file_clears_the_finding_and_fills_the_record(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(sandbox, tmp_path, monkeypatch, ("mailstore",))
    assert load_profiles(config)["t"].dpa_on_file == ("mailstore",)
    codes, cells = _scan(config, tmp_path / "en")
    assert "PROCESSOR_WITHOUT_DPA" not in codes["mailstore"]
    assert "PROCESSOR_WITHOUT_DPA" in codes["mailprofessionals"]
    assert _cells_of(cells, "MailStore") == {"on file (recorded in the profile: dpa_on_file)"}
    assert {c.split(" [")[0] for c in _cells_of(cells, "Mail Professionals")} == {
        "not on file (not recorded in the profile)"
    }
    assert all(c.startswith("not applicable") for c in _cells_of(cells, "Emilie"))

    _, de = _scan(config, tmp_path / "de", "de")
    assert _cells_of(de, "MailStore") == {"AVV liegt vor (laut Profil: dpa_on_file)"}
    assert all(c.startswith("AVV liegt nicht vor") for c in _cells_of(de, "Mail Professionals"))

    config = _config(sandbox, tmp_path, monkeypatch, ("mailstore", "mailprofessionals"))
    codes, cells = _scan(config, tmp_path / "processor")
    assert not any("PROCESSOR_WITHOUT_DPA" in c for c in codes.values())
    assert _cells_of(cells, "Mail Professionals") == {
        "on file (recorded in the profile: dpa_on_file)"
    }


def test_unknown_vendor_id_is_a_config_error_naming_the_file(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(sandbox, tmp_path, monkeypatch, ("mailstor",))
    for cmd in (["scan", "--out", str(tmp_path / "o")], ["snapshot"]):
        result = runner.invoke(app, [*cmd, "-p", "t", "--config", str(config), "-q"])
        assert isinstance(result.exception, ConfigError)  # main() maps it to exit 2, one line
        message = str(result.exception)
        assert str(config) in message and "'mailstor'" in message
        assert "did you mean 'mailstore'" in message
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("value", "why"),
    [("mailstore", "must be a list"), (["Mail Store"], "not a catalog vendor id"), ([1], "list")],
)
def test_dpa_on_file_shape_is_checked(tmp_path: Path, value: object, why: str) -> None:
    config = tmp_path / "profiles.toml"
    config.write_text(
        '[tenants.x]\ntenant_id = "contoso.onmicrosoft.com"\n'
        'client_id = "00000000-0000-0000-0000-000000000000"\n'
        f"dpa_on_file = {json.dumps(value)}\n"
    )
    with pytest.raises(ConfigError, match=why):
        load_profiles(config)
