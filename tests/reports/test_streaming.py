"""Formats written straight into their file give exactly their renderer's bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from m365inv.models import Inventory
from m365inv.reports import RENDERERS, STREAMERS, write_reports


@pytest.mark.parametrize("fmt", sorted(STREAMERS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_streamed_file_is_the_rendered_bytes(
    tmp_path: Path, inventory: Inventory, fmt: str, lang: str
) -> None:
    written = write_reports(inventory, tmp_path, [fmt], lang)
    assert written[fmt].read_bytes() == RENDERERS[fmt][1](inventory, lang, None)
    assert written[fmt].stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [written[fmt].name]  # no temp file left
