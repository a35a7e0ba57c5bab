"""One import root (issue 14 item 1): the installed wheel holds ``m365inv`` and nothing else, and
works from a directory that has its own ``config/`` and ``reports/`` folders (the README suggests
``--out reports/…``), where generic top-level packages used to be shadowed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UV = Path(sys.executable).with_name("uv")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not UV.exists():
        pytest.skip("uv is not in this virtualenv (make venv installs it)")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [str(UV), "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("*.whl"))


@pytest.mark.slow
def test_wheel_has_one_import_root(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"m365inv"}
    assert "m365inv/config/vendors/vendor.schema.json" in names
    assert "m365inv/catalog/extract/item_model.json" in names  # the item model's weights
    assert "m365inv/catalog/extract/claim_model.json" in names  # the claim model's weights
    assert "m365inv/reports/templates/report.html.j2" in names
    shipped = {n for n in names if n.endswith(".py")}
    sources = {
        "m365inv/" + str(p.relative_to(ROOT / folder)).replace("\\", "/")
        if folder == "scanner"
        else f"m365inv/{folder}/" + str(p.relative_to(ROOT / folder))
        for folder in ("scanner", "reports", "config")
        for p in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert sources <= shipped


@pytest.mark.slow
def test_installed_wheel_works_beside_config_and_reports_folders(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)  # a wheel is a zip of the site-packages layout
    work = tmp_path / "work"
    for name in ("config", "reports", "scanner"):
        (work / name).mkdir(parents=True)
        (work / name / "__init__.py").write_text("raise ImportError('the wrong package')\n")
    shutil.copy(ROOT / "config" / "example-profile.toml", work / "config" / "profiles.toml")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(target), "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "m365inv", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("m365inv ")
    listed = run("catalog", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "mailstore" in listed.stdout
    where = subprocess.run(
        [sys.executable, "-c", "import m365inv, m365inv.reports; print(m365inv.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert where.stdout.strip().startswith(str(target))
