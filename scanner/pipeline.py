"""scan = collect → resolve → analyse → inventory — the one place the stages are composed.

The CLI (``scan``, ``snapshot``, ``demo``) and the tests call these functions; no stage knows
about the others. ``build_inventory`` is pure (records in, record out, injected clock), so two
scans of an unchanged tenant give the same inventory apart from ``scannedAt``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from m365inv import __version__
from m365inv.analysis import analyse
from m365inv.auth.interface import TokenSource
from m365inv.catalog.model import Catalog, Vendor
from m365inv.collect import CollectOptions, Progress, collect_tenant
from m365inv.findings.rules import FindingOptions
from m365inv.models import (
    SCHEMA_VERSION,
    Generator,
    Inventory,
    SubProcessor,
    TenantData,
    TenantInfo,
    Transfer,
    UnnamedTransfer,
    VendorInfo,
)
from m365inv.resolve import resolve_apps
from m365inv.resolve.counts import tenant_counts


@dataclass(frozen=True)
class ScanResult:
    """What one scan produced: the collected facts (kept for the next delta) and the inventory."""

    tenant: TenantData
    inventory: Inventory


def vendor_info(vendor: Vendor, dpa_on_file: frozenset[str] = frozenset()) -> VendorInfo:
    """The catalog facts an inventory carries per matched vendor (Art. 30 columns, diffs).

    Website-scope recipients (trackers, web fonts on the vendor's site) are left out: they never
    receive tenant data, so they are no recipients in a record of processing (issue 12 item 4)."""
    return VendorInfo(
        id=vendor.id,
        name=vendor.name,
        legal_entity=vendor.legal_entity,
        country=vendor.country,
        policy_url=vendor.policy.url,
        policy_version=vendor.policy.version,
        policy_date=vendor.policy.date,
        transfers=tuple(
            Transfer(
                country=t.country,
                recipient=", ".join(t.recipients) or None,
                safeguard=None if t.mechanism == "none-stated" else t.mechanism,
            )
            for t in vendor.transfers
            if t.scope != "website" and t.country is not None
        ),
        unnamed_country_transfers=tuple(
            UnnamedTransfer(
                recipient=", ".join(t.recipients) or None,
                safeguard=None if t.mechanism == "none-stated" else t.mechanism,
            )
            for t in vendor.transfers
            if t.scope != "website" and t.country is None
        ),
        sub_processors=tuple(
            SubProcessor(name=s.name, purpose=s.purpose, country=s.country)
            for s in vendor.subprocessors
            if s.scope != "website"
        ),
        security_measures=tuple(c.claim for c in vendor.security_claims),
        role=vendor.role,
        legal_bases=tuple(b.basis for b in vendor.legal_bases),
        processing_locations=vendor.processing_locations,
        draft=vendor.draft,
        dpa_on_file=vendor.id in dpa_on_file,
    )


def build_inventory(
    tenant: TenantData,
    catalog: Catalog,
    *,
    now: dt.datetime,
    tenant_id: str | None = None,
    options: FindingOptions | None = None,
    scanner_app_id: str | None = None,
) -> Inventory:
    """Resolve, classify and match ``tenant`` into the published inventory contract.

    ``tenant_id`` is the profile's, used when ``/organization`` could not be read;
    ``scanner_app_id`` is the profile's client id — that app is shown as the scanner.
    """
    counts = tenant_counts(tenant)
    apps = resolve_apps(tenant, scanner_app_id=scanner_app_id)
    analysis = analyse(apps, tenant, catalog, now=now, options=options, counts=counts)
    matched = sorted({a.vendor.id for a in analysis.apps if a.vendor is not None})
    dpa = options.dpa_on_file if options else frozenset()
    vendors = tuple(vendor_info(v, dpa) for v in (catalog.get(i) for i in matched) if v is not None)
    org = tenant.org
    return Inventory(
        schema_version=SCHEMA_VERSION,
        generator=Generator(name="m365inv", version=__version__),
        tenant=TenantInfo(
            id=org.id if org else (tenant_id or ""),
            display_name=org.display_name if org else None,
            scanned_at=tenant.scanned_at,
            counts=counts,
        ),
        apps=analysis.apps,
        flows=analysis.flows,
        coverage=tuple(sorted(tenant.coverage, key=lambda c: c.source)),
        vendors=vendors,
    )


async def scan(
    source: TokenSource,
    catalog: Catalog,
    *,
    previous: TenantData | None = None,
    options: CollectOptions | None = None,
    progress: Progress | None = None,
    tenant_id: str | None = None,
    now: dt.datetime | None = None,
    finding_options: FindingOptions | None = None,
    scanner_app_id: str | None = None,
) -> ScanResult:
    """Collect the tenant (delta against ``previous`` when possible) and build its inventory."""
    tenant = await collect_tenant(
        source, previous=previous, options=options or CollectOptions(), progress=progress
    )
    inventory = build_inventory(
        tenant,
        catalog,
        now=now or dt.datetime.now(dt.UTC),
        tenant_id=tenant_id,
        options=finding_options,
        scanner_app_id=scanner_app_id,
    )
    return ScanResult(tenant=tenant, inventory=inventory)
