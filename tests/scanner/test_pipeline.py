"""End to end on the sandbox tenant: real MSAL sign-in, real Graph over HTTPS, the whole pipeline.

The five seed vendors' apps must be matched to their catalog entries with the flows and findings
their real products would cause (DESIGN.md, issue 5's "done when").
"""

from __future__ import annotations

import asyncio
import datetime as dt

import jsonschema
import msgspec
import pytest

from m365inv.auth import open_token_source
from m365inv.catalog import load_catalog
from m365inv.classify.provisioning import NOTE_SYNC_SCOPE
from m365inv.demo import sandbox_profile
from m365inv.models import DEFAULT_ACCESS, DEFAULT_ACCESS_ROLE_ID, PROVISIONING_SCOPE, Inventory
from m365inv.pipeline import ScanResult, scan
from m365inv.reports.json_feed import encode_inventory, schema
from m365inv.sandbox import Sandbox
from m365inv.sandbox.tenant_members import transitive_user_indices

NOW = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)


def _scan(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> ScanResult:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)
    profile = sandbox_profile(sandbox.info)
    source = open_token_source(profile, vault=None, interactive=False)
    return asyncio.run(scan(source, load_catalog(), tenant_id=profile.tenant_id, now=NOW))


@pytest.fixture
def inventory(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, hostile_ca_env: str) -> Inventory:
    return _scan(sandbox, monkeypatch).inventory


def _app(inv: Inventory, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in inv.apps if a.display_name == name)


def _codes(inv: Inventory, name: str) -> set[str]:
    return {f.code for f in _app(inv, name).findings}


def _flows(inv: Inventory, vendor: str) -> dict[str, tuple[str, str, int | None, bool | None]]:
    return {
        f.category: (f.access, f.subjects.scope, f.subjects.count, f.disclosed)
        for f in inv.flows
        if f.vendor == vendor
    }


def test_inventory_is_complete_and_valid(inventory: Inventory) -> None:
    assert all(c.complete for c in inventory.coverage), inventory.coverage
    jsonschema.validate(msgspec.json.decode(encode_inventory(inventory)), schema())
    counts = inventory.tenant.counts
    assert counts.users == 200  # every user object: members and guests
    assert counts.members is not None and counts.guests is not None and counts.guests > 0
    assert counts.members + counts.guests == 200
    assert counts.enabled_users is not None and counts.enabled_users < 200


@pytest.mark.parametrize(
    ("app", "vendor"),
    [
        ("Mailissa", "axontic-mailissa"),
        ("MailStore Server", "mailstore"),
        ("ContactSync", "utilitas-contactsync"),
        ("Telefonsekretariat Emilie", "milliways-emilie"),
        ("Mail Professionals Signatures", "mailprofessionals"),
    ],
)
def test_each_seed_vendor_is_matched(inventory: Inventory, app: str, vendor: str) -> None:
    match = _app(inventory, app).vendor
    assert match is not None and match.id == vendor
    assert match.confidence >= 0.8
    assert any(v.id == vendor for v in inventory.vendors)


def test_mailstore_archiver_reads_every_mailbox(inventory: Inventory) -> None:
    flows = _flows(inventory, "mailstore")
    access, scope, count, disclosed = flows["user.content.private.email"]
    assert (access, scope, disclosed) == ("full", "tenant", False)
    assert count == 200
    evidence = next(
        f.evidence
        for f in inventory.flows
        if f.vendor == "mailstore" and f.category == "user.content.private.email"
    )
    assert any("full_access_as_app" in e for e in evidence)
    assert {"CONTENT_ACCESS", "STALE_POLICY", "UNDISCLOSED_CATEGORY"} <= _codes(
        inventory, "MailStore Server"
    )
    assert "UNVERIFIED_PUBLISHER" not in _codes(inventory, "MailStore Server")


def test_mailissa_per_user_grants(inventory: Inventory) -> None:
    app = _app(inventory, "Mailissa")
    delegated = [p for p in app.permissions if p.kind == "delegated"]
    assert delegated and all(p.consent_type == "Principal" for p in delegated)
    assert all(p.principal_count and 0 < p.principal_count < 200 for p in delegated)
    flows = _flows(inventory, "axontic-mailissa")
    assert flows["user.contact.email"][3] is True  # the policy discloses the e-mail address
    assert flows["user.job_title"][1] == "consenting-users"
    assert {"REACH_WIDER_THAN_DISCLOSED", "UNVERIFIED_PUBLISHER"} <= _codes(inventory, "Mailissa")


