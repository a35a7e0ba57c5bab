"""Load and validate vendor files: the shipped ``config/vendors`` plus an organisation's own.

Validation is two-step: the JSON Schema (shape, enums, patterns) and then the meaning — every
category key must exist in the taxonomy, display-name patterns must compile, ids must be unique
within one directory. Any problem is a :class:`~m365inv.errors.CatalogError` naming the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import msgspec

from m365inv.catalog.model import Catalog, Vendor
from m365inv.classify.taxonomy import load_taxonomy
from m365inv.errors import CatalogError
from m365inv.inputfiles import MiB, decode_text, parse_yaml, read_limited


@cache
def vendor_schema() -> dict[str, Any]:
    text = (resources.files("m365inv.config") / "vendors" / "vendor.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def shipped_dir() -> Path:
    return Path(str(resources.files("m365inv.config") / "vendors"))


def validation_errors(data: Any) -> list[str]:
    """Every problem of one decoded vendor file ("path/in/file: message"), not just the first."""
    validator = jsonschema.Draft202012Validator(vendor_schema())
    errors = [
        f"{'/'.join(str(p) for p in err.absolute_path) or '(top level)'}: {err.message}"
        for err in sorted(
            validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
        )
    ]
    if not isinstance(data, dict):
        return errors or ["(top level): not a mapping"]
    tax = load_taxonomy()  # the meaning, checked even when the shape has errors elsewhere
    for n, item in enumerate(_list(data.get("disclosures"))):
        for cat in _list(item.get("categories") if isinstance(item, dict) else None):
            if isinstance(cat, str) and not tax.is_known(cat):
                errors.append(f"disclosures/{n}: unknown data category {cat!r}")
    recognition = data.get("recognition")
    for pattern in _list(
        recognition.get("display_name_patterns") if isinstance(recognition, dict) else None
    ):
        try:
            re.compile(str(pattern))
        except re.error as exc:
            errors.append(f"recognition: bad display_name_pattern {pattern!r}: {exc}")
    return errors


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def validate_data(data: Any, where: str) -> Vendor:
    """Check one decoded YAML document and turn it into a :class:`Vendor`."""
    errors = validation_errors(data)
    if errors:
        more = (
            f" (and {len(errors) - 1} more; see `m365inv catalog validate`)"
            if len(errors) > 1
            else ""
        )
        raise CatalogError(f"{where}: {errors[0]}{more}")
    return msgspec.convert(data, Vendor)


MAX_VENDOR_FILE_BYTES = MiB  # the largest shipped file is ~10 KiB


def read_vendor_yaml(path: Path) -> Any:
    """One vendor file's YAML, bounded in size, depth and alias expansion (scanner.inputfiles)."""
    where = str(path)
    raw = read_limited(path, limit=MAX_VENDOR_FILE_BYTES, what="vendor file", error=CatalogError)
    return parse_yaml(decode_text(raw, where, error=CatalogError), where, error=CatalogError)


def load_vendor_file(path: Path) -> Vendor:
    vendor = validate_data(read_vendor_yaml(path), str(path))
    return msgspec.structs.replace(vendor, path=str(path))


def _load_dir(directory: Path) -> list[Vendor]:
    if not directory.is_dir():
        raise CatalogError(f"{directory}: catalog directory does not exist")
    vendors: list[Vendor] = []
    seen: dict[str, Path] = {}
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        vendor = load_vendor_file(path)
        if vendor.id in seen:
            raise CatalogError(f"{path}: vendor id {vendor.id!r} also in {seen[vendor.id].name}")
        seen[vendor.id] = path
        vendors.append(vendor)
    return vendors


def load_catalog(
    extra_dirs: Sequence[Path] | Iterable[Path] = (), *, shipped: bool = True
) -> Catalog:
    """The shipped catalog with each extra directory layered on top (same id → replaced)."""
    by_id: dict[str, Vendor] = {}
    dirs = ([shipped_dir()] if shipped else []) + [Path(d) for d in extra_dirs]
    for directory in dirs:
        for vendor in _load_dir(directory):
            by_id[vendor.id] = vendor
    return Catalog(vendors=tuple(by_id[k] for k in sorted(by_id)))
