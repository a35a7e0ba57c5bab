"""``--fail-on``: turn an inventory (and its diff against the last snapshot) into an exit code.

A scheduled job gates on the *state* of the tenant for severities and undisclosed flows ("is
there any high finding?"), and on the *change* for ``new-findings`` / ``any-change``. The
diff-based rules are ``m365inv.diff.fail_on_reasons``; this module only adds the absolute ones
and the first-run case (no previous snapshot: every finding is new).
"""

from __future__ import annotations

from collections.abc import Iterable

from m365inv.diff import FAIL_ON, InventoryDiff, fail_on_reasons
from m365inv.errors import ConfigError
from m365inv.findings.severity import SEVERITY_RANK, severity_at_least
from m365inv.models import Inventory


def parse_policies(spec: str | None) -> tuple[str, ...]:
    """``"high,new-findings"`` → validated policies (a typo must not silently disable a gate)."""
    policies = tuple(p.strip() for p in (spec or "").split(",") if p.strip())
    for policy in policies:
        if policy not in FAIL_ON:
            raise ConfigError(
                f"unknown --fail-on value {policy!r}", tip=f"use {', '.join(FAIL_ON)}"
            )
    return policies


def gate_reasons(
    inventory: Inventory, diff: InventoryDiff | None, policies: Iterable[str]
) -> list[str]:
    """Why the job should fail (empty: it passes)."""
    reasons: list[str] = []
    findings = [f for app in inventory.apps for f in app.findings]
    for policy in policies:
        if policy in SEVERITY_RANK:
            hits = [f for f in findings if severity_at_least(f.severity, policy)]
            if hits:
                reasons.append(f"{len(hits)} finding(s) at or above {policy}")
        elif policy == "undisclosed":
            hidden = [f for f in inventory.flows if f.disclosed is False]
            if hidden:
                reasons.append(f"{len(hidden)} flow(s) the vendor does not disclose")
        elif diff is not None:
            reasons += fail_on_reasons(diff, [policy])
        elif policy == "new-findings" and findings:
            reasons.append(f"{len(findings)} new finding(s) (no previous snapshot)")
    return reasons
