"""Findings per app: a code, a severity, one plain English sentence a DPO understands, and the
evidence — the exact permissions (``resource: value (kind)``), provisioning attributes, group names,
sub-processors or policy facts the sentence rests on. The severity scale is documented in
``scanner/findings/__init__.py``. Output order is deterministic: severity (highest first), code,
message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from scanner.catalog.model import EU_EEA, Vendor
from scanner.classify.rules import PermissionClass, classify_permission
from scanner.classify.taxonomy import label
from scanner.findings.art9 import art9_labels
from scanner.models import App, Finding, Flow, Severity, TenantData

SEVERITY_RANK: dict[str, int] = {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}
MAX_EVIDENCE = 20


class FindingOptions(msgspec.Struct, frozen=True, kw_only=True):
    stale_policy_years: int = 3


def _who(flow: Flow) -> str:
    n = flow.subjects.count
    people = f"{n} people" if n is not None else "an unknown number of people"
    return {
        "tenant": f"everyone in the tenant ({people})",
        "consenting-users": f"users who consented ({people})",
        "assigned-users": f"users assigned to the app ({people})",
        "signed-in-user": "the signed-in user",
    }[flow.subjects.scope]


def _name(app: App) -> str:
    return app.display_name or app.app_id


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def permission_findings(app: App) -> list[Finding]:
    out: list[Finding] = []
    for p in app.permissions:
        where = p.resource_name or p.resource_app_id
        if p.value is None:
            out.append(Finding(
                code="UNRESOLVED_PERMISSION", severity="medium",
                message=f"{_name(app)} holds a {p.kind} permission on {where} whose name could "
                        "not be resolved, so what it opens is unknown.",
                evidence=(f"{where}: permission id {p.id} ({p.kind})",),
            ))  # fmt: skip
            continue
        c = classify_permission(p.value, p.kind, p.resource_app_id)
        if c is not None and not c.classified:
            out.append(Finding(
                code="UNCLASSIFIED_PERMISSION", severity="medium",
                message=f"{_name(app)} holds {p.value} on {where}, a permission m365inv cannot "
                        "classify yet, so what personal data it opens needs a manual review.",
                evidence=(f"{where}: {p.value} ({p.kind})",),
            ))  # fmt: skip
    return out


def art9_group_hits(tenant: TenantData) -> tuple[str, ...]:
    """Groups whose names reveal Art. 9 data — once per tenant, not once per app (10k groups ×
    thousands of apps made this the slowest part of analysis)."""
    return tuple(
        sorted(
            f"group {g.display_name!r}: {', '.join(labels)}"
            for g in tenant.groups
            if g.display_name and (labels := art9_labels(g.display_name))
        )
    )


def signal_findings(
    app: App, classes: dict[str, PermissionClass], group_hits: Sequence[str]
) -> list[Finding]:
    out: list[Finding] = []

    def with_signal(signal: str) -> tuple[str, ...]:
        return tuple(sorted(ev for ev, c in classes.items() if signal in c.signals))

    if ev := with_signal("monitoring"):
        out.append(Finding(
            code="EMPLOYEE_MONITORING", severity="high",
            message=f"{_name(app)} can read presence, call, meeting, sign-in, security or usage "
                    "data about employees, which makes it a technical means to monitor behaviour "
                    "or performance (in Germany subject to works-council co-determination under "
                    "§ 87 (1) Nr. 6 BetrVG).",
            evidence=ev,
        ))  # fmt: skip
    if ev := with_signal("content"):
        # Tenant-wide: an application permission that is not narrowed, or a delegated one that
        # reaches the whole directory (User.Export.All, eDiscovery) — everyone's content.
        tenant_wide = any(
            "content" in c.signals and c.reach in ("tenant", "directory") for c in classes.values()
        )
        out.append(Finding(
            code="CONTENT_ACCESS", severity="high" if tenant_wide else "medium",
            message=f"{_name(app)} can read the content of e-mails, chats, meetings or files"
                    + (" of everyone in the tenant." if tenant_wide
                       else " that the signing-in users or selected resources give it access to."),
            evidence=ev,
        ))  # fmt: skip
    if ev := with_signal("group-names"):
        hits = group_hits
        if hits:
            out.append(Finding(
                code="ART9_GROUP_NAME", severity="high",
                message=f"{_name(app)} can read group names and memberships, so {len(hits)} "
                        "group name(s) revealing special categories of personal data (Art. 9 "
                        "GDPR), such as works council, union, disability or health, are visible "
                        "to its vendor.",
                evidence=(*hits[:MAX_EVIDENCE], *ev),
            ))  # fmt: skip
    return out


def disclosure_findings(app: App, flows: Sequence[Flow], vendor: Vendor) -> list[Finding]:
    out: list[Finding] = []
    undisclosed = [f for f in flows if f.disclosed is False]
    if undisclosed:
        sensitive = any(
            f.category.startswith(("user.content", "user.behavior", "user.authorization"))
            for f in undisclosed
        )
        cats = ", ".join(sorted({label(f.category) for f in undisclosed}))
        out.append(Finding(
            code="UNDISCLOSED_CATEGORY", severity="high" if sensitive else "medium",
            message=f"{_name(app)} can reach {len(undisclosed)} data categories ({cats}) that "
                    f"{vendor.legal_entity}'s privacy policy does not mention.",
            evidence=tuple(
                f"{f.category} ({f.access}, {_who(f)}) via {'; '.join(f.evidence)}"
                for f in undisclosed[:MAX_EVIDENCE]
            ),
        ))  # fmt: skip
    wider = []
    for f in flows:
        item = next(
            (d for d in vendor.service_items() if f.disclosure and d.item == f.disclosure.item),
            None,
        )
        if (
            item
            and item.reach in ("signed-in-user", "selected-users")
            and f.subjects.scope == "tenant"
        ):
            wider.append(
                f"{f.category}: policy says {item.item!r}; app reaches {_who(f)} "
                f"via {'; '.join(f.evidence)}"
            )
    if wider:
        out.append(Finding(
            code="REACH_WIDER_THAN_DISCLOSED", severity="high",
            message=f"{_name(app)} can reach data of everyone in the tenant, while "
                    f"{vendor.legal_entity}'s privacy policy speaks only of the signed-in or "
                    "selected users.",
            evidence=tuple(sorted(wider)),
        ))  # fmt: skip
    return out


def vendor_findings(
    app: App, vendor: Vendor, now: dt.datetime, opts: FindingOptions
) -> list[Finding]:
    out: list[Finding] = []
    out += policy_date_findings(vendor, now, opts)
    by_country: dict[str, list[str]] = {}
    for s in vendor.subprocessors:
        if s.country and s.country not in EU_EEA:
            by_country.setdefault(s.country, []).append(s.name)
    for country, names in sorted(by_country.items()):
        safeguarded = any(
            t.country == country and t.mechanism != "none-stated" for t in vendor.transfers
        )
        out.append(Finding(
            code="THIRD_COUNTRY_SUBPROCESSOR", severity="low" if safeguarded else "medium",
            message=f"{vendor.legal_entity} names sub-processors in {country}, outside the EU/EEA"
                    + (", with a stated transfer mechanism." if safeguarded
                       else ", without stating a transfer mechanism for all of them."),
            evidence=tuple(sorted(names)),
        ))  # fmt: skip
    for claim in vendor.security_claims:
        if claim.kind == "reversible-password-encryption":
            out.append(Finding(
                code="REVERSIBLE_PASSWORD_ENCRYPTION", severity="high",
                message=f"{vendor.legal_entity} states that it stores passwords in reversibly "
                        "encrypted form, so it can decrypt and reuse them instead of keeping only "
                        "a hash.",
                evidence=(claim.claim,),
            ))  # fmt: skip
    return out


def policy_date_findings(vendor: Vendor, now: dt.datetime, opts: FindingOptions) -> list[Finding]:
    """STALE_POLICY when the policy is older than the threshold, POLICY_UNDATED when it has no
    date at all — an undated policy cannot be judged current, which is itself worth a look."""
    where = f"policy URL {vendor.policy.url}" if vendor.policy.url else "policy URL not on file"
    policy_date = vendor.policy.as_date()
    if policy_date is None:
        return [Finding(
            code="POLICY_UNDATED", severity="medium",
            message=f"{vendor.legal_entity}'s privacy policy on file states no date or version "
                    "date, so nobody can tell whether it is still the current version.",
            evidence=(f"vendor {vendor.id}: policy date missing", where),
        )]  # fmt: skip
    if (now.date() - policy_date).days <= opts.stale_policy_years * 365.25:
        return []
    return [Finding(
        code="STALE_POLICY", severity="medium",
        message=f"{vendor.legal_entity}'s privacy policy on file dates from "
                f"{vendor.policy.date_as_written or vendor.policy.date}, more than "
                f"{opts.stale_policy_years} years ago, so it may no longer describe what the "
                "vendor does today.",
        evidence=(f"vendor {vendor.id}: policy date {vendor.policy.date}", where),
    )]  # fmt: skip


def publisher_findings(app: App, flows: Sequence[Flow], has_vendor: bool) -> list[Finding]:
    out: list[Finding] = []
    if app.first_party or not flows:
        return out
    if not has_vendor:
        out.append(Finding(
            code="NO_DISCLOSURE_ON_FILE", severity="medium",
            message=f"{_name(app)} can reach personal data, but no privacy-policy disclosure for "
                    "its vendor is on file, so its data flows cannot be checked against one.",
            evidence=tuple(sorted({e for f in flows for e in f.evidence}))[:MAX_EVIDENCE],
        ))  # fmt: skip
    if not app.publisher.verified:
        wide = sorted({e for f in flows if f.subjects.scope == "tenant" for e in f.evidence})
        out.append(Finding(
            code="UNVERIFIED_PUBLISHER", severity="medium" if wide else "low",
            message=f"{_possessive(_name(app))} publisher is not verified by Microsoft"
                    + (", yet the app reaches data of the whole tenant." if wide
                       else ", so its identity rests on the publisher's own claims."),
            evidence=(f"publisher: {app.publisher.name or 'unknown'} (not verified)",
                      *wide[:MAX_EVIDENCE]),
        ))  # fmt: skip
    return out


def order(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.code, f.message, f.evidence))
    )


def severity_at_least(finding: Finding, floor: Severity) -> bool:
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[floor]
