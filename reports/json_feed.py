"""The ``inventory.json`` feed: canonical, stable bytes for a policy / RoPA generator.

Two scans of an unchanged tenant must produce byte-identical files apart from timestamps, so
that a generator (or ``git diff``) sees only real changes. msgspec already sorts object keys
(``order="sorted"``); :func:`canonical` sorts every list whose order Graph does not define.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import msgspec

from scanner.canonical import canonical
from scanner.errors import RenderError
from scanner.models import SCHEMA_VERSION, Coverage, Inventory

SCHEMA_ID = f"https://m365inv.dev/schema/inventory/{SCHEMA_VERSION}/inventory.schema.json"


def encode_inventory(inv: Inventory) -> bytes:
    """Stable, pretty-printed JSON (sorted keys, sorted lists, trailing newline)."""
    raw = msgspec.json.encode(canonical(inv), order="sorted")
    return msgspec.json.format(raw, indent=2) + b"\n"


def decode_inventory(data: bytes) -> Inventory:
    """Parse a feed back into records; a malformed file is a :class:`RenderError`."""
    try:
        return msgspec.json.decode(data, type=Inventory)
    except msgspec.ValidationError as exc:
        raise RenderError(f"not a valid m365inv inventory: {exc}") from None
    except msgspec.DecodeError as exc:
        raise RenderError(f"inventory is not valid JSON: {exc}") from None


def schema_text() -> str:
    """The published JSON Schema, exactly as shipped in ``reports/schema/``."""
    return (resources.files("reports") / "schema" / "inventory.schema.json").read_text("utf-8")


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = msgspec.json.decode(schema_text())
    return loaded


def coverage_gaps(inv: Inventory) -> tuple[Coverage, ...]:
    """Sources that were not read completely — shown as gaps, never as "nothing found"."""
    return tuple(c for c in canonical(inv).coverage if not c.complete)


__all__ = [
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "canonical",
    "coverage_gaps",
    "decode_inventory",
    "encode_inventory",
    "schema",
    "schema_text",
]
