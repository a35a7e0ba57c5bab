"""The ``inventory.json`` feed: canonical, stable bytes for a policy / RoPA generator.

Two scans of an unchanged tenant must produce byte-identical files apart from timestamps, so
that a generator (or ``git diff``) sees only real changes. msgspec already sorts object keys
(``order="sorted"``); :func:`canonical` sorts every list whose order Graph does not define.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from importlib import resources
from typing import Any, BinaryIO

import msgspec

from m365inv.canonical import (
    app_key,
    canonical,
    canonical_app,
    canonical_coverage,
    canonical_flow,
    canonical_vendors,
    flow_key,
)
from m365inv.errors import RenderError
from m365inv.models import SCHEMA_VERSION, Coverage, Inventory

SCHEMA_ID = f"https://m365inv.dev/schema/inventory/{SCHEMA_VERSION}/inventory.schema.json"


_CHUNK = 512
"""Records encoded per write: large enough to keep msgspec's per-call cost small, small enough
that a 250,000-flow inventory never exists as one JSON document in memory."""


def write_inventory(inv: Inventory, out: BinaryIO) -> None:
    """Stream :func:`encode_inventory`'s exact bytes into ``out``, a chunk of records at a time.

    The document is the skeleton (every top-level field, sorted keys, with ``apps`` and ``flows``
    empty) with the sorted, canonical apps and flows spliced in. Pretty-printed JSON puts a
    newline only between tokens (a string cannot hold a raw one), so a record formatted on its
    own is re-indented for its place in the array by prefixing each of its lines.
    """
    skeleton = msgspec.structs.replace(
        inv,
        apps=(),
        flows=(),
        coverage=canonical_coverage(inv.coverage),
        vendors=canonical_vendors(inv.vendors),
    )
    head = msgspec.json.format(msgspec.json.encode(skeleton, order="sorted"), indent=2)
    arrays: tuple[tuple[bytes, list[Any], Callable[[Any], Any]], ...] = (
        (b'"apps": []', sorted(inv.apps, key=app_key), canonical_app),
        (b'"flows": []', sorted(inv.flows, key=flow_key), canonical_flow),
    )
    rest = head
    for name, ordered, canon in arrays:
        before, found, rest = rest.partition(b"\n  " + name)
        if not found:  # the skeleton always has both keys at the top level
            raise RenderError("inventory skeleton lacks a top-level list")
        out.write(before + b"\n  " + name[:-1])
        for i in range(0, len(ordered), _CHUNK):
            chunk = [canon(r) for r in ordered[i : i + _CHUNK]]
            body = msgspec.json.format(msgspec.json.encode(chunk, order="sorted"), indent=2)
            # "[\n  {…},\n  {…}\n]" → the array's items, re-indented from 2 to 4 spaces
            items = body[2:-2].replace(b"\n", b"\n  ")
            out.write((b"\n  " if i == 0 else b",\n  ") + items)
        out.write(b"\n  ]" if ordered else b"]")
    out.write(rest + b"\n")


def encode_inventory(inv: Inventory) -> bytes:
    """Stable, pretty-printed JSON (sorted keys, sorted lists, trailing newline)."""
    buf = io.BytesIO()
    write_inventory(inv, buf)
    return buf.getvalue()


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
    return (resources.files("m365inv.reports") / "schema" / "inventory.schema.json").read_text(
        "utf-8"
    )


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = msgspec.json.decode(schema_text())
    return loaded


def coverage_gaps(inv: Inventory) -> tuple[Coverage, ...]:
    """Sources that were not read completely — shown as gaps, never as "nothing found"."""
    return tuple(c for c in canonical_coverage(inv.coverage) if not c.complete)


__all__ = [
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "canonical",
    "coverage_gaps",
    "decode_inventory",
    "encode_inventory",
    "schema",
    "schema_text",
    "write_inventory",
]
