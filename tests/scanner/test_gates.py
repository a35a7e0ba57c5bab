"""``--fail-on``: absolute gates on the tenant's state, diff gates on what changed."""

from __future__ import annotations

import msgspec
import pytest

from m365inv.diff import diff_inventories
from m365inv.errors import ConfigError
from m365inv.gates import gate_reasons, parse_policies
from tests.reports.fixture_inventory import build_inventory, empty_inventory


def test_parse_rejects_typos_instead_of_silently_disabling_a_gate() -> None:
    assert parse_policies("high, new-findings") == ("high", "new-findings")
    assert parse_policies(None) == ()
    with pytest.raises(ConfigError, match="'hihg'"):
        parse_policies("hihg")


def test_severity_gate_is_absolute_and_inclusive() -> None:
    inv = build_inventory()
    severities = {f.severity for a in inv.apps for f in a.findings}
    assert "high" in severities
    assert any("at or above high" in r for r in gate_reasons(inv, None, ["high"]))
    assert gate_reasons(empty_inventory(), None, ["low", "undisclosed"]) == []


def test_undisclosed_gate_counts_flows_the_vendor_does_not_disclose() -> None:
    inv = build_inventory()
    hidden = sum(1 for f in inv.flows if f.disclosed is False)
    assert hidden
    assert gate_reasons(inv, None, ["undisclosed"]) == [
        f"{hidden} flow(s) the vendor does not disclose"
    ]


def test_new_findings_first_run_counts_every_finding_then_uses_the_diff() -> None:
    inv = build_inventory()
    total = sum(len(a.findings) for a in inv.apps)
    assert gate_reasons(inv, None, ["new-findings"]) == [
        f"{total} new finding(s) (no previous snapshot)"
    ]
    same = diff_inventories(inv, inv)
    assert gate_reasons(inv, same, ["new-findings", "any-change"]) == []
    fewer = msgspec.structs.replace(
        inv, apps=tuple(msgspec.structs.replace(a, findings=()) for a in inv.apps)
    )
    grown = diff_inventories(fewer, inv)
    assert gate_reasons(inv, grown, ["new-findings"]) == [f"{total} new finding(s)"]
