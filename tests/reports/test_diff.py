"""Flow-level diff: exactly the changes made, deterministic, gateable."""

from __future__ import annotations

import json
from collections.abc import Callable

import msgspec
import pytest

from m365inv.diff import KINDS, diff_inventories, fail_on_reasons, summary_counts
from m365inv.errors import ConfigError
from m365inv.models import (
    App,
    Coverage,
    Finding,
    Inventory,
    Provisioning,
    Publisher,
)
from m365inv.reports.diff import encode_diff, render_diff
from tests.reports.fixture_inventory import _flow, _perm

NEW_APP = App(
    app_id="44444444-0000-0000-0000-000000000004",
    service_principal_id="sp-new",
    display_name="ContactSync",
    first_party=False,
    publisher=Publisher(name="utilitas GmbH", verified=False),
    permissions=(
        _perm(
            "Contacts.ReadWrite",
            "delegated",
            consent_type="Principal",
            principal_count=3,
            granted_at="2026-03-02T07:00:00Z",
        ),
    ),
    data_categories=("user.contact",),
    findings=(Finding(code="NO_VENDOR_MATCH", severity="high", message="unknown vendor"),),
)


def _mutate(inv: Inventory) -> Inventory:
    """New consent (app), revoked grant, new SCIM attribute, policy and coverage changes."""
    apps = []
    for app in inv.apps:
        if app.display_name == "Mailissa":  # revoke the GroupMember.Read.All grant
            app = msgspec.structs.replace(
                app,
                permissions=tuple(p for p in app.permissions if p.value != "GroupMember.Read.All"),
                data_categories=("user.contact.email", "user.name"),
                findings=tuple(f for f in app.findings if f.code != "UNDISCLOSED_CATEGORY"),
            )
        if app.provisioning:  # department is now provisioned
            prov: Provisioning = app.provisioning
            app = msgspec.structs.replace(
                app,
                provisioning=msgspec.structs.replace(
                    prov, attributes=(*prov.attributes, "urn:enterprise:department")
                ),
            )
        apps.append(app)
    apps.append(NEW_APP)
    flows = [f for f in inv.flows if f.category != "ext:user.social.group_membership"]
    flows.append(_flow(NEW_APP.app_id, None, "user.contact", False, scope="consenting-users",
                       count=3, evidence=("Contacts.ReadWrite",), access="write"))  # fmt: skip
    vendors = [
        msgspec.structs.replace(v, policy_version="2026-02") if v.id == "mailstore" else v
        for v in inv.vendors
    ]
    coverage = [
        Coverage(source="teamsApps", complete=True, item_count=4) if c.source == "teamsApps" else c
        for c in inv.coverage
    ]
    return msgspec.structs.replace(
        inv,
        apps=tuple(apps),
        flows=tuple(flows),
        vendors=tuple(vendors),
        coverage=tuple(coverage),
        tenant=msgspec.structs.replace(inv.tenant, scanned_at="2026-03-02T08:00:00Z"),
    )


def test_unchanged_inventory_has_no_changes(inventory: Inventory) -> None:
    later = msgspec.structs.replace(
        inventory,
        tenant=msgspec.structs.replace(inventory.tenant, scanned_at="2026-04-01T00:00:00Z"),
    )
    diff = diff_inventories(inventory, later)
    assert diff.changes == ()
    assert "No changes." in render_diff(diff)


