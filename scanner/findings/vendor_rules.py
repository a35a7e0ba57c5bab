"""Findings about a vendor rather than one of its apps — reported once per vendor (issue 12 item
9: a vendor with three apps used to show the same stale-policy finding three times).

They apply only to confirmed or probable matches: a possible match says nothing reliable about
who the vendor is. Sub-processors and transfers count only when their scope is the service or
the customer account — a website tracker (Google Fonts, ads pixels) is not a recipient of tenant
data — and a transfer mechanism safeguards only the recipients (and scope) it is stated for.
"""

from __future__ import annotations

import datetime as dt

from m365inv.catalog.model import EU_EEA, Subprocessor, Transfer, Vendor
from m365inv.findings.messages import make
from m365inv.findings.rules import FindingOptions
from m365inv.models import Finding

TENANT_SCOPES = ("service", "account")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _covers(t: Transfer, s: Subprocessor) -> bool:
    """Is ``s`` one of the recipients ``t`` names (no names: all of that scope)? A transfer
    to countries the policy does not name covers every third country."""
    if (t.country is not None and t.country != s.country) or t.scope != s.scope:
        return False
    if not t.recipients:
        return True
    names = {_norm(n) for n in (s.name, s.provider or "") if n}
    return any(any(n and (n in _norm(r) or _norm(r) in n) for n in names) for r in t.recipients)


def safeguard(s: Subprocessor, vendor: Vendor) -> str | None:
    """The mechanism stated for this recipient, or None: one stated for its country first,
    then one stated for third countries the policy does not name."""
    for t in sorted(vendor.transfers, key=lambda t: t.country is None):
        if t.mechanism != "none-stated" and _covers(t, s):
            return t.mechanism
    return None


def third_country_findings(vendor: Vendor) -> list[Finding]:
    by_country: dict[str, list[Subprocessor]] = {}
    for s in vendor.subprocessors:
        if s.scope in TENANT_SCOPES and s.country and s.country not in EU_EEA:
            by_country.setdefault(s.country, []).append(s)
    out: list[Finding] = []
    for country, subs in sorted(by_country.items()):
        mechanisms = {s.name: safeguard(s, vendor) for s in subs}
        safe = all(mechanisms.values())
        out.append(make(
            "THIRD_COUNTRY_SUBPROCESSOR", "low" if safe else "medium",
            sorted(f"{n} ({s.scope}): {mechanisms[n] or 'no mechanism stated'}"
                   for s in subs for n in [s.name]),
            variant="safeguarded" if safe else None, vendor=vendor.legal_entity, country=country,
        ))  # fmt: skip
    return out


def policy_date_findings(vendor: Vendor, now: dt.datetime, opts: FindingOptions) -> list[Finding]:
    """STALE_POLICY when the policy is older than the threshold, POLICY_UNDATED when it has no
    date at all — an undated policy cannot be judged current, which is itself worth a look."""
    where = f"policy URL {vendor.policy.url}" if vendor.policy.url else "policy URL not on file"
    policy_date = vendor.policy.as_date()
    if policy_date is None:
        missing = (f"vendor {vendor.id}: policy date missing", where)
        return [make("POLICY_UNDATED", "medium", missing, vendor=vendor.legal_entity)]
    if (now.date() - policy_date).days <= opts.stale_policy_years * 365.25:
        return []
    dated = (f"vendor {vendor.id}: policy date {vendor.policy.date}", where)
    return [make("STALE_POLICY", "medium", dated,
                 vendor=vendor.legal_entity, years=opts.stale_policy_years,
                 date=vendor.policy.date_as_written or vendor.policy.date)]  # fmt: skip


def vendor_findings(vendor: Vendor, now: dt.datetime, opts: FindingOptions) -> list[Finding]:
    out = policy_date_findings(vendor, now, opts)
    out += third_country_findings(vendor)
    for claim in vendor.security_claims:
        if claim.kind == "reversible-password-encryption":
            # Reframed (issue 12 item 7): an outbound service-account credential cannot be hashed;
            # the risk is whoever holds it can act as that account.
            out.append(make("STORED_IMPERSONATION_CREDENTIAL", "medium", (claim.claim,),
                            vendor=vendor.legal_entity))  # fmt: skip
    if vendor.role == "processor" and vendor.id not in opts.dpa_on_file:
        out.append(make("PROCESSOR_WITHOUT_DPA", "medium",
                        (f"vendor {vendor.id}: role processor; no DPA recorded in the profile",),
                        vendor=vendor.legal_entity))  # fmt: skip
    if not vendor.processing_locations:
        out.append(make("PROCESSING_LOCATION_UNKNOWN", "low",
                        (f"vendor {vendor.id}: no processing location in the policy on file",),
                        vendor=vendor.legal_entity))  # fmt: skip
    return out


__all__ = ["policy_date_findings", "safeguard", "third_country_findings", "vendor_findings"]