def test_contactsync_and_emilie_signals(inventory: Inventory) -> None:
    # Both are unverified and their policies name no domain: display name and an observed
    # homepage alone make only a *possible* match (issue 10 item 8) — their flows are not
    # checked against the policies, and no vendor-level finding is claimed for them.
    for name in ("ContactSync", "Telefonsekretariat Emilie"):
        match = _app(inventory, name).vendor
        assert match is not None and match.level == "possible"
        assert "VENDOR_MATCH_UNCONFIRMED" in _codes(inventory, name)
        app_id = _app(inventory, name).app_id
        assert all(f.disclosed is None for f in inventory.flows if f.app_id == app_id)
    cs = _codes(inventory, "ContactSync")
    assert "TENANT_WIDE_WRITE" in cs and "STORED_IMPERSONATION_CREDENTIAL" not in cs
    cs_id = _app(inventory, "ContactSync").app_id
    email = next(
        f for f in inventory.flows if f.app_id == cs_id and f.category == "user.contact.email"
    )
    assert email.access == "write"
    emilie = _codes(inventory, "Telefonsekretariat Emilie")
    assert "EMPLOYEE_MONITORING" in emilie and "STALE_POLICY" not in emilie
    em_id = _app(inventory, "Telefonsekretariat Emilie").app_id
    assert any(f.category == "user.behavior.presence" for f in inventory.flows if f.app_id == em_id)


def _assigned_users(sandbox: Sandbox, sp_id: str) -> set[str]:
    """Distinct users assigned to ``sp_id`` directly or through a group — from the sandbox."""
    t = sandbox.tenant
    rows = [t.assignments.get(i) or {} for i in t.assignments_to(sp_id)]
    users = {r["principalId"] for r in rows if r["principalType"] == "User"}
    for r in rows:
        if r["principalType"] == "Group":  # transitive: a nested group's users are assigned too
            indices = transitive_user_indices(t, r["principalId"]) or []
            users |= {u["id"] for u in (t.users.get(i) for i in indices) if u}
    return users


def test_mail_professionals_provisioning_attributes(inventory: Inventory, sandbox: Sandbox) -> None:
    app = _app(inventory, "Mail Professionals Signatures")
    assert app.provisioning is not None
    assert {"userName", "name.givenName", "title"} <= set(app.provisioning.attributes)
    evidence = {e for f in inventory.flows if f.vendor == "mailprofessionals" for e in f.evidence}
    assert any(e.startswith("provisioning: jobTitle") for e in evidence)
    expected = _assigned_users(sandbox, app.service_principal_id)
    direct = sum(
        1
        for i in sandbox.tenant.assignments_to(app.service_principal_id)
        if (sandbox.tenant.assignments.get(i) or {}).get("principalType") == "User"
    )
    assert len(expected) > direct > 0  # both direct users and a group's members count
    assigned = [
        f
        for f in inventory.flows
        if f.subjects.scope == "assigned-users" and f.app_id == app.app_id
    ]
    assert assigned and all(f.vendor == "mailprofessionals" for f in assigned)
    assert {f.subjects.count for f in assigned} == {len(expected)}
    # never "assigned users only": Graph cannot read "Sync all users and groups"
    assert app.provisioning.scope == PROVISIONING_SCOPE
    assert all(NOTE_SYNC_SCOPE in f.notes for f in assigned)


def test_gallery_connector_flows_come_from_entra_sources(
    inventory: Inventory, sandbox: Sandbox
) -> None:
    t = sandbox.tenant
    sp_id = t.sp_id(t.gallery_app())
    app = next(a for a in inventory.apps if a.service_principal_id == sp_id)
    assert app.provisioning is not None and "IsActive" in app.provisioning.attributes
    flows = {f.category: f for f in inventory.flows if f.app_id == app.app_id}
    prov = {c for c, f in flows.items() if any(e.startswith("provisioning:") for e in f.evidence)}
    assert prov == {
        "user.account", "user.account.username", "user.contact.email", "user.name",
        "user.workplace", "user.location.imprecise", "user.authorization",
        "user.social.group_membership",
    }  # fmt: skip
    assert flows["user.account"].subjects.count == len(t.gallery_users())


