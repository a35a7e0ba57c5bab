"""Markdown summary and the write_reports entry point."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from m365inv.errors import ConfigError
from m365inv.models import Inventory
from m365inv.reports import FORMATS, parse_formats, write_reports
from m365inv.reports.markdown import md_escape, render_markdown
from tests.reports.fixture_inventory import empty_inventory


def test_markdown_escapes_hostile_names(inventory: Inventory) -> None:
    md = render_markdown(inventory, "en", top=50)
    assert "<script>" not in md and "\\<script\\>alert\\(1\\)\\</script\\>" in md
    assert "<b>" not in md
    for line in md.splitlines():
        if line.startswith("| "):
            assert line.count(" | ") >= 4 and "\t" not in line and "\r" not in line


def test_md_escape_flattens_and_escapes() -> None:
    assert md_escape("a\r\nb|c") == "a b\\|c"
    assert md_escape("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)"


def test_markdown_states_gaps() -> None:
    md = render_markdown(empty_inventory(), "en")
    assert "Nothing could be read" in md and "Application.Read.All" in md
    assert "No flows were found" not in md


@pytest.mark.parametrize("lang", ["de", "en"])
def test_markdown_golden(
    inventory: Inventory, golden: Callable[[str, bytes], None], lang: str
) -> None:
    golden(f"summary.{lang}.md", render_markdown(inventory, lang).encode())


def test_write_reports_all_formats(inventory: Inventory, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_reports(inventory, out, "all", "de")
    assert set(written) == set(FORMATS)
    for path in written.values():
        assert path.parent == out and path.stat().st_size > 100
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(written["json"].read_bytes())["schemaVersion"] == "1.0.0"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written.values())


def test_parse_formats() -> None:
    assert parse_formats("md, html") == ("html", "md")
    assert parse_formats(["JSON"]) == ("json",)
    with pytest.raises(ConfigError, match="pdf"):
        parse_formats("html,pdf")
    with pytest.raises(ConfigError):
        parse_formats("")


def test_bad_language_writes_nothing(inventory: Inventory, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        write_reports(inventory, tmp_path / "x", "all", "fr")
    assert not (tmp_path / "x").exists()


def test_markdown_german_is_german(inventory: Inventory) -> None:
    md = render_markdown(inventory, "de")
    assert "Group memberships are not disclosed" not in md and "403 Forbidden" not in md
    assert "Zugriff verweigert" in md and "01.03.2026" in md
    assert "Anbieter um Offenlegung bitten" in md  # the action, not just the finding
