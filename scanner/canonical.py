"""The canonical form of an inventory: every list whose order Graph does not define, sorted.

Two scans of an unchanged tenant must compare equal apart from timestamps — for the snapshot
diff (:mod:`m365inv.diff`) and for the byte-stable ``inventory.json`` the renderers write. This is
domain policy (what "the same inventory" means), so it lives on the scanner side.
"""

from __future__ import annotations

import msgspec

from m365inv.findings.severity import most_severe_first
from m365inv.models import (
    App,
    Coverage,
    Finding,
    Flow,
    Inventory,
    Permission,
    Provisioning,
    VendorInfo,
)


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
    parts = {
        "permissions": tuple(sorted(app.permissions, key=_permission_key)),
        "provisioning": _canonical_provisioning(app.provisioning),
        "data_categories": tuple(sorted(set(app.data_categories))),
        "findings": tuple(sorted(map(_canonical_finding, app.findings), key=_finding_key)),
        "sources": tuple(sorted(set(app.sources))),
    }
    if all(getattr(app, name) == value for name, value in parts.items()):
        return app  # already canonical: the record itself (see _canonical_flow)
    return msgspec.structs.replace(app, **parts)


def _canonical_flow(flow: Flow) -> Flow:
    kinds = tuple(sorted(set(flow.subjects.kinds)))
    evidence = tuple(sorted(set(flow.evidence)))
    if kinds == flow.subjects.kinds and evidence == flow.evidence:
        # already canonical (as analysis writes most flows): the record itself, not a copy —
        # a million-user tenant has 250,000 flows, and the summary keeps its canonical form
        # for every report
        return flow
    subjects = msgspec.structs.replace(flow.subjects, kinds=kinds)
    return msgspec.structs.replace(flow, subjects=subjects, evidence=evidence)


def _canonical_vendor(v: VendorInfo) -> VendorInfo:
    return msgspec.structs.replace(
        v,
        transfers=tuple(
            sorted(v.transfers, key=lambda t: (t.country, t.recipient or "", t.safeguard or ""))
        ),
        unnamed_country_transfers=tuple(
            sorted(
                v.unnamed_country_transfers, key=lambda t: (t.recipient or "", t.safeguard or "")
            )
        ),
        sub_processors=tuple(
            sorted(v.sub_processors, key=lambda s: (s.name, s.country or "", s.purpose or ""))
        ),
        security_measures=tuple(sorted(set(v.security_measures))),
    )


def app_key(a: App) -> tuple[str, str, str]:
    """The apps' order; canonicalising an app leaves these fields alone."""
    return (a.display_name or "", a.app_id, a.service_principal_id)


def flow_key(f: Flow) -> tuple[str, str, str, str]:
    """The flows' order; canonicalising a flow leaves these fields alone."""
    return (f.app_id, f.category, f.access, f.vendor or "")


def canonical_coverage(coverage: tuple[Coverage, ...]) -> tuple[Coverage, ...]:
    return tuple(sorted(coverage, key=lambda c: (c.source, c.complete, c.error or "")))


def canonical_vendors(vendors: tuple[VendorInfo, ...]) -> tuple[VendorInfo, ...]:
    return tuple(sorted(map(_canonical_vendor, vendors), key=lambda v: v.id))


canonical_app = _canonical_app
canonical_flow = _canonical_flow


def canonical(inv: Inventory) -> Inventory:
    """The same inventory with every unordered list sorted by a stable key.

    Sorting first and canonicalising after gives the same order as the other way round (the
    keys are fields canonicalisation leaves alone, and the sort is stable); a streaming writer
    (``m365inv.reports.json_feed.write_inventory``) relies on that to canonicalise a chunk at a
    time.
    """
    return msgspec.structs.replace(
        inv,
        apps=tuple(map(_canonical_app, sorted(inv.apps, key=app_key))),
        flows=tuple(map(_canonical_flow, sorted(inv.flows, key=flow_key))),
        coverage=canonical_coverage(inv.coverage),
        vendors=canonical_vendors(inv.vendors),
    )


__all__ = [
    "app_key",
    "canonical",
    "canonical_app",
    "canonical_coverage",
    "canonical_flow",
    "canonical_vendors",
    "flow_key",
]
