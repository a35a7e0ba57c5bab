"""Report tests: the fixture inventory and golden files.

Run ``pytest tests/reports --update-golden`` to rewrite ``tests/reports/golden/`` after an
intended change (the option is registered here, so pass the ``tests/reports`` path; the
environment variable ``M365INV_UPDATE_GOLDEN=1`` works from anywhere).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from m365inv.models import Inventory
from tests.reports.fixture_inventory import build_inventory

GOLDEN_DIR = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False, help="rewrite golden files"
    )


@pytest.fixture
def inventory() -> Inventory:
    return build_inventory()


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, bytes], None]:
    """Compare ``data`` with ``golden/<name>``, or rewrite it when updating."""
    update = bool(request.config.getoption("--update-golden", default=False)) or (
        os.environ.get("M365INV_UPDATE_GOLDEN") == "1"
    )

    def check(name: str, data: bytes) -> None:
        path = GOLDEN_DIR / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        assert path.exists(), f"missing golden file {path}; run with --update-golden"
        expected = path.read_bytes()
        assert data == expected, f"{name} differs from golden; run with --update-golden if intended"

    return check
