"""classify → match → findings: turn resolved apps into flows, vendor matches and findings.

``analyse`` is pure: the same apps, tenant, catalog and ``now`` give the same output, in a
deterministic order (apps by display name then appId, flows by appId then category, findings by
severity then code). Nothing is dropped: an unresolved or unclassified permission stays on the
app, flagged (``resolved`` / ``classified``), and becomes a finding.

Records go one way. ``resolve`` hands over complete ``ResolvedApp``s whose permissions were
classified once (``ClassifiedPermission``); flows and findings read those records, never the
classifier. Two passes: each app on its own (flows, vendor match, its findings) into an
``_AppResult``, then across apps — findings about a vendor are attached once, to the vendor's
first app, and a display-name look-alike whose owner tenant differs from the vendor's confirmed
apps in this tenant is a possible impersonation. Only then is each ``App`` record built, once.
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
from m365inv.findings import rules as fr
from m365inv.findings.activity import inactivity_findings
from m365inv.findings.messages import make
from m365inv.findings.vendor_rules import vendor_findings
from m365inv.match import match_disclosure, match_vendor
from m365inv.models import (
    App,
    AppFacts,
    Disclosure,
    Finding,
    Flow,
    ServicePrincipal,
    TenantCounts,
    TenantData,
    VendorMatch,
)
from m365inv.resolve.apps import ResolvedApp
from m365inv.resolve.counts import tenant_counts


class Analysis(msgspec.Struct, frozen=True, kw_only=True):
    apps: tuple[App, ...]
    flows: tuple[Flow, ...]


class _AppResult(msgspec.Struct, frozen=True, kw_only=True):
    """The first pass over one app: what the app-level rules decided, before the cross-app
    findings (vendor-level, impersonation) are known. Internal; the output is :class:`App`."""

    app: ResolvedApp
    vendor: VendorMatch | None
    flows: tuple[Flow, ...]
    findings: tuple[Finding, ...]


def _flows(
    app: AppFacts,
    tenant: TenantData,
    counts: TenantCounts,
    vendor: Vendor | None,
    permission_flow_parts: list[FlowPart],
) -> tuple[Flow, ...]:
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
                evidence=part.evidence,
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
    return tuple(flows)


def _analyse_app(
    app: ResolvedApp,
    tenant: TenantData,
    catalog: Catalog,
    *,
    counts: TenantCounts,
    sp: ServicePrincipal | None,
    group_hits: fr.GroupHits,
    guests: int | None,
    now: dt.datetime,
    inactive_days: int,
) -> _AppResult:
    """One app on its own: flows, vendor match and the app's own findings (vendor-level findings
    are added by :func:`analyse`, once per vendor). ``now`` is the scan time (STALE_APP)."""
    parts = permission_parts(app.permissions, counts)
    if app.first_party or app.scanner:
        # Microsoft's own apps and the scanner itself: not third parties. Their grants and
        # reach stay (a DPO still needs to see who consented to Graph Explorer), but they are
        # never vendor-matched and carry no vendor or publisher findings.
        flows = _flows(app, tenant, counts, None, parts)
        return _AppResult(app=app, vendor=None, flows=flows, findings=())
    match = match_vendor(app, catalog, sp)
    trusted = match is not None and match.level != "possible"
    vendor = catalog.get(match.id) if match and trusted else None
    flows = _flows(app, tenant, counts, vendor, parts)
    findings: list[Finding] = fr.permission_findings(app, app.permissions)
    findings += fr.signal_findings(app, app.permissions, group_hits)
    findings += fr.guest_findings(app, flows, guests)
    sign_in = fr.sign_in_evidence(app.permissions)
    findings += fr.publisher_findings(app, flows, match, sign_in=sign_in)
    findings += inactivity_findings(app, flows, tenant, now=now, days=inactive_days)
    if vendor is not None:
        findings += fr.disclosure_findings(app, flows, vendor, sign_in=sign_in)
    return _AppResult(app=app, vendor=match, flows=flows, findings=fr.order(findings))


def _app(result: _AppResult, more: Sequence[Finding]) -> App:
    """The inventory record, built once: the resolved facts (every ``AppFacts`` field, by name),
    the permissions as published, and what the two passes decided."""
    r = result.app
    facts = {name: getattr(r, name) for name in AppFacts.__struct_fields__}
    return App(
        **facts,
        permissions=tuple(cp.permission for cp in r.permissions),
        vendor=result.vendor,
        data_categories=tuple(sorted({f.category for f in result.flows})),
        findings=fr.order([*result.findings, *more]),
    )


def _impersonation(
    results: list[_AppResult], sps: dict[str, ServicePrincipal]
) -> dict[str, list[Finding]]:
    """Look-alikes (a possible match: display name or homepage alone) of a vendor whose
    confirmed/probable apps here belong to another owner tenant — per appId."""
    owners: dict[str, set[str]] = {}
    for r in results:
        sp = sps.get(r.app.service_principal_id)
        if r.vendor and r.vendor.level != "possible" and sp and sp.app_owner_organization_id:
            owners.setdefault(r.vendor.id, set()).add(sp.app_owner_organization_id)
    out: dict[str, list[Finding]] = {}
    for r in results:
        a, m = r.app, r.vendor
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
    apps: Sequence[ResolvedApp],
    tenant: TenantData,
    catalog: Catalog,
    *,
    now: dt.datetime,
    options: fr.FindingOptions | None = None,
    counts: TenantCounts | None = None,
) -> Analysis:
    """Derive every app's flows from its classified permissions, match its vendor, add
    findings; build each ``App`` once, after both passes."""
    opts = options or fr.FindingOptions()
    counts = counts or tenant_counts(tenant)
    sps = {s.id: s for s in tenant.service_principals}  # one index, not a scan per app
    hits = fr.group_hits(tenant)
    guests = counts.guests  # None when the users were not read completely
    results = [
        _analyse_app(
            app, tenant, catalog, counts=counts, sp=sps.get(app.service_principal_id),
            group_hits=hits, guests=guests, now=now, inactive_days=opts.inactive_days,
        )
        for app in sorted(apps, key=lambda a: ((a.display_name or "").casefold(), a.app_id))
    ]  # fmt: skip
    extra = _impersonation(results, sps)
    done: set[str] = set()
    out_apps: list[App] = []
    for r in results:
        more = extra.get(r.app.app_id, [])
        m = r.vendor
        if m is not None and m.level != "possible" and m.id not in done:
            done.add(m.id)  # vendor-level findings once, on the vendor's first app
            vendor = catalog.get(m.id)
            if vendor is not None:
                more += vendor_findings(vendor, now, opts)
        out_apps.append(_app(r, more))
    flows = sorted((f for r in results for f in r.flows), key=lambda f: (f.app_id, f.category))
    return Analysis(apps=tuple(out_apps), flows=tuple(flows))