def test_reports_exactly_the_mutations(inventory: Inventory) -> None:
    diff = diff_inventories(inventory, _mutate(inventory))
    assert summary_counts(diff.changes) == {
        "app-added": 1,
        "permission-gained": 1,
        "permission-lost": 1,
        "category-removed": 1,
        "provisioning-attribute-added": 1,
        "undisclosed-flow-new": 1,
        "finding-new": 1,
        "finding-resolved": 1,
        "policy-changed": 1,
        "coverage-changed": 1,
    }
    gained = diff.of("permission-gained")[0]
    assert (gained.app_name, gained.item) == ("ContactSync", "Contacts.ReadWrite")
    assert gained.details["consentType"] == "Principal"
    assert gained.details["principalCount"] == 3
    assert gained.details["grantedAt"] == "2026-03-02T07:00:00Z"
    lost = diff.of("permission-lost")[0]
    assert (lost.app_name, lost.item, lost.details["principalCount"]) == (
        "Mailissa", "GroupMember.Read.All", 80)  # fmt: skip
    assert diff.of("provisioning-attribute-added")[0].item == "urn:enterprise:department"
    assert diff.of("policy-changed")[0].details["versionAfter"] == "2026-02"
    assert diff.of("category-removed")[0].item == "ext:user.social.group_membership"


def test_reverse_diff_mirrors(inventory: Inventory) -> None:
    back = diff_inventories(_mutate(inventory), inventory)
    counts = summary_counts(back.changes)
    assert counts["app-removed"] == 1 and counts["permission-gained"] == 1
    assert counts["category-added"] == 1 and counts["provisioning-attribute-removed"] == 1
    assert counts["undisclosed-flow-new"] == 1  # group memberships come back undisclosed


def test_principal_count_change(inventory: Inventory) -> None:
    apps = tuple(
        msgspec.structs.replace(a, permissions=tuple(
            msgspec.structs.replace(p, principal_count=120) if p.value == "User.Read" else p
            for p in a.permissions))
        if a.display_name == "Mailissa" else a
        for a in inventory.apps
    )  # fmt: skip
    diff = diff_inventories(inventory, msgspec.structs.replace(inventory, apps=apps))
    (change,) = diff.changes
    assert change.kind == "permission-changed"
    assert (change.details["principalCountBefore"], change.details["principalCount"]) == (80, 120)


def test_vendor_and_disclosure_changes(inventory: Inventory) -> None:
    apps = tuple(
        msgspec.structs.replace(a, vendor=None) if a.display_name == "MailStore Server" else a
        for a in inventory.apps
    )
    flows = tuple(
        msgspec.structs.replace(f, disclosed=None) if f.category == "user.contact.email" else f
        for f in inventory.flows
    )
    diff = diff_inventories(inventory, msgspec.structs.replace(inventory, apps=apps, flows=flows))
    assert [c.kind for c in diff.changes] == ["disclosure-changed", "vendor-changed"]
    assert diff.of("vendor-changed")[0].details == {"before": "mailstore", "after": None}


def test_fail_on(inventory: Inventory) -> None:
    diff = diff_inventories(inventory, _mutate(inventory))
    assert fail_on_reasons(diff, ["high"]) == ["1 new finding(s) at or above high"]
    assert fail_on_reasons(diff, ["critical"]) == []
    assert fail_on_reasons(diff, ["undisclosed", "new-findings"]) == [
        "1 new undisclosed flow(s)", "1 new finding(s)"]  # fmt: skip
    assert fail_on_reasons(diff_inventories(inventory, inventory), ["any-change"]) == []
    with pytest.raises(ConfigError):
        fail_on_reasons(diff, ["bogus"])


def test_deterministic_and_json(inventory: Inventory) -> None:
    a = diff_inventories(inventory, _mutate(inventory))
    shuffled = msgspec.structs.replace(
        _mutate(inventory), apps=tuple(reversed(_mutate(inventory).apps))
    )
    assert encode_diff(a) == encode_diff(diff_inventories(inventory, shuffled))
    doc = json.loads(encode_diff(a))
    assert doc["tenantId"] == inventory.tenant.id and doc["changes"][0]["kind"] == "app-added"
    assert [KINDS.index(c["kind"]) for c in doc["changes"]] == sorted(
        KINDS.index(c["kind"]) for c in doc["changes"]
    )


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_golden(inventory: Inventory, golden: Callable[[str, bytes], None], fmt: str) -> None:
    diff = diff_inventories(inventory, _mutate(inventory))
    golden(f"diff.{fmt}", render_diff(diff, fmt).encode())
