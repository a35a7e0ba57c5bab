"""``python -m tools.typecheck_tree``: a link tree ``build/typecheck/m365inv`` for mypy.

The package is installed through setuptools' package-dir mapping (``m365inv`` = ``scanner/``,
``m365inv.reports`` = ``reports/``, ``m365inv.config`` = ``config/``), which editable installs
serve with an import hook mypy cannot follow. This tree of symlinks gives mypy the same module
names from the working copy (``mypy_path = build/typecheck`` in pyproject.toml); it is rebuilt on
every ``make lint`` so new modules are always seen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TREE = ROOT / "build" / "typecheck" / "m365inv"


def build() -> Path:
    if TREE.exists():
        shutil.rmtree(TREE)
    TREE.mkdir(parents=True)
    for entry in (ROOT / "scanner").iterdir():
        if entry.name != "__pycache__":
            (TREE / entry.name).symlink_to(entry)
    for name in ("reports", "config"):
        (TREE / name).symlink_to(ROOT / name)
    return TREE


if __name__ == "__main__":
    print(f"typecheck tree: {build()}")
