"""Start-up stays light: ``m365inv --version`` / ``--help`` load none of the heavy libraries
(issue 14, item 7). Checked through ``sys.modules`` in a fresh interpreter — a fact, not a timing
(the time itself is printed by ``python -m bench --startup``)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import get_args

import pytest

from m365inv.cli.options import REPORT_FORMATS, Lang
from m365inv.reports import FORMATS
from m365inv.reports.i18n import LANGS

HEAVY = (
    "msgraph", "kiota_abstractions", "kiota_http", "msal", "cryptography", "fideslang",
    "openpyxl", "jinja2", "aiohttp", "sqlalchemy", "httpx", "requests", "rich", "msgspec",
    "yaml", "argon2", "keyring", "jsonschema", "rapidfuzz", "asyncio",
    "reports", "m365inv.sandbox", "m365inv.graph", "m365inv.collect", "m365inv.pipeline",
    "m365inv.store", "m365inv.vault", "m365inv.auth",
)  # fmt: skip

_PROBE = """
import json, sys
sys.argv = ["m365inv", *json.loads(sys.argv[1])]
from m365inv.cli import main
try:
    main()
except SystemExit:
    pass
print("\\n" + json.dumps(sorted(sys.modules)))
"""


def _loaded(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))


@pytest.mark.parametrize(
    "args",
    [("--version",), ("--help",), ("scan", "--help"), ("snapshot", "--help"),
     ("sandbox", "serve", "--help"), ("vault", "set", "--help"), ("diff", "--help")],
)  # fmt: skip
def test_version_and_help_load_no_heavy_module(args: tuple[str, ...]) -> None:
    modules = _loaded(*args)
    assert "m365inv.cli.root" in modules  # the probe really ran the CLI
    assert _heavy(modules) == []


def test_a_command_does_load_what_it_needs() -> None:
    """The probe can see heavy imports: a real command loads the renderers."""
    modules = _loaded("schema")
    assert "m365inv.reports.json_feed" in modules and "msgspec" in modules


def test_the_cli_choices_mirror_the_renderers() -> None:
    """options.py lists formats and languages without importing the renderers; kept equal."""
    assert tuple(REPORT_FORMATS) == FORMATS
    assert set(get_args(Lang)) == set(LANGS)
