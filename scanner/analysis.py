"""classify → match → findings: turn resolved apps into flows, vendor matches and findings.

``analyse`` is pure: the same apps, tenant, catalog and ``now`` give the same output, in a
deterministic order (apps by display name then appId, flows by appId then category, findings by
severity then code). Nothing is dropped: an unresolved or unclassified permission stays on the
app, flagged (``resolved`` / ``classified``), and becomes a finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from scanner.catalog.model import Catalog, Vendor
from scanner.classify.flows import TenantCounts, merge, permission_parts, provisioning_parts
from scanner.classify.rules import classify_permission
from scanner.findings import rules as fr
from scanner.match import match_disclosure, match_vendor
from scanner.models import App, Disclosure, Finding, Flow, Permission, ServicePrincipal, TenantData


class Analysis(msgspec.Struct, frozen=True, kw_only=True):
    apps: tuple[App, ...]
    flows: tuple[Flow, ...]


def _mark(p: Permission) -> Permission:
    c = classify_permission(p.value, p.kind, p.resource_app_id)
    classified = c is not None and c.classified
    resolved = p.resolved and p.value is not None
    if (classified, resolved) == (p.classified, p.resolved):
        return p
    return msgspec.structs.replace(p, classified=classified, resolved=resolved)


def _flows(app: App, tenant: TenantData, counts: TenantCounts, vendor: Vendor | None) -> list[Flow]:
    parts, _ = permission_parts(app, counts)
    if app.provisioning is not None:
        parts += provisioning_parts(app.provisioning, app, tenant, counts)
    flows: list[Flow] = []
    for category, part in sorted(merge(parts).items()):
        item = match_disclosure(category, vendor) if vendor else None
        flows.append(
            Flow(
                app_id=app.app_id,
                vendor=vendor.id if vendor else None,
                category=category,
                access=part.access,
                subjects=part.subjects,
                evidence=tuple(part.evidence.split("\n")),
                disclosed=None if vendor is None else item is not None,
                disclosure=None
                if item is None
                else Disclosure(
                    item=item.item,
                    purpose=item.purpose,
                    retention=item.retention,
                    legal_basis=item.legal_basis,
                ),
                notes=part.notes,
            )
        )
    return flows


def analyse_app(
    app: App,
    tenant: TenantData,
    catalog: Catalog,
    *,
    now: dt.datetime,
    options: fr.FindingOptions,
    counts: TenantCounts,
    sp: ServicePrincipal | None = None,
    group_hits: Sequence[str] = (),
) -> tuple[App, list[Flow]]:
    app = msgspec.structs.replace(app, permissions=tuple(_mark(p) for p in app.permissions))
    if app.first_party or app.scanner:
        # Microsoft's own apps and the scanner itself: not third parties. Their grants and
        # reach stay (a DPO still needs to see who consented to Graph Explorer), but they are
        # never vendor-matched and carry no vendor or publisher findings.
        flows = _flows(app, tenant, counts, None)
        own = msgspec.structs.replace(
            app, data_categories=tuple(sorted({f.category for f in flows})), findings=()
        )
        return own, flows
    match = match_vendor(app, catalog, sp)
    vendor = catalog.get(match.id) if match else None
    flows = _flows(app, tenant, counts, vendor)
    _, classes = permission_parts(app, counts)
    findings: list[Finding] = fr.permission_findings(app)
    findings += fr.signal_findings(app, classes, group_hits)
    findings += fr.publisher_findings(app, flows, vendor is not None)
    if vendor is not None:
        findings += fr.disclosure_findings(app, flows, vendor)
        findings += fr.vendor_findings(app, vendor, now, options)
    app = msgspec.structs.replace(
        app,
        vendor=match,
        data_categories=tuple(sorted({f.category for f in flows})),
        findings=fr.order([*app.findings, *findings]),
    )
    return app, flows


def analyse(
    apps: Sequence[App],
    tenant: TenantData,
    catalog: Catalog,
    *,
    now: dt.datetime,
    options: fr.FindingOptions | None = None,
) -> Analysis:
    """Classify every app's permissions, derive its flows, match its vendor, add findings."""
    opts = options or fr.FindingOptions()
    counts = TenantCounts.of(tenant)
    sps = {s.id: s for s in tenant.service_principals}  # one index, not a scan per app
    group_hits = fr.art9_group_hits(tenant)
    out_apps: list[App] = []
    out_flows: list[Flow] = []
    for app in sorted(apps, key=lambda a: ((a.display_name or "").casefold(), a.app_id)):
        sp = sps.get(app.service_principal_id)
        new_app, flows = analyse_app(
            app, tenant, catalog, now=now, options=opts, counts=counts, sp=sp, group_hits=group_hits
        )
        out_apps.append(new_app)
        out_flows += flows
    out_flows.sort(key=lambda f: (f.app_id, f.category))
    return Analysis(apps=tuple(out_apps), flows=tuple(out_flows))
