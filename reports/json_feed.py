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

from scanner.errors import RenderError
from scanner.findings.severity import most_severe_first
from scanner.models import (
    App,
    Coverage,
    Finding,
    Flow,
    Inventory,
    Permission,
    Provisioning,
    VendorInfo,
)

SCHEMA_VERSION = "1.0.0"
"""Semver of the contract: major = breaking, minor = new optional fields, patch = wording."""

SCHEMA_ID = "https://m365inv.dev/schema/inventory/1.0.0/inventory.schema.json"


def _finding_key(f: Finding) -> tuple[int, str, str]:
    return (most_severe_first(f.severity), f.code, f.message)


def _permission_key(p: Permission) -> tuple[str, str, str, str, str]:
    return (p.resource_app_id, p.kind, p.value or "", p.id, p.consent_type or "")


def _canonical_finding(f: Finding) -> Finding:
    return msgspec.structs.replace(f, evidence=tuple(sorted(set(f.evidence))))


def _canonical_provisioning(p: Provisioning | None) -> Provisioning | None:
    if p is None:
        return None
    mappings = tuple(sorted(p.mappings, key=lambda m: (m.target, m.source or "")))
    return msgspec.structs.replace(p, attributes=tuple(sorted(p.attributes)), mappings=mappings)


def _canonical_app(app: App) -> App:
    return msgspec.structs.replace(
        app,
        permissions=tuple(sorted(app.permissions, key=_permission_key)),
        provisioning=_canonical_provisioning(app.provisioning),
        data_categories=tuple(sorted(set(app.data_categories))),
        findings=tuple(sorted(map(_canonical_finding, app.findings), key=_finding_key)),
        sources=tuple(sorted(set(app.sources))),
    )


def _canonical_flow(flow: Flow) -> Flow:
    subjects = msgspec.structs.replace(flow.subjects, kinds=tuple(sorted(set(flow.subjects.kinds))))
    return msgspec.structs.replace(
        flow, subjects=subjects, evidence=tuple(sorted(set(flow.evidence)))
    )


def _canonical_vendor(v: VendorInfo) -> VendorInfo:
    return msgspec.structs.replace(
        v,
        transfers=tuple(
            sorted(v.transfers, key=lambda t: (t.country, t.recipient or "", t.safeguard or ""))
        ),
        sub_processors=tuple(
            sorted(v.sub_processors, key=lambda s: (s.name, s.country or "", s.purpose or ""))
        ),
        security_measures=tuple(sorted(set(v.security_measures))),
    )


def _app_key(a: App) -> tuple[str, str, str]:
    return (a.display_name or "", a.app_id, a.service_principal_id)


def _flow_key(f: Flow) -> tuple[str, str, str, str]:
    return (f.app_id, f.category, f.access, f.vendor or "")


def _canonical_coverage(coverage: tuple[Coverage, ...]) -> tuple[Coverage, ...]:
    return tuple(sorted(coverage, key=lambda c: (c.source, c.complete, c.error or "")))


def canonical(inv: Inventory) -> Inventory:
    """The same inventory with every unordered list sorted by a stable key."""
    # The sort keys are fields canonicalisation leaves alone, so sorting first and
    # canonicalising after gives the same order (the sort is stable).
    return msgspec.structs.replace(
        inv,
        apps=tuple(map(_canonical_app, sorted(inv.apps, key=_app_key))),
        flows=tuple(map(_canonical_flow, sorted(inv.flows, key=_flow_key))),
        coverage=_canonical_coverage(inv.coverage),
        vendors=tuple(sorted(map(_canonical_vendor, inv.vendors), key=lambda v: v.id)),
    )


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
        coverage=_canonical_coverage(inv.coverage),
        vendors=tuple(sorted(map(_canonical_vendor, inv.vendors), key=lambda v: v.id)),
    )
    head = msgspec.json.format(msgspec.json.encode(skeleton, order="sorted"), indent=2)
    arrays: tuple[tuple[bytes, list[Any], Callable[[Any], Any]], ...] = (
        (b'"apps": []', sorted(inv.apps, key=_app_key), _canonical_app),
        (b'"flows": []', sorted(inv.flows, key=_flow_key), _canonical_flow),
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
    return (resources.files("reports") / "schema" / "inventory.schema.json").read_text("utf-8")


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = msgspec.json.decode(schema_text())
    return loaded


def coverage_gaps(inv: Inventory) -> tuple[Coverage, ...]:
    """Sources that were not read completely — shown as gaps, never as "nothing found"."""
    return tuple(c for c in _canonical_coverage(inv.coverage) if not c.complete)


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
