"""Flow-level diff of two inventories: what changed between two snapshots of one tenant.

The questions a DPO asks after a scheduled run: which apps appeared or left, which permissions
were gained or lost (who consented, for how many people, when), which data categories an app
can newly reach, which findings are new or resolved, which vendor match or vendor policy
changed, and whether a source that was read last time was not read this time. Output is
deterministic: changes are sorted by a fixed key.

**Not read is not removed.** A change is only as good as the sections it is read from. When a
section was read completely last time and not this time (a 403, a failed page), nothing it feeds
can be said to have gone: the removals that depend on it (an app, a permission, a category, an
attribute, a resolved finding) are withheld and the section's ``coverage-changed`` entry says
"not read" and how many were withheld. Symmetrically, when a section is read again after a gap,
what "appears" from it is not new — it was unseen — so those additions are withheld too. What is
computed from everything an app reaches (findings, data categories, flows) is withheld in both
directions: ``finding-new`` computed from half the data is no finding, and ``--fail-on
new-findings`` gates on it. ``snapshot`` diffs against the newest
snapshot that read at least what this one read, so that fallback is rare.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from m365inv.canonical import canonical
from m365inv.errors import ConfigError
from m365inv.findings.severity import SEVERITY_RANK, severity_at_least
from m365inv.models import App, Inventory, Permission, Severity

KINDS = (
    "app-added",
    "app-removed",
    "permission-gained",
    "permission-lost",
    "permission-changed",
    "category-added",
    "category-removed",
    "provisioning-attribute-added",
    "provisioning-attribute-removed",
    "undisclosed-flow-new",
    "disclosure-changed",
    "finding-new",
    "finding-resolved",
    "vendor-changed",
    "policy-changed",
    "coverage-changed",
)
FAIL_ON = ("new-findings", "critical", "high", "medium", "low", "undisclosed", "any-change")

Detail = str | int | bool | None


class Change(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    kind: str
    item: str  # permission value, category key, finding code, attribute, source, vendor id
    app_id: str | None = None
    app_name: str | None = None
    severity: Severity | None = None
    details: dict[str, Detail] = msgspec.field(default_factory=dict)


class InventoryDiff(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    tenant_id: str
    before: str  # scannedAt of the older inventory
    after: str
    changes: tuple[Change, ...] = ()

    def of(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)


def _perm_key(p: Permission) -> tuple[str, str, str, str]:
    return (p.resource_app_id, p.kind, p.id, p.consent_type or "")


def _perm_details(p: Permission) -> dict[str, Detail]:
    return {
        "type": p.kind,
        "resource": p.resource_name or p.resource_app_id,
        "consentType": p.consent_type,
        "principalCount": p.principal_count,
        "grantedAt": p.granted_at,
    }


def _app_changes(a: App, b: App) -> list[Change]:
    def mk(kind: str, item: str, **kw: object) -> Change:
        return Change(kind=kind, item=item, app_id=b.app_id, app_name=b.display_name, **kw)  # type: ignore[arg-type]

    out: list[Change] = []
    pa = {_perm_key(p): p for p in a.permissions}
    pb = {_perm_key(p): p for p in b.permissions}
    for k in pb.keys() - pa.keys():
        out.append(mk("permission-gained", pb[k].value or pb[k].id, details=_perm_details(pb[k])))
    for k in pa.keys() - pb.keys():
        out.append(mk("permission-lost", pa[k].value or pa[k].id, details=_perm_details(pa[k])))
    for k in pa.keys() & pb.keys():
        if pa[k].principal_count != pb[k].principal_count:
            d = _perm_details(pb[k]) | {"principalCountBefore": pa[k].principal_count}
            out.append(mk("permission-changed", pb[k].value or pb[k].id, details=d))
    for cat in sorted(set(b.data_categories) - set(a.data_categories)):
        out.append(mk("category-added", cat))
    for cat in sorted(set(a.data_categories) - set(b.data_categories)):
        out.append(mk("category-removed", cat))
    attrs_a = set(a.provisioning.attributes) if a.provisioning else set()
    attrs_b = set(b.provisioning.attributes) if b.provisioning else set()
    out += [mk("provisioning-attribute-added", x) for x in sorted(attrs_b - attrs_a)]
    out += [mk("provisioning-attribute-removed", x) for x in sorted(attrs_a - attrs_b)]
    fa = {(f.code, f.message): f for f in a.findings}
    fb = {(f.code, f.message): f for f in b.findings}
    for fk in fb.keys() - fa.keys():
        f = fb[fk]
        out.append(mk("finding-new", f.code, severity=f.severity, details={"message": f.message}))
    for fk in fa.keys() - fb.keys():
        f = fa[fk]
        out.append(
            mk("finding-resolved", f.code, severity=f.severity, details={"message": f.message})
        )
    va, vb = (a.vendor.id if a.vendor else None), (b.vendor.id if b.vendor else None)
    if va != vb:
        out.append(mk("vendor-changed", vb or "", details={"before": va, "after": vb}))
    return out


def _added_or_removed(kind: str, app: App) -> list[Change]:
    base = Change(
        kind=kind,
        item=f"vendor {app.vendor.id}" if app.vendor else "no vendor match",
        app_id=app.app_id,
        app_name=app.display_name,
        details={"publisher": app.publisher.name, "categories": ", ".join(app.data_categories)},
    )
    perm_kind = "permission-gained" if kind == "app-added" else "permission-lost"
    perms = [
        Change(kind=perm_kind, item=p.value or p.id, app_id=app.app_id,
               app_name=app.display_name, details=_perm_details(p))
        for p in app.permissions
    ]  # fmt: skip
    if kind == "app-added":
        perms += [
            Change(kind="finding-new", item=f.code, app_id=app.app_id, app_name=app.display_name,
                   severity=f.severity, details={"message": f.message})
            for f in app.findings
        ]  # fmt: skip
    return [base, *perms]


REMOVALS = frozenset(
    {"app-removed", "permission-lost", "category-removed", "provisioning-attribute-removed",
     "finding-resolved"}
)  # fmt: skip
ADDITIONS = frozenset(
    {"app-added", "permission-gained", "category-added", "provisioning-attribute-added",
     "finding-new", "undisclosed-flow-new"}
)  # fmt: skip
# Computed from everything an app reaches (findings, categories, flows): unreliable in both
# directions when a section they are computed from changed coverage.
DERIVED = frozenset(
    {"finding-new", "finding-resolved", "category-added", "category-removed",
     "undisclosed-flow-new", "disclosure-changed", "permission-changed", "vendor-changed"}
)  # fmt: skip
# Everything an app listed through its service principal is read from (resolve/apps.py).
_SP_APP_SOURCES = frozenset(
    {"servicePrincipals", "oauth2PermissionGrants", "appRoleAssignedTo", "synchronizationJobs",
     "principals", "groupMembers"}
)  # fmt: skip


def _app_sources(app: App | None) -> frozenset[str]:
    if app is None:
        return _SP_APP_SOURCES
    out = set(app.sources)
    if "servicePrincipals" in out or not out:
        out |= _SP_APP_SOURCES
    return frozenset(out)


def _depends_on(c: Change, apps: dict[str, App]) -> frozenset[str]:
    """The coverage sources a change is read from."""
    if c.kind.startswith("provisioning-attribute"):
        return frozenset({"synchronizationJobs"})
    if c.kind.startswith("permission-") and c.details.get("type") == "delegated":
        return frozenset({"oauth2PermissionGrants", "principals"})
    if c.kind.startswith("permission-") and c.details.get("type") == "application":
        return frozenset({"appRoleAssignedTo", "groupMembers"})
    if c.kind in ("policy-changed", "coverage-changed"):
        return frozenset()
    return _app_sources(apps.get(c.app_id or ""))


def _unsure(
    changes: list[Change], a: Inventory, b: Inventory
) -> tuple[list[Change], dict[str, int]]:
    """Drop the changes a coverage change makes unreliable; count them per section."""
    ca, cb = {c.source: c.complete for c in a.coverage}, {c.source: c.complete for c in b.coverage}
    unread = {s for s in ca.keys() & cb.keys() if ca[s] and not cb[s]}
    read_again = {s for s in ca.keys() & cb.keys() if not ca[s] and cb[s]}
    if not unread and not read_again:
        return changes, {}
    apps = {x.app_id: x for x in a.apps} | {x.app_id: x for x in b.apps}
    kept: list[Change] = []
    withheld: dict[str, int] = {}
    for c in changes:
        deps = _depends_on(c, apps)
        if c.kind in DERIVED:
            hit = deps & (unread | read_again)
        else:  # a direct observation: only the direction the gap can fake is unreliable
            hit = deps & (read_again if c.kind in ADDITIONS else unread)
        if not hit:
            kept.append(c)
        for source in hit:
            withheld[source] = withheld.get(source, 0) + 1
    return kept, withheld


def _vendor_and_coverage(
    a: Inventory, b: Inventory, withheld: dict[str, int] | None = None
) -> list[Change]:
    out: list[Change] = []
    va, vb = {v.id: v for v in a.vendors}, {v.id: v for v in b.vendors}
    for vid in sorted(va.keys() & vb.keys()):
        before = (va[vid].policy_url, va[vid].policy_version, va[vid].policy_date)
        after = (vb[vid].policy_url, vb[vid].policy_version, vb[vid].policy_date)
        if before != after:
            out.append(Change(kind="policy-changed", item=vid, details={
                "versionBefore": before[1], "versionAfter": after[1],
                "dateBefore": before[2], "dateAfter": after[2], "url": after[0]}))  # fmt: skip
    ca, cb = {c.source: c.complete for c in a.coverage}, {c.source: c.complete for c in b.coverage}
    for src in sorted(ca.keys() | cb.keys()):
        if ca.get(src) != cb.get(src):
            details: dict[str, Detail] = {
                "completeBefore": ca.get(src),
                "completeAfter": cb.get(src),
            }
            if ca.get(src) and cb.get(src) is False:
                details["state"] = "not read"
                details["removalsWithheld"] = (withheld or {}).get(src, 0)
            elif ca.get(src) is False and cb.get(src):
                details["state"] = "read again"
                details["additionsWithheld"] = (withheld or {}).get(src, 0)
            out.append(Change(kind="coverage-changed", item=src, details=details))
    return out


def _flow_changes(a: Inventory, b: Inventory, names: dict[str, str | None]) -> list[Change]:
    fa = {(f.app_id, f.category, f.access): f.disclosed for f in a.flows}
    out = []
    for f in b.flows:
        key = (f.app_id, f.category, f.access)
        before = fa.get(key, "absent")
        if f.disclosed is False and before is not False:
            out.append(
                Change(
                    kind="undisclosed-flow-new",
                    item=f.category,
                    app_id=f.app_id,
                    app_name=names.get(f.app_id),
                    details={"vendor": f.vendor},
                )
            )
        elif before != "absent" and before != f.disclosed:
            out.append(
                Change(
                    kind="disclosure-changed",
                    item=f.category,
                    app_id=f.app_id,
                    app_name=names.get(f.app_id),
                    details={"before": before, "after": f.disclosed},
                )
            )
    return out


def _sort_key(c: Change) -> tuple[int, str, str, str, str]:
    return (KINDS.index(c.kind), (c.app_name or "").casefold(), c.app_id or "", c.item,
            msgspec.json.encode(c.details, order="sorted").decode())  # fmt: skip


def diff_inventories(a: Inventory, b: Inventory) -> InventoryDiff:
    """Changes from ``a`` (older) to ``b`` (newer)."""
    a, b = canonical(a), canonical(b)
    apps_a = {x.app_id: x for x in a.apps}
    apps_b = {x.app_id: x for x in b.apps}
    changes: list[Change] = []
    for app_id in apps_b.keys() - apps_a.keys():
        changes += _added_or_removed("app-added", apps_b[app_id])
    for app_id in apps_a.keys() - apps_b.keys():
        changes += _added_or_removed("app-removed", apps_a[app_id])
    for app_id in apps_a.keys() & apps_b.keys():
        changes += _app_changes(apps_a[app_id], apps_b[app_id])
    names = {x.app_id: x.display_name for x in b.apps}
    changes += _flow_changes(a, b, names)
    changes, withheld = _unsure(changes, a, b)
    changes += _vendor_and_coverage(a, b, withheld)
    return InventoryDiff(
        tenant_id=b.tenant.id,
        before=a.tenant.scanned_at,
        after=b.tenant.scanned_at,
        changes=tuple(sorted(changes, key=_sort_key)),
    )


def comparable(older: Inventory, newer: Inventory) -> bool:
    """``older`` read at least every section ``newer`` read — a fair baseline for a diff."""
    gaps_old = {c.source for c in older.coverage if not c.complete}
    gaps_new = {c.source for c in newer.coverage if not c.complete}
    return gaps_old <= gaps_new


def fail_on_reasons(diff: InventoryDiff, policies: Iterable[str]) -> list[str]:
    """Why a gated job should fail (empty: pass). Severity policies mean "a new finding at or
    above this severity"; ``undisclosed`` means a flow the vendor does not disclose appeared."""
    reasons = []
    new = diff.of("finding-new")
    for policy in policies:
        if policy not in FAIL_ON:
            raise ConfigError(
                f"unknown --fail-on value {policy!r}", tip=f"use {', '.join(FAIL_ON)}"
            )
        if policy == "new-findings" and new:
            reasons.append(f"{len(new)} new finding(s)")
        elif policy in SEVERITY_RANK:
            hits = [c for c in new if c.severity and severity_at_least(c.severity, policy)]
            if hits:
                reasons.append(f"{len(hits)} new finding(s) at or above {policy}")
        elif policy == "undisclosed" and diff.of("undisclosed-flow-new"):
            reasons.append(f"{len(diff.of('undisclosed-flow-new'))} new undisclosed flow(s)")
        elif policy == "any-change" and diff.changes:
            reasons.append(f"{len(diff.changes)} change(s)")
    return reasons


def summary_counts(changes: Sequence[Change]) -> dict[str, int]:
    counts = {k: 0 for k in KINDS}
    for c in changes:
        counts[c.kind] += 1
    return {k: v for k, v in counts.items() if v}


__all__ = [
    "FAIL_ON",
    "KINDS",
    "Change",
    "InventoryDiff",
    "comparable",
    "diff_inventories",
    "fail_on_reasons",
    "summary_counts",
]
