"""The bounds of :mod:`m365inv.inputfiles` at their edges (the CLI tests cover every file kind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from m365inv.errors import CatalogError, ConfigError
from m365inv.inputfiles import (
    MAX_DEPTH,
    check_tree,
    parse_json,
    parse_toml,
    parse_yaml,
    read_limited,
)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_depth_limit_is_exact() -> None:
    assert parse_json(_nested(MAX_DEPTH), "f") is not None
    with pytest.raises(ConfigError, match=f"nested more than {MAX_DEPTH} levels"):
        parse_json(_nested(MAX_DEPTH + 1), "f")


def test_ordinary_documents_pass() -> None:
    assert parse_json('{"a": [1, 2.5, "x", null, true]}', "f") == {"a": [1, 2.5, "x", None, True]}
    assert parse_toml('[tenants.a]\ntenant_id = "x"\n', "f") == {
        "tenants": {"a": {"tenant_id": "x"}}
    }
    assert parse_yaml("a: &x [1]\nb: *x\n", "f") == {"a": [1], "b": [1]}  # small aliases are fine


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_refused(bad: float) -> None:
    with pytest.raises(ConfigError, match="not a number we accept"):
        check_tree({"x": [bad]}, "f")


def test_error_class_and_file_name(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"^v\.yaml: nested"):
        parse_yaml(_nested(200), "v.yaml", error=CatalogError)
    path = tmp_path / "x.bin"
    path.write_bytes(b"x" * 2049)
    assert read_limited(path, limit=2049, what="thing") == b"x" * 2049
    with pytest.raises(ConfigError, match=r"x\.bin: thing is larger than 2 KiB"):
        read_limited(path, limit=2048, what="thing")
    with pytest.raises(ConfigError, match="cannot read thing"):
        read_limited(tmp_path / "missing", limit=10, what="thing")
    with pytest.raises(ConfigError, match="cannot read thing: Is a directory"):
        read_limited(tmp_path, limit=10, what="thing")
