"""Hostile strings never reach the terminal raw (issue 10, item 7 — the terminal parts).

Tenant names, Graph error texts and file names can hold ESC/CSI/OSC sequences (screen clearing,
fake hyperlinks, title changes), C1 controls (``\\x9b`` is CSI on many terminals) and bidi
overrides (Trojan Source). Every terminal output — one-line errors, the progress lines and table,
the ``diff`` text, the scan summary — goes through :func:`m365inv.textsafe.for_terminal`.
Hypothesis pushes arbitrary Unicode (plus known attack strings) through each of them.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import msgspec
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from m365inv.catalog.load import shipped_dir
from m365inv.cli import common
from m365inv.collect.progress import PlainProgress, RichProgress
from m365inv.models import Coverage, Publisher
from m365inv.reports.json_feed import encode_inventory
from m365inv.textsafe import BIDI_CONTROLS
from tests.reports.fixture_inventory import build_inventory
from tests.reports.test_diff import NEW_APP
from tests.scanner.cli.conftest import RunCli

# Anything a terminal acts on, or that reorders what it shows. "\n" is checked separately.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]"
)
ATTACKS = (
    "\x1b]8;;https://evil.example/\x07Contoso Mail\x1b]8;;\x07",  # OSC 8 fake hyperlink
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;pwned\x07",  # window title
    "\x9b31mred via C1 CSI",
    "invoice\u202etxt.exe",  # RLO: shows as "invoiceexe.txt"
    "\u2066isolate\u2069 and \u2028line separator",
    "[bold red]not markup[/]",
    "line one\nerror: a forged second line",
)
hostile = st.one_of(
    st.sampled_from(ATTACKS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40),
    st.text(st.sampled_from("\x1b\x07\x9b\u202e\u2066\n\r\ta[];"), min_size=1, max_size=20),
)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _assert_safe(output: str, *, lines: int | None = None) -> None:
    assert not UNSAFE.search(output), repr(output)
    if lines is not None:
        assert output.rstrip("\n").count("\n") == lines - 1, repr(output)


@SETTINGS
@given(text=hostile)
def test_error_line_is_one_safe_line(text: str) -> None:
    buffer = io.StringIO()
    original = common.console_err
    common.console_err = Console(file=buffer, width=40, highlight=False)
    try:
        common.error_line("error:", f"cannot read {text}: damaged")
    finally:
        common.console_err = original
    out = buffer.getvalue()
    _assert_safe(out, lines=1)
    assert out.startswith("error: cannot read ")


@SETTINGS
@given(text=hostile)
def test_plain_progress_lines_are_safe(text: str) -> None:
    stream = io.StringIO()
    progress = PlainProgress(stream)
    progress.finish(Coverage(source=text, complete=False, item_count=1, error=text))
    progress.finish(Coverage(source="users", complete=True, item_count=3))
    _assert_safe(stream.getvalue(), lines=2)


@SETTINGS
@given(text=hostile)
def test_rich_progress_table_is_safe(text: str) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, color_system=None, force_terminal=False)
    with RichProgress(console) as progress:
        progress.update(text, items=5, pages=1)
        progress.finish(Coverage(source=text, complete=False, item_count=5, error=text))
    _assert_safe(buffer.getvalue())


@SETTINGS
@given(name=hostile, publisher=hostile)
def test_diff_text_through_the_cli_is_safe(
    run_cli: RunCli, tmp_path: Path, name: str, publisher: str
) -> None:
    older = build_inventory()
    app = msgspec.structs.replace(
        NEW_APP, display_name=name, publisher=Publisher(name=publisher, verified=False)
    )
    newer = build_inventory(apps=(*older.apps, app))
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_bytes(encode_inventory(older))
    b.write_bytes(encode_inventory(newer))
    result = run_cli("diff", str(a), str(b))
    assert result.code == 0, result.err
    assert "app-added" in result.out
    _assert_safe(result.out)
    assert result.out.count("\n") == len(result.out.splitlines())  # no stray CR splitting


def test_terminal_lines_keeps_line_structure() -> None:
    assert common.terminal_lines("a\x1b[2J\nb\u202e") == "a\\x1b[2J\nb\\u202e"


@SETTINGS
@given(entity=hostile)
def test_catalog_list_and_show_are_safe(run_cli: RunCli, tmp_path: Path, entity: str) -> None:
    """A vendor file is someone's edit: its names reach ``catalog list`` and ``catalog show``."""
    data = yaml.safe_load((shipped_dir() / "mailstore.yaml").read_text("utf-8"))
    data["id"], data["legal_entity"] = "hostile-vendor", entity
    directory = tmp_path / f"catalog-{abs(hash(entity))}"
    directory.mkdir(exist_ok=True)
    (directory / "hostile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    listed = run_cli("catalog", "list", "--catalog", str(directory))
    assert listed.code == 0, listed.err
    # piped, a listing is tab-separated whole lines (issue 14 item 11): every cell must be safe
    for line in listed.out.splitlines():
        for cell in line.split("\t"):
            _assert_safe(cell)
    shown = run_cli("catalog", "show", "hostile-vendor", "--catalog", str(directory))
    assert shown.code == 0, shown.err
    _assert_safe(shown.out)
