"""classify → match → findings: turn resolved apps into flows, vendor matches and findings.

``analyse`` is pure: the same apps, tenant, catalog and ``now`` give the same output, in a
deterministic order (apps by display name then appId, flows by appId then category, findings by
severity then code). Nothing is dropped: an unresolved or unclassified permission stays on the
app, flagged (``resolved`` / ``classified``), and becomes a finding.

Two passes: each app on its own (flows, vendor match, its findings), then across apps — findings
about a vendor are attached once, to the vendor's first app, and a display-name look-alike whose
owner tenant differs from the vendor's confirmed apps in this tenant is a possible impersonation.
Microsoft's own apps and the scanner's app keep their flows (reach) but are never matched and
carry no findings. Only a confirmed or probable match can mark a flow disclosed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from m365inv.catalog.model import Catalog, Vendor
from m365inv.classify.addins import addin_parts
from m365inv.classify.flows import FlowPart, merge, permission_parts
from m365inv.classify.provisioning import provisioning_parts
from m365inv.classify.rules import classify_permission
from m365inv.findings import rules as fr
from m365inv.findings.activity import inactivity_findings
from m365inv.findings.messages import make
from m365inv.findings.vendor_rules import vendor_findings
from m365inv.match import match_disclosure, match_vendor
from m365inv.models import (
    App,
    Disclosure,
    Finding,
    Flow,
    Permission,
    ServicePrincipal,
    TenantCounts,
    TenantData,
)
from m365inv.resolve.counts import tenant_counts


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


def _flows(
    app: App,
    tenant: TenantData,
    counts: TenantCounts,
    vendor: Vendor | None,
    permission_flow_parts: list[FlowPart],
) -> list[Flow]:
    parts = list(permission_flow_parts)
    if app.provisioning is not None:
        parts += provisioning_parts(app.provisioning, app, tenant, counts)
    parts += addin_parts(app, tenant, counts)
    flows: list[Flow] = []
    for category, part in sorted(merge(parts).items()):
        item = match_disclosure(category, vendor, part.subjects.scope) if vendor else None
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
    counts: TenantCounts,
    sp: ServicePrincipal | None = None,
    group_hits: fr.GroupHits | Sequence[str] = (),
    guests: int | None = None,
    now: dt.datetime,
    inactive_days: int = fr.FindingOptions().inactive_days,
) -> tuple[App, list[Flow]]:
    """One app on its own: flows, vendor match and the app's own findings (vendor-level findings
    are added by :func:`analyse`, once per vendor). ``now`` is the scan time (STALE_APP)."""
    app = msgspec.structs.replace(app, permissions=tuple(_mark(p) for p in app.permissions))
    if app.first_party or app.scanner:
        # Microsoft's own apps and the scanner itself: not third parties. Their grants and
        # reach stay (a DPO still needs to see who consented to Graph Explorer), but they are
        # never vendor-matched and carry no vendor or publisher findings.
        flows = _flows(app, tenant, counts, None, permission_parts(app, counts)[0])
        own = msgspec.structs.replace(
            app, data_categories=tuple(sorted({f.category for f in flows})), findings=()
        )
        return own, flows
    match = match_vendor(app, catalog, sp)
    trusted = match is not None and match.level != "possible"
    vendor = catalog.get(match.id) if match and trusted else None
    parts, classes = permission_parts(app, counts)  # each permission classified once here
    flows = _flows(app, tenant, counts, vendor, parts)
    findings: list[Finding] = fr.permission_findings(app)
    findings += fr.signal_findings(app, classes, group_hits)
    findings += fr.guest_findings(app, flows, guests)
    findings += fr.publisher_findings(app, flows, match)
    findings += inactivity_findings(app, flows, tenant, now=now, days=inactive_days)
    if vendor is not None:
        findings += fr.disclosure_findings(app, flows, vendor)
    app = msgspec.structs.replace(
        app,
        vendor=match,
        data_categories=tuple(sorted({f.category for f in flows})),
        findings=fr.order([*app.findings, *findings]),
    )
    return app, flows


def _impersonation(apps: list[App], sps: dict[str, ServicePrincipal]) -> dict[str, list[Finding]]:
    """Look-alikes (a possible match: display name or homepage alone) of a vendor whose
    confirmed/probable apps here belong to another owner tenant — per appId."""
    owners: dict[str, set[str]] = {}
    for a in apps:
        sp = sps.get(a.service_principal_id)
        if a.vendor and a.vendor.level != "possible" and sp and sp.app_owner_organization_id:
            owners.setdefault(a.vendor.id, set()).add(sp.app_owner_organization_id)
    out: dict[str, list[Finding]] = {}
    for a in apps:
        m = a.vendor
        if m is None or m.level != "possible":  # look-alike by name or by homepage alone
            continue
        sp = sps.get(a.service_principal_id)
        known = owners.get(m.id)
        owner = sp.app_owner_organization_id if sp else None
        if known and owner and owner not in known:  # an add-in without an SP: owner unknown
            out.setdefault(a.app_id, []).append(make(
                "POSSIBLE_IMPERSONATION", "high",
                (f"owner tenant {owner or 'unknown'}", *(f"{m.name} app owner tenant {k}"
                                                          for k in sorted(known))),
                app=a.display_name or a.app_id, vendor=m.name, known=", ".join(sorted(known)),
            ))  # fmt: skip
    return out


def analyse(
    apps: Sequence[App],
    tenant: TenantData,
    catalog: Catalog,
    *,
    now: dt.datetime,
    options: fr.FindingOptions | None = None,
    counts: TenantCounts | None = None,
) -> Analysis:
    """Classify every app's permissions, derive its flows, match its vendor, add findings."""
    opts = options or fr.FindingOptions()
    counts = counts or tenant_counts(tenant)
    sps = {s.id: s for s in tenant.service_principals}  # one index, not a scan per app
    hits = fr.group_hits(tenant)
    guests = counts.guests  # None when the users were not read completely
    out_apps: list[App] = []
    out_flows: list[Flow] = []
    for app in sorted(apps, key=lambda a: ((a.display_name or "").casefold(), a.app_id)):
        sp = sps.get(app.service_principal_id)
        new_app, flows = analyse_app(
            app, tenant, catalog, counts=counts, sp=sp, group_hits=hits, guests=guests,
            now=now, inactive_days=opts.inactive_days,
        )  # fmt: skip
        out_apps.append(new_app)
        out_flows += flows
    extra = _impersonation(out_apps, sps)
    done: set[str] = set()
    for n, a in enumerate(out_apps):
        more = extra.get(a.app_id, [])
        m = a.vendor
        if m is not None and m.level != "possible" and m.id not in done:
            done.add(m.id)  # vendor-level findings once, on the vendor's first app
            vendor = catalog.get(m.id)
            if vendor is not None:
                more += vendor_findings(vendor, now, opts)
        if more:
            out_apps[n] = msgspec.structs.replace(a, findings=fr.order([*a.findings, *more]))
    out_flows.sort(key=lambda f: (f.app_id, f.category))
    return Analysis(apps=tuple(out_apps), flows=tuple(out_flows))
