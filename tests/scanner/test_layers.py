"""Dependencies point one way (issue 14, item 2): the scanner decides, ``reports/`` renders.

Only the CLI — the wiring layer that calls both — may import ``reports``; every other scanner
module (pipeline, diff, gates, schema version, severity) must stand without it, so a renderer can
never become the place where a domain rule lives.
"""

from __future__ import annotations

import ast
from pathlib import Path

import m365inv

ROOT = Path(m365inv.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _is_reports(module: str) -> bool:
    return module == "m365inv.reports" or module.startswith("m365inv.reports.")


def test_only_the_cli_imports_reports() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in _imports(path) if n.split(".")[0] == "reports"
        )
        for path in ROOT.rglob("*.py")
        if "cli" not in path.relative_to(ROOT).parts
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_imports() -> None:
    """The walk above is not vacuous: it finds the CLI's own report imports."""
    cli_imports = set().union(*(_imports(p) for p in (ROOT / "cli").rglob("*.py")))
    assert any(_is_reports(n) for n in cli_imports)
