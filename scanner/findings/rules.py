"""Findings per app: a code, a severity, a sentence a DPO understands, and the evidence.

Codes: UNDISCLOSED_CATEGORY, REACH_WIDER_THAN_DISCLOSED, NO_DISCLOSURE_ON_FILE,
UNVERIFIED_PUBLISHER, STALE_POLICY, THIRD_COUNTRY_SUBPROCESSOR, REVERSIBLE_PASSWORD_ENCRYPTION,
ART9_GROUP_NAME, EMPLOYEE_MONITORING, CONTENT_ACCESS, UNRESOLVED_PERMISSION,
UNCLASSIFIED_PERMISSION. Output order is deterministic: severity (highest first), code, message.
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
        c = classify_permission(p.value, p.kind)
        if c is not None and not c.classified:
            out.append(Finding(
                code="UNCLASSIFIED_PERMISSION", severity="medium",
                message=f"{_name(app)} holds {p.value} on {where}, which m365inv has no "
                        "classification for; review what personal data it opens.",
                evidence=(f"{where}: {p.value} ({p.kind})",),
            ))  # fmt: skip
    return out


def signal_findings(
    app: App, classes: dict[str, PermissionClass], tenant: TenantData
) -> list[Finding]:
    out: list[Finding] = []

    def with_signal(signal: str) -> tuple[str, ...]:
        return tuple(sorted(ev for ev, c in classes.items() if signal in c.signals))

    if ev := with_signal("monitoring"):
        out.append(Finding(
            code="EMPLOYEE_MONITORING", severity="high",
            message=f"{_name(app)} can read presence, call records, sign-in or usage data of "
                    "employees — technically suitable to monitor behaviour or performance. In "
                    "Germany this needs the works council's agreement (§ 87 (1) Nr. 6 BetrVG).",
            evidence=ev,
        ))  # fmt: skip
    if ev := with_signal("content"):
        tenant_wide = any(
            "content" in c.signals and c.kind == "application" and c.reach == "tenant"
            for c in classes.values()
        )
        out.append(Finding(
            code="CONTENT_ACCESS", severity="high" if tenant_wide else "medium",
            message=f"{_name(app)} can read the content of e-mails, chats, meetings or files"
                    + (" in every mailbox or site of the tenant." if tenant_wide else "."),
            evidence=ev,
        ))  # fmt: skip
    if ev := with_signal("group-names"):
        hits = sorted(
            f"group {g.display_name!r}: {', '.join(labels)}"
            for g in tenant.groups
            if g.display_name and (labels := art9_labels(g.display_name))
        )
        if hits:
            out.append(Finding(
                code="ART9_GROUP_NAME", severity="high",
                message=f"{_name(app)} can read group names and memberships, and {len(hits)} "
                        "group name(s) reveal special categories of data (Art. 9 GDPR), e.g. "
                        "works council, union, disability or health.",
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
                f"{f.category} ({f.access}, {_who(f)}) via {f.evidence[0]}"
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
            wider.append(f"{f.category}: policy says {item.item!r}; app reaches {_who(f)}")
    if wider:
        out.append(Finding(
            code="REACH_WIDER_THAN_DISCLOSED", severity="high",
            message=f"{_name(app)} can reach data of everyone in the tenant where "
                    f"{vendor.legal_entity}'s policy speaks only of the signed-in or "
                    "selected users.",
            evidence=tuple(sorted(wider)),
        ))  # fmt: skip
    return out


def vendor_findings(
    app: App, vendor: Vendor, now: dt.datetime, opts: FindingOptions
) -> list[Finding]:
    out: list[Finding] = []
    policy_date = vendor.policy.as_date()
    if policy_date is not None:
        age_days = (now.date() - policy_date).days
        if age_days > opts.stale_policy_years * 365.25:
            out.append(Finding(
                code="STALE_POLICY", severity="low",
                message=f"{vendor.legal_entity}'s privacy policy on file dates from "
                        f"{vendor.policy.date_as_written or vendor.policy.date}, more than "
                        f"{opts.stale_policy_years} years ago; check for a current version.",
                evidence=(f"policy date {vendor.policy.date}",),
            ))  # fmt: skip
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
            message=f"{vendor.legal_entity} names sub-processors in {country} (outside the EU/EEA)"
                    + ("." if safeguarded else " without stating a transfer mechanism for all."),
            evidence=tuple(sorted(names)),
        ))  # fmt: skip
    for claim in vendor.security_claims:
        if claim.kind == "reversible-password-encryption":
            out.append(Finding(
                code="REVERSIBLE_PASSWORD_ENCRYPTION", severity="high",
                message=f"{vendor.legal_entity} states that it stores a password encrypted — so it "
                        "can decrypt and use it. Passwords should not be recoverable; prefer "
                        "modern authentication without stored passwords.",
                evidence=(claim.claim,),
            ))  # fmt: skip
    return out


def publisher_findings(app: App, flows: Sequence[Flow], has_vendor: bool) -> list[Finding]:
    out: list[Finding] = []
    if app.first_party or not flows:
        return out
    if not has_vendor:
        out.append(Finding(
            code="NO_DISCLOSURE_ON_FILE", severity="medium",
            message=f"{_name(app)} can reach personal data, but no privacy-policy disclosure for "
                    "its vendor is on file, so the flows cannot be checked.",
            evidence=tuple(sorted({f.category for f in flows}))[:MAX_EVIDENCE],
        ))  # fmt: skip
    if not app.publisher.verified:
        tenant_wide = any(f.subjects.scope == "tenant" for f in flows)
        out.append(Finding(
            code="UNVERIFIED_PUBLISHER", severity="medium" if tenant_wide else "low",
            message=f"{_name(app)}'s publisher is not verified by Microsoft"
                    + (" and the app reaches data of the whole tenant." if tenant_wide else "."),
            evidence=(f"publisher: {app.publisher.name or 'unknown'}",),
        ))  # fmt: skip
    return out


def order(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.code, f.message, f.evidence))
    )


def severity_at_least(finding: Finding, floor: Severity) -> bool:
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[floor]
