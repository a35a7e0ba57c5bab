"""Findings per app: a code, a severity, a translatable message (key + parameters, rendered in
English as ``message``; scanner/findings/messages.py) and the evidence — the exact permissions
(``resource: value (kind)``), provisioning attributes, group names or policy facts the message
rests on. The severity scale is documented in ``scanner/findings/__init__.py``; what makes data
sensitive is the explicit list in ``scanner/findings/sensitive.py``. Vendor-level findings (the
same for every app of one vendor) live in ``vendor_rules.py`` and are reported once per vendor.
Output order is deterministic: severity (highest first), code, message.

Permission rules read the ``ClassifiedPermission`` records ``resolve`` made: each permission was
classified once, and nothing here classifies a value again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from m365inv.catalog.model import Vendor
from m365inv.classify.permissions import ClassifiedPermission
from m365inv.classify.rules import PermissionClass
from m365inv.classify.taxonomy import label
from m365inv.findings.art9 import group_name_labels
from m365inv.findings.messages import make
from m365inv.findings.sensitive import is_sensitive
from m365inv.findings.severity import SEVERITY_RANK, severity_at_least
from m365inv.models import AppFacts, Finding, Flow, Severity, TenantData, VendorMatch

MAX_EVIDENCE = 20
SIGN_IN_SCOPES = frozenset({"openid", "profile", "email", "User.Read", "offline_access"})
"""Delegated scopes every "Sign in with Microsoft" app asks for: the signed-in user's own name,
e-mail and id. Flows resting only on them are not reported as undisclosed (issue 12 item 5)."""


class FindingOptions(msgspec.Struct, frozen=True, kw_only=True):
    stale_policy_years: int = 3
    inactive_days: int = 90  # STALE_APP: no sign-in for this long (findings/activity.py)
    # Catalog ids of vendors with a data-processing agreement (Art. 28 GDPR, AVV) on file — from
    # the profile/config; a processor not listed gets PROCESSOR_WITHOUT_DPA.
    dpa_on_file: frozenset[str] = frozenset()


class GroupHits(msgspec.Struct, frozen=True, kw_only=True):
    """Group names that reveal something, once per tenant (10k groups × thousands of apps made a
    per-app scan the slowest part of analysis)."""

    art9: tuple[str, ...] = ()
    employee: tuple[str, ...] = ()


def _name(app: AppFacts) -> str:
    return app.display_name or app.app_id


def _who(flow: Flow) -> str:
    n = flow.subjects.count
    people = f"{n} people" if n is not None else "an unknown number of people"
    return {
        "tenant": f"everyone in the tenant ({people})",
        "consenting-users": f"users who consented ({people})",
        "assigned-users": f"users assigned to the app ({people})",
        "signed-in-user": "the signed-in user",
    }[flow.subjects.scope]


def permission_findings(
    app: AppFacts, permissions: Sequence[ClassifiedPermission]
) -> list[Finding]:
    """A permission whose id did not resolve, or whose value the map does not know."""
    out: list[Finding] = []
    for cp in permissions:
        p = cp.permission
        where = p.resource_name or p.resource_app_id
        if p.value is None:
            out.append(make("UNRESOLVED_PERMISSION", "medium",
                            (f"{where}: permission id {p.id} ({p.kind})",),
                            app=_name(app), kind=p.kind, resource=where))  # fmt: skip
            continue
        if cp.meaning is not None and not cp.meaning.classified:
            ev = (f"{where}: {p.value} ({p.kind})",)
            out.append(make("UNCLASSIFIED_PERMISSION", "medium", ev,
                            app=_name(app), permission=p.value, resource=where))  # fmt: skip
    return out


def group_hits(tenant: TenantData) -> GroupHits:
    art9: list[str] = []
    employee: list[str] = []
    for g in tenant.groups:
        if not g.display_name:
            continue
        special, representation = group_name_labels(g.display_name)
        if special:
            art9.append(f"group {g.display_name!r}: {', '.join(special)}")
        if representation:
            employee.append(f"group {g.display_name!r}: {', '.join(representation)}")
    return GroupHits(art9=tuple(sorted(art9)), employee=tuple(sorted(employee)))


def art9_group_hits(tenant: TenantData) -> tuple[str, ...]:
    """Groups whose names reveal Art. 9 data (kept for callers of the old API)."""
    return group_hits(tenant).art9


def _tenant_wide(c: PermissionClass) -> bool:
    return c.reach in ("tenant", "directory")


def signal_findings(
    app: AppFacts, permissions: Sequence[ClassifiedPermission], hits: GroupHits | Sequence[str]
) -> list[Finding]:
    if not isinstance(hits, GroupHits):
        hits = GroupHits(art9=tuple(hits))
    out: list[Finding] = []
    name = _name(app)
    known = [(cp.evidence, c) for cp in permissions if (c := cp.known) is not None]

    def with_signal(signal: str, *, wide: bool = False, kind: str | None = None) -> list[str]:
        return sorted({
            ev for ev, c in known
            if signal in c.signals and (not wide or _tenant_wide(c))
            and (kind is None or c.kind == kind)
        })  # fmt: skip

    if ev := with_signal("monitoring"):
        out.append(make("EMPLOYEE_MONITORING", "high", ev, app=name))
    if ev := with_signal("content"):
        # Tenant-wide: an application permission that is not narrowed, or a delegated one that
        # reaches the whole directory (User.Export.All, eDiscovery) — everyone's content.
        wide = bool(with_signal("content", wide=True))
        out.append(make("CONTENT_ACCESS", "high" if wide else "medium", ev,
                        variant="tenant" if wide else "limited", app=name))  # fmt: skip
    if ev := with_signal("send-as", wide=True, kind="application"):
        out.append(make("SEND_AS_ANY_USER", "high", ev, app=name))
    if ev := with_signal("tenant-write", wide=True, kind="application"):
        out.append(make("TENANT_WIDE_WRITE", "high", ev, app=name))
    if ev := with_signal("forwarding", wide=True):
        out.append(make("MAILBOX_FORWARDING", "high", ev, app=name))
    if ev := with_signal("takeover", wide=True):
        out.append(make("PRIVILEGE_ESCALATION", "high", ev, app=name))
    if ev := with_signal("group-names"):
        if hits.art9:
            out.append(make("ART9_GROUP_NAME", "high", (*hits.art9[:MAX_EVIDENCE], *ev),
                            app=name, count=len(hits.art9)))  # fmt: skip
        if hits.employee:
            out.append(make("SENSITIVE_GROUP_NAME", "medium", (*hits.employee[:MAX_EVIDENCE], *ev),
                            app=name, count=len(hits.employee)))  # fmt: skip
    return out


def guest_findings(app: AppFacts, flows: Sequence[Flow], guests: int | None) -> list[Finding]:
    """Art. 14: guests are people outside the organisation; reaching them needs information."""
    if not guests:
        return []
    ev = sorted(
        {e for f in flows if f.subjects.scope == "tenant" and "guest" in f.subjects.kinds
         for e in f.evidence}
    )  # fmt: skip
    if not ev:
        return []
    return [make("GUESTS_REACHED", "low", ev[:MAX_EVIDENCE], app=_name(app), count=guests)]


def sign_in_evidence(permissions: Iterable[ClassifiedPermission]) -> frozenset[str]:
    """The evidence items of ``permissions`` that are delegated sign-in scopes (any resource)."""
    return frozenset(
        cp.evidence
        for cp in permissions
        if cp.permission.kind == "delegated" and cp.permission.value in SIGN_IN_SCOPES
    )


def sign_in_only(flow: Flow, sign_in: frozenset[str]) -> bool:
    """True when every permission behind ``flow`` is a delegated sign-in scope (``sign_in``, from
    :func:`sign_in_evidence`): the app learns the signed-in user's own profile, nothing about the
    tenant. Decided on the permission records, not by parsing the evidence text back."""
    return bool(flow.evidence) and all(e in sign_in for e in flow.evidence)


def disclosure_findings(
    app: AppFacts, flows: Sequence[Flow], vendor: Vendor, *, sign_in: frozenset[str]
) -> list[Finding]:
    out: list[Finding] = []
    undisclosed = [f for f in flows if f.disclosed is False and not sign_in_only(f, sign_in)]
    if undisclosed:
        sensitive = any(is_sensitive(f.category) for f in undisclosed)
        cats = ", ".join(sorted({label(f.category) for f in undisclosed}))
        out.append(make(
            "UNDISCLOSED_CATEGORY", "high" if sensitive else "medium",
            (f"{f.category} ({f.access}, {_who(f)}) via {'; '.join(f.evidence)}"
             for f in undisclosed[:MAX_EVIDENCE]),
            variant="sensitive" if sensitive else None,
            app=_name(app), count=len(undisclosed), categories=cats, vendor=vendor.legal_entity,
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
            wider.append(f"{f.category}: policy says {item.item!r}; app reaches {_who(f)} "
                         f"via {'; '.join(f.evidence)}")  # fmt: skip
    if wider:
        out.append(make("REACH_WIDER_THAN_DISCLOSED", "high", sorted(wider),
                        app=_name(app), vendor=vendor.legal_entity))  # fmt: skip
    return out


def publisher_findings(
    app: AppFacts, flows: Sequence[Flow], match: VendorMatch | None, *, sign_in: frozenset[str]
) -> list[Finding]:
    out: list[Finding] = []
    if app.first_party or app.scanner or not flows:
        return out
    name = _name(app)
    reportable = [f for f in flows if not sign_in_only(f, sign_in)]
    if match is None and reportable:
        out.append(make("NO_DISCLOSURE_ON_FILE", "medium",
                        sorted({e for f in reportable for e in f.evidence})[:MAX_EVIDENCE],
                        app=name))  # fmt: skip
    elif match is not None and match.level == "possible":
        out.append(make("VENDOR_MATCH_UNCONFIRMED", "medium",
                        (f"match: {match.id} by {match.match_method} ({match.level})",),
                        app=name, vendor=match.name,
                        method=match.match_method.replace("-", " ")))  # fmt: skip
    if not app.publisher.verified:
        wide = sorted({e for f in flows if f.subjects.scope == "tenant" for e in f.evidence})
        out.append(make("UNVERIFIED_PUBLISHER", "medium" if wide else "low",
                        (f"publisher: {app.publisher.name or 'unknown'} (not verified)",
                         *wide[:MAX_EVIDENCE]),
                        variant="tenant" if wide else None, app=name))  # fmt: skip
    return out


def order(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.code, f.message, f.evidence))
    )


def at_least(finding: Finding, floor: Severity) -> bool:
    return severity_at_least(finding.severity, floor)


__all__ = [
    "MAX_EVIDENCE",
    "SEVERITY_RANK",
    "FindingOptions",
    "GroupHits",
    "art9_group_hits",
    "disclosure_findings",
    "group_hits",
    "guest_findings",
    "order",
    "permission_findings",
    "publisher_findings",
    "sign_in_evidence",
    "sign_in_only",
    "signal_findings",
]
