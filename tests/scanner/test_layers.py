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


_CLASSIFIER = frozenset({"classify_permission", "load_permission_map", "PermissionMap"})
"""Names that classify a permission value: the function, the map it reads, the map's type."""
_CLASSIFIER_HOME = {"classify/rules.py", "classify/__init__.py", "classify/permissions.py"}


def _classifier_uses(path: Path) -> set[str]:
    """Classifier names ``path`` imports or uses as an attribute (``rules.classify_permission``)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            used.update(a.name for a in node.names if a.name in _CLASSIFIER)
        elif isinstance(node, ast.Attribute) and node.attr in _CLASSIFIER:
            used.add(node.attr)
    return used


def test_each_permission_is_classified_in_one_place() -> None:
    """Issue 14 item 5: ``resolve`` classifies each permission once (``classify/permissions.py``)
    into a ``ClassifiedPermission``; flows, matching, findings and the analysis read that record
    and never classify a value again — in particular nothing in ``m365inv.findings`` does."""
    offenders = {
        rel: sorted(used)
        for path in ROOT.rglob("*.py")
        if (rel := path.relative_to(ROOT).as_posix()) not in _CLASSIFIER_HOME
        and (used := _classifier_uses(path))
    }
    assert offenders == {}
    findings = set().union(*(_classifier_uses(p) for p in (ROOT / "findings").rglob("*.py")))
    assert findings == set()


def test_the_classifier_check_sees_uses() -> None:
    """Not vacuous: the one place that classifies is found by the same walk."""
    assert _classifier_uses(ROOT / "classify" / "permissions.py") == {"classify_permission"}
