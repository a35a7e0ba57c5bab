"""Load and validate vendor files: the shipped ``config/vendors`` plus an organisation's own.

Validation is two-step: the JSON Schema (shape, enums, patterns) and then the meaning — every
category key must exist in the taxonomy, display-name patterns must compile, ids must be unique
within one directory. Any problem is a :class:`~scanner.errors.CatalogError` naming the file.
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

from scanner.catalog.model import Catalog, Vendor
from scanner.classify.taxonomy import load_taxonomy
from scanner.errors import CatalogError
from scanner.inputfiles import MiB, decode_text, parse_yaml, read_limited


@cache
def vendor_schema() -> dict[str, Any]:
    text = (resources.files("config") / "vendors" / "vendor.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def shipped_dir() -> Path:
    return Path(str(resources.files("config") / "vendors"))


def validate_data(data: Any, where: str) -> Vendor:
    """Check one decoded YAML document and turn it into a :class:`Vendor`."""
    validator = jsonschema.Draft202012Validator(vendor_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        at = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise CatalogError(f"{where}: {at}: {err.message}")
    vendor = msgspec.convert(data, Vendor)
    tax = load_taxonomy()
    for n, item in enumerate(vendor.disclosures):
        for cat in item.categories:
            if not tax.is_known(cat):
                raise CatalogError(f"{where}: disclosures/{n}: unknown data category {cat!r}")
    for pattern in vendor.recognition.display_name_patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise CatalogError(f"{where}: bad display_name_pattern {pattern!r}: {exc}") from None
    return vendor


MAX_VENDOR_FILE_BYTES = MiB  # the largest shipped file is ~10 KiB


def load_vendor_file(path: Path) -> Vendor:
    """One vendor file, bounded in size, depth and alias expansion (:mod:`scanner.inputfiles`)."""
    where = str(path)
    raw = read_limited(path, limit=MAX_VENDOR_FILE_BYTES, what="vendor file", error=CatalogError)
    data = parse_yaml(decode_text(raw, where, error=CatalogError), where, error=CatalogError)
    vendor = validate_data(data, where)
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