def test_first_party_apps_never_match_a_vendor(inventory: Inventory) -> None:
    assert all(a.vendor is None for a in inventory.apps if a.first_party)


def test_unresolved_permissions_are_reported_not_dropped(inventory: Inventory) -> None:
    unresolved = [p for a in inventory.apps for p in a.permissions if not p.resolved]
    assert unresolved, "the sandbox plants permission ids that exist nowhere"
    assert all(p.value is None and p.id for p in unresolved)
    codes = {f.code for a in inventory.apps for f in a.findings}
    assert "UNRESOLVED_PERMISSION" in codes


def test_missing_permission_is_a_gap_not_an_empty_section(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    roles = {
        "User.Read.All",
        "Application.Read.All",
        "Directory.Read.All",
        "Organization.Read.All",
        "GroupMember.Read.All",
        "AppCatalog.Read.All",
    }  # no Synchronization.Read.All
    sandbox.set_client_roles(sandbox.info.client_id, roles)
    inv = _scan(sandbox, monkeypatch).inventory
    gaps = {c.source: c for c in inv.coverage if not c.complete}
    assert "synchronizationJobs" in gaps
    assert gaps["synchronizationJobs"].required_permission == "Synchronization.Read.All"
    assert _app(inv, "Mail Professionals Signatures").provisioning is None
    assert inv.apps  # the rest of the scan went on


def test_default_access_and_unknown_roles_are_listed_never_dropped(
    inventory: Inventory, sandbox: Sandbox
) -> None:
    contactsync = _app(inventory, "ContactSync")
    default = [p for p in contactsync.permissions if p.id == DEFAULT_ACCESS_ROLE_ID]
    assert [(p.value, p.resource_name, p.kind) for p in default] == [
        (DEFAULT_ACCESS, "HR-Portal (intern)", "application")
    ]
    assert default[0].resolved and not default[0].classified  # what the API holds is unknown
    finding = next(f for f in contactsync.findings if f.code == "UNCLASSIFIED_PERMISSION")
    assert "HR-Portal (intern): default access (application)" in finding.evidence
    # an appRoleId the resource does not define: listed, unresolved and unclassified
    unknown = [
        p
        for a in inventory.apps
        for p in a.permissions
        if p.kind == "application" and not p.resolved
    ]
    assert unknown and all(p.value is None and not p.classified for p in unknown)


def test_teams_rejected_and_pending_apps_are_not_inventoried(inventory: Inventory) -> None:
    names = {a.display_name for a in inventory.apps}
    assert "Gehaltsrechner" not in names and "Urlaubsplaner" not in names
    emilie = _app(inventory, "Telefonsekretariat Emilie")
    assert "teamsApps" in emilie.sources  # linked through the published definition


def test_outlook_add_ins_produce_flows_with_their_reach(inventory: Inventory) -> None:
    flows = {
        (a.display_name, f.category): f
        for a in inventory.apps
        for f in inventory.flows
        if f.app_id == a.app_id and any(e.startswith("Outlook add-in") for e in f.evidence)
    }
    mailissa = flows[("Mailissa for Outlook", "user.content.private.email")]
    assert (mailissa.access, mailissa.subjects.scope) == ("full", "tenant")
    hostile = flows[("=cmd|' /C calc'!A0 Add-in", "user.content.private.email")]
    assert (hostile.access, hostile.subjects.scope, hostile.subjects.count) == (
        "read", "assigned-users", 3,
    )  # fmt: skip
    names = {name for name, _ in flows}
    assert "Signatur-Vorschau" not in names  # Restricted: no personal data
    assert "Alter Kalender-Export" not in names  # disabled


def test_stale_app_with_personal_data_reach_is_a_finding(inventory: Inventory) -> None:
    contactsync = _app(inventory, "ContactSync")
    assert contactsync.last_sign_in is not None
    [stale] = [f for f in contactsync.findings if f.code == "STALE_APP"]
    assert stale.severity == "medium" and "threshold: 90 days" in stale.evidence
    assert "days ago" in stale.message
    mailissa = _app(inventory, "Mailissa")
    assert all(f.code != "STALE_APP" for f in mailissa.findings)  # signed in recently
    assert all(f.code != "STALE_APP" for a in inventory.apps if a.first_party for f in a.findings)
